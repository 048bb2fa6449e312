"""The details panel's log: state changes and errors, a bounded history per tunnel.

Each tunnel keeps its own last `limit` events, so selecting another tunnel shows that
tunnel's history; the router's message is shown verbatim. Error and warning lines take
their colour from the theme (ui/theme.py) and are recoloured when it switches.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from i2ptunnel_gui.core.status import TunnelEvent
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.tunnel_states import state_label

LOG_LIMIT = 500  # entries kept per tunnel (and lines shown)
LOG_TINTS = ("error", "warning")  # event levels whose log lines are coloured (ui/theme.py)


def format_event(event: TunnelEvent) -> str:
    """One log line: local timestamp, state, the message exactly as received."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(event.time))
    line = f"{stamp}  {state_label(event.state)}"
    return f"{line}  {shown(event.message)}" if event.message else line


class TunnelLog(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None, *, limit: int = LOG_LIMIT) -> None:
        super().__init__(parent)
        self.setObjectName("log")
        self.setReadOnly(True)
        self.setMaximumBlockCount(limit)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText(
            self.tr("State changes and errors (last {0}) appear here.").format(limit))
        self._limit = limit
        self._history: dict[str, deque[TunnelEvent]] = {}
        self._shown: str | None = None  # the tunnel whose history is on display
        theme.watcher().changed.connect(self.refill)  # log colours follow the theme

    def show_tunnel(self, tunnel_id: str | None) -> None:
        self._shown = tunnel_id
        self.refill()

    def add_event(self, event: TunnelEvent) -> None:
        """Keep `event` in its tunnel's history; written at once if that tunnel is shown."""
        history = self._history.setdefault(event.tunnel_id, deque(maxlen=self._limit))
        history.append(event)
        if event.tunnel_id == self._shown:
            self._write(event)

    def forget(self, tunnel_id: str) -> None:
        self._history.pop(tunnel_id, None)

    def refill(self) -> None:
        self.clear()
        for event in self._history.get(self._shown or "", ()):
            self._write(event)

    def _write(self, event: TunnelEvent) -> None:
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not doc.isEmpty():
            cursor.insertBlock()
        fmt = QTextCharFormat()
        if event.level in LOG_TINTS:
            fmt.setForeground(getattr(theme.current(), event.level))
        cursor.insertText(format_event(event), fmt)
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
