#!/usr/bin/env python3
"""HTTP server tunnel vs plain server tunnel, through the same router in one run.

Runs only inside a loopback-only network namespace (it refuses otherwise), against a
real offline i2pd it starts itself (or `--sam HOST:PORT` of one already running there):

    scripts/in-netns.sh .venv/bin/python bench/eepsite_bench.py [--quick]

Two paths to one HTTP service (in this process), each a client tunnel to a server tunnel
of its own, both started with the CLI (`server --type http` and plain `server`):
  http:  bench -> client tunnel -> i2pd -> HTTP server tunnel (heads rewritten) -> service
  plain: bench -> client tunnel -> i2pd -> server tunnel (bytes passed) -> service
Bulk: one GET of N bytes (down) and one POST of N bytes with a Content-Length (up) per
run, paths interleaved. Requests: small GETs one after another on one keep-alive
connection; per-request time, median. Targets (issue 11): bulk http/plain ≥ 0.9 both
ways; the extra ms per request is reported.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import report
from i2p_bench import Tunnel, _i2pd_version, _router, _write_key, check_namespace

REPO = Path(__file__).resolve().parent.parent
IO_TIMEOUT = 120.0
CHUNK = bytes(range(256)) * 256  # 64 KiB the service repeats for GET /bytes/N


def _read_head(sock: socket.socket, buf: bytearray) -> bytes | None:
    while b"\r\n\r\n" not in buf:
        data = sock.recv(65536)
        if not data:
            return None
        buf += data
    end = buf.index(b"\r\n\r\n") + 4
    head = bytes(buf[:end])
    del buf[:end]
    return head


class HttpService:
    """Keep-alive HTTP/1.1 on 127.0.0.1:0: GET /bytes/N sends N bytes, POST reads its
    Content-Length body; each response names the X-I2P-DestB32 it got (sanity check)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        buf = bytearray()
        with conn, contextlib.suppress(OSError):
            conn.settimeout(IO_TIMEOUT)
            while (head := _read_head(conn, buf)) is not None:
                lines = head.decode("latin-1").split("\r\n")
                method, target = lines[0].split(" ")[:2]
                headers = {
                    k.lower(): v.strip()
                    for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                caller = headers.get("x-i2p-destb32", "-").encode()
                if method == "POST":
                    left = int(headers.get("content-length", "0"))
                    take = min(left, len(buf))
                    del buf[:take]
                    left -= take
                    while left:
                        got = conn.recv(min(left, 1 << 20))
                        if not got:
                            return
                        left -= len(got)
                    self._reply(conn, caller, 0)
                elif target.startswith("/bytes/"):
                    self._reply(conn, caller, int(target.rsplit("/", 1)[1]))
                else:
                    self._reply(conn, caller, 1)

    @staticmethod
    def _reply(conn: socket.socket, caller: bytes, n: int) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nX-Seen-B32: %s\r\n\r\n" % (n, caller)
        first = CHUNK[: min(n, len(CHUNK))]
        conn.sendall(head + first)  # one write: Nagle must not hold a small response back
        n -= len(first)
        while n:
            part = CHUNK[: min(n, len(CHUNK))]
            conn.sendall(part)
            n -= len(part)

    def close(self) -> None:
        self.sock.close()


def _response(sock: socket.socket, buf: bytearray) -> tuple[dict[str, str], int]:
    """Read one response, its body discarded; (headers, body length)."""
    head = _read_head(sock, buf)
    if head is None:
        raise ConnectionError("the tunnel closed before a response")
    lines = head.decode("latin-1").split("\r\n")
    if not lines[0].startswith("HTTP/1.1 200"):
        raise ConnectionError(f"unexpected response {lines[0]!r}")
    headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
    left = int(headers["content-length"])
    take = min(left, len(buf))
    del buf[:take]
    body = take
    while body < int(headers["content-length"]):
        got = sock.recv(min(int(headers["content-length"]) - body, 1 << 20))
        if not got:
            raise ConnectionError("the tunnel closed inside a response body")
        body += len(got)
    return headers, body


def bulk(connect: Callable[[], socket.socket], direction: str, nbytes: int) -> float:
    """MB/s of one GET (down) or POST (up) of `nbytes`."""
    t0 = time.perf_counter()
    with connect() as s:
        s.settimeout(IO_TIMEOUT)
        buf = bytearray()
        if direction == "down":
            s.sendall(b"GET /bytes/%d HTTP/1.1\r\nHost: bench.i2p\r\n\r\n" % nbytes)
        else:
            s.sendall(
                b"POST /sink HTTP/1.1\r\nHost: bench.i2p\r\nContent-Length: %d\r\n\r\n" % nbytes
            )
            left = nbytes
            while left:
                part = CHUNK[: min(left, len(CHUNK))]
                s.sendall(part)
                left -= len(part)
        _response(s, buf)
    return nbytes / (time.perf_counter() - t0) / 1e6


def requests(connect: Callable[[], socket.socket], count: int) -> tuple[list[float], str]:
    """Seconds per small GET on one keep-alive connection, and the caller the service saw."""
    times: list[float] = []
    seen = ""
    with connect() as s:
        s.settimeout(IO_TIMEOUT)
        buf = bytearray()
        for i in range(count + 1):
            t0 = time.perf_counter()
            s.sendall(b"GET /r/%d HTTP/1.1\r\nHost: bench.i2p\r\nAccept: */*\r\n\r\n" % i)
            headers, _ = _response(s, buf)
            if i:  # the first one waits for the stream to open: not timed
                times.append(time.perf_counter() - t0)
            seen = headers.get("x-seen-b32", "")
    return times, seen


def measure(
    paths: dict[str, Callable[[], socket.socket]], nbytes: int, runs: int, count: int
) -> dict[str, Any]:
    out: dict[str, Any] = {p: {"up": [], "down": [], "request_s": [], "seen": ""} for p in paths}
    for run in range(runs):
        order = list(paths) if run % 2 == 0 else list(reversed(paths))
        for direction in ("down", "up"):
            for name in order:
                mbps = bulk(paths[name], direction, nbytes)
                out[name][direction].append(mbps)
                print(f"  run {run + 1} {name:>5} {direction:>4}: {mbps:6.1f} MB/s", flush=True)
        for name in order:
            times, seen = requests(paths[name], count)
            out[name]["request_s"] += times
            out[name]["seen"] = seen
    summary: dict[str, Any] = {}
    for name, v in out.items():
        summary[name] = {
            "up_MBps": statistics.median(v["up"]),
            "down_MBps": statistics.median(v["down"]),
            "request_ms_median": statistics.median(v["request_s"]) * 1e3,
            "caller_seen": v["seen"],
            "runs": {k: v[k] for k in ("up", "down", "request_s")},
        }
    return summary


def targets(s: dict[str, Any]) -> list[report.Target]:
    h, p = s["http"], s["plain"]
    return [
        report.Target(
            "bulk down, http/plain", report.ratio(h["down_MBps"], p["down_MBps"]), 0.9, True
        ),
        report.Target("bulk up, http/plain", report.ratio(h["up_MBps"], p["up_MBps"]), 0.9, True),
    ]


def markdown(meta: dict[str, Any], s: dict[str, Any], checks: list[report.Target]) -> str:
    m = meta["mode"]
    rows = [
        [
            n,
            report.fmt(v["down_MBps"]),
            report.fmt(v["up_MBps"]),
            report.fmt(v["request_ms_median"], 3),
        ]
        for n, v in s.items()
    ]
    extra = s["http"]["request_ms_median"] - s["plain"]["request_ms_median"]
    return "\n".join(
        [
            f"### HTTP server tunnel benchmark ({m['name']} run)",
            report.machine_md(meta),
            f"i2pd {meta['i2pd']} offline, zero-hop tunnels. {m['mib']} MiB per GET/POST, "
            f"median of {m['runs']} runs per direction; {m['requests']} small keep-alive GETs "
            "per path and run, one after another. Paths interleaved.",
            "",
            report.table(["path", "MB/s down (GET)", "MB/s up (POST)", "ms per request"], rows),
            "",
            f"Extra per request through the HTTP server tunnel: {extra:+.3f} ms (median).",
            *(t.line() for t in checks),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="8 MiB x 3 runs, 50 requests")
    ap.add_argument("--sam", default=None, metavar="HOST:PORT")
    ap.add_argument(
        "--write-docs",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="rewrite the figures in docs/BENCHMARKS.md (default: full runs)",
    )
    ap.add_argument(
        "--render",
        metavar="JSON",
        default=None,
        help="no measuring: re-print (and with --write-docs re-write) a saved run",
    )
    args = ap.parse_args(argv)
    if args.render:
        saved = json.loads(Path(args.render).read_text(encoding="utf-8"))
        text = markdown(saved["meta"], saved["results"], targets(saved["results"]))
        print(text)
        if args.write_docs:
            report.rewrite_doc_section("eepsite-bench", text)
        return 0
    check_namespace()
    mode: dict[str, Any] = (
        {"name": "quick", "mib": 8, "runs": 3, "requests": 50}
        if args.quick
        else {"name": "full", "mib": 32, "runs": 7, "requests": 200}
    )
    meta = report.machine() | {"mode": mode, "i2pd": _i2pd_version()}
    with _router(args.sam) as sam, contextlib.ExitStack() as stack:
        service = HttpService()
        stack.callback(service.close)
        sam_arg = f"{sam[0]}:{sam[1]}"
        keydir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        opts = _options()
        paths: dict[str, Callable[[], socket.socket]] = {}
        started: dict[str, tuple[Tunnel, Tunnel]] = {}
        for name, extra in (("http", ["--type", "http"]), ("plain", [])):
            (keydir / name).mkdir()
            keyfile, pub = _write_key(sam, keydir / name)
            server = Tunnel(
                [
                    "server",
                    *extra,
                    "--target",
                    f"127.0.0.1:{service.port}",
                    "--keys",
                    str(keyfile),
                    "--sam",
                    sam_arg,
                    *opts,
                ]
            )
            stack.callback(server.stop)
            client = Tunnel(
                ["client", "--listen", "127.0.0.1:0", "--dest", pub, "--sam", sam_arg, *opts[:8]]
            )
            stack.callback(client.stop)
            started[name] = (server, client)
        for name, (server, client) in started.items():  # sessions come up in parallel
            server.ready()
            host, _, port = client.ready().rpartition(":")
            paths[name] = _connector(host, int(port))
        print(f"paths ready: {', '.join(paths)}", flush=True)
        summary = measure(paths, mode["mib"] << 20, mode["runs"], mode["requests"])
    if not summary["http"]["caller_seen"].endswith(".b32.i2p"):
        raise SystemExit("the HTTP path's service never saw X-I2P-DestB32")
    checks = targets(summary)
    text = markdown(meta, summary, checks)
    print("\n" + text)
    path = report.write_json(
        f"eepsite-{mode['name']}",
        {"meta": meta, "results": summary, "targets": [t.as_dict() for t in checks]},
    )
    print(f"\nJSON: {path.relative_to(REPO)}")
    if args.write_docs or (args.write_docs is None and mode["name"] == "full"):
        report.rewrite_doc_section("eepsite-bench", text)
        print(f"rewrote the HTTP server figures in {report.DOC.relative_to(REPO)}")
    return 0


def _options() -> list[str]:
    from rawsam import ZERO_HOP

    opts = [*ZERO_HOP.split(), "i2cp.leaseSetType=1", "i2cp.leaseSetEncType=0"]
    return [a for o in opts for a in ("--option", o)]


def _connector(host: str, port: int) -> Callable[[], socket.socket]:
    return lambda: socket.create_connection((host, port), timeout=60.0)


if __name__ == "__main__":
    sys.exit(main())
