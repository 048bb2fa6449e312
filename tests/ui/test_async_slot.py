"""async_slot: Qt's arguments bound as qasync binds them, and every running slot task
held until it ends, so the app's shutdown can end the ones still running."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QObject, Signal
from qtasync import run_async

from i2ptunnel_gui.ui.async_slot import async_slot, end_slot_tasks, running_slot_tasks


class Worker(QObject):
    clicked = Signal(bool)  # like QAction.triggered(checked)
    named = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.seen: list[Any] = []

    @async_slot()
    async def waits(self) -> None:  # takes none of clicked's arguments
        try:
            await self.release.wait()
            self.seen.append("released")
        except asyncio.CancelledError:
            self.seen.append("cancelled")
            raise

    @async_slot(str)
    async def takes(self, name: str) -> None:
        self.seen.append(name)


def test_qt_arguments_are_bound_like_qasync(qtbot, qloop) -> None:
    w = Worker()
    w.named.connect(w.takes)
    w.named.emit("a")
    qtbot.waitUntil(lambda: w.seen == ["a"], timeout=2000)
    w.clicked.connect(w.waits)
    w.clicked.emit(True)  # the extra `checked` is dropped
    qtbot.waitUntil(lambda: running_slot_tasks() == 1, timeout=2000)
    w.release.set()
    qtbot.waitUntil(lambda: running_slot_tasks() == 0, timeout=2000)
    assert w.seen == ["a", "released"]


def test_end_slot_tasks_cancels_and_waits_for_the_running_ones(qtbot, qloop) -> None:
    workers = [Worker(), Worker()]
    tasks = [w.waits() for w in workers]  # as Qt calls them: each returns its task
    qtbot.waitUntil(lambda: running_slot_tasks() == 2, timeout=2000)
    run_async(qtbot, qloop, end_slot_tasks(2.0))
    assert all(t.cancelled() for t in tasks)
    assert [w.seen for w in workers] == [["cancelled"], ["cancelled"]]
    assert running_slot_tasks() == 0
    run_async(qtbot, qloop, end_slot_tasks(2.0))  # nothing running: returns at once
