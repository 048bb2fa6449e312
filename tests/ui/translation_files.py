"""The translation sources and their build step, as the tests see them."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
UI = ROOT / "i2ptunnel_gui" / "ui"
# plural forms per language (Qt's numerus rules): English/German one|other, Russian
# one|few|many
PLURAL_FORMS = {"en": 2, "de": 2, "ru": 3}
TRANSLATED = ("de", "ru")  # every text; English only has the plural forms
_MARKS = re.compile(r"\{[^}]*\}|%n|</?\w+>|<br>|\n")


def build_hook() -> ModuleType:
    """hatch_build.py, loaded from the checkout (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compile_catalogues(out: Path) -> Path:
    build_hook().compile_catalogues(I18N, out)
    return out


def ts_path(lang: str) -> Path:
    return I18N / f"i2ptunnel_gui_{lang}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> its <message>."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def forms(message: ET.Element) -> list[str]:
    """The translation: one text, or every plural form."""
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.findall("numerusform")]
    return [translation.text or ""]


def marks(text: str) -> list[str]:
    """Placeholders, %n, markup and line breaks: a translation keeps every one."""
    return sorted(_MARKS.findall(text))
