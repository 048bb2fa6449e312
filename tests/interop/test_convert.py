"""Java → app → i2pd → app → Java, and `convert` both ways, keep every tunnel both formats
can express: names, ports, targets, options and the private keys themselves."""

from __future__ import annotations

import random
import stat
from pathlib import Path

import pytest

from i2ptunnel_gui.commands.cli import main
from i2ptunnel_gui.core.keystore import default_root
from i2ptunnel_gui.core.sam.keys import build_destination, build_private_key
from i2ptunnel_gui.interop.model import ImportResult, parse_port, parse_sigtype, same_definition
from i2ptunnel_gui.interop.reader import load
from i2ptunnel_gui.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
B32 = "2qstpgdz7jdxa3fs6mgbnksf6htz67qfylxyxl4cq45qordjgfw2.b32.i2p"


def _key(seed: int) -> bytes:
    rng = random.Random(seed)
    dest = build_destination(rng.randbytes(256), rng.randbytes(32), sig_type=7)
    return build_private_key(dest, rng.randbytes(256), rng.randbytes(32)).raw


def java_source(root: Path) -> Path:
    """A Java config dir: every kind both formats hold, keys 0644 as Java may leave them."""
    (root / "keys").mkdir(parents=True)
    for name, seed in (("eepPriv.dat", 1), ("keys/ssh.dat", 2), ("keys/jabber.dat", 3)):
        (root / name).write_bytes(_key(seed))
        (root / name).chmod(0o644)
    (root / "i2ptunnel.config").write_text("\n".join([
        "tunnel.0.type=server", "tunnel.0.name=My site", "tunnel.0.description=the site",
        "tunnel.0.targetHost=127.0.0.1", "tunnel.0.targetPort=7658",
        "tunnel.0.privKeyFile=eepPriv.dat", "tunnel.0.startOnLoad=true",
        "tunnel.0.option.inbound.length=2", "tunnel.0.option.outbound.quantity=3",
        "tunnel.0.option.i2cp.leaseSetEncType=4,0",
        "tunnel.1.type=server", "tunnel.1.name=ssh", "tunnel.1.targetHost=::1",
        "tunnel.1.targetPort=22", "tunnel.1.privKeyFile=keys/ssh.dat",
        "tunnel.1.startOnLoad=false", "tunnel.1.option.i2cp.destination.sigType=7",
        "tunnel.2.type=client", "tunnel.2.name=jabber", "tunnel.2.interface=127.0.0.1",
        "tunnel.2.listenPort=5222", f"tunnel.2.targetDestination={B32}",
        "tunnel.2.option.persistentClientKey=true", "tunnel.2.privKeyFile=keys/jabber.dat",
        "tunnel.2.sharedClient=false", "tunnel.2.option.i2p.streaming.profile=2",
        "tunnel.3.type=client", "tunnel.3.name=irc (public)", "tunnel.3.interface=0.0.0.0",
        "tunnel.3.listenPort=6668", "tunnel.3.targetDestination=irc.postman.i2p",
        "tunnel.3.sharedClient=false", "tunnel.3.startOnLoad=false",
    ]) + "\n", encoding="utf-8")
    return root


def _same(a: ImportResult, b: ImportResult) -> None:
    """Same tunnels, same definitions, and each persistent key file holds the same key."""
    assert a.errors == b.errors == [] and b.skipped == []
    assert [t.spec.name for t in a.tunnels] == [t.spec.name for t in b.tunnels]
    for x, y in zip(a.tunnels, b.tunnels, strict=True):
        assert same_definition(x.spec, y.spec), (x.spec, y.spec)
        assert (x.key_source is None) == (y.key_source is None), x.spec.name
        if x.key_source is not None and y.key_source is not None:
            assert x.key_source.read_bytes() == y.key_source.read_bytes(), x.spec.name


def _settings(path: Path, keys: Path) -> Path:
    s = Settings.open(path)
    s.keys_dir = keys
    s.sync()
    return path


def test_java_app_i2pd_app_java_keeps_everything(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    src = java_source(tmp_path / "java")
    first = load(src)
    assert len(first.tunnels) == 4 and sum(t.key_source is not None for t in first.tunnels) == 3
    s1 = _settings(tmp_path / "one.ini", tmp_path / "keys1")
    s2 = _settings(tmp_path / "two.ini", tmp_path / "keys2")
    assert main(["--settings", str(s1), "import", str(src)]) == 0
    assert main(["--settings", str(s1), "export", "--format", "i2pd", "--output",
                 f"{tmp_path / 'i2pd'}/"]) == 0
    err = capsys.readouterr().err
    assert "next 2: copy the key files (My_site.dat, ssh.dat, jabber.dat)" in err
    for key in ("My_site.dat", "ssh.dat", "jabber.dat"):
        assert stat.S_IMODE((tmp_path / "i2pd" / key).stat().st_mode) == 0o600
    _same(first, load(tmp_path / "i2pd"))

    assert main(["--settings", str(s2), "import", str(tmp_path / "i2pd")]) == 0
    assert main(["--settings", str(s2), "export", "--format", "java", "--output",
                 f"{tmp_path / 'back'}/"]) == 0
    _same(first, load(tmp_path / "back"))
    text = next((tmp_path / "back" / "i2ptunnel.config.d").glob("00-*")).read_text()
    assert "privKeyFile=My_site.dat\n" in text  # relative to the Java config dir


def test_convert_both_ways_in_one_step(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    src = java_source(tmp_path / "java")
    before = sorted(default_root().rglob("*")) if default_root().exists() else None
    assert main(["convert", str(src), "--to", "i2pd", "--output", f"{tmp_path / 'i2pd'}/"]) == 0
    assert main(["convert", str(tmp_path / "i2pd"), "--to", "java", "--output",
                 f"{tmp_path / 'back'}/"]) == 0
    first = load(src)
    _same(first, load(tmp_path / "i2pd"))
    _same(first, load(tmp_path / "back"))
    assert "exported 4 tunnel(s)" in capsys.readouterr().err
    after = sorted(default_root().rglob("*")) if default_root().exists() else None
    assert before == after  # the app's key store is not involved


def test_convert_to_a_single_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = java_source(tmp_path / "java")
    out = tmp_path / "tunnels.conf"
    assert main(["convert", str(src), "--to", "i2pd", "--output", str(out)]) == 0
    assert "i2pd reads `keys =` from its data dir: 3 tunnel(s)" in capsys.readouterr().err
    assert [t.spec.name for t in load(out).tunnels] == [t.spec.name for t in load(src).tunnels]


@pytest.mark.parametrize(("source", "said"), [
    ("missing", "no such file or folder"),
    (str(DATA / "bad" / "badport.conf"), "is not a port number"),
    (str(DATA / "bad" / "garbage.conf"), "binary data (NUL byte)"),
])
def test_convert_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              source: str, said: str) -> None:
    out = tmp_path / "out"
    path = source if source != "missing" else str(tmp_path / "nope")
    assert main(["convert", path, "--to", "i2pd", "--output", f"{out}/"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("i2ptunnel-gui: error: ") and said in err[0]
    assert not out.exists()


def test_convert_refuses_to_replace_a_different_key(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src = java_source(tmp_path / "java")
    out = tmp_path / "i2pd"
    out.mkdir()
    (out / "ssh.dat").write_bytes(_key(99))
    assert main(["convert", str(src), "--to", "i2pd", "--output", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "already holds a different key" in err[0]
    assert (out / "ssh.dat").read_bytes() == _key(99) and not (out / "tunnels.conf").exists()


def test_convert_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["convert", "x", "--to", "yaml", "--output", "y"])
    assert e.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


@pytest.mark.parametrize("text", ["--3", "٣", "²", "-", "rsa_sha256_2048"])
def test_signature_type_text_is_a_clear_error(text: str) -> None:
    """'--3' once reached int() (an unexplained ValueError), '٣' passed as 3."""
    with pytest.raises(ValueError, match=f"unsupported signature type {text!r}; supported: 0"):
        parse_sigtype(text)


@pytest.mark.parametrize(("text", "code"), [("7", 7), (" 11 ", 11), ("EdDSA_SHA512_Ed25519", 7)])
def test_signature_type_by_code_or_name(text: str, code: int) -> None:
    assert parse_sigtype(text) == code


@pytest.mark.parametrize("text", ["٨٠", "²", "0", "65536", "-80"])
def test_port_text_must_be_ascii_digits_in_range(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not a port number \(1-65535\)"):
        parse_port(text)
