"""Headless mode runs a saved HTTP proxy tunnel with a delayed session."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fake_router import FakeRouter
from headless_helpers import PROBE, read_line, subprocess_env, write_settings
from nethelpers import free_port

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_headless_http_proxy_on_demand(tmp_path: Path, fake: FakeRouter) -> None:
    listen = free_port()
    settings = tmp_path / "s.ini"
    write_settings(settings, [
        TunnelSpec.new("web proxy", TunnelKind.HTTP_PROXY, listen_port=listen, auto_start=True,
                       delay_open=True, sam_address=fake.address),
    ])  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-c", PROBE, "--headless", "--settings", str(settings)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(tmp_path),
        cwd=tmp_path,
    )  # fmt: skip
    try:
        assert read_line(proc, "READY", 30) == f"READY 'web proxy' 127.0.0.1:{listen}"
        assert fake.call(lambda: len(fake.sam.sessions)) == 0  # Standby: no session yet
        out = subprocess.run(
            ["curl", "-sS", "-x", f"http://127.0.0.1:{listen}", "-w", "%{http_code}",
             "http://" + "z" * 52 + ".b32.i2p/"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
        assert out.stdout.endswith("502"), out  # the session opened; nobody is there
        assert fake.call(lambda: len(fake.sam.sessions)) == 1
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "web proxy: standby" in err and "web proxy: running" in err
