"""Translations: nothing in ui/ escapes the translators, the catalogues are complete and
current, the language follows the preference or the system, plurals read right."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from translation_files import (
    I18N,
    PLURAL_FORMS,
    ROOT,
    TRANSLATED,
    UI,
    forms,
    marks,
    read_ts,
    ts_path,
)
from untranslated import base_classes, messages, problems

from i2ptunnel_gui.ui import translations


def ui_sources() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(UI.glob("*.py"))}


def code_messages() -> set[tuple[str, str, bool]]:
    return set().union(*(messages(s) for s in ui_sources().values()))


# ---- the scan ---------------------------------------------------------------------------


def test_every_ui_text_is_translatable() -> None:
    sources = ui_sources()
    bases = base_classes(list(sources.values()))
    found = [f"ui/{name} {p}" for name, source in sources.items()
             for p in problems(source, base_classes=bases)]
    assert not found, "texts the translators never see:\n" + "\n".join(found)


@pytest.mark.parametrize(("planted", "caught"), [
    ('label.setText("Hello")', "untranslated text in setText"),
    ('w.setToolTip(f"{n} tunnels")', "untranslated text in setToolTip"),
    ('edit.setPlaceholderText("e.g. " + example)', "untranslated text in setPlaceholderText"),
    ('x.setText("line {0}".format(n))', "untranslated text in setText"),
    ('w.setText(self.tr("on") if on else "off")', "untranslated text in setText"),
    ('named(QLabel("Name"), "name")', "untranslated text in QLabel"),
    ('QCheckBox(text="Start at login")', "untranslated text in QCheckBox"),
    ('QMessageBox.warning(self, "Oops", self.tr("Failed"))', "untranslated text in warning"),
    ('QMessageBox(QMessageBox.Icon.Warning, self.tr("T"), f"{e} failed")',
     "untranslated text in QMessageBox"),
    ('menu.addAction(icon, "Quit")', "untranslated text in addAction"),
    ('table.setHorizontalHeaderLabels(["Name", self.tr("Kind")])',
     "untranslated text in setHorizontalHeaderLabels"),
    ('combo.addItem("Persistent", KeyMode.PERSISTENT)', "untranslated text in addItem"),
    ('combo.addItem(icon, "Client", kind)', "untranslated text in addItem"),
    ('combo.insertItem(0, "Client", "client")', "untranslated text in insertItem"),
    ('form.addRow("Target", field)', "untranslated text in addRow"),
    ('tabs.addTab(page, "General")', "untranslated text in addTab"),
    ('self.statusBar().showMessage("Saved", 3000)', "untranslated text in showMessage"),
    ('w.setAccessibleName("Tunnel list")', "untranslated text in setAccessibleName"),
    ('OptionalNumber("lifetime", "Unlimited")', "untranslated text in OptionalNumber"),
    ('self._line("name", "e.g. My site")', "untranslated text in _line"),
    ('self._action("start", "Start", "start", self.start)', "untranslated text in _action"),
    ('await confirm(self, self.tr("Delete?"), f"{n} tunnels", object_name="x")',
     "untranslated text in confirm"),
    ('window.show_error("Import failed")', "untranslated text in show_error"),
    ('tr("Hello")', "bare tr()"),
    ('X = QT_TR_NOOP("Hello")', "QT_TR_NOOP"),
    ('_tr = QCoreApplication.translate\n_tr("App", "Hello")', "alias lupdate cannot read"),
    ('QCoreApplication.translate("C", "%n tunnel(s)", "", n)', "plural through translate"),
    ('QCoreApplication.translate(CONTEXT, "Hello")', "literal context"),
])
def test_the_scan_catches_a_planted_offender(planted: str, caught: str) -> None:
    found = problems(planted)
    assert any(caught in p.what for p in found), f"{planted!r} not caught: {found}"


def test_the_scan_passes_translated_and_wordless_texts() -> None:
    clean = """
class Panel(QWidget):
    def build(self, n, a, b, url, spec):
        self.label.setText(self.tr("Hello"))
        self.count.setText(self.tr("%n tunnel(s)", "", n))
        self.rate.setText(f"{a} / {b}")
        self.share.setText(self.tr("{0} of {1}").format(a, b))
        self.site.setText(f'<a href="{url}">{url}</a>')
        self.host.setPlaceholderText("127.0.0.1")
        self.title.setText(spec.name)
        QLabel(QCoreApplication.translate("Panel", "Log"))
        combo.addItem(self.tr("Any"), f"{a}-{b}")
        combo.addItem(self.tr("the share card"), "card")
        combo.addItem(icon, QCoreApplication.translate("Panel", "Client"), "client")
"""
    assert problems(clean) == []


def test_self_tr_in_a_base_class_is_caught() -> None:
    source = ("class Form(QDialog):\n    def build(self):\n        self.tr('Name')\n"
              "class Editor(Form):\n    def more(self):\n        self.tr('Save')\n")
    assert base_classes([source]) == {"Form"}
    found = problems(source, base_classes=frozenset({"Form"}))
    assert [p.line for p in found] == [3], found  # Editor, a leaf, may use self.tr()


# ---- the catalogues ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", [*TRANSLATED, "en"])
def test_catalogue_is_finished(lang: str) -> None:
    catalogue = read_ts(ts_path(lang))
    assert catalogue, f"{ts_path(lang)} is empty"
    wrong = []
    for (context, source), message in catalogue.items():
        state = message.find("translation").get("type")  # type: ignore[union-attr]
        texts = forms(message)
        if state is not None:
            wrong.append(f"{context}: {source!r} is {state}")
        elif message.get("numerus") == "yes" and len(texts) != PLURAL_FORMS[lang]:
            wrong.append(f"{context}: {source!r} has {len(texts)} plural forms, "
                         f"{lang} needs {PLURAL_FORMS[lang]}")
        for text in texts:
            # a plural form may say the number in words ("Restarted once"), not as %n
            want = [m for m in marks(source) if m != "%n" or "%n" in text]
            if not text.strip() or marks(text) != want:
                wrong.append(f"{context}: {source!r} -> {text!r} (empty, or placeholders "
                             "lost)")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogue_holds_exactly_the_codes_texts(lang: str) -> None:
    """Every text ui/ asks for is in the catalogue, and nothing the code no longer has."""
    have = {(c, s, m.get("numerus") == "yes") for (c, s), m in read_ts(ts_path(lang)).items()}
    want = code_messages()
    assert not want - have, f"run scripts/update-translations.sh: missing {want - have}"
    assert not have - want, f"run scripts/update-translations.sh: stale {have - want}"


def test_english_catalogue_holds_the_plural_forms() -> None:
    have = {(c, s) for (c, s), m in read_ts(ts_path("en")).items()}
    assert have == {(c, s) for c, s, plural in code_messages() if plural}


def test_update_script_keeps_translations_and_finds_nothing_new(tmp_path: Path) -> None:
    """Re-run on the unchanged code (a copy): the same messages, every translation kept."""
    for part in ("i2ptunnel_gui", "scripts", "resources/i18n"):
        shutil.copytree(ROOT / part, tmp_path / part,
                        ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    proc = subprocess.run(
        [str(tmp_path / "scripts" / "update-translations.sh")],
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable},
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    for lang in (*TRANSLATED, "en"):
        before, after = read_ts(ts_path(lang)), read_ts(tmp_path / "resources/i18n" /
                                                     ts_path(lang).name)
        assert after.keys() == before.keys(), f"{lang}: lupdate sees other texts than the .ts"
        changed = [k for k in before if forms(before[k]) != forms(after[k])]
        assert not changed, f"{lang}: translations changed by a re-run: {changed}"


# ---- choosing and installing ---------------------------------------------------------------


@pytest.fixture
def restore_english(qapp: QApplication, catalogues: Path):
    yield
    translations.install(qapp, "en", directory=catalogues)


@pytest.mark.parametrize(("preference", "system", "chosen"), [
    ("de", "ru_RU", "de"),  # the preference wins
    ("", "ru_RU", "ru"),
    ("", "de_AT", "de"),  # a regional variant finds its language
    ("", "fr_FR", "en"),  # a language we lack: the source language
    ("xx", "de_CH", "de"),  # an unknown preference (an edited file): the system's
])
def test_language_follows_preference_then_system(preference: str, system: str,
                                                 chosen: str) -> None:
    assert translations.choose(preference, QLocale(system)) == chosen


def test_every_offered_language_has_a_catalogue() -> None:
    assert {p.stem.removeprefix(translations.CATALOGUE_PREFIX)
            for p in I18N.glob("*.ts")} == set(translations.LANGUAGES)


def test_install_switches_catalogues_and_qt_dialog_buttons(
        qapp: QApplication, catalogues: Path, restore_english: None) -> None:
    assert translations.install(qapp, "ru", directory=catalogues) == "ru"
    assert QCoreApplication.translate("MainWindow", "Start") == "Запустить"
    assert translations.install(qapp, "de", directory=catalogues) == "de"  # replaces ru
    assert QCoreApplication.translate("MainWindow", "Start") == "Starten"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own catalogue
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_a_missing_catalogue_leaves_english(qapp: QApplication, tmp_path: Path,
                                            restore_english: None,
                                            caplog: pytest.LogCaptureFixture) -> None:
    assert translations.install(qapp, "de", directory=tmp_path) == "en"
    assert QCoreApplication.translate("MainWindow", "Start") == "Start"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # not half German
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert "i2ptunnel_gui_de.qm not found" in caplog.text


def test_no_resources_folder_leaves_english(qapp: QApplication, restore_english: None,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Path:
        raise FileNotFoundError("no resources directory (broken install?)")

    monkeypatch.setattr(translations.shipped_files, "root", broken)
    assert translations.install(qapp, "ru") == "en"  # starts, in English
    assert QCoreApplication.translate("MainWindow", "Start") == "Start"


@pytest.mark.parametrize(("lang", "counts"), [
    ("en", {1: "1 open connection", 3: "3 open connections", 21: "21 open connections"}),
    ("de", {1: "1 offene Verbindung", 5: "5 offene Verbindungen"}),
    ("ru", {1: "1 открытое подключение", 3: "3 открытых подключения",
            5: "5 открытых подключений", 21: "21 открытое подключение",
            12: "12 открытых подключений", 24: "24 открытых подключения"}),
])
def test_plural_forms(qapp: QApplication, catalogues: Path, restore_english: None,
                      lang: str, counts: dict[int, str]) -> None:
    translations.install(qapp, lang, directory=catalogues)
    for n, text in counts.items():
        assert QCoreApplication.translate("MainWindow", "%n open connection(s)", "", n) == text


def test_app_run_installs_the_saved_language(qapp: QApplication, catalogues: Path,
                                             restore_english: None, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """app.run() reads the preference before building anything (stopped at the engine)."""
    from i2ptunnel_gui.commands.cli import build_parser
    from i2ptunnel_gui.core.errors import TunnelError
    from i2ptunnel_gui.settings import Settings
    from i2ptunnel_gui.ui import app as app_module

    settings = Settings.open(tmp_path / "app.ini")
    settings.language = "ru"
    settings.sync()
    monkeypatch.setattr(translations, "catalogue_dir", lambda: catalogues)

    def no_engine(_settings: Settings):
        raise TunnelError("stop here")

    args = build_parser().parse_args(["--settings", str(tmp_path / "app.ini")])
    assert app_module.run(args, engine_factory=no_engine) == 1
    assert QCoreApplication.translate("MainWindow", "Start") == "Запустить"
