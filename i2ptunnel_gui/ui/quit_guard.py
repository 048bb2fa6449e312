"""The question Quit asks while tunnels run: stop them, keep them running in the tray, or not.

Quitting stops every tunnel, which drops every connection through them. Shown with
open() and answered through signals (never exec(): Quit may come from a coroutine's
neighbourhood under qasync, see ui/ask.py). With nothing running there is no question.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


class QuitGuard(QObject):
    quit_confirmed = Signal()  # quit now (nothing runs, or "Quit and stop them")
    keep_in_tray = Signal()  # "Keep running in the tray": hide the window, quit nothing

    def __init__(self, parent: QWidget, running: Callable[[], int], *,
                 tray_available: bool) -> None:
        """`running()`: how many tunnels run now (asked at each Quit)."""
        super().__init__(parent)
        self._window = parent
        self._running = running
        self._tray_available = tray_available
        self.box: QMessageBox | None = None  # the question while it is open
        self._quit_button: QAbstractButton | None = None
        self._tray_button: QAbstractButton | None = None

    def request(self) -> None:
        """Quit was chosen (menu, Ctrl+Q, the tray, closing the window without a tray)."""
        n = self._running()
        if n == 0:
            self.quit_confirmed.emit()
            return
        if self.box is not None:  # asked already (Quit twice): bring the question up
            self.box.raise_()
            self.box.activateWindow()
            return
        box = QMessageBox(self._window)
        box.setObjectName("confirm_quit")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit"))
        box.setText(self.tr("%n tunnel(s) are running.", "", n))
        box.setInformativeText(self.tr(
            "Quitting stops them and closes every connection through them."))
        self._quit_button = box.addButton(self.tr("Quit and stop them"),
                                          QMessageBox.ButtonRole.DestructiveRole)
        self._quit_button.setObjectName("quit_and_stop")
        self._tray_button = None
        if self._tray_available:
            self._tray_button = box.addButton(self.tr("Keep running in the tray"),
                                              QMessageBox.ButtonRole.AcceptRole)
            self._tray_button.setObjectName("keep_in_tray")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel_quit")
        box.setDefaultButton(cancel)  # Enter must not stop every tunnel
        box.setEscapeButton(cancel)
        box.finished.connect(self._answered)
        self.box = box
        box.open()

    def _answered(self, _code: int) -> None:
        box = self.box
        if box is None:
            return
        clicked = box.clickedButton()
        self.box = None
        box.deleteLater()
        if clicked is not None and clicked is self._quit_button:
            self.quit_confirmed.emit()
        elif clicked is not None and clicked is self._tray_button:
            self.keep_in_tray.emit()
