"""Importing the sample Java I2P and i2pd configs in tests/data, good and bad."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind
from i2ptunnel_gui.interop.importing import apply
from i2ptunnel_gui.interop.model import FoundTunnel, ImportResult, InteropError, Skipped
from i2ptunnel_gui.interop.reader import load
from i2ptunnel_gui.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
B32 = "2qstpgdz7jdxa3fs6mgbnksf6htz67qfylxyxl4cq45qordjgfw2.b32.i2p"


def _by_name(r: ImportResult) -> dict[str, FoundTunnel]:
    return {t.spec.name: t for t in r.tunnels}


def _skipped(r: ImportResult) -> dict[str, Skipped]:
    return {s.name: s for s in r.skipped}


def test_java_monolithic_sample() -> None:
    path = DATA / "java" / "i2ptunnel.config"
    r = load(path)
    assert r.format == "java" and r.errors == [] and not r.has_errors
    found = _by_name(r)
    assert list(found) == ["I2P HTTP Proxy", "Jabber client ✓", "I2P webserver", "SSH server",
                           "IRC (plain)"]

    jab = found["Jabber client ✓"]
    assert jab.spec.kind is TunnelKind.CLIENT
    assert (jab.spec.listen_host, jab.spec.listen_port) == ("127.0.0.1", 5222)  # "# comment" cut
    assert jab.spec.destination == B32 and jab.spec.i2p_port == 5222  # first of two
    assert jab.spec.key_mode is KeyMode.PERSISTENT
    assert jab.key_source == DATA / "java" / "keys" / "jabber-client.dat"
    assert jab.spec.options_dict == {"inbound.length": "2", "outbound.length": "2",
                                     "i2p.streaming.connectDelay": "1000"}
    assert jab.spec.signature_type == 7 and jab.spec.auto_start is False
    assert jab.spec.description == ""
    warns = [str(w) for w in jab.warnings]
    assert f"{path}:19: 2 destinations listed; this app connects to the first only ({B32}:5222)" \
        in warns
    assert f"{path}:27: unknownFutureKey: not used by this app; ignored" in warns
    assert any(w.startswith(f"{path}:19: port 5222: kept as the tunnel's I2P port") for w in warns)

    web = found["I2P webserver"].spec
    assert web.kind is TunnelKind.HTTP_SERVER and web.host_override == "mysite.i2p"
    assert (web.target_host, web.target_port) == ("127.0.0.1", 7658)

    ssh = found["SSH server"].spec
    assert ssh.kind is TunnelKind.SERVER
    assert (ssh.target_host, ssh.target_port) == ("127.0.0.1", 22)
    assert ssh.description == '"my box" a=b'  # Java has no quoting: kept verbatim
    assert ssh.auto_start is True  # startOnLoad defaults to true
    assert "inbound.nickname" not in ssh.options_dict
    assert ssh.options_dict["i2cp.leaseSetEncType"] == "4,0"
    assert found["SSH server"].key_source == DATA / "java" / "eepsite" / "eepPriv.dat"

    irc = found["IRC (plain)"]
    assert irc.spec.key_mode is KeyMode.TRANSIENT and irc.key_source is None

    proxy = found["I2P HTTP Proxy"].spec  # proxyList=false.i2p: Java's "no outproxy"
    assert proxy.kind is TunnelKind.HTTP_PROXY and proxy.outproxy == ""
    skipped = _skipped(r)
    assert set(skipped) == {"After the gap"}  # the proxy and the web site both import now
    assert not any(s.error for s in r.skipped)
    gap = skipped["After the gap"]
    assert "gap" in gap.reason and "no tunnel.5" in gap.reason and gap.where == f"{path}:63"


def test_java_split_folder_sample() -> None:
    d = DATA / "java" / "i2ptunnel.config.d"
    r = load(d)
    found = _by_name(r)
    assert list(found) == ["SSH in", "Ünïcode client", "Socks", "Guarded"]
    assert found["Socks"].spec.kind is TunnelKind.SOCKS
    ssh = found["SSH in"]
    assert ssh.spec.description == "Shell over I2P"
    # privKeyFile is relative to the config dir above i2ptunnel.config.d
    assert ssh.key_source == DATA / "java" / "eepsite" / "eepPriv.dat"
    uni = found["Ünïcode client"].spec
    assert (uni.listen_host, uni.listen_port) == ("::1", 8118)
    assert uni.nconnect == 16 and uni.idle_timeout is None and uni.auto_start is False
    assert uni.options == ()  # our i2ptunnelgui.* options became fields
    assert r.skipped == []  # Socks and Guarded both import now
    guarded = found["Guarded"].spec  # its access list is kept, never dropped
    assert guarded.access_mode is AccessMode.ALLOW
    assert guarded.access_list == ("abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst",)
    assert not r.has_errors
    # the parent folder is recognised as a Java config dir (split files win)
    assert [t.spec.name for t in load(DATA / "java").tunnels] == list(found)


def test_i2pd_datadir_sample() -> None:
    r = load(DATA / "i2pd")
    assert r.format == "i2pd" and not r.has_errors
    found = _by_name(r)
    assert list(found) == ["irc-out", "ssh-in", "guarded", "site", "my-socks", "Wéb ★ server",
                           "empty-values", "transient-client"]
    assert found["my-socks"].spec.kind is TunnelKind.SOCKS
    irc = found["irc-out"]
    assert irc.spec.destination == "irc.ilita.i2p" and irc.spec.listen_port == 6668
    assert irc.spec.options_dict == {"i2p.streaming.profile": "2"}
    assert irc.spec.key_mode is KeyMode.PERSISTENT and irc.key_source is None  # generated later
    assert any("irc-keys.dat not found" in str(w) for w in irc.warnings)
    ssh = found["ssh-in"]
    assert ssh.key_source == DATA / "i2pd" / "ssh-in.dat"
    assert ssh.spec.options_dict == {"inbound.length": "3", "outbound.length": "3",
                                     "inbound.quantity": "3", "outbound.quantity": "3"}
    web = found["Wéb ★ server"].spec
    assert web.target_host == "127.0.0.1"  # one pair of quotes removed
    assert web.description == '"quoted" description' and web.auto_start is False
    assert found["Wéb ★ server"].key_source == DATA / "i2pd" / "keys" / "web.dat"
    empty = found["empty-values"].spec
    assert empty.listen_host == "127.0.0.1" and empty.key_mode is KeyMode.TRANSIENT
    tc = found["transient-client"]
    assert tc.spec.key_mode is KeyMode.TRANSIENT and tc.spec.options == ()
    assert any("explicitPeers: empty value" in str(w) for w in tc.warnings)
    skipped = _skipped(r)
    assert set(skipped) == {"vpn-udp"}
    assert irc.spec.i2p_port == 6667 and ssh.spec.i2p_port == 0  # inport = port: i2pd's default
    site = found["site"].spec
    assert site.kind is TunnelKind.HTTP_SERVER and site.host_override == "mysite.i2p"
    assert found["guarded"].spec.access_mode is AccessMode.ALLOW


def test_single_i2pd_file_resolves_keys_against_its_folder() -> None:
    r = load(DATA / "i2pd" / "tunnels.conf")
    assert "transient-client" not in _by_name(r)  # tunnels.d not read for a single file
    assert _by_name(r)["ssh-in"].key_source == DATA / "i2pd" / "ssh-in.dat"


@pytest.mark.parametrize(("name", "expected"), [
    ("garbage.conf", "garbage.conf:1: binary data (NUL byte): not a tunnel config"),
    ("truncated.config", "truncated.config:4: expected KEY=VALUE, got 'tunnel.0.targetPo'"),
    ("dupes.conf", "dupes.conf:6: duplicate section [a] (first at line 1); i2pd rejects the "
                   "whole file"),
])
def test_bad_files_give_file_line_errors(name: str, expected: str) -> None:
    r = load(DATA / "bad" / name)
    assert r.has_errors
    assert str(r.errors[0]) == f"{DATA / 'bad'}/{expected}"


def test_truncated_tunnel_and_duplicate_section_import_nothing() -> None:
    r = load(DATA / "bad" / "truncated.config")
    assert r.tunnels == []
    assert str(r.skipped[0]) == f"{DATA}/bad/truncated.config:1: Cut (server): targetPort is " \
        "missing"
    assert load(DATA / "bad" / "dupes.conf").tunnels == []


def test_not_utf8_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "latin1.config"
    f.write_bytes(b"tunnel.0.name=ok\ntunnel.0.description=caf\xe9\n")
    r = load(f)
    assert [str(e) for e in r.errors] == [f"{f}:2: not UTF-8 text: not a tunnel config"]
    assert r.tunnels == []


def test_duplicate_names_unknown_kinds_and_bad_ports_are_errors() -> None:
    dup = load(DATA / "bad" / "dupe-names.config")
    assert [t.spec.name for t in dup.tunnels] == ["same", "good"]
    s = dup.skipped[0]
    assert s.error and s.where.endswith("dupe-names.config:5")
    assert s.reason.startswith("duplicate tunnel name (first defined at ")

    unk = load(DATA / "bad" / "unknown-kind.config")
    assert [t.spec.name for t in unk.tunnels] == ["Fine"]
    assert unk.skipped[0].error and unk.skipped[0].reason == "unknown tunnel type 'teleporter'"

    ports = load(DATA / "bad" / "badport.conf")
    assert [t.spec.name for t in ports.tunnels] == ["ok"]
    msgs = [str(s) for s in ports.skipped]
    assert msgs == [
        f"{DATA}/bad/badport.conf:4: ssh (server): port: '22 # ssh' is not a port number "
        "(1-65535)",
        f"{DATA}/bad/badport.conf:9: web (client): port: '99999' is not a port number (1-65535)",
    ]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    assert "no such file or folder" in str(load(tmp_path / "nope").errors[0])
    assert "no tunnel config here" in str(load(tmp_path).errors[0])


def test_invalid_key_file_is_an_error(tmp_path: Path) -> None:
    shutil.copy(DATA / "bad" / "short-key.dat", tmp_path / "k.dat")
    (tmp_path / "tunnels.conf").write_text(
        "[s]\ntype = server\nhost = 127.0.0.1\nport = 22\nkeys = k.dat\n")
    r = load(tmp_path)
    assert r.tunnels == [] and r.skipped[0].error
    assert "not an I2P private key" in r.skipped[0].reason


def _settings(tmp_path: Path) -> Settings:
    s = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    s.keys_dir = tmp_path / "keys"
    return s


def test_apply_copies_keys_0600_and_saves(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    added, _ = apply(load(DATA / "i2pd"), s)
    assert len(added) == 8  # every i2pd sample but the UDP one
    loaded, problems = Settings(QSettings(str(tmp_path / "s.ini"),
                                          QSettings.Format.IniFormat)).load_tunnels()
    assert problems == [] and [t.id for t in loaded] == [t.id for t in added]
    ssh = next(t for t in added if t.name == "ssh-in")
    copy = tmp_path / "keys" / f"{ssh.id}.dat"
    assert copy.read_bytes() == (DATA / "i2pd" / "ssh-in.dat").read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "keys").stat().st_mode) == 0o700
    assert sorted(p.name for p in (tmp_path / "keys").iterdir()) == sorted(
        f"{t.id}.dat" for t in added if t.name in ("ssh-in", "Wéb ★ server"))

    # importing again adds nothing: every name exists already
    again, fresh = apply(load(DATA / "i2pd"), s)
    assert again == [] and {x.reason for x in fresh.skipped if x.name == "ssh-in"} == {
        "a tunnel with this name already exists here"}


def test_apply_with_errors_needs_confirmation(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    r = load(DATA / "bad" / "badport.conf")
    with pytest.raises(InteropError, match="nothing imported"):
        apply(r, s)
    assert s.load_tunnels() == ([], [])
    added, _ = apply(r, s, confirmed=True)
    assert [t.name for t in added] == ["ok"]
    assert [t.name for t in s.load_tunnels()[0]] == ["ok"]


def test_failed_save_leaves_no_copied_keys(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    s = Settings(QSettings(str(blocker / "s.ini"), QSettings.Format.IniFormat))
    s.keys_dir = tmp_path / "keys"
    with pytest.raises(OSError, match="settings not saved"):
        apply(load(DATA / "i2pd"), s)
    assert list((tmp_path / "keys").iterdir()) == []
