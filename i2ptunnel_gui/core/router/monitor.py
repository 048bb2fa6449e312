"""Polls a router's I2PControl and keeps the recent bandwidth for the Router panel's graph."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from i2ptunnel_gui.core.router.errors import ControlError
from i2ptunnel_gui.core.router.health import RouterHealth
from i2ptunnel_gui.core.router.i2pcontrol import I2pControlClient

logger = logging.getLogger(__name__)

INTERVAL = 2.0
HISTORY = 150  # samples: five minutes at the default interval


@dataclass(frozen=True, slots=True)
class HealthSample:
    health: RouterHealth | None  # None when the poll failed
    error: str = ""  # why it failed, for the user


@dataclass(frozen=True, slots=True)
class BandwidthPoint:
    at: float  # time.time() of the sample
    bw_in: float  # bytes/s
    bw_out: float


class HealthMonitor:
    def __init__(
        self, client: I2pControlClient, *, interval: float = INTERVAL, history: int = HISTORY
    ) -> None:
        self.client = client
        self.interval = interval
        self.history: deque[BandwidthPoint] = deque(maxlen=history)
        self.latest = HealthSample(None, "not asked yet")
        self._listeners: list[Callable[[HealthSample], None]] = []

    def subscribe(self, callback: Callable[[HealthSample], None]) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback)

    async def poll_once(self) -> HealthSample:
        """One RouterInfo call (bounded by the client's timeout); never raises ControlError."""
        try:
            health = await self.client.router_health()
        except ControlError as e:
            sample = HealthSample(None, str(e))
        else:
            sample = HealthSample(health)
            if health.bw_in is not None and health.bw_out is not None:
                self.history.append(BandwidthPoint(health.sampled_at, health.bw_in, health.bw_out))
        self.latest = sample
        for callback in tuple(self._listeners):
            try:
                callback(sample)
            except Exception:
                logger.exception("router health listener failed")
        return sample

    async def run(self) -> None:
        """Poll every `interval` s until cancelled."""
        while True:
            await self.poll_once()
            await asyncio.sleep(self.interval)
