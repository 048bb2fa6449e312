#!/usr/bin/env python3
"""Relay benchmark: ours vs socat vs direct loopback, measured in the same run.

Three processes as in docs/DECISIONS.md 1.1: load generator (bench/loadgen.py), relay, backend
(bench/backend.py). Everything listens on 127.0.0.1, every job has a timeout, and only
processes started here are stopped (by PID).

    .venv/bin/python bench/relay_bench.py --quick          # smoke run, ~30 s
    .venv/bin/python bench/relay_bench.py                  # full run; rewrites docs/BENCHMARKS.md

Phases (runs interleaved across relays so machine noise hits all of them alike):
bulk each direction (MB/s = 10^6 B/s, median of runs; relay CPU-s/GiB from /proc stat),
connection rate (sequential and 100 concurrent), N open connections (failed opens, echo
latency with all open, memory per connection, time until the relay's fds are released).
"""

from __future__ import annotations

import argparse
import json
import select
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import procstat
import relays
import report
from relay_format import markdown, targets

BENCH = Path(__file__).resolve().parent
JOB_TIMEOUT = 300.0  # seconds for any single load job (a 1 GiB transfer at 4 MB/s)


@dataclass(frozen=True)
class Mode:
    name: str
    bulk_bytes: int
    bulk_runs: int
    seq_seconds: float
    conc_seconds: float
    conc_batch: int
    concurrency: int
    rate_rounds: int
    open_conns: int
    open_concurrency: int
    echo_rounds: int
    echo_concurrency: int
    echo_size: int = 32


QUICK = Mode("quick", 256 << 20, 2, 1.0, 2.0, 2000, 100, 1, 1000, 100, 1, 50)
FULL = Mode("full", 1 << 30, 5, 2.0, 4.0, 10000, 100, 3, 5000, 100, 2, 50)


class Child:
    """A helper process speaking lines on stdin/stdout; ends when its stdin closes."""

    def __init__(self, script: str) -> None:
        self.name = script
        self.proc = subprocess.Popen(
            [sys.executable, str(BENCH / script)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, bufsize=1, preexec_fn=procstat.raise_nofile)

    def readline(self, timeout: float) -> str:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError(f"{self.name}: no answer within {timeout:.0f} s")
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{self.name} exited (rc={self.proc.poll()})")
        return line.strip()

    def job(self, **job: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        result: dict[str, Any] = json.loads(self.readline(JOB_TIMEOUT))
        if "error" in result:
            raise RuntimeError(f"load job {job} failed: {result['error']}")
        return result

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(10.0)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5.0)


def _wait_children_gone(relay: relays.Relay, timeout: float = 3.0) -> None:
    """socat's per-connection child must exit (and be reaped) before CPU is read."""
    if not relay.forks or relay.pid is None:
        return
    deadline = time.monotonic() + timeout
    while procstat.children(relay.pid) and time.monotonic() < deadline:
        time.sleep(0.01)


def _start_all(names: list[str], port: int) -> list[relays.Relay]:
    """Every relay of `names`, or none: those already started are stopped if one fails."""
    started: list[relays.Relay] = []
    try:
        for n in names:
            started.append(relays.start(n, port))
    except BaseException:
        for r in started:
            r.stop()
        raise
    return started


def _median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def phase_bulk(mode: Mode, names: list[str], load: Child, port: int) -> dict[str, Any]:
    out: dict[str, Any] = {n: {"up": [], "down": [], "cpu_up": [], "cpu_down": []} for n in names}
    started = _start_all(names, port)
    try:
        for run in range(mode.bulk_runs):
            for r in started:
                for direction in ("up", "down"):
                    cpu0 = procstat.cpu_seconds(r.pid, r.forks) if r.pid else None
                    res = load.job(op="bulk", port=r.port, dir=direction, bytes=mode.bulk_bytes)
                    _wait_children_gone(r)
                    mbps = mode.bulk_bytes / res["seconds"] / 1e6
                    out[r.name][direction].append(mbps)
                    if cpu0 is not None and r.pid:
                        cpu = procstat.cpu_seconds(r.pid, r.forks) - cpu0
                        out[r.name][f"cpu_{direction}"].append(cpu / (mode.bulk_bytes / 2**30))
                    print(f"  bulk run {run + 1} {r.name:>12} {direction:>4}: {mbps:8.0f} MB/s",
                          flush=True)
    finally:
        for r in started:
            r.stop()
    return {n: {"bulk_up_MBps": _median(v["up"]), "bulk_down_MBps": _median(v["down"]),
                "cpu_s_per_GiB_up": _median(v["cpu_up"]),
                "cpu_s_per_GiB_down": _median(v["cpu_down"]), "bulk_runs": v}
            for n, v in out.items()}


def phase_rate(mode: Mode, names: list[str], load: Child, port: int) -> dict[str, Any]:
    out: dict[str, Any] = {n: {"seq": [], "conc": [], "batch": [], "p99": [], "errors": 0,
                               "kinds": {}, "cpu_us": {"seq": [], "conc": [], "batch": []}}
                           for n in names}
    started = _start_all(names, port)
    try:
        for rnd in range(mode.rate_rounds):
            for r in started:
                o = out[r.name]
                seq = _rate_job(r, load, o["cpu_us"]["seq"], seconds=mode.seq_seconds,
                                concurrency=1)
                conc = _rate_job(r, load, o["cpu_us"]["conc"], seconds=mode.conc_seconds,
                                 concurrency=mode.concurrency)
                # the same clients making a fixed batch: the slowest connection (SYN
                # retries) ends the batch, so stalls cost what they cost a user waiting
                batch = _rate_job(r, load, o["cpu_us"]["batch"], conns=mode.conc_batch,
                                  concurrency=mode.concurrency)
                o["seq"].append(seq["conns_per_s"])
                o["conc"].append(conc["conns_per_s"])
                o["batch"].append(batch["conns_per_s"])
                if conc["p99_ms"] is not None:
                    o["p99"].append(conc["p99_ms"])
                jobs = (seq, conc, batch)
                o["errors"] += sum(j["errors"] for j in jobs)
                for j in jobs:
                    for k, v in j["error_kinds"].items():
                        o["kinds"][k] = o["kinds"].get(k, 0) + v
                print(f"  rate round {rnd + 1} {r.name:>12}: seq {seq['conns_per_s']:6.0f}/s, "
                      f"{mode.concurrency} conc {conc['conns_per_s']:6.0f}/s, batch "
                      f"{batch['conns_per_s']:6.0f}/s, errors "
                      f"{sum(j['errors'] for j in jobs)}, CPU µs/conn seq "
                      f"{_last(o['cpu_us']['seq'])} conc {_last(o['cpu_us']['conc'])}",
                      flush=True)
    finally:
        for r in started:
            r.stop()
    return {n: {"conn_rate_seq": _median(v["seq"]), "conn_rate_conc": _median(v["conc"]),
                "conn_p99_ms_conc": _median(v["p99"]),
                "conn_rate_conc_batch": _median(v["batch"]),
                "conn_errors": v["errors"], "conn_error_kinds": v["kinds"],
                "cpu_us_per_conn_seq": _median(v["cpu_us"]["seq"]),
                "cpu_us_per_conn_conc": _median(v["cpu_us"]["conc"]),
                "cpu_us_per_conn_batch": _median(v["cpu_us"]["batch"]),
                "cpu_us_per_conn_runs": v["cpu_us"],
                "conn_rate_runs": {"seq": v["seq"], "conc": v["conc"], "batch": v["batch"]}}
            for n, v in out.items()}


def _last(xs: list[float]) -> str:
    return f"{xs[-1]:.0f}" if xs else "–"


def _rate_job(r: relays.Relay, load: Child, cpu_us: list[float], **job: Any) -> dict[str, Any]:
    """One connection-rate job; the relay's CPU µs per connection over it go to `cpu_us`
    (utime+stime from /proc/<pid>/stat: clock ticks, so only jobs of 1 000s of connections)."""
    cpu0 = procstat.cpu_seconds(r.pid, r.forks) if r.pid else None
    res = load.job(op="rate", port=r.port, **job)
    if cpu0 is not None and r.pid:
        _wait_children_gone(r)
        conns = res["ok"] + res["errors"]
        if conns:
            cpu_us.append((procstat.cpu_seconds(r.pid, r.forks) - cpu0) / conns * 1e6)
    return res


def _drain_seconds(r: relays.Relay, idle_fds: int, closed_at: float,
                   timeout: float = 30.0) -> float | None:
    """Seconds from the client's close until the relay holds no more fds than when idle."""
    assert r.pid is not None
    while time.monotonic() - closed_at < timeout:
        if procstat.fd_count(r.pid, r.forks) <= idle_fds:
            return time.monotonic() - closed_at
        # listing 10 000 fds costs CPU the relay needs to close them: don't poll hot
        time.sleep(0.02)
    return None


def phase_open(mode: Mode, name: str, load: Child, port: int) -> dict[str, Any]:
    r = relays.start(name, port)
    try:
        load.job(op="rate", port=r.port, conns=20, concurrency=1)  # warm-up
        _wait_children_gone(r)
        time.sleep(0.3)
        idle = _mem(r)
        opened = load.job(op="open", port=r.port, conns=mode.open_conns,
                          concurrency=mode.open_concurrency)
        time.sleep(0.3)
        full = _mem(r)
        echo = load.job(op="echo", rounds=mode.echo_rounds, concurrency=mode.echo_concurrency,
                        size=mode.echo_size)
        closed = load.job(op="close")
        drain = _drain_seconds(r, idle["fds"], closed["at"]) if r.pid else None
    finally:
        r.stop()
    n = max(opened["opened"], 1)
    per = {k: (full[k] - idle[k]) / n if full.get(k) is not None else None
           for k in ("rss_kib", "pss_kib")}
    if r.forks:  # summed RSS counts every child's shared pages again: only PSS means anything
        per["rss_kib"] = None
    print(f"  open {name:>12}: {opened['opened']} open, {opened['failed']} failed, "
          f"echo p99 {echo.get('p99_ms', float('nan')):.1f} ms, "
          f"{per['pss_kib'] or 0:.1f} KiB/conn (PSS), drain {drain}", flush=True)
    return {"open_conns": mode.open_conns, "open_ok": opened["opened"],
            "open_failed": opened["failed"], "open_error_kinds": opened["error_kinds"],
            "open_seconds": opened["seconds"], "echo": echo, "echo_p99_ms": echo.get("p99_ms"),
            "echo_p50_ms": echo.get("p50_ms"), "kib_per_conn_rss": per["rss_kib"],
            "kib_per_conn_pss": per["pss_kib"], "idle": idle, "with_open": full,
            "fd_release_s": drain}


def _mem(r: relays.Relay) -> dict[str, Any]:
    if r.pid is None:
        return {"rss_kib": None, "pss_kib": None, "fds": 0, "procs": 0}
    tree = procstat.tree(r.pid, r.forks)
    return {"rss_kib": sum(procstat.rss_kib(p) for p in tree),
            "pss_kib": procstat.pss_kib(r.pid, r.forks),
            "fds": procstat.fd_count(r.pid, r.forks), "procs": len(tree)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smoke run (~30 s), figures indicative")
    ap.add_argument("--relays", default="direct,socat,haproxy,haproxy-splice,ours,ours-asyncio",
                    help=f"comma list from {', '.join(relays.KINDS)} (default: direct, socat, "
                    "haproxy default and tuned, ours with the engine's default loop, ours on "
                    "stock asyncio)")
    ap.add_argument("--phases", default="bulk,rate,open", help="subset of bulk,rate,open")
    ap.add_argument("--write-docs", action=argparse.BooleanOptionalAction, default=None,
                    help="rewrite the figures in docs/BENCHMARKS.md (default: full runs only)")
    ap.add_argument("--render", metavar="JSON", default=None,
                    help="no measuring: re-print (and with --write-docs re-write) a saved run")
    args = ap.parse_args(argv)
    if args.render:
        return _render(Path(args.render), bool(args.write_docs))
    mode = QUICK if args.quick else FULL
    names = [n.strip() for n in args.relays.split(",") if n.strip()]
    for n in names:
        if n not in relays.KINDS:
            ap.error(f"unknown relay {n!r}; choose from {', '.join(relays.KINDS)}")
    for n in list(names):
        if (why := relays.missing(n)) is not None:
            print(why, flush=True)
            names.remove(n)
    phases = set(args.phases.split(","))
    if not phases <= {"bulk", "rate", "open"}:
        ap.error(f"unknown phase in {args.phases!r}; choose from bulk,rate,open")
    procstat.raise_nofile()

    meta = report.machine() | {"mode": mode.__dict__, "relays": names}
    results: dict[str, dict[str, Any]] = {n: {} for n in names}
    backend = Child("backend.py")
    load = Child("loadgen.py")
    try:
        bulk_port, echo_port = map(int, backend.readline(15.0).split()[1:3])
        meta["loadavg_phases"] = {}
        if "bulk" in phases:
            meta["loadavg_phases"]["bulk"] = procstat.loadavg()
            print(f"bulk: {mode.bulk_bytes >> 20} MiB x {mode.bulk_runs} runs", flush=True)
            for n, v in phase_bulk(mode, names, load, bulk_port).items():
                results[n].update(v)
        if "rate" in phases:
            meta["loadavg_phases"]["rate"] = procstat.loadavg()
            print(f"rate: {mode.seq_seconds:g} s sequential, {mode.conc_seconds:g} s and "
                  f"{mode.conc_batch} conns with {mode.concurrency} concurrent, "
                  f"x {mode.rate_rounds}", flush=True)
            for n, v in phase_rate(mode, names, load, echo_port).items():
                results[n].update(v)
        if "open" in phases:
            meta["loadavg_phases"]["open"] = procstat.loadavg()
            print(f"open: {mode.open_conns} connections held", flush=True)
            for n in names:
                results[n].update(phase_open(mode, n, load, echo_port))
    finally:
        load.close()
        backend.close()
    meta["loadavg_end"] = procstat.loadavg()
    meta["notes"] = {n: relays.NOTES[n] for n in names}
    checks = targets(results, names)
    text = markdown(meta, results, names, checks)
    print("\n" + text)
    path = report.write_json(f"relay-{mode.name}", {
        "meta": meta, "results": results,
        "targets": {n: [t.as_dict() for t in ts] for n, ts in checks.items()}})
    print(f"\nJSON: {path.relative_to(report.REPO)}")
    if args.write_docs or (args.write_docs is None and mode is FULL):
        report.rewrite_doc_section("relay-bench", text)
        print(f"rewrote the relay figures in {report.DOC.relative_to(report.REPO)}")
    return 0


def _render(path: Path, write_docs: bool) -> int:
    saved = json.loads(path.read_text(encoding="utf-8"))
    meta, results = saved["meta"], saved["results"]
    names = meta["relays"]
    text = markdown(meta, results, names, targets(results, names))
    print(text)
    if write_docs:
        report.rewrite_doc_section("relay-bench", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
