"""The tray's share of the traffic graphs: a tooltip that ends with all tunnels' rates
now and bytes so far, and the Traffic window behind the menu's "Traffic…".

The traffic line follows the samples at most once a TIP_INTERVAL_MS (setting a tray
tooltip is a D-Bus call on some desktops, and samples come at up to 10 Hz); the last
sample of such a pause is shown when it ends, so the line is never stale for long.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.traffic_graph import TrafficWindow, traffic_text

TIP_INTERVAL_MS = 1000


class TrayTraffic(QObject):
    def __init__(self, controller: TunnelController, icon: QSystemTrayIcon,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._icon = icon
        self._head = ""  # the tray's own first line (tunnels running)
        self._pause = QTimer(self)  # running: the tooltip was set just now
        self._pause.setSingleShot(True)
        self._pause.setInterval(TIP_INTERVAL_MS)
        self._pause.timeout.connect(self._pause_over)
        self._pending = False  # a sample arrived during the pause
        self.window: TrafficWindow | None = None  # made when first asked for
        controller.sampled.connect(self._on_sample)

    def set_head(self, text: str) -> None:
        """The tooltip's first line changed: show it (and the traffic line) at once."""
        self._head = text
        self._show()

    def show_window(self) -> None:
        if self.window is None:
            self.window = TrafficWindow(self._controller)
        self.window.show()
        self.window.raise_()

    def _on_sample(self, *_: object) -> None:
        if self._pause.isActive():
            self._pending = True
        else:
            self._show()

    def _pause_over(self) -> None:
        if self._pending:
            self._show()

    def _show(self) -> None:
        self._pending = False
        self._pause.start()
        tip = f"{self._head}\n{traffic_text(self._controller.model.history)}"
        if tip != self._icon.toolTip():
            self._icon.setToolTip(tip)
