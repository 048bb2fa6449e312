"""The editor's server-policy fields: what shows per kind, values in and out, messages."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.post_limits import PostLimits
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate
from i2ptunnel_gui.ui.editor_server_policy import ServerPolicyFields

B32 = "testvjtq2sfj5a6m7dwecpuxwbpwglgrma4i2iisxg2g5bnogm5a.b32.i2p"


def make(qtbot: QtBot) -> ServerPolicyFields:
    w = ServerPolicyFields()
    qtbot.addWidget(w)
    w.show()
    return w


def test_each_kind_shows_only_what_applies(qtbot: QtBot) -> None:
    w = make(qtbot)
    w.set_kind(TunnelKind.HTTP_SERVER)
    assert w.access.isVisible() and w.limits.isVisible() and w.http.isVisible()
    assert w.port_label.text() == "Accept only port:"
    w.set_kind(TunnelKind.SERVER)
    assert w.access.isVisible() and not w.http.isVisible()
    w.set_kind(TunnelKind.CLIENT)
    assert not w.access.isVisible() and not w.limits.isVisible() and w.port_box.isVisible()
    assert w.port_label.text() == "Destination port:"
    w.set_kind(TunnelKind.FORWARD)
    assert not w.port_box.isVisible()


def test_values_round_trip_a_spec(qtbot: QtBot) -> None:
    spec = TunnelSpec.new(
        "web",
        TunnelKind.HTTP_SERVER,
        access_mode=AccessMode.ALLOW,
        access_list=(B32, "friend.i2p"),
        conn_limits=ConnLimits(client_per_minute=5, total_per_day=900),
        host_override="mysite.i2p",
        post_limits=PostLimits(max_per_client=3, max_total=10, window=60, ban=120, total_ban=30),
        i2p_port=80,
    )
    w = make(qtbot)
    w.load(spec)
    assert spec.replace(**w.values()) == spec
    assert w.access_list.isEnabled()
    assert w.limit_spins["client_per_minute"].text() == "5"
    assert w.limit_spins["client_per_hour"].text() == "No limit"


def test_pasting_many_entries_and_editing_emit_changes(qtbot: QtBot) -> None:
    w = make(qtbot)
    w.load(TunnelSpec.new("s", TunnelKind.SERVER, target_port=80))
    assert not w.access_list.isEnabled()
    seen: list[str] = []
    w.changed.connect(seen.append)
    w.access_mode.setCurrentIndex(w.access_mode.findData(AccessMode.DENY))
    assert seen == ["access_mode", "access_list"] and w.access_list.isEnabled()
    w.access_list.setPlainText(f"  {B32}\n\nfoe.i2p  \n")
    assert w.values()["access_list"] == (B32, "foe.i2p")
    with qtbot.waitSignal(w.changed) as sig:
        w.limit_spins["total_per_hour"].setValue(7)
    assert sig.args == ["conn_limits"] and w.values()["conn_limits"].total_per_hour == 7


def test_validate_messages_land_next_to_their_fields(qtbot: QtBot) -> None:
    w = make(qtbot)
    spec = TunnelSpec.new("s", TunnelKind.SERVER, target_port=80)
    w.load(spec)
    w.access_mode.setCurrentIndex(w.access_mode.findData(AccessMode.ALLOW))
    errors = {e.field: e.message for e in validate(spec.replace(**w.values()))}
    w.show_errors(errors)
    assert w.access_error.isVisible() and "refuse every client" in w.access_error.text()
    w.access_list.setPlainText(f"{B32}\n\n# a friend\nnot-a-destination\n")
    errors = {e.field: e.message for e in validate(spec.replace(**w.values()))}
    w.show_errors(errors)
    assert w.access_error.text().startswith("line 4: 'not-a-destination'")  # as shown
    w.access_list.setPlainText(f"{B32}, friend.i2p")  # a pasted Java list
    assert w.values()["access_list"] == (B32, "friend.i2p")
    w.show_errors({})
    assert not w.access_error.isVisible()


def test_a_port_on_a_3_1_router_is_warned_about(qtbot: QtBot) -> None:
    w = make(qtbot)
    w.load(TunnelSpec.new("s", TunnelKind.SERVER, target_port=80))
    w.set_sam_version("3.1")
    assert not w.port_warning.isVisible()  # no port: nothing to warn about
    w.i2p_port.setValue(80)
    assert w.port_warning.isVisible()
    assert "grants version 3.1" in w.port_warning.text()
    assert "will not start" in w.port_warning.text()
    w.set_sam_version("3.3")
    assert not w.port_warning.isVisible()
