#!/usr/bin/env python3
"""HTTP proxy benchmark: what the HTTP proxy tunnel costs over a plain client tunnel.

Runs inside a loopback-only network namespace (as the tests do):

    scripts/in-netns.sh .venv/bin/python bench/proxy_bench.py [--quick]

Part 1, through one real offline i2pd (started here), one engine: a server tunnel in
front of a local HTTP service, a plain client tunnel to it and an HTTP proxy tunnel.
Interleaved run by run:
  - bulk: GET of BULK_MIB through each; proxy/plain throughput ratio (target >= 0.9);
  - request: a small GET on a new connection through each (the proxy adds its head
    parse, filter and a cache hit of the name lookup); the extra ms per request.
Part 2, no router: the same proxy code with its I2P stream replaced by a TCP dial to
a forward tunnel in front of the service, against that forward tunnel alone: requests
per second with CONCURRENCY clients (the proxy's own cost per request).
Prints a JSON summary; --markdown prints the table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from i2ptunnel_gui.core import kinds  # noqa: E402
from i2ptunnel_gui.core.dial import connect_tcp  # noqa: E402
from i2ptunnel_gui.core.engine import Engine  # noqa: E402
from i2ptunnel_gui.core.i2p.proxies import HttpProxyTunnel  # noqa: E402
from i2ptunnel_gui.core.keystore import KeyStore  # noqa: E402
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec  # noqa: E402
from i2ptunnel_gui.core.status import TunnelState  # noqa: E402

ZERO_HOP = {"inbound.length": "0", "outbound.length": "0",
            "inbound.quantity": "1", "outbound.quantity": "1"}  # fmt: skip
ACCEPTING = {**ZERO_HOP, "i2cp.leaseSetType": "1"}
SERVER_CODE = r"""
import asyncio, sys
BLOCK = bytes(range(256)) * 256
async def handle(r, w):
    try:
        head = await r.readuntil(b"\r\n\r\n")
        path = head.split(b" ", 2)[1]
        n = int(path.rsplit(b"n=", 1)[1]) if b"n=" in path else 2
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % n)
        while n > 0:
            chunk = BLOCK[: min(n, len(BLOCK))]
            w.write(chunk)
            n -= len(chunk)
            await w.drain()
        w.close()
    except Exception:
        w.close()
async def main():
    srv = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(srv.sockets[0].getsockname()[1], flush=True)
    await srv.serve_forever()
asyncio.run(main())
"""


def http_get(port: int, request: bytes, timeout: float = 120) -> tuple[int, float]:
    """Send `request` to 127.0.0.1:port, read to EOF: (bytes, seconds)."""
    t0 = time.perf_counter()
    n = 0
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        while chunk := s.recv(1 << 20):
            n += len(chunk)
    return n, time.perf_counter() - t0


class TcpDialProxy(HttpProxyTunnel):
    """The HTTP proxy with its I2P stream replaced by a TCP dial (part 2: no router)."""

    target_port = 0

    async def listening(self) -> None:
        self.set_state(TunnelState.RUNNING, f"listening on {self.local_address}")

    async def stream_to(
        self, dest: str, *, time_limit: float | None = None
    ) -> tuple[socket.socket, bytes]:
        addr = ("127.0.0.1", self.target_port)
        return await connect_tcp(self.loop, socket.AF_INET, addr), b""


def start(engine: Engine, *specs: TunnelSpec, timeout: float = 180) -> list[Any]:
    return engine.call(
        lambda: asyncio.gather(*(engine.start_tunnel(s, retry=False) for s in specs)), timeout
    )


def port_of(status: Any) -> int:
    return int(status.local_address.rpartition(":")[2])


def part_router(service_port: int, bulk_mib: int, runs: int, requests: int) -> dict[str, Any]:
    from tests.integration.i2pd_router import I2pdRouter

    with tempfile.TemporaryDirectory(prefix="proxy-bench-") as workdir:
        router = I2pdRouter(workdir)
        router.start()
        engine = Engine(sam_address=router.sam_address, keystore=KeyStore(Path(workdir, "k")))
        engine.start()
        try:
            server = TunnelSpec(name="site", kind=TunnelKind.SERVER, target_port=service_port,
                                key_mode=KeyMode.TRANSIENT, options=tuple(ACCEPTING.items()))
            [srv] = start(engine, server)
            plain_spec = TunnelSpec.new("plain", TunnelKind.CLIENT, listen_port=0,
                                        destination=srv.i2p_address,
                                        options=tuple(ZERO_HOP.items()))
            proxy_spec = TunnelSpec.new("proxy", TunnelKind.HTTP_PROXY, listen_port=0,
                                        options=tuple(ZERO_HOP.items()))
            plain, proxy = start(engine, plain_spec, proxy_spec)
            b32 = srv.i2p_address
            n = bulk_mib << 20
            reqs = {
                "plain": (port_of(plain), f"GET /big?n={{}} HTTP/1.1\r\nHost: {b32}\r\n\r\n"),
                "proxy": (port_of(proxy), f"GET http://{b32}/big?n={{}} HTTP/1.1\r\n"
                          f"Host: {b32}\r\n\r\n"),
            }  # fmt: skip
            for port, req in reqs.values():  # warm up: leasesets, spare SAM sockets
                http_get(port, req.format(2).encode())
            bulk: dict[str, list[float]] = {"plain": [], "proxy": []}
            for _ in range(runs):
                for name, (port, req) in reqs.items():
                    got, secs = http_get(port, req.format(n).encode())
                    assert got > n, (name, got)
                    bulk[name].append(n / secs / (1 << 20))
            latency: dict[str, list[float]] = {"plain": [], "proxy": []}
            for _ in range(requests):
                for name, (port, req) in reqs.items():
                    time.sleep(0.05)  # the spare SAM socket refills between opens
                    latency[name].append(http_get(port, req.format(2).encode())[1] * 1000)
        finally:
            engine.shutdown(10)
            router.stop()
    med = {k: statistics.median(v) for k, v in bulk.items()}
    lat = {k: statistics.median(v) for k, v in latency.items()}
    return {
        "bulk_mib": bulk_mib,
        "runs": runs,
        "bulk_mib_s": med,
        "bulk_ratio": med["proxy"] / med["plain"],
        "request_ms_median": lat,
        "request_ms_p90": {k: statistics.quantiles(v, n=10)[-1] for k, v in latency.items()},
        "extra_ms_per_request": lat["proxy"] - lat["plain"],
    }


async def _rate(port: int, request: bytes, concurrency: int, seconds: float) -> float:
    done = 0
    stop = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        while time.perf_counter() < stop:
            r, w = await asyncio.open_connection("127.0.0.1", port)
            w.write(request)
            await r.read()  # to EOF
            w.close()
            done += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done / (time.perf_counter() - t0)


def part_local(service_port: int, concurrency: int, seconds: float) -> dict[str, float]:
    engine = Engine()
    engine.start()
    saved = kinds.KINDS[TunnelKind.HTTP_PROXY]
    try:
        fwd_spec = TunnelSpec(name="fwd", kind=TunnelKind.FORWARD, listen_port=0,
                              target_port=service_port)
        [fwd] = start(engine, fwd_spec)
        TcpDialProxy.target_port = port_of(fwd)
        kinds.KINDS[TunnelKind.HTTP_PROXY] = TcpDialProxy
        [proxy] = start(engine, TunnelSpec.new("p", TunnelKind.HTTP_PROXY, listen_port=0))
        host = "b" * 52 + ".b32.i2p"
        direct = b"GET /x?n=64 HTTP/1.1\r\nHost: s\r\n\r\n"
        via = f"GET http://{host}/x?n=64 HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
        out = {
            "forward_req_s": asyncio.run(_rate(port_of(fwd), direct, concurrency, seconds)),
            "proxy_req_s": asyncio.run(_rate(port_of(proxy), via, concurrency, seconds)),
        }
    finally:
        kinds.KINDS[TunnelKind.HTTP_PROXY] = saved
        engine.shutdown(10)
    out["proxy_ms_per_request"] = 1000 / out["proxy_req_s"] - 1000 / out["forward_req_s"]
    return out


def markdown(r: dict[str, Any]) -> str:
    a, b = r["router"], r["local"]
    return "\n".join([
        "| measure | plain client | HTTP proxy | |",
        "|---|---|---|---|",
        f"| bulk GET {a['bulk_mib']} MiB via i2pd, MiB/s (median of {a['runs']}) | "
        f"{a['bulk_mib_s']['plain']:.1f} | {a['bulk_mib_s']['proxy']:.1f} | "
        f"ratio **{a['bulk_ratio']:.2f}** (target ≥ 0.9) |",
        f"| small GET on a new connection via i2pd, ms (median / p90) | "
        f"{a['request_ms_median']['plain']:.1f} / {a['request_ms_p90']['plain']:.1f} | "
        f"{a['request_ms_median']['proxy']:.1f} / {a['request_ms_p90']['proxy']:.1f} | "
        f"**{a['extra_ms_per_request']:+.1f} ms** per request |",
        f"| requests/s, no router ({r['concurrency']} clients; forward alone vs proxy "
        f"over a forward) | {b['forward_req_s']:.0f} | {b['proxy_req_s']:.0f} | "
        f"{b['proxy_ms_per_request']:+.2f} ms of proxy work per request |",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer, smaller runs")
    ap.add_argument("--markdown", action="store_true", help="print the docs table too")
    args = ap.parse_args(argv)
    runs, mib, reqs, secs = (3, 8, 10, 3.0) if args.quick else (5, 32, 30, 10.0)
    concurrency = 16
    service = subprocess.Popen([sys.executable, "-c", SERVER_CODE], stdout=subprocess.PIPE,
                               text=True)  # fmt: skip
    try:
        assert service.stdout is not None
        port = int(service.stdout.readline())
        result = {
            "concurrency": concurrency,
            "local": part_local(port, concurrency, secs),
            "router": part_router(port, mib, runs, reqs),
        }
    finally:
        service.terminate()
        service.wait(5)
    print(json.dumps(result, indent=2))
    if args.markdown:
        print(markdown(result))
    return 0


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    sys.exit(main())
