"""The share card of a server tunnel: its link, QR code and card file, to hand to someone
whose app then creates the matching client tunnel (core/share_card.py has the format).

Only server tunnels have one, and only once their address is known. A web site also
shows its `http://….b32.i2p/` address, for phone browsers that reach I2P themselves;
the QR code can show either. Nothing private is on the card: the b32 is public.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.share_card import FILE_SUFFIX, ServiceKind, ShareCard, card_for
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.ui.qr import QrLabel, open_qr_window, qr_pixmap

logger = logging.getLogger(__name__)

QR_SIDE = 260  # px
SERVICE_LABELS = {
    ServiceKind.WEB: QT_TRANSLATE_NOOP("ShareDialog", "Web site"),
    ServiceKind.SSH: QT_TRANSLATE_NOOP("ShareDialog", "SSH"),
    ServiceKind.IRC: QT_TRANSLATE_NOOP("ShareDialog", "IRC server"),
    ServiceKind.GENERIC: QT_TRANSLATE_NOOP("ShareDialog", "Other TCP service"),
}
_UNSAFE_FILE_CHARS = re.compile(r"[^\w.\- ]+")


def card_file_name(card: ShareCard) -> str:
    """A file name from the card's name: letters, digits, spaces, dots and dashes only."""
    stem = _UNSAFE_FILE_CHARS.sub("_", card.name).strip(" ._") or "service"
    return stem + FILE_SUFFIX


def share_button(parent: QWidget | None = None) -> QToolButton:
    """The details panel's Share… button (shown for server tunnels)."""
    button = QToolButton(parent)
    button.setObjectName("share")
    button.setText(QCoreApplication.translate("ShareDialog", "Share…"))
    button.setToolTip(QCoreApplication.translate(
        "ShareDialog", "A link, QR code or file with which another copy of this app "
                       "creates the matching client tunnel in one step"))
    button.setAccessibleName(QCoreApplication.translate("ShareDialog", "Share this service"))
    return button


class ShareDialog(QDialog):
    def __init__(self, spec: TunnelSpec, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("share_dialog")
        self.setWindowTitle(self.tr("Share “{name}”").format(name=spec.name))
        self.setMinimumWidth(520)  # the link and the web address read without scrolling much
        self.spec, self.address = spec, address
        self.card: ShareCard = card_for(spec, address)
        self.file_dialog: QFileDialog | None = None
        self._build()
        self.kind.setCurrentIndex(self.kind.findData(self.card.kind.value))
        self._refresh()

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "Give this card to whoever should reach the service. Their I2P Tunnel Manager "
            "opens it (paste the link, drop the file, or scan the QR code) and creates the "
            "client tunnel after they confirm it. The card holds only the public address."))
        intro.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("service_kind")
        self.kind.setAccessibleName(self.tr("Service kind"))
        for kind, label in SERVICE_LABELS.items():
            self.kind.addItem(self.tr(str(label)), kind.value)  # a str: Qt drops the enum type
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.link = self._read_only("card_link", self.tr("Share card link"))
        self.copy_link = self._copy_button("copy_link", self.link)
        self.web_url = self._read_only("web_url", self.tr("Web address for I2P browsers"))
        self.copy_web = self._copy_button("copy_web_url", self.web_url)
        self.qr_of = QComboBox()
        self.qr_of.setObjectName("qr_of")
        self.qr_of.setAccessibleName(self.tr("What the QR code holds"))
        self.qr_of.addItem(self.tr("the share card"), "card")
        self.qr_of.addItem(self.tr("the web address"), "web")
        self.qr_of.currentIndexChanged.connect(self._refresh)
        self.qr = QrLabel()
        self.qr.setObjectName("share_qr")
        self.qr.setToolTip(self.tr("Click to enlarge, and to save as PNG or SVG"))
        self.qr.clicked.connect(lambda: open_qr_window(self, self.qr_text()))
        self.save_button = QPushButton(self.tr("Save card file…"))
        self.save_button.setObjectName("save_card")
        self.save_button.clicked.connect(self._choose_file)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.clicked.connect(self.accept)

        form = QFormLayout()
        form.addRow(self.tr("Service"), self.kind)
        form.addRow(self.tr("Card link"), _row(self.link, self.copy_link))
        self.web_row = _row(self.web_url, self.copy_web)
        form.addRow(self.tr("Web address"), self.web_row)
        form.addRow(self.tr("QR code of"), self.qr_of)
        self.form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)

    def _read_only(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setReadOnly(True)
        field.setAccessibleName(accessible)
        return field

    def _copy_button(self, name: str, source: QLineEdit) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(self.tr("Copy"))
        button.setToolTip(self.tr("Copy to the clipboard"))
        button.clicked.connect(lambda: self._copy(button, source.text()))
        return button

    def _copy(self, button: QToolButton, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        button.setText(self.tr("Copied"))
        QTimer.singleShot(1500, button, lambda: button.setText(self.tr("Copy")))

    # -- state -------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind = ServiceKind(self.kind.currentData())
        if kind is not self.card.kind:
            self.card = card_for(self.spec, self.address, kind)
            self._refresh()

    def qr_text(self) -> str:
        web = self.card.web_url
        return web if web and self.qr_of.currentData() == "web" else self.card.link()

    def _refresh(self) -> None:
        self.link.setText(self.card.link())
        self.link.setCursorPosition(0)
        web = self.card.web_url
        self.web_url.setText(web)
        self.web_url.setCursorPosition(0)
        self.form.setRowVisible(self.web_row, bool(web))
        self.form.setRowVisible(self.qr_of, bool(web))
        text = self.qr_text()
        picture = qr_pixmap(text, QR_SIDE)
        self.qr.setPixmap(picture)
        self.qr.setFixedSize(picture.size())  # never scaled: whole pixels per module
        self.qr.setAccessibleName(self.tr("QR code"))
        self.qr.setAccessibleDescription(text)

    # -- saving ------------------------------------------------------------------------
    def _choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the share card"))
        dialog.setObjectName("save_card_file")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(FILE_SUFFIX.lstrip("."))
        dialog.setNameFilter(self.tr("Share cards (*{suffix})").format(suffix=FILE_SUFFIX))
        dialog.selectFile(card_file_name(self.card))
        dialog.fileSelected.connect(self.save_card)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        dialog.open()  # not exec(): no nested event loop under qasync

    def save_card(self, path: str) -> bool:
        try:
            Path(path).write_text(self.card.file_text(), encoding="utf-8")
        except OSError as e:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Card not saved"),
                              self.tr("{path}: {why}").format(path=path, why=e.strerror or e),
                              parent=self)
            box.setObjectName("card_not_saved")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False
        return True


def _row(field: QLineEdit, button: QToolButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(button)
    return row


def open_share_dialog(parent: QWidget | None, spec: TunnelSpec | None,
                      address: str) -> ShareDialog | None:
    """The card of server tunnel `spec` at `address`; None (nothing shown) for clients or
    while the address is unknown."""
    if spec is None or not spec.serves or not address:
        return None
    dialog = ShareDialog(spec, address, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
