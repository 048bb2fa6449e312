"""Engine.live_sample(): every tunnel's connections as compact rows, from real tunnels."""

from __future__ import annotations

import gc

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
        assert list(live.rows[tid]) == [_as_row(ci) for ci in snap.connections
                                         if ci.tunnel_id == tid]
    mine = {r[ROW_PEER]: r for r in live.rows[spec.id]}
    row_a = mine[f"127.0.0.1:{a.getsockname()[1]}"]
    assert (row_a[ROW_IN], row_a[ROW_OUT], row_a[ROW_STATE], row_a[ROW_DIRECTION]) == (
        5, 5, "open", "out")
    assert engine.call(lambda: engine.close_connection(spec.id, row_a[ROW_ID]), IO_TIMEOUT)
    assert closed_by_peer(a)
    assert wait_until(lambda: len(engine.call(lambda: engine.live_sample(),
                                              IO_TIMEOUT).rows[spec.id]) == 1)
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
                                              IO_TIMEOUT).rows[spec.id]) == 3)
    live = engine.call(lambda: engine.live_sample(), IO_TIMEOUT)
    info = engine.call(lambda: engine.snapshot(spec.id), IO_TIMEOUT).connections
    gc.collect()
    assert [gc.is_tracked(r) for r in live.rows[spec.id]] == [False] * 3
    assert all(gc.is_tracked(ci) for ci in info)
    for s in socks:
        s.close()


def test_no_tunnels_no_rows(engine: Engine) -> None:
    live = engine.call(lambda: engine.live_sample(), IO_TIMEOUT)
    assert (live.tunnels, live.rows, live.connections) == ((), {}, ())
