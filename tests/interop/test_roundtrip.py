"""Export then import gives back the same definitions, for both formats; plus the CLI."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from i2ptunnel_gui.commands.cli import main
from i2ptunnel_gui.core.sam.keys import build_destination, build_private_key
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.exporting import app_keys, export, export_bundle
from i2ptunnel_gui.interop.model import ImportResult, InteropError, same_definition
from i2ptunnel_gui.interop.reader import load
from i2ptunnel_gui.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
B32 = "2qstpgdz7jdxa3fs6mgbnksf6htz67qfylxyxl4cq45qordjgfw2.b32.i2p"
B64 = "A" * 516 + "AAAA"


def tricky_specs() -> list[TunnelSpec]:
    """Every exportable kind, with values that are easy to get wrong."""
    return [
        TunnelSpec(name="ssh in", kind=TunnelKind.SERVER, target_port=22, auto_start=True,
                   description="Shell = over I2P; \"quoted\" ✓",
                   options=(("i2cp.leaseSetEncType", "4,0"), ("inbound.length", "2"),
                            ("outbound.quantity", "4"))),
        TunnelSpec(name="Wéb ★ (v6)", kind=TunnelKind.SERVER, target_host="::1",
                   target_port=8080, signature_type=11, key_mode=KeyMode.TRANSIENT,
                   nconnect=100, lifetime=3600.25, idle_timeout=None, half_close_timeout=None,
                   connect_timeout=2.5,
                   sam_address="127.0.0.2:7656", description='"wrapped in quotes"'),
        TunnelSpec(name="irc", kind=TunnelKind.CLIENT, listen_port=6668,
                   destination="irc.ilita.i2p", key_mode=KeyMode.TRANSIENT, auto_start=False),
        TunnelSpec(name="b32 client", kind=TunnelKind.CLIENT, listen_host="::1",
                   listen_port=7000, destination=B32, idle_timeout=5.0, half_close_timeout=7.5,
                   options=(("i2p.streaming.profile", "2"),)),
        TunnelSpec(name="public b64", kind=TunnelKind.CLIENT, listen_host="0.0.0.0",
                   allow_public_bind=True, listen_port=7001, destination=B64,
                   signature_type=1, description="  spaces kept inside  ".strip()),
        TunnelSpec(name="loopback but allowed", kind=TunnelKind.CLIENT, listen_port=7002,
                   allow_public_bind=True, destination=B32, nconnect=1),
    ]


def _key_blob(seed: int) -> bytes:
    import random
    rng = random.Random(seed)
    dest = build_destination(rng.randbytes(256), rng.randbytes(32), sig_type=7)
    return build_private_key(dest, rng.randbytes(256), rng.randbytes(32)).raw


def _assert_round_trip(specs: list[TunnelSpec], r: ImportResult) -> None:
    assert r.errors == [] and r.skipped == []
    got = [t.spec for t in r.tunnels]
    assert len(got) == len(specs)
    for want, have in zip(specs, got, strict=True):
        assert same_definition(want, have), (want, have)


@pytest.mark.parametrize("fmt", ["java", "i2pd"])
def test_file_round_trip(tmp_path: Path, fmt: str) -> None:
    specs = tricky_specs()
    out = tmp_path / ("i2ptunnel.config" if fmt == "java" else "tunnels.conf")
    res = export(specs, fmt, tmp_path / "keys", out)
    assert res.exported == [s.name for s in specs]
    if fmt == "java":  # the transient server: Java always keeps a key file
        assert res.warnings == ["Wéb ★ (v6): Java I2P server tunnels always keep a key file; "
                                "this transient server gets a new one that Java I2P will keep"]
    else:  # four persistent tunnels: their keys are not in a single file
        assert res.warnings == [
            "i2pd reads `keys =` from its data dir: 4 tunnel(s) name key files that must be "
            "copied there, or i2pd makes new addresses; export into a folder to get the key "
            "files with the config"]
        assert "keys = ssh_in.dat\n" in res.text and str(tmp_path) not in res.text
    _assert_round_trip(specs, load(out))


def test_java_split_round_trip(tmp_path: Path) -> None:
    specs = tricky_specs()
    res = export(specs, "java", tmp_path / "keys", tmp_path / "i2ptunnel.config.d",
                         split=True)
    names = sorted(p.name for p in res.files)
    assert names[0] == "00-ssh in-i2ptunnel.config"
    assert "01-Wéb ★ (v6)-i2ptunnel.config" in names
    text = res.files[0].read_text(encoding="utf-8")
    assert f"configFile={res.files[0].resolve()}\n" in text and "\ntunnel." not in text
    _assert_round_trip(specs, load(tmp_path / "i2ptunnel.config.d"))
    _assert_round_trip(specs, load(tmp_path))  # the config dir above it


@pytest.mark.parametrize("fmt", ["java", "i2pd"])
def test_round_trip_of_imported_samples(tmp_path: Path, fmt: str) -> None:
    for sample in (DATA / "java" / "i2ptunnel.config", DATA / "java" / "i2ptunnel.config.d",
                   DATA / "i2pd"):
        specs = [t.spec for t in load(sample).tunnels]
        out = tmp_path / f"out-{fmt}-{sample.name}"
        export(specs, fmt, tmp_path / "keys", out)
        _assert_round_trip(specs, load(out))


@pytest.mark.parametrize("fmt", ["java", "i2pd"])
def test_persistent_key_travels_with_the_export(tmp_path: Path, fmt: str) -> None:
    """A Java file export points at the app's key file; i2pd needs the bundle (its `keys`
    are read from its data dir), which carries a copy named relative to it."""
    keys = tmp_path / "keys"
    keys.mkdir()
    spec = tricky_specs()[0]
    (keys / f"{spec.id}.dat").write_bytes(_key_blob(1))
    if fmt == "java":
        out = tmp_path / "out.conf"
        export([spec], fmt, keys, out)
        found = load(out).tunnels[0]
        assert found.key_source == keys / f"{spec.id}.dat"
    else:
        res = export_bundle([spec], fmt, app_keys(keys), tmp_path / "bundle")
        assert sorted(p.name for p in (tmp_path / "bundle").iterdir()) == [
            "ssh_in.dat", "tunnels.conf"]
        found = load(tmp_path / "bundle").tunnels[0]
        assert found.key_source == tmp_path / "bundle" / "ssh_in.dat"
        assert stat.S_IMODE(found.key_source.stat().st_mode) == 0o600
        assert "keys = ssh_in.dat\n" in res.text
    assert found.key_source.read_bytes() == _key_blob(1)
    assert found.spec.key_mode is KeyMode.PERSISTENT


def test_what_a_format_cannot_hold_is_reported(tmp_path: Path) -> None:
    fwd = TunnelSpec(name="fwd", kind=TunnelKind.FORWARD, listen_port=1, target_port=2)
    bracket = TunnelSpec(name="a]b", kind=TunnelKind.SERVER, target_port=22)
    hashed = TunnelSpec(name="c#1", kind=TunnelKind.SERVER, target_port=22)
    j = export([fwd, bracket, hashed], "java", tmp_path, None)
    assert j.exported == ["a]b", "c#1"]
    assert any("no plain TCP forward" in w for w in j.warnings)
    assert any("cannot hold '#'" in w for w in j.warnings)
    i = export([fwd, bracket, hashed], "i2pd", tmp_path, None)
    assert i.exported == ["c#1"]
    assert any("cannot hold ']'" in w for w in i.warnings)
    assert "[c#1]" in i.text


# -- command line -------------------------------------------------------------


def _cli(tmp_path: Path, *argv: str) -> int:
    return main(["--settings", str(tmp_path / "s.ini"), *argv])


@pytest.fixture
def keys_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "i2ptunnel-gui" / "keys"


def test_cli_import_dry_run_lists_and_changes_nothing(
        tmp_path: Path, keys_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(tmp_path, "import", str(DATA / "i2pd"), "--dry-run") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:8] == [
        "irc-out client 127.0.0.1:6668 irc.ilita.i2p",
        "ssh-in server - 127.0.0.1:22",
        "guarded server - 127.0.0.1:2222",
        "site http-server - 127.0.0.1:8080",
        "my-socks socks 127.0.0.1:14447 -",
        "'Wéb ★ server' server - 127.0.0.1:8081",
        f"empty-values client 127.0.0.1:7001 {B32}",
        "transient-client client 127.0.0.1:7002 echo.i2p",
    ]
    assert out[8].startswith("skipped vpn-udp udpserver: UDP tunnels are not provided")
    assert len(out) == 9  # 8 tunnels, 1 skipped
    assert Settings.open(tmp_path / "s.ini").load_tunnels() == ([], [])
    assert not keys_env.exists()


def test_cli_import_then_export(tmp_path: Path, keys_env: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(tmp_path, "import", str(DATA / "java" / "i2ptunnel.config.d")) == 0
    err = capsys.readouterr().err
    assert "imported 4 tunnel(s)" in err  # Socks and Guarded included
    assert len(list(keys_env.iterdir())) == 1  # SSH in's key, copied
    assert _cli(tmp_path, "export", "--format", "i2pd") == 0
    captured = capsys.readouterr()
    assert "[SSH in]\ntype = server\nhost = 127.0.0.1\nport = 22\n" in captured.out
    assert "exported 4 tunnel(s) to stdout" in captured.err
    assert "[Guarded]\ntype = server\n" in captured.out and "accesslist = " in captured.out
    assert "[Socks]\ntype = socks\n" in captured.out
    out = tmp_path / "x.config"
    assert _cli(tmp_path, "export", "--format", "java", "--output", str(out)) == 0
    names = [t.spec.name for t in load(out).tunnels]
    assert names == ["SSH in", "Ünïcode client", "Socks", "Guarded"]


def test_cli_import_with_errors_needs_yes(tmp_path: Path, keys_env: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(DATA / "bad" / "badport.conf")
    assert _cli(tmp_path, "import", bad) == 1
    err = capsys.readouterr().err
    assert "nothing imported: 2 error(s) above" in err
    assert Settings.open(tmp_path / "s.ini").load_tunnels()[0] == []
    assert _cli(tmp_path, "import", bad, "--yes") == 0
    assert [t.name for t in Settings.open(tmp_path / "s.ini").load_tunnels()[0]] == ["ok"]


def test_cli_garbage_file(tmp_path: Path, keys_env: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(tmp_path, "import", str(DATA / "bad" / "garbage.conf")) == 1
    err = capsys.readouterr().err
    assert f"error: {DATA}/bad/garbage.conf:1: binary data (NUL byte)" in err


def test_cli_export_to_unwritable_place(tmp_path: Path, keys_env: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    s = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    s.save_tunnels(tricky_specs()[:1])
    assert _cli(tmp_path, "export", "--format", "i2pd", "--output",
                str(tmp_path / "missing" / "t.conf")) == 1
    assert "i2ptunnel-gui: error:" in capsys.readouterr().err


def test_cli_export_split_folder_and_folder_refusal(tmp_path: Path, keys_env: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    s = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    s.save_tunnels(tricky_specs())
    out = tmp_path / "bundle"
    assert _cli(tmp_path, "export", "--format", "java", "--output", f"{out}/") == 0
    split = out / "i2ptunnel.config.d"
    assert len(list(split.glob("*-i2ptunnel.config"))) == len(tricky_specs())
    _assert_round_trip(tricky_specs(), load(split))
    _assert_round_trip(tricky_specs(), load(out))
    err = capsys.readouterr().err
    assert f"next 1: copy the files in {split} into the i2ptunnel.config.d/" in err
    # an existing folder is a bundle too, without the trailing slash
    assert _cli(tmp_path, "export", "--format", "i2pd", "--output", str(out)) == 0
    assert (out / "tunnels.conf").is_file()
    with pytest.raises(InteropError, match="is a folder; give a file name"):
        export(tricky_specs(), "i2pd", keys_env, out)


def test_cli_import_into_a_damaged_settings_file_keeps_its_tunnels(
        tmp_path: Path, keys_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.ini"
    Settings.open(path).save_tunnels(tricky_specs()[:2])
    raw = path.read_bytes()
    path.write_bytes(raw[:raw.rindex(b"size=")])  # the count line is lost
    assert _cli(tmp_path, "import", str(DATA / "i2pd")) == 0
    err = capsys.readouterr().err
    assert "warning: settings: the settings file is damaged: the tunnel count is missing" in err
    names = [t.name for t in Settings.open(path).load_tunnels()[0]]
    assert names[:2] == [s.name for s in tricky_specs()[:2]]
    assert len(names) == 2 + 8  # the 8 runnable i2pd tunnels
    assert len(list(tmp_path.glob("s.ini.damaged-*"))) == 1
