"""i2pd/Java option lines pasted into the I2CP box: shape keys move into their fields
(with a note), the rest stays, bad values keep their errors; the 0-hop warning."""

from __future__ import annotations

import pytest
from editor_driver import fill_good, make, refuse_exec, save_button, w
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QSpinBox
from samples import status

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.details import DetailsPanel
from i2ptunnel_gui.ui.option_lines import take_shape_options


@pytest.fixture(autouse=True)
def no_nested_loops(monkeypatch):
    refuse_exec(monkeypatch)


def server_editor(qtbot):
    dlg = make(qtbot, kind=TunnelKind.SERVER)
    fill_good(qtbot, dlg, TunnelKind.SERVER)
    w(dlg, "advanced_toggle").click()
    return dlg


def paste(box: QPlainTextEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    box.paste()


def test_pasted_shape_lines_move_into_their_fields(qtbot) -> None:
    dlg = server_editor(qtbot)
    box = w(dlg, "options", QPlainTextEdit)
    paste(box, "# from tunnels.conf\ninbound.length=0 outbound.quantity=3\n"
               "i2cp.leaseSetEncType=4,0\n")
    assert w(dlg, "shape_inbound_length", QSpinBox).value() == 0
    assert w(dlg, "shape_outbound_quantity", QSpinBox).value() == 3
    assert box.toPlainText() == "# from tunnels.conf\ni2cp.leaseSetEncType=4,0"
    note = w(dlg, "options_note", QLabel)
    assert note.isVisible()
    assert "moved inbound.length=0 to Inbound hops" in note.text()
    assert "moved outbound.quantity=3 to Outbound tunnels" in note.text()
    assert not w(dlg, "options_error", QLabel).isVisible()
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0].options_dict == {"inbound.length": "0", "outbound.quantity": "3",
                                          "i2cp.leaseSetEncType": "4,0"}


def test_typed_lines_move_when_the_box_is_left(qtbot) -> None:
    dlg = server_editor(qtbot)
    box = w(dlg, "options", QPlainTextEdit)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    qtbot.keyClicks(box, "outbound.quantity=1")  # still typing "16": nothing moves yet
    assert box.toPlainText() == "outbound.quantity=1"
    assert "tunnel fields above" in w(dlg, "options_error", QLabel).text()
    qtbot.keyClicks(box, "6")
    name = w(dlg, "name", QLineEdit)
    name.setFocus()
    qtbot.waitUntil(lambda: box.toPlainText() == "", timeout=2000)
    assert w(dlg, "shape_outbound_quantity", QSpinBox).value() == 16
    assert save_button(dlg).isEnabled()


@pytest.mark.parametrize(("text", "message"), [
    ("inbound.length=99", "inbound.length must be a whole number from 0 to 7 (got '99')"),
    ("inbound.length=two", "got 'two'"),
    ("inbound.length=1\ninbound.length=2", "line 2: inbound.length is set twice"),
    ("inbound.length=1 novalue", "must not contain spaces"),
])
def test_bad_shape_lines_stay_with_their_error(qtbot, text, message) -> None:
    dlg = server_editor(qtbot)
    box = w(dlg, "options", QPlainTextEdit)
    paste(box, text)
    assert box.toPlainText() == text  # nothing taken out of a bad paste
    error = w(dlg, "options_error", QLabel)
    assert error.isVisible() and message in error.text()
    assert not save_button(dlg).isEnabled()


def test_take_shape_options_reads_i2pd_spacing_and_keeps_the_rest() -> None:
    text = "inbound.length = 2\n  # note\ni2cp.x=1 outbound.backupQuantity=1 i2cp.y=2\n"
    left, moved = take_shape_options(text)
    assert moved == {"inbound.length": "2", "outbound.backupQuantity": "1"}
    assert left == "  # note\ni2cp.x=1 i2cp.y=2"
    assert take_shape_options("i2cp.x=1") == ("i2cp.x=1", {})


def zero_hop(kind=TunnelKind.SERVER, **opts) -> TunnelSpec:
    return TunnelSpec(name="fast", kind=kind, target_port=80, listen_port=7000,
                      destination="a" * 52 + ".b32.i2p", options=opts)


def test_editor_warns_on_zero_hops_outside_advanced(qtbot) -> None:
    dlg = make(qtbot, kind=TunnelKind.SERVER)
    warning = w(dlg, "hop_warning")
    assert warning.isHidden()
    w(dlg, "advanced_toggle").click()
    w(dlg, "shape_outbound_length", QSpinBox).setValue(0)
    assert warning.isVisible()
    text = w(dlg, "hop_warning_text", QLabel).text()
    assert "0 hops (outbound): no anonymity" in text and "can find this computer" in text
    assert w(dlg, "hop_warning_text", QLabel).styleSheet() == ""  # palette colours
    w(dlg, "advanced_toggle").click()  # Advanced closed: the warning stays in view
    assert warning.isVisible()
    w(dlg, "shape_outbound_length", QSpinBox).setValue(2)
    assert warning.isHidden()


def test_editor_warns_on_a_loaded_zero_hop_tunnel(qtbot) -> None:
    spec = zero_hop(**{"inbound.length": "0", "outbound.length": "0"})
    dlg = make(qtbot, spec, spec.kind)
    assert w(dlg, "hop_warning").isVisible()
    assert "inbound and outbound" in w(dlg, "hop_warning_text", QLabel).text()


def test_details_mark_zero_hop_tunnels(qtbot) -> None:
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.show()
    fast = zero_hop(**{"inbound.length": "0"})
    panel.set_spec(fast)
    panel.set_status(status(fast))
    marker = panel.findChild(QLabel, "details_hop_warning_text")
    assert marker.isVisible() and "0 hops (inbound)" in marker.text()
    panel.set_spec(zero_hop(**{"inbound.length": "1"}))
    assert not marker.isVisible()
