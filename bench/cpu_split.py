#!/usr/bin/env python3
"""User and system CPU per connection of each relay, one at a time and with 100
concurrent clients (connect + 1-byte echo + close), rounds interleaved across relays.
Splits what `relay_bench.py` reports as one figure: the system part is the kernel's TCP
and the relay's system calls, the user part the relay's own code.

    .venv/bin/python bench/cpu_split.py --relays haproxy,ours,floor [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics

import procstat
import relays
from relay_bench import Child


def _user_sys(pid: int) -> tuple[float, float]:
    fields = procstat._stat_fields(pid)
    return int(fields[11]) / procstat._CLK_TCK, int(fields[12]) / procstat._CLK_TCK


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--relays", default="haproxy,ours,floor")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    backend, load = Child("backend.py"), Child("loadgen.py")
    started: list[relays.Relay] = []
    figures: dict[tuple[str, int], list[tuple[float, float, float]]] = {}
    try:
        echo_port = int(backend.readline(15.0).split()[2])
        started = [relays.start(n, echo_port) for n in args.relays.split(",")]
        for rnd in range(args.rounds):
            for r in started:
                assert r.pid is not None
                for conc in (1, 100):
                    u0, s0 = _user_sys(r.pid)
                    res = load.job(op="rate", port=r.port, seconds=args.seconds,
                                   concurrency=conc)
                    u1, s1 = _user_sys(r.pid)
                    n = res["ok"] + res["errors"]
                    row = (res["conns_per_s"], (u1 - u0) / n * 1e6, (s1 - s0) / n * 1e6)
                    figures.setdefault((r.name, conc), []).append(row)
                    print(f"round {rnd + 1} {r.name:>9} c{conc:<3} {row[0]:7.0f}/s user "
                          f"{row[1]:5.1f} sys {row[2]:5.1f} µs/conn, errors {res['errors']}",
                          flush=True)
    finally:
        for r in started:
            r.stop()
        backend.close()
        load.close()
    print("\n| relay | clients | conns/s | user µs/conn | sys µs/conn | total |")
    print("|---|---:|---:|---:|---:|---:|")
    for (name, conc), rows in figures.items():
        rate, user, sys_ = (statistics.median(col) for col in zip(*rows, strict=True))
        print(f"| {name} | {conc} | {rate:.0f} | {user:.1f} | {sys_:.1f} | {user + sys_:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
