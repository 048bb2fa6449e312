"""Compact connection rows for live tables (Engine.live_sample): the row type and how to
read it; core/connection.py builds them (`connection_rows`, `live_rows`).

A table that samples 5 000 connections at 4 Hz cannot afford ConnectionInfo: a frozen
dataclass costs ~3 µs to build (16 ms of engine-thread GIL per sample, measured) and is
GC-tracked for life, so the copies that outlive a couple of young collections on their
way to the GUI thread get promoted and trigger full collections of every long-lived object
(46–180 ms GUI stalls, bench/ui_frames.py). A ConnectionRow is a plain tuple of
str/int/float/None: ~0.7 µs to build, and CPython untracks such a tuple at the first
collection it survives, so it never reaches the old generations.

A live table asks for deltas: the rows of connections that moved since its last sample
(`since`, the engine clock of that sample; a relay stamps `last_activity` on every read,
write, start and half-close) plus the ids of every open connection, so it can tell which
went away. With 5 000 connections chatting every 2 s, a 4 Hz sample then builds ~600
rows instead of 5 000: the engine thread holds the GIL (and so stalls the GUI thread)
~1.3 ms per sample, statuses included, instead of ~5.5 ms (bench/ui_frames.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from i2ptunnel_gui.core.status import ConnectionInfo, ConnState, Direction, EngineSnapshot

# (id, peer, direction, opened_at, bytes_in, bytes_out, state, closed_at): the fields of
# ConnectionInfo without tunnel_id; direction and state are the enums' plain str values
ConnectionRow = tuple[int, str, str, float, int, int, str, float | None]
# the field indexes, the one vocabulary for reading a row (Final literals: mypy then
# knows each field's type, and CPython folds them into the indexing code's constants)
ROW_ID: Final = 0
ROW_PEER: Final = 1
ROW_DIRECTION: Final = 2
ROW_OPENED: Final = 3
ROW_IN: Final = 4
ROW_OUT: Final = 5
ROW_STATE: Final = 6
ROW_CLOSED: Final = 7

@dataclass(frozen=True, slots=True)
class LiveRows:
    """One tunnel's connections in a live sample: all of them (`since` None), or only
    those that moved after `since`; `alive` always lists every open connection."""

    rows: tuple[ConnectionRow, ...]
    alive: tuple[int, ...]
    cursor: float  # the engine clock of this sample: pass it as the next `since`
    since: float | None = None

    @property
    def full(self) -> bool:
        return self.since is None


@dataclass(frozen=True, slots=True)
class LiveSnapshot(EngineSnapshot):
    """An EngineSnapshot whose `connections` stay empty: each watched tunnel's
    connections come as LiveRows in `rows` (tunnel id -> rows) instead."""

    rows: Mapping[str, LiveRows] = field(default_factory=dict)


def connection_info(tunnel_id: str, row: ConnectionRow) -> ConnectionInfo:
    """`row` of tunnel `tunnel_id` as a ConnectionInfo (one connection: not for hot paths)."""
    cid, peer, direction, opened, bytes_in, bytes_out, state, closed = row
    return ConnectionInfo(cid, tunnel_id, peer, Direction(direction), opened, bytes_in,
                          bytes_out, ConnState(state), closed)
