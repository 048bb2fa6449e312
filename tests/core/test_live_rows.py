"""Engine.live_sample(): every tunnel's connections as compact rows, from real tunnels,
in full or as deltas since a cursor."""

from __future__ import annotations

import gc
import socket
import threading
import time
from collections.abc import Callable

from nethelpers import (
    IO_TIMEOUT,
    LoopbackServer,
    closed_by_peer,
    connect,
    recv_exactly,
    start_forward,
    wait_until,
)

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.live_rows import (
    ROW_DIRECTION,
    ROW_ID,
    ROW_IN,
    ROW_OUT,
    ROW_PEER,
    ROW_STATE,
    LiveRows,
    LiveSnapshot,
)
from i2ptunnel_gui.core.status import ConnectionInfo


def _as_row(c: ConnectionInfo) -> tuple[object, ...]:
    return (c.id, c.peer, c.direction.value, c.opened_at, c.bytes_in, c.bytes_out,
            c.state.value, c.closed_at)


def test_live_sample_matches_snapshot(engine: Engine, echo_server: LoopbackServer) -> None:
    spec, port = start_forward(engine, echo_server.port)
    other, other_port = start_forward(engine, echo_server.port)
    a, b, c = connect(port), connect(port), connect(other_port)
    for sock, data in ((a, b"12345"), (b, b"1"), (c, b"xy")):
        sock.sendall(data)
        assert recv_exactly(sock, len(data)) == data
    snap = engine.call(lambda: engine.snapshot(), IO_TIMEOUT)
    live = engine.call(lambda: engine.live_sample(), IO_TIMEOUT)
    assert isinstance(live, LiveSnapshot) and live.connections == ()
    assert live.tunnels == snap.tunnels  # nothing moved between the two calls
    assert set(live.rows) == {spec.id, other.id}
    for tid in (spec.id, other.id):  # the same fields, in the same (arrival) order
        assert live.rows[tid].full
        assert list(live.rows[tid].rows) == [_as_row(ci) for ci in snap.connections
                                              if ci.tunnel_id == tid]
    mine = {r[ROW_PEER]: r for r in live.rows[spec.id].rows}
    row_a = mine[f"127.0.0.1:{a.getsockname()[1]}"]
    assert (row_a[ROW_IN], row_a[ROW_OUT], row_a[ROW_STATE], row_a[ROW_DIRECTION]) == (
        5, 5, "open", "out")
    assert engine.call(lambda: engine.close_connection(spec.id, row_a[ROW_ID]), IO_TIMEOUT)
    assert closed_by_peer(a)
    assert wait_until(lambda: len(engine.call(lambda: engine.live_sample(),
                                              IO_TIMEOUT).rows[spec.id].rows) == 1)
    for s in (a, b, c):
        s.close()


def test_rows_are_untracked_by_the_gc(engine: Engine, echo_server: LoopbackServer) -> None:
    """The point of rows: after one collection they cost later collections nothing
    (a ConnectionInfo stays tracked for life)."""
    spec, port = start_forward(engine, echo_server.port)
    socks = [connect(port) for _ in range(3)]
    for s in socks:
        s.sendall(b"x")
        assert recv_exactly(s, 1) == b"x"
    assert wait_until(lambda: len(engine.call(lambda: engine.live_sample(),
                                              IO_TIMEOUT).rows[spec.id].rows) == 3)
    live = engine.call(lambda: engine.live_sample(), IO_TIMEOUT)
    info = engine.call(lambda: engine.snapshot(spec.id), IO_TIMEOUT).connections
    gc.collect()
    assert [gc.is_tracked(r) for r in live.rows[spec.id].rows] == [False] * 3
    assert all(gc.is_tracked(ci) for ci in info)
    for s in socks:
        s.close()


def test_no_tunnels_no_rows(engine: Engine) -> None:
    live = engine.call(lambda: engine.live_sample(), IO_TIMEOUT)
    assert (live.tunnels, live.rows, live.connections) == ((), {}, ())


def test_deltas_carry_what_moved_since_the_cursor(
        engine: Engine, echo_server: LoopbackServer,
        server_factory: Callable[[Callable[[socket.socket], None]], LoopbackServer]) -> None:
    """watch={tunnel: cursor}: only that tunnel, only connections that moved (bytes,
    half-close) after the cursor; `alive` lists every open one, so a closed one shows
    by its absence."""
    done = threading.Event()

    def echo_then_hold(conn: socket.socket) -> None:  # a half-close stays half
        while data := conn.recv(65536):
            conn.sendall(data)
        done.wait(IO_TIMEOUT)

    holder = server_factory(echo_then_hold)
    spec, port = start_forward(engine, holder.port)
    _other, other_port = start_forward(engine, echo_server.port)
    a, b, c, d = connect(port), connect(port), connect(port), connect(other_port)
    for s in (a, b, c, d):
        s.sendall(b"x")
        assert recv_exactly(s, 1) == b"x"

    def sample(since: float | None) -> LiveRows:
        live = engine.call(lambda: engine.live_sample({spec.id: since}), IO_TIMEOUT)
        assert set(live.rows) == {spec.id} and len(live.tunnels) == 2  # statuses: all
        return live.rows[spec.id]

    # uvloop's clock ticks in ms: what moved in the cursor's own ms is sent again
    time.sleep(0.05)
    base = sample(None)
    assert base.full and len(base.rows) == 3 and sorted(base.alive) == sorted(
        r[ROW_ID] for r in base.rows)
    quiet = sample(base.cursor)
    assert (quiet.rows, quiet.since, sorted(quiet.alive)) == ((), base.cursor,
                                                             sorted(base.alive))
    ids = {r[ROW_PEER]: r[ROW_ID] for r in base.rows}
    a_id, b_id, c_id = (ids[f"127.0.0.1:{s.getsockname()[1]}"] for s in (a, b, c))
    a.sendall(b"more")
    assert recv_exactly(a, 4) == b"more"
    b.shutdown(socket.SHUT_WR)  # half-closed: a state change with no new bytes
    assert wait_until(lambda: any(r[ROW_STATE] == "half-closed"
                                  for r in sample(quiet.cursor).rows))
    moved = sample(quiet.cursor)
    assert {r[ROW_ID]: (r[ROW_IN], r[ROW_STATE]) for r in moved.rows} == {
        a_id: (5, "open"), b_id: (1, "half-closed")}
    assert engine.call(lambda: engine.close_connection(spec.id, c_id), IO_TIMEOUT)
    assert wait_until(lambda: c_id not in sample(moved.cursor).alive)
    assert c_id not in {r[ROW_ID] for r in sample(moved.cursor).rows}
    done.set()
    for s in (a, b, c, d):
        s.close()
