"""Server policy keys of Java and i2pd configs, both ways, with nothing dropped silently."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.post_limits import PostLimits
from i2ptunnel_gui.core.sam.keys import b64encode, build_destination
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.server_policy import (
    i2pd_policy_fields,
    i2pd_policy_keys,
    java_client_destination,
    java_policy_fields,
    java_policy_keys,
)

DEST = build_destination(os.urandom(256), os.urandom(32), sig_type=7)
B32 = DEST.b32_address
HASH64 = b64encode(hashlib.sha256(DEST.raw).digest())


def test_java_http_server_with_access_list_limits_posts_and_spoofed_host() -> None:
    opts = {
        "i2cp.enableAccessList": "true",
        "i2cp.enableBlackList": "false",
        "i2cp.accessList": f"{HASH64},friend.i2p",
        "i2p.streaming.maxConnsPerMinute": "3",
        "i2p.streaming.maxTotalConnsPerDay": "500",
        "maxPosts": "5",
        "postCheckTime": "600",
        "unrelated": "x",
    }
    m = java_policy_fields(TunnelKind.HTTP_SERVER, opts, spoofed_host=" mysite.i2p ")
    assert m.refusal is None and m.warnings == []
    assert m.fields == {
        "access_mode": AccessMode.ALLOW,
        "access_list": (HASH64, "friend.i2p"),
        "conn_limits": ConnLimits(client_per_minute=3, total_per_day=500),
        "post_limits": PostLimits(max_per_client=5, window=600),
        "host_override": "mysite.i2p",
    }


@pytest.mark.parametrize(
    ("opts", "key", "words"),
    [
        ({"i2cp.enableAccessList": "true"}, "i2cp.enableAccessList", "lock everyone out"),
        (
            {"i2cp.enableAccessList": "true", "i2cp.enableBlackList": "true"},
            "i2cp.enableAccessList",
            "both",
        ),
        ({"i2cp.enableBlackList": "true", "i2cp.accessList": "nope"}, "i2cp.accessList", "nope"),
        ({"i2p.streaming.maxConnsPerHour": "lots"}, "i2p.streaming.maxConnsPerHour", "lots"),
    ],
)
def test_java_lists_or_limits_that_cannot_be_kept_refuse_the_tunnel(
    opts: dict[str, str], key: str, words: str
) -> None:
    m = java_policy_fields(TunnelKind.SERVER, opts)
    assert m.refusal is not None and m.refusal[0] == key and words in m.refusal[1]


def test_java_export_round_trips_and_names_what_java_cannot_hold() -> None:
    spec = TunnelSpec.new(
        "web",
        TunnelKind.HTTP_SERVER,
        access_mode=AccessMode.DENY,
        access_list=(B32, "foe.i2p"),
        conn_limits=ConnLimits(total_per_minute=9),
        post_limits=PostLimits(max_total=4),
        host_override="mysite.i2p",
        i2p_port=80,
    )
    props, warnings = java_policy_keys(spec)
    assert props["spoofedHost"] == "mysite.i2p"
    assert props["option.i2cp.enableBlackList"] == "true"
    assert any("port 80" in w for w in warnings)
    opts = {k.removeprefix("option."): v for k, v in props.items() if k.startswith("option.")}
    back = java_policy_fields(spec.kind, opts, props["spoofedHost"])
    assert back.refusal is None
    bare = TunnelSpec.new("web", TunnelKind.HTTP_SERVER, id=spec.id)
    assert bare.replace(**back.fields) == spec.replace(i2p_port=0)  # all but the port
    client = TunnelSpec.new("c", TunnelKind.CLIENT, listen_port=1, destination=B32, i2p_port=8080)
    assert java_client_destination(client) == f"{B32}:8080"


def test_i2pd_http_section_with_accesslist_hostoverride_inport() -> None:
    m = i2pd_policy_fields(
        TunnelKind.HTTP_SERVER,
        {
            "accesslist": f"{DEST.b32},{B32}",
            "hostoverride": "site.i2p",
            "inport": "80",
            "enableuniquelocal": "true",
            "i2pheaders": "false",
        },
    )
    assert m.refusal is None
    assert m.fields == {
        "access_mode": AccessMode.ALLOW,
        "access_list": (DEST.b32, B32),
        "host_override": "site.i2p",
        "i2p_port": 80,
    }
    assert [k for k, _ in m.warnings] == ["inport", "i2pheaders"]  # enableuniquelocal: i2pd.py
    client = i2pd_policy_fields(TunnelKind.CLIENT, {"destinationport": "8080"})
    assert client.fields == {"i2p_port": 8080}
    socks = i2pd_policy_fields(TunnelKind.SOCKS, {"destinationport": "8080"})  # no fixed peer
    assert socks.fields == {} and [k for k, _ in socks.warnings] == ["destinationport"]
    bad = i2pd_policy_fields(TunnelKind.SERVER, {"whitelist": "zzz"})
    assert bad.refusal is not None and bad.refusal[0] == "whitelist"
    assert i2pd_policy_fields(TunnelKind.SERVER, {"inport": "0"}).fields == {}


def test_i2pd_export_writes_bare_b32_and_never_an_empty_accesslist() -> None:
    spec = TunnelSpec.new(
        "s",
        TunnelKind.SERVER,
        target_port=22,
        access_mode=AccessMode.ALLOW,
        access_list=(B32, HASH64, "friend.i2p"),
        i2p_port=22,
    )
    rows, warnings = i2pd_policy_keys(spec)
    assert dict(rows) == {"accesslist": f"{DEST.b32},{DEST.b32}", "inport": "22"}
    assert any("friend.i2p" in w for w in warnings)
    with pytest.raises(ValueError, match="let everyone in"):
        i2pd_policy_keys(spec.replace(access_list=("friend.i2p",)))
    _, warnings = i2pd_policy_keys(
        spec.replace(access_mode=AccessMode.DENY, conn_limits=ConnLimits(client_per_day=1))
    )
    assert any("deny list" in w for w in warnings) and any("rate limits" in w for w in warnings)


def test_files_both_ways_keep_the_web_site_and_name_what_they_cannot_hold(
    tmp_path: Path,
) -> None:
    from i2ptunnel_gui.interop.exporting import export
    from i2ptunnel_gui.interop.model import same_definition
    from i2ptunnel_gui.interop.reader import load

    site = TunnelSpec.new(
        "site",
        TunnelKind.HTTP_SERVER,
        access_mode=AccessMode.ALLOW,
        access_list=(B32,),
        host_override="mysite.i2p",
        conn_limits=ConnLimits(client_per_minute=5),
        post_limits=PostLimits(max_total=9),
    )
    chat = TunnelSpec.new(
        "chat", TunnelKind.CLIENT, listen_port=7001, destination=B32, i2p_port=6667
    )
    java = export([site, chat], "java", tmp_path / "keys", tmp_path / "i2ptunnel.config")
    back = load(tmp_path / "i2ptunnel.config")
    assert back.errors == [] and back.skipped == []
    assert [
        same_definition(a, b.spec) for a, b in zip([site, chat], back.tunnels, strict=True)
    ] == [True, True]
    assert "tunnel.0.type=httpserver" in java.text and f"{B32}:6667" in java.text

    i2pd = export([site, chat], "i2pd", tmp_path / "keys", tmp_path / "tunnels.conf")
    assert "type = http\n" in i2pd.text and "hostoverride = mysite.i2p" in i2pd.text
    assert f"accesslist = {DEST.b32}" in i2pd.text and "destinationport = 6667" in i2pd.text
    assert any("no connection-rate limits" in w for w in i2pd.warnings)
    assert any("no POST limits" in w for w in i2pd.warnings)
    got = {t.spec.name: t.spec for t in load(tmp_path / "tunnels.conf").tunnels}
    assert got["site"].access_list == (DEST.b32,) and got["site"].host_override == "mysite.i2p"
    assert got["chat"].i2p_port == 6667


def test_web_site_and_proxy_kinds_in_one_file_both_ways(tmp_path: Path) -> None:
    from i2ptunnel_gui.interop.exporting import export
    from i2ptunnel_gui.interop.model import same_definition
    from i2ptunnel_gui.interop.reader import load

    site = TunnelSpec.new("site", TunnelKind.HTTP_SERVER, host_override="mysite.i2p")
    chat = TunnelSpec.new("chat", TunnelKind.CLIENT, listen_port=7001, destination=B32,
                          i2p_port=6667, delay_open=True)
    proxy = TunnelSpec.new("proxy", TunnelKind.HTTP_PROXY, outproxy=B32, close_idle=5.0)
    irc = TunnelSpec.new("irc", TunnelKind.IRC)
    for fmt, name, specs, types in (
        ("java", "i2ptunnel.config", [site, chat, proxy, irc],
         ["httpserver", "client", "httpclient", "ircclient"]),
        ("i2pd", "tunnels.conf", [site, chat, proxy], ["http", "client", "httpproxy"]),
    ):
        res = export(specs, fmt, tmp_path / "keys", tmp_path / name)
        assert res.exported == [s.name for s in specs], res.warnings
        rows = [line.partition("=") for line in res.text.splitlines()]
        written = [value.strip() for key, _, value in rows
                   if key.strip() == "type" or key.endswith(".type")]
        assert written == types
        back = load(tmp_path / name)
        assert back.errors == [] and back.skipped == []
        for want, have in zip(specs, back.tunnels, strict=True):
            assert same_definition(want, have.spec), (want, have.spec)


def test_a_java_access_list_that_cannot_be_read_refuses_the_tunnel(tmp_path: Path) -> None:
    from i2ptunnel_gui.interop.reader import load

    conf = tmp_path / "i2ptunnel.config"
    conf.write_text(
        "tunnel.0.name=guarded\ntunnel.0.type=server\ntunnel.0.targetHost=127.0.0.1\n"
        "tunnel.0.targetPort=22\ntunnel.0.option.i2cp.enableAccessList=true\n"
        "tunnel.0.option.i2cp.accessList=friend.i2p,not-a-dest\n",
        encoding="utf-8",
    )
    r = load(conf)
    assert r.tunnels == []
    [skipped] = r.skipped
    assert skipped.error and skipped.where == f"{conf}:6"
    assert "i2cp.accessList" in skipped.reason and "'not-a-dest'" in skipped.reason
