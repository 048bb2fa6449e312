"""ruff over the code and mypy --strict over core/ (pyproject config), as part of the suite."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_tool(module: str, *args: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
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
def test_mypy_strict_core() -> None:
    # strictness for core comes from [tool.mypy] overrides in pyproject.toml
    run_tool("mypy", "--no-incremental", "--cache-dir", "/dev/null", "i2ptunnel_gui/core")
