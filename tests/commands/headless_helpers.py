"""Helpers for tests that run headless mode as a subprocess: a display-less
environment in a throwaway home, a settings file, bounded reads of its output."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
# Runs the real CLI and reports at exit whether any GUI module got loaded.
PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('GUI-MODULES', sorted(m for m in sys.modules if m in "
    "('PySide6.QtGui', 'PySide6.QtWidgets')), file=sys.stderr, flush=True))\n"
    "from i2ptunnel_gui.commands.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def subprocess_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["PYTHONPATH"] = str(ROOT)
    return env


def write_settings(path: Path, specs: list[TunnelSpec]) -> None:
    s = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    s.keys_dir = str(path.parent / "keys")
    s.save_tunnels(specs)


def read_line(proc: subprocess.Popen[str], prefix: str, timeout: float) -> str:
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
