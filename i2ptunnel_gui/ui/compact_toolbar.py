"""A toolbar that shows its actions' texts beside their icons while the window has room
for them, and only the icons (the texts stay in the tooltips) when it has not, so that no
action hides behind the overflow arrow: translated texts are longer (the tunnel toolbar
in Russian needs ~1 300 px with texts, ~700 with icons). Actions without an icon show
their text either way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QToolBar, QWidget

_TEXTS = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
_ICONS = Qt.ToolButtonStyle.ToolButtonIconOnly


class CompactToolBar(QToolBar):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setToolButtonStyle(_TEXTS)
        self._wide = 0  # the width the bar needs with texts, measured while it shows them

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.toolButtonStyle() == _TEXTS:
            self._wide = self.sizeHint().width()
        style = _TEXTS if self._wide <= self.width() else _ICONS
        if style != self.toolButtonStyle():
            self.setToolButtonStyle(style)

    @property
    def compact(self) -> bool:
        return self.toolButtonStyle() == _ICONS
