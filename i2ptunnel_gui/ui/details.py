"""Details of the selected tunnel: address + QR, key file, endpoint, state, log.

Pure view: the main window feeds it `set_spec`, `set_status` and `append_event`.
The log keeps a bounded history per tunnel (so switching the selection shows
that tunnel's own history) and shows the router's message verbatim.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.spec import I2P_CLIENT_KINDS, KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import Reachability, TunnelEvent, TunnelState, TunnelStatus
from i2ptunnel_gui.ui import icons, theme
from i2ptunnel_gui.ui.accessibility import describe_details
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.details_server_policy import ServerPolicyDetails, site_url
from i2ptunnel_gui.ui.editor_client_kinds import help_text
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.key_address import KeyAddress
from i2ptunnel_gui.ui.qr import QrLabel, open_qr_window, qr_pixmap
from i2ptunnel_gui.ui.share_dialog import open_share_dialog, share_button
from i2ptunnel_gui.ui.theme import Tint
from i2ptunnel_gui.ui.traffic_graph import TrafficGraph
from i2ptunnel_gui.ui.tunnel_log import LOG_LIMIT, TunnelLog
from i2ptunnel_gui.ui.tunnel_states import state_label
from i2ptunnel_gui.ui.zero_hops import ZeroHopWarning

QR_SIDE = 180  # px; the QR is drawn at the largest whole module size that fits
KEY_NOTE = QT_TRANSLATE_NOOP(
    "DetailsPanel",
    "Private: whoever holds this file can run a tunnel at this address. "
    "Do not share it; back it up to keep the address.",
)
KeyLocator = Callable[[TunnelSpec], "Path | str"]
StoredAddress = Callable[[str], "KeyAddress | None"]  # TunnelController.key_address


def format_endpoint(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _selectable(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class DetailsPanel(QWidget):
    reachability_requested = Signal(str)  # tunnel id: "Check now" was pressed

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        key_locator: KeyLocator | None = None,
        stored_address: StoredAddress | None = None,
        log_limit: int = LOG_LIMIT,
    ) -> None:
        """`key_locator` is KeyStore.key_path (where the app keeps a tunnel's key)."""
        super().__init__(parent)
        self.setObjectName("details_panel")
        self._key_locator = key_locator
        self._stored_address = stored_address  # a stopped tunnel's b32, from its key file
        self._spec: TunnelSpec | None = None
        self._status: TunnelStatus | None = None
        self._known_address: dict[str, str] = {}  # last b32 seen per persistent tunnel
        self._qr_text = ""
        self._checking: set[str] = set()  # tunnels with a reachability check under way
        self.log = TunnelLog(limit=log_limit)  # per-tunnel history (ui/tunnel_log.py)
        self._build()
        self.set_spec(None)
        describe_details(self, self.b32_address, self.qr_code, self.log)

    # -- construction -----------------------------------------------------------------
    def _build(self) -> None:
        self.kind_icon = named(QLabel(), "kind_icon")
        self.title = named(QLabel(), "title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.state_icon = named(QLabel(), "state_icon")
        self.state = named(QLabel(), "state")
        self.state_message = _selectable("state_message")
        self.local_endpoint = _selectable("local_endpoint")
        self.target = _selectable("target")
        self.b32_address = named(QLineEdit(), "b32_address")
        self.b32_address.setReadOnly(True)  # selectable, not editable
        self.b32_address.setPlaceholderText(self.tr("known once the tunnel has started"))
        self._address_hint = self.b32_address.placeholderText()  # when no key file says why
        self.copy_b32 = named(QToolButton(), "copy_b32")
        self.copy_b32.setIcon(icons.action_icon("copy"))
        self.copy_b32.setText(self.tr("Copy"))
        self.copy_b32.setToolTip(self.tr("Copy the address to the clipboard"))
        self.copy_b32.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.copy_b32.clicked.connect(self.copy_address)
        self.share = share_button(self)  # server tunnels: the share card (ui/share_dialog.py)
        self.share.clicked.connect(lambda: open_share_dialog(self, self._spec, self.address()))
        self.qr_code = named(QrLabel(), "qr_code")  # a click enlarges it (and saves it)
        self.qr_code.clicked.connect(lambda: open_qr_window(self, self._qr_text))
        self.qr_code.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.qr_code.hide()  # until there is an address to draw
        self.key_file = _selectable("key_file")
        self.key_note = named(
            QLabel(QCoreApplication.translate("DetailsPanel", str(KEY_NOTE))), "key_note")
        self.key_note.setWordWrap(True)
        theme.tint(self.key_note, Tint.WARNING)
        self.empty = named(QLabel(self.tr("Select a tunnel to see its details.")), "empty")
        self._build_reachability()
        self.policy = ServerPolicyDetails()  # site link, access list, limits, refusals
        self.traffic = TrafficGraph()  # this tunnel's bandwidth (main window: follow())
        # here it yields height to the facts above it, as the log does
        self.traffic.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.traffic.setMinimumHeight(56)

        head = QHBoxLayout()
        head.addWidget(self.kind_icon)
        head.addWidget(self.title, 1)
        head.addWidget(self.state_icon)
        head.addWidget(self.state)
        address = QHBoxLayout()
        address.addWidget(self.b32_address, 1)
        address.addWidget(self.copy_b32)
        address.addWidget(self.share)
        self.address_row = QWidget()
        column = QVBoxLayout(self.address_row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(address)
        self.key_row = QWidget()
        key_column = QVBoxLayout(self.key_row)
        key_column.setContentsMargins(0, 0, 0, 0)
        key_column.addWidget(self.key_file)
        key_column.addWidget(self.key_note)

        self.form = QFormLayout()
        self.form.addRow(self.tr("Status"), self.state_message)
        self.form.addRow(self.tr("Listens on"), self.local_endpoint)
        self.form.addRow(self.tr("Target"), self.target)
        self.form.addRow(self.tr("I2P address"), self.address_row)
        self.form.addRow(self.tr("Key file"), self.key_row)
        self.form.addRow(self.tr("Reachability"), self.reach_row)
        self.form.addRow(self.policy)
        self.content = named(QWidget(), "details_content")
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(head)
        self.hop_warning = ZeroHopWarning("details_hop_warning")
        inner.addWidget(self.hop_warning)
        # the QR sits beside the facts, not under them: the panel is wide but short,
        # and a squeezed layout would overlap (and so unscannably clip) the code
        facts = QHBoxLayout()
        facts.addLayout(self.form, 1)
        facts.addWidget(self.qr_code, 0, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(facts)
        # the graph beside the log, not above it: the panel is wide but short
        graph_column = QVBoxLayout()
        graph_column.addWidget(QLabel(self.tr("Traffic")))
        graph_column.addWidget(self.traffic, 1)
        log_column = QVBoxLayout()
        log_column.addWidget(QLabel(self.tr("Log")))
        log_column.addWidget(self.log, 1)
        bottom = QHBoxLayout()
        bottom.addLayout(graph_column, 2)
        bottom.addLayout(log_column, 3)
        inner.addLayout(bottom, 1)
        # shorter than its rows (a small window, a large font): scroll, never squeeze
        self.body = named(QScrollArea(), "details_scroll")
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls in it
        self.body.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.addWidget(self.empty)
        outer.addWidget(self.body, 1)

    def _build_reachability(self) -> None:
        self.reachability = _selectable("reachability")
        self.check_reach = named(QToolButton(), "check_reachability")
        self.check_reach.setText(self.tr("Check now"))
        self.check_reach.setToolTip(self.tr(
            "Dial this tunnel's I2P address from a separate short-lived session "
            "(takes as long as the router needs for a new session)"))
        self.check_reach.clicked.connect(self._request_check)
        self.reach_row = QWidget()
        row = QHBoxLayout(self.reach_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reachability, 1)
        row.addWidget(self.check_reach)

    # -- public API (UI contract) -----------------------------------------------------
    def set_spec(self, spec: TunnelSpec | None) -> None:
        switched = spec is None or self._spec is None or spec.id != self._spec.id
        self._spec = spec
        self.traffic.set_tunnel(spec.id if spec is not None else None)
        self.empty.setVisible(spec is None)
        self.body.setVisible(spec is not None)
        if switched:
            self._status = None
            self.log.show_tunnel(spec.id if spec is not None else None)
        if spec is None:
            return
        if spec.key_mode is KeyMode.TRANSIENT:  # each start has a new address
            self._known_address.pop(spec.id, None)
        self.kind_icon.setPixmap(icons.kind_icon(spec.kind).pixmap(20, 20))
        self.title.setText(spec.name)
        self.title.setToolTip(spec.description)
        self.hop_warning.show_for(spec.options_dict if spec.needs_router else {})
        self.form.setRowVisible(self.local_endpoint, spec.listens)
        label = self.form.labelForField(self.target)
        target_label = self.tr("Target")
        target = format_endpoint(spec.target_host, spec.target_port)
        if spec.kind in (TunnelKind.CLIENT, TunnelKind.IRC):
            target_label = (self.tr("Destination") if spec.kind is TunnelKind.CLIENT
                            else self.tr("IRC servers"))
            target = spec.destination
        elif spec.kind in I2P_CLIENT_KINDS:  # a proxy: each request names its destination
            target_label = self.tr("How to use")
            target = help_text(spec.kind, format_endpoint(spec.listen_host, spec.listen_port))
        if isinstance(label, QLabel):
            label.setText(target_label)
        self.target.setText(target)
        self.form.setRowVisible(self.address_row, spec.needs_router)
        label = self.form.labelForField(self.address_row)
        if isinstance(label, QLabel):  # a client's own address is what servers see
            label.setText(self.tr("Client address") if spec.kind in I2P_CLIENT_KINDS
                          else self.tr("I2P address"))
        self.form.setRowVisible(self.key_row, spec.needs_router)
        self.share.setVisible(spec.serves)
        # I2P kinds that do not listen are servers: peers reach them through I2P
        self.form.setRowVisible(self.reach_row, spec.needs_router and not spec.listens)
        self.policy.set_spec(spec)
        self._show_key(spec)
        self._show_status()

    def set_status(self, status: TunnelStatus) -> None:
        """Show `status` if it belongs to the tunnel on display (others are ignored)."""
        if self._spec is None or status.id != self._spec.id:
            return
        self._status = status
        self.policy.set_status(status)
        if status.i2p_address and self._spec.key_mode is KeyMode.PERSISTENT:
            self._known_address[status.id] = status.i2p_address
        self._show_status()

    def append_event(self, event: TunnelEvent) -> None:
        """Log `event` in its tunnel's history; shown at once if that tunnel is on display."""
        self.log.add_event(event)

    def forget(self, tunnel_id: str) -> None:
        """Drop a deleted tunnel's history and remembered address."""
        self.log.forget(tunnel_id)
        self._known_address.pop(tunnel_id, None)
        if self._spec is not None and self._spec.id == tunnel_id:
            self.set_spec(None)

    def forget_address(self, tunnel_id: str) -> None:
        """The tunnel's key was replaced: its old address must not be shown or copied."""
        self._known_address.pop(tunnel_id, None)
        if self._spec is not None and self._spec.id == tunnel_id:
            if self._status is not None:
                self._status = dataclasses.replace(self._status, i2p_address="")
                self.policy.set_status(self._status)
            self._show_status()

    def show_reachability(self, result: Reachability) -> None:
        """The outcome of a check ("Check now" or periodic) of tunnel `result.tunnel_id`."""
        self._checking.discard(result.tunnel_id)
        if self._status is not None and self._status.id == result.tunnel_id:
            self._status = dataclasses.replace(self._status, reachability=result)
        if self._spec is not None and self._spec.id == result.tunnel_id:
            self._show_status()

    def check_failed(self, tunnel_id: str) -> None:
        """The check could not be made (the window shows why): offer the button again."""
        self._checking.discard(tunnel_id)
        if self._spec is not None and self._spec.id == tunnel_id:
            self._show_status()

    def address(self) -> str:
        return self.b32_address.text()

    def copy_address(self) -> None:
        text = self.address()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self.copy_b32.setText(self.tr("Copied"))
        QTimer.singleShot(1500, self, lambda: self.copy_b32.setText(self.tr("Copy")))

    # -- rendering ----------------------------------------------------------------------
    def _show_key(self, spec: TunnelSpec) -> None:
        if spec.key_mode is KeyMode.TRANSIENT:
            self.key_file.setText(self.tr("none: a new address is created on every start"))
            self.key_note.hide()
            return
        if spec.key_file:
            where = spec.key_file
        elif self._key_locator is not None:
            where = str(self._key_locator(spec))
        else:
            where = self.tr("{0}.dat in the app's key folder").format(spec.id)
        self.key_file.setText(where)
        self.key_note.show()

    def _show_status(self) -> None:
        spec, status = self._spec, self._status
        assert spec is not None
        state = status.state if status is not None else TunnelState.STOPPED
        self.state_icon.setPixmap(icons.state_icon(state).pixmap(16, 16))
        self.state.setText(state_label(state))
        message = shown(status.message) if status is not None else ""
        if status is not None and state is TunnelState.RECONNECTING and status.next_retry_at:
            wait = max(0, round(status.next_retry_at - time.time()))
            message = self.tr("{message} (next try in {wait} s)").format(
                message=message, wait=wait).strip()
        self.state_message.setText(message or state_label(state))
        if status is not None and status.local_address:
            self.local_endpoint.setText(status.local_address)
        else:
            self.local_endpoint.setText(format_endpoint(spec.listen_host, spec.listen_port))
        address = status.i2p_address if status is not None else ""
        address = address or self._known_address.get(spec.id, "")
        stored = self._stored_address(spec.id) if self._stored_address is not None else None
        if not address and stored is not None:  # stopped: the key file knows it, or why not
            address = stored.b32
        self.b32_address.setPlaceholderText(
            stored.problem if stored is not None and stored.problem else self._address_hint)
        self._show_address(address)
        self._show_reachability(spec, status)

    def _show_reachability(self, spec: TunnelSpec, status: TunnelStatus | None) -> None:
        checking = spec.id in self._checking
        running = status is not None and status.state in (
            TunnelState.RUNNING, TunnelState.DEGRADED)
        self.check_reach.setEnabled(running and not checking)
        result = status.reachability if status is not None else None
        if checking:
            text = self.tr("checking… (a new I2P session first: ~20 s on i2pd)")
        elif result is None:
            text = (self.tr("not checked yet") if running
                    else self.tr("checked while the tunnel runs"))
        else:
            stamp = time.strftime("%H:%M:%S", time.localtime(result.time))
            text = self.tr("{result} — checked {time}").format(result=shown(result.message),
                                                              time=stamp)
        self.reachability.setText(text)

    def _request_check(self) -> None:
        if self._spec is None:
            return
        self._checking.add(self._spec.id)
        self._show_status()
        self.reachability_requested.emit(self._spec.id)

    def _show_address(self, b32: str) -> None:
        self.b32_address.setText(b32)
        self.b32_address.setCursorPosition(0)  # show the start, where addresses differ
        self.copy_b32.setEnabled(bool(b32))
        self.share.setEnabled(bool(b32))
        web = self._spec is not None and self._spec.kind is TunnelKind.HTTP_SERVER
        shared = site_url(b32) if web and b32 else b32  # a web site is shared as its link
        if self._spec is not None and self._spec.kind in I2P_CLIENT_KINDS:
            shared = ""  # nobody dials a client's own address: text only, no QR to scan
        if shared == self._qr_text:
            return
        self._qr_text = shared
        self.qr_code.setVisible(bool(shared))
        if shared:
            picture = qr_pixmap(shared, QR_SIDE)
            self.qr_code.setPixmap(picture)
            self.qr_code.setFixedSize(picture.size())  # never squeezed, never scaled
            self.qr_code.setToolTip(self.tr("QR code of {0}").format(shared))
        else:
            self.qr_code.clear()
