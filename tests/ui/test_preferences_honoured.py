"""The General preferences do what they say: notifications off → no tray message;
start minimized → no window at start (with a tray), set from the dialog's check box."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox
from samples import WEB

from i2ptunnel_gui.commands.cli import build_parser
from i2ptunnel_gui.core.router.prefs import RouterPrefs
from i2ptunnel_gui.core.router.service import RouterService
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui import app as app_module
from i2ptunnel_gui.ui.router_bridge import RouterBridge
from i2ptunnel_gui.ui.router_ui import RouterUi

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")


@pytest.fixture
def tray_available() -> bool:
    return True


@pytest.fixture
def router_ui(qtbot, shell, fake_engine, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    service = RouterService(RouterPrefs(), root=tmp_path / "router")
    service.start()
    ui = RouterUi(shell.window, shell.controller, fake_engine, shell.bridge,
                  RouterBridge(service), shell.controller.settings, tray=shell.tray)
    yield ui
    service.shutdown()


def save_preferences(qtbot, ui, **checks: bool) -> None:
    """Open Preferences from the menu, set the General check boxes, press Save."""
    ui.window.findChild(QAction, "preferences").trigger()
    dialog = ui.preferences
    assert dialog is not None
    for name, on in checks.items():
        dialog.findChild(QCheckBox, name).setChecked(on)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: ui.preferences is None, timeout=3000)


def test_notifications_off_shows_no_tray_message(qtbot, shell, fake_engine, router_ui,
                                                 monkeypatch) -> None:
    tray = shell.tray
    shown: list[str] = []
    monkeypatch.setattr(tray.icon, "isVisible", lambda: True)  # offscreen has no tray area
    monkeypatch.setattr(tray.icon, "showMessage", lambda title, *_a: shown.append(title))
    shell.window.select_tunnel(WEB.id)
    shell.window.start_action.trigger()
    qtbot.waitUntil(lambda: shell.controller.is_active(WEB.id), timeout=2000)
    fake_engine.emit(WEB.id, TunnelState.ERROR, "router gone")
    qtbot.waitUntil(lambda: shown == ["web failed"], timeout=2000)  # on: the message shows
    save_preferences(qtbot, router_ui, notifications=False)
    qtbot.waitUntil(lambda: tray.notifications is False, timeout=3000)
    assert Settings.open(shell.controller.settings.path).notifications is False
    fake_engine.emit(WEB.id, TunnelState.RUNNING, "")
    qtbot.waitUntil(lambda: tray.notices[-1][0] == "web recovered", timeout=2000)
    assert shown == ["web failed"]  # recorded, not shown


def test_start_minimized_preference_starts_hidden(qapp, tmp_path, monkeypatch) -> None:
    """The saved preference alone (no --minimized; the dialog saving it is tested in
    test_router_window) keeps the window hidden at start when there is a tray."""
    path = tmp_path / "min.ini"
    saved = Settings.open(path)
    saved.start_minimized = True
    saved.save_tunnels([])
    saved.sync()
    monkeypatch.setattr(app_module.QSystemTrayIcon, "isSystemTrayAvailable",
                        staticmethod(lambda: True))
    seen: list[bool] = []
    deadline = time.monotonic() + 20

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"]
        if not windows:
            return
        seen.append(windows[0].isVisible())
        if len(seen) == 3 or time.monotonic() > deadline:
            windows[0].quit_action.trigger()  # nothing runs: quits without a question

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    try:
        code = app_module.run(build_parser().parse_args(["--settings", str(path)]))
    finally:
        timer.stop()
    assert code == 0 and len(seen) >= 3 and not any(seen)
