"""What each router does with a key, the import does too, or names per tunnel.

Checked against Java I2P's TunnelController (startOnLoad and sharedClient are
Boolean.parseBoolean, default "true") and i2pd's ClientContext.cpp (connecttimeout in
whole seconds for client tunnels, 0 = default; keys = shareddest is the router's own
shared destination), plus listen-address clashes at import, at export and for the editor.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from i2ptunnel_gui.core.spec import DEFAULT_I2P_CONNECT_TIMEOUT, KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.clashes import clashes_with, listen_clashes
from i2ptunnel_gui.interop.exporting import export
from i2ptunnel_gui.interop.importing import without_existing
from i2ptunnel_gui.interop.model import FoundTunnel, ImportResult, InteropError
from i2ptunnel_gui.interop.reader import load

B32 = "2qstpgdz7jdxa3fs6mgbnksf6htz67qfylxyxl4cq45qordjgfw2.b32.i2p"


def _java(tmp_path: Path, *tunnels: dict[str, str]) -> ImportResult:
    lines = [f"tunnel.{i}.{k}={v}" for i, t in enumerate(tunnels) for k, v in t.items()]
    f = tmp_path / "i2ptunnel.config"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load(f)


def _i2pd(tmp_path: Path, text: str) -> ImportResult:
    f = tmp_path / "tunnels.conf"
    f.write_text(text, encoding="utf-8")
    return load(f)


def _one(r: ImportResult, name: str) -> FoundTunnel:
    return next(t for t in r.tunnels if t.spec.name == name)


def _said(t: FoundTunnel) -> list[str]:
    return [w.message for w in t.warnings]


def _client(name: str, port: int, **extra: str) -> dict[str, str]:
    return {"type": "client", "name": name, "listenPort": str(port),
            "targetDestination": B32, **extra}


@pytest.mark.parametrize(("text", "auto", "named"), [
    (None, True, False), ("true", True, False), ("TRUE", True, False),
    ("false", False, False), ("yes", False, True), ("1", False, True), ("on", False, True),
])
def test_java_start_on_load_only_true_is_true(tmp_path: Path, text: str | None, auto: bool,
                                              named: bool) -> None:
    extra = {} if text is None else {"startOnLoad": text}
    t = _one(_java(tmp_path, _client("c", 7000, **extra)), "c")
    assert t.spec.auto_start is auto
    assert any("takes only 'true' as true" in m for m in _said(t)) is named


def test_java_shared_client_is_named_per_tunnel(tmp_path: Path) -> None:
    r = _java(tmp_path, _client("shared", 7000, sharedClient="true"),
              _client("own", 7001, sharedClient="false"))
    assert any(m.startswith("sharedClient=true:") for m in _said(_one(r, "shared")))
    assert _said(_one(r, "own")) == []
    where = next(w.where for w in _one(r, "shared").warnings)
    assert where == f"{tmp_path / 'i2ptunnel.config'}:5"  # the sharedClient line


I2PD = """\
[timed]
type = client
port = 7000
destination = {b32}
connecttimeout = 20
keepaliveinterval = 30
matchtunnels = true

[zero-timeout]
type = client
port = 7001
destination = {b32}
connecttimeout = 0

[bad-timeout]
type = client
port = 7002
destination = {b32}
connecttimeout = soon

[web]
type = server
host = 127.0.0.1
port = 8080
keys = web.dat
gzip = true
enableuniquelocal = true
connecttimeout = 5

[plain]
type = server
host = 127.0.0.1
port = 8081
keys = plain.dat
gzip = false
enableuniquelocal = false

[shared-client]
type = client
port = 7003
destination = {b32}
keys = shareddest

[shared-server]
type = server
host = 127.0.0.1
port = 8082
keys = shareddest
"""


def test_i2pd_client_and_server_keys(tmp_path: Path) -> None:
    r = _i2pd(tmp_path, I2PD.format(b32=B32))
    assert r.errors == [] and r.skipped == []
    timed = _one(r, "timed")
    assert timed.spec.connect_timeout == 20.0
    assert [m.split(":")[0] for m in _said(timed)] == ["keepaliveinterval", "matchtunnels"]
    assert _one(r, "zero-timeout").spec.connect_timeout == DEFAULT_I2P_CONNECT_TIMEOUT
    bad = _one(r, "bad-timeout")
    assert bad.spec.connect_timeout == DEFAULT_I2P_CONNECT_TIMEOUT
    assert any(m.startswith("connecttimeout=soon: not a whole number") for m in _said(bad))
    web = [m.split(":")[0] for m in _said(_one(r, "web"))]
    assert "gzip" in web and "enableuniquelocal" in web and "connecttimeout" in web
    assert not any(m.startswith(("gzip", "enableuniquelocal")) for m in _said(_one(r, "plain")))
    shared_c, shared_s = _one(r, "shared-client"), _one(r, "shared-server")
    assert shared_c.key_source is None and shared_c.spec.key_mode is KeyMode.TRANSIENT
    assert shared_s.key_source is None and shared_s.spec.key_mode is KeyMode.PERSISTENT
    for t in (shared_c, shared_s):
        assert any(m.startswith("keys = shareddest: i2pd's shared destination") for m in
                   _said(t))
        assert not any("shareddest not found" in m for m in _said(t))  # not a file name


def test_clashing_listeners_in_one_config_are_refused(tmp_path: Path) -> None:
    r = _java(tmp_path, _client("a", 6668), _client("b", 6668, interface="localhost"),
              _client("c", 6668, interface="0.0.0.0"), _client("d", 6669))
    assert [t.spec.name for t in r.tunnels] == ["a", "d"]
    assert [(s.name, s.error) for s in r.skipped] == [("b", True), ("c", True)]
    assert "listens on localhost:6668 like 'a'" in r.skipped[0].reason
    assert r.has_errors  # the CLI needs --yes, the dialog a confirmation


def test_clash_with_an_app_tunnel_is_refused(tmp_path: Path) -> None:
    mine = TunnelSpec.new("mine", TunnelKind.FORWARD, listen_port=6668, target_port=1)
    r = without_existing(_java(tmp_path, _client("irc", 6668), _client("ok", 6670)),
                         ["other"], [mine])
    assert [t.spec.name for t in r.tunnels] == ["ok"]
    assert r.skipped[0].error and "'mine' already listens" in r.skipped[0].reason


def test_export_refuses_clashing_tunnels(tmp_path: Path) -> None:
    a = TunnelSpec.new("a", TunnelKind.CLIENT, listen_port=6668, destination=B32)
    b = TunnelSpec.new("b", TunnelKind.CLIENT, listen_port=6668, destination=B32)
    out = tmp_path / "tunnels.conf"
    said = re.escape("'b' listens on 127.0.0.1:6668, as 'a' does")
    for fmt in ("i2pd", "java"):
        with pytest.raises(InteropError, match=said):
            export([a, b], fmt, tmp_path / "keys", out)
    assert not out.exists()


@pytest.mark.parametrize(("h1", "h2", "clash"), [
    ("127.0.0.1", "127.0.0.1", True), ("127.0.0.1", "localhost", True),
    ("127.0.0.1", "127.0.0.2", False), ("0.0.0.0", "127.0.0.2", True),
    ("0.0.0.0", "::1", False), ("::", "127.0.0.1", True), ("::1", "[::1]", True),
    ("::1", "127.0.0.1", False),
])
def test_clashes_with_for_the_editor(h1: str, h2: str, clash: bool) -> None:
    a = TunnelSpec.new("a", TunnelKind.CLIENT, listen_host=h1, listen_port=7000,
                       destination=B32)
    b = TunnelSpec.new("b", TunnelKind.FORWARD, listen_host=h2, listen_port=7000,
                       target_port=1)
    assert (clashes_with(b, [a]) is a) is clash
    assert clashes_with(b, [a.replace(listen_port=7001)]) is None
    assert clashes_with(a, [a]) is None  # itself (same id), as when the editor saves an edit
    server = TunnelSpec.new("s", TunnelKind.SERVER, target_port=7000)
    assert clashes_with(server, [a]) is None and listen_clashes([server, server]) == []
