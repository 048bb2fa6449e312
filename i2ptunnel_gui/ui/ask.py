"""Await a dialog without a nested event loop.

`QDialog.exec()` (and the static QMessageBox helpers) re-enter the event loop;
inside a qasync coroutine that raises "Cannot enter into task" and loses the
task's step (qasync #59/#82/#174). `ask()` opens the dialog window-modal with
`open()` and resolves a future from `finished` instead.
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


async def ask(dialog: QDialog) -> int:
    """Show `dialog` with open() and return its result code when it finishes."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[int] = loop.create_future()

    def finished(code: int) -> None:
        if not done.done():
            done.set_result(int(code))

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await done
    finally:
        dialog.finished.disconnect(finished)


def confirm_box(parent: QWidget | None, title: str, text: str, *, object_name: str) -> QMessageBox:
    """A Yes/No question box (not shown); `ask()` it. Named so tests can find it."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setObjectName(object_name)
    return box


async def confirm(parent: QWidget | None, title: str, text: str, *, object_name: str) -> bool:
    box = confirm_box(parent, title, text, object_name=object_name)
    try:
        code = await ask(box)
        # QMessageBox.finished carries the StandardButton value
        return code == QMessageBox.StandardButton.Yes.value or (
            box.clickedButton() is box.button(QMessageBox.StandardButton.Yes))
    finally:
        box.deleteLater()
