"""A tunnel's open connections over the last minutes, drawn as a sparkline in its cell.

Reads the series the tunnel model gives under HISTORY_ROLE (TrafficPoints, oldest
first) and draws one polyline scaled to the series' own peak, time running right to
the latest sample: a shape to glance at, the numbers being in the tooltip. At most
one point per pixel column is drawn, so a long series costs no more than a short one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize
from PySide6.QtGui import QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from i2ptunnel_gui.ui.bandwidth_graph import LINE_WIDTH, line_colours, thinned
from i2ptunnel_gui.ui.roles import HISTORY_ROLE
from i2ptunnel_gui.ui.traffic_history import SPAN_S, TrafficPoint

WIDTH = 90  # px the column asks for
_MARGIN = 3


def sparkline(points: Sequence[TrafficPoint], left: float, top: float, width: float,
              height: float) -> QPolygonF:
    """The polyline of `points`' connections in the box (left, top, width, height)."""
    line = QPolygonF()
    if len(points) < 2 or width < 2:
        return line
    now = points[-1].at
    peak = max(1, max(p.connections for p in points))
    stride = max(1, len(points) // int(width))  # about one point per pixel column
    picked = thinned(points, stride)
    right, bottom = left + width, top + height
    x_scale, y_scale = width / SPAN_S, height / peak
    for p in picked:
        line.append(QPointF(max(right - (now - p.at) * x_scale, left),
                            bottom - p.connections * y_scale))
    return line


class SparklineDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)  # background, selection, focus
        points = index.data(HISTORY_ROLE)
        if not points or len(points) < 2:
            return
        rect = option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        line = sparkline(points, rect.left(), rect.top(), rect.width(), rect.height())
        palette: QPalette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            colour = palette.highlightedText().color()
        else:
            colour = line_colours(palette)[0]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(colour, LINE_WIDTH))  # thin and aliased: cheap, as the graphs
        painter.drawPolyline(line)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(WIDTH, hint.width()), hint.height())
