#!/usr/bin/env python3
"""Churn soak through a running `i2ptunnel-gui forward`: fds and RSS must stay flat.

    python bench/soak.py                      # 10 minutes
    python bench/soak.py --seconds 60 --json out.json

Loopback only. Starts an echo target in this process and
`python -m i2ptunnel_gui forward --listen 127.0.0.1:0 --target <echo> --nconnect N
--idle-timeout 2` as a child, then runs rounds until the time is up. A round is a few
seconds of concurrent workers, each looping over:
  echo       connect, send 1-64 KiB, read it back, close
  rst        connect, send, close with SO_LINGER 0 (the forward sees a reset)
  half-close send, shut down our write side, read the whole echo and then EOF
  slowloris  send one byte and go silent: the forward must close it (idle timeout)
followed by a burst of nconnect + 16 connections at once (beyond nconnect: the excess
must be refused at once, the rest served) and a quiet moment in which the forward's
open fds and RSS are sampled. Flat = every idle fd count within the splice pipe pool
of the first, and the final RSS within a bound of the RSS after the first round.
Exits 1 when a check fails or a connection misbehaves; prints the figures either way.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import socket
import struct
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from procstat import fd_count, rss_kib

HOST = "127.0.0.1"
IO_TIMEOUT = 10.0
IDLE_TIMEOUT = 2.0  # the forward's --idle-timeout: slowloris connections are reaped
NCONNECT = 48
WORKERS = 8
ROUND_SECONDS = 4.0
FD_SLACK = 2 * 4 + 2  # splice keeps up to 4 idle pipes (2 fds each) per loop, on purpose
RSS_SLACK_KIB = 8 * 1024  # allocator arenas settle; a per-connection leak would not


@dataclass
class SoakResult:
    seconds: float = 0.0
    rounds: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    idle_fds: list[int] = field(default_factory=list)
    idle_rss_kib: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def connections(self) -> int:
        return sum(self.outcomes.values())

    def check(self) -> list[str]:
        """Why the run is not flat (empty: it is)."""
        why = list(self.problems)
        if len(self.idle_fds) < 2:
            return [*why, "fewer than two idle samples"]
        base_fd = self.idle_fds[0]
        if max(self.idle_fds) > base_fd + FD_SLACK:
            why.append(f"idle fds grew {base_fd} -> {max(self.idle_fds)} (slack {FD_SLACK})")
        base_rss, end_rss = self.idle_rss_kib[0], self.idle_rss_kib[-1]
        if end_rss > base_rss + RSS_SLACK_KIB:
            why.append(f"RSS grew {base_rss} -> {end_rss} KiB (slack {RSS_SLACK_KIB})")
        for kind in sorted(GOOD - {"rst"}):
            if not self.outcomes[kind]:
                why.append(f"no successful {kind} connection")
        return why


# ---------------------------------------------------------------- target


async def _echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        if not writer.is_closing():
            writer.write_eof()  # the half-close scenario waits for our EOF
    except ConnectionError:
        pass
    finally:
        writer.close()


# ---------------------------------------------------------------- scenarios


async def _open(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    async with asyncio.timeout(IO_TIMEOUT):
        return await asyncio.open_connection(HOST, port)


async def _read_to_eof(reader: asyncio.StreamReader, limit: float = IO_TIMEOUT) -> bytes:
    async with asyncio.timeout(limit):
        return await reader.read()


async def echo_once(port: int, rng: random.Random) -> str:
    payload = rng.randbytes(rng.randint(1, 64 * 1024))
    reader, writer = await _open(port)
    try:
        writer.write(payload)
        async with asyncio.timeout(IO_TIMEOUT):
            await writer.drain()
            got = await reader.readexactly(len(payload))
        return "echo" if got == payload else "echo-corrupt"
    finally:
        writer.close()


async def reset_once(port: int, rng: random.Random) -> str:
    reader, writer = await _open(port)
    writer.write(rng.randbytes(rng.randint(1, 32 * 1024)))
    with contextlib.suppress(ConnectionError, TimeoutError):
        async with asyncio.timeout(0.05):
            await reader.read(1)  # sometimes mid-echo, sometimes not yet
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
    return "rst"


async def half_close_once(port: int, rng: random.Random) -> str:
    payload = rng.randbytes(rng.randint(1, 64 * 1024))
    reader, writer = await _open(port)
    try:
        writer.write(payload)
        writer.write_eof()
        got = await _read_to_eof(reader)
        return "half-close" if got == payload else "half-close-lost"
    finally:
        writer.close()


async def slowloris_once(port: int, rng: random.Random) -> str:
    reader, writer = await _open(port)
    try:
        writer.write(b"s")
        t0 = time.monotonic()
        got = await _read_to_eof(reader, IDLE_TIMEOUT + IO_TIMEOUT)  # echo, then reaped
        waited = time.monotonic() - t0
        if got != b"s":
            return "slowloris-lost"
        return "slowloris" if waited >= IDLE_TIMEOUT * 0.9 else "slowloris-early"
    finally:
        writer.close()


async def burst(port: int, count: int) -> Counter[str]:
    """`count` connections at once, held: beyond nconnect they must be refused at once."""
    outcome: Counter[str] = Counter()
    opened = await asyncio.gather(*(_open(port) for _ in range(count)), return_exceptions=True)
    pairs = [p for p in opened if not isinstance(p, BaseException)]
    if len(pairs) < len(opened):  # a refused connection is accepted, then closed
        outcome["burst-connect-failed"] += len(opened) - len(pairs)
    try:
        for _, writer in pairs:
            writer.write(b"b")

        async def one(reader: asyncio.StreamReader) -> str:
            try:
                async with asyncio.timeout(IO_TIMEOUT):
                    got = await reader.read(1)
            except ConnectionError:
                return "burst-refused"
            return "burst-served" if got == b"b" else "burst-refused"

        results = await asyncio.gather(*(one(r) for r, _ in pairs), return_exceptions=True)
        for r in results:
            outcome[r if isinstance(r, str) else f"burst-{type(r).__name__}"] += 1
    finally:
        for _, writer in pairs:
            writer.close()
    return outcome


GOOD = {"echo", "rst", "half-close", "slowloris", "burst-served", "burst-refused"}
SCENARIOS = [(echo_once, 5), (reset_once, 2), (half_close_once, 2), (slowloris_once, 1)]


async def worker(port: int, until: float, seed: int, outcomes: Counter[str]) -> None:
    rng = random.Random(seed)
    fns, weights = zip(*SCENARIOS, strict=True)
    while time.monotonic() < until:
        fn = rng.choices(fns, weights)[0]
        try:
            outcomes[await fn(port, rng)] += 1
        except (OSError, TimeoutError, asyncio.IncompleteReadError) as e:
            outcomes[f"{fn.__name__}-{type(e).__name__}"] += 1


# ---------------------------------------------------------------- driver


async def _settle(pid: int) -> int:
    """Wait until the forward has closed what we closed (its fd count plateaus)."""
    await asyncio.sleep(0.3)
    deadline = time.monotonic() + 5
    last = fd_count(pid, forks=False)
    while time.monotonic() < deadline:  # closes finish asynchronously
        await asyncio.sleep(0.2)
        now = fd_count(pid, forks=False)
        if now == last:
            break
        last = now
    return last


async def _quiet_sample(pid: int, result: SoakResult) -> None:
    result.idle_fds.append(await _settle(pid))
    result.idle_rss_kib.append(rss_kib(pid))


def start_forward(target_port: int, nconnect: int) -> tuple[subprocess.Popen[str], int]:
    cmd = [
        sys.executable, "-m", "i2ptunnel_gui", "forward",
        "--listen", f"{HOST}:0", "--target", f"{HOST}:{target_port}",
        "--nconnect", str(nconnect), "--idle-timeout", str(IDLE_TIMEOUT),
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()  # READY host:port (the child exits on failure: EOF)
    if not line.startswith("READY "):
        proc.kill()
        _, err = proc.communicate(timeout=10)
        raise RuntimeError(f"forward did not start: {line!r} {err.strip()[-300:]}")
    return proc, int(line.split()[1].rpartition(":")[2])


async def soak(seconds: float, nconnect: int = NCONNECT, workers: int = WORKERS) -> SoakResult:
    result = SoakResult()
    server = await asyncio.start_server(_echo, HOST, 0)
    target_port = server.sockets[0].getsockname()[1]
    proc, port = await asyncio.to_thread(start_forward, target_port, nconnect)
    t0 = time.monotonic()
    try:
        await _quiet_sample(proc.pid, result)
        end = t0 + seconds
        while time.monotonic() < end and proc.poll() is None:
            until = min(end, time.monotonic() + ROUND_SECONDS)
            await asyncio.gather(
                *(worker(port, until, result.rounds * 1000 + i, result.outcomes)
                  for i in range(workers))
            )  # fmt: skip
            await _settle(proc.pid)  # so the burst finds all nconnect slots free
            result.outcomes.update(await burst(port, nconnect + 16))
            result.rounds += 1
            await _quiet_sample(proc.pid, result)
        if proc.poll() is not None:
            result.problems.append(f"forward exited early with {proc.returncode}")
    finally:
        result.seconds = time.monotonic() - t0
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            _, err = await asyncio.to_thread(proc.communicate, None, 15)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            result.problems.append("forward did not stop within 15 s of SIGTERM")
        if proc.returncode not in (0, None) and not result.problems:
            result.problems.append(f"forward exit code {proc.returncode}")
        if "Traceback" in err:
            result.problems.append("forward printed a traceback: " + err.strip()[-300:])
        server.close()
        await server.wait_closed()
    # the idle sample before any load is the fd/RSS floor; flatness starts after round 1
    result.idle_fds, result.idle_rss_kib = result.idle_fds[1:], result.idle_rss_kib[1:]
    for k in sorted(set(result.outcomes) - GOOD):
        result.problems.append(f"{result.outcomes[k]} x {k}")
    return result


def summary(r: SoakResult) -> str:
    rss0, rss1 = r.idle_rss_kib[0] / 1024, r.idle_rss_kib[-1] / 1024
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(r.outcomes.items()))
    return (
        f"{r.seconds:.0f} s, {r.rounds} rounds, {r.connections} connections ({kinds}); "
        f"idle fds {r.idle_fds[0]} -> {r.idle_fds[-1]} (max {max(r.idle_fds)}); "
        f"RSS {rss0:.1f} -> {rss1:.1f} MiB"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=600.0)
    ap.add_argument("--nconnect", type=int, default=NCONNECT)
    ap.add_argument("--workers", type=int, default=WORKERS)
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = ap.parse_args(argv)
    r = asyncio.run(soak(args.seconds, args.nconnect, args.workers))
    print(summary(r))
    why = r.check()
    for line in why:
        print(f"FAIL {line}", file=sys.stderr)
    if args.json:
        data = asdict(r) | {
            "outcomes": dict(r.outcomes),  # asdict() would rebuild the Counter from pairs
            "connections": r.connections,
            "problems": why,
        }
        args.json.write_text(json.dumps(data, indent=1))
    return 1 if why else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
