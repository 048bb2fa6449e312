"""UI test fixtures: a qasync loop that qtbot's waits pump (TESTING.md Pattern C),
an isolated settings file per test, and the app's objects wired to an engine.

Tests are plain sync functions: they click widgets and wait with qtbot.waitUntil,
which runs Qt's event loop and so the qasync loop's callbacks and tasks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from fake_engine import FakeEngine
from PySide6.QtWidgets import QApplication

from i2ptunnel_gui.settings import Settings


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        # loop.stop() would call app.exit() with no exec() running: Qt's quit flag would
        # then end every later wait at once (TESTING.md trap 2). Unwind by hand instead.
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
        asyncio.events._set_running_loop(None)
        loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
        loop._after_run_forever()
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> Settings:
    return Settings.open(settings_path)


@pytest.fixture
def fake_engine() -> Iterator[FakeEngine]:
    engine = FakeEngine()
    engine.start()
    yield engine
    engine.shutdown()
