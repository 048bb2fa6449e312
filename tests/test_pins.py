"""The PySide6 pin (docs/DECISIONS.md 1.2).

PySide6 6.12.0 on CPython < 3.12 drops a reference to None/True on every void Qt call or
signal emit; a few thousand later the interpreter aborts (`Fatal Python error:
none_dealloc`). 3.12+ made None immortal, so there the pin can be looser.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
BAD = Version("6.12.0")
GOOD = Version("6.11.3")
QT_DISTS = {"pyside6", "pyside6-essentials", "pyside6-addons"}


def qt_requirements() -> list[Requirement]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        deps = tomllib.load(f)["project"]["dependencies"]
    reqs = [Requirement(d) for d in deps]
    return [r for r in reqs if r.name.lower() in QT_DISTS]


def applicable(python: str) -> list[Requirement]:
    env = {"python_version": python, "python_full_version": f"{python}.0"}
    return [r for r in qt_requirements() if r.marker is None or r.marker.evaluate(env)]


@pytest.mark.parametrize("python", ["3.11"])
def test_pin_excludes_612_on_old_python(python: str) -> None:
    reqs = applicable(python)
    assert [r.name for r in reqs] == ["PySide6-Essentials"], (
        f"expected exactly one PySide6-Essentials requirement for Python {python}, got {reqs}"
    )
    spec = reqs[0].specifier
    assert not spec.contains(BAD), f"{reqs[0]} allows {BAD}, which aborts on Python {python}"
    assert not spec.contains(Version("6.12.5")), f"{reqs[0]} allows 6.12.x"
    assert spec.contains(GOOD), f"{reqs[0]} excludes the known-good {GOOD}"


def test_pin_allows_newer_qt_on_immune_python() -> None:
    reqs = applicable("3.12")
    assert len(reqs) == 1, f"expected one PySide6 requirement for Python 3.12, got {reqs}"
    assert reqs[0].specifier.contains(BAD), "3.12+ is immune; do not hold it back"


def test_installed_pyside6_is_not_612_on_old_python() -> None:
    installed = Version(version("PySide6-Essentials"))
    if sys.version_info >= (3, 12):
        pytest.skip(f"Python {sys.version_info[:2]} is immune to the 6.12 refcount bug")
    assert (installed.major, installed.minor) != (6, 12), (
        f"PySide6-Essentials {installed} is installed on Python "
        f"{sys.version.split()[0]}: it corrupts refcounts and aborts; install <6.12"
    )
    assert Version(version("shiboken6")) == installed, "shiboken6 must match PySide6"


_STRESS = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QObject, Signal

    class Pinger(QObject):
        ping = Signal()

    seen = []
    obj = Pinger()
    obj.ping.connect(lambda: seen.append(1))
    before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(20_000):
        obj.ping.emit()
        obj.setObjectName("x")  # a void Qt call
        obj.blockSignals(False)
    after = sys.getrefcount(None), sys.getrefcount(True)
    print(len(seen), *before, *after)
    """
)


@pytest.mark.slow
def test_signal_emits_keep_none_refcount() -> None:
    """20k emits + void calls: with the bug None's refcount falls by ~20k (or we abort)."""
    proc = subprocess.run(
        [sys.executable, "-c", _STRESS],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, f"interpreter died (exit {proc.returncode}):\n{proc.stderr}"
    emitted, none0, true0, none1, true1 = map(int, proc.stdout.split())
    assert emitted == 20_000
    if sys.version_info >= (3, 12):
        return  # immortal objects: refcounts are meaningless, surviving is the test
    assert none1 >= none0 - 100, f"None refcount fell {none0} -> {none1}"
    assert true1 >= true0 - 100, f"True refcount fell {true0} -> {true1}"
