"""What the tunnel editor shows for each kind: its title in the kind box, the name
field's example, the rows it needs and the labels that change with it.

A server publishes a local service (no listen address); a client listens locally and
reaches I2P (no target); only a plain client and IRC name a destination; a TCP forward
needs no router (no identity, no Advanced I2P settings).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QToolButton, QWidget

from i2ptunnel_gui.core.spec import I2P_CLIENT_KINDS, SERVER_KINDS, TunnelKind
from i2ptunnel_gui.ui.editor_client_kinds import ClientKindFields
from i2ptunnel_gui.ui.editor_fields import TunnelShape
from i2ptunnel_gui.ui.editor_server_policy import ServerPolicyFields
from i2ptunnel_gui.ui.zero_hops import ZeroHopWarning

# the editor's texts keep its one context wherever they are written (lupdate reads it)
translate = QCoreApplication.translate

KIND_TITLES = {
    TunnelKind.FORWARD: QT_TRANSLATE_NOOP(
        "EditorForm", "TCP forward (local port → host:port, no router)"),
    TunnelKind.SERVER: QT_TRANSLATE_NOOP(
        "EditorForm", "I2P server (publish a local service on I2P)"),
    TunnelKind.CLIENT: QT_TRANSLATE_NOOP(
        "EditorForm", "I2P client (local port → I2P destination)"),
    TunnelKind.HTTP_SERVER: QT_TRANSLATE_NOOP(
        "EditorForm", "I2P web site (HTTP server: the site learns each caller's b32)"),
    TunnelKind.HTTP_PROXY: QT_TRANSLATE_NOOP(
        "EditorForm", "HTTP proxy (a browser's proxy onto I2P, port 4444)"),
    TunnelKind.SOCKS: QT_TRANSLATE_NOOP(
        "EditorForm", "SOCKS proxy (SOCKS5/4a onto .i2p names, port 4447)"),
    TunnelKind.IRC: QT_TRANSLATE_NOOP(
        "EditorForm", "IRC client (filtered IRC to I2P servers, port 6668)"),
}
# the name field's example, per kind: a client is named after what it reaches
NAME_EXAMPLES = {
    TunnelKind.FORWARD: QT_TRANSLATE_NOOP("EditorForm", "e.g. Database on the other PC"),
    TunnelKind.SERVER: QT_TRANSLATE_NOOP("EditorForm", "e.g. My SSH server"),
    TunnelKind.HTTP_SERVER: QT_TRANSLATE_NOOP("EditorForm", "e.g. My web site"),
    TunnelKind.CLIENT: QT_TRANSLATE_NOOP("EditorForm", "e.g. Friend's web site"),
    TunnelKind.HTTP_PROXY: QT_TRANSLATE_NOOP("EditorForm", "e.g. Browse I2P sites"),
    TunnelKind.SOCKS: QT_TRANSLATE_NOOP("EditorForm", "e.g. SOCKS for my chat app"),
    TunnelKind.IRC: QT_TRANSLATE_NOOP("EditorForm", "e.g. Irc2P chat"),
}


class KindRows(Protocol):
    """The parts of the editor (ui/editor_form.py EditorForm) that change with the kind."""

    form: QFormLayout
    name: QLineEdit
    listen_host: QLineEdit
    listen_port: QLineEdit
    destination: QLineEdit
    listen_row: QWidget
    target_row: QWidget
    destination_row: QWidget
    key_row: QWidget
    advanced: QWidget
    advanced_toggle: QToolButton
    shape: TunnelShape
    hop_warning: ZeroHopWarning
    policy: ServerPolicyFields
    client_fields: ClientKindFields


def show_rows_for(form: KindRows, kind: TunnelKind) -> None:
    """Show `form`'s rows, labels and examples for `kind` (fields keep their values)."""
    router = kind is not TunnelKind.FORWARD
    serves = kind in SERVER_KINDS
    form.policy.set_kind(kind)
    form.name.setPlaceholderText(translate("EditorForm", str(NAME_EXAMPLES[kind])))
    form.form.setRowVisible(form.listen_row, not serves)
    client = kind in I2P_CLIENT_KINDS
    form.form.setRowVisible(form.target_row, not client)
    form.form.setRowVisible(form.destination_row, kind in (TunnelKind.CLIENT, TunnelKind.IRC))
    form.form.setRowVisible(form.client_fields, client)
    port = form.listen_port.text().strip() or "PORT"
    form.client_fields.set_kind(kind, f"{form.listen_host.text().strip()}:{port}")
    dest_label = form.form.labelForField(form.destination_row)
    if isinstance(dest_label, QLabel):
        dest_label.setText(translate("EditorForm", "IRC servers") if kind is TunnelKind.IRC
                           else translate("EditorForm", "Destination"))
    form.destination.setPlaceholderText(
        translate("EditorForm", "irc.postman.i2p, irc.echelon.i2p (tried in order)")
        if kind is TunnelKind.IRC
        else translate("EditorForm", "xxxx….b32.i2p, name.i2p or base64")
    )
    form.form.setRowVisible(form.key_row, router)
    form.form.setRowVisible(form.hop_warning,
                            router and form.hop_warning.show_for(form.shape.values()))
    form.form.setRowVisible(form.advanced_toggle, router)
    form.advanced.setVisible(router and form.advanced_toggle.isChecked())
    label = form.form.labelForField(form.target_row)
    if isinstance(label, QLabel):
        label.setText(translate("EditorForm", "Local service") if serves
                      else translate("EditorForm", "Target"))
