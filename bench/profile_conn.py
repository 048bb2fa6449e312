#!/usr/bin/env python3
"""Where one forwarded connection's CPU and memory go, on the engine thread.

    .venv/bin/python bench/profile_conn.py [--conns 4000] [--open 5000] [--top 25]

Runs the engine in this process with one forward tunnel to bench/backend.py's echo
server; the load (bench/loadgen.py) is another process, as in relay_bench.py.
- CPU: a cProfile.Profile enabled *inside the engine loop thread* (cProfile sees only the
  thread that enables it) over `--conns` connections made by 100 concurrent clients
  (connect + 1-byte echo + close); prints the top functions by own time and each one's
  µs per connection (profiler overhead inflates the absolute figures: read the shares).
- Memory: tracemalloc (every thread) between an idle tunnel and `--open` held
  connections; prints the top allocation sites by bytes per open connection.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import sys
import time
import tracemalloc
from pathlib import Path

# the checkout to profile comes from PYTHONPATH (a base checkout for "before"); else this one
sys.path.append(str(Path(__file__).resolve().parent.parent))

import procstat
from relay_bench import Child

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec


def _on_engine(engine: Engine, fn: object) -> None:
    async def run() -> None:
        fn()  # type: ignore[operator]

    engine.call(run, 10.0)


def profile_cpu(engine: Engine, load: Child, port: int, conns: int, top: int) -> None:
    load.job(op="rate", port=port, conns=500, concurrency=100)  # warm-up
    prof = cProfile.Profile()
    cpu0 = time.thread_time()  # not the engine thread's: only to show the harness is idle
    _on_engine(engine, prof.enable)
    res = load.job(op="rate", port=port, conns=conns, concurrency=100)
    _on_engine(engine, prof.disable)
    n = res["ok"] + res["errors"]
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\n## CPU, engine thread: {n} connections ({res['errors']} errors), "
          f"{res['conns_per_s']:.0f}/s under the profiler; profiled total "
          f"{total / n * 1e6:.0f} µs/conn (harness thread {time.thread_time() - cpu0:.2f} s)")
    groups: dict[str, float] = {}
    for (file, _line, name), (_cc, _n, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        g = _group(file, name)
        groups[g] = groups.get(g, 0.0) + tt
    print("\n| own µs/conn | share | where |\n|---:|---:|---|")
    for g, tt in sorted(groups.items(), key=lambda kv: kv[1], reverse=True):
        print(f"| {tt / n * 1e6:.1f} | {100 * tt / total:.1f} % | {g} |")
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)  # type: ignore[attr-defined]
    print("\n| own µs/conn | share | calls/conn | function |\n|---:|---:|---:|---|")
    for (file, line, name), (_cc, ncalls, tt, _ct, _callers) in rows[:top]:
        where = f"{Path(file).name}:{line}" if line else file
        print(f"| {tt / n * 1e6:.1f} | {100 * tt / total:.1f} % | {ncalls / n:.2f} | "
              f"`{name}` ({where}) |")


_ASYNCIO = ("taskgroups.py", "timeouts.py", "tasks.py", "futures.py", "events.py",
            "base_events.py", "_weakrefset.py", "contextlib.py")


def _group(file: str, name: str) -> str:
    """Own time by kind of work: system calls and other C calls, asyncio's task
    machinery, the socket module's Python wrappers, our relay, our bookkeeping."""
    base = Path(file).name
    if file == "~":
        return "C calls (system calls: splice, connect, shutdown, close, accept...)"
    if base in _ASYNCIO:
        return "asyncio tasks, futures, timeout scopes"
    if base in ("socket.py", "enum.py"):
        return "socket module wrappers (accept, socket(), enum conversions)"
    if base in ("splice.py", "relay.py"):
        return "relay (core/splice.py)"
    if "i2ptunnel_gui" in file:
        return "accept, admission, dial, bookkeeping (listen/runtime/dial/connection)"
    return f"other ({base})"


def profile_memory(load: Child, port: int, pid: int, conns: int, top: int) -> None:
    load.job(op="rate", port=port, conns=20, concurrency=1)  # warm-up: pools, caches
    time.sleep(0.3)
    rss0 = procstat.rss_kib(pid)
    before = tracemalloc.take_snapshot()
    res = load.job(op="open", port=port, conns=conns, concurrency=100)
    time.sleep(0.3)
    after = tracemalloc.take_snapshot()
    rss1 = procstat.rss_kib(pid)
    n = max(res["opened"], 1)
    diff = after.compare_to(before, "lineno")
    traced = sum(d.size_diff for d in diff)
    print(f"\n## Memory: {n} open ({res['failed']} failed): RSS +{(rss1 - rss0) / n:.2f} KiB/conn"
          f" (tracemalloc on), traced +{traced / n:.0f} B/conn")
    print("\n| B/conn | blocks/conn | allocated at |\n|---:|---:|---|")
    for d in diff[:top]:
        fr = d.traceback[0]
        print(f"| {d.size_diff / n:.0f} | {d.count_diff / n:.2f} | "
              f"{Path(fr.filename).name}:{fr.lineno} |")
    load.job(op="close")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conns", type=int, default=4000)
    ap.add_argument("--open", type=int, default=5000)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    procstat.raise_nofile()
    backend, load = Child("backend.py"), Child("loadgen.py")
    engine = Engine()
    try:
        echo_port = int(backend.readline(15.0).split()[2])
        engine.start()
        spec = TunnelSpec(name="profile", kind=TunnelKind.FORWARD, listen_host="127.0.0.1",
                          listen_port=0, target_host="127.0.0.1", target_port=echo_port)

        status = asyncio.run(engine.start_tunnel(spec))
        port = int(status.local_address.rsplit(":", 1)[1])
        profile_cpu(engine, load, port, args.conns, args.top)
        tracemalloc.start(1)
        profile_memory(load, port, os.getpid(), args.open, args.top)
    finally:
        tracemalloc.stop()
        engine.shutdown(10.0)
        load.close()
        backend.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
