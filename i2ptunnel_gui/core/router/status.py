"""What the managed router is doing, as the hosts (CLI, headless, GUI) show it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum


class RouterState(StrEnum):
    STOPPED = "stopped"
    STARTING = "starting"  # i2pd started, its SAM bridge not answering yet
    RUNNING = "running"  # SAM answers
    RESTARTING = "restarting"  # i2pd ended by itself: started again after a backoff
    FAILED = "failed"  # cannot start: no binary, bad conf lines, data dir in use, ...


@dataclass(frozen=True, slots=True)
class RouterStatus:
    state: RouterState = RouterState.STOPPED
    message: str = ""
    sam_address: str = ""  # host:port while STARTING/RUNNING
    pid: int | None = None
    restarts: int = 0  # how often it was started again after ending by itself
    since: float = field(default_factory=time.time)

    @property
    def running(self) -> bool:
        return self.state is RouterState.RUNNING
