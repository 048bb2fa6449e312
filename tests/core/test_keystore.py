"""Key files: 0600 in a 0700 dir, atomic writes, refusal of readable or broken files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from fake_sam import random_private_key

from i2ptunnel_gui.core.keystore import (
    InsecureKeyFile,
    KeyStore,
    KeyStoreError,
    default_root,
    write_atomic,
)
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_save_load_round_trip_with_private_modes(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "keys")
    spec = TunnelSpec(name="srv", kind=TunnelKind.SERVER, target_port=80)
    path = store.key_path(spec)
    assert path == tmp_path / "keys" / f"{spec.id}.dat"
    assert store.load(path) is None
    key = random_private_key()
    store.save(path, key.raw)
    assert store.load(path) == key.raw
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp files left


def test_overwrite_is_atomic_replace(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    path = tmp_path / "k.dat"
    store.save(path, random_private_key().raw)
    inode = path.stat().st_ino
    new = random_private_key().raw
    store.save(path, new)
    assert store.load(path) == new and path.stat().st_ino != inode  # renamed, not rewritten


def test_key_file_from_spec_and_default_root(tmp_path: Path) -> None:
    spec = TunnelSpec(
        name="s", kind=TunnelKind.SERVER, target_port=80, key_file=str(tmp_path / "mine.dat")
    )
    assert KeyStore(tmp_path / "x").key_path(spec) == tmp_path / "mine.dat"
    assert default_root() == Path(os.environ["XDG_DATA_HOME"]) / "i2ptunnel-gui" / "keys"


def test_refuses_group_or_world_readable_file(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    path = tmp_path / "k.dat"
    store.save(path, random_private_key().raw)
    path.chmod(0o644)
    with pytest.raises(InsecureKeyFile, match="chmod 600") as info:
        store.load(path)
    assert isinstance(info.value, PermissionError)
    path.chmod(0o640)
    with pytest.raises(InsecureKeyFile):
        store.load(path)


def test_refuses_broken_keys_and_symlinks(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    bad = tmp_path / "bad.dat"
    bad.write_bytes(b"\x00" * 50)
    bad.chmod(0o600)
    with pytest.raises(KeyStoreError, match="not an I2P private key"):
        store.load(bad)
    with pytest.raises(KeyStoreError, match="invalid private key"):
        store.save(tmp_path / "x.dat", b"junk")
    assert not (tmp_path / "x.dat").exists()
    good = tmp_path / "good.dat"
    store.save(good, random_private_key().raw)
    link = tmp_path / "link.dat"
    link.symlink_to(good)
    with pytest.raises(KeyStoreError, match="cannot open"):
        store.load(link)


def test_i2pd_dat_layout_is_accepted(tmp_path: Path) -> None:
    # the blob is exactly what i2pd writes to a .dat file: dest | priv | signing priv
    key = random_private_key()
    path = tmp_path / "i2pd.dat"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, key.raw)
    os.close(fd)
    assert KeyStore(tmp_path).load(path) == key.raw


def test_delete(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    path = tmp_path / "k.dat"
    store.save(path, random_private_key().raw)
    store.delete(path)
    store.delete(path)  # already gone: fine
    assert store.load(path) is None


def test_unusable_directory_gives_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(KeyStoreError, match="cannot create key directory"):
        KeyStore(tmp_path).save(blocker / "k.dat", random_private_key().raw)
    (tmp_path / "dir.dat").mkdir()  # the rename onto a directory fails
    with pytest.raises(KeyStoreError, match="cannot write key file"):
        KeyStore(tmp_path).save(tmp_path / "dir.dat", random_private_key().raw)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.dat", "not-a-dir"]  # no temp


def test_open_key_folder_is_tightened_with_one_warning(tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    root = tmp_path / "keys"
    root.mkdir()
    root.chmod(0o777)
    store = KeyStore(root)
    path = root / "k.dat"
    path.write_bytes(random_private_key().raw)
    path.chmod(0o600)
    with caplog.at_level("WARNING", logger="i2ptunnel_gui.core.keystore"):
        assert store.load(path) is not None  # loading a key checks its folder once
        store.load(path)
        store.save(root / "j.dat", random_private_key().raw)
    assert mode(root) == 0o700
    warned = [r.getMessage() for r in caplog.records]
    assert warned == [f"key folder {root} was open to other users (mode 0777); tightened to 0700"]


def test_folders_are_created_private_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = KeyStore(tmp_path / "a" / "b" / "keys")
        store.save(store.root / "k.dat", random_private_key().raw)
        other = tmp_path / "x" / "y" / "k.dat"  # a user-chosen key file elsewhere
        store.save(other, random_private_key().raw)
    finally:
        os.umask(old)
    for d in (tmp_path / "a", tmp_path / "a" / "b", store.root, tmp_path / "x",
              tmp_path / "x" / "y"):
        assert mode(d) == 0o700, d
    assert mode(store.root / "k.dat") == 0o600 and mode(other) == 0o600


def test_write_atomic_sets_the_mode_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "t.conf"
    target.write_text("old")
    inode = target.stat().st_ino
    write_atomic(target, b"new", 0o644)
    assert target.read_bytes() == b"new" and mode(target) == 0o644
    assert target.stat().st_ino != inode
    assert [p.name for p in tmp_path.iterdir()] == ["t.conf"]
