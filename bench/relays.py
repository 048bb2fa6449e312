"""The relays compared in one run: none (direct), socat, and ours (`forward`).

Each relay is started as its own process listening on 127.0.0.1 and forwarding to the
backend; `stop()` ends only the processes this module started, by PID.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from procstat import children, raise_nofile

REPO = Path(__file__).resolve().parent.parent
SOCAT_DEFAULT_BACKLOG = 5  # socat(1): "backlog=<count> ... Default is 5."
START_TIMEOUT = 15.0

# name -> how to run it; "ours-*" set I2PTUNNEL_LOOP for the engine's loop choice
KINDS = ("direct", "socat", "socat-b1024", "ours", "ours-asyncio", "ours-uvloop")
NOTES = {
    "direct": "no relay: load generator -> backend",
    "socat": f"socat TCP-LISTEN:p,fork,reuseaddr (default backlog {SOCAT_DEFAULT_BACKLOG})",
    "socat-b1024": "socat TCP-LISTEN:p,fork,reuseaddr,backlog=1024",
    "ours": "i2ptunnel-gui forward (engine's default loop)",
    "ours-asyncio": "i2ptunnel-gui forward, I2PTUNNEL_LOOP=asyncio",
    "ours-uvloop": "i2ptunnel-gui forward, I2PTUNNEL_LOOP=uvloop",
}


@dataclass
class Relay:
    name: str
    port: int
    proc: subprocess.Popen[bytes] | None = None
    forks: bool = False  # socat forks a child per connection
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

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


def _start_ours(name: str, target: int, loop: str | None) -> Relay:
    env = dict(os.environ)
    if loop:
        env["I2PTUNNEL_LOOP"] = loop
    cmd = [sys.executable, "-m", "i2ptunnel_gui", "forward", "--listen", "127.0.0.1:0",
           "--target", f"127.0.0.1:{target}"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, preexec_fn=raise_nofile)
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT)
    line = proc.stdout.readline().decode(errors="replace").strip() if ready else ""
    if not line.startswith("READY "):
        proc.kill()
        proc.wait()
        raise RuntimeError(f"{name}: expected 'READY host:port' from forward, got {line!r}")
    port = int(line.rsplit(":", 1)[1])
    return Relay(name, port, proc, note=f"I2PTUNNEL_LOOP={loop or '(default)'}")


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
    if name in ("ours-asyncio", "ours-uvloop"):
        return _start_ours(name, target, name.split("-", 1)[1])
    raise ValueError(f"unknown relay {name!r}; choose from {', '.join(KINDS)}")
