"""The share card round trip on the REAL offline i2pd (loopback-only namespace only).

Two app instances, each with its own settings and keys folder and its own engine, on
the one router: instance A runs a server tunnel (persistent key) to a local echo
service, and its Share… dialog saves a card file. Instance B opens that file through
the same path a drop or File ▸ Open takes, the confirmation is accepted as a user
would, and B's new client tunnel, started from B's window, carries bytes to A's
service. Two session creations in all (~20 s each on i2pd 2.45.1).
"""

from __future__ import annotations

import asyncio
import os
import socket
from pathlib import Path

import pytest
from i2pd_helpers import ACCEPTING, CONNECTING, START_TIMEOUT, echo_once
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolButton

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.sam.keys import parse_private_key
from i2ptunnel_gui.core.share_card import ServiceKind, read_card_file
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.app import Shell, build_shell
from i2ptunnel_gui.ui.open_card_dialog import OpenCardDialog
from i2ptunnel_gui.ui.share_dialog import ShareDialog

pytestmark = [pytest.mark.i2pd, pytest.mark.slow, pytest.mark.timeout(300)]
RUNNING_MS = int(START_TIMEOUT * 1000)


class Instance:
    """One app: its own settings file and keys folder, engine and window."""

    def __init__(self, root: Path, sam: str) -> None:
        root.mkdir()
        self.settings = Settings.open(root / "settings.ini")
        self.settings.sam_address = sam
        self.settings.keys_dir = root / "keys"
        self.engine = Engine(sam_address=sam, keystore=KeyStore(self.settings.ensure_keys_dir()))
        self.engine.start()
        self.shell: Shell | None = None

    def open_window(self, qtbot) -> Shell:
        self.shell = build_shell(self.settings, self.engine, tray_available=False)
        qtbot.addWidget(self.shell.window)
        self.shell.bridge.start()
        self.shell.window.show()
        qtbot.waitExposed(self.shell.window)
        return self.shell

    def close(self, qtbot, loop: asyncio.AbstractEventLoop) -> None:
        if self.shell is not None:
            task = loop.create_task(self.shell.bridge.aclose())
            qtbot.waitUntil(task.done, timeout=10_000)
        self.engine.shutdown(10)  # SAM sockets closed before the router stops


def start_selected(qtbot, shell: Shell, spec_id: str) -> None:
    shell.window.select_tunnel(spec_id)
    shell.window.findChild(QAction, "start").trigger()
    qtbot.waitUntil(lambda: shell.controller.model.state_of(spec_id) is TunnelState.RUNNING,
                    timeout=RUNNING_MS)


def visible(cls):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    return found[-1] if found else None


def test_a_card_made_by_one_app_gives_another_a_working_client(
        qtbot, qloop, i2pd, echo_server, tmp_path: Path) -> None:
    others = [name for _, name in socket.if_nameindex() if name != "lo"]
    assert not others, "run via scripts/in-netns.sh"
    a, b = Instance(tmp_path / "a", i2pd.sam_address), Instance(tmp_path / "b", i2pd.sam_address)
    try:
        # -- A: a server tunnel to the echo service, persistent key, started from the UI
        server = TunnelSpec.new("echo service", TunnelKind.SERVER,
                                target_port=echo_server.port, key_mode=KeyMode.PERSISTENT,
                                options=tuple(ACCEPTING.items()))
        a.settings.save_tunnels([server])
        shell_a = a.open_window(qtbot)
        start_selected(qtbot, shell_a, server.id)
        details = shell_a.window.details
        qtbot.waitUntil(lambda: details.address().endswith(".b32.i2p"), timeout=5000)
        b32 = details.address()
        key_file = shell_a.controller.key_path(server)
        private = key_file.read_bytes()
        assert parse_private_key(private).b32_address == b32  # the persistent key's address

        # -- A: Share… → the card file
        details.findChild(QToolButton, "share").click()
        share = visible(ShareDialog)
        assert share is not None
        card_path = tmp_path / "echo.i2pcard"
        assert share.save_card(str(card_path))
        share.close()
        card = read_card_file(card_path)
        assert (card.address, card.kind) == (b32, ServiceKind.GENERIC)
        text = card_path.read_text()
        assert all(private[i:i + 12].hex() not in text for i in range(0, len(private), 12))

        # -- B: open the card file (drop and File ▸ Open go this way), accept it
        shell_b = b.open_window(qtbot)
        shell_b.window.cards.open_file(str(card_path))
        confirm = visible(OpenCardDialog)
        assert confirm is not None and confirm.card == card
        assert confirm.destination.text() == b32
        port = confirm.port.value()
        confirm.start_now.setChecked(False)  # the offline router needs 0-hop tunnels first
        confirm.create_button.click()
        client = shell_b.controller.model.specs()[-1]
        assert (client.kind, client.destination, client.listen_port) == (
            TunnelKind.CLIENT, b32, port)
        # one router, no peers: the client's tunnels must be 0-hop (any real router: none)
        shell_b.controller.update(client.replace(options=CONNECTING))
        start_selected(qtbot, shell_b, client.id)

        # -- data from B's local port reaches A's service through I2P, and back
        payload = os.urandom(64 * 1024)
        assert echo_once(port, payload) == payload
    finally:
        b.close(qtbot, qloop)
        a.close(qtbot, qloop)
