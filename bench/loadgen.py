"""Benchmark load generator: a separate process driven by JSON lines on stdin.

Each request line is one job; the answer is one JSON line on stdout. Jobs:
  {"op": "bulk", "port": P, "dir": "up"|"down", "bytes": N}      -> seconds
  {"op": "rate", "port": P, "concurrency": C, "conns": N | "seconds": S} -> conns_per_s
  {"op": "open", "port": P, "conns": N}                           -> opened, failed, seconds
  {"op": "echo", "rounds": R, "concurrency": C, "size": S}        -> latency percentiles
  {"op": "close"}                                                 -> closed (held sockets)
A "connection" in rate/open is a full round trip through the relay: connect, send one
byte, read its echo (so the relay's upstream connection exists too). Every network
wait has a timeout; a failure is counted, never retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import statistics
import sys
import time
from collections.abc import Callable, Coroutine
from typing import Any

from backend import CHUNK, header
from procstat import raise_nofile

HOST = "127.0.0.1"
OP_TIMEOUT = 10.0  # seconds for one connect / one echo; socat's SYN drops cost 1-3 s each


def bulk(port: int, direction: str, nbytes: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    with socket.create_connection((HOST, port), timeout=60.0) as s:
        return bulk_on(s, direction, nbytes, t0)


def bulk_on(s: socket.socket, direction: str, nbytes: int, t0: float) -> dict[str, Any]:
    """Upload or download `nbytes` on connected socket `s`; seconds counted from `t0`."""
    if direction == "up":
        s.sendall(header("U", nbytes))
        chunk = memoryview(bytes(CHUNK))
        left = nbytes
        while left:
            n = min(CHUNK, left)
            s.sendall(chunk[:n])
            left -= n
        reply = s.recv(3)
        if reply != b"OK\n":
            raise ConnectionError(f"backend answered {reply!r} after upload")
    elif direction == "down":
        s.sendall(header("D", nbytes))
        buf = bytearray(CHUNK)
        got = 0
        while got < nbytes:
            n = s.recv_into(buf)
            if n == 0:
                raise ConnectionError(f"EOF after {got} of {nbytes} bytes")
            got += n
    else:
        raise ValueError(f"direction must be up or down, not {direction!r}")
    return {"seconds": time.perf_counter() - t0, "bytes": nbytes}


async def _round_trip(loop: asyncio.AbstractEventLoop, sock: socket.socket, data: bytes) -> None:
    async with asyncio.timeout(OP_TIMEOUT):
        await loop.sock_sendall(sock, data)
        got = 0
        while got < len(data):
            chunk = await loop.sock_recv(sock, len(data) - got)
            if not chunk:
                raise ConnectionError("relay closed the connection")
            got += len(chunk)


async def _open_one(loop: asyncio.AbstractEventLoop, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        async with asyncio.timeout(OP_TIMEOUT):
            await loop.sock_connect(sock, (HOST, port))
        await _round_trip(loop, sock, b"x")
    except BaseException:
        sock.close()
        raise
    return sock


async def _workers(n: int, worker: Callable[[], Coroutine[Any, Any, None]]) -> None:
    async with asyncio.TaskGroup() as tg:
        for _ in range(n):
            tg.create_task(worker())


class Load:
    def __init__(self) -> None:
        self.held: list[socket.socket] = []

    async def rate(self, port: int, concurrency: int, conns: int | None = None,
                   seconds: float | None = None) -> dict[str, Any]:
        """Connections per second: a fixed count, or as many as fit in `seconds`.

        With `seconds`, the rate counts connections completed inside the window, so one
        connection stuck in SYN retries (socat's backlog of 5) cannot stretch the window;
        connections still running at the deadline are finished (each bounded by
        OP_TIMEOUT) and a failure among them still counts as an error.
        """
        if (conns is None) == (seconds is None):
            raise ValueError("rate needs exactly one of conns or seconds")
        loop = asyncio.get_running_loop()
        todo = iter(range(conns)) if conns is not None else None
        errors: dict[str, int] = {}
        done_at: list[float] = []
        took: list[float] = []
        t0 = time.perf_counter()
        deadline = t0 + seconds if seconds is not None else float("inf")

        def more() -> bool:
            if todo is not None:
                return next(todo, None) is not None
            return time.perf_counter() < deadline

        async def worker() -> None:
            while more():
                start = time.perf_counter()
                try:
                    sock = await _open_one(loop, port)
                    sock.close()
                    done_at.append(time.perf_counter())
                    took.append(done_at[-1] - start)
                except (OSError, TimeoutError) as e:
                    errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1

        await _workers(concurrency, worker)
        elapsed = time.perf_counter() - t0
        if seconds is not None:
            in_window = sum(1 for t in done_at if t <= deadline)
            rate = in_window / seconds
        else:
            rate = len(done_at) / elapsed
        p99 = (statistics.quantiles(took, n=100, method="inclusive")[98] * 1e3
               if len(took) > 1 else None)
        return {"ok": len(done_at), "errors": sum(errors.values()), "error_kinds": errors,
                "seconds": elapsed, "conns_per_s": rate, "p99_ms": p99}

    async def open(self, port: int, conns: int, concurrency: int) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        todo = iter(range(conns))
        errors: dict[str, int] = {}

        async def worker() -> None:
            for _ in todo:
                try:
                    self.held.append(await _open_one(loop, port))
                except (OSError, TimeoutError) as e:
                    errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1

        t0 = time.perf_counter()
        await _workers(concurrency, worker)
        return {"opened": len(self.held), "failed": sum(errors.values()),
                "error_kinds": errors, "seconds": time.perf_counter() - t0}

    async def echo(self, rounds: int, concurrency: int, size: int) -> dict[str, Any]:
        """Echo `size` bytes on every held connection `rounds` times, `concurrency` at once."""
        loop = asyncio.get_running_loop()
        payload = b"e" * size
        todo = iter([s for _ in range(rounds) for s in self.held])
        samples: list[float] = []
        errors = 0

        async def worker() -> None:
            nonlocal errors
            for sock in todo:
                t0 = time.perf_counter()
                try:
                    await _round_trip(loop, sock, payload)
                except (OSError, TimeoutError):
                    errors += 1
                    continue
                samples.append(time.perf_counter() - t0)

        await _workers(concurrency, worker)
        if not samples:
            return {"samples": 0, "errors": errors}
        q = statistics.quantiles(samples, n=100, method="inclusive")
        return {"samples": len(samples), "errors": errors,
                "p50_ms": q[49] * 1e3, "p99_ms": q[98] * 1e3, "max_ms": max(samples) * 1e3}

    def close(self) -> dict[str, Any]:
        n = len(self.held)
        for s in self.held:
            s.close()
        self.held.clear()
        return {"closed": n, "at": time.monotonic()}


def main() -> None:
    raise_nofile()
    runner_factory: Callable[[], asyncio.AbstractEventLoop] | None = None
    with contextlib.suppress(ImportError):
        import uvloop

        runner_factory = uvloop.new_event_loop
    load = Load()
    with asyncio.Runner(loop_factory=runner_factory) as runner:
        for line in sys.stdin:
            job = json.loads(line)
            op = job.pop("op")
            try:
                if op == "bulk":
                    result = bulk(job["port"], job["dir"], job["bytes"])
                elif op == "rate":
                    result = runner.run(load.rate(**job))
                elif op == "open":
                    result = runner.run(load.open(**job))
                elif op == "echo":
                    result = runner.run(load.echo(**job))
                elif op == "close":
                    result = load.close()
                else:
                    result = {"error": f"unknown op {op!r}"}
            except (OSError, ValueError, TimeoutError) as e:
                result = {"error": f"{type(e).__name__}: {e}"}
            print(json.dumps(result), flush=True)
    load.close()


if __name__ == "__main__":
    main()
