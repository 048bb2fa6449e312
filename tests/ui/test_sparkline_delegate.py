"""The Activity sparkline: drawn from the tunnel model's history where the connection
counts put it, one point per pixel column at most, and only when there is a series."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView
from samples import SSH, WEB, status

from i2ptunnel_gui.core.status import EngineSnapshot
from i2ptunnel_gui.ui.bandwidth_graph import line_colours
from i2ptunnel_gui.ui.sparkline_delegate import SparklineDelegate, sparkline
from i2ptunnel_gui.ui.traffic_history import SPAN_S, TrafficPoint
from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel

W, H = 100, 24


def fed_model() -> TunnelTableModel:
    m = TunnelTableModel()
    m.set_specs([WEB, SSH])
    # WEB's connections climb from 0 to 10 over the whole span (the sample before it is
    # the counters' baseline); SSH is in the last sample only, so it has no series yet
    step = SPAN_S / 10
    for i in range(-1, 11):
        m.apply_snapshot(EngineSnapshot(time=i * step, tunnels=(
            status(WEB, active_connections=max(i, 0)),)))
    m.apply_snapshot(EngineSnapshot(time=11 * step, tunnels=(status(SSH),)))
    return m


def paint(qtbot, m: TunnelTableModel, tunnel_id: str) -> tuple[QImage, QColor, QColor]:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(m)
    delegate = SparklineDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, W, H)
    background = option.palette.base().color()
    image = QImage(W, H, QImage.Format.Format_RGB32)
    image.fill(background)
    painter = QPainter(image)
    delegate.paint(painter, option, m.index(m.row_of(tunnel_id), m.COL_ACTIVITY))
    painter.end()
    return image, background, line_colours(option.palette)[0]


def _inked(image: QImage, background: QColor, x: int, y: int) -> bool:
    return any(QColor(image.pixel(x + dx, y + dy)) != background
               for dx in (-1, 0, 1) for dy in (-1, 0, 1)
               if 0 <= x + dx < W and 0 <= y + dy < H)


def test_the_line_rises_from_bottom_left_to_top_right(qtbot) -> None:
    image, background, colour = paint(qtbot, fed_model(), WEB.id)
    # the box is the cell less a 3 px margin: x 3..97, y 3..21 (0 connections at the
    # bottom, the peak of 10 at the top)
    assert _inked(image, background, 3, 20)
    assert _inked(image, background, 96, 3)
    assert _inked(image, background, 50, 12)
    assert not _inked(image, background, 10, 4)  # above the line: untouched
    assert not _inked(image, background, 90, 20)  # below it
    pixels = {QColor(image.pixel(x, y)).name() for x in range(W) for y in range(H)}
    assert colour.name() in pixels  # in the palette-chosen line colour


def test_no_series_draws_no_line(qtbot) -> None:
    image, background, _colour = paint(qtbot, fed_model(), SSH.id)
    assert all(QColor(image.pixel(x, y)) == background for x in range(W) for y in range(H))


def test_a_long_series_is_thinned_to_the_width() -> None:
    # a deque, as the model hands it over
    points = deque(TrafficPoint(t * 0.1, 0.0, 0.0, t % 7) for t in range(3000))
    line = sparkline(points, 0.0, 0.0, 100.0, 20.0)
    assert 100 <= line.size() <= 102
    assert line.last().x() == 100.0  # ends at the latest sample
    assert line.last().y() == 20.0 - (2999 % 7) * 20.0 / 6
    assert sparkline([points[0]], 0.0, 0.0, 100.0, 20.0).isEmpty()
