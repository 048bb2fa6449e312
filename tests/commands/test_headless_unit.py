"""The documented systemd user unit is valid and runs what the docs say."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "packaging" / "i2ptunnel-gui-headless.service"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    # %h must hold the command the unit starts, or verify complains about that alone
    bin_dir = tmp_path / ".local" / "bin"
    bin_dir.mkdir(parents=True)
    exe = bin_dir / "i2ptunnel-gui"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    env = dict(os.environ, HOME=str(tmp_path), XDG_RUNTIME_DIR=str(run))
    proc = subprocess.run(["systemd-analyze", "verify", "--user", str(UNIT)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "" and proc.stdout.strip() == ""  # no unknown keys either


def test_unit_runs_headless_and_docs_show_it() -> None:
    unit = UNIT.read_text()
    assert "ExecStart=%h/.local/bin/i2ptunnel-gui --headless\n" in unit
    assert "WantedBy=default.target" in unit
    docs = (ROOT / "docs" / "HEADLESS.md").read_text()
    assert "systemctl --user enable --now i2ptunnel-gui-headless.service" in docs
    assert unit.split("[Unit]", 1)[1] in docs  # the docs show the unit as shipped
