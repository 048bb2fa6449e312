"""The router's recent bandwidth, in and out, as two lines over the last few minutes.

Pure view: `set_points()` takes the HealthMonitor's history (core/router/monitor.py)
and repaints. The scale is the largest rate shown, rounded up to a readable step, so
the lines fill the height and the label says what the top line means.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from i2ptunnel_gui.core.router.monitor import BandwidthPoint
from i2ptunnel_gui.ui.format import human_rate

IN_COLOUR = QColor("#1565c0")
OUT_COLOUR = QColor("#2e7d32")
SPAN_S = 300.0  # the width of the graph in seconds
_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500)


def nice_ceiling(value: float) -> float:
    """The smallest 1/2/5 × 10^n KiB/s (MiB/s, ...) at or above `value`; 1 KiB/s at least."""
    value = max(value, 1024.0)
    unit = 1024.0
    while True:
        for step in _STEPS:
            if step * unit >= value:
                return step * unit
        unit *= 1024


class BandwidthGraph(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bandwidth_graph")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(110)
        self.points: list[BandwidthPoint] = []
        self.top = nice_ceiling(0)
        self.setAccessibleName(self.tr("Router bandwidth"))

    def sizeHint(self) -> QSize:
        return QSize(360, 120)

    def set_points(self, points: Sequence[BandwidthPoint]) -> None:
        self.points = list(points)
        self.top = nice_ceiling(max((max(p.bw_in, p.bw_out) for p in self.points), default=0))
        latest = self.points[-1] if self.points else None
        if latest is not None:
            self.setToolTip(
                self.tr("In {0}, out {1}").format(
                    human_rate(latest.bw_in), human_rate(latest.bw_out)
                )
            )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 18, -4, -4)
        painter.fillRect(area, self.palette().base())
        grid = QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine)
        painter.setPen(grid)
        for i in range(1, 4):
            y = area.top() + area.height() * i / 4
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(self.palette().text().color())
        painter.drawText(
            QRectF(self.rect()).adjusted(6, 0, -6, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            self.tr("max {0}").format(human_rate(self.top)),
        )
        right = QRectF(self.rect()).adjusted(6, 0, -6, 0)
        for colour, label in ((OUT_COLOUR, self.tr("— out")), (IN_COLOUR, self.tr("— in"))):
            painter.setPen(colour)  # the legend in the lines' own colours, right to left
            painter.drawText(right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)
            right.adjust(0, 0, -painter.fontMetrics().horizontalAdvance(label + "  "), 0)
        if len(self.points) >= 2:
            now = self.points[-1].at
            lines: tuple[tuple[QColor, Callable[[BandwidthPoint], float]], ...] = (
                (IN_COLOUR, lambda p: p.bw_in),
                (OUT_COLOUR, lambda p: p.bw_out),
            )
            for colour, pick in lines:
                painter.setPen(QPen(colour, 2))
                painter.drawPath(self._path(area, now, pick))
        painter.end()

    def _path(
        self, area: QRectF, now: float, pick: Callable[[BandwidthPoint], float]
    ) -> QPainterPath:
        path = QPainterPath()
        for i, p in enumerate(self.points):
            x = area.right() - (now - p.at) / SPAN_S * area.width()
            y = area.bottom() - min(pick(p) / self.top, 1.0) * area.height()
            if i == 0:
                path.moveTo(max(x, area.left()), y)
            else:
                path.lineTo(max(x, area.left()), y)
        return path
