"""The editor's I2P parts: key identity, Advanced section, I2CP options."""

from __future__ import annotations

import pytest
from editor_driver import fill_good, make, refuse_exec, save_button, type_into, w
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
)

from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.editor_fields import format_options, port_value


@pytest.fixture(autouse=True)
def no_nested_loops(monkeypatch):
    refuse_exec(monkeypatch)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("novalue", "line 1: expected key=value"),
        ("a=1\nbad key=2", "line 2: option name"),
        ("k=has space", "must not contain spaces"),
        ("inbound.length=3", "tunnel fields above"),
        ("a=1\na=2", "a is set twice"),
        ("k=a\\b", "backslashes"),  # the session option rules (core/sam/options.py)
        ("STYLE=RAW", "SAM parameter the client sets itself"),
    ],
)
def test_bad_i2cp_options_show_the_line(qtbot, text, message):
    dlg = make(qtbot, kind=TunnelKind.SERVER)
    fill_good(qtbot, dlg, TunnelKind.SERVER)
    w(dlg, "advanced_toggle").click()
    w(dlg, "options", QPlainTextEdit).setPlainText(text)
    error = w(dlg, "options_error", QLabel)
    assert error.isVisible() and message in error.text()
    assert not save_button(dlg).isEnabled()


def test_advanced_fields_write_options_and_signature(qtbot):
    dlg = make(qtbot, kind=TunnelKind.SERVER)
    fill_good(qtbot, dlg, TunnelKind.SERVER)
    advanced = w(dlg, "advanced")
    assert not advanced.isVisible()
    w(dlg, "advanced_toggle").click()
    assert advanced.isVisible()
    w(dlg, "shape_inbound_length", QSpinBox).setValue(1)
    w(dlg, "shape_outbound_quantity", QSpinBox).setValue(4)
    w(dlg, "shape_inbound_lengthVariance", QSpinBox).setValue(-1)
    sig = w(dlg, "signature_type", QComboBox)
    sig.setCurrentIndex(sig.findData(11))
    type_into(qtbot, dlg, "sam_address", "127.0.0.2:7656")
    w(dlg, "options", QPlainTextEdit).setPlainText("# comment\n\ni2cp.leaseSetType = 3\n")
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    spec = saved.args[0]
    assert spec.options_dict == {
        "inbound.length": "1",
        "outbound.quantity": "4",
        "inbound.lengthVariance": "-1",
        "i2cp.leaseSetType": "3",
    }
    assert spec.signature_type == 11
    assert spec.sam_address == "127.0.0.2:7656"


def _answer_new_identity(qtbot, dlg, button: QMessageBox.StandardButton) -> None:
    mode = w(dlg, "key_mode", QComboBox)
    mode.setCurrentIndex(mode.findData("new-identity"))
    box = dlg.findChild(QMessageBox, "confirm_new_identity")
    assert box is not None and box.isVisible()
    assert "address changes" in box.text()
    with qtbot.waitSignal(box.finished):
        box.button(button).click()


def test_new_identity_asks_and_cancel_keeps_the_key(qtbot):
    spec = TunnelSpec(name="site", kind=TunnelKind.SERVER, target_port=80, key_file="/k/a.dat")
    dlg = make(qtbot, spec, spec.kind)
    _answer_new_identity(qtbot, dlg, QMessageBox.StandardButton.Cancel)
    assert w(dlg, "key_mode", QComboBox).currentData() == KeyMode.PERSISTENT
    assert not dlg.regenerate_key
    assert dlg.spec() == spec


def test_new_identity_confirmed_marks_key_for_regeneration(qtbot):
    spec = TunnelSpec(name="site", kind=TunnelKind.SERVER, target_port=80, key_file="/k/a.dat")
    dlg = make(qtbot, spec, spec.kind)
    _answer_new_identity(qtbot, dlg, QMessageBox.StandardButton.Yes)
    assert dlg.regenerate_key
    assert w(dlg, "key_note", QLabel).isVisible()
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0] == spec.replace(key_file="")  # same id, key store decides the path
    assert saved.args[0].key_mode is KeyMode.PERSISTENT


def test_new_tunnel_has_no_new_identity_choice_and_transient_saves(qtbot):
    dlg = make(qtbot, kind=TunnelKind.SERVER)
    mode = w(dlg, "key_mode", QComboBox)
    assert mode.findData("new-identity") < 0
    fill_good(qtbot, dlg, TunnelKind.SERVER)
    mode.setCurrentIndex(mode.findData(KeyMode.TRANSIENT))
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0].key_mode is KeyMode.TRANSIENT


def test_problem_in_closed_advanced_section_opens_it(qtbot):
    broken = TunnelSpec(name="x", kind=TunnelKind.SERVER, target_port=80, sam_address="nope")
    dlg = make(qtbot, broken, broken.kind)
    assert w(dlg, "advanced").isVisible()
    assert w(dlg, "sam_address_error", QLabel).isVisible()


def test_typed_advanced_problem_reopens_the_section(qtbot):
    dlg = make(qtbot, kind=TunnelKind.SERVER)
    fill_good(qtbot, dlg, TunnelKind.SERVER)
    toggle = w(dlg, "advanced_toggle")
    toggle.click()
    type_into(qtbot, dlg, "sam_address", "nope")
    toggle.click()  # closed with a problem inside
    assert not w(dlg, "advanced").isVisible()
    type_into(qtbot, dlg, "name", "other")  # any edit re-checks the form
    assert w(dlg, "advanced").isVisible() and w(dlg, "sam_address_error").isVisible()


def test_imported_shape_values_are_kept_or_flagged(qtbot):
    odd = TunnelSpec(
        name="imp",
        kind=TunnelKind.SERVER,
        target_port=80,
        options=(("inbound.quantity", "0"), ("outbound.length", "9")),
    )
    dlg = make(qtbot, odd, odd.kind)
    assert dlg.spec().options_dict == {"inbound.quantity": "0", "outbound.length": "9"}
    bad = odd.replace(options={"inbound.length": "two"})
    dlg = make(qtbot, bad, bad.kind)
    error = w(dlg, "options_error", QLabel)
    assert error.isVisible() and "inbound.length" in error.text()
    assert not save_button(dlg).isEnabled()


def test_new_client_defaults_to_transient_key_and_long_connect_timeout(qtbot) -> None:
    """A client needs no stable address by default; I2P stream connects take up to a minute."""
    from i2ptunnel_gui.core.spec import DEFAULT_I2P_CONNECT_TIMEOUT, KeyMode
    from i2ptunnel_gui.ui.editor import TunnelEditor

    ed = TunnelEditor(None, "client", [], None)
    qtbot.addWidget(ed)
    assert ed.key_mode.currentData() == KeyMode.TRANSIENT
    assert ed.connect_timeout.value() == DEFAULT_I2P_CONNECT_TIMEOUT
    ed.kind.setCurrentIndex(ed.kind.findData("server"))
    assert ed.key_mode.currentData() == KeyMode.PERSISTENT


@pytest.mark.parametrize(("text", "port"), [("8080", 8080), (" 80 ", 80), ("٨٠", -1), ("²", -1)])
def test_port_text_is_ascii_digits_or_refused(text, port):
    """int('²') raises and int('٨٠') is 80: neither may pass as a typed port."""
    assert port_value(text) == port


def test_a_non_ascii_shape_value_stays_in_the_free_text():
    assert format_options({"inbound.length": "²", "outbound.length": "2"}) == "inbound.length=²"
