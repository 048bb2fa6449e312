"""`i2ptunnel-gui open CARD`: a bad card is one line and exit 2 with nothing created (and
no Qt loaded); a good one opens the confirmation in a new app, or is handed to the
running instance, which shows it."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from nethelpers import free_port
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from i2ptunnel_gui.commands.cli import build_parser
from i2ptunnel_gui.commands.open_card import run as open_card_run
from i2ptunnel_gui.core.share_card import ServiceKind, ShareCard
from i2ptunnel_gui.core.spec import TunnelKind
from i2ptunnel_gui.settings import Settings


def b32_of(seed: bytes) -> str:
    return base64.b32encode(hashlib.sha256(seed).digest()).decode().lower().rstrip("=")


CARD_A = ShareCard(b32_of(b"a"), ServiceKind.WEB, free_port(), "Site A")
CARD_B = ShareCard(b32_of(b"b"), ServiceKind.SSH, free_port(), "Shell B")


def open_in_child(settings: Path, card: str) -> subprocess.CompletedProcess[str]:
    """The command in a fresh interpreter; prints whether Qt got loaded."""
    code = ("import sys\nfrom i2ptunnel_gui.commands.cli import main\n"
            f"rc = main(['--settings', {str(settings)!r}, 'open', {card!r}])\n"
            "print('PySide6' in sys.modules)\nsys.exit(rc)\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=30)


@pytest.mark.parametrize(("card", "words"), [
    (CARD_A.link().replace("kind=web", "kind=gopher"), "kind: unknown service kind"),
    (CARD_A.link().replace("v=1", "v=7"), "v: card version 7"),
    (CARD_A.link().replace(CARD_A.b32, CARD_A.b32[:40]), "b32: 40 characters"),
    (CARD_A.link().replace(f"port={CARD_A.port}", "port=65536"), "port: 65536 is out of range"),
    ("http://example.i2p/", "no such file"),
    ("/nonexistent/card.i2pcard", "No such file"),
])
def test_a_bad_card_is_one_line_exit_2_and_nothing_created(tmp_path, card, words) -> None:
    settings = tmp_path / "s.ini"
    p = open_in_child(settings, card)
    assert p.returncode == 2, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("i2ptunnel-gui: not a usable share card")
    assert words.lower() in lines[0].lower()
    assert p.stdout.strip() == "False"  # refused before any Qt (or engine) started
    assert not settings.exists()  # nothing created, not even the settings file


def test_the_parser_takes_one_card() -> None:
    args = build_parser().parse_args(["open", CARD_A.link()])
    assert (args.command, args.card) == ("open", CARD_A.link())


def _window():
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "main_window":
            return w
    return None


def test_open_starts_the_app_then_a_second_open_hands_its_card_over(qapp, tmp_path) -> None:
    path = tmp_path / "app.ini"
    s = Settings.open(path)
    s.sam_address = f"127.0.0.1:{free_port()}"  # nobody there: nothing is started anyway
    s.sync()
    card_file = tmp_path / "b.i2pcard"
    card_file.write_text(CARD_B.file_text(), encoding="utf-8")
    second: dict[str, object] = {}
    seen: list[ShareCard] = []
    deadline = time.monotonic() + 30

    def second_launch() -> None:
        p = open_in_child(path, card_file.as_uri())
        second["code"], second["err"] = p.returncode, p.stderr

    def poll() -> None:
        win = _window()
        if win is None or "done" in second:
            return
        dialog = win.cards.dialog
        if dialog is not None and dialog.isVisible() and dialog.card not in seen:
            seen.append(dialog.card)
            if dialog.card == CARD_A:  # the app started with it: accept it, as a user would
                assert dialog.name.text() == "Site A" and dialog.port.value() == CARD_A.port
                dialog.start_now.setChecked(False)
                dialog.create_button.click()
                second["thread"] = threading.Thread(target=second_launch)
                second["thread"].start()
            else:  # handed over by the second launch: cancel it
                dialog.reject()
        if (seen == [CARD_A, CARD_B] and "code" in second) or time.monotonic() > deadline:
            second["done"] = True
            win.quit_action.trigger()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    try:
        args = build_parser().parse_args(["--settings", str(path), "open", CARD_A.link()])
        code = open_card_run(args)
    finally:
        timer.stop()
        if "thread" in second:
            second["thread"].join(30)
    assert code == 0
    assert seen == [CARD_A, CARD_B]
    assert second.get("code") == 0, second.get("err")
    assert "handed it the card" in str(second["err"])
    specs, _ = Settings.open(path).load_tunnels()
    assert [(t.name, t.kind, t.listen_port, t.destination) for t in specs] == [
        ("Site A", TunnelKind.CLIENT, CARD_A.port, CARD_A.address)]  # B was cancelled
