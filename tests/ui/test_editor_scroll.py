"""The editor fits the screen: its form scrolls, Save stays visible (1.5x scale, small screens)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from editor_driver import make, refuse_exec
from PySide6.QtWidgets import QScrollArea

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.ui import editor_scroll

ROOT = Path(__file__).resolve().parents[2]

# Runs in a child: QT_SCALE_FACTOR must be set before the QApplication exists.
_AT_SCALE = """
import json, sys
from PySide6.QtWidgets import QApplication, QPushButton
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.editor import TunnelEditor
app = QApplication(sys.argv)
dlg = TunnelEditor(None, TunnelKind.HTTP_SERVER)
dlg.advanced_toggle.setChecked(True)
dlg.show()
for _ in range(20):
    app.processEvents()
free = dlg.screen().availableGeometry()
save = dlg.findChild(QPushButton, "save")
top_left = save.mapTo(dlg, save.rect().topLeft())
print(json.dumps({
    "ratio": dlg.devicePixelRatio(),
    "free": free.height(),
    "page": dlg.body.content_height(dlg.body.width()),
    "dialog": dlg.frameGeometry().height(),
    "bottom": dlg.frameGeometry().bottom(), "free_bottom": free.bottom(),
    "save_top": top_left.y(), "save_bottom": top_left.y() + save.height(),
    "inner": dlg.height(), "save_visible": save.isVisible(),
    "scroll_max": dlg.body.verticalScrollBar().maximum(),
}))
"""


def test_at_one_and_a_half_scale_the_dialog_fits_and_save_is_visible() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.5",
               PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _AT_SCALE], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    got = json.loads(out.strip().splitlines()[-1])
    assert got["ratio"] == 1.5
    assert got["page"] > got["free"], "the form must be taller than the screen for this test"
    assert got["dialog"] <= got["free"] and got["bottom"] <= got["free_bottom"]
    assert got["save_visible"] and 0 <= got["save_top"] < got["save_bottom"] <= got["inner"]
    assert got["scroll_max"] > 0  # the rest of the form is reachable by scrolling


def test_small_screen_caps_height_and_scrolls(qtbot, monkeypatch) -> None:
    refuse_exec(monkeypatch)
    monkeypatch.setattr(editor_scroll, "available_height", lambda _dialog: 420)
    dlg = make(qtbot, kind=TunnelKind.SERVER)
    dlg.advanced_toggle.setChecked(True)
    qtbot.waitUntil(lambda: dlg.body.verticalScrollBar().maximum() > 0)
    assert dlg.height() <= 420
    save = dlg.save_button
    assert save.isVisible() and save.mapTo(dlg, save.rect().bottomLeft()).y() < dlg.height()
    assert dlg.findChild(QScrollArea, "editor_scroll").isAncestorOf(dlg.name)
    assert not dlg.body.isAncestorOf(save)  # Save never scrolls away


def test_big_screen_shows_the_whole_form_without_scrolling(qtbot, monkeypatch) -> None:
    refuse_exec(monkeypatch)
    monkeypatch.setattr(editor_scroll, "available_height", lambda _dialog: 4000)
    dlg = make(qtbot, kind=TunnelKind.SERVER)
    dlg.advanced_toggle.setChecked(True)
    qtbot.waitUntil(lambda: dlg.height() > 500)
    qtbot.wait(50)
    assert dlg.body.verticalScrollBar().maximum() == 0
    opened = dlg.height()
    dlg.advanced_toggle.setChecked(False)  # rows hidden: the dialog shrinks again
    qtbot.waitUntil(lambda: dlg.height() < opened - 100)


def test_opens_at_the_height_its_rows_need(qtbot, monkeypatch) -> None:
    """No empty band under a short form (before the first show, heights are estimates)."""
    refuse_exec(monkeypatch)
    monkeypatch.setattr(editor_scroll, "available_height", lambda _dialog: 4000)
    irc = TunnelSpec(name="IRC", kind=TunnelKind.IRC, listen_port=6668,
                     destination="irc.postman.i2p")
    dlg = make(qtbot, spec=irc, kind=TunnelKind.IRC)
    spare = dlg.body.widget().height() - dlg.body.content_height(dlg.body.width())
    assert 0 <= spare < 30
