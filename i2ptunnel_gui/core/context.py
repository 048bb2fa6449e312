"""What a tunnel runtime gets from its engine and from the host that started it.

`EngineContext` is the engine's side (loop, event sink, app-wide SAM settings),
`StartOptions` the host's (the keywords of `Engine.start_tunnel`). Both are plain
data so the runtime module and the tunnel kinds can share them without importing
each other or the engine.
"""

from __future__ import annotations

import asyncio
import itertools
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from i2ptunnel_gui.core.sam.connection import DEFAULT_TIMEOUTS, SamTimeouts
from i2ptunnel_gui.core.spec import DEFAULT_SAM
from i2ptunnel_gui.core.status import TunnelEvent

# Opens the other side of one connection on the engine loop: a connected,
# non-blocking socket; closes what it opened on failure or cancellation.
Dial = Callable[[], Awaitable[socket.socket]]


@dataclass(frozen=True, slots=True)
class Backoff:
    """How a lost SAM session is re-created (docs/ARCHITECTURE.md retry policy), and
    how long a server waits after a failed accept."""

    first: float = 1.0  # seconds; doubles per failed attempt ...
    max: float = 60.0  # ... up to this
    stable: float = 10.0  # a session that dies younger than this counts as a flap
    # while waiting, a SAM HELLO this often: a router seen down and then answering
    # again has restarted, so the wait ends and the counters reset
    probe: float = 1.0
    accept_retry: float = 0.5  # after a failed STREAM ACCEPT, so a sick router is not hammered

    def delay(self, attempt: int) -> float:
        return float(min(self.max, self.first * (2 ** min(attempt, 16))))


DEFAULT_BACKOFF = Backoff()


@dataclass(frozen=True, slots=True)
class Health:
    """When a running I2P tunnel is called Degraded (docs/ENGINE.md "Health")."""

    reach_interval: float = 300.0  # seconds between checks of a persistent server; 0: off
    reach_timeout: float = 90.0  # one check, once its probe session exists
    failed_opens: int = 3  # consecutive failed or silent opens to one destination


DEFAULT_HEALTH = Health()


@dataclass
class EngineContext:
    """What a runtime may use from its engine (all on the engine thread)."""

    loop: asyncio.AbstractEventLoop
    emit: Callable[[TunnelEvent], None]  # deliver an event to the engine's subscribers
    sam_address: str = DEFAULT_SAM  # app-wide; spec.sam_address overrides when set
    # SAM USER/PASSWORD of the app-wide router (Java I2P with SAM authentication on);
    # sam_address and sam_auth are read at every session creation (Engine.set_router)
    sam_auth: tuple[str, str] | None = None
    keystore: Any = None  # core.keystore.KeyStore, or None (transient keys only)
    sam_timeouts: SamTimeouts = DEFAULT_TIMEOUTS
    backoff: Backoff = DEFAULT_BACKOFF
    health: Health = DEFAULT_HEALTH
    connection_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))


@dataclass(frozen=True, slots=True)
class StartOptions:
    """How the host asked for a tunnel (`Engine.start_tunnel`'s keywords)."""

    retry: bool = True  # RECONNECTING counts as started (else a first failure is final)
    listener: socket.socket | None = None  # bound listening socket to adopt (listening kinds)
    dial: Dial | None = None  # opens each connection's target instead of host:port (forward)
    nickname: str | None = None  # SAM session nickname (I2P kinds); random when None
