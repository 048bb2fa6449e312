"""Health the user can see: Degraded in the table, the tray and the details; the
reachability button; the session-creation progress text (fake engine)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QTableView, QToolButton
from qtasync import run_async

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import Reachability, TunnelState
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.app import Shell, build_shell

# offscreen has no tray window: QSystemTrayIcon.show() says so once; it is harmless here
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")

BLOG = TunnelSpec(name="blog", kind=TunnelKind.SERVER, target_port=8080)
PROGRESS = "creating I2P session… 12 s (waiting for the router to build tunnels)"


@pytest.fixture
def blog_shell(qtbot, qloop, settings, fake_engine) -> Iterator[Shell]:
    settings.save_tunnels([BLOG])
    sh = build_shell(Settings.open(settings.path), fake_engine, tray_available=True)
    qtbot.addWidget(sh.window)
    sh.bridge.start()
    sh.window.show()
    qtbot.waitExposed(sh.window)
    table = sh.window.findChild(QTableView, "tunnel_table")
    table.selectRow(0)
    yield sh
    run_async(qtbot, qloop, sh.bridge.aclose())
    if sh.tray is not None:
        sh.tray.hide()


def label(sh: Shell, name: str) -> str:
    widget = sh.window.details.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def start_blog(qtbot, qloop, sh: Shell) -> None:
    assert run_async(qtbot, qloop, sh.controller.start(BLOG.id))
    qtbot.waitUntil(lambda: sh.controller.model.state_of(BLOG.id) is TunnelState.RUNNING,
                    timeout=2000)


def test_degraded_is_shown_noticed_and_recovered(qtbot, qloop, blog_shell, fake_engine) -> None:
    sh = blog_shell
    start_blog(qtbot, qloop, sh)
    why = "not reachable from I2P: peer unreachable; re-creating the I2P session"
    fake_engine.emit(BLOG.id, TunnelState.DEGRADED, why)
    qtbot.waitUntil(lambda: label(sh, "state") == "Degraded", timeout=2000)
    model = sh.controller.model
    assert model.state_of(BLOG.id) is TunnelState.DEGRADED and sh.controller.is_active(BLOG.id)
    assert sh.tray.notices[-1] == ("blog is degraded", why)
    assert sh.tray.state_name == "some-error"
    qtbot.waitUntil(lambda: label(sh, "state_message") == why, timeout=2000)
    assert "Degraded" in sh.window.details.log.toPlainText()
    fake_engine.emit(BLOG.id, TunnelState.RUNNING, "reachable from I2P (round trip 40 ms)")
    qtbot.waitUntil(lambda: sh.tray.notices[-1][0] == "blog recovered", timeout=2000)
    assert sh.tray.state_name == "all-running"


def test_reachability_button_checks_and_shows_the_round_trip(
    qtbot, qloop, blog_shell, fake_engine
) -> None:
    import asyncio

    sh = blog_shell
    button = sh.window.details.findChild(QToolButton, "check_reachability")
    assert button is not None and not button.isEnabled()  # stopped: nothing to check
    start_blog(qtbot, qloop, sh)
    qtbot.waitUntil(button.isEnabled, timeout=2000)
    assert label(sh, "reachability") == "not checked yet"
    fake_engine.reach_gate = asyncio.Event()  # the check takes a while
    button.click()
    qtbot.waitUntil(lambda: label(sh, "reachability").startswith("checking…"), timeout=2000)
    assert not button.isEnabled()  # one check at a time
    fake_engine.reach_gate.set()
    qtbot.waitUntil(lambda: "round trip 42 ms" in label(sh, "reachability"), timeout=3000)
    assert label(sh, "reachability").startswith("reachable from I2P (round trip 42 ms) — checked ")
    assert button.isEnabled()
    assert f"reach {BLOG.id}" in fake_engine.calls


def test_an_unreachable_server_turns_degraded(qtbot, qloop, blog_shell, fake_engine) -> None:
    import time

    sh = blog_shell
    start_blog(qtbot, qloop, sh)
    fake_engine.reach[BLOG.id] = Reachability(
        BLOG.id, False, None, "not reachable from I2P: no echo within 90 s", time.time())
    button = sh.window.details.findChild(QToolButton, "check_reachability")
    qtbot.waitUntil(button.isEnabled, timeout=2000)
    button.click()
    qtbot.waitUntil(lambda: sh.controller.model.state_of(BLOG.id) is TunnelState.DEGRADED,
                    timeout=3000)
    qtbot.waitUntil(lambda: "no echo within 90 s —" in label(sh, "reachability"), timeout=2000)
    assert sh.tray.notices[-1][0] == "blog is degraded"


def test_reachability_row_only_for_server_tunnels(qtbot, blog_shell) -> None:
    details = blog_shell.window.details
    assert details.form.isRowVisible(details.reach_row)
    details.set_spec(TunnelSpec(name="c", kind=TunnelKind.CLIENT, listen_port=1,
                                destination="a" * 52 + ".b32.i2p"))
    assert not details.form.isRowVisible(details.reach_row)


def test_session_creation_progress_is_shown_not_a_static_starting(
    qtbot, qloop, blog_shell, fake_engine
) -> None:
    from dataclasses import replace

    sh = blog_shell
    start_blog(qtbot, qloop, sh)
    # what the engine's samples carry while a session is created: elapsed time, what waits
    fake_engine.statuses[BLOG.id] = replace(
        fake_engine.statuses[BLOG.id], state=TunnelState.STARTING, message=PROGRESS)
    sh.controller.refresh()
    qtbot.waitUntil(lambda: label(sh, "state_message") == PROGRESS, timeout=2000)
    assert label(sh, "state") == "Starting"
