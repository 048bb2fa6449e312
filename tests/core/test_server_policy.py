"""Server policy: the per-stream gate, and the definition fields that configure it."""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from i2ptunnel_gui.core.addresses import SpecError
from i2ptunnel_gui.core.policy.access import EMPTY_ALLOW_LIST, AccessMode, AccessPolicy
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.post_limits import PostLimits
from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.policy.server_policy import Admission, ServerGate
from i2ptunnel_gui.core.sam.keys import build_destination
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate

B32 = "testvjtq2sfj5a6m7dwecpuxwbpwglgrma4i2iisxg2g5bnogm5a.b32.i2p"


def dest():  # type: ignore[no-untyped-def]
    return build_destination(os.urandom(256), os.urandom(32), sig_type=7)


def test_gate_checks_port_then_access_then_rate_and_counts_refusals() -> None:
    friend, stranger = dest(), dest()
    allow = AccessPolicy(AccessMode.ALLOW, frozenset({hashlib.sha256(friend.raw).digest()}))
    gate = ServerGate(allow, ConnLimits(client_per_minute=1), i2p_port=80)
    assert gate.check(friend, 81) is Refusal.I2P_PORT
    assert gate.check(stranger, 80) is Refusal.ACCESS_LIST
    ok = gate.check(friend, 80)
    assert isinstance(ok, Admission) and ok.peer == friend
    assert ok.peer_hash == hashlib.sha256(friend.raw).digest()
    assert gate.check(friend, 80) is Refusal.CLIENT_MINUTE
    assert gate.refusals.snapshot() == (
        (Refusal.ACCESS_LIST, 1),
        (Refusal.I2P_PORT, 1),
        (Refusal.CLIENT_MINUTE, 1),
    )


def test_a_full_tunnel_refuses_before_the_rate_is_used() -> None:
    caller = dest()
    gate = ServerGate(AccessPolicy(AccessMode.OFF, frozenset()), ConnLimits(client_per_hour=1))
    assert gate.check(caller, full=True) is Refusal.MAX_CONCURRENT
    assert isinstance(gate.check(caller), Admission)  # the hourly one was not used up
    assert gate.check(caller) is Refusal.CLIENT_HOUR


def test_an_open_gate_admits_anyone_on_any_port() -> None:
    gate = ServerGate(AccessPolicy(AccessMode.OFF, frozenset()), ConnLimits())
    assert gate.throttle is None
    assert all(isinstance(gate.check(dest(), p), Admission) for p in (0, 1, 65535))


def server(**kw: object) -> TunnelSpec:
    return TunnelSpec.new("s", TunnelKind.SERVER, target_port=8080, **kw)


def http(**kw: object) -> TunnelSpec:
    return TunnelSpec.new("web", TunnelKind.HTTP_SERVER, **kw)


def errors(spec: TunnelSpec) -> dict[str, str]:
    return {e.field: e.message for e in validate(spec)}


def test_http_server_defaults_to_the_eepsite_port_and_is_a_server_kind() -> None:
    spec = http()
    assert (spec.target_host, spec.target_port) == ("127.0.0.1", 7658)
    assert spec.serves and server().serves and spec.needs_router and not spec.listens
    assert validate(spec) == []


@pytest.mark.parametrize(
    ("spec", "field", "words"),
    [
        (server(access_mode=AccessMode.ALLOW), "access_list", EMPTY_ALLOW_LIST),
        (server(access_mode=AccessMode.DENY, access_list=("x", B32)), "access_list", "line 1"),
        (server(conn_limits=ConnLimits(total_per_hour=-1)), "conn_limits", "total per hour must"),
        (server(host_override="a.i2p"), "host_override", "only HTTP server"),
        (server(post_limits=PostLimits(max_total=3)), "post_limits", "only HTTP server"),
        (http(host_override="bad host"), "host_override", "spaces"),
        (http(host_override="site.i2p:99999"), "host_override", "65535"),
        (http(post_limits=PostLimits(max_per_client=1, window=0)), "post_limits", "1 second"),
        (server(i2p_port=70000), "i2p_port", "65535"),
        (
            TunnelSpec.new(
                "c", TunnelKind.CLIENT, listen_port=1, destination=B32, access_mode=AccessMode.DENY
            ),
            "access_mode",
            "only server tunnels",
        ),
        (
            TunnelSpec.new("f", TunnelKind.FORWARD, listen_port=1, target_port=2, i2p_port=80),
            "i2p_port",
            "only I2P server and client tunnels",
        ),
        (  # a proxy names its peer per connection: no fixed port to send
            TunnelSpec.new("p", TunnelKind.HTTP_PROXY, i2p_port=80),
            "i2p_port",
            "only I2P server and client tunnels",
        ),
    ],
)
def test_bad_policy_settings_are_named(spec: TunnelSpec, field: str, words: str) -> None:
    errs = errors(spec)
    assert field in errs, errs
    assert words in errs[field]


def test_good_policy_settings_validate() -> None:
    assert validate(server(access_mode=AccessMode.ALLOW, access_list=(B32, "friend.i2p"))) == []
    assert validate(http(host_override="mysite.i2p", i2p_port=80)) == []
    assert validate(http(host_override="[::1]:8080")) == []
    client = TunnelSpec.new("c", TunnelKind.CLIENT, listen_port=1, destination=B32, i2p_port=80)
    assert validate(client) == []


def test_policy_fields_survive_the_settings_json_round_trip() -> None:
    spec = http(
        access_mode=AccessMode.DENY,
        access_list=(B32, "foe.i2p"),
        conn_limits=ConnLimits(client_per_minute=3, total_per_day=1000),
        post_limits=PostLimits(max_per_client=5, window=60),
        host_override="mysite.i2p",
        i2p_port=80,
    )
    back = TunnelSpec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert back == spec
    plain = server()
    assert TunnelSpec.from_dict(json.loads(json.dumps(plain.to_dict()))) == plain


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"access_mode": "whitelist"}, "access_mode"),
        ({"access_list": "b32.i2p"}, "access_list"),
        ({"conn_limits": {"per_fortnight": 1}}, "conn_limits"),
        ({"conn_limits": {"client_per_minute": "lots"}}, "conn_limits"),
        ({"post_limits": [1, 2]}, "post_limits"),
        ({"i2p_port": "eighty"}, "i2p_port"),
    ],
)
def test_bad_stored_policy_data_names_its_field(changes: dict, field: str) -> None:
    data = {**server().to_dict(), **changes}
    with pytest.raises(SpecError) as info:
        TunnelSpec.from_dict(data)
    assert info.value.field == field
