"""Paints the connection table's cells straight from the model's rows.

Qt's default delegate asks the model seven data() roles per cell and lays every text
out again on every paint: with a Python model each ask crosses into Python, and a
repaint of ~170 visible cells cost 4.8 ms on the GUI thread, which at 5 000 live
connections is most of a frame (bench/ui_frames.py). This delegate makes one call per
cell (ConnectionTableModel.cell) and draws cached QStaticText, whose layout is done once
per distinct string: 2.1 ms per repaint, same look (selection, alternate rows, the
new/closed highlights, right-aligned numbers, eliding, the focus frame).
data() stays complete for everything else: sorting, copying, accessibility, tests.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.connection_model import LOOK_GONE, LOOK_NEW, ConnectionTableModel

CACHE_MAX = 4096  # distinct strings kept laid out (visible cells × a few ticks)
_SELECTED = QStyle.StateFlag.State_Selected
_ACTIVE = QStyle.StateFlag.State_Active
_FOCUS = QStyle.StateFlag.State_HasFocus
_ELIDE = Qt.TextElideMode.ElideRight


class ConnectionDelegate(QStyledItemDelegate):
    def __init__(self, model: ConnectionTableModel, view: QWidget) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._texts: dict[tuple[str, int], tuple[QStaticText, float]] = {}
        # the gap Qt's styles leave between a cell's edge and its text
        self._pad = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                             None, view) + 1

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text, right, look = self._model.cell(index.row(), index.column())
        rect = option.rect
        state = option.state
        palette: QPalette = option.palette
        group = QPalette.ColorGroup.Active if state & _ACTIVE else QPalette.ColorGroup.Inactive
        if state & _SELECTED:
            painter.fillRect(rect, palette.color(group, QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(group, QPalette.ColorRole.HighlightedText))
        else:
            if look == LOOK_NEW:
                painter.fillRect(rect, theme.current().new_row)
            painter.setPen(theme.current().muted if look == LOOK_GONE
                           else palette.color(group, QPalette.ColorRole.Text))
        pad = self._pad
        room = rect.width() - 2 * pad
        static, width = self._static(text, room, option)
        x = rect.x() + rect.width() - pad - width if right else rect.x() + pad
        y = rect.y() + (rect.height() - option.fontMetrics.height()) / 2
        painter.drawStaticText(int(x), int(y), static)
        if state & _FOCUS:
            self._view.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect,
                                             option, painter, self._view)

    def _static(self, text: str, room: int, option: Any) -> tuple[QStaticText, float]:
        """`text` laid out once (elided to `room` px if wider), with its width."""
        key = (text, room)
        hit = self._texts.get(key)
        if hit is None:
            metrics = option.fontMetrics
            if metrics.horizontalAdvance(text) > room:
                text = metrics.elidedText(text, _ELIDE, max(0, room))
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            if len(self._texts) >= CACHE_MAX:
                self._texts.clear()
            hit = self._texts[key] = (static, metrics.horizontalAdvance(text))
        return hit
