"""Why a server tunnel turned a caller away, and how often, per reason.

A refused stream is closed at once and never reaches the service; the tunnel
counts it under one `Refusal` so the details and the live table can say which
rule is doing the refusing (an access list that is too tight looks different
from a flood hitting the per-minute limit).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum


class Refusal(StrEnum):
    ACCESS_LIST = "access list"  # not on the allow list, or on the deny list
    I2P_PORT = "I2P port"  # the stream was for another port than the one served
    MAX_CONCURRENT = "max concurrent"  # nconnect connections already open
    CLIENT_MINUTE = "client per minute"
    CLIENT_HOUR = "client per hour"
    CLIENT_DAY = "client per day"
    TOTAL_MINUTE = "total per minute"
    TOTAL_HOUR = "total per hour"
    TOTAL_DAY = "total per day"
    POST_LIMIT = "POST limit"  # HTTP server: a POST/PUT over its limit got 429
    BAD_REQUEST = "bad request"  # HTTP server: a head that cannot be read got 400/431/501


RefusalCounts = tuple[tuple[Refusal, int], ...]
"""Non-zero counts in `Refusal` declaration order (an immutable snapshot)."""


class RefusalCounter:
    """Counts per reason; bumped on the engine thread, copied into snapshots."""

    __slots__ = ("_counts",)

    def __init__(self) -> None:
        self._counts: dict[Refusal, int] = {}

    def add(self, reason: Refusal) -> None:
        self._counts[reason] = self._counts.get(reason, 0) + 1

    @property
    def total(self) -> int:
        return sum(self._counts.values())

    def snapshot(self) -> RefusalCounts:
        return tuple((r, self._counts[r]) for r in Refusal if r in self._counts)


def format_refusals(counts: RefusalCounts) -> str:
    """'access list 3, client per minute 1' ('' when nothing was refused)."""
    return ", ".join(f"{reason.value} {n}" for reason, n in counts)


class RefusalLog:
    """The tunnel log's refusal lines: each names the caller's b32 and the reason, at
    most one per `interval` seconds (a flood must not flood the log too); the ones
    held back are counted in the next line."""

    def __init__(self, interval: float = 1.0, *, clock: Callable[[], float] = time.monotonic):
        self.interval = interval
        self._clock = clock
        self._next = 0.0
        self._held = 0

    def line(self, b32: str, reason: Refusal, detail: str = "") -> str | None:
        now = self._clock()
        if now < self._next:
            self._held += 1
            return None
        self._next = now + self.interval
        held, self._held = self._held, 0
        more = f" ({held} more refused before it)" if held else ""
        why = f"{reason.value} ({detail})" if detail else reason.value
        return f"refused {b32}: {why}{more}"
