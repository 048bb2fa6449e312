"""Compact connection rows for live tables (Engine.live_sample).

A table that samples 5 000 connections at 4 Hz cannot afford ConnectionInfo: a frozen
dataclass costs ~3 µs to build (16 ms of engine-thread GIL per sample, measured) and is
GC-tracked for life, so the copies that outlive a couple of young collections on their
way to the GUI thread get promoted and trigger full collections of every long-lived object
(46–180 ms GUI stalls, bench/ui_frames.py). A ConnectionRow is a plain tuple of
str/int/float/None: ~0.7 µs to build, and CPython untracks such a tuple at the first
collection it survives, so it never reaches the old generations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from i2ptunnel_gui.core.connection import Connection
from i2ptunnel_gui.core.status import ConnState, EngineSnapshot

# (id, peer, direction, opened_at, bytes_in, bytes_out, state, closed_at): the fields of
# ConnectionInfo without tunnel_id; direction and state are the enums' plain str values
ConnectionRow = tuple[int, str, str, float, int, int, str, float | None]
ROW_ID, ROW_PEER, ROW_DIRECTION, ROW_OPENED, ROW_IN, ROW_OUT, ROW_STATE, ROW_CLOSED = range(8)

# str.__str__ of a StrEnum member is its exact-str value (an enum member in a tuple would
# keep the tuple GC-tracked: members are instances of a Python class)
_plain = str.__str__
_CLOSED = _plain(ConnState.CLOSED)
_CONNECTING = _plain(ConnState.CONNECTING)
_HALF_CLOSED = _plain(ConnState.HALF_CLOSED)
_OPEN = _plain(ConnState.OPEN)


@dataclass(frozen=True, slots=True)
class LiveSnapshot(EngineSnapshot):
    """An EngineSnapshot whose `connections` stay empty: each tunnel's connections come
    as ConnectionRow tuples in `rows` (tunnel id -> rows) instead."""

    rows: Mapping[str, tuple[ConnectionRow, ...]] = field(default_factory=dict)


def connection_rows(conns: Iterable[Connection]) -> tuple[ConnectionRow, ...]:
    """Rows of `conns`; the state is derived exactly as Connection.info() does."""
    rows: list[ConnectionRow] = []
    append = rows.append
    for c in conns:
        r = c.relay
        if c.closed_at is not None:
            state = _CLOSED
        elif r is None or not r.started:
            state = _CONNECTING
        elif r.half_closed:
            state = _HALF_CLOSED
        else:
            state = _OPEN
        append((c.id, c.peer, _plain(c.direction), c.opened_at,
                r.bytes_in if r else 0, r.bytes_out if r else 0, state, c.closed_at))
    return tuple(rows)
