"""One run of the i2pd child: find the binary, start it, capture its log, end it.

The child gets its own session (so its own process group): a Ctrl-C in the app's
terminal does not reach it, and ending it signals exactly that group. Its stdout and
stderr come through one pipe into `RouterLog`. Stopping is SIGTERM, then SIGKILL
after a bound: i2pd 2.45.1 deadlocks on SIGTERM while a SAM session still has a
socket (I2PD.md, FINDINGS §9), so the bound is what guarantees the stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import shutil
import signal
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from i2ptunnel_gui.core.router.datadir import RouterLayout
from i2ptunnel_gui.core.router.errors import RouterNotFound
from i2ptunnel_gui.core.text import Text

logger = logging.getLogger(__name__)

# PATH first; the Debian package's binary is in /usr/sbin, which a user's PATH may lack
FALLBACK_BINARIES = ("/usr/sbin/i2pd", "/usr/local/sbin/i2pd")
CERTS_DIRS = ("/usr/share/i2pd/certificates", "/usr/local/share/i2pd/certificates")
STOP_GRACE = 5.0  # SIGTERM → SIGKILL (a normal i2pd stop takes ≤ 1 s, FINDINGS §9)
LOG_LINES = 2000  # kept in memory for the Router log view
LOG_FILE_MAX = 4 * 1024 * 1024  # then i2pd.log becomes i2pd.log.1
MAX_LINE = 64 * 1024
_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # i2pd colours its stdout log even into a pipe
# i2pd logs I2PControl's mandatory Token parameter of every RouterInfo call as an
# "unknown request" error (I2PControlHandlers.cpp): our own health poll, every 2 s
_OWN_POLL_NOISE = "I2PControl: RouterInfo unknown request Token"

INSTALL_HINT = Text(
    "install it (Debian/Ubuntu: sudo apt install i2pd, or ./scripts/setup.sh run), "
    "set its path in Preferences, or use the External router mode with a router you run"
)


def find_i2pd(configured: str = "") -> Path:
    """The i2pd to run: `configured` if given, else PATH, else the distribution's path."""
    if configured:
        path = Path(configured).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise RouterNotFound(Text("i2pd not found at {path} (not an executable file): {hint}",
                                  path=str(path), hint=INSTALL_HINT))
    found = shutil.which("i2pd")
    if found:
        return Path(found)
    for candidate in FALLBACK_BINARIES:
        if os.access(candidate, os.X_OK):
            return Path(candidate)
    raise RouterNotFound(Text("i2pd not found on PATH: {hint}", hint=INSTALL_HINT))


def certs_dir() -> str:
    """Reseed certificates of an installed package ("" lets i2pd use its default)."""
    return next((d for d in CERTS_DIRS if Path(d).is_dir()), "")


def command_line(binary: Path, layout: RouterLayout) -> list[str]:
    """Everything path-like on the command line, where i2pd lets nothing override it."""
    return [
        str(binary),
        f"--datadir={layout.root}",
        f"--conf={layout.conf}",
        f"--tunconf={layout.tunconf}",
        f"--tunnelsdir={layout.tunnelsdir}",
        f"--pidfile={layout.pidfile}",
        "--log=stdout",
    ]


class RouterLog:
    """i2pd's output: the last lines in memory, all of it in a size-capped file."""

    def __init__(self, path: Path | None, lines: int = LOG_LINES) -> None:
        self.path = path
        self.lines: deque[str] = deque(maxlen=lines)
        self._listeners: list[Callable[[str], None]] = []

    def subscribe(self, callback: Callable[[str], None]) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback)

    def add(self, line: str) -> None:
        line = _ANSI.sub("", line).rstrip("\r\n")
        if line.endswith(_OWN_POLL_NOISE):
            return
        self.lines.append(line)
        self._write(line)
        for callback in tuple(self._listeners):
            try:
                callback(line)
            except Exception:
                logger.exception("router log listener failed")

    def tail(self, count: int = 5) -> str:
        return " | ".join(list(self.lines)[-count:]) or "(no output)"

    def _write(self, line: str) -> None:
        if self.path is None:
            return
        try:
            with contextlib.suppress(FileNotFoundError):
                if self.path.stat().st_size > LOG_FILE_MAX:
                    self.path.replace(self.path.with_name(self.path.name + ".1"))
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as f:
                f.write(line + "\n")
        except OSError as e:  # a full disk must not stop the router
            logger.warning("cannot write %s: %s", self.path, e)
            self.path = None


class I2pdProcess:
    """A started i2pd child. `pump_log()` and `wait()` are awaited by the supervisor."""

    def __init__(self, proc: asyncio.subprocess.Process, log: RouterLog) -> None:
        self.proc = proc
        self.log = log
        self.started_at = time.monotonic()

    @classmethod
    async def spawn(cls, binary: Path, layout: RouterLayout, log: RouterLog) -> I2pdProcess:
        argv = command_line(binary, layout)
        try:
            proc = await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
                start_new_session=True,  # own process group: ours to signal, not the terminal's
                cwd=layout.root,
                limit=MAX_LINE,
            )
        except OSError as e:
            raise RouterNotFound(f"cannot run {binary}: {e.strerror or e}") from e
        logger.info("started i2pd pid %d in %s", proc.pid, layout.root)
        return cls(proc, log)

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode

    async def pump_log(self) -> None:
        """Copy output lines into the log until i2pd closes its end (exits)."""
        stream = self.proc.stdout
        assert stream is not None
        while True:
            try:
                line = await stream.readline()
            except ValueError:  # a line longer than MAX_LINE: keep the rest readable
                line = (await stream.read(MAX_LINE)) + b"\n"
            if not line:
                return
            self.log.add(line.decode("utf-8", "replace"))

    async def wait(self) -> int:
        return await self.proc.wait()

    async def stop(self, grace: float = STOP_GRACE) -> int:
        """SIGTERM to the group, SIGKILL after `grace` s; returns the exit status."""
        if self.proc.returncode is None:
            self._signal_group(signal.SIGTERM)
            try:
                async with asyncio.timeout(grace):
                    return await self.proc.wait()
            except TimeoutError:
                logger.warning("i2pd pid %d ignored SIGTERM for %g s: SIGKILL", self.pid, grace)
                self._signal_group(signal.SIGKILL)
        return await self.proc.wait()

    def kill(self) -> None:
        self._signal_group(signal.SIGKILL)

    def _signal_group(self, sig: signal.Signals) -> None:
        # the child leads its own group (start_new_session): the pgid is its pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, sig)


async def end_process(pid: int, grace: float = STOP_GRACE) -> None:
    """End a process that is not our child (a stale i2pd): SIGTERM, SIGKILL after `grace`."""

    def alive() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        with contextlib.suppress(OSError):  # a zombie waits for its parent: it is gone
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return False
        return True

    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        for _ in range(max(1, round(wait / 0.05))):  # not our child: nothing to wait() for
            if not alive():
                return
            await asyncio.sleep(0.05)
