"""Single instance: the second launch raises the first one's window and starts nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from i2ptunnel_gui.ui.single_instance import (
    SingleInstance,
    decode,
    encode,
    notify_running,
    server_name,
)


def test_names_are_per_settings_file_and_hashed(tmp_path) -> None:
    a, b = server_name(str(tmp_path / "a.ini")), server_name(str(tmp_path / "b.ini"))
    assert a != b and str(tmp_path) not in a and len(a) < 60


def test_protocol_is_versioned() -> None:
    assert decode(encode({"cmd": "raise"}).strip()) == {"v": 1, "cmd": "raise"}
    with pytest.raises(ValueError, match="version"):
        decode(b'{"v": 99, "cmd": "raise"}')
    with pytest.raises(ValueError):
        decode(b"[1]")


def test_nobody_listening_means_first_instance(qapp, tmp_path) -> None:
    assert notify_running(server_name(str(tmp_path / "none.ini"))) is False


def test_second_launch_raises_first(qtbot, tmp_path) -> None:
    name = server_name(str(tmp_path / "s.ini"))
    first = SingleInstance(name)
    first.listen()
    try:
        raised = []
        first.raise_requested.connect(lambda: raised.append(True))
        # the second launch is another process: it blocks in waitForReadyRead while we serve
        code = f"""
import sys
from PySide6.QtCore import QCoreApplication
from i2ptunnel_gui.ui.single_instance import notify_running
app = QCoreApplication([])
sys.exit(0 if notify_running({name!r}) else 3)
"""
        proc = subprocess.Popen([sys.executable, "-c", code], env=os.environ.copy())
        try:
            qtbot.waitUntil(lambda: proc.poll() is not None, timeout=10000)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
        assert proc.returncode == 0
        assert raised == [True]
    finally:
        first.close()


def test_stale_socket_is_taken_over(qtbot, tmp_path) -> None:
    name = server_name(str(tmp_path / "stale.ini"))
    crashed = SingleInstance(name)
    crashed.listen()
    path = crashed._server.fullServerName()
    crashed._server.close()  # Qt removes the file on close; recreate a dead socket file
    import socket

    dead = socket.socket(socket.AF_UNIX)
    dead.bind(path)
    dead.close()  # bound, never listening: like a crashed instance's leftover
    try:
        t = time.monotonic()
        assert notify_running(name) is False
        assert time.monotonic() - t < 3
        again = SingleInstance(name)
        again.listen()
        again.close()
    finally:
        if os.path.exists(path):
            os.unlink(path)
