"""The Router page of Preferences: External (SAM address and auth) or Managed (own i2pd).

`RouterPrefsForm(prefs)` shows a RouterPrefs; `value()` reads it back and
`problems()` says what keeps it from working (RouterPrefs.problems, shown under the
form by the dialog). The Test button probes SAM through `tester` (an async callable,
the bridge's probe), never from a nested event loop.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.router.errors import RouterNotFound
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.process import find_i2pd
from i2ptunnel_gui.core.sam.probe import SamStatus
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.async_slot import async_slot
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.theme import Tint

SamTester = Callable[[str], Awaitable[SamStatus]]


class RouterPrefsForm(QWidget):
    changed = Signal()

    def __init__(
        self, prefs: RouterPrefs, *, tester: SamTester | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._tester = tester
        self._build()
        self._load(prefs)

    def _build(self) -> None:
        self.external = named(
            QRadioButton(self.tr("Use my router (i2pd or Java I2P)")), "mode_external"
        )
        self.managed = named(
            QRadioButton(self.tr("Run a private router for this app (i2pd)")), "mode_managed"
        )
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.external)
        self._modes.addButton(self.managed)

        self.external_box = QGroupBox(self.tr("Your router"))
        form = QFormLayout(self.external_box)
        self.sam_address = named(QLineEdit(), "sam_address")
        self.sam_address.setPlaceholderText("127.0.0.1:7656")
        self.test_button = named(QPushButton(self.tr("Test")), "test_sam")
        self.test_button.clicked.connect(self.test_sam)
        row = QHBoxLayout()
        row.addWidget(self.sam_address, 1)
        row.addWidget(self.test_button)
        form.addRow(self.tr("SAM address"), row)
        self.test_result = named(QLabel(), "test_result")
        self.test_result.setWordWrap(True)
        form.addRow(self.test_result)
        self.sam_user = named(QLineEdit(), "sam_user")
        self.sam_user.setPlaceholderText(self.tr("only with SAM authentication on (Java I2P)"))
        form.addRow(self.tr("SAM user"), self.sam_user)
        self.sam_password = named(QLineEdit(), "sam_password")
        self.sam_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("SAM password"), self.sam_password)
        self.control_address = named(QLineEdit(), "control_address")
        self.control_address.setPlaceholderText(self.tr("optional, e.g. 127.0.0.1:7650"))
        form.addRow(self.tr("I2PControl address"), self.control_address)
        self.control_password = named(QLineEdit(), "control_password")
        self.control_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("I2PControl password"), self.control_password)

        self.managed_box = QGroupBox(self.tr("Private router"))
        form = QFormLayout(self.managed_box)
        self.binary = named(QLineEdit(), "i2pd_binary")
        self.binary.setPlaceholderText(self.tr("i2pd on PATH"))
        browse = named(QPushButton(self.tr("Browse…")), "browse_i2pd")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.binary, 1)
        row.addWidget(browse)
        form.addRow(self.tr("i2pd program"), row)
        self.binary_note = named(QLabel(), "i2pd_note")
        self.binary_note.setWordWrap(True)
        form.addRow(self.binary_note)
        self.sam_port = named(QSpinBox(), "managed_sam_port")
        self.sam_port.setRange(1, 65535)
        self.sam_port.setToolTip(self.tr("Another free port is used when this one is busy"))
        form.addRow(self.tr("Preferred SAM port"), self.sam_port)
        self.bandwidth = named(QSpinBox(), "bandwidth")
        self.bandwidth.setRange(0, 10_000_000)
        self.bandwidth.setSuffix(self.tr(" KB/s"))
        self.bandwidth.setSpecialValueText(self.tr("router default"))
        form.addRow(self.tr("Bandwidth limit"), self.bandwidth)
        self.share = named(QSpinBox(), "share")
        self.share.setRange(0, 100)
        self.share.setSuffix(" %")
        self.share.setToolTip(self.tr("How much of the bandwidth may carry other people's tunnels"))
        form.addRow(self.tr("Share with the network"), self.share)
        self.extra_conf = named(QPlainTextEdit(), "extra_conf")
        self.extra_conf.setPlaceholderText("[limits]\ntransittunnels = 500")
        self.extra_conf.setToolTip(
            self.tr("Your own i2pd.conf lines; they win over the settings above")
        )
        form.addRow(self.tr("Extra i2pd.conf lines"), self.extra_conf)

        layout = QVBoxLayout(self)
        layout.addWidget(self.external)
        layout.addWidget(self.managed)
        layout.addWidget(self.external_box)
        layout.addWidget(self.managed_box)
        layout.addStretch(1)

        for radio in (self.external, self.managed):
            radio.toggled.connect(self._mode_changed)
        for edit in (
            self.sam_address,
            self.sam_user,
            self.sam_password,
            self.control_address,
            self.control_password,
            self.binary,
        ):
            edit.textChanged.connect(self.changed)
        self.binary.textChanged.connect(self._check_binary)
        for spin in (self.sam_port, self.bandwidth, self.share):
            spin.valueChanged.connect(self.changed)
        self.extra_conf.textChanged.connect(self.changed)

    def _load(self, prefs: RouterPrefs) -> None:
        (self.managed if prefs.mode is RouterMode.MANAGED else self.external).setChecked(True)
        self.sam_address.setText(prefs.sam_address)
        self.sam_user.setText(prefs.sam_user)
        self.sam_password.setText(prefs.sam_password)
        self.control_address.setText(prefs.control_address)
        self.control_password.setText(prefs.control_password)
        m = prefs.managed
        self.binary.setText(m.binary)
        self.sam_port.setValue(m.sam_port)
        self.bandwidth.setValue(m.bandwidth_kbps)
        self.share.setValue(m.share_percent)
        self.extra_conf.setPlainText(m.extra_conf)
        self._mode_changed()
        self._check_binary()

    def value(self) -> RouterPrefs:
        managed = dataclasses.replace(
            self._prefs.managed,
            binary=self.binary.text().strip(),
            sam_port=self.sam_port.value(),
            bandwidth_kbps=self.bandwidth.value(),
            share_percent=self.share.value(),
            extra_conf=self.extra_conf.toPlainText(),
        )
        return RouterPrefs(
            mode=RouterMode.MANAGED if self.managed.isChecked() else RouterMode.EXTERNAL,
            sam_address=self.sam_address.text().strip(),
            sam_user=self.sam_user.text().strip(),
            sam_password=self.sam_password.text(),
            control_address=self.control_address.text().strip(),
            control_password=self.control_password.text(),
            managed=managed,
        )

    def problems(self) -> list[str]:
        return self.value().problems()

    def _mode_changed(self) -> None:
        managed = self.managed.isChecked()
        self.external_box.setVisible(not managed)
        self.managed_box.setVisible(managed)
        self.changed.emit()

    def _check_binary(self) -> None:
        try:
            found = find_i2pd(self.binary.text().strip())
        except RouterNotFound as e:
            self.binary_note.setText(shown(e))
            theme.tint(self.binary_note, Tint.ERROR)
        else:
            self.binary_note.setText(self.tr("Found: {0}").format(found))
            theme.tint(self.binary_note, None)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("The i2pd program"))
        dialog.setObjectName("browse_i2pd_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.binary.setText)
        dialog.open()  # never exec(): no nested event loop under qasync

    @async_slot()
    async def test_sam(self) -> None:
        if self._tester is None:
            return
        address = self.sam_address.text().strip()
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Asking {0}…").format(address))
        try:
            status = await self._tester(address)
        finally:
            self.test_button.setEnabled(True)
        if status.reachable:
            self.test_result.setText(
                self.tr("SAM answers (version {0})").format(status.version or "?")
            )
            theme.tint(self.test_result, Tint.SUCCESS)
        else:
            self.test_result.setText(self.tr("No SAM bridge: {0}").format(shown(status.message)))
            theme.tint(self.test_result, Tint.ERROR)
