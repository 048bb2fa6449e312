"""Bandwidth in and out as two lines over the last few minutes: the router's, a tunnel's,
or all tunnels' together.

Pure view: `set_points()` takes any sequence of samples with `at`, `bw_in` and `bw_out`
(the HealthMonitor's BandwidthPoint, or a TrafficHistory series) and schedules a
repaint. The scale is the largest rate shown, rounded up to a readable step, so the
lines fill the height and the label says what the top line means. Drawing is cheap:
the two paths are built only when the widget is painted after new points arrived (a
hidden graph builds nothing), from at most about one point per two pixel columns, and
a paint that only repeats draws the cached paths.
The line colours are chosen against the palette's Base so they read on light and dark
themes alike (≥ 3:1, the contrast WCAG asks of graphics).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from i2ptunnel_gui.ui.format import human_rate
from i2ptunnel_gui.ui.theme import contrast_ratio

T = TypeVar("T")

# the lines on a light Base, and their lighter twins for a dark one
IN_COLOUR = QColor("#1565c0")
OUT_COLOUR = QColor("#2e7d32")
IN_COLOUR_ON_DARK = QColor("#64b5f6")
OUT_COLOUR_ON_DARK = QColor("#81c784")
MIN_CONTRAST = 3.0
SPAN_S = 300.0  # the width of the graph in seconds
# Lines 1 px wide and not antialiased: stroking five minutes of points (~700 segments
# a line) took 5-10 ms per sample at 2 px antialiased, ~1 ms like this (measured), and
# every pixel of a line is then exactly its colour
LINE_WIDTH = 1
_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500)


class RatePoint(Protocol):
    @property
    def at(self) -> float: ...
    @property
    def bw_in(self) -> float: ...
    @property
    def bw_out(self) -> float: ...


def nice_ceiling(value: float) -> float:
    """The smallest 1/2/5 × 10^n KiB/s (MiB/s, ...) at or above `value`; 1 KiB/s at least."""
    value = max(value, 1024.0)
    unit = 1024.0
    while True:
        for step in _STEPS:
            if step * unit >= value:
                return step * unit
        unit *= 1024


def thinned(points: Sequence[T], stride: int) -> Iterator[T]:
    """Every `stride`-th of `points`, oldest first, always ending with the newest (the
    lines end at "now"); islice, so a deque works too."""
    return islice(points, (len(points) - 1) % stride, None, stride)


def line_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """(in, out) line colours that stand out from `palette`'s Base: the pair with the
    weaker of its two contrasts the highest (worked out once per Base colour: every
    graph and sparkline cell asks on every paint)."""
    base = palette.base().color().rgb()
    pair = _PAIR_FOR_BASE.get(base)
    if pair is None:
        colour = QColor.fromRgb(base)
        pairs = ((IN_COLOUR, OUT_COLOUR), (IN_COLOUR_ON_DARK, OUT_COLOUR_ON_DARK))
        pair = _PAIR_FOR_BASE[base] = max(pairs, key=lambda p: min(
            contrast_ratio(p[0], colour), contrast_ratio(p[1], colour)))
    return pair


_PAIR_FOR_BASE: dict[int, tuple[QColor, QColor]] = {}  # a handful of palettes in a run


class BandwidthGraph(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bandwidth_graph")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(110)
        self.points: Sequence[RatePoint] = []
        self.top = nice_ceiling(0)
        self.peak_in = self.peak_out = 0.0
        self._paths: tuple[QPainterPath, QPainterPath] | None = None  # None: to build
        self._path_rect = QRectF()
        self.setAccessibleName(QCoreApplication.translate("BandwidthGraph", "Router bandwidth"))

    def sizeHint(self) -> QSize:
        return QSize(360, 120)

    def set_points(self, points: Sequence[RatePoint]) -> None:
        """Show `points` (oldest first); the graph keeps its own copy."""
        self.points = list(points)
        self.peak_in = max((p.bw_in for p in self.points), default=0.0)
        self.peak_out = max((p.bw_out for p in self.points), default=0.0)
        self.top = nice_ceiling(max(self.peak_in, self.peak_out))
        latest = self.points[-1] if self.points else None
        if latest is not None:
            self.setToolTip(
                QCoreApplication.translate("BandwidthGraph", "In {0}, out {1}").format(
                    human_rate(latest.bw_in), human_rate(latest.bw_out)
                )
            )
        self.setAccessibleDescription(self.summary())
        self._paths = None
        self.update()

    def summary(self) -> str:
        """What the lines show, for screen readers: the rates now and their peaks."""
        if not self.points:
            return QCoreApplication.translate("BandwidthGraph", "No traffic measured yet.")
        latest = self.points[-1]
        return QCoreApplication.translate("BandwidthGraph",
            "Last 5 minutes. In: now {0}, peak {1}. Out: now {2}, peak {3}."
        ).format(human_rate(latest.bw_in), human_rate(self.peak_in),
                 human_rate(latest.bw_out), human_rate(self.peak_out))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = QRectF(self.rect()).adjusted(4, 18, -4, -4)
        palette = self.palette()
        painter.fillRect(area, palette.base())
        grid = QPen(palette.mid().color(), 1, Qt.PenStyle.DotLine)
        painter.setPen(grid)
        for i in range(1, 4):
            y = area.top() + area.height() * i / 4
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(palette.text().color())
        painter.drawText(
            QRectF(self.rect()).adjusted(6, 0, -6, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            QCoreApplication.translate("BandwidthGraph", "max {0}").format(human_rate(self.top)),
        )
        in_colour, out_colour = line_colours(palette)
        right = QRectF(self.rect()).adjusted(6, 0, -6, 0)
        legend = ((out_colour, QCoreApplication.translate("BandwidthGraph", "— out")),
                  (in_colour, QCoreApplication.translate("BandwidthGraph", "— in")))
        for colour, label in legend:
            painter.setPen(colour)  # the legend in the lines' own colours, right to left
            painter.drawText(right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)
            right.adjust(0, 0, -painter.fontMetrics().horizontalAdvance(label + "  "), 0)
        if len(self.points) >= 2:
            if self._paths is None or self._path_rect != area:
                self._paths = self._build_paths(area)
                self._path_rect = area
            for colour, path in zip((in_colour, out_colour), self._paths, strict=True):
                painter.setPen(QPen(colour, LINE_WIDTH))
                painter.drawPath(path)
        painter.end()

    def _build_paths(self, area: QRectF) -> tuple[QPainterPath, QPainterPath]:
        """Both lines in one pass over the points, thinned to about one per two pixel
        columns (five minutes at 4 Hz are 1 200 points for a few hundred pixels; each
        costs a Python iteration per sample)."""
        points = self.points
        stride = -(-len(points) // max(1, int(area.width()) // 2))  # rounded up
        now = points[-1].at
        left, right, bottom = area.left(), area.right(), area.bottom()
        x_scale = area.width() / SPAN_S
        y_scale = area.height() / self.top
        height = area.height()
        path_in, path_out = QPainterPath(), QPainterPath()
        first = True
        for p in thinned(points, stride):
            x = max(right - (now - p.at) * x_scale, left)
            y_in = bottom - min(p.bw_in * y_scale, height)
            y_out = bottom - min(p.bw_out * y_scale, height)
            if first:
                path_in.moveTo(x, y_in)
                path_out.moveTo(x, y_out)
                first = False
            else:
                path_in.lineTo(x, y_in)
                path_out.lineTo(x, y_out)
        return path_in, path_out
