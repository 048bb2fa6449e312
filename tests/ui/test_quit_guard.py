"""Quit while tunnels run asks first (menu, Ctrl+Q, the tray, closing without a tray);
with nothing running it quits at once; "Keep running in the tray" only with a tray."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from samples import SSH, WEB

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")


@pytest.fixture
def tray_available() -> bool:
    return True


def start(qtbot, shell, *specs) -> None:
    for spec in specs:
        shell.window.select_tunnel(spec.id)
        shell.window.start_action.trigger()
        qtbot.waitUntil(lambda s=spec: shell.controller.is_active(s.id), timeout=2000)


def question(qtbot, window) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [b for b in window.findChildren(QMessageBox, "confirm_quit")
                    if b.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=2000)
    return found[0]


def button(box: QMessageBox, name: str) -> QAbstractButton | None:
    return next((b for b in box.buttons() if b.objectName() == name), None)


def recorder(window) -> list[int]:
    quits: list[int] = []
    window.quit_requested.connect(lambda: quits.append(1))
    return quits


def test_nothing_running_quits_without_a_question(qtbot, shell) -> None:
    quits = recorder(shell.window)
    shell.window.quit_action.trigger()
    assert quits == [1]
    assert shell.window.findChild(QMessageBox, "confirm_quit") is None


def test_quit_asks_with_the_count_and_cancel_keeps_everything(qtbot, shell,
                                                              fake_engine) -> None:
    w = shell.window
    start(qtbot, shell, WEB, SSH)
    quits = recorder(w)
    standard = QKeySequence(QKeySequence.StandardKey.Quit)  # none on some platforms
    assert w.quit_action.shortcut() == (standard if not standard.isEmpty() else
                                        QKeySequence("Ctrl+Q"))
    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.keyClick(w.tunnel_table, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = question(qtbot, w)
    assert "2 tunnel" in box.text()
    assert button(box, "keep_in_tray") is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    assert quits == [] and w.isVisible()
    assert set(fake_engine.statuses) == {WEB.id, SSH.id}  # nothing stopped


def test_quit_and_stop_them_quits(qtbot, shell) -> None:
    w = shell.window
    start(qtbot, shell, WEB)
    quits = recorder(w)
    w.quit_action.trigger()
    box = question(qtbot, w)
    assert "1 tunnel" in box.text()
    w.quit_action.trigger()  # asked twice: still one question
    assert len([b for b in w.findChildren(QMessageBox, "confirm_quit") if b.isVisible()]) == 1
    button(box, "quit_and_stop").click()
    qtbot.waitUntil(lambda: quits == [1], timeout=2000)


def test_tray_quit_asks_and_keep_running_hides_the_window(qtbot, shell,
                                                          fake_engine) -> None:
    w, tray = shell.window, shell.tray
    start(qtbot, shell, WEB)
    quits = recorder(w)
    tray.action("tray_quit").trigger()
    box = question(qtbot, w)
    button(box, "keep_in_tray").click()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=2000)
    assert quits == [] and WEB.id in fake_engine.statuses  # still running, in the tray
    assert tray.notices and "tray" in tray.notices[-1][1]  # how to get out is said once


def test_closing_the_window_with_a_tray_still_hides_it(qtbot, shell) -> None:
    w = shell.window
    start(qtbot, shell, WEB)
    quits = recorder(w)
    w.close()
    assert not w.isVisible() and quits == []
    assert w.findChild(QMessageBox, "confirm_quit") is None  # no question: nothing quits


@pytest.mark.parametrize("tray_available", [False])
def test_without_tray_closing_asks_and_offers_no_tray(qtbot, shell, fake_engine) -> None:
    w = shell.window
    start(qtbot, shell, WEB)
    quits = recorder(w)
    w.close()
    box = question(qtbot, w)
    assert w.isVisible()  # the window stays while the question is open
    assert button(box, "keep_in_tray") is None
    button(box, "quit_and_stop").click()
    qtbot.waitUntil(lambda: quits == [1], timeout=2000)


def test_tray_quit_asks_while_the_window_is_hidden(qtbot, shell) -> None:
    w, tray = shell.window, shell.tray
    start(qtbot, shell, WEB)
    w.hide()
    quits = recorder(w)
    tray.action("tray_quit").trigger()
    box = question(qtbot, w)  # shown although its window is in the tray
    button(box, "quit_and_stop").click()
    qtbot.waitUntil(lambda: quits == [1], timeout=2000)
