"""Opening a share card: the confirmation shows exactly the client tunnel to be created,
refuses clashes (another tunnel's port, a port another program holds, a taken name), and
creates it through the controller; cards come in by File ▸ Open, drop and Ctrl+V."""

from __future__ import annotations

import base64
import hashlib
import socket
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from samples import SSH, WEB

from i2ptunnel_gui.core.share_card import ServiceKind, ShareCard
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.open_card_dialog import OpenCardDialog

B32 = base64.b32encode(hashlib.sha256(b"remote").digest()).decode().lower().rstrip("=")


def card(port: int = 18081, kind: ServiceKind = ServiceKind.WEB, name: str = "Their site"
         ) -> ShareCard:
    return ShareCard(B32, kind, port, name)


def dialog_for(qtbot, shell, c: ShareCard, free=lambda port: True) -> OpenCardDialog:
    d = OpenCardDialog(c, shell.controller, shell.window, is_port_free=free)
    qtbot.addWidget(d)
    d.show()
    return d


def text_of(d: OpenCardDialog, name: str) -> str:
    return d.findChild(QLabel, name).text()


def test_it_shows_exactly_what_will_be_created(qtbot, shell) -> None:
    d = dialog_for(qtbot, shell, card(port=18500))
    assert d.name.text() == "Their site" and d.port.value() == 18500
    assert text_of(d, "kind") == "I2P client tunnel"
    assert text_of(d, "listen_host") == "127.0.0.1"
    assert text_of(d, "destination") == f"{B32}.b32.i2p"
    assert "http://127.0.0.1:18500/" in text_of(d, "how_to")
    assert d.create_button.isEnabled() and not d.problem.isVisible()
    irc = dialog_for(qtbot, shell, card(port=18501, kind=ServiceKind.IRC))
    assert text_of(irc, "kind") == "IRC client tunnel"
    assert shell.controller.names() == ["web", "ssh"]  # nothing created by showing it


def test_a_clashing_port_suggests_the_next_free_one_and_is_refused(qtbot, shell) -> None:
    assert WEB.listen_port == 18081
    d = dialog_for(qtbot, shell, card(port=18081), free=lambda port: port != 18082)
    assert d.port.value() == 18083  # 18081: the "web" tunnel; 18082: another program
    d.port.setValue(18081)
    assert not d.create_button.isEnabled()
    assert d.problem.isVisible() and "“web”" in d.problem.text()
    assert not d.create_tunnel()
    d.port.setValue(18082)
    assert "another program" in d.problem.text() and not d.create_button.isEnabled()
    d.port.setValue(18083)
    assert d.create_button.isEnabled()


def test_a_port_held_by_another_program_is_refused_for_real(qtbot, shell) -> None:
    with socket.create_server(("127.0.0.1", 0)) as other:
        held = other.getsockname()[1]
        d = OpenCardDialog(card(port=held), shell.controller, shell.window)
        qtbot.addWidget(d)
        assert d.port.value() != held  # the next free one was offered
        d.port.setValue(held)
        assert "another program" in d.problem.text() and not d.create_button.isEnabled()


def test_name_is_editable_and_must_be_free(qtbot, shell) -> None:
    d = dialog_for(qtbot, shell, card(port=18502, name="web"))
    assert d.name.text() == "web (2)"  # "web" is taken: a free name is offered
    d.name.setText("ssh")
    assert "already a tunnel named" in d.problem.text() and not d.create_button.isEnabled()
    d.name.setText("  ")
    assert not d.create_button.isEnabled()
    d.name.setText("mine")
    assert d.create_button.isEnabled()


def test_create_adds_the_client_saves_it_and_starts_it(qtbot, shell, settings_path: Path
                                                       ) -> None:
    w = shell.window
    d = w.cards.open_card(card(port=18503))
    qtbot.waitUntil(d.isVisible)
    d.name.setText("theirs")
    d.port.setValue(18504)
    d.create_button.click()
    spec = shell.controller.model.specs()[-1]
    assert (spec.name, spec.kind, spec.listen_host, spec.listen_port, spec.destination,
            spec.key_mode) == ("theirs", TunnelKind.CLIENT, "127.0.0.1", 18504,
                               f"{B32}.b32.i2p", KeyMode.TRANSIENT)
    saved, _ = Settings.open(settings_path).load_tunnels()
    assert [s.name for s in saved] == ["web", "ssh", "theirs"]
    assert w.selected_id() == spec.id
    qtbot.waitUntil(lambda: shell.controller.model.state_of(spec.id) is TunnelState.RUNNING,
                    timeout=5000)


def test_cancel_creates_nothing(qtbot, shell) -> None:
    d = shell.window.cards.open_card(card(port=18505))
    d.reject()
    assert shell.controller.names() == ["web", "ssh"]


def _card_dialog():
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, OpenCardDialog) and w.isVisible()]
    return found[-1] if found else None


def test_ctrl_v_on_the_tunnel_list_opens_a_pasted_link(qtbot, shell) -> None:
    w = shell.window
    QGuiApplication.clipboard().setText("not a card")
    w.tunnel_table.setFocus()
    qtbot.keyClick(w.tunnel_table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _card_dialog() is None and "no share card" in w.statusBar().currentMessage()
    QGuiApplication.clipboard().setText(card(port=18506).link().replace("kind=web", "kind=x"))
    qtbot.keyClick(w.tunnel_table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _card_dialog() is None
    assert "Not a usable share card: kind:" in w.statusBar().currentMessage()
    QGuiApplication.clipboard().setText(card(port=18506).link())
    qtbot.keyClick(w.tunnel_table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    d = _card_dialog()
    assert d is not None and d.card == card(port=18506)
    d.reject()


def _drop(window, mime: QMimeData) -> bool:
    pos = QPointF(window.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_dropping_a_card_file_or_link_on_the_window(qtbot, shell, tmp_path: Path) -> None:
    w = shell.window
    path = tmp_path / "theirs.i2pcard"
    path.write_text(card(port=18507).file_text(), encoding="utf-8")
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(path))])
    assert _drop(w, files)
    d = _card_dialog()
    assert d is not None and d.card == card(port=18507)
    d.reject()
    link = QMimeData()
    link.setText(card(port=18508).link())
    assert _drop(w, link)
    d = _card_dialog()
    assert d is not None and d.card.port == 18508
    d.reject()
    other = QMimeData()
    other.setText("some text")
    assert not _drop(w, other)  # not a card: the drop is refused
    conf = tmp_path / "tunnels.conf"
    conf.write_text("[x]\n", encoding="utf-8")
    files.setUrls([QUrl.fromLocalFile(str(conf))])
    assert not _drop(w, files)  # another kind of file: not taken as a card


def test_file_open_card_menu(qtbot, shell, tmp_path: Path) -> None:
    w = shell.window
    action = w.findChild(QAction, "open_card")
    assert action in w.menuBar().actions()[0].menu().actions()  # File ▸ Open share card…
    bad = tmp_path / "bad.i2pcard"
    bad.write_text("i2ptunnelgui:share?v=9", encoding="utf-8")
    action.trigger()
    chooser = w.cards.file_dialog
    assert chooser is not None and chooser.isVisible()
    chooser.fileSelected.emit(str(bad))
    chooser.close()
    assert _card_dialog() is None and "card version 9" in w.statusBar().currentMessage()
    good = tmp_path / "good.i2pcard"
    good.write_text(card(port=18509).file_text(), encoding="utf-8")
    w.cards.open_file(good)
    d = _card_dialog()
    assert d is not None and d.card.port == 18509
    d.reject()
    assert shell.controller.names() == [SSH.name, WEB.name][::-1]
