"""Headless mode: a real subprocess with no display runs a saved forward tunnel."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
# Runs the real CLI and reports at exit whether any GUI module got loaded.
PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('GUI-MODULES', sorted(m for m in sys.modules if m in "
    "('PySide6.QtGui', 'PySide6.QtWidgets')), file=sys.stderr, flush=True))\n"
    "from i2ptunnel_gui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EchoServer:
    """A loopback echo server on an ephemeral port, in a thread."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                while data := conn.recv(65536):
                    conn.sendall(data)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["PYTHONPATH"] = str(ROOT)
    return env


def _write_settings(path: Path, specs: list[TunnelSpec]) -> None:
    s = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    s.keys_dir = str(path.parent / "keys")
    s.save_tunnels(specs)


def _read_line(proc: subprocess.Popen[str], prefix: str, timeout: float) -> str:
    """Wait for a stdout line starting with `prefix` (bounded)."""
    result: list[str] = []

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(prefix):
                result.append(line.strip())
                return

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    t.join(timeout)
    if not result:
        proc.kill()
        _, err = proc.communicate(timeout=10)
        pytest.fail(f"no {prefix!r} line within {timeout} s; stderr:\n{err}")
    return result[0]


def test_headless_runs_saved_forward_without_display(tmp_path: Path) -> None:
    echo = EchoServer()
    listen = _free_port()
    settings = tmp_path / "s.ini"
    _write_settings(settings, [
        TunnelSpec(name="echo fwd", kind=TunnelKind.FORWARD, listen_port=listen,
                   target_port=echo.port, auto_start=True),
        TunnelSpec(name="not auto", kind=TunnelKind.FORWARD, listen_port=_free_port(),
                   target_port=echo.port, auto_start=False),
    ])
    proc = subprocess.Popen(
        [sys.executable, "-c", PROBE, "--headless", "--settings", str(settings)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path),
        cwd=tmp_path)
    try:
        ready = _read_line(proc, "READY", 30)
        assert ready == f"READY 'echo fwd' 127.0.0.1:{listen}"
        payload = os.urandom(256 * 1024)
        with socket.create_connection(("127.0.0.1", listen), timeout=5) as c:
            c.sendall(payload)
            c.shutdown(socket.SHUT_WR)
            got = bytearray()
            while chunk := c.recv(65536):
                got += chunk
        assert bytes(got) == payload
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=10)
        echo.close()
    assert proc.returncode == 0, err
    assert "echo fwd: running" in err
    assert "not auto" not in out + err  # only auto-start tunnels run
    assert "GUI-MODULES []" in err  # no QtGui/QtWidgets: no display needed


def test_headless_sigint_stops_cleanly(tmp_path: Path) -> None:
    settings = tmp_path / "s.ini"
    _write_settings(settings, [TunnelSpec(name="fwd", kind=TunnelKind.FORWARD,
                                          listen_port=_free_port(), target_port=9,
                                          auto_start=True)])
    proc = subprocess.Popen(
        [sys.executable, "-m", "i2ptunnel_gui", "--headless", "--settings", str(settings)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path),
        cwd=tmp_path)
    try:
        _read_line(proc, "READY", 30)
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert time.monotonic() - t0 < 10
    assert "stopping" in err


def test_headless_without_auto_start_tunnels_says_why(tmp_path: Path) -> None:
    settings = tmp_path / "s.ini"
    _write_settings(settings, [TunnelSpec(name="manual", kind=TunnelKind.FORWARD,
                                          listen_port=_free_port(), target_port=9)])
    proc = subprocess.run(
        [sys.executable, "-m", "i2ptunnel_gui", "--headless", "--settings", str(settings)],
        capture_output=True, text=True, env=_env(tmp_path), cwd=tmp_path, timeout=30)
    assert proc.returncode == 1
    assert "no auto-start tunnels" in proc.stderr
    assert "1 tunnel(s) saved" in proc.stderr


def test_headless_reports_a_tunnel_that_cannot_listen(tmp_path: Path) -> None:
    busy = socket.create_server(("127.0.0.1", 0))
    try:
        settings = tmp_path / "s.ini"
        _write_settings(settings, [TunnelSpec(
            name="clash", kind=TunnelKind.FORWARD, listen_port=busy.getsockname()[1],
            target_port=9, auto_start=True)])
        proc = subprocess.run(
            [sys.executable, "-m", "i2ptunnel_gui", "--headless", "--settings", str(settings)],
            capture_output=True, text=True, env=_env(tmp_path), cwd=tmp_path, timeout=30)
    finally:
        busy.close()
    assert proc.returncode == 1
    assert "clash: cannot start" in proc.stderr
    assert "no tunnel could be started" in proc.stderr
