"""The editor for the HTTP proxy, SOCKS and IRC kinds, and on-demand settings."""

from __future__ import annotations

import pytest
from editor_driver import B32, make, refuse_exec, save_button, type_into, w
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit

from i2ptunnel_gui.core.spec import IRC2P, TunnelKind, TunnelSpec


@pytest.fixture(autouse=True)
def no_nested_loops(monkeypatch):
    refuse_exec(monkeypatch)


def pick_kind(dlg, kind: TunnelKind) -> None:
    combo = w(dlg, "kind", QComboBox)
    combo.setCurrentIndex(combo.findData(kind))


@pytest.mark.parametrize(
    ("kind", "port", "help_words"),
    [
        (TunnelKind.HTTP_PROXY, "4444", "HTTP and HTTPS proxy"),
        (TunnelKind.SOCKS, "4447", "--socks5-hostname"),
        (TunnelKind.IRC, "6668", "IRC program"),
    ],
)
def test_new_kind_has_the_usual_port_and_says_how_to_use_it(qtbot, kind, port, help_words):
    dlg = make(qtbot, kind=TunnelKind.FORWARD)
    pick_kind(dlg, kind)
    assert w(dlg, "listen_port", QLineEdit).text() == port
    help_label = w(dlg, "kind_help", QLabel)
    assert help_label.isVisible() and help_words in help_label.text()
    assert f"127.0.0.1:{port}" in help_label.text()
    assert not w(dlg, "target_host", QLineEdit).isVisible()
    assert w(dlg, "outproxy", QLineEdit).isVisible() is (kind is not TunnelKind.IRC)
    assert w(dlg, "keep_user_agent", QCheckBox).isVisible() is (kind is TunnelKind.HTTP_PROXY)
    assert w(dlg, "proxy_user", QLineEdit).isVisible() is (kind is TunnelKind.SOCKS)
    assert w(dlg, "destination", QLineEdit).isVisible() is (kind is TunnelKind.IRC)


def test_http_proxy_saves_its_fields(qtbot):
    dlg = make(qtbot, kind=TunnelKind.HTTP_PROXY)
    type_into(qtbot, dlg, "name", "browser")
    type_into(qtbot, dlg, "outproxy", "not a destination")
    error = w(dlg, "outproxy_error", QLabel)
    assert error.isVisible() and "outproxy" in error.text()
    assert not save_button(dlg).isEnabled()
    type_into(qtbot, dlg, "outproxy", B32)
    w(dlg, "keep_user_agent", QCheckBox).setChecked(True)
    w(dlg, "delay_open", QCheckBox).setChecked(True)
    w(dlg, "close_idle_off", QCheckBox).setChecked(False)
    w(dlg, "close_idle", QDoubleSpinBox).setValue(15)
    w(dlg, "reduce_idle", QCheckBox).setChecked(True)
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    spec = saved.args[0]
    assert (spec.kind, spec.listen_port, spec.outproxy) == (TunnelKind.HTTP_PROXY, 4444, B32)
    assert spec.replace_user_agent is False and spec.delay_open and spec.close_idle == 15.0
    assert spec.options_dict["i2cp.reduceOnIdle"] == "true"


def test_socks_credentials_must_come_in_pairs(qtbot):
    dlg = make(qtbot, kind=TunnelKind.SOCKS)
    type_into(qtbot, dlg, "name", "socks")
    type_into(qtbot, dlg, "proxy_user", "alice")
    assert w(dlg, "proxy_password_error", QLabel).isVisible() is False  # not touched yet
    assert not save_button(dlg).isEnabled()
    type_into(qtbot, dlg, "proxy_password", "pw")
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert (saved.args[0].proxy_user, saved.args[0].proxy_password) == ("alice", "pw")
    assert w(dlg, "proxy_password", QLineEdit).echoMode() == QLineEdit.EchoMode.Password


def test_irc_starts_with_irc2p_and_checks_each_server(qtbot):
    dlg = make(qtbot, kind=TunnelKind.IRC)
    assert w(dlg, "destination", QLineEdit).text() == IRC2P
    type_into(qtbot, dlg, "name", "chat")
    type_into(qtbot, dlg, "destination", f"{B32}, bad server")
    assert not save_button(dlg).isEnabled()
    type_into(qtbot, dlg, "destination", f"{B32},irc.postman.i2p")
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0].destination == f"{B32},irc.postman.i2p"


def test_editing_keeps_the_values_and_reduce_can_be_switched_off(qtbot):
    spec = TunnelSpec.new("p", TunnelKind.HTTP_PROXY, outproxy=B32, delay_open=True,
                          close_idle=5.0, options=(("i2cp.reduceOnIdle", "true"),
                                                   ("i2cp.reduceQuantity", "2")))  # fmt: skip
    dlg = make(qtbot, spec=spec)
    assert w(dlg, "reduce_idle", QCheckBox).isChecked()
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0] == spec.replace(options={
        "i2cp.reduceOnIdle": "true", "i2cp.reduceQuantity": "2",
        "i2cp.reduceIdleTime": "1200000"})  # fmt: skip
    dlg = make(qtbot, spec=spec)
    w(dlg, "reduce_idle", QCheckBox).setChecked(False)
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0].options == ()


def test_plain_client_gets_on_demand_too(qtbot):
    dlg = make(qtbot, kind=TunnelKind.CLIENT)
    type_into(qtbot, dlg, "name", "c")
    type_into(qtbot, dlg, "listen_port", "7000")
    type_into(qtbot, dlg, "destination", B32)
    assert not w(dlg, "kind_help", QLabel).isVisible()
    w(dlg, "delay_open", QCheckBox).setChecked(True)
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    assert saved.args[0].delay_open and saved.args[0].close_idle is None


@pytest.mark.parametrize(
    ("kind", "label", "words"),
    [
        (TunnelKind.HTTP_PROXY, "How to use", "browser's HTTP and HTTPS proxy"),
        (TunnelKind.SOCKS, "How to use", "--socks5-hostname 127.0.0.1:4447"),
        (TunnelKind.IRC, "IRC servers", IRC2P),
    ],
)
def test_details_say_how_to_use_a_proxy(qtbot, kind, label, words):
    from i2ptunnel_gui.ui.details import DetailsPanel

    panel = DetailsPanel(key_locator=lambda spec: None, log_limit=5)
    qtbot.addWidget(panel)
    panel.show()
    spec = TunnelSpec.new("p", kind)
    panel.set_spec(spec)
    target = w(panel, "target", QLabel)
    assert words in target.text()
    assert panel.form.labelForField(target).text() == label
