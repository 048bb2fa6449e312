"""Import/export of the HTTP proxy, SOCKS and IRC kinds and of on-demand settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.exporting import export
from i2ptunnel_gui.interop.model import ImportResult, same_definition
from i2ptunnel_gui.interop.reader import load

B32 = "2qstpgdz7jdxa3fs6mgbnksf6htz67qfylxyxl4cq45qordjgfw2.b32.i2p"

JAVA = """\
tunnel.0.name=I2P HTTP Proxy
tunnel.0.type=httpclient
tunnel.0.interface=127.0.0.1
tunnel.0.listenPort=4444
tunnel.0.proxyList=exit.stormycloud.i2p,other.i2p
tunnel.0.sharedClient=true
tunnel.0.startOnLoad=true
tunnel.0.option.i2cp.reduceOnIdle=true
tunnel.0.option.i2cp.reduceIdleTime=900000
tunnel.0.option.i2cp.reduceQuantity=1
tunnel.0.option.i2ptunnel.httpclient.SSLOutproxies=false.i2p
tunnel.0.option.i2ptunnel.httpclient.sendUserAgent=true
tunnel.0.option.inbound.length=3
tunnel.1.name=I2P HTTPS Proxy
tunnel.1.type=connectclient
tunnel.1.interface=127.0.0.1
tunnel.1.listenPort=4445
tunnel.1.option.i2cp.delayOpen=true
tunnel.2.name=Irc2P
tunnel.2.type=ircclient
tunnel.2.interface=127.0.0.1
tunnel.2.listenPort=6668
tunnel.2.targetDestination=irc.postman.i2p:6667,irc.echelon.i2p:6667,irc.dg.i2p:6667
tunnel.2.option.i2cp.closeOnIdle=true
tunnel.2.option.i2cp.closeIdleTime=1200000
tunnel.2.option.i2cp.delayOpen=true
tunnel.2.option.ircclient.enableDCC=false
tunnel.3.name=socks
tunnel.3.type=sockstunnel
tunnel.3.interface=127.0.0.1
tunnel.3.listenPort=4447
tunnel.3.option.i2cp.closeOnIdle=true
tunnel.4.name=socks irc
tunnel.4.type=socksirctunnel
tunnel.4.interface=127.0.0.1
tunnel.4.listenPort=4448
"""

I2PD = """\
[HTTPProxy]
type = httpproxy
address = 127.0.0.1
port = 4444
keys = transient
outproxy = http://exit.stormycloud.i2p
addresshelper = false
inbound.length = 2

[SOCKS]
type = socks
address = 127.0.0.1
port = 4447
keys = socks-keys.dat
outproxy = 127.0.0.1
outproxyport = 9050

[IRC-server]
type = irc
host = 127.0.0.1
port = 6667
keys = irc.dat
"""


def by_name(result: ImportResult) -> dict[str, TunnelSpec]:
    return {t.spec.name: t.spec for t in result.tunnels}


def warnings_of(result: ImportResult, name: str) -> str:
    found = next(t for t in result.tunnels if t.spec.name == name)
    return "\n".join(str(w) for w in found.warnings)


def test_java_proxy_kinds_import(tmp_path: Path) -> None:
    (tmp_path / "i2ptunnel.config").write_text(JAVA)
    r = load(tmp_path / "i2ptunnel.config")
    assert r.errors == []
    specs = by_name(r)
    http = specs["I2P HTTP Proxy"]
    assert (http.kind, http.listen_port, http.outproxy) == (
        TunnelKind.HTTP_PROXY,
        4444,
        "exit.stormycloud.i2p",
    )
    assert http.replace_user_agent is False
    assert http.options_dict["i2cp.reduceOnIdle"] == "true"  # passed to the router
    assert "i2ptunnel.httpclient.SSLOutproxies" not in http.options_dict
    assert "2 outproxies listed" in warnings_of(r, "I2P HTTP Proxy")
    assert "SSLOutproxies: not imported" in warnings_of(r, "I2P HTTP Proxy")
    https = specs["I2P HTTPS Proxy"]
    assert https.kind is TunnelKind.HTTP_PROXY and https.delay_open
    assert "CONNECT proxy imported as an HTTP proxy" in warnings_of(r, "I2P HTTPS Proxy")
    irc = specs["Irc2P"]
    assert irc.kind is TunnelKind.IRC
    assert irc.destination == "irc.postman.i2p,irc.echelon.i2p,irc.dg.i2p"
    assert irc.delay_open and irc.close_idle == 20.0
    assert "ircclient.enableDCC" not in irc.options_dict
    socks = specs["socks"]
    assert socks.kind is TunnelKind.SOCKS and socks.close_idle == 30.0  # Java's default
    assert socks.key_mode is KeyMode.TRANSIENT
    [skipped] = r.skipped
    assert skipped.name == "socks irc" and "IRC client tunnel" in skipped.reason
    assert not skipped.error


def test_i2pd_proxy_sections_import(tmp_path: Path) -> None:
    (tmp_path / "tunnels.conf").write_text(I2PD)
    r = load(tmp_path / "tunnels.conf")
    specs = by_name(r)
    http = specs["HTTPProxy"]
    assert (http.kind, http.outproxy, http.options_dict) == (
        TunnelKind.HTTP_PROXY,
        "exit.stormycloud.i2p",
        {"inbound.length": "2"},
    )
    assert "addresshelper = false" in warnings_of(r, "HTTPProxy")
    socks = specs["SOCKS"]
    assert socks.kind is TunnelKind.SOCKS and socks.outproxy == ""
    assert "clearnet proxy" in warnings_of(r, "SOCKS")
    [skipped] = r.skipped
    assert skipped.name == "IRC-server" and "an IRC server tunnel" in skipped.reason


def proxy_specs() -> list[TunnelSpec]:
    return [
        TunnelSpec.new(
            "web proxy",
            TunnelKind.HTTP_PROXY,
            outproxy=B32,
            replace_user_agent=False,
            delay_open=True,
            close_idle=12.5,
            auto_start=True,
            options=(("i2cp.reduceOnIdle", "true"),),
        ),
        TunnelSpec.new("socks", TunnelKind.SOCKS, listen_port=9050, auto_start=True),
        TunnelSpec.new(
            "on demand client",
            TunnelKind.CLIENT,
            listen_port=7000,
            destination=B32,
            delay_open=True,
            close_idle=1.0,
            auto_start=True,
        ),
    ]


@pytest.mark.parametrize("fmt", ["java", "i2pd"])
def test_round_trip(tmp_path: Path, fmt: str) -> None:
    specs = proxy_specs()
    if fmt == "java":
        specs.append(TunnelSpec.new("irc", TunnelKind.IRC, auto_start=True))
    out = tmp_path / ("i2ptunnel.config" if fmt == "java" else "tunnels.conf")
    res = export(specs, fmt, tmp_path / "keys", out)
    assert res.exported == [s.name for s in specs], res.warnings
    r = load(out)
    assert r.errors == [] and r.skipped == []
    for want, have in zip(specs, [t.spec for t in r.tunnels], strict=True):
        assert same_definition(want, have), (want, have)


def test_what_cannot_be_exported_is_named(tmp_path: Path) -> None:
    irc = TunnelSpec.new("irc", TunnelKind.IRC)
    b64_outproxy = TunnelSpec.new("p", TunnelKind.HTTP_PROXY, outproxy="A" * 516 + "AAAA")
    res = export([irc, b64_outproxy], "i2pd", tmp_path, None)
    assert res.exported == []
    assert any("no IRC client tunnel that filters" in w for w in res.warnings)
    assert any("as a URL" in w for w in res.warnings)
    socks = TunnelSpec.new("s", TunnelKind.SOCKS, proxy_user="u", proxy_password="p")
    res = export([socks], "java", tmp_path, None)
    assert res.exported == ["s"] and any("not exported" in w for w in res.warnings)


def test_socks_outproxy_travels_to_java_not_to_i2pd(tmp_path: Path) -> None:
    socks = TunnelSpec.new("s", TunnelKind.SOCKS, outproxy=B32, auto_start=True)
    out = tmp_path / "i2ptunnel.config"
    export([socks], "java", tmp_path / "keys", out)
    assert f"tunnel.0.proxyList={B32}" in out.read_text()
    [found] = load(out).tunnels
    assert same_definition(found.spec, socks)
    res = export([socks], "i2pd", tmp_path / "keys", None)
    assert res.exported == [] and "clearnet proxy" in res.warnings[0]
