"""A real i2pd (Debian 2.45.1) as an offline SAM bridge, for tests and benchmarks.

Plain Python, no pytest, so bench/ can import it::

    router = I2pdRouter(workdir)        # refuses outside a loopback-only network namespace
    router.start()                      # returns once SAM answers HELLO
    router.sam_address                  # "127.0.0.1:PORT"
    router.kill(); router.restart()     # router loss, then the same datadir and ports
    router.stop()                       # SIGTERM, SIGKILL after 5 s

The config is the measured offline one (docs/I2PD.md §1):
floodfill, NTCP2 enabled+published on 127.0.0.1, SSU2 off, empty reseed URLs, address
book enabled (2.45.1 segfaults on STREAM CONNECT without it), zero-hop exploratory
tunnels. With any other interface than `lo` visible it would reseed over HTTPS and dial
public peers, hence `check_isolated()`.

Why not /sys/class/net: sysfs shows the network namespace of whoever MOUNTED it, so
after `unshare --net` it still lists the host's eth0. The kernel's own per-process view
is `socket.if_nameindex()` (and /proc/self/net/dev), which is what we check.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

I2PD_BINARY = "/usr/sbin/i2pd"
CERTS_DIR = "/usr/share/i2pd/certificates"
HELLO = b"HELLO VERSION MIN=3.0 MAX=3.3\n"
STOP_GRACE = 5.0  # 2.45.1 deadlocks on SIGTERM while a SAM session holds a socket (§9)


class RouterError(RuntimeError):
    """The router could not be started, or must not be started here."""


def visible_interfaces() -> list[str]:
    """Interfaces of THIS process's network namespace (not sysfs's)."""
    names = {name for _, name in socket.if_nameindex()}
    with contextlib.suppress(OSError):
        lines = Path("/proc/self/net/dev").read_text().splitlines()[2:]
        names |= {line.split(":", 1)[0].strip() for line in lines if ":" in line}
    return sorted(names)


def check_isolated() -> None:
    """RouterError unless the only network interface visible is `lo`."""
    others = [n for n in visible_interfaces() if n != "lo"]
    if others:
        raise RouterError(
            "refusing to start i2pd: not in a loopback-only network namespace "
            f"(visible interfaces: {', '.join(others)}); run the tests via scripts/in-netns.sh"
        )


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _port_free(port: int, kind: int) -> bool:
    with socket.socket(socket.AF_INET, kind) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _sam_port() -> int:
    """A TCP port whose port-1 is free for UDP too (i2pd binds SAM datagrams there)."""
    for _ in range(50):
        port = free_port()
        if port > 1024 and _port_free(port - 1, socket.SOCK_DGRAM):
            return port
    raise RouterError("no free port pair for SAM")


def offline_config(sam_port: int, http_port: int, ntcp2_port: int, loglevel: str) -> str:
    """i2pd.conf exactly as i2pd-offline.sh writes it (comments shortened)."""
    return f"""\
## offline SAM test bridge (i2pd 2.45.1); run ONLY in a loopback-only network namespace
log = file
loglevel = {loglevel}
ipv4 = true
ipv6 = false
host = 127.0.0.1
address4 = 127.0.0.1
port = {ntcp2_port}
nat = true
## the only floodfill offline: local LeaseSets are published to and looked up from it
floodfill = true
bandwidth = X
notransit = true

[ntcp2]
## at least one transport or 2.45.1 aborts; published=true or CONNECT -> CANT_REACH_PEER
enabled = true
published = true
port = {ntcp2_port}

[ssu2]
enabled = false

[http]
enabled = true
address = 127.0.0.1
port = {http_port}

[httpproxy]
enabled = false

[socksproxy]
enabled = false

[sam]
enabled = true
address = 127.0.0.1
port = {sam_port}
singlethread = true

[bob]
enabled = false

[i2cp]
enabled = false

[i2pcontrol]
enabled = false

[upnp]
enabled = false

[reseed]
## empty URL lists: nothing is fetched
verify = true
urls =
yggurls =

[addressbook]
## MUST stay enabled: enabled=false segfaults 2.45.1 on STREAM CONNECT
enabled = true
defaulturl =
subscriptions =

[nettime]
enabled = false

[exploratory]
inbound.length = 0
outbound.length = 0
inbound.quantity = 1
outbound.quantity = 1

[persist]
profiles = false
addressbook = false

[meshnets]
yggdrasil = false
"""


class I2pdRouter:
    """One i2pd process with a private datadir and fixed (once picked) ports."""

    def __init__(
        self,
        workdir: Path | str,
        sam_port: int = 0,
        *,
        http_port: int = 0,
        ntcp2_port: int = 0,
        loglevel: str = "warn",
        start_timeout: float = 30.0,
    ) -> None:
        self.workdir = Path(workdir)
        self.sam_port = sam_port
        self.http_port = http_port
        self.ntcp2_port = ntcp2_port
        self.loglevel = loglevel
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.hello_reply = ""
        self.needed_sigkill = False  # last stop(): SIGTERM ignored (2.45.1 deadlock)

    @property
    def sam_address(self) -> str:
        return f"127.0.0.1:{self.sam_port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "i2pd.log"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> I2pdRouter:
        """Start i2pd and wait until SAM answers HELLO; RouterError otherwise."""
        check_isolated()
        if self.running:
            raise RouterError(f"i2pd already running (pid {self.pid})")
        if not os.access(I2PD_BINARY, os.X_OK):
            raise RouterError(f"{I2PD_BINARY} not found: apt-get install i2pd (see README)")
        self._write_config()
        conf = self.workdir / "i2pd.conf"
        self.process = subprocess.Popen(
            [
                I2PD_BINARY,
                f"--datadir={self.workdir}",
                f"--conf={conf}",
                f"--tunconf={self.workdir / 'tunnels.conf'}",
                f"--tunnelsdir={self.workdir / 'tunnels.d'}",
                f"--certsdir={CERTS_DIR}",
                f"--pidfile={self.workdir / 'i2pd.pid'}",
                f"--logfile={self.log_path}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.starts += 1
        try:
            self._wait_for_sam()
        except BaseException:
            self.kill()
            raise
        return self

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def _write_config(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "tunnels.d").mkdir(exist_ok=True)
        (self.workdir / "tunnels.conf").touch()
        # ports are picked once: restart() must come back on the same SAM address
        if not self.sam_port:
            self.sam_port = _sam_port()
        if not self.http_port:
            self.http_port = free_port()
        if not self.ntcp2_port:
            self.ntcp2_port = free_port()
        text = offline_config(self.sam_port, self.http_port, self.ntcp2_port, self.loglevel)
        (self.workdir / "i2pd.conf").write_text(text)

    def _wait_for_sam(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while True:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RouterError(
                    f"i2pd exited with status {self.process.returncode} before SAM came up; "
                    f"log: {self.log_tail()}"
                )
            try:
                with socket.create_connection(("127.0.0.1", self.sam_port), timeout=2) as s:
                    s.settimeout(2)
                    s.sendall(HELLO)
                    reply = s.makefile("rb").readline().decode("ascii", "replace").strip()
                if reply.startswith("HELLO REPLY RESULT=OK"):
                    self.hello_reply = reply
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RouterError(f"i2pd SAM did not answer HELLO within {self.start_timeout} s")
            time.sleep(0.05)

    def log_tail(self, lines: int = 5) -> str:
        try:
            return " | ".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self, settle: float = 1.0) -> None:
        """SIGTERM (after `settle` s for i2pd to notice closed SAM sockets), SIGKILL after 5 s."""
        p = self.process
        if p is None or p.poll() is not None:
            self.process = None
            return
        time.sleep(settle)
        self.needed_sigkill = False
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(STOP_GRACE)
        except subprocess.TimeoutExpired:
            self.needed_sigkill = True
            p.kill()  # the 2.45.1 SAMBridge::Stop self-deadlock (docs/I2PD.md §9)
            p.wait(STOP_GRACE)
        self.process = None

    def kill(self) -> None:
        """SIGKILL at once: the router vanishes as after a crash."""
        p = self.process
        if p is not None and p.poll() is None:
            p.kill()
            p.wait(STOP_GRACE)
        self.process = None

    def restart(self, *, graceful: bool = False) -> I2pdRouter:
        """Same datadir and ports; killed unless `graceful`."""
        if graceful:
            self.stop()
        else:
            self.kill()
        return self.start()

    def __enter__(self) -> I2pdRouter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
