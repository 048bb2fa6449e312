"""The whole app in-process: run(args) with the real engine, auto-start, a live
connection, a second launch handing over, Quit — and nothing left behind."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest
from loopback_peers import Chatter, EchoServer
from nethelpers import free_port
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from i2ptunnel_gui.commands.cli import build_parser
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui import app as app_module
from i2ptunnel_gui.ui.async_slot import async_slot


def fds() -> dict[str, str]:
    """Open fds and what they are (the listing's own directory fd vanishes: skipped)."""
    out = {}
    for f in os.listdir("/proc/self/fd"):
        try:
            out[f] = os.readlink(f"/proc/self/fd/{f}")
        except FileNotFoundError:
            continue
    return out


def window():
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "main_window":
            return w
    return None


def answer_quit(win) -> None:
    """Choose "Quit and stop them" if Quit is asking."""
    for box in win.findChildren(QMessageBox, "confirm_quit"):
        for button in box.buttons():
            if box.isVisible() and button.objectName() == "quit_and_stop":
                button.click()
                return


def run_app(settings_path, script) -> tuple[int, float]:
    """run() with `script(win) -> bool` polled every 50 ms until it returns True, then Quit."""
    deadline = time.monotonic() + 20
    state = {"done": False}

    def poll() -> None:
        win = window()
        if win is None:
            return
        if state["done"]:
            answer_quit(win)  # tunnels run: Quit asks first
            return
        if script(win) or time.monotonic() > deadline:
            state["done"] = True
            state["quit_at"] = time.monotonic()
            win.findChild(type(win.quit_action), "quit").trigger()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    try:
        code = app_module.run(build_parser().parse_args(["--settings", str(settings_path)]))
    finally:
        timer.stop()
    return code, time.monotonic() - state.get("quit_at", time.monotonic())


def test_run_autostarts_hands_over_and_quits_clean(qapp, tmp_path) -> None:
    echo = EchoServer()
    listen = free_port()
    path = tmp_path / "app.ini"
    spec = TunnelSpec(name="echo", kind=TunnelKind.FORWARD, listen_port=listen,
                      target_port=echo.port, auto_start=True)
    s = Settings.open(path)
    s.sam_address = f"127.0.0.1:{free_port()}"  # nobody there: probe says unreachable
    s.save_tunnels([spec])
    try:
        # warm-up run: Qt opens some process-wide fds (fonts, plugins) once
        code, _ = run_app(path, lambda win: True)
        assert code == 0
        threads_before = {t.ident for t in threading.enumerate()}
        fds_before = fds()

        chat: list[Chatter] = []
        second: dict[str, object] = {}
        raised: list[bool] = []

        def second_launch() -> None:
            p = subprocess.run([sys.executable, "-m", "i2ptunnel_gui", "--settings", str(path)],
                               capture_output=True, text=True, timeout=20)
            second["code"], second["err"] = p.returncode, p.stderr

        def script(win) -> bool:
            model = win.tunnel_model
            if not chat:
                if model.rowCount() and model.index(0, 2).data() == "Running":
                    chat.append(Chatter(listen))
                    chat[0].start()
                return False
            if "thread" not in second:
                if win.connection_model.rowCount() == 0:
                    win.tunnel_table.selectRow(0)
                    return False
                win.hide()
                win.showEvent = lambda e: raised.append(True)
                second["thread"] = threading.Thread(target=second_launch)
                second["thread"].start()
                return False
            return "code" in second and bool(raised)

        code, quit_seconds = run_app(path, script)
        assert code == 0
        assert not Settings.open(path).window_geometry.isEmpty()  # restored next start
        assert second.get("code") == 0, second.get("err")
        assert "already running" in str(second["err"])
        assert raised == [True]  # the first instance showed its window again
        assert quit_seconds < 10  # bounded shutdown
        chat[0].ended.wait(5)
        assert chat[0].ended.is_set()  # Quit closed the relayed connection
        chat[0].join(5)
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", listen)) != 0  # listener closed
        second["thread"].join(5)
        left = [t for t in threading.enumerate() if t.ident not in threads_before]
        assert left == []  # no engine thread, no helper thread
        extra = {f: what for f, what in fds().items() if fds_before.get(f) != what}
        assert extra == {}  # no socket or pipe left open
    finally:
        echo.close()


def test_sigterm_quits_the_window_app_clean(tmp_path) -> None:
    """A real process: the window app, SIGTERM (session end, kill) → clean exit 0."""
    import signal

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "i2ptunnel_gui", "--settings",
                             str(tmp_path / "s.ini")], env=env, stderr=subprocess.PIPE,
                            text=True)
    try:
        deadline = time.monotonic() + 20
        # running once the single-instance server answers (its socket is in XDG_RUNTIME_DIR)
        from i2ptunnel_gui.ui.single_instance import notify_running, server_name

        name = server_name(str(tmp_path / "s.ini"))
        while not notify_running(name):
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the app did not come up"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_minimized_starts_hidden_in_tray(qapp, tmp_path, monkeypatch) -> None:
    """--minimized with a tray: no window at start; the tray's Show brings it up."""
    monkeypatch.setattr(app_module.QSystemTrayIcon, "isSystemTrayAvailable",
                        staticmethod(lambda: True))
    path = tmp_path / "min.ini"
    Settings.open(path).save_tunnels([])
    seen: list[bool] = []

    def script(win) -> bool:
        seen.append(win.isVisible())
        return len(seen) >= 3

    deadline = time.monotonic() + 20
    state = {"quit": False}

    def poll() -> None:
        win = window()
        if win is None or state["quit"]:
            return
        if script(win) or time.monotonic() > deadline:
            state["quit"] = True
            win.quit_action.trigger()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    try:
        code = app_module.run(build_parser().parse_args(["--settings", str(path),
                                                         "--minimized"]))
    finally:
        timer.stop()
    assert code == 0 and seen and not any(seen)


def test_quit_from_outside_still_stops_engine(tmp_path) -> None:
    """QApplication.quit() by someone else (a session manager) ends the run cleanly.

    In a child process: quitting Qt with no way back would poison this test process.
    """
    code = f"""
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from i2ptunnel_gui.commands.cli import build_parser
from i2ptunnel_gui.ui import app as app_module
qapp = QApplication([sys.argv[0]])
QTimer.singleShot(1000, qapp.quit)
rc = app_module.run(build_parser().parse_args(["--settings", {str(tmp_path / "q.ini")!r}]))
left = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
print("LEFT", left)
sys.exit(rc)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    assert "LEFT []" in p.stdout


class _Pending(QObject):
    """A slot still awaiting when Quit comes (a Start all on a slow engine)."""

    def __init__(self, bridge_closed: Callable[[], bool]) -> None:
        super().__init__()
        self.bridge_closed = bridge_closed
        self.ended: list[bool] = []  # was the bridge already closed when it ended?

    @async_slot()
    async def wait(self) -> None:
        try:
            await asyncio.Event().wait()
        finally:
            self.ended.append(self.bridge_closed())


def test_quit_ends_running_slots_before_the_bridge_closes(qapp, tmp_path) -> None:
    pending: list[_Pending] = []

    def script(win) -> bool:
        bridge = win.controller._bridge
        pending.append(_Pending(lambda: bridge._closed))
        pending[0].wait()
        return True

    code, quit_seconds = run_app(tmp_path / "app.ini", script)
    assert code == 0
    assert pending[0].ended == [False]  # cancelled by the shutdown, the bridge still open
    assert quit_seconds < 10
