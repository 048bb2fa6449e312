"""RouterUi in the window over a fake engine: menus, Preferences applied and saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox

from i2ptunnel_gui.autostart import autostart_enabled
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.service import RouterService
from i2ptunnel_gui.router_settings import load_router_prefs
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.app import build_shell
from i2ptunnel_gui.ui.preferences import AppPreferences
from i2ptunnel_gui.ui.router_bridge import RouterBridge
from i2ptunnel_gui.ui.router_ui import RouterUi


@pytest.fixture
def ui(qtbot, qloop, settings, fake_engine, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    service = RouterService(RouterPrefs(), root=tmp_path / "router")
    service.start()
    shell = build_shell(settings, fake_engine, tray_available=False)
    qtbot.addWidget(shell.window)
    router_ui = RouterUi(shell.window, shell.controller, fake_engine, shell.bridge,
                         RouterBridge(service), settings)
    shell.window.show()
    yield router_ui
    service.shutdown()


def test_menus_and_the_router_tab_are_in_the_window(qtbot, ui) -> None:
    window = ui.window
    for name in ("preferences", "help_docs", "help_logs", "help_about"):
        assert window.findChild(QAction, name) is not None, name
    assert window.tabs.indexOf(ui.panel) >= 0
    assert ui.first_run.isVisible()  # no tunnels
    window.findChild(QAction, "help_about").trigger()
    box = window.findChild(QMessageBox, "about_box")
    assert box is not None and "SAM v3" in box.text()
    box.close()


def test_log_folder_opens_the_router_dir(qtbot, ui, monkeypatch, tmp_path: Path) -> None:
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    ui.window.findChild(QAction, "help_logs").trigger()
    assert opened == [str(tmp_path / "router")]


def test_preferences_are_saved_and_applied(qtbot, ui, settings, fake_engine) -> None:
    ui.window.findChild(QAction, "preferences").trigger()
    assert ui.preferences is not None and ui.preferences.isVisible()
    prefs = AppPreferences(
        router=RouterPrefs(sam_address="127.0.0.1:7999", sam_user="me", sam_password="pw"),
        notifications=False,
        start_minimized=True,
        start_at_login=True,
    )
    ui.apply_preferences(prefs)
    qtbot.waitUntil(lambda: getattr(fake_engine, "router", None) is not None, timeout=5000)
    assert fake_engine.router == ("127.0.0.1:7999", ("me", "pw"))  # the engine follows
    saved = Settings.open(settings.path)
    assert load_router_prefs(saved) == prefs.router
    assert saved.notifications is False and saved.start_minimized is True
    assert autostart_enabled()
    assert ui.panel.heading.text() == "Your router (SAM at 127.0.0.1:7999)"
    assert ui.prefs.mode is RouterMode.EXTERNAL


def test_use_my_router_tests_the_address_and_uses_it(qtbot, ui, settings, fake_engine) -> None:
    from fake_router import FakeRouter

    from i2ptunnel_gui.ui.first_run import RouterSituation

    first = ui.first_run
    first.mine_button.click()
    first.sam_address.setText("127.0.0.1:1")
    first.findChild(type(first.private_button), "first_run_test").click()
    qtbot.waitUntil(lambda: first.test_result.text().startswith("No SAM bridge"), timeout=5000)
    router = FakeRouter()
    try:
        first.sam_address.setText(router.address)
        first.findChild(type(first.private_button), "first_run_test").click()
        qtbot.waitUntil(lambda: first.situation is RouterSituation.READY, timeout=5000)
        assert first.test_result.text().startswith("SAM answers (version 3.")
        qtbot.waitUntil(
            lambda: Settings.open(settings.path).sam_address == router.address, timeout=5000
        )
        assert fake_engine.router == (router.address, None)
    finally:
        router.close()
