"""Back up the keys folder: every key file into one private zip the user keeps elsewhere.

A server tunnel's key *is* its address, so the backup is written like a key: 0600,
complete or not at all (temp file + rename). Symlinks and anything that is not a
regular file are left out (and named), never followed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from i2ptunnel_gui.core.text import Text


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    files: tuple[str, ...]
    skipped: tuple[str, ...] = field(default=())


class BackupError(Exception):
    """The backup could not be made; the message says why, for the user."""


def backup_keys(keys_dir: Path, dest: Path) -> BackupResult:
    """Zip the regular files of `keys_dir` into `dest` (0600, atomically)."""
    try:
        entries = sorted(keys_dir.iterdir())
    except FileNotFoundError:
        raise BackupError(Text("there is no keys folder yet ({path}): nothing to back up",
                               path=str(keys_dir))) from None
    except OSError as e:
        raise BackupError(Text("cannot read {path}: {why}", path=str(keys_dir),
                               why=e.strerror or str(e))) from e
    files = [p for p in entries if stat.S_ISREG(p.lstat().st_mode)]
    skipped = tuple(p.name for p in entries if p not in files)
    if not files:
        raise BackupError(Text("{path} holds no key files: nothing to back up",
                               path=str(keys_dir)))
    if dest.resolve().parent == keys_dir.resolve():
        raise BackupError(Text("keep the backup outside the keys folder"))
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
                for p in files:
                    z.write(p, arcname=p.name)
            raw.flush()  # after the zip's central directory
            os.fsync(raw.fileno())
        tmp.replace(dest)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupError(Text("cannot write {path}: {why}", path=str(dest),
                               why=e.strerror or str(e))) from e
    return BackupResult(dest, tuple(p.name for p in files), skipped)
