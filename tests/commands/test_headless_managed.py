"""`--headless` with the Managed router saved in the settings: the app's own i2pd (the
stand-in, serving the fake SAM bridge) starts first, the saved server tunnel runs on it,
SIGTERM stops both."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from fake_i2pd import alive, free_options, install_fake_i2pd
from headless_helpers import PROBE, read_line, subprocess_env, write_settings
from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.router_settings import save_router_prefs
from i2ptunnel_gui.settings import Settings


def test_headless_runs_saved_tunnels_on_the_managed_router(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    write_settings(
        path,
        [
            TunnelSpec(
                name="site",
                kind=TunnelKind.SERVER,
                target_port=9,
                key_mode=KeyMode.TRANSIENT,
                auto_start=True,
            ),
        ],
    )
    managed = free_options(install_fake_i2pd(tmp_path / "bin"))
    save_router_prefs(
        Settings(QSettings(str(path), QSettings.Format.IniFormat)),
        RouterPrefs(mode=RouterMode.MANAGED, managed=managed),
    )
    router_dir = tmp_path / "data" / "i2ptunnel-gui" / "router"  # the app's default
    env = {**subprocess_env(tmp_path), "FAKE_I2PD_MODE": "fakesam"}
    proc = subprocess.Popen(
        [sys.executable, "-c", PROBE, "--headless", "--settings", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        ready = read_line(proc, "READY", 30)
        assert ready.startswith("READY site ") and ready.endswith(".b32.i2p")
        pid = int((router_dir / "i2pd.pid").read_text())
        assert alive(pid)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
        assert not alive(pid)
        err = proc.stderr.read()
        assert f"managed router ready (SAM 127.0.0.1:{managed.sam_port})" in err
        assert "GUI-MODULES []" in err  # still no display needed
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)
