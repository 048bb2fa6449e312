"""Traffic graphs fed by the tunnel model's TrafficHistory: one tunnel's (the details
panel) or all tunnels' together (the Traffic window, opened from the tray).

Each graph follows the controller's samples, but only a visible graph copies its
series: a hidden one notes that it is stale and catches up when it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from i2ptunnel_gui.ui.bandwidth_graph import BandwidthGraph
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.format import human_bytes, human_rate
from i2ptunnel_gui.ui.traffic_history import TOTAL, TrafficHistory


def traffic_text(history: TrafficHistory) -> str:
    """All tunnels' rates now and bytes so far, in one line (the tray's tooltip)."""
    latest = history.latest(TOTAL)
    rate_in, rate_out = (latest.bw_in, latest.bw_out) if latest is not None else (0.0, 0.0)
    return QCoreApplication.translate("traffic", "In {0}, out {1} (total {2} in, {3} out)").format(
        human_rate(rate_in), human_rate(rate_out),
        human_bytes(history.bytes_in), human_bytes(history.bytes_out))


REPAINT_DELAY_MS = 8  # about half a 60 Hz frame


class TrafficGraph(BandwidthGraph):
    """The bandwidth graph of one tunnel, or of all of them (`key` TOTAL)."""

    def __init__(self, parent: QWidget | None = None, *, key: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traffic_graph")
        self.key = key  # None: no tunnel to show
        self._history: TrafficHistory | None = None
        self._stale = False
        self._name_accessibly()
        # a sample also updates the tables: drawing the graph half a frame later keeps
        # the two out of one frame (measured: bench/ui_frames.py, docs/BENCHMARKS.md)
        self._after_sample = QTimer(self)
        self._after_sample.setSingleShot(True)
        self._after_sample.setInterval(REPAINT_DELAY_MS)
        self._after_sample.timeout.connect(self.refresh)

    def follow(self, controller: TunnelController) -> None:
        """Show the history of `controller`'s tunnels, refreshed after each sample."""
        self._history = controller.model.history
        controller.sampled.connect(self._after_sample.start)
        self.refresh()

    def set_tunnel(self, tunnel_id: str | None) -> None:
        if tunnel_id != self.key:
            self.key = tunnel_id
            self._name_accessibly()
            self._stale = True
            self.refresh()

    def refresh(self, *_: object) -> None:
        """New points may be there: take them now if shown, else when next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        history = self._history
        self.set_points(history.points(self.key) if history is not None and self.key is not None
                        else ())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _name_accessibly(self) -> None:
        self.setAccessibleName(self.tr("Bandwidth of all tunnels") if self.key == TOTAL
                               else self.tr("Bandwidth of this tunnel"))


class TrafficWindow(QWidget):
    """A small window with all tunnels' bandwidth over the last minutes."""

    def __init__(self, controller: TunnelController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traffic_window")
        self.setWindowTitle(self.tr("Traffic"))
        self.graph = TrafficGraph(self, key=TOTAL)
        self.summary = QLabel(self)
        self.summary.setObjectName("traffic_summary")
        self.summary.setAccessibleName(self.tr("Traffic summary"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.graph)
        layout.addWidget(self.summary)
        self._history = controller.model.history
        self.graph.follow(controller)
        controller.sampled.connect(self._show_summary)
        self._show_summary()
        self.resize(420, 180)

    def _show_summary(self, *_: object) -> None:
        if self.isVisible():
            self.summary.setText(traffic_text(self._history))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_summary()
