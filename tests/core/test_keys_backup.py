"""Backing up the keys folder: a private zip of the key files, atomically."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from i2ptunnel_gui.core.keys_backup import BackupError, backup_keys


def test_backup_holds_every_key_file_and_is_private(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.mkdir(mode=0o700)
    (keys / "a.dat").write_bytes(b"A" * 100)
    (keys / "b.dat").write_bytes(b"B" * 50)
    (keys / "link.dat").symlink_to(tmp_path / "elsewhere")
    (keys / "sub").mkdir()
    result = backup_keys(keys, tmp_path / "keys-backup.zip")
    assert result.files == ("a.dat", "b.dat") and result.skipped == ("link.dat", "sub")
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    with zipfile.ZipFile(result.path) as z:
        assert z.read("a.dat") == b"A" * 100 and z.read("b.dat") == b"B" * 50
    assert sorted(os.listdir(tmp_path)) == ["keys", "keys-backup.zip"]  # no temp file left


def test_nothing_to_back_up_or_nowhere_to_write_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no keys folder yet"):
        backup_keys(tmp_path / "none", tmp_path / "x.zip")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BackupError, match="holds no key files"):
        backup_keys(tmp_path / "empty", tmp_path / "x.zip")
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / "a.dat").write_bytes(b"A")
    with pytest.raises(BackupError, match="outside the keys folder"):
        backup_keys(keys, keys / "backup.zip")
    with pytest.raises(BackupError, match=r"cannot write .*missing/x\.zip"):
        backup_keys(keys, tmp_path / "missing" / "x.zip")
