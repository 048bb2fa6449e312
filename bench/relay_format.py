"""Relay benchmark results -> targets (issue 2) and the markdown written to BENCHMARKS.md."""

from __future__ import annotations

import statistics
from typing import Any

from report import Target, fmt, machine_md, ratio, table


def _ours(names: list[str]) -> list[str]:
    return [n for n in names if n.startswith("ours")]


def targets(results: dict[str, dict[str, Any]], names: list[str]) -> dict[str, list[Target]]:
    """Issue 2's targets for every `ours*` relay, as ratios to socat/direct of the same run."""
    socat, direct = results.get("socat", {}), results.get("direct", {})
    out: dict[str, list[Target]] = {}
    for n in _ours(names):
        r = results[n]
        ts: list[Target] = []
        if "bulk_up_MBps" in r:
            for d in ("up", "down"):
                key = f"bulk_{d}_MBps"
                ts.append(Target(f"bulk {d} ×socat", ratio(r[key], socat.get(key)), 2.5, True))
            for d in ("up", "down"):
                key = f"bulk_{d}_MBps"
                ts.append(Target(f"bulk {d} ×socat", ratio(r[key], socat.get(key)), 3.0, True,
                                 stretch=True))
                ts.append(Target(f"bulk {d} ×direct", ratio(r[key], direct.get(key)), 0.6,
                                 True, stretch=True))
                ts.append(Target(f"CPU-s/GiB {d}", r[f"cpu_s_per_GiB_{d}"], 0.3, False,
                                 stretch=True))
        if "conn_rate_conc" in r:
            ts.append(Target("100 concurrent conns/s ×socat (time window)",
                             ratio(r["conn_rate_conc"], socat.get("conn_rate_conc")), 5.0, True))
            ts.append(Target("100 concurrent conns/s ×socat (fixed batch)",
                             ratio(r["conn_rate_conc_batch"], socat.get("conn_rate_conc_batch")),
                             5.0, True))
            ts.append(Target("connection errors (rate phase)", r["conn_errors"], 0, False))
        if "conn_rate_seq" in r and "haproxy" in results:
            hap = results["haproxy"]
            for label, key in (("sequential", "conn_rate_seq"),
                               ("100 concurrent", "conn_rate_conc")):
                ts.append(Target(f"conns/s {label} ×haproxy", ratio(r[key], hap.get(key)), 1.0,
                                 True))
            ts.append(Target("relay CPU µs/conn (100 concurrent) ×haproxy",
                             ratio(r.get("cpu_us_per_conn_conc"),
                                   hap.get("cpu_us_per_conn_conc")), 1.2, False))
        if "open_failed" in r:
            k = r["open_conns"]
            ts.append(Target(f"{k} open: failed opens", r["open_failed"], 0, False))
            ts.append(Target(f"{k} open: echo p99 ms", r["echo_p99_ms"], 10.0, False))
            ts.append(Target(f"{k} open: KiB/conn (RSS)", r["kib_per_conn_rss"], 4.0, False))
            ts.append(Target(f"{k} open: s until fds released", r["fd_release_s"], 1.0, False))
        out[n] = ts
    return out


def _abs_rows(results: dict[str, dict[str, Any]], names: list[str]) -> list[list[str]]:
    rows = []
    for n in names:
        r = results[n]
        cpu = (f"{fmt(r.get('cpu_s_per_GiB_up'))} / {fmt(r.get('cpu_s_per_GiB_down'))}"
               if "bulk_up_MBps" in r else "–")
        echo = (f"{fmt(r.get('echo_p50_ms'))} / {fmt(r.get('echo_p99_ms'))}"
                if "echo_p99_ms" in r else "–")
        opened = (f"{r['open_ok']} / {r['open_failed']}" if "open_ok" in r else "–")
        rows.append([
            n,
            f"{fmt(r.get('bulk_up_MBps'))} / {fmt(r.get('bulk_down_MBps'))}",
            cpu,
            fmt(r.get("conn_rate_seq")),
            f"{fmt(r.get('conn_rate_conc'))} / {fmt(r.get('conn_rate_conc_batch'))} "
            f"({r.get('conn_errors', '–')})",
            fmt(r.get("conn_p99_ms_conc"), 1),
            opened, echo,
            f"{fmt(r.get('kib_per_conn_rss'), 1)} / {fmt(r.get('kib_per_conn_pss'), 1)}",
            fmt(r.get("fd_release_s"), 3),
            f"{fmt(r.get('cpu_us_per_conn_seq'))} / {fmt(r.get('cpu_us_per_conn_conc'))}",
        ])
    return rows


_RATIO_METRICS = (
    ("bulk up MB/s", "bulk_up_MBps"), ("bulk down MB/s", "bulk_down_MBps"),
    ("CPU-s/GiB up", "cpu_s_per_GiB_up"), ("CPU-s/GiB down", "cpu_s_per_GiB_down"),
    ("conns/s sequential", "conn_rate_seq"), ("conns/s 100 concurrent, window", "conn_rate_conc"),
    ("conns/s 100 concurrent, batch", "conn_rate_conc_batch"),
    ("connect+echo p99 ms, 100 concurrent", "conn_p99_ms_conc"),
    ("echo p99 ms, all open", "echo_p99_ms"), ("KiB/conn RSS", "kib_per_conn_rss"),
    ("KiB/conn PSS (tree)", "kib_per_conn_pss"), ("s until fds released", "fd_release_s"),
)


_PER_CONN_METRICS = (
    ("conns/s sequential", "conn_rate_seq"), ("conns/s 100 concurrent, window", "conn_rate_conc"),
    ("relay CPU µs/conn, sequential", "cpu_us_per_conn_seq"),
    ("relay CPU µs/conn, 100 concurrent", "cpu_us_per_conn_conc"),
    ("KiB/conn RSS", "kib_per_conn_rss"), ("s until fds released", "fd_release_s"),
    ("echo p99 ms, all open", "echo_p99_ms"),
)


def _per_conn(results: dict[str, dict[str, Any]], names: list[str]) -> list[str]:
    """Issue 16: the life of one connection, every relay against default haproxy."""
    if "haproxy" not in results:
        return []
    peers = [n for n in names if n != "direct"]
    rows = []
    for label, key in _PER_CONN_METRICS:
        vals = [results[n].get(key) for n in peers]
        if all(v is None for v in vals):
            continue
        hap = results["haproxy"].get(key)
        rows.append([label, *(fmt(v) for v in vals),
                     *(fmt(ratio(results[n].get(key), hap)) for n in _ours(peers))])
    out = ["", "#### Per-connection cost against default haproxy (same run)", "",
           table(["metric", *peers, *(f"{n}/haproxy" for n in _ours(peers))], rows)]
    pairs = [(n, "haproxy") for n in _ours(peers)]
    if "ours" in peers and "ours-base" in peers:
        pairs.append(("ours", "ours-base"))
    rows = []
    for label, runs, key in _ROUND_METRICS:
        cells = [fmt(_round_ratio(results[a].get(runs, {}).get(key),
                                  results[b].get(runs, {}).get(key))) for a, b in pairs]
        if any(c != fmt(None) for c in cells):
            rows.append([label, *cells])
    if rows:
        out += ["", "Median of same-round ratios (rounds interleaved across relays):", "",
                table(["metric", *(f"{a}/{b}" for a, b in pairs)], rows)]
    return out


_ROUND_METRICS = (
    ("conns/s sequential", "conn_rate_runs", "seq"),
    ("conns/s 100 concurrent, window", "conn_rate_runs", "conc"),
    ("conns/s 100 concurrent, batch", "conn_rate_runs", "batch"),
    ("relay CPU µs/conn, sequential", "cpu_us_per_conn_runs", "seq"),
    ("relay CPU µs/conn, 100 concurrent", "cpu_us_per_conn_runs", "conc"),
    ("relay CPU µs/conn, batch", "cpu_us_per_conn_runs", "batch"),
)


def _round_ratio(a: list[float] | None, b: list[float] | None) -> float | None:
    """Median over rounds of a[i] / b[i]: machine noise hits both sides of one round."""
    if not a or not b or len(a) != len(b):
        return None
    return statistics.median(x / y for x, y in zip(a, b, strict=True) if y)


def markdown(meta: dict[str, Any], results: dict[str, dict[str, Any]], names: list[str],
             checks: dict[str, list[Target]]) -> str:
    mode = meta["mode"]
    parts = [
        f"### Relay benchmark ({mode['name']} run)",
        machine_md(meta),
        f"Bulk: {mode['bulk_bytes'] >> 20} MiB per transfer, median of {mode['bulk_runs']} "
        f"runs per direction (MB/s = 10⁶ B/s; up = load → backend). Connection rate: "
        f"connections completed in {mode['seq_seconds']:g} s one at a time and in "
        f"{mode['conc_seconds']:g} s with {mode['concurrency']} concurrent clients (window), "
        f"and {mode['conc_batch']} connections by the same clients divided by the time until "
        f"the last one is done (batch); median of {mode['rate_rounds']} rounds; one connection "
        f"= connect + 1-byte echo + close; errors = failed or > 10 s. "
        f"Open: {mode['open_conns']} connections held "
        f"({mode['open_concurrency']} opening at once), then {mode['echo_rounds']} echo "
        f"round(s) of {mode['echo_size']} B on each, {mode['echo_concurrency']} in flight.",
        "",
        table(["relay", "bulk MB/s up / down", "CPU-s/GiB up / down", "conns/s seq",
               "conns/s 100 conc: window / batch (errors)", "conn p99 ms, 100 conc",
               "open ok / failed",
               "echo p50 / p99 ms", "KiB/conn RSS / PSS", "fds released s",
               "CPU µs/conn seq / 100 conc"],
              _abs_rows(results, names)),
        "",
        "Relays: " + "; ".join(f"`{n}` = {meta['notes'][n]}" for n in names) + ".",
    ]
    for n in _ours(names):
        rows = []
        for label, key in _RATIO_METRICS:
            v = results[n].get(key)
            s = results.get("socat", {}).get(key)
            d = results.get("direct", {}).get(key)
            if v is None and s is None and d is None:
                continue
            rows.append([label, fmt(v), fmt(s), fmt(d), fmt(ratio(v, s)), fmt(ratio(v, d))])
        parts += ["", f"#### `{n}` against socat and direct (same run)", "",
                  table(["metric", n, "socat", "direct", f"{n}/socat", f"{n}/direct"], rows),
                  "", *(t.line() for t in checks[n])]
    parts += _per_conn(results, names)
    if mode["name"] == "quick":
        parts += ["", "_Quick run: smaller sizes and counts, figures are indicative only._"]
    return "\n".join(parts)
