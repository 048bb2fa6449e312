"""System calls per connection of each relay: `strace -c -f` attached to the relay
process while N sequential connections (connect, one byte, its echo, close, as the
rate job does) pass through it. strace slows the relay a lot, so this counts calls;
it does not time them. Prints one Markdown table (calls per connection).

    PYTHONPATH=$PWD .venv/bin/python bench/syscalls_conn.py [--conns N] [--relays haproxy,ours]
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import relays

HERE = Path(__file__).resolve().parent
IO_TIMEOUT = 10.0


def _backend() -> tuple[subprocess.Popen[bytes], int]:
    proc = subprocess.Popen([sys.executable, str(HERE / "backend.py")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], IO_TIMEOUT)
    line = proc.stdout.readline().decode() if ready else ""
    if not line.startswith("READY "):
        proc.kill()
        raise SystemExit(f"backend did not start: {line!r}")
    return proc, int(line.split()[2])


def _connections(port: int, n: int) -> None:
    for _ in range(n):
        with socket.create_connection(("127.0.0.1", port), timeout=IO_TIMEOUT) as s:
            s.sendall(b"x")
            if s.recv(1) != b"x":
                raise SystemExit("no echo through the relay")


def count(name: str, echo_port: int, n: int) -> tuple[dict[str, float], int]:
    """Calls per connection by system call, and the relay's thread count."""
    relay = relays.start(name, echo_port)
    fd, out = tempfile.mkstemp(prefix="strace-", suffix=".txt")
    os.close(fd)
    try:
        assert relay.pid is not None
        _connections(relay.port, 50)  # warm-up: pools, lazy imports
        threads = len(os.listdir(f"/proc/{relay.pid}/task"))
        tracer = subprocess.Popen(["strace", "-c", "-f", "-o", out, "-p", str(relay.pid)],
                                  stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # attached to every thread
        _connections(relay.port, n)
        time.sleep(0.5)  # the last close reaches the relay
        tracer.send_signal(signal.SIGINT)
        tracer.wait(IO_TIMEOUT)
        calls: dict[str, float] = {}
        for line in Path(out).read_text().splitlines():
            parts = line.split()
            if len(parts) >= 5 and parts[0][0].isdigit() and parts[-1] != "total":
                calls[parts[-1]] = int(parts[3]) / n
        return calls, threads
    finally:
        relay.stop()
        os.unlink(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conns", type=int, default=2000)
    ap.add_argument("--relays", default="haproxy,ours")
    args = ap.parse_args()
    if shutil.which("strace") is None:
        raise SystemExit("strace is not installed")
    names = args.relays.split(",")
    backend, echo_port = _backend()
    try:
        results = {name: count(name, echo_port, args.conns) for name in names}
    finally:
        assert backend.stdin is not None
        backend.stdin.close()
        backend.wait(IO_TIMEOUT)
    rows = sorted({c for calls, _ in results.values() for c in calls},
                  key=lambda c: -max(r[0].get(c, 0.0) for r in results.values()))
    print(f"{args.conns} sequential connections; relay threads: "
          + ", ".join(f"{n} {t}" for n, (_, t) in results.items()))
    print("\n| system call | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for c in rows:
        vals = [results[n][0].get(c, 0.0) for n in names]
        if max(vals) >= 0.01:
            print(f"| {c} | " + " | ".join(f"{v:.2f}" for v in vals) + " |")
    print("| **total** | " + " | ".join(f"{sum(results[n][0].values()):.2f}" for n in names) + " |")


if __name__ == "__main__":
    main()
