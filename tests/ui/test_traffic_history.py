"""The traffic history: rates from the tunnels' byte counters, bounded series, the total,
and the tunnel model that feeds it and hands it to the sparkline column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from samples import SSH, WEB, status

from i2ptunnel_gui.core.status import EngineSnapshot
from i2ptunnel_gui.ui.roles import HISTORY_ROLE
from i2ptunnel_gui.ui.traffic_history import TOTAL, TrafficHistory, TrafficPoint
from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel


def test_rates_come_from_the_byte_counters_between_two_samples() -> None:
    h = TrafficHistory()
    h.add_sample(100.0, [status(WEB, bytes_in=1000, bytes_out=0, active_connections=1)])
    assert h.points(WEB.id) == ()  # one sample: no rate yet
    h.add_sample(100.5, [status(WEB, bytes_in=3000, bytes_out=500, active_connections=3)])
    h.add_sample(101.5, [status(WEB, bytes_in=3000, bytes_out=2500, active_connections=2)])
    assert list(h.points(WEB.id)) == [TrafficPoint(100.5, 4000.0, 1000.0, 3),
                                      TrafficPoint(101.5, 0.0, 2000.0, 2)]
    assert h.latest(WEB.id) == TrafficPoint(101.5, 0.0, 2000.0, 2)
    assert (h.bytes_in, h.bytes_out) == (3000, 2500)


def test_total_sums_the_tunnels_and_a_restarted_counter_counts_from_zero() -> None:
    h = TrafficHistory()
    h.add_sample(0.0, [status(WEB, bytes_in=100), status(SSH, bytes_out=100)])
    h.add_sample(1.0, [status(WEB, bytes_in=600, active_connections=2),
                       status(SSH, bytes_out=400, active_connections=5)])
    assert h.latest(TOTAL) == TrafficPoint(1.0, 500.0, 300.0, 7)
    # WEB restarted between samples: its counter went down, so count what it has now
    h.add_sample(2.0, [status(WEB, bytes_in=50), status(SSH, bytes_out=400)])
    assert h.latest(WEB.id) == TrafficPoint(2.0, 50.0, 0.0, 0)
    # a tunnel gone from the engine starts afresh: no rate against its old counters
    h.add_sample(3.0, [status(SSH, bytes_out=400)])
    h.add_sample(4.0, [status(WEB, bytes_in=10), status(SSH, bytes_out=400)])
    assert h.latest(WEB.id) == TrafficPoint(2.0, 50.0, 0.0, 0)
    h.add_sample(5.0, [])  # nothing running: the total reads zero, not frozen
    assert h.latest(TOTAL) == TrafficPoint(5.0, 0.0, 0.0, 0)


def test_series_are_bounded_by_age_and_by_length() -> None:
    h = TrafficHistory(span=10.0, max_points=1000)
    for i in range(101):
        h.add_sample(i * 0.5, [status(WEB, bytes_in=i * 100, active_connections=i)])
    web = h.points(WEB.id)
    assert web[-1].at == 50.0 and web[0].at == 40.0  # the last 10 s only
    assert len(web) == 21 and len(h.points(TOTAL)) == 21
    short = TrafficHistory(span=1e9, max_points=5)
    for i in range(50):
        short.add_sample(float(i), [status(WEB, bytes_in=i)])
    assert [p.at for p in short.points(WEB.id)] == [45.0, 46.0, 47.0, 48.0, 49.0]


def test_a_removed_tunnel_loses_its_history() -> None:
    h = TrafficHistory()
    for t in (0.0, 1.0):
        h.add_sample(t, [status(WEB, bytes_in=int(t)), status(SSH, bytes_in=int(t))])
    h.forget(WEB.id)
    assert h.points(WEB.id) == () and h.keys() == [SSH.id]
    h.retain([])
    assert h.keys() == [] and len(h.points(TOTAL)) == 1  # the total stays
    h.forget(TOTAL)  # not a tunnel: ignored
    assert len(h.points(TOTAL)) == 1


def test_model_feeds_the_history_and_emits_one_change_per_sample(qtbot) -> None:
    m = TunnelTableModel()
    m.set_specs([WEB, SSH])
    changes: list[tuple[int, int, int, int]] = []
    m.dataChanged.connect(lambda a, b, *_: changes.append(
        (a.row(), a.column(), b.row(), b.column())))
    for t, n in ((0.0, 1), (0.25, 4), (0.5, 2)):
        m.apply_snapshot(EngineSnapshot(time=t, tunnels=(
            status(WEB, bytes_in=int(t * 4000), active_connections=n),)))
    assert len(changes) == 3  # one per sample, over every row and the Activity column
    assert changes[-1] == (0, m.COL_STATE, 1, m.COL_ACTIVITY)
    web = m.index(m.row_of(WEB.id), m.COL_ACTIVITY)
    assert [p.connections for p in web.data(HISTORY_ROLE)] == [4, 2]
    assert [p.bw_in for p in web.data(HISTORY_ROLE)] == [4000.0, 4000.0]
    assert web.data() == ""  # the delegate draws it; no text under the line
    assert web.data(Qt.ItemDataRole.ToolTipRole) == (
        "Open connections over the last 5 minutes: now 2, peak 4")
    assert m.index(m.row_of(SSH.id), m.COL_ACTIVITY).data(HISTORY_ROLE) == ()
    m.remove_spec(WEB.id)
    assert m.history.points(WEB.id) == () and m.history.keys() == []


def test_a_sample_not_after_the_last_adds_no_rate() -> None:
    h = TrafficHistory()
    h.add_sample(10.0, [status(WEB, bytes_in=0)])
    h.add_sample(9.0, [status(WEB, bytes_in=100)])  # clock went back: no division
    assert h.points(WEB.id) == ()
