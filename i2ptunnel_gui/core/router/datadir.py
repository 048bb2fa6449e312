"""The managed router's private data dir: layout, the one-app lock, a stale i2pd.

`<app data>/router/` (0700) holds i2pd's own files (router.keys = the router's
identity, netDb, ...) plus ours: `app.lock` and the config we write. Two app
instances never share it: the first holds an flock on `app.lock` for as long as its
router runs (the kernel drops it when that app dies, however it dies). A crashed app
can leave its i2pd running (i2pd ignores the closed log pipe); the next start
recognises that i2pd by the pid in i2pd's pid file AND by its command line naming
this data dir and pid file, and ends it. No other process is ever signalled.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from i2ptunnel_gui.core.router.errors import RouterBusy, RouterError
from i2ptunnel_gui.core.text import Text


def default_root() -> Path:
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "i2ptunnel-gui" / "router"


@dataclass(frozen=True, slots=True)
class RouterLayout:
    root: Path

    @property
    def conf(self) -> Path:
        return self.root / "i2pd.conf"

    @property
    def tunconf(self) -> Path:
        return self.root / "tunnels.conf"

    @property
    def tunnelsdir(self) -> Path:
        return self.root / "tunnels.d"

    @property
    def pidfile(self) -> Path:  # written (and lockf'ed) by i2pd itself
        return self.root / "i2pd.pid"

    @property
    def lockfile(self) -> Path:
        return self.root / "app.lock"

    @property
    def logfile(self) -> Path:  # the app's copy of i2pd's output
        return self.root / "i2pd.log"

    @property
    def router_keys(self) -> Path:  # the router's identity, kept across starts
        return self.root / "router.keys"

    @property
    def control_cert(self) -> Path:  # i2pd's self-signed I2PControl certificate
        return self.root / "i2pcontrol.crt.pem"

    def prepare(self) -> None:
        """Create the dir private (0700) with the empty files i2pd wants; refuse a dir
        that belongs to another user."""
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = self.root.stat()
            if info.st_uid != os.getuid():
                raise RouterError(Text("router data dir {path} belongs to another user",
                                       path=str(self.root)))
            if stat.S_IMODE(info.st_mode) != 0o700:
                self.root.chmod(0o700)
            self.tunnelsdir.mkdir(mode=0o700, exist_ok=True)
            self.tunconf.touch(mode=0o600, exist_ok=True)  # no tunnels of i2pd's own
        except OSError as e:
            raise RouterError(Text("cannot prepare router data dir {path}: {why}",
                                   path=str(self.root), why=e.strerror or str(e))) from e


class DataDirLock:
    """Exclusive use of one data dir by one app instance (an flock on `app.lock`)."""

    def __init__(self, layout: RouterLayout) -> None:
        self.layout = layout
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        path = self.layout.lockfile
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as e:
            raise RouterError(Text("cannot open {path}: {why}", path=str(path),
                                   why=e.strerror or str(e))) from e
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise RouterBusy(Text(
                "another i2ptunnel-gui (pid {pid}) already runs the managed router in {path}",
                pid=holder, path=str(self.layout.root))) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        os.close(self._fd)  # closing drops the flock
        self._fd = None


def stale_router_pid(layout: RouterLayout) -> int | None:
    """The pid of an i2pd still running on this data dir (left by a crashed app), or
    None. Only a live process of ours whose command line names this data dir counts:
    a recycled pid (any other program) never does."""
    try:
        pid = int(layout.pidfile.read_text().strip() or "0")
    except (OSError, ValueError):
        return None
    if pid <= 1 or pid == os.getpid():
        return None
    proc = Path("/proc") / str(pid)
    try:
        if proc.stat().st_uid != os.getuid():
            return None
        argv = (proc / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    # the two arguments only the app's own start gives (core/router/process.py)
    ours = {f"--datadir={layout.root}".encode(), f"--pidfile={layout.pidfile}".encode()}
    return pid if ours <= set(argv) else None
