"""Client tunnels notice failure: consecutive failed or silent opens per destination.

i2pd answers STREAM CONNECT once it has found the peer's LeaseSet, so a peer that
re-created its session can leave our router with a stale LeaseSet: every open then
goes silent while the session looks fine (docs/ENGINE.md). `OpenFailures` counts
opens in a row that failed or got no answer, per destination; at the limit the
tunnel turns DEGRADED and re-creates its session (SessionKeeper.degrade), which
makes the router look the peer up afresh. One answered open clears the count.
"""

from __future__ import annotations


class OpenFailures:
    """Failed or silent opens in a row, per destination."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self._in_a_row: dict[str, int] = {}

    def failed(self, destination: str) -> int | None:
        """Count one; the count when it reaches the limit (then it starts again), else None."""
        n = self._in_a_row.get(destination, 0) + 1
        if n >= self.limit:
            self._in_a_row.pop(destination, None)
            return n
        self._in_a_row[destination] = n
        return None

    @property
    def pending(self) -> bool:
        """Some destination has failures counted (the tunnel watches for answers)."""
        return bool(self._in_a_row)

    def answered(self, destination: str) -> None:
        self._in_a_row.pop(destination, None)
