"""Private keys on disk: one 0600 file per key in a 0700 directory.

The file is the raw private key blob, the same binary layout as i2pd `.dat`
and Java `eepPriv.dat`, so keys move between tools unchanged. Writes are atomic
(temp file + fsync + rename + directory fsync): a crash leaves the old key or
the new one, never half of one, because losing a server key loses its b32.
Files that group or others can read are refused: the key *is* the identity.

This module is the one place that knows where a tunnel's key file lives
(`KeyStore.key_path`), where the default key folder is (`default_root`), and
how a file is replaced atomically (`write_atomic`, also used for exports).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import tempfile
from pathlib import Path

from .errors import TunnelError
from .sam.errors import KeyFormatError
from .sam.keys import parse_private_key
from .spec import TunnelSpec
from .text import Text, text_of

logger = logging.getLogger(__name__)

MAX_KEY_FILE = 64 * 1024  # real keys are < 2 KiB; refuse to slurp anything huge


class KeyStoreError(TunnelError):
    """A key file could not be read, written or trusted."""


class InsecureKeyFile(KeyStoreError, PermissionError):  # noqa: N818 -- domain name
    """The key file is readable by other users (or not owned by us)."""


def default_root() -> Path:
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "i2ptunnel-gui" / "keys"


def write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Replace `path` with `data` (file mode `mode`): temp file, fsync, rename, dir fsync.

    OSError on failure; the old file, if any, is then untouched and no temp file is left.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)  # before any byte is written: never readable by others
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def make_private_dir(directory: Path) -> list[Path]:
    """Create `directory` and its missing parents 0700 (`mkdir -p` would make the parents
    0777 under umask 000). Returns the folders it created. OSError on failure."""
    missing: list[Path] = []
    d = directory
    while not d.exists():
        missing.append(d)
        if d.parent == d:
            break
        d = d.parent
    for d in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process was faster
            d.mkdir(mode=0o700)
        os.chmod(d, 0o700)  # mkdir's mode is masked by the umask
    if not directory.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(directory))
    return list(reversed(missing))


class KeyStore:
    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self._root_checked = False

    def key_path(self, spec: TunnelSpec) -> Path:
        """Where `spec`'s key lives (if it is persistent): spec.key_file if set, else
        `<root>/<tunnel id>.dat`."""
        if spec.key_file:
            return Path(spec.key_file).expanduser()
        return self.root / f"{spec.id}.dat"

    def ensure_root(self) -> Path:
        """The store folder, created 0700; one that others can enter is tightened to 0700
        with one warning. KeyStoreError if it cannot be made private."""
        try:
            make_private_dir(self.root)
            st = self.root.stat()
            if st.st_mode & 0o077:
                logger.warning("key folder %s was open to other users (mode %04o); "
                               "tightened to 0700", self.root, stat.S_IMODE(st.st_mode))
                self.root.chmod(0o700)
        except OSError as e:
            raise KeyStoreError(
                f"cannot create key folder {self.root}: {e.strerror or e}") from e
        self._root_checked = True
        return self.root

    def _check_root(self, path: Path) -> None:
        """Once per store: reading a key from our own folder tightens the folder. Only a
        warning if that fails (a read-only home): the key file itself is still checked."""
        if not self._root_checked and path.parent == self.root:
            try:
                self.ensure_root()
            except KeyStoreError as e:
                self._root_checked = True
                logger.warning("%s", e)

    def load(self, path: Path | str) -> bytes | None:
        """The raw key blob, or None if there is no file yet."""
        path = Path(path)
        if path.parent.is_dir():
            self._check_root(path)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as e:
            raise KeyStoreError(Text("cannot open key file {path}: {why}", path=str(path),
                                     why=e.strerror or str(e))) from e
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())  # checked on the open file: no swap after the check
            if not stat.S_ISREG(st.st_mode):
                raise KeyStoreError(Text("key file {path} is not a regular file", path=str(path)))
            if st.st_mode & 0o077:
                raise InsecureKeyFile(Text(
                    "key file {path} is readable by other users (mode {mode}); run: chmod 600 "
                    "'{path}'", path=str(path), mode=f"{stat.S_IMODE(st.st_mode):04o}"))
            if st.st_uid != os.getuid():
                raise InsecureKeyFile(Text("key file {path} belongs to another user (uid {uid})",
                                           path=str(path), uid=st.st_uid))
            if st.st_size > MAX_KEY_FILE:
                raise KeyStoreError(Text("key file {path} is {size} bytes: not a private key",
                                         path=str(path), size=st.st_size))
            blob = f.read(MAX_KEY_FILE + 1)
        try:
            parse_private_key(blob)
        except KeyFormatError as e:
            raise KeyStoreError(Text("key file {path} is not an I2P private key: {why}",
                                     path=str(path), why=text_of(e))) from e
        return blob

    def save(self, path: Path | str, blob: bytes) -> None:
        """Write atomically with mode 0600; creates the store directory 0700."""
        path = Path(path)
        try:
            parse_private_key(blob)
        except KeyFormatError as e:
            raise KeyStoreError(Text("refusing to save an invalid private key to {path}: {why}",
                                     path=str(path), why=text_of(e))) from e
        if path.parent == self.root:
            self.ensure_root()
        else:  # a user-chosen folder is theirs to manage; only create it private
            try:
                make_private_dir(path.parent)
            except OSError as e:
                raise KeyStoreError(Text("cannot create key directory {path}: {why}",
                                         path=str(path.parent), why=e.strerror or str(e))
                                    ) from e
        try:
            write_atomic(path, blob, 0o600)
        except OSError as e:
            raise KeyStoreError(Text("cannot write key file {path}: {why}", path=str(path),
                                     why=e.strerror or str(e))) from e
        logger.info("saved private key %s", path)

    def delete(self, path: Path | str) -> None:
        path = Path(path)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as e:
            raise KeyStoreError(Text("cannot delete key file {path}: {why}", path=str(path),
                                     why=e.strerror or str(e))) from e
        _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem allows it
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
