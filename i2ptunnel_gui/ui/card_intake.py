"""Where share cards come into the window: File ▸ Open share card…, a card file or link
dropped on the window, Ctrl+V on the tunnel list, and `i2ptunnel-gui open CARD` (app.py).

Each way ends in `open_card`: the confirmation (ui/open_card_dialog.py). A text that is
not a usable card is reported in the status bar with the reason, and nothing is created.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QDropEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QTableView

from i2ptunnel_gui.core.share_card import (
    FILE_SUFFIX,
    SCHEME,
    CardError,
    ShareCard,
    decode_card,
    read_card_file,
)
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.ui.async_slot import async_slot
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.open_card_dialog import OpenCardDialog, card_error_text

logger = logging.getLogger(__name__)


def card_in(mime: QMimeData) -> str | None:
    """A dropped card: the local path of a `.i2pcard` file, or a link; None when it holds
    neither (other drops are left to whoever else takes them)."""
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(FILE_SUFFIX):
            return url.toLocalFile()
        if url.scheme().lower() == SCHEME:
            return url.toString()
    text = mime.text().strip() if mime.hasText() else ""
    return text if text.lower().startswith(SCHEME + ":") else None


class CardWindow(Protocol):
    """What the intake needs of the main window (ui/main_window.py), besides being one."""

    tunnel_table: QTableView

    def show_error(self, text: str) -> None: ...
    def raise_window(self) -> None: ...
    def select_tunnel(self, tunnel_id: str) -> None: ...


class CardIntake(QObject):
    def __init__(self, window: QMainWindow, host: CardWindow,
                 controller: TunnelController) -> None:
        """`host` is `window` seen through CardWindow (the window passes itself twice)."""
        super().__init__(window)
        self._window = window
        self._host = host
        self._controller = controller
        self.dialog: OpenCardDialog | None = None  # the confirmation on screen (tests read it)
        self.file_dialog: QFileDialog | None = None
        self.open_action = QAction(self.tr("Open share card…"), window)
        self.open_action.setObjectName("open_card")
        self.open_action.setToolTip(self.tr("Create the client tunnel a share card describes"))
        self.open_action.triggered.connect(self._choose_file)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        host.tunnel_table.installEventFilter(self)

    # -- the ways in ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDropEvent)
            if card_in(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
        elif watched is self._window and kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            dropped = card_in(event.mimeData())
            if dropped is not None:
                event.acceptProposedAction()
                self.open_dropped(dropped)
                return True
        elif watched is self._host.tunnel_table and kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return True
        return False

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text().strip()
        if not text.lower().startswith(SCHEME + ":"):
            self._host.show_error(self.tr("The clipboard holds no share card link"))
            return
        self.open_link(text)

    def open_dropped(self, dropped: str) -> None:
        if dropped.lower().startswith(SCHEME + ":"):
            self.open_link(dropped)
        else:
            self.open_file(dropped)

    def open_link(self, text: str) -> None:
        """A card link from anywhere (the clipboard, a drop, another launch): checked here."""
        try:
            card = decode_card(text)
        except CardError as e:
            self._host.show_error(card_error_text(e))
            return
        self.open_card(card)

    def open_file(self, path: str | Path) -> None:
        try:
            card = read_card_file(Path(path))
        except CardError as e:
            self._host.show_error(card_error_text(e))
            return
        self.open_card(card)

    def _choose_file(self) -> None:
        dialog = QFileDialog(self._window, self.tr("Open a share card"))
        dialog.setObjectName("open_card_file")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Share cards (*{suffix})").format(suffix=FILE_SUFFIX))
        dialog.fileSelected.connect(self.open_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        dialog.open()  # not exec(): no nested event loop under qasync

    # -- the confirmation -------------------------------------------------------------
    def open_card(self, card: ShareCard) -> OpenCardDialog:
        """Show the confirmation for `card` (window-modal; the window comes forward)."""
        self._host.raise_window()
        dialog = OpenCardDialog(card, self._controller, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._created)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: OpenCardDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _created(self, spec: TunnelSpec, start: bool) -> None:
        self._host.select_tunnel(spec.id)
        if start:
            self._start(spec.id)

    @async_slot(str)
    async def _start(self, tunnel_id: str) -> None:
        await self._controller.start(tunnel_id)  # failures arrive as controller.error
