"""The tunnel editor, driven through its widgets by objectName (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from editor_driver import (
    B32,
    fill_forward,
    fill_good,
    make,
    refuse_exec,
    save_button,
    servers,
    type_into,
    w,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec


@pytest.fixture(autouse=True)
def no_nested_loops(monkeypatch):
    refuse_exec(monkeypatch)


def test_new_forward_saves_exact_spec(qtbot):
    dlg = make(qtbot, others=servers("other"))
    assert not save_button(dlg).isEnabled()  # empty form
    fill_forward(qtbot, dlg)
    type_into(qtbot, dlg, "description", "  local web  ")
    w(dlg, "nconnect_off", QCheckBox).setChecked(False)
    w(dlg, "nconnect", QSpinBox).setValue(25)
    w(dlg, "lifetime_off", QCheckBox).setChecked(False)
    w(dlg, "lifetime", QDoubleSpinBox).setValue(90)
    w(dlg, "idle_timeout_off", QCheckBox).setChecked(True)
    assert w(dlg, "half_close_timeout", QDoubleSpinBox).value() == 30  # the default
    w(dlg, "half_close_timeout", QDoubleSpinBox).setValue(12)
    w(dlg, "connect_timeout", QDoubleSpinBox).setValue(5)
    w(dlg, "auto_start", QCheckBox).setChecked(True)
    assert save_button(dlg).isEnabled(), dlg.errors
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        qtbot.mouseClick(save_button(dlg), Qt.MouseButton.LeftButton)
    spec = saved.args[0]
    assert spec == TunnelSpec(
        name="web",
        kind=TunnelKind.FORWARD,
        id=spec.id,
        description="local web",
        listen_host="127.0.0.1",
        listen_port=8080,
        target_host="example.org",
        target_port=80,
        nconnect=25,
        lifetime=90.0,
        idle_timeout=None,
        half_close_timeout=12.0,
        connect_timeout=5.0,
        auto_start=True,
    )
    assert dlg.result() == dlg.DialogCode.Accepted


def test_new_client_saves_destination_and_i2p_defaults(qtbot):
    dlg = make(qtbot, kind=TunnelKind.CLIENT)
    type_into(qtbot, dlg, "name", "irc")
    type_into(qtbot, dlg, "listen_port", "6668")
    type_into(qtbot, dlg, "destination", B32)
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    spec = saved.args[0]
    assert spec == TunnelSpec(
        name="irc",
        kind=TunnelKind.CLIENT,
        id=spec.id,
        listen_port=6668,
        destination=B32,
        connect_timeout=60.0,  # a new client starts from the I2P connect default
        key_mode=KeyMode.TRANSIENT,  # and with a new address each start unless asked
    )


BAD_FIELDS = [
    # (kind, widget, bad text, field whose label must show, expected message part)
    (TunnelKind.FORWARD, "name", "", "name", "name is empty"),
    (TunnelKind.FORWARD, "name", "Taken", "name", "already exists"),
    (TunnelKind.FORWARD, "listen_host", "bad_host!", "listen_host", "not a valid host name"),
    (TunnelKind.FORWARD, "listen_host", "", "listen_host", "host is empty"),
    (TunnelKind.FORWARD, "listen_port", "0", "listen_port", "from 1 to 65535"),
    (TunnelKind.FORWARD, "listen_port", "70000", "listen_port", "from 1 to 65535"),
    (TunnelKind.FORWARD, "listen_port", "80a", "listen_port", "whole number"),
    (TunnelKind.FORWARD, "target_host", "a..b", "target_host", "not a valid host name"),
    (TunnelKind.FORWARD, "target_port", "", "target_port", "from 1 to 65535"),
    (TunnelKind.SERVER, "target_port", "99999", "target_port", "from 1 to 65535"),
    (TunnelKind.CLIENT, "destination", "nope!", "destination", "expected a .b32.i2p"),
    (TunnelKind.CLIENT, "destination", "abc.b32.i2p", "destination", "52"),
    (TunnelKind.CLIENT, "destination", "A" * 100, "destination", "too short"),
    (TunnelKind.CLIENT, "sam_address", "7656", "sam_address", "SAM address"),
    (TunnelKind.SERVER, "sam_address", "host:port", "sam_address", "not a number"),
]


@pytest.mark.parametrize(("kind", "widget", "bad", "field", "message"), BAD_FIELDS)
def test_each_bad_text_field_shows_its_message_and_disables_save(
    qtbot, kind, widget, bad, field, message
):
    dlg = make(qtbot, kind=kind, others=servers("taken"))
    fill_good(qtbot, dlg, kind)
    assert save_button(dlg).isEnabled(), dlg.errors
    error = w(dlg, f"{field}_error", QLabel)
    assert not error.isVisible()
    if widget == "sam_address":
        w(dlg, "advanced_toggle").click()
    type_into(qtbot, dlg, widget, bad)
    assert error.isVisible()
    assert message in error.text()
    assert not save_button(dlg).isEnabled()
    fill_good(qtbot, dlg, kind)  # fixing it clears the message
    if widget == "sam_address":
        w(dlg, "sam_address", QLineEdit).clear()
    assert not error.isVisible()
    assert save_button(dlg).isEnabled(), dlg.errors


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("nconnect", "maximum connections"),
        ("lifetime", "lifetime must be more than 0"),
        ("idle_timeout", "idle timeout must be more than 0"),
        ("half_close_timeout", "half-close timeout must be more than 0"),
        ("connect_timeout", "connect timeout must be more than 0"),
    ],
)
def test_zero_numbers_show_their_message(qtbot, field, message):
    dlg = make(qtbot)
    fill_forward(qtbot, dlg)
    off = dlg.findChild(QCheckBox, f"{field}_off")
    if off is not None:
        off.setChecked(False)
    spin = dlg.findChild(QAbstractSpinBox, field)
    spin.setValue(0)
    error = w(dlg, f"{field}_error", QLabel)
    assert error.isVisible() and message in error.text()
    assert not save_button(dlg).isEnabled()
    spin.setValue(3)
    assert not error.isVisible() and save_button(dlg).isEnabled()


def test_editing_keeps_id_and_unchanged_save_is_identical(qtbot):
    original = TunnelSpec(
        name="site",
        kind=TunnelKind.SERVER,
        target_port=8080,
        key_file="/k/site.dat",
        options=(("i2cp.leaseSetType", "3"), ("inbound.length", "2")),
        auto_start=True,
        signature_type=11,
    )
    dlg = make(qtbot, original, original.kind, [original, *servers("other")])  # itself is fine
    assert w(dlg, "advanced").isVisible()  # customised advanced settings start expanded
    assert w(dlg, "shape_inbound_length", QSpinBox).value() == 2
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0] == original
    dlg2 = make(qtbot, original, original.kind, [original])
    type_into(qtbot, dlg2, "name", "renamed")
    with qtbot.waitSignal(dlg2.spec_saved) as saved:
        save_button(dlg2).click()
    assert saved.args[0] == original.replace(name="renamed")
    assert saved.args[0].id == original.id


def test_existing_invalid_spec_shows_messages_at_once(qtbot):
    broken = TunnelSpec(name="x", kind=TunnelKind.CLIENT, listen_port=0, destination="bad")
    dlg = make(qtbot, broken, broken.kind)
    assert w(dlg, "listen_port_error", QLabel).isVisible()
    assert w(dlg, "destination_error", QLabel).isVisible()
    assert not save_button(dlg).isEnabled()


def test_kind_switch_shows_only_relevant_fields(qtbot):
    dlg = make(qtbot)
    kind = w(dlg, "kind", QComboBox)
    expected = {
        TunnelKind.FORWARD: {"listen_host", "target_host"},
        TunnelKind.SERVER: {"target_host", "key_mode", "advanced_toggle"},
        TunnelKind.CLIENT: {"listen_host", "destination", "key_mode", "advanced_toggle"},
    }
    switchable = {"listen_host", "target_host", "destination", "key_mode", "advanced_toggle"}
    for k in (TunnelKind.SERVER, TunnelKind.CLIENT, TunnelKind.FORWARD, TunnelKind.CLIENT):
        kind.setCurrentIndex(kind.findData(k))
        shown = {n for n in switchable if w(dlg, n).isVisible()}
        assert shown == expected[k], k
    # a new tunnel's connect timeout follows the kind until the user sets one
    assert w(dlg, "connect_timeout", QDoubleSpinBox).value() == 60.0
    kind.setCurrentIndex(kind.findData(TunnelKind.FORWARD))
    assert w(dlg, "connect_timeout", QDoubleSpinBox).value() == 10.0


def test_hidden_fields_do_not_block_save_or_leak(qtbot):
    dlg = make(qtbot, kind=TunnelKind.CLIENT)
    fill_good(qtbot, dlg, TunnelKind.CLIENT)
    type_into(qtbot, dlg, "target_port", "99999")  # hidden for a client
    assert save_button(dlg).isEnabled()
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0].target_port == 0


def test_non_loopback_listen_needs_explicit_permission(qtbot):
    dlg = make(qtbot)
    fill_forward(qtbot, dlg)
    allow = w(dlg, "allow_public_bind", QCheckBox)
    warning = w(dlg, "listen_warning", QLabel)
    error = w(dlg, "listen_host_error", QLabel)
    assert not allow.isVisible()
    type_into(qtbot, dlg, "listen_host", "0.0.0.0")
    assert error.isVisible() and "not a loopback address" in error.text()
    assert allow.isVisible() and not save_button(dlg).isEnabled()
    allow.setChecked(True)
    assert not error.isVisible()
    assert warning.isVisible() and "0.0.0.0" in warning.text()
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0].allow_public_bind and saved.args[0].listen_host == "0.0.0.0"


def test_back_on_loopback_drops_the_permission(qtbot):
    dlg = make(qtbot)
    fill_forward(qtbot, dlg)
    type_into(qtbot, dlg, "listen_host", "192.0.2.1")
    w(dlg, "allow_public_bind", QCheckBox).setChecked(True)
    type_into(qtbot, dlg, "listen_host", "::1")
    assert not w(dlg, "allow_public_bind").isVisible()
    assert not w(dlg, "listen_warning").isVisible()
    assert dlg.spec().allow_public_bind is False and save_button(dlg).isEnabled()


def test_untouched_problems_are_listed_next_to_save(qtbot):
    dlg = make(qtbot, kind=TunnelKind.CLIENT)
    hint = w(dlg, "save_hint", QLabel)
    assert hint.isVisible()
    assert "name" in hint.text() and "destination" in hint.text()
    assert not w(dlg, "name_error", QLabel).isVisible()  # not shouted at before typing
    fill_good(qtbot, dlg, TunnelKind.CLIENT)
    assert not hint.isVisible()


def test_cancel_emits_nothing(qtbot):
    dlg = make(qtbot)
    fill_forward(qtbot, dlg)
    seen = []
    dlg.spec_saved.connect(seen.append)
    w(dlg, "cancel", QPushButton).click()
    assert seen == [] and dlg.result() == dlg.DialogCode.Rejected


IRC = TunnelSpec(name="irc", kind=TunnelKind.CLIENT, listen_port=6668, destination=B32)


def test_listen_clash_names_the_other_tunnel_until_the_port_changes(qtbot):
    dlg = make(qtbot, others=[IRC, *servers("site")])
    fill_forward(qtbot, dlg)
    error = w(dlg, "listen_port_error", QLabel)
    assert not error.isVisible() and save_button(dlg).isEnabled()
    type_into(qtbot, dlg, "listen_port", "6668")
    assert error.isVisible()
    assert error.text() == ("the tunnel “irc” already listens on 127.0.0.1:6668; only one "
                            "of them can run: choose another port")
    assert not save_button(dlg).isEnabled()
    type_into(qtbot, dlg, "listen_host", "localhost")  # the same address by another name
    assert error.isVisible() and not save_button(dlg).isEnabled()
    type_into(qtbot, dlg, "listen_port", "6669")
    assert not error.isVisible() and save_button(dlg).isEnabled()
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0].listen_port == 6669


def test_a_tunnel_never_clashes_with_itself(qtbot):
    dlg = make(qtbot, IRC, IRC.kind, [IRC])  # the app's list holds the edited tunnel too
    assert not w(dlg, "listen_port_error", QLabel).isVisible()
    assert save_button(dlg).isEnabled(), dlg.errors
