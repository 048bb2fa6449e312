"""POST/PUT limits of an HTTP server tunnel (Java's `maxPosts`, `maxTotalPosts`,
`postCheckTime`, `postBanTime`, `postTotalBanTime`; times in seconds).

A caller that sends more than `max_per_client` POSTs (or PUTs) within `window`
seconds is banned from posting for `ban` seconds; more than `max_total` from
everyone together bans all POSTs for `total_ban` seconds. A refused POST is
answered `429 Too Many Requests` and its stream closed, so its body never
reaches the service. 0 = no limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from i2ptunnel_gui.core.policy.conn_limits import RateWindow
from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.text import Text

# Java I2P's defaults (I2PTunnelHTTPServer), used when only a maximum is set
DEFAULT_WINDOW = 300
DEFAULT_BAN = 1200
DEFAULT_TOTAL_BAN = 600
LIMITED_METHODS = frozenset({b"POST", b"PUT"})
PRUNE_ABOVE = 4096  # callers tracked before the idle ones are forgotten


@dataclass(frozen=True, slots=True)
class PostLimits:
    max_per_client: int = 0
    max_total: int = 0
    window: int = DEFAULT_WINDOW
    ban: int = DEFAULT_BAN
    total_ban: int = DEFAULT_TOTAL_BAN

    @property
    def any(self) -> bool:
        return self.max_per_client > 0 or self.max_total > 0

    def problems(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if self.max_per_client < 0 or self.max_total < 0:
            out.append(("post_limits", Text("POST limits must be 0 (no limit) or more")))
        if self.window <= 0:
            out.append(("post_limits", Text("the POST counting period must be at least 1 second")))
        if self.ban < 0 or self.total_ban < 0:
            out.append(("post_limits", Text("POST ban times must be 0 seconds or more")))
        return out


NO_POST_LIMITS = PostLimits()


class PostThrottle:
    """Per-caller and total POST counting with bans; sans-IO, injectable clock."""

    def __init__(self, limits: PostLimits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._total = RateWindow(limits.max_total, limits.window) if limits.max_total else None
        self._total_banned_until = 0.0
        self._clients: dict[bytes, RateWindow] = {}
        self._banned_until: dict[bytes, float] = {}

    def admit(self, peer_hash: bytes) -> Refusal | None:
        """None and the POST counted, or Refusal.POST_LIMIT."""
        lim, now = self.limits, self._clock()
        if now < self._total_banned_until or now < self._banned_until.get(peer_hash, 0.0):
            return Refusal.POST_LIMIT
        self._banned_until.pop(peer_hash, None)
        window = None
        if lim.max_per_client:
            window = self._clients.get(peer_hash)
            if window is None:
                if len(self._clients) > PRUNE_ABOVE:
                    self._forget_idle(now)
                window = self._clients[peer_hash] = RateWindow(lim.max_per_client, lim.window)
            if window.full(now):
                self._banned_until[peer_hash] = now + lim.ban
                return Refusal.POST_LIMIT
        if self._total is not None and self._total.full(now):
            self._total_banned_until = now + lim.total_ban
            return Refusal.POST_LIMIT
        if window is not None:
            window.add(now)
        if self._total is not None:
            self._total.add(now)
        return None

    def _forget_idle(self, now: float) -> None:
        self._clients = {h: w for h, w in self._clients.items() if not w.empty(now)}
        self._banned_until = {h: t for h, t in self._banned_until.items() if t > now}
