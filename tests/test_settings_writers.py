"""Several writers on one settings file lose nothing; ids stay stable across starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.sam.keys import build_destination, build_private_key
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.settings_entries import merge, stable_id

ROOT = Path(__file__).resolve().parents[1]
N_WRITERS = 8


def _key(seed: int) -> bytes:
    import random
    rng = random.Random(seed)
    dest = build_destination(rng.randbytes(256), rng.randbytes(32), sig_type=7)
    return build_private_key(dest, rng.randbytes(256), rng.randbytes(32)).raw


def _config(d: Path, n: int) -> Path:
    """An i2pd data dir with two servers, each with its own key file."""
    d.mkdir()
    sections = []
    for j in range(2):
        (d / f"k{j}.dat").write_bytes(_key(n * 10 + j))
        sections.append(f"[srv-{n}-{j}]\ntype = server\nhost = 127.0.0.1\n"
                        f"port = {8000 + n * 10 + j}\nkeys = k{j}.dat\n")
    (d / "tunnels.conf").write_text("\n".join(sections))
    return d


def test_parallel_imports_keep_every_tunnel_and_key(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    keys = tmp_path / "keys"
    s = Settings.open(path)
    s.keys_dir = keys
    s.sync()
    configs = [_config(tmp_path / f"cfg{n}", n) for n in range(N_WRITERS)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "i2ptunnel_gui", "--settings", str(path),
                               "import", str(c)], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for c in configs]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    loaded, problems = Settings(QSettings(str(path), QSettings.Format.IniFormat)).load_tunnels()
    assert problems == []
    want = {f"srv-{n}-{j}" for n in range(N_WRITERS) for j in range(2)}
    assert {t.name for t in loaded} == want
    store = KeyStore(keys)
    for t in loaded:  # each tunnel's key is the one its config named
        n, j = (int(x) for x in t.name.split("-")[1:])
        assert store.load(store.key_path(t)) == _key(n * 10 + j), t.name
    assert sorted(p.name for p in keys.iterdir()) == sorted(f"{t.id}.dat" for t in loaded)


def test_a_stale_writer_keeps_what_another_added(tmp_path: Path) -> None:
    """The GUI loaded long ago; the CLI imported since; the GUI saves an edit."""
    path = tmp_path / "s.ini"
    a = TunnelSpec.new("a", TunnelKind.SERVER, target_port=1)
    b = TunnelSpec.new("b", TunnelKind.SERVER, target_port=2)
    Settings.open(path).save_tunnels([a, b])
    gui = Settings.open(path)
    gui_specs, _ = gui.load_tunnels()
    cli = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    cli_specs, _ = cli.load_tunnels()
    c = TunnelSpec.new("c", TunnelKind.SERVER, target_port=3)
    cli.save_tunnels([*cli_specs, c])
    # the GUI renames a, deletes b, adds d
    d = TunnelSpec.new("d", TunnelKind.SERVER, target_port=4)
    gui.save_tunnels([gui_specs[0].replace(name="a2"), d])
    now, problems = Settings(QSettings(str(path), QSettings.Format.IniFormat)).load_tunnels()
    assert problems == []
    assert [t.name for t in now] == ["a2", "d", "c"]


def test_merge_rules() -> None:
    a = TunnelSpec.new("a", TunnelKind.SERVER, target_port=1)
    b = TunnelSpec.new("b", TunnelKind.SERVER, target_port=2)
    base = {a.id: a, b.id: b}
    theirs_a = a.replace(target_port=10)
    # we did not touch a: theirs wins; we changed b: ours wins even if they did too
    out = merge([a, b.replace(target_port=20)], base, [theirs_a, b.replace(target_port=30)])
    assert out == [theirs_a, b.replace(target_port=20)]
    # gone from disk (deleted there, or unreadable there): kept, never lost
    assert merge([a], {a.id: a}, []) == [a]


def _write_entries(path: Path, entries: list[str]) -> None:
    q = QSettings(str(path), QSettings.Format.IniFormat)
    q.setValue("schema_version", 1)
    q.beginWriteArray("tunnels", len(entries))
    for i, e in enumerate(entries):
        q.setArrayIndex(i)
        q.setValue("spec", e)
    q.endArray()
    q.sync()


def test_an_entry_without_id_gets_a_stable_one_saved_at_once(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    data = TunnelSpec.new("srv", TunnelKind.SERVER, target_port=22).to_dict()
    del data["id"]
    text = json.dumps(data)
    _write_entries(path, [text])
    loaded, problems = Settings.open(path).load_tunnels()
    assert loaded[0].id == stable_id(text)
    assert problems[0].index == 1 and "had no id; given the id" in problems[0].message
    assert f'\\"id\\": \\"{stable_id(text)}\\"' in path.read_text()  # saved at once
    again, problems2 = Settings(QSettings(str(path), QSettings.Format.IniFormat)).load_tunnels()
    assert again == loaded and problems2 == []


def test_an_id_given_where_the_save_fails_is_still_the_same_next_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.ini"
    data = TunnelSpec.new("srv", TunnelKind.SERVER, target_port=22).to_dict()
    data["id"] = ""
    _write_entries(path, [json.dumps(data)])

    def read_only(self: Settings, specs: object) -> None:
        raise PermissionError("read-only home")

    monkeypatch.setattr(Settings, "save_tunnels", read_only)
    ids = {Settings(QSettings(str(path), QSettings.Format.IniFormat)).load_tunnels()[0][0].id
           for _ in range(3)}
    assert len(ids) == 1  # the same key file, the same b32, on every headless start
