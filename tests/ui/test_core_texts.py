"""The engine's messages reach the window in the UI's language (ui/core_texts.py), and
the catalogue of core/'s templates (ui/core_catalogue.py) stays current."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from translation_files import ROOT, read_ts, ts_path

from i2ptunnel_gui.core.errors import ListenError
from i2ptunnel_gui.core.listen import open_listener
from i2ptunnel_gui.core.sam.errors import error_for_result
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.core.text import Text
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel

Install = Callable[..., str]  # the `language` fixture (conftest.py)


def core_templates() -> list[tuple[str, str]]:
    """(template, file) of every Text("...") in core/, as scripts/core_catalogue.py sees them."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import core_catalogue
    finally:
        sys.path.pop(0)
    return core_catalogue.templates()


def test_the_catalogue_of_core_templates_is_current() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "core_catalogue.py"),
                           "--check"], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr


def test_every_core_template_is_in_the_catalogues() -> None:
    found = {t for t, _ in core_templates()}
    assert len(found) > 60  # the scan sees core/'s Text("...") calls
    for lang in ("de", "ru"):
        assert found <= {s for c, s in read_ts(ts_path(lang)) if c == "Core"}, lang


def test_a_listen_error_in_german_and_russian(language: Install) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        with pytest.raises(ListenError) as caught:
            open_listener("127.0.0.1", port)
    assert str(caught.value).endswith("address already in use (another program listens on "
                                      "this port)")  # the CLI and logs: English
    language("de")
    assert shown(caught.value) == (f"kann nicht auf 127.0.0.1:{port} lauschen: Adresse schon "
                                   "belegt (ein anderes Programm lauscht auf diesem Port)")
    language("ru")
    assert shown(caught.value) == (f"не удаётся слушать на 127.0.0.1:{port}: адрес уже занят "
                                   "(этот порт слушает другая программа)")


def test_nested_texts_are_translated_and_router_words_kept(language: Install) -> None:
    e = error_for_result("CANT_REACH_PEER", "Host unreachable", context="STREAM CONNECT")
    language("de")
    assert shown(e) == "STREAM CONNECT: Gegenstelle nicht erreichbar (Host unreachable)"
    # a float's decimals as the language writes them; whole numbers as they are
    assert shown(Text("no echo within {seconds:g} s", seconds=2.5)) == \
        "kein Echo innerhalb von 2,5 s"
    assert shown(Text("no echo within {seconds:g} s", seconds=10.0)) == \
        "kein Echo innerhalb von 10 s"
    assert shown(Text("listening on {address}", address="127.0.0.1:80")) == \
        "lauscht auf 127.0.0.1:80"  # a dotted string parameter stays as it is


def test_what_is_not_a_text_is_shown_as_it_came(language: Install) -> None:
    language("de")
    assert shown("SESSION STATUS RESULT=I2P_ERROR") == "SESSION STATUS RESULT=I2P_ERROR"
    assert shown(OSError(111, "Connection refused")) == "[Errno 111] Connection refused"


def test_a_translation_that_lost_a_field_falls_back_to_english(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(QCoreApplication, "translate",
                        staticmethod(lambda context, text, *a: "kaputt {anders}"))
    assert shown(Text("listening on {address}", address="127.0.0.1:80")) == \
        "listening on 127.0.0.1:80"
    assert "does not fit its fields" in caplog.text


def test_the_tunnel_table_shows_the_state_message_translated(language: Install) -> None:
    spec = TunnelSpec(name="web", kind=TunnelKind.FORWARD, listen_port=8080, target_port=80)
    model = TunnelTableModel()
    model.add_spec(spec)
    language("ru")
    model.set_state(spec.id, TunnelState.RUNNING,
                    Text("listening on {address}", address="127.0.0.1:8080"))
    tip = model.index(0, model.COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "слушает на 127.0.0.1:8080"


@pytest.mark.parametrize(("lang", "widget", "bad", "field", "text"), [
    ("de", "name", "", "name", "der Name ist leer"),
    ("ru", "listen_port", "70000", "listen_port",
     "порт должен быть целым числом от 1 до 65535"),
    ("de", "listen_host", "bad_host!", "listen_host",
     "'bad_host!' ist kein gültiger Hostname und keine gültige IP-Adresse"),
])
def test_the_editor_shows_field_checks_in_the_ui_language(
        qtbot, language: Install, lang: str, widget: str, bad: str, field: str,
        text: str) -> None:
    from editor_driver import fill_good, make, type_into, w
    from PySide6.QtWidgets import QLabel

    language(lang)
    dlg = make(qtbot, kind=TunnelKind.FORWARD)
    fill_good(qtbot, dlg, TunnelKind.FORWARD)
    type_into(qtbot, dlg, widget, bad)
    error = w(dlg, f"{field}_error", QLabel)
    assert error.isVisible() and error.text() == text


def test_an_access_list_with_bad_lines_is_explained_line_by_line(language: Install) -> None:
    from i2ptunnel_gui.core.policy.access import AccessMode, check_access

    problems = check_access(AccessMode.ALLOW, ("nope.b32.i2p", "bad name.i2p"))
    language("de")
    assert [shown(p) for p in problems] == [
        "Zeile 1: 'nope.b32.i2p' ist keine b32-Adresse (52 Buchstaben a-z und Ziffern 2-7)",
        "Zeile 2: 'bad name.i2p' ist kein gültiger .i2p-Hostname",
    ]


def test_the_save_hint_names_fields_in_the_ui_language(qtbot, language: Install) -> None:
    from editor_driver import make, w
    from PySide6.QtWidgets import QLabel

    language("de")
    dlg = make(qtbot, kind=TunnelKind.CLIENT)
    assert w(dlg, "save_hint", QLabel).text() == "Noch nötig: Name, Lauschport, Ziel"


def test_router_messages_in_the_ui_language(language: Install) -> None:
    from i2ptunnel_gui.core.router.config import ManagedOptions
    from i2ptunnel_gui.core.router.errors import RouterNotFound
    from i2ptunnel_gui.core.router.process import find_i2pd

    with pytest.raises(RouterNotFound) as caught:
        find_i2pd("/nonexistent/i2pd")
    problems = ManagedOptions(sam_port=0, share_percent=120).problems()
    language("de")
    assert shown(caught.value).startswith(
        "i2pd nicht gefunden unter /nonexistent/i2pd (keine ausführbare Datei): installieren")
    language("ru")
    assert [shown(p) for p in problems] == ["порт SAM 0 вне диапазона от 1 до 65535",
                                            "доля 120 % вне диапазона от 0 до 100"]


def test_a_sam_probe_of_something_else_says_so_in_the_ui_language(language: Install) -> None:
    import asyncio
    import threading

    from i2ptunnel_gui.core.sam.probe import probe_sam

    with socket.create_server(("127.0.0.1", 0)) as web:
        def answer() -> None:
            conn, _ = web.accept()
            with conn:
                conn.recv(100)
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")

        threading.Thread(target=answer, daemon=True).start()
        address = f"127.0.0.1:{web.getsockname()[1]}"
        status = asyncio.run(probe_sam(address, timeout=5))
    language("de")
    assert not status.reachable
    assert shown(status.message) == (f"{address} spricht kein SAM (not a SAM reply: "
                                     "'HTTP/1.1 400 Bad Request')")


def test_every_core_template_fills_in_every_language(
        language: Install, caplog: pytest.LogCaptureFixture) -> None:
    """Each template and its de/ru translations fill with its own fields: shown() never
    falls back, and no field is left unfilled."""
    from string import Formatter

    for lang in ("en", "de", "ru"):
        language(lang)
        for template, where in core_templates():
            names = {n for _, n, _, _ in Formatter().parse(template) if n is not None}
            text = shown(Text(template, **{n: 7 for n in names}))
            assert "{" not in text and text.strip(), (lang, where, template)
    assert "does not fit its fields" not in caplog.text


def test_share_card_and_key_file_problems_in_the_ui_language(
        language: Install, tmp_path: Path) -> None:
    from i2ptunnel_gui.core.keystore import KeyStore, KeyStoreError
    from i2ptunnel_gui.core.share_card import CardError, decode_card
    from i2ptunnel_gui.ui.open_card_dialog import card_error_text

    with pytest.raises(CardError) as card:
        decode_card("")
    key = tmp_path / "k.dat"
    key.write_bytes(b"short")
    key.chmod(0o600)
    with pytest.raises(KeyStoreError) as stored:
        KeyStore(tmp_path).load(key)
    language("de")
    assert card_error_text(card.value) == "Keine verwendbare Freigabekarte: die Karte ist leer"
    assert shown(stored.value).startswith(  # then the key parser's own words
        f"Schlüsseldatei {key} ist kein privater I2P-Schlüssel: ")
