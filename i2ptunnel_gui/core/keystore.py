"""Private keys on disk: one 0600 file per key in a 0700 directory.

The file is the raw private key blob, the same binary layout as i2pd `.dat`
and Java `eepPriv.dat`, so keys move between tools unchanged. Writes are atomic
(temp file 0600 + fsync + rename + directory fsync): a crash leaves the old key
or the new one, never half of one, because losing a server key loses its b32.
Files that group or others can read are refused: the key *is* the identity.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
from pathlib import Path

from .errors import TunnelError
from .sam.errors import KeyFormatError
from .sam.keys import parse_private_key
from .spec import TunnelSpec

logger = logging.getLogger(__name__)

MAX_KEY_FILE = 64 * 1024  # real keys are < 2 KiB; refuse to slurp anything huge


class KeyStoreError(TunnelError):
    """A key file could not be read, written or trusted."""


class InsecureKeyFile(KeyStoreError, PermissionError):  # noqa: N818 -- domain name
    """The key file is readable by other users (or not owned by us)."""


def default_root() -> Path:
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "i2ptunnel-gui" / "keys"


class KeyStore:
    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()

    def key_path(self, spec: TunnelSpec) -> Path:
        """spec.key_file if set, else `<root>/<tunnel id>.dat`."""
        if spec.key_file:
            return Path(spec.key_file).expanduser()
        return self.root / f"{spec.id}.dat"

    def load(self, path: Path | str) -> bytes | None:
        """The raw key blob, or None if there is no file yet."""
        path = Path(path)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as e:
            raise KeyStoreError(f"cannot open key file {path}: {e.strerror or e}") from e
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())  # checked on the open file: no swap after the check
            if not stat.S_ISREG(st.st_mode):
                raise KeyStoreError(f"key file {path} is not a regular file")
            if st.st_mode & 0o077:
                raise InsecureKeyFile(
                    f"key file {path} is readable by other users (mode "
                    f"{stat.S_IMODE(st.st_mode):04o}); run: chmod 600 '{path}'"
                )
            if st.st_uid != os.getuid():
                raise InsecureKeyFile(f"key file {path} belongs to another user (uid {st.st_uid})")
            if st.st_size > MAX_KEY_FILE:
                raise KeyStoreError(f"key file {path} is {st.st_size} bytes: not a private key")
            blob = f.read(MAX_KEY_FILE + 1)
        try:
            parse_private_key(blob)
        except KeyFormatError as e:
            raise KeyStoreError(f"key file {path} is not an I2P private key: {e}") from e
        return blob

    def save(self, path: Path | str, blob: bytes) -> None:
        """Write atomically with mode 0600; creates the store directory 0700."""
        path = Path(path)
        try:
            parse_private_key(blob)
        except KeyFormatError as e:
            raise KeyStoreError(f"refusing to save an invalid private key to {path}: {e}") from e
        self._ensure_dir(path.parent)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
            self._fsync_dir(path.parent)
        except OSError as e:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise KeyStoreError(f"cannot write key file {path}: {e.strerror or e}") from e
        logger.info("saved private key %s", path)

    def delete(self, path: Path | str) -> None:
        path = Path(path)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as e:
            raise KeyStoreError(f"cannot delete key file {path}: {e.strerror or e}") from e
        self._fsync_dir(path.parent)

    def _ensure_dir(self, directory: Path) -> None:
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            # our own store must be private; a user-chosen directory is theirs to manage
            if directory == self.root and stat.S_IMODE(directory.stat().st_mode) != 0o700:
                directory.chmod(0o700)
        except OSError as e:
            raise KeyStoreError(
                f"cannot create key directory {directory}: {e.strerror or e}"
            ) from e

    @staticmethod
    def _fsync_dir(directory: Path) -> None:
        with contextlib.suppress(OSError):  # not every filesystem allows it
            fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
