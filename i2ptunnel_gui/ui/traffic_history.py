"""The last minutes of traffic, per tunnel and in total, for graphs and sparklines.

Fed once per live sample (≤ 10 Hz) from the tunnels' own counters in that sample
(TunnelStatus.bytes_in/bytes_out/active_connections): one pass over the tunnels, never
over their connections, and no engine call of its own. Rates come from the change of a
tunnel's byte counters between two samples. Each series is a deque bounded twice: by
age (SPAN_S) and by length (MAX_POINTS, the span at the bridge's fastest rate), so a
long run never grows it. Plain Python (no Qt): the views read it when they repaint.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from i2ptunnel_gui.core.status import TunnelStatus

SPAN_S = 300.0  # what the graphs show: the last five minutes
MAX_POINTS = 3001  # SPAN_S at 10 samples a second (the bridge's fastest), plus one
TOTAL = ""  # the key of the all-tunnels series (tunnel ids are never empty)


class TrafficPoint(NamedTuple):
    """One sample of one series: bytes per second each way and open connections.

    A tuple of numbers: CPython stops GC-tracking it at its first collection, so
    thousands of them cost the collector nothing."""

    at: float  # the engine snapshot's time.time()
    bw_in: float
    bw_out: float
    connections: int


class TrafficHistory:
    def __init__(self, *, span: float = SPAN_S, max_points: int = MAX_POINTS) -> None:
        self.span = span
        self._max_points = max_points
        self._series: dict[str, deque[TrafficPoint]] = {TOTAL: deque(maxlen=max_points)}
        # each tunnel's counters at its previous sample: (time, bytes in, bytes out)
        self._last: dict[str, tuple[float, int, int]] = {}
        self.bytes_in = 0  # all tunnels' bytes since they started, as of the last sample
        self.bytes_out = 0

    def add_sample(self, at: float, tunnels: Iterable[TunnelStatus]) -> None:
        """Record the sample taken at `at` of the tunnels the engine runs."""
        last: dict[str, tuple[float, int, int]] = {}
        total_in = total_out = 0.0
        total_bytes_in = total_bytes_out = connections = 0
        rated = False
        for st in tunnels:
            last[st.id] = (at, st.bytes_in, st.bytes_out)
            connections += st.active_connections
            total_bytes_in += st.bytes_in
            total_bytes_out += st.bytes_out
            prev = self._last.get(st.id)
            if prev is None or at <= prev[0]:
                continue  # its first sample (or a repeat): a rate needs two
            dt = at - prev[0]
            # a counter that went down restarted with the tunnel: count from zero
            rate_in = (st.bytes_in - prev[1] if st.bytes_in >= prev[1] else st.bytes_in) / dt
            rate_out = (st.bytes_out - prev[2] if st.bytes_out >= prev[2]
                        else st.bytes_out) / dt
            series = self._series.get(st.id)
            if series is None:
                series = self._series[st.id] = deque(maxlen=self._max_points)
            self._append(series, TrafficPoint(at, rate_in, rate_out, st.active_connections))
            total_in += rate_in
            total_out += rate_out
            rated = True
        self._last = last  # a tunnel the engine no longer runs starts afresh next time
        self.bytes_in, self.bytes_out = total_bytes_in, total_bytes_out
        if rated or not last:  # nothing running reads as zero, not as a frozen line
            self._append(self._series[TOTAL],
                         TrafficPoint(at, total_in, total_out, connections))

    def _append(self, series: deque[TrafficPoint], point: TrafficPoint) -> None:
        series.append(point)
        oldest = point.at - self.span
        while series[0].at < oldest:
            series.popleft()

    def points(self, key: str) -> Sequence[TrafficPoint]:
        """The series of tunnel `key` (or TOTAL), oldest first; empty if none yet."""
        return self._series.get(key, ())

    def latest(self, key: str) -> TrafficPoint | None:
        series = self._series.get(key)
        return series[-1] if series else None

    def forget(self, tunnel_id: str) -> None:
        """A deleted tunnel: drop its series."""
        if tunnel_id != TOTAL:
            self._series.pop(tunnel_id, None)
            self._last.pop(tunnel_id, None)

    def retain(self, tunnel_ids: Iterable[str]) -> None:
        """Keep only the series of `tunnel_ids` (and the total): the definitions now."""
        keep = set(tunnel_ids) | {TOTAL}
        for key in [k for k in self._series if k not in keep]:
            del self._series[key]
        for key in [k for k in self._last if k not in keep]:
            del self._last[key]

    def keys(self) -> list[str]:
        return [k for k in self._series if k != TOTAL]
