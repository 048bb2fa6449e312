"""The tunnel editor's group for client kinds: what the HTTP proxy, SOCKS and IRC
tunnels need (outproxy, User-Agent, SOCKS credentials), how to point a program at
them, and the on-demand session settings every client kind has (Standby).

The form asks `values(kind)` for the fields and `options(kind, options)` for the
session options (reduce-when-idle is three I2CP options); rules stay in core.spec.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from i2ptunnel_gui.core.on_demand import reduce_options
from i2ptunnel_gui.core.spec import I2P_CLIENT_KINDS, TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.editor_fields import OptionalNumber, field_box, message_label, named

FIELDS = ("outproxy", "proxy_user", "proxy_password", "close_idle")
_REDUCE_KEYS = tuple(reduce_options())


def help_text(kind: TunnelKind, address: str) -> str:
    """How to use a tunnel of `kind` listening on `address` (editor, details)."""
    if kind is TunnelKind.HTTP_PROXY:
        return QCoreApplication.translate(
            "ClientKindFields",
            "Set {0} as your browser's HTTP and HTTPS proxy (or curl -x http://{0}), then "
            "open http://….i2p addresses. Other sites are refused unless an outproxy is set."
        ).format(address)
    if kind is TunnelKind.SOCKS:
        return QCoreApplication.translate(
            "ClientKindFields",
            "Point the program at SOCKS5 (or 4a) proxy {0} with remote DNS, e.g. "
            "curl --socks5-hostname {0}; in Firefox tick “Proxy DNS when using SOCKS v5”. "
            "Only .i2p names are reachable."
        ).format(address)
    if kind is TunnelKind.IRC:
        return QCoreApplication.translate(
            "ClientKindFields",
            "Connect your IRC program to {0} (no TLS). Lines that would identify you "
            "(CTCP, DCC, your host and real name) are filtered out."
        ).format(address)
    return ""


class ClientKindFields(QWidget):
    """Client-kind fields; `error_labels` join the editor's field messages."""

    changed = Signal(str)  # the field edited

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("client_kind_fields")
        self.help = named(QLabel(), "kind_help")
        self.help.setWordWrap(True)
        self.outproxy = named(QLineEdit(), "outproxy")
        self.outproxy.setPlaceholderText(self.tr("none: only .i2p sites (e.g. exit.example.i2p)"))
        self.keep_user_agent = named(
            QCheckBox(self.tr("Send the browser's own User-Agent (it identifies your browser)")),
            "keep_user_agent",
        )
        self.proxy_user = named(QLineEdit(), "proxy_user")
        self.proxy_user.setPlaceholderText(self.tr("none: no authentication"))
        self.proxy_password = named(QLineEdit(), "proxy_password")
        self.proxy_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.delay_open = named(
            QCheckBox(self.tr("Open the I2P session on the first connection (Standby until then)")),
            "delay_open",
        )
        self.close_idle = OptionalNumber("close_idle", self.tr("Never"), suffix=self.tr(" min"))
        self.reduce_idle = named(
            QCheckBox(self.tr("Fewer tunnels while idle (the router's reduce-on-idle)")),
            "reduce_idle",
        )
        self.error_labels = {f: message_label(f"{f}_error") for f in FIELDS}
        err = self.error_labels
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form
        form.addRow("", self.help)
        self.outproxy_row = field_box(self.outproxy, err["outproxy"])
        self.user_agent_row = field_box(self.keep_user_agent)
        form.addRow(self.tr("Outproxy"), self.outproxy_row)
        form.addRow("", self.user_agent_row)
        self.auth_row = field_box(
            self.proxy_user, self.proxy_password, err["proxy_user"], err["proxy_password"]
        )
        form.addRow(self.tr("SOCKS login"), self.auth_row)
        form.addRow(self.tr("On demand"), field_box(self.delay_open, self.reduce_idle))
        form.addRow(self.tr("Close when idle"), field_box(self.close_idle, err["close_idle"]))
        for name in ("outproxy", "proxy_user", "proxy_password"):
            edit: QLineEdit = getattr(self, name)
            edit.textChanged.connect(lambda _t, n=name: self.changed.emit(n))
        self.keep_user_agent.toggled.connect(lambda _c: self.changed.emit("outproxy"))
        self.delay_open.toggled.connect(lambda _c: self.changed.emit("close_idle"))
        self.reduce_idle.toggled.connect(lambda _c: self.changed.emit("options"))
        self.close_idle.changed.connect(lambda: self.changed.emit("close_idle"))

    def load(self, spec: TunnelSpec) -> None:
        self.outproxy.setText(spec.outproxy)
        self.keep_user_agent.setChecked(not spec.replace_user_agent)
        self.proxy_user.setText(spec.proxy_user)
        self.proxy_password.setText(spec.proxy_password)
        self.delay_open.setChecked(spec.delay_open)
        self.close_idle.set_value(spec.close_idle, 30.0)
        self.reduce_idle.setChecked(spec.options_dict.get("i2cp.reduceOnIdle") == "true")

    def set_kind(self, kind: TunnelKind, address: str) -> None:
        self.setVisible(kind in I2P_CLIENT_KINDS)
        self.help.setText(help_text(kind, address))
        self.form.setRowVisible(self.help, bool(self.help.text()))
        self.form.setRowVisible(
            self.outproxy_row, kind in (TunnelKind.HTTP_PROXY, TunnelKind.SOCKS)
        )
        self.form.setRowVisible(self.user_agent_row, kind is TunnelKind.HTTP_PROXY)
        self.outproxy.setPlaceholderText(
            self.tr("none: only .i2p names (or a SOCKS server on I2P for other names)")
            if kind is TunnelKind.SOCKS
            else self.tr("none: only .i2p sites (e.g. exit.example.i2p)")
        )
        self.form.setRowVisible(self.auth_row, kind is TunnelKind.SOCKS)

    def values(self, kind: TunnelKind) -> dict[str, object]:
        """The spec fields this group sets for `kind` (none outside the client kinds)."""
        if kind not in I2P_CLIENT_KINDS:
            return {}
        out: dict[str, object] = {
            "delay_open": self.delay_open.isChecked(),
            "close_idle": self.close_idle.value(),
        }
        if kind in (TunnelKind.HTTP_PROXY, TunnelKind.SOCKS):
            out["outproxy"] = self.outproxy.text().strip()
        if kind is TunnelKind.HTTP_PROXY:
            out["replace_user_agent"] = not self.keep_user_agent.isChecked()
        if kind is TunnelKind.SOCKS:
            out["proxy_user"] = self.proxy_user.text()
            out["proxy_password"] = self.proxy_password.text()
        return out

    def options(self, kind: TunnelKind, options: dict[str, str]) -> dict[str, str]:
        """`options` with reduce-when-idle set or cleared as the box says."""
        if kind not in I2P_CLIENT_KINDS:
            return options
        out = {k: v for k, v in options.items() if k not in _REDUCE_KEYS}
        if self.reduce_idle.isChecked():
            out.update({k: options.get(k, v) for k, v in reduce_options().items()})
        return out
