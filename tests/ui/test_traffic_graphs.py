"""Traffic graphs: colours that read on light and dark palettes, the scale and the
screen-reader summary, lines drawn where the samples put them, the details graph
following the selection, and the tray's tooltip and Traffic window."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from samples import SSH, WEB

from i2ptunnel_gui.ui.bandwidth_graph import (
    BandwidthGraph,
    line_colours,
    nice_ceiling,
)
from i2ptunnel_gui.ui.theme import contrast_ratio
from i2ptunnel_gui.ui.traffic_graph import TrafficGraph, traffic_text
from i2ptunnel_gui.ui.traffic_history import TOTAL, TrafficHistory, TrafficPoint
from i2ptunnel_gui.ui.tray_traffic import TIP_INTERVAL_MS

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")

LIGHT_BASE, DARK_BASE = QColor("#ffffff"), QColor("#1e1e1e")


def palette_with_base(base: QColor) -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.Text, QColor("#000000" if base.lightness() > 128 else "#ffffff"))
    return p


@pytest.mark.parametrize("base", [LIGHT_BASE, DARK_BASE, QColor("#fafafa"), QColor("#2b2b2b")])
def test_both_lines_stand_out_from_light_and_dark_bases(base: QColor) -> None:
    in_colour, out_colour = line_colours(palette_with_base(base))
    assert contrast_ratio(in_colour, base) >= 3.0
    assert contrast_ratio(out_colour, base) >= 3.0
    assert in_colour != out_colour


def test_scale_and_summary_follow_the_points(qtbot) -> None:
    graph = BandwidthGraph()
    qtbot.addWidget(graph)
    graph.set_points([TrafficPoint(0.0, 3000.0, 100.0, 1), TrafficPoint(1.0, 500.0, 700.0, 2)])
    assert graph.top == nice_ceiling(3000.0) == 5 * 1024
    assert graph.accessibleDescription() == (
        "Last 5 minutes. In: now 500 B/s, peak 2.9 KiB/s. Out: now 700 B/s, peak 700 B/s.")
    graph.set_points([])
    assert graph.top == 1024 and graph.accessibleDescription() == "No traffic measured yet."


def _line_pixels(image: QImage, colour: QColor) -> list[tuple[int, int]]:
    return [(x, y) for x in range(image.width()) for y in range(image.height())
            if QColor(image.pixel(x, y)).name() == colour.name()]


@pytest.mark.parametrize("base", [LIGHT_BASE, DARK_BASE])
def test_lines_are_drawn_where_the_rates_are(qtbot, base: QColor) -> None:
    graph = BandwidthGraph()
    qtbot.addWidget(graph)
    graph.setPalette(palette_with_base(base))
    graph.resize(304, 122)  # plot area: x 4..300, y 18..118 (100 px high)
    # in: a flat top line at the scale's top (2 KiB/s); out: flat at a quarter of it
    graph.set_points([TrafficPoint(float(t), 2048.0, 512.0, 0) for t in range(0, 301, 10)])
    image = graph.grab().toImage()
    in_colour, out_colour = line_colours(graph.palette())
    ins = [(x, y) for x, y in _line_pixels(image, in_colour) if x > 40]  # not the legend
    outs = [(x, y) for x, y in _line_pixels(image, out_colour) if x > 40]
    assert ins and outs
    assert all(abs(y - 18) <= 2 for _x, y in ins if y > 14)  # at the top of the area
    assert any(abs(y - 93) <= 2 for _x, y in outs)  # 118 - 100/4
    assert max(x for x, y in ins if y > 14) >= 298  # reaches the right edge: now


@pytest.fixture
def traffic(qtbot, shell, fake_engine) -> Iterator[None]:
    """WEB and SSH running in the fake engine; WEB's 2 connections move 1 KiB in and
    512 B out every 100 ms, SSH has none."""
    shell.window.select_tunnel(WEB.id)
    shell.window.start_all_action.trigger()
    qtbot.waitUntil(lambda: len(fake_engine.statuses) == 2, timeout=2000)
    fake_engine.add_connections(WEB.id, 2)
    pump = QTimer()
    pump.timeout.connect(lambda: fake_engine.bump(512))
    pump.start(100)
    yield
    pump.stop()


def test_a_hidden_graph_takes_its_points_when_shown(qtbot, shell, traffic) -> None:
    history = shell.controller.model.history
    graph = TrafficGraph(key=TOTAL)
    qtbot.addWidget(graph)
    graph.follow(shell.controller)
    qtbot.waitUntil(lambda: len(history.points(TOTAL)) >= 3, timeout=5000)
    assert graph.points == []  # hidden: nothing copied, nothing built
    graph.show()
    qtbot.waitExposed(graph)
    assert graph.points == list(history.points(TOTAL))  # caught up when shown


def test_details_graph_follows_the_selection(qtbot, shell, traffic) -> None:
    win = shell.window
    history = shell.controller.model.history
    win.tabs.setCurrentWidget(win.details)
    graph = win.details.traffic
    qtbot.waitUntil(lambda: graph.isVisible() and len(history.points(WEB.id)) >= 3,
                    timeout=5000)
    assert graph.key == WEB.id
    # drawn just after each sample (REPAINT_DELAY_MS), not in the tables' frame
    qtbot.waitUntil(lambda: graph.points == list(history.points(WEB.id)), timeout=1000)
    assert max(p.bw_in for p in graph.points) > 0 and graph.points[-1].connections == 2
    assert graph.accessibleDescription().startswith("Last 5 minutes. In: now ")
    win.select_tunnel(SSH.id)
    assert graph.key == SSH.id
    assert graph.points == list(history.points(SSH.id))
    assert graph.points and all(p.bw_in == 0 == p.connections for p in graph.points)
    n = len(history.points(SSH.id))
    qtbot.waitUntil(lambda: len(history.points(SSH.id)) > n, timeout=3000)
    qtbot.waitUntil(lambda: graph.points == list(history.points(SSH.id)),  # each new sample
                    timeout=1000)


class TestTray:
    @pytest.fixture
    def tray_available(self) -> bool:
        return True

    def test_tooltip_shows_current_rates_and_totals(self, qtbot, shell, traffic) -> None:
        tray = shell.tray
        history = shell.controller.model.history
        # each tooltip as it is set, with the traffic text of that moment: with traffic
        # flowing, the next sample moves the history on within ~100 ms, so polling the
        # tooltip for equality would race the samples
        shown: list[tuple[float, str, str]] = []
        set_tip = tray.icon.setToolTip

        def record(tip: str) -> None:
            shown.append((time.monotonic(), tip, traffic_text(history)))
            set_tip(tip)

        tray.icon.setToolTip = record  # type: ignore[method-assign]
        qtbot.waitUntil(lambda: history.bytes_in > 0, timeout=5000)
        qtbot.waitUntil(lambda: sum("total 0 B in" not in tip for _t, tip, _n in shown) >= 3,
                        timeout=10000)
        live = [(t, tip, now) for t, tip, now in shown if "total 0 B in" not in tip]
        # the traffic line is the history's at the moment it is shown ...
        assert all(tip.splitlines()[-1] == now for _t, tip, now in live)
        # ... and follows the samples (10 a second) at most once a second (a change of
        # the first line, tunnels running, is shown at once)
        gaps = [b[0] - a[0] for a, b in itertools.pairwise(live)
                if a[1].splitlines()[0] == b[1].splitlines()[0]]
        assert all(gap >= TIP_INTERVAL_MS / 1000 * 0.9 for gap in gaps), gaps
        first, line = live[-1][1].splitlines()
        assert first.endswith("2 of 2 tunnels running")
        assert re.fullmatch(r"In [\d.]+ KiB/s, out [\d.]+ (B|KiB)/s "
                            r"\(total [\d.]+ KiB in, [\d.]+ KiB out\)", line), line

    def test_traffic_window_shows_the_total(self, qtbot, shell, traffic) -> None:
        history = shell.controller.model.history
        shell.tray.action("tray_traffic").trigger()
        window = shell.tray.traffic.window
        assert window is not None
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: len(window.graph.points) >= 3, timeout=5000)
        assert window.graph.points == list(history.points(TOTAL))
        assert window.graph.accessibleName() == "Bandwidth of all tunnels"
        assert window.summary.text() == traffic_text(history)
        window.close()


def test_traffic_text_before_any_sample() -> None:
    assert traffic_text(TrafficHistory()) == "In 0 B/s, out 0 B/s (total 0 B in, 0 B out)"
