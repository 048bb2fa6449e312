"""A stopped persistent tunnel shows the address in its key file (no router needed), or
says plainly that there is no key file yet / it cannot be used; clients get no QR."""

from __future__ import annotations

import random

import pytest
from editor_driver import make
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from qtasync import run_async
from samples import status

from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.sam.keys import b32_address, build_destination, build_private_key
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.app import build_shell
from i2ptunnel_gui.ui.details import DetailsPanel
from i2ptunnel_gui.ui.editor_kinds import NAME_EXAMPLES
from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel

SITE = TunnelSpec(name="site", kind=TunnelKind.HTTP_SERVER, target_port=8080)
SSHD = TunnelSpec(name="sshd", kind=TunnelKind.SERVER, target_port=22)  # never started
BAD = TunnelSpec(name="bad", kind=TunnelKind.SERVER, target_port=23)  # key readable by all
THROWAWAY = TunnelSpec(name="throwaway", kind=TunnelKind.SERVER, target_port=24,
                       key_mode=KeyMode.TRANSIENT)


def key_blob(seed: int) -> bytes:
    rng = random.Random(seed)
    dest = build_destination(rng.randbytes(256), rng.randbytes(32), sig_type=7)
    return build_private_key(dest, rng.randbytes(256), rng.randbytes(32)).raw


@pytest.fixture
def keyed_shell(qtbot, qloop, settings, tmp_path, fake_engine):
    store = KeyStore(tmp_path / "keys")
    store.save(store.key_path(SITE), key_blob(1))
    store.save(store.key_path(BAD), key_blob(2))
    store.key_path(BAD).chmod(0o644)
    settings.keys_dir = store.root
    settings.save_tunnels([SITE, SSHD, BAD, THROWAWAY])
    settings.sync()
    sh = build_shell(Settings.open(settings.path), fake_engine, tray_available=False)
    qtbot.addWidget(sh.window)
    sh.bridge.start()
    sh.window.show()
    yield sh, store
    run_async(qtbot, qloop, sh.bridge.aclose())


def address_cell(window, spec: TunnelSpec) -> str:
    model = window.tunnel_model
    return model.index(model.row_of(spec.id), TunnelTableModel.COL_I2P).data()


def test_stopped_servers_show_the_key_files_address_or_why_not(qtbot, keyed_shell) -> None:
    sh, store = keyed_shell
    w = sh.window
    site_b32 = b32_address(key_blob(1))
    assert address_cell(w, SITE) == site_b32
    assert address_cell(w, SSHD) == "no key file yet"
    assert address_cell(w, BAD) == "key file unusable"
    assert address_cell(w, THROWAWAY) == ""  # a new address at every start: none to show
    details = w.details
    b32 = details.findChild(QLineEdit, "b32_address")
    w.select_tunnel(SITE.id)
    assert b32.text() == site_b32
    assert not details.findChild(QLabel, "qr_code").isHidden()  # a server's is shared
    w.select_tunnel(SSHD.id)
    assert b32.text() == ""
    assert "No key file yet" in b32.placeholderText()
    assert str(store.key_path(SSHD)) in b32.placeholderText()
    w.select_tunnel(BAD.id)
    assert b32.text() == "" and "readable by other users" in b32.placeholderText()


def test_the_key_a_first_start_writes_shows_after_the_stop(qtbot, keyed_shell,
                                                           fake_engine) -> None:
    sh, store = keyed_shell
    w = sh.window
    w.select_tunnel(SSHD.id)
    w.start_action.trigger()
    qtbot.waitUntil(lambda: sh.controller.is_active(SSHD.id), timeout=2000)
    store.save(store.key_path(SSHD), key_blob(3))  # what the engine does at a first start
    w.stop_action.trigger()
    qtbot.waitUntil(lambda: not sh.controller.is_active(SSHD.id), timeout=2000)
    qtbot.waitUntil(lambda: address_cell(w, SSHD) == b32_address(key_blob(3)), timeout=2000)
    b32 = w.details.findChild(QLineEdit, "b32_address")
    qtbot.waitUntil(lambda: b32.text() == b32_address(key_blob(3)), timeout=2000)


@pytest.mark.parametrize("kind", [TunnelKind.CLIENT, TunnelKind.HTTP_PROXY,
                                  TunnelKind.SOCKS, TunnelKind.IRC])
def test_client_name_example_is_a_clients(qtbot, kind) -> None:
    dlg = make(qtbot, None, kind)
    example = dlg.findChild(QLineEdit, "name").placeholderText()
    assert example and example != "e.g. My web site"
    assert example == NAME_EXAMPLES[kind]
    combo = dlg.findChild(QComboBox, "kind")
    combo.setCurrentIndex(combo.findData(TunnelKind.HTTP_SERVER))  # follows the kind
    assert dlg.findChild(QLineEdit, "name").placeholderText() == "e.g. My web site"


def test_client_name_example_in_the_client_editor(qtbot) -> None:
    dlg = make(qtbot, None, TunnelKind.CLIENT)
    assert dlg.findChild(QLineEdit, "name").placeholderText() == "e.g. Friend's web site"


@pytest.mark.parametrize("kind", [TunnelKind.CLIENT, TunnelKind.SOCKS])
@pytest.mark.parametrize("key_mode", [KeyMode.TRANSIENT, KeyMode.PERSISTENT])
def test_a_client_shows_its_address_as_text_without_a_qr(qtbot, kind, key_mode) -> None:
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.show()
    spec = TunnelSpec(name="c", kind=kind, listen_port=7000, key_mode=key_mode,
                      destination="ukeu3k5oycgaauneqgtnvselmt4yemvoilkln7jpvamvfx7dnkdq.b32.i2p")
    panel.set_spec(spec)
    own = b32_address(key_blob(4))
    panel.set_status(status(spec, TunnelState.RUNNING, i2p_address=own))
    assert panel.findChild(QLineEdit, "b32_address").text() == own
    assert panel.findChild(QLabel, "qr_code").isHidden()
