"""The editor with the HTTP server kind and server policy: defaults, fields, save."""

from __future__ import annotations

from editor_driver import B32, make, save_button, type_into

from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec


def test_a_new_web_site_gets_the_eepsite_port_and_saves_an_allow_list(qtbot) -> None:
    dlg = make(qtbot, kind=TunnelKind.HTTP_SERVER)
    assert dlg.target_port.text() == "7658"
    assert dlg.policy.http.isVisible() and dlg.policy.access.isVisible()
    assert not dlg.listen_row.isVisible()
    type_into(qtbot, dlg, "name", "my site")
    dlg.policy.access_mode.setCurrentIndex(dlg.policy.access_mode.findData(AccessMode.ALLOW))
    assert not save_button(dlg).isEnabled()  # an empty allow list would lock everyone out
    assert "refuse every client" in dlg.policy.access_error.text()
    dlg.policy.access_list.setPlainText(f"{B32}\nfriend.i2p\n")
    dlg.policy.limit_spins["client_per_minute"].setValue(10)
    type_into(qtbot, dlg, "host_override", "mysite.i2p")
    assert save_button(dlg).isEnabled(), dlg.errors
    with qtbot.waitSignal(dlg.spec_saved) as saved:
        save_button(dlg).click()
    spec: TunnelSpec = saved.args[0]
    assert spec.kind is TunnelKind.HTTP_SERVER and spec.target_port == 7658
    assert spec.access_mode is AccessMode.ALLOW and spec.access_list == (B32, "friend.i2p")
    assert spec.conn_limits == ConnLimits(client_per_minute=10)
    assert spec.host_override == "mysite.i2p"


def test_switching_to_a_kind_without_the_policy_drops_its_hidden_values(qtbot) -> None:
    spec = TunnelSpec.new(
        "s",
        TunnelKind.SERVER,
        target_port=22,
        i2p_port=22,
        access_mode=AccessMode.DENY,
        access_list=(B32,),
    )
    dlg = make(qtbot, spec, spec.kind)
    dlg.kind.setCurrentIndex(dlg.kind.findData(TunnelKind.FORWARD))
    type_into(qtbot, dlg, "listen_port", "8022")
    now = dlg.spec()
    assert (now.access_mode, now.i2p_port) == (AccessMode.OFF, 0)
    assert "i2p_port" not in dlg.errors and "access_mode" not in dlg.errors


def test_an_existing_bad_access_list_is_named_at_once(qtbot) -> None:
    spec = TunnelSpec.new(
        "s",
        TunnelKind.SERVER,
        target_port=22,
        access_mode=AccessMode.ALLOW,
        access_list=(B32, "nonsense"),
    )
    dlg = make(qtbot, spec, spec.kind)
    assert dlg.policy.access_error.isVisible()
    assert dlg.policy.access_error.text().startswith("line 2: 'nonsense'")
    assert not save_button(dlg).isEnabled()


def test_web_site_and_proxy_kinds_each_show_only_their_own_group(qtbot) -> None:
    spec = TunnelSpec.new("p", TunnelKind.HTTP_PROXY, outproxy=B32, delay_open=True)
    dlg = make(qtbot, spec, spec.kind)
    assert dlg.client_fields.isVisible() and dlg.listen_row.isVisible()
    assert not dlg.policy.http.isVisible() and not dlg.policy.port_box.isVisible()
    dlg.kind.setCurrentIndex(dlg.kind.findData(TunnelKind.HTTP_SERVER))
    assert not dlg.client_fields.isVisible() and not dlg.listen_row.isVisible()
    assert dlg.policy.http.isVisible() and dlg.policy.port_box.isVisible()
    type_into(qtbot, dlg, "target_port", "7658")
    type_into(qtbot, dlg, "host_override", "mysite.i2p")
    site = dlg.spec()
    assert (site.kind, site.host_override, site.target_port) == (
        TunnelKind.HTTP_SERVER, "mysite.i2p", 7658)
    dlg.kind.setCurrentIndex(dlg.kind.findData(TunnelKind.HTTP_PROXY))
    type_into(qtbot, dlg, "listen_port", "4444")
    proxy = dlg.spec()  # the web site's fields fall back to their defaults
    assert (proxy.host_override, proxy.i2p_port, proxy.outproxy) == ("", 0, B32)
    assert dlg.errors == {}, dlg.errors
