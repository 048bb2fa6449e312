"""Headless mode: a real subprocess with no display runs a saved forward tunnel."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from headless_helpers import PROBE, read_line, subprocess_env, write_settings
from nethelpers import LoopbackServer, echo_handler, free_port

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec


def test_headless_runs_saved_forward_without_display(tmp_path: Path) -> None:
    echo = LoopbackServer(echo_handler)
    listen = free_port()
    settings = tmp_path / "s.ini"
    write_settings(settings, [
        TunnelSpec(name="echo fwd", kind=TunnelKind.FORWARD, listen_port=listen,
                   target_port=echo.port, auto_start=True),
        TunnelSpec(name="not auto", kind=TunnelKind.FORWARD, listen_port=free_port(),
                   target_port=echo.port, auto_start=False),
    ])
    proc = subprocess.Popen(
        [sys.executable, "-c", PROBE, "--headless", "--settings", str(settings)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(tmp_path),
        cwd=tmp_path)
    try:
        ready = read_line(proc, "READY", 30)
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
    write_settings(settings, [TunnelSpec(name="fwd", kind=TunnelKind.FORWARD,
                                          listen_port=free_port(), target_port=9,
                                          auto_start=True)])
    proc = subprocess.Popen(
        [sys.executable, "-m", "i2ptunnel_gui", "--headless", "--settings", str(settings)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(tmp_path),
        cwd=tmp_path)
    try:
        read_line(proc, "READY", 30)
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
    write_settings(settings, [TunnelSpec(name="manual", kind=TunnelKind.FORWARD,
                                          listen_port=free_port(), target_port=9)])
    proc = subprocess.run(
        [sys.executable, "-m", "i2ptunnel_gui", "--headless", "--settings", str(settings)],
        capture_output=True, text=True, env=subprocess_env(tmp_path), cwd=tmp_path, timeout=30)
    assert proc.returncode == 1
    assert "no auto-start tunnels" in proc.stderr
    assert "1 tunnel(s) saved" in proc.stderr


def test_headless_reports_a_tunnel_that_cannot_listen(tmp_path: Path) -> None:
    busy = socket.create_server(("127.0.0.1", 0))
    try:
        settings = tmp_path / "s.ini"
        write_settings(settings, [TunnelSpec(
            name="clash", kind=TunnelKind.FORWARD, listen_port=busy.getsockname()[1],
            target_port=9, auto_start=True)])
        proc = subprocess.run(
            [sys.executable, "-m", "i2ptunnel_gui", "--headless", "--settings", str(settings)],
            capture_output=True, text=True, env=subprocess_env(tmp_path), cwd=tmp_path, timeout=30)
    finally:
        busy.close()
    assert proc.returncode == 1
    assert "clash: cannot start" in proc.stderr
    assert "no tunnel could be started" in proc.stderr
