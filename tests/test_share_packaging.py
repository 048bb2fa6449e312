"""The share card's desktop integration: the URL scheme and card file type are registered
with the names the code uses, and the files pass the freedesktop tools."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from i2ptunnel_gui import APP_ID
from i2ptunnel_gui.core.share_card import FILE_SUFFIX, MIME_TYPE, SCHEME, ServiceKind, ShareCard

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"
HANDLER = PACKAGING / f"{APP_ID}.OpenCard.desktop"
MIME_XML = PACKAGING / f"{APP_ID}.mime.xml"
FLATPAK = PACKAGING / f"{APP_ID}.yml"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def entry() -> dict[str, str]:
    lines = HANDLER.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_handler_opens_the_scheme_and_the_file_type() -> None:
    e = entry()
    assert e["Exec"] == "i2ptunnel-gui open %u"  # one card (a link, file URL or path)
    assert e["MimeType"].split(";")[:2] == [f"x-scheme-handler/{SCHEME}", MIME_TYPE]
    assert e["NoDisplay"] == "true"  # the menu keeps one launcher: the app's own
    assert e["Icon"] == APP_ID


def test_handler_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    assert tool, "desktop-file-validate missing (apt-get install desktop-file-utils)"
    p = subprocess.run([tool, str(HANDLER)], capture_output=True, text=True, timeout=30)
    assert p.returncode == 0 and not p.stdout.strip(), p.stdout + p.stderr


def test_mime_type_glob_and_magic_match_the_card(tmp_path: Path) -> None:
    root = ET.parse(MIME_XML).getroot()
    kind = root.find("m:mime-type", NS)
    assert kind is not None and kind.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in kind.findall("m:glob", NS)] == ["*" + FILE_SUFFIX]
    magic = kind.find("m:magic/m:match", NS)
    card = ShareCard("a" * 51 + "q", ServiceKind.WEB, 8080, "x")
    assert magic is not None and card.file_text().startswith(magic.get("value", "?"))
    tool = shutil.which("update-mime-database")
    assert tool, "update-mime-database missing (apt-get install shared-mime-info)"
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME_XML, tmp_path / "packages" / f"{APP_ID}.xml")
    p = subprocess.run([tool, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "rror" not in p.stderr and "nvalid" not in p.stderr, p.stderr
    assert (tmp_path / f"{MIME_TYPE}.xml").is_file()


def test_flatpak_installs_both() -> None:
    text = FLATPAK.read_text(encoding="utf-8")
    assert "packaging/${FLATPAK_ID}.OpenCard.desktop" in text
    assert "share/mime/packages/${FLATPAK_ID}.xml" in text
