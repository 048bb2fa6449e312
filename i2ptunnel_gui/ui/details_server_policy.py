"""The details panel's server-policy rows: site link, access list, limits, refusals.

`ServerPolicyDetails.set_spec` shows what is configured; `set_status` what the
running tunnel reports: the access list as resolved at start (names with the
b32 they stand for) and the streams it turned away, per reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.spec import SERVER_KINDS, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelStatus
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.refusal_labels import refusals_text


def limits_text(limits: ConnLimits) -> str:
    parts = []
    for who, label in (
        ("client", QCoreApplication.translate("ServerPolicy", "per client")),
        ("total", QCoreApplication.translate("ServerPolicy", "in total")),
    ):
        shown = [
            fmt.format(value)
            for fmt, span in (
                (QCoreApplication.translate("ServerPolicy", "{0}/min"), "minute"),
                (QCoreApplication.translate("ServerPolicy", "{0}/h"), "hour"),
                (QCoreApplication.translate("ServerPolicy", "{0}/day"), "day"),
            )
            if (value := getattr(limits, f"{who}_per_{span}"))
        ]
        if shown:
            parts.append(f"{' '.join(shown)} {label}")
    return "; ".join(parts) if parts else QCoreApplication.translate("ServerPolicy", "no limit")


def site_url(b32: str) -> str:
    """The address to share for an HTTP server tunnel."""
    return f"http://{b32}/"


class ServerPolicyDetails(QWidget):
    copied = Signal(str)  # the text put on the clipboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("server_policy_details")
        self._spec: TunnelSpec | None = None
        self.url = ""  # the site link shown ('' = none)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.site = named(QLabel(), "site_url")
        self.site.setOpenExternalLinks(False)
        self.copy_site = named(QPushButton(self.tr("Copy")), "copy_site_url")
        self.copy_site.clicked.connect(self._copy_site)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.site, 1)
        line.addWidget(self.copy_site)
        self.site_row = row
        self.access = named(QLabel(), "access_summary")
        self.access.setWordWrap(True)
        self.limits = named(QLabel(), "limits_summary")
        self.port = named(QLabel(), "i2p_port_summary")
        self.refused = named(QLabel(), "refusals_summary")
        self.refused.setWordWrap(True)
        form.addRow(self.tr("Site:"), row)
        form.addRow(self.tr("Access:"), self.access)
        form.addRow(self.tr("Limits:"), self.limits)
        form.addRow(self.tr("I2P port:"), self.port)
        form.addRow(self.tr("Refused:"), self.refused)
        self._form = form
        self.set_spec(None)

    def _row_visible(self, field: QWidget, visible: bool) -> None:
        self._form.setRowVisible(field, visible)

    def set_spec(self, spec: TunnelSpec | None) -> None:
        self._spec = spec
        serves = spec is not None and spec.kind in SERVER_KINDS
        self.setVisible(spec is not None and (serves or spec.kind is TunnelKind.CLIENT))
        if spec is None:
            return
        self._row_visible(self.site_row, False)  # until the b32 is known (set_status)
        self._row_visible(self.access, serves)
        self._row_visible(self.limits, serves)
        self._row_visible(self.refused, serves)
        self._row_visible(self.port, bool(spec.i2p_port))
        self.access.setText(self._access_text(spec, ()))
        self.limits.setText(limits_text(spec.conn_limits))
        self.port.setText(
            (self.tr("only port {0}") if serves else self.tr("destination port {0}")).format(
                spec.i2p_port
            )
        )
        self.refused.setText(refusals_text(()))

    def set_status(self, status: TunnelStatus) -> None:
        spec = self._spec
        if spec is None or status.id != spec.id:
            return
        http = spec.kind is TunnelKind.HTTP_SERVER and bool(status.i2p_address)
        self._row_visible(self.site_row, http)
        self.url = site_url(status.i2p_address) if http else ""
        self.site.setText(f'<a href="{self.url}">{self.url}</a>' if http else "")
        if spec.kind in SERVER_KINDS:
            self.access.setText(self._access_text(spec, status.access_entries))
            self.refused.setText(refusals_text(status.refusals))

    def _access_text(self, spec: TunnelSpec, resolved: tuple[str, ...]) -> str:
        if spec.access_mode is AccessMode.OFF:
            return self.tr("everyone may connect")
        entries = resolved or spec.access_list
        head = (
            self.tr("only these {0} may connect:")
            if spec.access_mode is AccessMode.ALLOW
            else self.tr("everyone but these {0} may connect:")
        ).format(len(entries))
        return head + "\n" + "\n".join(entries)

    def _copy_site(self) -> None:
        if self.url:
            QGuiApplication.clipboard().setText(self.url)
            self.copied.emit(self.url)
