"""Connection-rate limits of server tunnels, per calling destination and in total.

The knobs are Java I2P's (`i2p.streaming.maxConnsPerMinute` … `maxTotalConnsPerDay`,
0 = no limit): a stream that would exceed a limit is refused (closed at once, never
reaching the service) and counted under the limit that refused it. Unlike Java's
streaming library, which clears its counters every period and also counts refused
attempts, the windows here slide ("at most N in any 60 s") and only admitted
streams use up the allowance, so a client hammering the tunnel still gets its N.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, fields

from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.text import Text

MINUTE, HOUR, DAY = 60.0, 3600.0, 86400.0
PRUNE_EVERY = 60.0  # seconds between sweeps of clients whose windows have emptied


class RateWindow:
    """Times of the events in the last `period` seconds, at most `limit` of them
    (older ones cannot change the answer, so memory stays bounded by the limit)."""

    __slots__ = ("_times", "limit", "period")

    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period
        self._times: deque[float] = deque(maxlen=limit)

    def _expire(self, now: float) -> None:
        times, horizon = self._times, now - self.period
        while times and times[0] <= horizon:
            times.popleft()

    def full(self, now: float) -> bool:
        self._expire(now)
        return len(self._times) >= self.limit

    def add(self, now: float) -> None:
        self._times.append(now)

    def empty(self, now: float) -> bool:
        self._expire(now)
        return not self._times


LIMIT_NAMES = {  # ConnLimits field -> its name in messages
    "client_per_minute": Text("connections per client per minute"),
    "client_per_hour": Text("connections per client per hour"),
    "client_per_day": Text("connections per client per day"),
    "total_per_minute": Text("connections in total per minute"),
    "total_per_hour": Text("connections in total per hour"),
    "total_per_day": Text("connections in total per day"),
}


@dataclass(frozen=True, slots=True)
class ConnLimits:
    """0 = no limit. Field order is the order limits are checked in."""

    client_per_minute: int = 0
    client_per_hour: int = 0
    client_per_day: int = 0
    total_per_minute: int = 0
    total_per_hour: int = 0
    total_per_day: int = 0

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def problems(self) -> list[tuple[str, str]]:
        """(field, why) for every negative limit."""
        return [(f.name, Text("{limit} must be 0 (no limit) or more", limit=LIMIT_NAMES[f.name]))
                for f in fields(self) if getattr(self, f.name) < 0]


NO_CONN_LIMITS = ConnLimits()

_CLIENT = (
    ("client_per_minute", MINUTE, Refusal.CLIENT_MINUTE),
    ("client_per_hour", HOUR, Refusal.CLIENT_HOUR),
    ("client_per_day", DAY, Refusal.CLIENT_DAY),
)
_TOTAL = (
    ("total_per_minute", MINUTE, Refusal.TOTAL_MINUTE),
    ("total_per_hour", HOUR, Refusal.TOTAL_HOUR),
    ("total_per_day", DAY, Refusal.TOTAL_DAY),
)


class ConnThrottle:
    """Decides, per incoming stream, whether its caller is over a limit.

    Sans-IO and single-threaded (the engine thread); `clock` is injectable so the
    windows can be tested without waiting a day.
    """

    def __init__(self, limits: ConnLimits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._client_specs = [
            (getattr(limits, name), period, why)
            for name, period, why in _CLIENT
            if getattr(limits, name) > 0
        ]
        self._total = [
            (RateWindow(getattr(limits, name), period), why)
            for name, period, why in _TOTAL
            if getattr(limits, name) > 0
        ]
        self._clients: dict[bytes, list[tuple[RateWindow, Refusal]]] = {}
        self._next_prune = clock() + PRUNE_EVERY

    def admit(self, peer_hash: bytes) -> Refusal | None:
        """None and the stream counted, or the first limit it would exceed (not counted)."""
        now = self._clock()
        if now >= self._next_prune:
            self.prune(now)
        windows = self._clients.get(peer_hash)
        if windows is None and self._client_specs:
            windows = [(RateWindow(n, p), why) for n, p, why in self._client_specs]
            self._clients[peer_hash] = windows
        for w, why in windows or ():
            if w.full(now):
                return why
        for w, why in self._total:
            if w.full(now):
                return why
        for w, _ in windows or ():
            w.add(now)
        for w, _ in self._total:
            w.add(now)
        return None

    def prune(self, now: float | None = None) -> None:
        """Forget clients with nothing left in any window (memory stays bounded by
        the callers of the last day, not of the tunnel's whole life)."""
        now = self._clock() if now is None else now
        self._clients = {
            h: ws for h, ws in self._clients.items() if not all(w.empty(now) for w, _ in ws)
        }
        self._next_prune = now + PRUNE_EVERY

    @property
    def tracked_clients(self) -> int:
        return len(self._clients)
