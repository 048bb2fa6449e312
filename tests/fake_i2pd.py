"""A stand-in i2pd for the managed-router tests that need no real router.

`install_fake_i2pd(dir)` writes an executable `i2pd` that takes i2pd's command line
(`--datadir --conf --pidfile --log=stdout`), reads `[sam]` from the conf the app wrote,
locks and writes its pid file as i2pd does, keeps a `router.keys` across starts, logs
coloured lines to stdout like i2pd, and answers SAM HELLO on the configured port (with
the datagram port-1 bound too). FAKE_I2PD_MODE changes what it does:

    exit      print an error and exit 3 at once
    silent    run but never open SAM
    stubborn  ignore SIGTERM (as 2.45.1 does while a SAM session holds a socket)
    fakesam   serve the suite's stand-in SAM bridge (tests/fake_sam.py) on that port, so
              tunnels run on it (sessions, streams, b32s) without a real router
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.ports import pick_port

SCRIPT = r"""
import fcntl, os, secrets, signal, socket, sys, threading, time

args = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
datadir = args["datadir"]
mode = os.environ.get("FAKE_I2PD_MODE", "")
conf, section = {}, ""
for line in open(args["conf"]):
    line = line.split("#", 1)[0].strip()
    if line.startswith("["):
        section = line.strip("[]")
    elif "=" in line:
        k, v = (x.strip() for x in line.split("=", 1))
        conf[f"{section}.{k}" if section else k] = v

def log(level, text):
    print(f"12:00:00@1/\x1b[1;36m{level}\x1b[0m - {text}", flush=True)

pidfd = os.open(args["pidfile"], os.O_RDWR | os.O_CREAT, 0o600)
try:
    fcntl.lockf(pidfd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except OSError:
    print(f"i2pd: Could not lock pid file {args['pidfile']}", file=sys.stderr, flush=True)
    sys.exit(1)
os.ftruncate(pidfd, 0)
os.write(pidfd, f"{os.getpid()}".encode())
keys = os.path.join(datadir, "router.keys")
if not os.path.exists(keys):
    with open(keys, "wb") as f:
        f.write(secrets.token_bytes(64))
with open(os.path.join(datadir, "fake-starts.log"), "a") as f:
    f.write(f"{os.getpid()}\n")
log("none", "i2pd v2.45.1 (fake) starting...")
if mode == "exit":
    log("error", "Daemon: Failed to start Transports")
    sys.exit(3)

stop = threading.Event()
if mode == "stubborn":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
else:
    signal.signal(signal.SIGTERM, lambda *a: stop.set())

def serve(conn):
    with conn:
        f = conn.makefile("rb")
        for line in f:
            if line.startswith(b"HELLO"):
                conn.sendall(b"HELLO REPLY RESULT=OK VERSION=3.1\n")
            else:
                return

if mode == "fakesam":
    import asyncio
    sys.path.insert(0, os.environ["FAKE_I2PD_TESTS_DIR"])
    from fake_sam import FakeSam

    async def fake_sam():
        sam = FakeSam()
        sam.port = int(conf["sam.port"])
        await sam.start()
        log("info", f"SAM: (stand-in bridge) listening on 127.0.0.1:{sam.port}")
        await asyncio.Event().wait()

    threading.Thread(target=asyncio.run, args=(fake_sam(),), daemon=True).start()
elif mode != "silent":
    host, port = conf.get("sam.address", "127.0.0.1"), int(conf["sam.port"])
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind((host, port - 1))
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, port))
    srv.listen(16)
    log("info", f"SAM: listening on {host}:{port}")

    def accept():
        while True:
            conn, _ = srv.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
while not stop.wait(0.05):
    pass
log("info", "Daemon: shutting down")
"""


def install_fake_i2pd(directory: Path) -> Path:
    """An executable `directory/i2pd` running SCRIPT with this interpreter."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "i2pd"
    tests_dir = f"os.environ.setdefault('FAKE_I2PD_TESTS_DIR', {str(Path(__file__).parent)!r})"
    path.write_text(f"#!{sys.executable}\nimport os\n{tests_dir}\n{SCRIPT}")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def free_options(binary: Path, **kw: object) -> ManagedOptions:
    """Options running `binary` on ports free right now (not the real router's 7656)."""
    sam = pick_port(27656, sam=True)
    return ManagedOptions(
        binary=str(binary),
        sam_port=sam,
        control_port=pick_port(27650, taken=frozenset({sam, sam - 1})),
        console_port=pick_port(27070, taken=frozenset({sam, sam - 1})),
        **kw,  # type: ignore[arg-type]
    )
