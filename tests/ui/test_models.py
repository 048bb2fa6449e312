"""TunnelTableModel and ConnectionTableModel: qtmodeltester, rows, one dataChanged per tick."""

from __future__ import annotations

from dataclasses import replace

from fake_engine import connection_row
from PySide6.QtCore import Qt
from samples import feed, full_sample, status

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import (
    ConnectionInfo,
    ConnState,
    Direction,
    EngineSnapshot,
    TunnelState,
    TunnelStatus,
)
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.connection_model import GREY_SECONDS, HIGHLIGHT_SECONDS, ConnectionTableModel
from i2ptunnel_gui.ui.icons import state_icon
from i2ptunnel_gui.ui.roles import SORT_ROLE
from i2ptunnel_gui.ui.tunnel_model import SortProxy, TunnelTableModel

FWD = TunnelSpec(name="web", kind=TunnelKind.FORWARD, listen_port=8080, target_port=80)
SRV = TunnelSpec(name="blog", kind=TunnelKind.SERVER, target_port=8000)


def conn(cid: int, tid: str, bin_: int = 0, bout: int = 0, state=ConnState.OPEN):
    return ConnectionInfo(cid, tid, f"127.0.0.1:{50000 + cid}", Direction.OUTBOUND, 1000.0,
                          bin_, bout, state)


def rows_of(*conns: ConnectionInfo):
    return tuple(map(connection_row, conns))


def test_tunnel_model_passes_modeltester(qtmodeltester) -> None:
    m = TunnelTableModel()
    m.set_specs([FWD, SRV])
    m.apply_snapshot(EngineSnapshot(10.0, (status(FWD, active_connections=2),)))
    qtmodeltester.check(m)
    proxy = SortProxy(m)
    qtmodeltester.check(proxy)


def test_tunnel_model_rows_states_and_rates(qtbot) -> None:
    m = TunnelTableModel()
    m.set_specs([FWD])
    with qtbot.waitSignal(m.rowsInserted):
        m.add_spec(SRV)
    assert [m.index(r, 0).data() for r in range(2)] == ["web", "blog"]
    assert m.index(0, m.COL_STATE).data() == "Stopped"
    assert m.index(0, m.COL_LOCAL).data() == "127.0.0.1:8080"
    m.set_state(SRV.id, TunnelState.RECONNECTING, "SAM 127.0.0.1:7656: connection refused")
    assert m.index(1, m.COL_STATE).data() == "Reconnecting"
    assert "refused" in m.index(1, m.COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    icon = m.index(1, m.COL_STATE).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == state_icon(TunnelState.RECONNECTING).cacheKey()
    assert m.index(1, m.COL_STATE).data(Qt.ItemDataRole.ForegroundRole) == theme.current().state(
        TunnelState.RECONNECTING)

    m.apply_snapshot(EngineSnapshot(100.0, (status(FWD, bytes_in=0, bytes_out=0),)))
    changes = []
    m.dataChanged.connect(lambda a, b, roles: changes.append((a.row(), a.column(), b.row(),
                                                              b.column())))
    m.apply_snapshot(EngineSnapshot(102.0, (status(FWD, bytes_in=4096, bytes_out=2048,
                                                   active_connections=3),)))
    assert len(changes) == 1  # one dataChanged for the whole tick
    assert m.index(0, m.COL_CONNS).data() == "3"
    assert m.index(0, m.COL_IN).data() == "2.0 KiB/s"
    assert m.index(0, m.COL_OUT).data() == "1.0 KiB/s"
    assert m.index(0, m.COL_IN).data(SORT_ROLE) == 2048.0
    # the server is absent from the snapshot: the engine no longer runs it
    assert m.state_of(SRV.id) is TunnelState.STOPPED
    with qtbot.waitSignal(m.rowsRemoved):
        m.remove_spec(FWD.id)
    assert m.rowCount() == 1 and m.spec_at(0) is SRV


def test_tunnel_proxy_sorts_by_raw_values() -> None:
    m = TunnelTableModel()
    a, b = replace(FWD, name="b"), replace(SRV, name="a")
    m.set_specs([a, b])
    m.apply_snapshot(EngineSnapshot(1.0, (status(a, active_connections=10),
                                          status(b, active_connections=9))))
    proxy = SortProxy(m)
    proxy.sort(m.COL_CONNS, Qt.SortOrder.AscendingOrder)  # 9 < 10 as numbers, not text
    assert proxy.index(0, m.COL_NAME).data() == "a"
    proxy.sort(m.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, m.COL_NAME).data() == "b"


def test_connection_model_passes_modeltester(qtmodeltester) -> None:
    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    feed(m, rows_of(conn(1, "t", 10, 20), conn(2, "t")), 1.0)
    qtmodeltester.check(m)


def test_connection_rows_come_highlight_grey_and_go(qtbot) -> None:
    now = [0.0]
    m = ConnectionTableModel(clock=lambda: now[0])
    m.set_tunnel("t")
    inserted, removed, changed = [], [], []
    m.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    m.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    m.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), b.row())))

    m.apply_snapshot(full_sample(now[0], (conn(1, "t"), conn(2, "t"), conn(9, "other"))))
    assert inserted == [(0, 1)] and m.rowCount() == 2  # the other tunnel's row is not ours
    new_row = theme.current().new_row
    assert m.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == new_row  # highlighted
    now[0] = 1.0
    feed(m, rows_of(conn(1, "t", 1000, 500), conn(2, "t", 10, 0)), now[0])
    assert len(changed) == 2  # one dataChanged per tick, never one per row
    assert m.index(0, m.COL_IN).data() == "1000 B"
    assert m.index(0, m.COL_RATE).data() == "1.5 KiB/s"
    now[0] = 1.0 + HIGHLIGHT_SECONDS
    assert m.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None

    now[0] = 4.0  # connection 1 closed: greyed, still listed
    feed(m, rows_of(conn(2, "t", 20, 0)), now[0])
    assert m.rowCount() == 2 and removed == []
    assert m.index(0, m.COL_STATE).data() == "closed"
    assert m.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == theme.current().muted
    assert m.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    now[0] = 4.0 + GREY_SECONDS  # ... then removed
    feed(m, rows_of(conn(2, "t", 30, 0)), now[0])
    assert removed == [(0, 0)] and m.rowCount() == 1
    assert m.connection_at(0).id == 2


def test_connection_removal_of_scattered_rows_keeps_ids_right() -> None:
    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    feed(m, rows_of(*(conn(i, "t") for i in range(10))), 0.0)
    keep = (1, 2, 5, 8)
    feed(m, rows_of(*(conn(i, "t") for i in keep)), 1.0)
    feed(m, rows_of(*(conn(i, "t", 7) for i in keep)), 1.0 + GREY_SECONDS)
    assert [m.connection_at(r).id for r in range(m.rowCount())] == list(keep)
    assert all(m.connection_at(r).bytes_in == 7 for r in range(m.rowCount()))


def test_connection_closed_by_engine_state_and_sorting() -> None:
    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    feed(m, rows_of(conn(1, "t", 900), conn(2, "t", 80)), 0.0)
    m.sort(m.COL_IN, Qt.SortOrder.AscendingOrder)
    assert m.index(0, m.COL_IN).data() == "80 B"  # 80 < 900 numerically
    feed(m, rows_of(conn(1, "t", 900, state=ConnState.CLOSED), conn(2, "t", 80)), 1.0)
    assert m.connection_at(1).id == 1  # sorted by bytes in: 80 < 900
    assert m.index(1, m.COL_STATE).data() == "closed" and m.rowCount() == 2
    m.set_tunnel(None)
    assert m.rowCount() == 0


def test_connection_model_sorts_itself_and_keeps_selection(qtbot) -> None:
    from PySide6.QtWidgets import QTableView

    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(m)
    view.setSortingEnabled(True)
    view.sortByColumn(m.COL_IN, Qt.SortOrder.DescendingOrder)  # calls m.sort()
    feed(m, rows_of(conn(1, "t", 10), conn(2, "t", 30), conn(3, "t", 20)), 0.0)
    assert [m.connection_at(r).id for r in range(3)] == [2, 3, 1]
    view.selectRow(2)  # connection 1
    feed(m, rows_of(conn(1, "t", 99), conn(2, "t", 30), conn(3, "t", 20)), 1.0)  # overtakes
    assert [m.connection_at(r).id for r in range(3)] == [1, 2, 3]
    rows = view.selectionModel().selectedRows()
    assert [r.data(Qt.ItemDataRole.UserRole + 2) for r in rows] == [1]  # selection followed
    assert m.index(0, m.COL_RATE).data(SORT_ROLE) == 89.0


def row(cid: int, bin_: int = 0, bout: int = 0, state: str = "open"):
    """A ConnectionRow as Engine.live_sample() sends it (core/live_rows.py)."""
    return (cid, f"127.0.0.1:{50000 + cid}", "out", 1000.0, bin_, bout, state, None)


def full(*rows_, cursor: float = 0.0):
    """Every open connection of a tunnel, as Engine.live_sample() sends them."""
    from i2ptunnel_gui.core.live_rows import LiveRows

    return LiveRows(tuple(rows_), tuple(r[0] for r in rows_), cursor)


def delta(*rows_, alive, since: float, cursor: float):
    from i2ptunnel_gui.core.live_rows import LiveRows

    return LiveRows(tuple(rows_), tuple(alive), cursor, since)


def status_of(tid: str):
    return TunnelStatus(id=tid, name=tid, kind="forward", state=TunnelState.RUNNING)


def test_connection_model_takes_live_rows(qtmodeltester) -> None:
    from i2ptunnel_gui.core.live_rows import LiveSnapshot

    m = ConnectionTableModel(clock=lambda: 0.0)
    assert m.watch() == {}  # no tunnel shown: no rows wanted
    m.set_tunnel("t")
    assert m.watch() == {"t": None}  # nothing merged yet: every row
    changed = []
    m.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), a.column(), b.row())))
    running = (status_of("t"),)
    m.apply_snapshot(LiveSnapshot(0.0, running, rows={"t": full(row(1, 10), row(2, 5),
                                                                  cursor=100.0),
                                                      "other": full(row(9))}))
    assert m.rowCount() == 2 and m.connection_at(1) == conn(2, "t", 5)
    assert m.watch() == {"t": 100.0}  # from now on, what changed since that sample
    later = HIGHLIGHT_SECONDS + 1.0  # no longer highlighted
    m.apply_snapshot(LiveSnapshot(later, running, rows={
        "t": delta(row(1, 30, 4), alive=(1, 2), since=100.0, cursor=103.0)}))
    assert m.connection_at(0) == conn(1, "t", 30, 4)
    assert m.connection_at(1) == conn(2, "t", 5)  # not in the delta: kept as it was
    assert m.index(0, m.COL_RATE).data(SORT_ROLE) == 24.0 / later  # (20 + 4) B
    assert changed[-1] == (0, 0, 1)  # the highlight went: whole rows, once
    m.apply_snapshot(LiveSnapshot(later + 0.5, running, rows={
        "t": delta(alive=(1, 2), since=103.0, cursor=103.5)}))
    assert changed[-1] == (0, m.COL_DURATION, 1)  # then counters only, one range per tick
    assert m.index(0, m.COL_RATE).data(SORT_ROLE) == 0.0  # nothing moved: no rate
    m.sort(m.COL_OUT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(m)
    m.apply_snapshot(LiveSnapshot(later + 1, running, rows={  # 1 gone, 2 closing
        "t": delta(row(2, 5, state="closed"), alive=(2,), since=103.5, cursor=104.0)}))
    assert [m.index(r, m.COL_STATE).data() for r in range(2)] == ["closed", "closed"]
    m.apply_snapshot(LiveSnapshot(later + 1 + GREY_SECONDS, running, rows={
        "t": delta(alive=(), since=104.0, cursor=107.0)}))
    assert m.rowCount() == 0


def test_connection_model_ignores_a_delta_on_another_base() -> None:
    """Switching tunnels while a sample is out: a delta from before the switch must not
    be merged into the fresh table; watch() asks for everything again."""
    from i2ptunnel_gui.core.live_rows import LiveSnapshot

    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    running = (status_of("t"),)
    m.apply_snapshot(LiveSnapshot(0.0, running, rows={"t": full(row(1), row(2), cursor=5.0)}))
    m.set_tunnel("u")
    m.set_tunnel("t")  # back again: the table starts empty
    assert m.watch() == {"t": None}
    m.apply_snapshot(LiveSnapshot(1.0, running, rows={  # asked before the switch
        "t": delta(row(2, 9), alive=(1, 2), since=5.0, cursor=6.0)}))
    assert m.rowCount() == 0 and m.watch() == {"t": None}
    m.apply_snapshot(LiveSnapshot(1.2, running, rows={"t": full(row(1), row(2, 9),
                                                                cursor=6.2)}))
    assert [m.connection_at(r).bytes_in for r in range(2)] == [0, 9]


def test_connection_model_rows_go_when_the_tunnel_stops() -> None:
    from i2ptunnel_gui.core.live_rows import LiveSnapshot

    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    m.apply_snapshot(LiveSnapshot(0.0, (status_of("t"),), rows={"t": full(row(1))}))
    m.apply_snapshot(LiveSnapshot(1.0, (status_of("t"),), rows={}))  # not asked for: kept
    assert m.index(0, m.COL_STATE).data() == "open"
    m.apply_snapshot(LiveSnapshot(2.0, (), rows={}))  # not in the engine: stopped
    assert m.index(0, m.COL_STATE).data() == "closed"
    m.apply_snapshot(LiveSnapshot(2.0 + GREY_SECONDS, (), rows={}))
    assert m.rowCount() == 0


def test_deltas_and_full_samples_give_the_same_table() -> None:
    """Random opens, traffic, half-closes and closes: a table fed deltas (what changed +
    alive ids) shows exactly what a table fed every row shows, tick after tick."""
    import random

    rng = random.Random(7)
    by_full, by_delta = (ConnectionTableModel(clock=lambda: 0.0) for _ in range(2))
    for m in (by_full, by_delta):
        m.set_tunnel("t")
        m.sort(m.COL_IN, Qt.SortOrder.DescendingOrder)
    conns: dict[int, list] = {}
    next_id, since = 1, None
    for tick in range(60):
        now = tick * 0.25
        moved: set[int] = set()
        for _ in range(rng.randrange(4)):  # new connections
            conns[next_id] = [next_id, 0, 0, "open"]
            moved.add(next_id)
            next_id += 1
        for cid in rng.sample(sorted(conns), k=min(len(conns), rng.randrange(6))):
            c = conns[cid]
            action = rng.random()
            if action < 0.15:
                del conns[cid]
                moved.discard(cid)
            elif action < 0.25:
                c[3] = "half-closed"
                moved.add(cid)
            else:
                c[1] += rng.randrange(1, 5000)
                c[2] += rng.randrange(0, 500)
                moved.add(cid)
        rows = [row(c[0], c[1], c[2], state=c[3]) for c in conns.values()]
        feed(by_full, rows, now)
        if since is None:
            feed(by_delta, rows, now)
        else:
            feed(by_delta, (r for r in rows if r[0] in moved), now, alive=tuple(conns))
        since = now
        shown = [[m.index(r, c).data() for c in range(m.columnCount())
                  for r in range(m.rowCount())] for m in (by_full, by_delta)]
        assert shown[0] == shown[1], f"tick {tick}"
        rates = [[m.index(r, m.COL_RATE).data(SORT_ROLE) for r in range(m.rowCount())]
                 for m in (by_full, by_delta)]
        assert rates[0] == rates[1], f"tick {tick}"


def test_connection_sort_ties_keep_arrival_order_and_raw_columns() -> None:
    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    feed(m, (row(3, 7), row(1, 9), row(2, 7), row(4, 1)), 0.0)
    m.sort(m.COL_IN, Qt.SortOrder.DescendingOrder)
    assert [m.connection_at(r).id for r in range(4)] == [1, 3, 2, 4]  # 3 before 2: arrival
    m.sort(m.COL_IN, Qt.SortOrder.AscendingOrder)
    assert [m.connection_at(r).id for r in range(4)] == [4, 3, 2, 1]
    m.sort(m.COL_PEER, Qt.SortOrder.AscendingOrder)  # by the text shown
    peers = [m.index(r, m.COL_PEER).data() for r in range(4)]
    assert peers == sorted(peers)
    m.sort(m.COL_RATE, Qt.SortOrder.AscendingOrder)  # computed column: still sorts
    feed(m, (row(3, 7), row(1, 9), row(2, 107), row(4, 1)), 1.0)
    assert m.connection_at(3).id == 2  # the only one with a rate


def test_connection_rows_stay_untracked_by_the_gc() -> None:
    """The model keeps the engine's rows as they came: plain tuples the GC untracks,
    so 5 000 live rows add nothing to full collections (bench/ui_frames.py)."""
    import gc

    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    feed(m, (row(i, i) for i in range(100)), 0.0)
    feed(m, rows_of(conn(100, "t")), 1.0)  # the fake engine's rows: plain rows too
    gc.collect()
    assert not any(gc.is_tracked(m._cur[cid]) for cid in m._order)


def test_a_connection_opened_and_closed_between_samples_is_not_shown() -> None:
    m = ConnectionTableModel(clock=lambda: 0.0)
    m.set_tunnel("t")
    feed(m, (row(1),), 0.0)
    feed(m, (row(1), row(2, state="closed"), row(3)), 1.0)  # full sample
    assert [m.connection_at(r).id for r in range(m.rowCount())] == [1, 3]
    feed(m, (row(4, state="closed"), row(5), row(1, 9, state="closed")), 2.0, alive=(3, 5))
    assert [m.connection_at(r).id for r in range(m.rowCount())] == [1, 3, 5]
    assert m.index(0, m.COL_STATE).data() == "closed"  # known before: greyed, not dropped
