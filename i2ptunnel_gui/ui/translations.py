"""The UI language: chosen from the preference or the system locale, installed at start.

    language = translations.install(app, settings.language)   # before any widget exists

Catalogues are resources/i18n/i2ptunnel_gui_<lang>.qm, compiled from the .ts sources by
the build (hatch_build.py) and found through `shipped_files` like the icons. English is
the source language; its catalogue holds only the plural forms ("%n tunnel(s)" ->
"1 tunnel", "2 tunnels"). Qt's own `qtbase_<lang>.qm` translates the standard dialog
buttons. Widgets take their texts when they are built, so a new choice applies at the
next start (the preference says so). Numbers follow the texts' language too (the
default QLocale, `_set_number_locale`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from i2ptunnel_gui import shipped_files

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
# language code -> its name in that language (what the preference lists)
LANGUAGES = {"en": "English", "de": "Deutsch", "ru": "Русский"}
SYSTEM_DEFAULT = ""  # the preference's value for "follow the system locale"
CATALOGUE_PREFIX = "i2ptunnel_gui_"

# translators installed by install(), kept alive here (Qt does not own them)
_installed: list[QTranslator] = []


def catalogue_dir() -> Path:
    """The folder holding the compiled catalogues (it may lack them in a bare checkout)."""
    folder = shipped_files.root().joinpath("i18n")
    if not isinstance(folder, Path):
        raise FileNotFoundError(f"translations are inside an archive, not on disk: {folder}")
    return folder


def choose(preference: str, system: QLocale | None = None) -> str:
    """The language to show: the preference if it is one we have, else the first of the
    system's UI languages that we have, else English."""
    if preference in LANGUAGES:
        return preference
    if preference != SYSTEM_DEFAULT:
        logger.warning("unknown language preference %r; following the system", preference)
    locale = QLocale.system() if system is None else system
    for name in locale.uiLanguages():  # e.g. ["de-AT", "de", "en-US"], best first
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def install(app: QCoreApplication, preference: str = SYSTEM_DEFAULT, *,
            directory: Path | None = None, system: QLocale | None = None) -> str:
    """Install the chosen language's catalogues on `app`, replacing earlier ones.

    Returns the language in use. A missing catalogue is logged and the texts stay
    English: a broken install must not keep the app from starting.
    """
    language = choose(preference, system)
    _set_number_locale(language, QLocale.system() if system is None else system)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    try:
        folder = catalogue_dir() if directory is None else directory
    except FileNotFoundError as e:
        logger.warning("no translations: %s; texts stay English", e)
        return SOURCE_LANGUAGE
    if not _load(app, f"{CATALOGUE_PREFIX}{language}", folder):
        return SOURCE_LANGUAGE  # and Qt's own texts stay English with ours
    if language != SOURCE_LANGUAGE:  # Qt's own texts (dialog buttons, file dialogs)
        _load(app, f"qtbase_{language}",
              Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    return language


def _set_number_locale(language: str, system: QLocale) -> None:
    """Numbers (ui/format.py) written as in the texts' language: the system's own
    locale when it speaks it (keeps a region's ways, de_CH's decimal point), else the
    language's ("1,5 MiB" in German on an English system)."""
    speaks = system.name().split("_")[0] == language
    QLocale.setDefault(system if speaks else QLocale(language))


def _load(app: QCoreApplication, name: str, folder: Path) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, str(folder)):
        logger.warning("translation %s.qm not found in %s; texts stay English", name, folder)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
