"""The translations build: hatch_build.py compiles resources/i18n/*.ts, a wheel built from
a fresh tree (no .qm in it) carries the compiled catalogues, a broken one stops the build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from translation_files import I18N, PLURAL_FORMS, ROOT, build_hook

LANGUAGES = sorted(PLURAL_FORMS)  # de, en, ru


def loaded(qm: Path) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(qm)), f"{qm} does not load"
    return translator


def test_hook_compiles_every_catalogue(tmp_path: Path) -> None:
    built = build_hook().compile_catalogues(I18N, tmp_path)
    assert sorted(p.name for p in built) == [f"i2ptunnel_gui_{lang}.qm" for lang in LANGUAGES]
    assert loaded(tmp_path / "i2ptunnel_gui_de.qm").translate("MainWindow", "Start") == "Starten"
    assert loaded(tmp_path / "i2ptunnel_gui_ru.qm").translate(
        "MainWindow", "%n open connection(s)", "", 3) == "%n открытых подключения"  # few


def test_a_broken_catalogue_stops_the_build(tmp_path: Path) -> None:
    hook = build_hook()
    (tmp_path / "i2ptunnel_gui_xx.ts").write_text("<TS><context><name>X</name>", "utf-8")
    with pytest.raises(hook.TranslationBuildError, match=r"i2ptunnel_gui_xx\.ts"):
        hook.compile_catalogues(tmp_path, tmp_path / "out")
    with pytest.raises(hook.TranslationBuildError, match=r"no \.ts catalogues"):
        hook.compile_catalogues(tmp_path / "empty", tmp_path / "out")


def test_wheel_from_a_fresh_tree_carries_the_translations(tmp_path: Path) -> None:
    """As from a clone: the .qm files are not in the tree; the build makes and ships them."""
    tree = tmp_path / "tree"
    for part in ("i2ptunnel_gui", "resources"):
        shutil.copytree(ROOT / part, tree / part,
                        ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    for name in ("pyproject.toml", "README.md", "hatch_build.py", ".gitignore"):  # *.qm ignored
        shutil.copy2(ROOT / name, tree / name)
    assert not list(tree.rglob("*.qm"))
    proc = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "out")],
        cwd=tree, capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, f"wheel build failed:\n{proc.stdout}{proc.stderr}"
    (wheel,) = (tmp_path / "out").glob("i2ptunnel_gui-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    for lang in LANGUAGES:
        qm = site / "i2ptunnel_gui" / "resources" / "i18n" / f"i2ptunnel_gui_{lang}.qm"
        assert qm.is_file(), f"{wheel.name} lacks {qm.name}"
    german = loaded(site / "i2ptunnel_gui/resources/i18n/i2ptunnel_gui_de.qm")
    assert german.translate("TunnelState", "Running") == "Läuft"
