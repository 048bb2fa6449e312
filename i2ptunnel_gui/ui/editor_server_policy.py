"""The editor's server-policy fields: access list, connection limits, HTTP server
settings (Host override, POST limits) and the I2P port.

Only collects values; core.spec_checks.validate decides what is valid, and the editor
shows its messages here by field name (`show_errors`). What applies depends on
the kind (`set_kind`): access list and limits for server kinds, the HTTP group
for the HTTP server, the I2P port for server and client tunnels. The port row
warns when the router's SAM bridge cannot carry ports (`set_sam_version`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.policy.access import AccessMode, parse_entries, split_entries
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.i2p_ports import ports_granted
from i2ptunnel_gui.core.policy.post_limits import PostLimits
from i2ptunnel_gui.core.spec import SERVER_KINDS, TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.editor_fields import field_box, message_label, named
from i2ptunnel_gui.ui.theme import Tint

POLICY_FIELDS = (
    "access_mode",
    "access_list",
    "conn_limits",
    "host_override",
    "post_limits",
    "i2p_port",
)
_MAX_COUNT = 1_000_000
_MAX_SECONDS = 30 * 86400


def _count_spin(name: str, special: str) -> QSpinBox:
    spin = named(QSpinBox(), name)
    spin.setRange(0, _MAX_COUNT)
    spin.setSpecialValueText(special)  # shown at 0: no limit
    spin.setKeyboardTracking(True)
    return spin


class ServerPolicyFields(QWidget):
    """The group boxes; `values()` gives the TunnelSpec fields they hold."""

    changed = Signal(str)  # the field that was edited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("server_policy")
        self._kind = TunnelKind.SERVER
        self._sam_version = ""
        self._build()
        self._connect()

    # -- construction -------------------------------------------------------------
    def _build(self) -> None:
        no_limit = self.tr("No limit")
        self.access_mode = named(QComboBox(), "access_mode")
        self.access_mode.addItem(self.tr("Everyone may connect"), AccessMode.OFF)
        self.access_mode.addItem(self.tr("Only these destinations (allow list)"), AccessMode.ALLOW)
        self.access_mode.addItem(self.tr("Everyone but these (deny list)"), AccessMode.DENY)
        self.access_list = named(QPlainTextEdit(), "access_list")
        self.access_list.setPlaceholderText(
            self.tr("One per line: xxxx….b32.i2p, a base64 destination or name.i2p")
        )
        self.access_list.setTabChangesFocus(True)
        self.access_list.setMaximumHeight(110)
        self.access_error = message_label("access_list_error")
        self.access = named(QGroupBox(self.tr("Access list")), "access_group")
        form = QFormLayout(self.access)
        form.addRow(self.tr("Who:"), self.access_mode)
        form.addRow(self.tr("Destinations:"), field_box(self.access_list, self.access_error))

        self.limits = named(QGroupBox(self.tr("Connection limits")), "limits_group")
        grid = QGridLayout(self.limits)
        self.limit_spins: dict[str, QSpinBox] = {}
        for col, title in enumerate(
            (self.tr("per minute"), self.tr("per hour"), self.tr("per day")), start=1
        ):
            grid.addWidget(QLabel(title), 0, col)
        for row, (who, title) in enumerate(
            (("client", self.tr("Each client")), ("total", self.tr("All clients"))), start=1
        ):
            grid.addWidget(QLabel(title), row, 0)
            for col, span in enumerate(("minute", "hour", "day"), start=1):
                name = f"{who}_per_{span}"
                spin = _count_spin(name, no_limit)
                grid.addWidget(spin, row, col)
                self.limit_spins[name] = spin
        self.limits_error = message_label("conn_limits_error")
        grid.addWidget(self.limits_error, 3, 0, 1, 4)

        self.http = named(QGroupBox(self.tr("HTTP server")), "http_group")
        form = QFormLayout(self.http)
        self.host_override = named(QLineEdit(), "host_override")
        self.host_override.setPlaceholderText(self.tr("the Host the caller sent"))
        self.host_error = message_label("host_override_error")
        form.addRow(self.tr("Host header:"), field_box(self.host_override, self.host_error))
        self.max_posts_per_client = _count_spin("max_per_client", no_limit)
        self.max_posts_total = _count_spin("max_total", no_limit)
        self.post_window = named(QSpinBox(), "post_window")
        self.post_ban = named(QSpinBox(), "post_ban")
        self.post_total_ban = named(QSpinBox(), "post_total_ban")
        for spin in (self.post_window, self.post_ban, self.post_total_ban):
            spin.setRange(0, _MAX_SECONDS)
            spin.setSuffix(self.tr(" s"))
        form.addRow(self.tr("POSTs per client:"), self.max_posts_per_client)
        form.addRow(self.tr("POSTs in total:"), self.max_posts_total)
        form.addRow(self.tr("Counted over:"), self.post_window)
        form.addRow(self.tr("Client ban:"), self.post_ban)
        form.addRow(self.tr("Everyone ban:"), self.post_total_ban)
        self.post_error = message_label("post_limits_error")
        form.addRow(self.post_error)

        self.port_box = named(QGroupBox(self.tr("I2P port")), "port_group")
        form = QFormLayout(self.port_box)
        self.i2p_port = _count_spin("i2p_port", self.tr("Any"))
        self.i2p_port.setRange(0, 65535)
        self.port_label = QLabel()
        self.port_error = message_label("i2p_port_error")
        self.port_warning = message_label("i2p_port_warning", Tint.WARNING_BOX)
        form.addRow(self.port_label, field_box(self.i2p_port, self.port_error, self.port_warning))

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for box in (self.access, self.limits, self.http, self.port_box):
            column.addWidget(box)
        self.set_kind(self._kind)

    def _connect(self) -> None:
        self.access_mode.currentIndexChanged.connect(lambda *_: self._access_mode_changed())
        self.access_list.textChanged.connect(lambda: self.changed.emit("access_list"))
        for spin in self.limit_spins.values():
            spin.valueChanged.connect(lambda *_: self.changed.emit("conn_limits"))
        self.host_override.textChanged.connect(lambda *_: self.changed.emit("host_override"))
        for spin in (
            self.max_posts_per_client,
            self.max_posts_total,
            self.post_window,
            self.post_ban,
            self.post_total_ban,
        ):
            spin.valueChanged.connect(lambda *_: self.changed.emit("post_limits"))
        self.i2p_port.valueChanged.connect(lambda *_: self._port_changed())

    def _access_mode_changed(self) -> None:
        self.access_list.setEnabled(self.access_mode.currentData() is not AccessMode.OFF)
        self.changed.emit("access_mode")
        self.changed.emit("access_list")  # what the list needs depends on the mode

    def _port_changed(self) -> None:
        self._update_port_warning()
        self.changed.emit("i2p_port")

    # -- kind and router ------------------------------------------------------------
    def set_kind(self, kind: TunnelKind) -> None:
        self._kind = kind
        serves = kind in SERVER_KINDS
        self.access.setVisible(serves)
        self.limits.setVisible(serves)
        self.http.setVisible(kind is TunnelKind.HTTP_SERVER)
        self.port_box.setVisible(serves or kind is TunnelKind.CLIENT)
        self.port_label.setText(
            self.tr("Accept only port:") if serves else self.tr("Destination port:")
        )
        self._update_port_warning()

    def set_sam_version(self, version: str) -> None:
        """The version the router's SAM bridge grants ('' = not known yet)."""
        self._sam_version = version
        self._update_port_warning()

    def _update_port_warning(self) -> None:
        version = self._sam_version
        show = bool(self.i2p_port.value()) and bool(version) and not ports_granted(version)
        if show:
            self.port_warning.setText(
                self.tr(
                    "The router's SAM bridge grants version {0}; I2P ports need SAM 3.2 or "
                    "newer (Java I2P and newer i2pd grant it). This tunnel will not start "
                    "with a port on this router."
                ).format(version)
            )
        self.port_warning.setVisible(show)

    # -- values -----------------------------------------------------------------------
    def load(self, spec: TunnelSpec) -> None:
        self.access_mode.setCurrentIndex(max(0, self.access_mode.findData(spec.access_mode)))
        self.access_list.setPlainText("\n".join(spec.access_list))
        self.access_list.setEnabled(spec.access_mode is not AccessMode.OFF)
        for name, spin in self.limit_spins.items():
            spin.setValue(getattr(spec.conn_limits, name))
        self.host_override.setText(spec.host_override)
        posts = spec.post_limits
        self.max_posts_per_client.setValue(posts.max_per_client)
        self.max_posts_total.setValue(posts.max_total)
        self.post_window.setValue(posts.window)
        self.post_ban.setValue(posts.ban)
        self.post_total_ban.setValue(posts.total_ban)
        self.i2p_port.setValue(spec.i2p_port)
        self.set_kind(spec.kind)

    def values(self, kind: TunnelKind | None = None) -> dict[str, Any]:
        """The TunnelSpec fields these widgets hold (for `spec.replace(**values)`); a
        field the current kind does not have gets its default, so a hidden widget can
        never hold a value validate() would complain about."""
        # one entry a line; commas and spaces also separate (a pasted Java list)
        entries = tuple(item for _, item in split_entries(self.access_list.toPlainText()))
        kind = self._kind if kind is None else kind
        serves = kind in SERVER_KINDS
        http = kind is TunnelKind.HTTP_SERVER
        values = {
            "access_mode": AccessMode(self.access_mode.currentData()),
            "access_list": entries,
            "conn_limits": ConnLimits(
                **{name: spin.value() for name, spin in self.limit_spins.items()}
            ),
            "host_override": self.host_override.text().strip(),
            "post_limits": PostLimits(
                max_per_client=self.max_posts_per_client.value(),
                max_total=self.max_posts_total.value(),
                window=self.post_window.value(),
                ban=self.post_ban.value(),
                total_ban=self.post_total_ban.value(),
            ),
            "i2p_port": self.i2p_port.value(),
        }
        defaults = TunnelSpec(name="", kind=kind)
        applies = {
            "access_mode": serves,
            "access_list": serves,
            "conn_limits": serves,
            "host_override": http,
            "post_limits": http,
            "i2p_port": serves or kind is TunnelKind.CLIENT,
        }
        return {f: v if applies[f] else getattr(defaults, f) for f, v in values.items()}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """validate()'s messages for these fields ({field: message}); others are ignored.
        Bad access-list entries are named by their line in the text as shown."""
        if "access_list" in errors:
            _, bad = parse_entries(split_entries(self.access_list.toPlainText()))
            if bad:
                errors = {**errors, "access_list": "; ".join(bad)}
        for label, fields in (
            (self.access_error, ("access_mode", "access_list")),
            (self.limits_error, ("conn_limits",)),
            (self.host_error, ("host_override",)),
            (self.post_error, ("post_limits",)),
            (self.port_error, ("i2p_port",)),
        ):
            text = "\n".join(errors[f] for f in fields if f in errors)
            label.setText(text)
            label.setVisible(bool(text))
