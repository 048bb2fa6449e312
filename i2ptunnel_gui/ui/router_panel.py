"""The Router panel: which router, its state, its own figures (I2PControl), bandwidth, log.

Pure view: the window feeds it `set_mode`, `set_status` (core/router/status.py),
`set_health` (a HealthSample plus the bandwidth history) and `append_log` lines.
People would rather look than read: the bandwidth is a graph, the rest a short form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.router.health import RouterHealth
from i2ptunnel_gui.core.router.monitor import BandwidthPoint, HealthSample
from i2ptunnel_gui.core.router.prefs import RouterMode
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus
from i2ptunnel_gui.ui.bandwidth_graph import BandwidthGraph
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.format import human_bytes, human_duration, human_rate

LOG_LINES = 2000


class RouterPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("router_panel")
        self._mode = RouterMode.EXTERNAL
        self._build()
        self.set_mode(RouterMode.EXTERNAL, "")
        self.set_health(HealthSample(None, ""), ())

    def _state_texts(self) -> dict[RouterState, str]:
        return {
            RouterState.STOPPED: self.tr("Stopped"),
            RouterState.STARTING: self.tr("Starting"),
            RouterState.RUNNING: self.tr("Running"),
            RouterState.RESTARTING: self.tr("Restarting"),
            RouterState.FAILED: self.tr("Cannot start"),
        }

    def _build(self) -> None:
        self.heading = named(QLabel(), "router_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.state_message = named(QLabel(), "router_message")
        self.state_message.setWordWrap(True)
        self.state_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        figures = QGroupBox(self.tr("The router's own figures (I2PControl)"))
        form = QFormLayout(figures)
        self.figures: dict[str, QLabel] = {}
        for key, label in (
            ("network", self.tr("Network")),
            ("peers", self.tr("Peers (active / known)")),
            ("tunnels", self.tr("Transit tunnels")),
            ("success", self.tr("Tunnel builds succeeding")),
            ("bandwidth", self.tr("Bandwidth in / out")),
            ("total", self.tr("Received / sent")),
            ("uptime", self.tr("Uptime")),
            ("version", self.tr("Version")),
        ):
            value = named(QLabel(), f"figure_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures[key] = value
            form.addRow(label, value)
        self.health_note = named(QLabel(), "health_note")
        self.health_note.setWordWrap(True)
        form.addRow(self.health_note)
        self.graph = BandwidthGraph(self)
        form.addRow(self.graph)

        self.log_box = QGroupBox(self.tr("Router log"))
        self.log_view = named(QPlainTextEdit(), "router_log")
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(LOG_LINES)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        QVBoxLayout(self.log_box).addWidget(self.log_view)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.state_message)
        layout.addWidget(figures)
        layout.addWidget(self.log_box, 1)

    # -- feeding ----------------------------------------------------------------------
    def set_mode(self, mode: RouterMode, sam_address: str) -> None:
        """External: the user's router at `sam_address`; Managed: our own i2pd."""
        self._mode = mode
        managed = mode is RouterMode.MANAGED
        self.log_box.setVisible(managed)  # an External router's log is not ours to show
        if not managed:
            self.heading.setText(self.tr("Your router (SAM at {0})").format(sam_address))
            self.state_message.setText(
                self.tr(
                    "The app uses a router you run. Its figures appear below when its "
                    "I2PControl address is set in Preferences."
                )
            )

    def set_status(self, status: RouterStatus) -> None:
        if self._mode is not RouterMode.MANAGED:
            return
        state = self._state_texts().get(status.state, str(status.state))
        where = self.tr(", SAM at {0}").format(status.sam_address) if status.sam_address else ""
        self.heading.setText(self.tr("Private router: {0}{1}").format(state, where))
        text = shown(status.message)
        if status.restarts:
            text = (text + "\n" if text else "") + self.tr(
                "Restarted %n time(s)", "", status.restarts)
        self.state_message.setText(text)

    def set_health(self, sample: HealthSample, history: Iterable[BandwidthPoint]) -> None:
        health = sample.health
        self.graph.set_points(list(history))
        if health is None:
            for value in self.figures.values():
                value.setText("—")
            self.health_note.setText(sample.error)
            return
        self.health_note.setText(self._activity(health))
        dash = "—"
        f = self.figures
        f["network"].setText(health.net_status_text)
        if health.known_peers is not None:
            f["peers"].setText(f"{health.active_peers or 0} / {health.known_peers}")
        else:
            f["peers"].setText(dash)
        f["tunnels"].setText(_or(health.participating_tunnels, dash))
        success = health.tunnel_success_percent
        f["success"].setText(dash if success is None else f"{success} %")
        if health.bw_in is not None and health.bw_out is not None:
            f["bandwidth"].setText(f"{human_rate(health.bw_in)} / {human_rate(health.bw_out)}")
        else:
            f["bandwidth"].setText(dash)
        if health.received_bytes is not None and health.sent_bytes is not None:
            total = f"{human_bytes(health.received_bytes)} / {human_bytes(health.sent_bytes)}"
            f["total"].setText(total)
        else:
            f["total"].setText(dash)
        f["uptime"].setText(dash if health.uptime_s is None else human_duration(health.uptime_s))
        f["version"].setText(health.version or dash)

    def _activity(self, health: RouterHealth) -> str:
        activity = health.activity()
        return self.tr("Busy: {0}").format(activity) if activity else ""

    def set_log(self, lines: Sequence[str]) -> None:
        self.log_view.setPlainText("\n".join(lines[-LOG_LINES:]))
        self.log_view.moveCursor(self.log_view.textCursor().MoveOperation.End)

    def append_log(self, line: str) -> None:
        self.log_view.appendPlainText(line)


def _or(value: int | None, dash: str) -> str:
    return dash if value is None else str(value)
