"""Layer guards: the core and the Qt-free command paths never import Qt.

Each check runs in a fresh interpreter (this one already has Qt loaded by pytest-qt) with
a meta path finder that records and refuses every Qt import. Recording matters: a guarded
`try: import PySide6 except ImportError` in the core would otherwise pass unnoticed.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

_PRELUDE = textwrap.dedent(
    """
    import importlib, importlib.abc, json, pkgutil, sys, traceback

    BLOCKED = ("PySide6", "shiboken6", "qasync", "PyQt5", "PyQt6")
    attempts = []

    class QtBlocker(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                # who asked: the innermost project frame of the import
                stack = [f"{f.filename}:{f.lineno}" for f in traceback.extract_stack()
                         if "i2ptunnel_gui" in f.filename]
                attempts.append({"module": name, "from": stack[-1:] or ["?"]})
                raise ImportError(f"Qt is blocked in this layer: {name}")
            return None

    sys.meta_path.insert(0, QtBlocker())

    def report(**extra):
        qt = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
        print("\\n" + json.dumps({"attempts": attempts, "qt_modules": qt, **extra}))
    """
)


def run_blocked(body: str, *, timeout: float = 60) -> dict[str, Any]:
    """Run `body` after the Qt blocker; return the JSON the body's report() printed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", _PRELUDE + textwrap.dedent(body)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = proc.stdout.strip().splitlines()
    assert proc.returncode == 0 and lines, (
        f"subprocess failed (exit {proc.returncode})\n"
        f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    )
    result: dict[str, Any] = json.loads(lines[-1])
    result["stdout"] = proc.stdout
    return result


def assert_no_qt(result: dict[str, Any]) -> None:
    assert not result["attempts"], f"Qt import attempted: {result['attempts']}"
    assert not result["qt_modules"], f"Qt modules loaded: {result['qt_modules']}"
    assert "PySide6" not in result["qt_modules"]


def test_blocker_catches_a_qt_import() -> None:
    """The guard itself can fail: a module importing Qt is recorded and refused."""
    result = run_blocked(
        """
        try:
            import PySide6.QtCore  # noqa: F401
        except ImportError:
            pass
        report()
        """
    )
    assert [a["module"] for a in result["attempts"]] == ["PySide6"]


def test_core_imports_no_qt() -> None:
    result = run_blocked(
        """
        import i2ptunnel_gui.core as core
        names = [m.name for m in pkgutil.walk_packages(core.__path__, "i2ptunnel_gui.core.")]
        for name in names:
            importlib.import_module(name)
        report(imported=["i2ptunnel_gui.core", *names])
        """
    )
    assert_no_qt(result)
    imported = set(result["imported"])
    # the walk really found the core (shared contracts at least), not an empty package
    assert {
        "i2ptunnel_gui.core.spec",
        "i2ptunnel_gui.core.status",
        "i2ptunnel_gui.core.errors",
    } <= imported


@pytest.mark.parametrize(
    "module",
    [
        "i2ptunnel_gui",
        "i2ptunnel_gui.commands.cli",
        "i2ptunnel_gui.shipped_files",
        "i2ptunnel_gui.tunnel",
        "i2ptunnel_gui.seed.dial",
        "i2ptunnel_gui.commands.forward",
        "i2ptunnel_gui.commands.i2p",
    ],
)
def test_qt_free_module(module: str) -> None:
    """The CLI, the seed API and the router-side commands run where no Qt is installed."""
    result = run_blocked(
        f"""
        importlib.import_module({module!r})
        report()
        """
    )
    assert_no_qt(result)


def test_forward_help_path_imports_no_qt() -> None:
    """`i2ptunnel-gui forward --help` parses and prints without touching Qt."""
    result = run_blocked(
        """
        import runpy
        sys.argv = ["i2ptunnel-gui", "forward", "--help"]
        try:
            runpy.run_module("i2ptunnel_gui", run_name="__main__")
        except SystemExit as e:
            code = e.code
        report(code=code)
        """
    )
    assert result["code"] == 0
    assert "--listen" in str(result["stdout"]) and "--target" in str(result["stdout"])
    assert_no_qt(result)


def _package_imports(package: Path, name: str) -> dict[str, set[str]]:
    """module -> project modules it imports anywhere (TYPE_CHECKING and lazy ones too)."""
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        here = module if path.name == "__init__.py" else module.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                    base = f"{anchor}.{base}" if base else anchor
                deps.add(base)
                deps.update(f"{base}.{a.name}" for a in node.names)
        graph[module] = {d for d in deps if d.startswith(name + ".") or d == name}
    return {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(m: str) -> None:
        index[m] = low[m] = len(index)
        stack.append(m)
        for d in graph[m]:
            if d not in index:
                visit(d)
                low[m] = min(low[m], low[d])
            elif d in stack:
                low[m] = min(low[m], index[d])
        if low[m] == index[m]:
            comp = []
            while True:
                top = stack.pop()
                comp.append(top)
                if top == m:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for m in sorted(graph):
        if m not in index:
            visit(m)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("part", ["core", "commands", "seed"])
def test_no_import_cycles(part: str) -> None:
    """No two modules import each other, even lazily or for type checking only
    (a package's `__init__` importing its own modules is not a cycle)."""
    graph = _package_imports(ROOT / "i2ptunnel_gui", "i2ptunnel_gui")
    assert graph, "no modules found"
    pkg = f"i2ptunnel_gui.{part}"
    sub = {m: {d for d in deps if d.startswith(pkg)} for m, deps in graph.items()
           if m.startswith(pkg)}
    assert _cycles(sub) == []
