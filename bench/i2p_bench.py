#!/usr/bin/env python3
"""I2P benchmark: our client+server tunnels vs a raw SAM stream, same router, same run.

Runs only inside a loopback-only network namespace (it refuses otherwise), against a
real offline i2pd:

    unshare --net --pid --fork --mount-proc --kill-child bash -c \\
        'ip link set lo up; exec .venv/bin/python bench/i2p_bench.py'

(it starts i2pd itself with tests/integration/i2pd_router.py), or next to a router that
is already running in the namespace:

    .venv/bin/python bench/i2p_bench.py --sam 127.0.0.1:7656

Paths compared, interleaved run by run so router noise hits all alike:
  raw:  bench --SAM STREAM CONNECT--> i2pd --STREAM ACCEPT--> bench (serves in-process)
  ours: bench -> `client` tunnel -> i2pd -> `server` tunnel -> backend.py
  legs: raw, but each side's SAM sockets cross one plain TCP relay (`forward`, our
        fastest; socat forks per connection): the two extra loopback legs any tunnel
        adds (app -> client tunnel, server tunnel -> service), with no tunnel logic.
        ours/legs is what our tunnels add beyond those legs.
Throughput each direction (median of runs) and stream-open latency (connect + 1-byte echo,
median and p90; opens 50 ms apart, see OPEN_GAP). Target (issue 3): our tunnels add ≤ 5 %.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import json
import os
import random
import select
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import procstat
import rawsam
import report
from backend import header
from loadgen import bulk_on
from relay_bench import Child

REPO = Path(__file__).resolve().parent.parent
READY_TIMEOUT = 120.0  # a tunnel's SESSION CREATE takes ~20 s on i2pd 2.45.1
_I2P_B64 = bytes.maketrans(b"-~", b"+/")
# untimed pause before each stream open: what one path does after an open (the raw
# acceptor and our server re-arming their ACCEPT, our client its spare SAM socket)
# must not land inside the other path's timing, as it did back to back
OPEN_GAP = 0.05


def check_namespace() -> None:
    """Refuse to run unless the only network interface is loopback (no way out)."""
    names = [name for _, name in socket.if_nameindex()]
    if names != ["lo"]:
        raise SystemExit(f"refusing to run: interfaces {names} visible; run inside a "
                         "loopback-only namespace (see the module docstring)")


def b32_of(pub_b64: str) -> str:
    raw = base64.b64decode(pub_b64.encode().translate(_I2P_B64))
    return base64.b32encode(hashlib.sha256(raw).digest()).decode().lower().rstrip("=") + ".b32.i2p"


def _write_key(sam: tuple[str, int], directory: Path) -> tuple[Path, str]:
    """DEST GENERATE a server key so the client tunnel can start without waiting for it."""
    with rawsam.hello(sam) as s:
        s.sendall(b"DEST GENERATE SIGNATURE_TYPE=7\n")
        reply = rawsam.readline(s)
    fields = dict(f.split("=", 1) for f in reply.split()[2:] if "=" in f)
    priv = base64.b64decode(fields["PRIV"].encode().translate(_I2P_B64))
    path = directory / "server.dat"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(priv)
    return path, fields["PUB"]


class Tunnel:
    """`python -m i2ptunnel_gui server|client ...`; READY <address> on stdout."""

    def __init__(self, args: list[str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "i2ptunnel_gui", *args], cwd=REPO,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
        self.kind = args[0]

    def ready(self) -> str:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], READY_TIMEOUT)
        line = self.proc.stdout.readline().strip() if ready else ""
        if not line.startswith("READY "):
            raise RuntimeError(f"{self.kind} tunnel: expected READY, got {line!r} "
                               f"(rc={self.proc.poll()})")
        return line.split(None, 1)[1]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10.0)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5.0)


def _options() -> list[str]:
    opts = [*rawsam.ZERO_HOP.split(), "i2cp.leaseSetType=1", "i2cp.leaseSetEncType=0"]
    return [a for o in opts for a in ("--option", o)]


@contextlib.contextmanager
def _router(sam_arg: str | None) -> Iterator[tuple[str, int]]:
    if sam_arg:
        host, _, port = sam_arg.rpartition(":")
        yield host, int(port)
        return
    sys.path.insert(0, str(REPO))
    from tests.integration.i2pd_router import I2pdRouter

    with tempfile.TemporaryDirectory(prefix="i2p-bench-") as workdir, \
            I2pdRouter(workdir) as router:
        host, _, port = router.sam_address.rpartition(":")
        yield host, int(port)


def _open_probe(connect: Callable[[], socket.socket]) -> float:
    t0 = time.perf_counter()
    with connect() as s:
        s.sendall(header("E", 0) + b"x")
        if s.recv(1) != b"x":
            raise ConnectionError("stream-open probe: no echo")
    return time.perf_counter() - t0


def _bulk(connect: Callable[[], socket.socket], direction: str, nbytes: int) -> float:
    t0 = time.perf_counter()
    with connect() as s:
        res = bulk_on(s, direction, nbytes, t0)
    return float(nbytes / res["seconds"] / 1e6)


def measure(paths: dict[str, Callable[[], socket.socket]], nbytes: int, runs: int,
            opens: int) -> dict[str, Any]:
    out: dict[str, Any] = {p: {"up": [], "down": [], "open_s": []} for p in paths}
    for connect in paths.values():  # first contact looks up the LeaseSet: not timed
        _open_probe(connect)
    for run in range(runs):
        for direction in ("up", "down"):
            order = list(paths) if run % 2 == 0 else list(reversed(paths))
            for name in order:
                mbps = _bulk(paths[name], direction, nbytes)
                out[name][direction].append(mbps)
                print(f"  run {run + 1} {name:>4} {direction:>4}: {mbps:6.1f} MB/s", flush=True)
    for i in range(opens):
        order = list(paths) if i % 2 == 0 else list(reversed(paths))
        for name in order:
            time.sleep(OPEN_GAP)
            out[name]["open_s"].append(_open_probe(paths[name]))
    summary: dict[str, Any] = {}
    for name, v in out.items():
        opens_ms = sorted(x * 1e3 for x in v["open_s"])
        summary[name] = {
            "up_MBps": statistics.median(v["up"]) if v["up"] else None,
            "down_MBps": statistics.median(v["down"]) if v["down"] else None,
            "open_ms_median": statistics.median(opens_ms) if opens_ms else None,
            "open_ms_p90": opens_ms[int(0.9 * (len(opens_ms) - 1))] if opens_ms else None,
            "runs": v,
        }
    return summary


def _ratio_interval(ours: list[float], raw: list[float], rounds: int = 2000
                    ) -> tuple[float, float] | None:
    """95 % bootstrap interval of median(ours)/median(raw): how much the noise allows."""
    if len(ours) < 3 or len(raw) < 3:
        return None
    rng = random.Random(1)  # fixed seed: the same runs give the same interval
    ratios = sorted(statistics.median(rng.choices(ours, k=len(ours)))
                    / statistics.median(rng.choices(raw, k=len(raw))) for _ in range(rounds))
    return ratios[int(0.025 * rounds)], ratios[int(0.975 * rounds) - 1]


def _target(name: str, o: dict[str, Any], r: dict[str, Any], key: str, runs: str,
            limit: float, at_least: bool) -> report.Target:
    ci = _ratio_interval(o["runs"][runs], r["runs"][runs])
    note = ""
    if ci is not None:
        note = f"95 % bootstrap interval {ci[0]:.2f}–{ci[1]:.2f}"
        if ci[0] < limit < ci[1]:
            note += ": within the noise of these runs, not settled"
    return report.Target(name, report.ratio(o[key], r[key]), limit, at_least, note=note)


def _targets(s: dict[str, Any]) -> list[report.Target]:
    if "ours" not in s or "raw" not in s:
        return []
    r, o = s["raw"], s["ours"]
    checks = [
        _target("throughput up, ours/raw", o, r, "up_MBps", "up", 0.95, True),
        _target("throughput down, ours/raw", o, r, "down_MBps", "down", 0.95, True),
        _target("stream-open latency (median), ours/raw", o, r, "open_ms_median", "open_s",
                1.05, False),
    ]
    if "legs" in s:  # context: the floor two plain relay legs set, same run
        checks += [
            _target("(context) stream open, legs/raw: the cost of two relay legs alone",
                    s["legs"], r, "open_ms_median", "open_s", 1.05, False),
            _target("(context) stream open, ours/legs: what the tunnels add beyond them",
                    o, s["legs"], "open_ms_median", "open_s", 1.05, False),
        ]
    return checks


def markdown(meta: dict[str, Any], s: dict[str, Any], checks: list[report.Target]) -> str:
    def spread(xs: list[float], scale: float = 1.0) -> str:
        return f"{report.fmt(min(xs) * scale, 1)}–{report.fmt(max(xs) * scale, 1)}" if xs else "–"

    rows = [[n, report.fmt(v["up_MBps"]), spread(v["runs"]["up"]), report.fmt(v["down_MBps"]),
             spread(v["runs"]["down"]), report.fmt(v["open_ms_median"]),
             report.fmt(v["open_ms_p90"]), spread(v["runs"]["open_s"], 1e3)]
            for n, v in s.items()]
    if "ours" in s and "raw" in s:
        r = [report.fmt(report.ratio(s["ours"][k], s["raw"][k]))
             for k in ("up_MBps", "down_MBps", "open_ms_median", "open_ms_p90")]
        rows.append(["**ours/raw**", r[0], "", r[1], "", r[2], r[3], ""])
    m = meta["mode"]
    return "\n".join([
        f"### I2P benchmark ({m['name']} run)", report.machine_md(meta),
        f"i2pd {meta['i2pd']} offline, one floodfill router, zero-hop tunnels. "
        f"{m['mib']} MiB per transfer, median of {m['runs']} runs per direction (up = "
        f"connector → acceptor); stream open = connect + 1-byte echo, {m['opens']} per path"
        + (f", {m['open_gap_ms']:g} ms apart. " if "open_gap_ms" in m else ". ")
        + "Paths interleaved. i2pd's throughput is noisy on this VM (docs/I2PD.md §6: 8–56 MiB/s "
        "for the same transfer), so compare medians and read the per-run figures in the JSON.",
        "", report.table(["path", "MB/s up", "(min–max)", "MB/s down", "(min–max)",
                          "open ms median", "open ms p90", "(min–max)"], rows),
        "", *(t.line() for t in checks)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="8 MiB x 3 runs, 10 opens")
    ap.add_argument("--sam", default=None, metavar="HOST:PORT",
                    help="use this running router (in this namespace) instead of starting i2pd")
    ap.add_argument("--paths", default="raw,ours,legs",
                    help="comma-separated: raw, ours, legs (raw through two relay legs)")
    ap.add_argument("--write-docs", action=argparse.BooleanOptionalAction, default=None)
    ap.add_argument("--render", metavar="JSON", default=None,
                    help="no measuring: re-print (and with --write-docs re-write) a saved run")
    args = ap.parse_args(argv)
    if args.render:
        saved = json.loads(Path(args.render).read_text(encoding="utf-8"))
        text = markdown(saved["meta"], saved["results"], _targets(saved["results"]))
        print(text)
        if args.write_docs:
            report.rewrite_doc_section("i2p-bench", text)
        return 0
    check_namespace()
    mode: dict[str, Any] = ({"name": "quick", "mib": 8, "runs": 3, "opens": 10} if args.quick
            else {"name": "full", "mib": 32, "runs": 9, "opens": 40})
    mode["open_gap_ms"] = OPEN_GAP * 1e3
    wanted = args.paths.split(",")
    meta = report.machine() | {"mode": mode, "i2pd": _i2pd_version()}
    procstat.raise_nofile()
    with _router(args.sam) as sam, contextlib.ExitStack() as stack:  # SAM sockets close first
        backend = Child("backend.py")
        stack.callback(backend.close)
        bulk_port = int(backend.readline(15.0).split()[1])
        paths: dict[str, Callable[[], socket.socket]] = {}
        sessions: dict[str, rawsam.RawSession] = {}
        errors: list[BaseException] = []

        jobs: list[tuple[tuple[str, int], str, bool]] = []
        if "raw" in wanted:
            jobs += [(sam, "benchacc", True), (sam, "benchcon", False)]
        if "legs" in wanted:  # one relay per side, as ours has one process per side
            for nick, accepting in (("legsacc", True), ("legscon", False)):
                relay = Tunnel(["forward", "--listen", "127.0.0.1:0",
                                "--target", f"{sam[0]}:{sam[1]}", "--idle-timeout", "3600"])
                stack.callback(relay.stop)
                host, _, port = relay.ready().rpartition(":")
                jobs.append(((host, int(port)), nick, accepting))

        def create(where: tuple[str, int], nick: str, accepting: bool) -> None:
            try:
                sessions[nick] = rawsam.RawSession(where, nick, accepting)
            except BaseException as e:  # reported below, in the main thread
                errors.append(e)

        makers = [threading.Thread(target=create, args=job) for job in jobs]
        for t in makers:
            t.start()
        if "ours" in wanted:
            keydir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            keyfile, pub = _write_key(sam, keydir)
            sam_arg = f"{sam[0]}:{sam[1]}"
            server = Tunnel(["server", "--target", f"127.0.0.1:{bulk_port}", "--keys",
                             str(keyfile), "--sam", sam_arg, *_options()])
            stack.callback(server.stop)
            client = Tunnel(["client", "--listen", "127.0.0.1:0", "--dest", pub, "--sam",
                             sam_arg, *_options()[:8]])
            stack.callback(client.stop)
            b32 = server.ready()
            if b32.removesuffix(".b32.i2p") != b32_of(pub).removesuffix(".b32.i2p"):
                raise SystemExit(f"server READY {b32}, expected {b32_of(pub)} from its key")
            host, _, port = client.ready().rpartition(":")
            paths["ours"] = lambda: socket.create_connection((host, int(port)), timeout=60.0)
        for t in makers:
            t.join(rawsam.CREATE_TIMEOUT + 10)
        for s in sessions.values():
            stack.callback(s.close)
        if errors:
            raise SystemExit(f"raw SAM session: {errors[0]}")
        if "raw" in wanted:
            acc, con = sessions["benchacc"], sessions["benchcon"]
            acc.serve_forever()
            paths = {"raw": lambda: con.connect(acc.destination), **paths}
        if "legs" in wanted:
            lacc, lcon = sessions["legsacc"], sessions["legscon"]
            lacc.serve_forever()
            paths["legs"] = lambda: lcon.connect(lacc.destination)
        print(f"paths ready: {', '.join(paths)}", flush=True)
        summary = measure(paths, mode["mib"] << 20, mode["runs"], mode["opens"])
    meta["loadavg_end"] = procstat.loadavg()
    checks = _targets(summary)
    text = markdown(meta, summary, checks)
    print("\n" + text)
    path = report.write_json(f"i2p-{mode['name']}", {
        "meta": meta, "results": summary, "targets": [t.as_dict() for t in checks]})
    print(f"\nJSON: {path.relative_to(REPO)}")
    if args.write_docs or (args.write_docs is None and mode["name"] == "full"):
        report.rewrite_doc_section("i2p-bench", text)
        print(f"rewrote the I2P figures in {report.DOC.relative_to(REPO)}")
    return 0


def _i2pd_version() -> str:
    try:
        out = subprocess.run(["i2pd", "--version"], capture_output=True, text=True, timeout=5,
                             check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return out.stdout.split("\n", 1)[0].replace("i2pd version ", "").strip() or "?"


if __name__ == "__main__":
    sys.exit(main())
