"""UI test fixtures: a qasync loop that qtbot's waits pump (it is marked running, never run),
an isolated settings file per test, and the app's objects wired to the fake engine
(`shell`: the WEB and SSH tunnels saved; a module sets `tray_available` to have a tray).

Tests are plain sync functions: they click widgets and wait with qtbot.waitUntil,
which runs Qt's event loop and so the qasync loop's callbacks and tasks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_engine import FakeEngine
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from qtasync import run_async
from samples import SSH, WEB
from translation_files import compile_catalogues

from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui import translations
from i2ptunnel_gui.ui.app import Shell, build_shell


@pytest.fixture(scope="session")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """resources/i18n/*.ts compiled as the build does (hatch_build.py), for these tests."""
    return compile_catalogues(tmp_path_factory.mktemp("i18n"))


@pytest.fixture(autouse=True)
def english_plurals(qapp: QApplication, catalogues: Path) -> None:
    """The app in English, as app.run() installs it: '%n tunnel(s)' reads '2 tunnels'.
    Per test (a cheap load): an in-process app.run() installs its own choice."""
    translations.install(qapp, "en", directory=catalogues)


@pytest.fixture
def language(qapp: QApplication, catalogues: Path) -> Iterator[Callable[..., str]]:
    """`language(lang, system="en_US")` installs `lang` as app.run() would on a system
    with that locale (numbers follow it, ui/translations.py); English again after."""
    def install(lang: str, system: str = "en_US") -> str:
        return translations.install(qapp, lang, directory=catalogues, system=QLocale(system))

    yield install
    install("en")


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


@pytest.fixture
def tray_available() -> bool:
    return False


@pytest.fixture
def shell(qtbot, qloop, settings, fake_engine, tray_available) -> Iterator[Shell]:
    settings.save_tunnels([WEB, SSH])
    sh = build_shell(Settings.open(settings.path), fake_engine, tray_available=tray_available)
    qtbot.addWidget(sh.window)
    sh.bridge.start()
    sh.window.show()
    qtbot.waitExposed(sh.window)
    yield sh
    run_async(qtbot, qloop, sh.bridge.aclose())
    if sh.tray is not None:
        sh.tray.hide()
