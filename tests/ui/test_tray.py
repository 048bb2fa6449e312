"""Tray: icon follows the tunnels, menu actions, notices; and the no-tray fallback."""

from __future__ import annotations

import pytest
from fake_engine import assert_restarts_only
from samples import SSH, WEB

from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.settings import Settings

# offscreen has no tray window: QSystemTrayIcon.show() says so once; it is harmless here
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")


@pytest.fixture
def tray_available() -> bool:
    return True


def test_toggle_start_all_stop_all_and_icon(qtbot, shell, fake_engine) -> None:
    tray = shell.tray
    assert tray.state_name == "stopped"
    tray.action(f"tray_tunnel_{WEB.id}").trigger()  # checkable toggle → start
    qtbot.waitUntil(lambda: WEB.id in fake_engine.statuses, timeout=2000)
    qtbot.waitUntil(lambda: tray.action(f"tray_tunnel_{WEB.id}").isChecked(), timeout=2000)
    assert tray.state_name == "all-running"
    tray.action(f"tray_tunnel_{WEB.id}").trigger()  # toggle again → stop
    qtbot.waitUntil(lambda: WEB.id not in fake_engine.statuses, timeout=2000)
    tray.action("tray_start_all").trigger()
    qtbot.waitUntil(lambda: len(fake_engine.statuses) == 2, timeout=2000)
    fake_engine.emit(SSH.id, TunnelState.ERROR, "router said: DUPLICATED_DEST")
    qtbot.waitUntil(lambda: tray.state_name == "some-error", timeout=2000)
    assert tray.notices[-1] == ("ssh failed", "router said: DUPLICATED_DEST")
    fake_engine.emit(SSH.id, TunnelState.RUNNING, "")
    qtbot.waitUntil(lambda: tray.notices[-1][0] == "ssh recovered", timeout=2000)
    fake_engine.emit(WEB.id, TunnelState.RECONNECTING, "router gone")  # retrying: attention
    qtbot.waitUntil(lambda: tray.state_name == "some-error", timeout=2000)
    tray.action("tray_stop_all").trigger()
    qtbot.waitUntil(lambda: not fake_engine.statuses, timeout=2000)
    qtbot.waitUntil(lambda: tray.state_name == "stopped", timeout=2000)


def test_restart_all_restarts_the_running_tunnels_only(qtbot, shell, fake_engine) -> None:
    tray = shell.tray
    assert not tray.action("tray_restart_all").isEnabled()  # nothing runs
    tray.action(f"tray_tunnel_{WEB.id}").trigger()
    qtbot.waitUntil(lambda: shell.controller.is_active(WEB.id), timeout=2000)
    qtbot.waitUntil(lambda: tray.action("tray_restart_all").isEnabled(), timeout=2000)
    assert_restarts_only(qtbot, shell, fake_engine, tray.action("tray_restart_all").trigger,
                         running=WEB.id, stopped=SSH.id)


def test_failed_start_is_notified(qtbot, shell, fake_engine) -> None:
    from i2ptunnel_gui.core.errors import ListenError

    fake_engine.fail_start[WEB.id] = ListenError("127.0.0.1:18081: address already in use")
    shell.tray.action(f"tray_tunnel_{WEB.id}").trigger()
    qtbot.waitUntil(lambda: bool(shell.tray.notices), timeout=2000)
    assert shell.tray.notices[-1] == ("web failed", "127.0.0.1:18081: address already in use")
    qtbot.waitUntil(lambda: not shell.tray.action(f"tray_tunnel_{WEB.id}").isChecked(),
                    timeout=2000)
    assert shell.tray.state_name == "some-error"


def test_quit_and_show_hide(qtbot, shell) -> None:
    tray, window = shell.tray, shell.window
    with qtbot.waitSignal(tray.quit_requested, timeout=1000):
        tray.action("tray_quit").trigger()
    assert window.isVisible()
    tray.action("tray_toggle_window").trigger()
    assert not window.isVisible()
    tray.action("tray_toggle_window").trigger()
    assert window.isVisible()


def test_close_goes_to_tray_with_one_notice(qtbot, shell, settings) -> None:
    window, tray = shell.window, shell.tray
    quits = []
    window.quit_requested.connect(lambda: quits.append(1))
    window.close()
    assert not window.isVisible() and quits == []
    assert len(tray.notices) == 1 and "tray" in tray.notices[0][1]
    window.raise_window()
    window.close()
    assert len(tray.notices) == 1  # only once, remembered in the settings
    assert Settings.open(settings.path).close_to_tray_notice_shown


@pytest.mark.parametrize("tray_available", [False])
def test_without_tray_closing_quits(qtbot, shell) -> None:
    assert shell.tray is None
    with qtbot.waitSignal(shell.window.quit_requested, timeout=1000):
        shell.window.close()
    assert not shell.window.isVisible()
