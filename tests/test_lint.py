"""ruff over the code and mypy over the whole package (pyproject config: core/ strict,
ui/ gradual, and the UI tests' fake engine checked against the engine boundary)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_tool(module: str, *args: str) -> None:
    # ruff and mypy are test dependencies: missing, the check fails (a skip would pass)
    assert importlib.util.find_spec(module) is not None, (
        f"{module} is not installed: pip install -e '.[test]'")
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, f"{module} {' '.join(args)}:\n{proc.stdout}{proc.stderr}"


def test_ruff() -> None:
    paths = [p for p in ("i2ptunnel_gui", "tests", "bench", "scripts") if (ROOT / p).is_dir()]
    run_tool("ruff", "check", "--no-cache", *paths)


@pytest.mark.slow
def test_mypy_package() -> None:
    # no paths given: mypy checks the `files` pyproject.toml names (the package and
    # tests/ui/fake_engine.py), so the suite and a plain `mypy` run check the same
    run_tool("mypy", "--no-incremental", "--cache-dir", "/dev/null")
