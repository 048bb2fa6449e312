"""Compile the UI translations: resources/i18n/*.ts (Qt Linguist sources) -> *.qm.

One place compiles them, for every way the app is installed:
- the wheel build runs this file as a hatch build hook (pyproject.toml); the .qm files
  land beside their sources and the wheel's `resources` force-include carries them;
- an editable install and `scripts/setup.sh run|test` (`python hatch_build.py`) compile
  into the same folder, which is where a source checkout's app looks (shipped_files).
The .qm files are build output (.gitignore), never committed.

lrelease ships with PySide6 (build-system requires it); nothing is imported from Qt here.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "resources" / "i18n"
LRELEASE_TIMEOUT = 60.0


class TranslationBuildError(RuntimeError):
    """lrelease is missing or refused a catalogue."""


def lrelease() -> list[str]:
    """The command that compiles .ts files: PySide6's lrelease, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        binary = Path(folder) / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if binary.is_file():
            return [str(binary)]
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(beside) if beside.is_file() else shutil.which("pyside6-lrelease")
    if found:
        return [found]
    raise TranslationBuildError(
        "cannot compile the translations: lrelease not found "
        "(install PySide6-Essentials in this environment)")


def compile_catalogues(sources: Path = SOURCES, out: Path | None = None) -> list[Path]:
    """Compile every sources/*.ts into out/*.qm (out defaults to sources); the .qm paths."""
    out = sources if out is None else out
    out.mkdir(parents=True, exist_ok=True)
    catalogues = sorted(sources.glob("*.ts"))
    if not catalogues:
        raise TranslationBuildError(f"no .ts catalogues in {sources}")
    command = lrelease()
    built = []
    for ts in catalogues:
        qm = out / f"{ts.stem}.qm"
        proc = subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)],
                              capture_output=True, text=True, timeout=LRELEASE_TIMEOUT,
                              check=False)
        if proc.returncode != 0 or not qm.is_file():
            raise TranslationBuildError(
                f"lrelease failed on {ts.name} (exit {proc.returncode}): "
                f"{(proc.stderr or proc.stdout).strip()}")
        built.append(qm)
    return built


try:  # only the build has hatchling; setup.sh and the tests call compile_catalogues()
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # pragma: no cover - plain `python hatch_build.py`
    BuildHookInterface = object  # type: ignore[assignment,misc]


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[misc,valid-type]
    PLUGIN_NAME = "translations"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_catalogues(Path(self.root) / "resources" / "i18n")


if __name__ == "__main__":
    try:
        for path in compile_catalogues():
            sys.stdout.write(f"compiled {path.relative_to(ROOT)}\n")
    except TranslationBuildError as e:
        sys.stderr.write(f"hatch_build.py: {e}\n")
        sys.exit(1)
