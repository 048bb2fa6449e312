"""One relayed connection: its bookkeeping, which relay moves its bytes, and its compact
row for live tables (core/live_rows.py: the row type; built here, where a connection's
state is derived from its relay, once)."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from i2ptunnel_gui.core import splice
from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.live_rows import ConnectionRow, LiveRows, connection_info
from i2ptunnel_gui.core.relay import CloseReason, Relay
from i2ptunnel_gui.core.splice import SpliceRelay
from i2ptunnel_gui.core.status import ConnectionInfo, ConnState, Direction

RELAY_ENV = "I2PTUNNEL_RELAY"  # protocol | splice (Linux zero-copy path)


def relay_class(mode: str | None = None) -> type[Relay] | type[splice.SpliceRelay]:
    """The relay for new connections: $I2PTUNNEL_RELAY=protocol|splice, else splice
    where os.splice exists (Linux: ~0.25 vs ~0.45 CPU-s/GiB, same or better
    throughput and conn/s, docs/ENGINE.md "Why these defaults"), else the Protocol
    pair."""
    if mode is None:
        mode = os.environ.get(RELAY_ENV, "").strip().lower()
        mode = mode or ("splice" if splice.available() else "protocol")
    if mode == "protocol":
        return Relay
    if mode == "splice":
        if not splice.available():
            raise ConfigError("the splice relay needs Linux (os.splice)")
        return splice.SpliceRelay
    raise ConfigError(f"{RELAY_ENV} must be 'protocol' or 'splice', not {mode!r}")


class Connection:
    """Bookkeeping of one relayed connection; counters live in its Relay."""

    __slots__ = ("_on_finished", "closed_at", "direction", "id", "opened_at", "peer", "relay",
                 "task")

    def __init__(self, conn_id: int, peer: str, direction: Direction,
                 on_finished: Callable[[Connection], None] | None = None) -> None:
        self._on_finished = on_finished  # the tunnel's, shared: no closure per connection
        self.id = conn_id
        self.peer = peer
        self.direction = direction
        self.opened_at = time.time()
        self.closed_at: float | None = None
        self.relay: Relay | SpliceRelay | None = None  # None while the other side is being opened
        self.task: asyncio.Task[Any] | None = None

    def info(self, tunnel_id: str) -> ConnectionInfo:
        return connection_info(tunnel_id, connection_rows((self,))[0])

    def relay_finished(self) -> None:
        """A detached relay's `on_finished`: tell the tunnel this connection is over."""
        if self._on_finished is not None:
            self._on_finished(self)

    def close(self) -> None:
        if self.relay is not None and self.relay.started:
            self.relay.abort(CloseReason.CLOSED)
        elif self.task is not None:
            self.task.cancel()


async def sweep_timeouts(
    conns: Mapping[int, Connection], idle: float | None, lifetime: float | None,
    half_close: float | None = None,
) -> None:
    """Close connections past `lifetime`, idle for `idle` seconds, or half-closed (one
    side sent its FIN) and idle for `half_close` seconds (haproxy's client-fin /
    server-fin: a peer that never closes its side would hold the row and both fds for
    the whole idle timeout), forever. One task per tunnel instead of timers per
    connection keeps 5 000 connections cheap."""
    limits = [x for x in (idle, lifetime, half_close) if x is not None]
    if not limits:
        return
    step = min(1.0, max(0.02, min(limits) / 8))  # deadlines hold to within `step`
    quiet_limits = [x for x in (idle, half_close) if x is not None]
    never = float("inf")
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(step)
        now = loop.time()
        # the walk holds the loop (5 000 connections: ~2 ms), so the common case, a
        # connection active within the shortest quiet limit, costs one comparison
        active_after = now - min(quiet_limits) if quiet_limits else never
        born_after = now - lifetime if lifetime is not None else -never
        for conn in list(conns.values()):
            r = conn.relay
            if r is None or (r.last_activity > active_after and r.created > born_after):
                continue
            if not r.started or r.finished:
                continue
            if r.created <= born_after:
                r.abort(CloseReason.LIFETIME)
            elif idle is not None and now - r.last_activity >= idle:
                r.abort(CloseReason.IDLE)
            elif (half_close is not None and now - r.last_activity >= half_close
                  and r.half_closed):
                r.abort(CloseReason.HALF_CLOSED)


async def close_relays(conns: Iterable[Connection]) -> None:
    """Abort the running relays of `conns` and wait until their fds are freed."""
    relays = [c.relay for c in list(conns) if c.relay is not None and c.relay.started]
    for r in relays:
        r.abort(CloseReason.CLOSED)
    for r in relays:  # the first wait lets every aborted transport finish
        await r.wait_closed()


# str.__str__ of a StrEnum member is its exact-str value (an enum member in a tuple would
# keep the tuple GC-tracked: members are instances of a Python class)
_plain = str.__str__
_CLOSED = _plain(ConnState.CLOSED)
_CONNECTING = _plain(ConnState.CONNECTING)
_HALF_CLOSED = _plain(ConnState.HALF_CLOSED)
_OPEN = _plain(ConnState.OPEN)


def live_rows(conns: Mapping[int, Connection], since: float | None, now: float) -> LiveRows:
    """`conns` as LiveRows at engine time `now`: every row, or those active since `since`
    (a connection still being opened has no relay yet: always sent)."""
    picked: Sequence[Connection] | Iterable[Connection] = conns.values()
    if since is not None:
        picked = [c for c in picked if (r := c.relay) is None or r.last_activity >= since]
    return LiveRows(connection_rows(picked), tuple(conns), now, since)


def connection_rows(conns: Iterable[Connection]) -> tuple[ConnectionRow, ...]:
    """Rows of `conns`: the one place a connection's state is derived from its relay."""
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
