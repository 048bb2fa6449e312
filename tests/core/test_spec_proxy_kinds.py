"""Tunnel definitions of the proxy kinds: defaults, validation, plain-data round trip."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.client_fields import destination_list
from i2ptunnel_gui.core.spec import (
    IRC2P,
    KeyMode,
    TunnelKind,
    TunnelSpec,
)
from i2ptunnel_gui.core.spec_checks import validate

B32 = "p" * 52 + ".b32.i2p"


@pytest.mark.parametrize(
    ("kind", "port"),
    [(TunnelKind.HTTP_PROXY, 4444), (TunnelKind.SOCKS, 4447), (TunnelKind.IRC, 6668)],
)
def test_new_proxy_kinds_have_the_usual_ports_and_are_valid(kind: TunnelKind, port: int) -> None:
    spec = TunnelSpec.new("p", kind)
    assert spec.listen_port == port and spec.listens and spec.needs_router
    assert spec.key_mode is KeyMode.TRANSIENT and spec.connect_timeout == 60.0
    assert validate(spec) == []


def test_irc_destinations_are_a_list_checked_one_by_one() -> None:
    spec = TunnelSpec.new("irc", TunnelKind.IRC)
    assert destination_list(spec.destination) == IRC2P.split(",")
    assert destination_list(" a.i2p , ,b.i2p") == ["a.i2p", "b.i2p"]
    errs = validate(spec.replace(destination=f"{B32}, not a dest"))
    assert [e.field for e in errs] == ["destination"]
    assert [e.field for e in validate(spec.replace(destination=" , "))] == ["destination"]


def test_proxy_field_checks() -> None:
    http = TunnelSpec.new("h", TunnelKind.HTTP_PROXY)
    assert validate(http.replace(outproxy=B32)) == []
    assert [e.field for e in validate(http.replace(outproxy="exit.example.org"))] == ["outproxy"]
    socks = TunnelSpec.new("s", TunnelKind.SOCKS)
    assert validate(socks.replace(proxy_user="u", proxy_password="p")) == []
    assert [e.field for e in validate(socks.replace(proxy_user="u"))] == ["proxy_password"]
    assert [e.field for e in validate(socks.replace(proxy_user="u\n", proxy_password="p"))] == [
        "proxy_user"
    ]
    assert [e.field for e in validate(http.replace(close_idle=0.0))] == ["close_idle"]


def test_round_trip_through_plain_data() -> None:
    spec = TunnelSpec.new(
        "h",
        TunnelKind.HTTP_PROXY,
        outproxy=B32,
        replace_user_agent=False,
        delay_open=True,
        close_idle=5.0,
    )
    data = spec.to_dict()
    assert data["kind"] == "http-proxy"
    # settings files hold strings
    text = {k: (str(v) if isinstance(v, bool | int | float) else v) for k, v in data.items()}
    assert TunnelSpec.from_dict(text) == spec
