"""The relays compared in one run: none (direct), socat, and ours (`forward`).

Each relay is started as its own process listening on 127.0.0.1 and forwarding to the
backend; `stop()` ends only the processes this module started, by PID.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from procstat import children, raise_nofile

REPO = Path(__file__).resolve().parent.parent
SOCAT_DEFAULT_BACKLOG = 5  # socat(1): "backlog=<count> ... Default is 5."
START_TIMEOUT = 15.0

# name -> how to run it; "ours-*" set I2PTUNNEL_LOOP for the engine's loop choice
KINDS = ("direct", "socat", "socat-b1024", "haproxy", "haproxy-splice", "ours", "ours-asyncio",
         "ours-uvloop", "ours-base", "floor", "floor-bare")
BASE_TREE_ENV = "BENCH_BASE_TREE"  # ours-base: `forward` from this checkout (before/after runs)
NOTES = {
    "floor": "bench/floor_relay.py: the engine's design with none of its bookkeeping",
    "floor-bare": "bench/floor_relay.py --bare: the floor without an event loop (own epoll)",
    "direct": "no relay: load generator -> backend",
    "socat": f"socat TCP-LISTEN:p,fork,reuseaddr (default backlog {SOCAT_DEFAULT_BACKLOG})",
    "socat-b1024": "socat TCP-LISTEN:p,fork,reuseaddr,backlog=1024",
    "ours": "i2ptunnel-gui forward (engine's default loop)",
    "ours-asyncio": "i2ptunnel-gui forward, I2PTUNNEL_LOOP=asyncio",
    "ours-uvloop": "i2ptunnel-gui forward, I2PTUNNEL_LOOP=uvloop",
    "ours-base": f"i2ptunnel-gui forward from ${BASE_TREE_ENV} (the commit compared against)",
    "haproxy": "haproxy -db, mode tcp, Debian's default timeouts, no tuning",
    "haproxy-splice": "haproxy -db, mode tcp, option splice-request/response, tune.pipesize 1 MiB",
}

# Debian's /etc/haproxy/haproxy.cfg in TCP mode: its defaults' timeouts, no logging (no syslog
# here), no chroot/user (not root); maxconn set so 5 000 open fit, and its fds (2 per
# connection plus splice pipes) stay under a 20 000 fd limit.
_HAPROXY_CFG = """global
    maxconn 7000
{tune}
defaults
    mode tcp
    timeout connect 5000
    timeout client 50000
    timeout server 50000
{options}
frontend relay
    bind 127.0.0.1:{port}
    default_backend target

backend target
    server s1 127.0.0.1:{target}
"""
_HAPROXY_SPLICE = ("    tune.pipesize 1048576\n",
                   "    option splice-request\n    option splice-response\n")



@dataclass
class Relay:
    name: str
    port: int
    proc: subprocess.Popen[bytes] | None = None
    forks: bool = False  # socat forks a child per connection
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    workdir: tempfile.TemporaryDirectory[str] | None = None  # a generated config lives here

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        kids = children(self.proc.pid) if self.forks else []
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(5.0)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5.0)
        for pid in kids:  # socat children still relaying an open connection
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        if self.workdir is not None:
            self.workdir.cleanup()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> bool:
    """True when 127.0.0.1:port is in LISTEN state (read /proc, so no probe connection)."""
    needle = f"0100007F:{port:04X}"
    with open("/proc/net/tcp", encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if parts[1] == needle and parts[3] == "0A":
                return True
    return False


def _start_socat(name: str, target: int, backlog: int | None) -> Relay:
    port = _free_port()
    opts = f"TCP-LISTEN:{port},bind=127.0.0.1,fork,reuseaddr"
    if backlog is not None:
        opts += f",backlog={backlog}"
    proc = subprocess.Popen(["socat", opts, f"TCP:127.0.0.1:{target}"],
                            stdin=subprocess.DEVNULL, preexec_fn=raise_nofile)
    deadline = time.monotonic() + START_TIMEOUT
    while not _listening(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            raise RuntimeError(f"{name}: socat did not listen on {port}")
        time.sleep(0.01)
    note = f"backlog={backlog}" if backlog else f"default backlog ({SOCAT_DEFAULT_BACKLOG})"
    return Relay(name, port, proc, forks=True, note=note)


def _wait_listening(name: str, proc: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not _listening(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            raise RuntimeError(f"{name}: did not listen on {port}")
        time.sleep(0.01)


def _start_haproxy(name: str, target: int, tuned: bool) -> Relay:
    """haproxy in the foreground (-db) from a config written to a temp dir; never a service."""
    exe = shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if os.access(p, os.X_OK)),
        None)
    if exe is None:
        raise RuntimeError(f"{name}: skipped, haproxy is not installed")
    port = _free_port()
    tune, options = _HAPROXY_SPLICE if tuned else ("", "")
    workdir = tempfile.TemporaryDirectory(prefix="relay-bench-haproxy-")
    cfg = Path(workdir.name) / "haproxy.cfg"
    cfg.write_text(_HAPROXY_CFG.format(tune=tune, options=options, port=port, target=target),
                   encoding="ascii")
    proc = subprocess.Popen([exe, "-db", "-f", str(cfg)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, preexec_fn=raise_nofile)
    try:
        _wait_listening(name, proc, port)
    except BaseException:
        workdir.cleanup()
        raise
    return Relay(name, port, proc, note=NOTES[name], workdir=workdir)


def _start_ours(name: str, target: int, loop: str | None, tree: Path = REPO) -> Relay:
    env = dict(os.environ)
    if loop:
        env["I2PTUNNEL_LOOP"] = loop
    if tree != REPO:
        env["PYTHONPATH"] = str(tree)
    cmd = [sys.executable, "-m", "i2ptunnel_gui", "forward", "--listen", "127.0.0.1:0",
           "--target", f"127.0.0.1:{target}"]
    proc = subprocess.Popen(cmd, cwd=tree, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, preexec_fn=raise_nofile)
    return Relay(name, _ready_port(name, proc), proc,
                 note=f"I2PTUNNEL_LOOP={loop or '(default)'}")


def _start_floor(name: str, target: int) -> Relay:
    bare = ["--bare"] if name == "floor-bare" else []
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("floor_relay.py")),
                             str(target), *bare], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            preexec_fn=raise_nofile)
    return Relay(name, _ready_port(name, proc), proc, note=NOTES[name])


def _ready_port(name: str, proc: subprocess.Popen[bytes]) -> int:
    """The port from the relay's first line, `READY host:port`; stopped otherwise."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT)
    line = proc.stdout.readline().decode(errors="replace").strip() if ready else ""
    if not line.startswith("READY "):
        proc.kill()
        proc.wait()
        raise RuntimeError(f"{name}: expected 'READY host:port', got {line!r}")
    return int(line.rsplit(":", 1)[1])


def missing(name: str) -> str | None:
    """Why relay `name` cannot run here (one line), or None when it can."""
    if name.startswith("haproxy") and shutil.which("haproxy") is None and not any(
            os.access(p, os.X_OK) for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy")):
        return f"{name}: skipped, haproxy is not installed"
    if name.startswith("socat") and shutil.which("socat") is None:
        return f"{name}: skipped, socat is not installed"
    if name == "ours-base":
        base = os.environ.get(BASE_TREE_ENV)
        if not base or not (Path(base) / "i2ptunnel_gui").is_dir():
            return f"{name}: skipped, set {BASE_TREE_ENV} to a checkout to compare"
    return None


def start(name: str, target: int) -> Relay:
    """Start relay `name` forwarding to 127.0.0.1:target."""
    if name == "direct":
        return Relay(name, target, note="no relay: load -> backend")
    if name == "socat":
        return _start_socat(name, target, None)
    if name == "socat-b1024":
        return _start_socat(name, target, 1024)
    if name == "ours":
        return _start_ours(name, target, None)
    if name in ("haproxy", "haproxy-splice"):
        return _start_haproxy(name, target, name == "haproxy-splice")
    if name == "ours-base":
        base = os.environ.get(BASE_TREE_ENV)
        if not base or not (Path(base) / "i2ptunnel_gui").is_dir():
            raise RuntimeError(f"{name}: skipped, set {BASE_TREE_ENV} to a checkout to compare")
        return _start_ours(name, target, None, Path(base).resolve())
    if name in ("ours-asyncio", "ours-uvloop"):
        return _start_ours(name, target, name.split("-", 1)[1])
    if name in ("floor", "floor-bare"):
        return _start_floor(name, target)
    raise ValueError(f"unknown relay {name!r}; choose from {', '.join(KINDS)}")
