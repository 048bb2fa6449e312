#!/usr/bin/env python3
"""Router kill/restart cycles against a real offline i2pd: do the tunnels come back?

    scripts/in-netns.sh env PYTHONPATH=$PWD .venv/bin/python bench/router_cycles.py
    scripts/in-netns.sh ... bench/router_cycles.py --cycles 5 --hold 15 --json out.json

Runs only inside a loopback-only network namespace (the router refuses otherwise).
Starts i2pd (tests/integration/i2pd_router.py) and one engine with a server tunnel
(stored key) and a client tunnel to it (transient key), as the integration tests do.
Then, per cycle: SIGKILL the router, wait until both tunnels show RECONNECTING, start
it again on the same datadir and ports, and time from the moment SAM answers HELLO
until each tunnel is RUNNING again. Each must come back with the same b32, and a
stream must carry data end to end (time to the first echoed byte reported). The
tunnels are then left up for `--hold` seconds before the next kill (the engine's
retry backoff resets only after a session lived 10 s). 20 cycles by default.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "integration"))

from i2pd_helpers import BulkTarget, exchange, random_bytes, start_tunnel_pair
from i2pd_router import I2pdRouter

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.status import TunnelState, TunnelStatus

RECOVER_TIMEOUT = 180.0  # backoff (<= 60 s) + SESSION CREATE (~20 s) with a wide margin
PAYLOAD = 64 * 1024


@dataclass
class Cycle:
    index: int
    sam_up_s: float  # kill -> SAM answers HELLO again
    server_running_s: float  # SAM answers -> server RUNNING
    client_running_s: float  # SAM answers -> client RUNNING
    first_stream_s: float  # both RUNNING -> data through the pair (-1: failed)
    same_b32: bool


class Tunnels:
    def __init__(self, engine: Engine, server: TunnelStatus, client: TunnelStatus) -> None:
        self.engine, self.server, self.client = engine, server, client

    def status(self, tunnel_id: str) -> TunnelStatus:
        return self.engine.call(lambda: self.engine.snapshot(tunnel_id), 10).tunnels[0]

    def wait(self, tunnel_id: str, state: TunnelState, timeout: float) -> TunnelStatus:
        deadline = time.monotonic() + timeout
        while (st := self.status(tunnel_id)).state is not state:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{st.name} not {state.value} within {timeout:g} s: {st}")
            time.sleep(0.05)
        return st

    @property
    def client_port(self) -> int:
        return int(self.client.local_address.rpartition(":")[2])


def first_stream(tunnels: Tunnels, target: BulkTarget, limit: float = 60.0) -> float:
    """Seconds until a stream through client -> I2P -> server carries the target's data."""
    t0 = time.monotonic()
    while True:
        try:
            if exchange(tunnels.client_port, b"", len(target.down)) == target.down:
                return time.monotonic() - t0
        except OSError:
            pass
        if time.monotonic() - t0 > limit:
            return -1.0
        time.sleep(0.5)


def one_cycle(i: int, router: I2pdRouter, tunnels: Tunnels, target: BulkTarget) -> Cycle:
    srv_b32, cli_b32 = tunnels.server.i2p_address, tunnels.client.i2p_address
    t_kill = time.monotonic()
    router.kill()
    tunnels.wait(tunnels.server.id, TunnelState.RECONNECTING, 30)
    tunnels.wait(tunnels.client.id, TunnelState.RECONNECTING, 30)
    router.start()  # returns once SAM answers HELLO
    t_sam = time.monotonic()
    srv = tunnels.wait(tunnels.server.id, TunnelState.RUNNING, RECOVER_TIMEOUT)
    t_srv = time.monotonic()
    cli = tunnels.wait(tunnels.client.id, TunnelState.RUNNING, RECOVER_TIMEOUT)
    t_cli = time.monotonic()
    return Cycle(
        index=i,
        sam_up_s=round(t_sam - t_kill, 2),
        server_running_s=round(t_srv - t_sam, 2),
        client_running_s=round(t_cli - t_sam, 2),
        first_stream_s=round(first_stream(tunnels, target), 2),
        same_b32=srv.i2p_address == srv_b32 and cli.i2p_address == cli_b32,
    )


def run_cycles(
    router: I2pdRouter, keys_dir: Path, cycles: int, hold: float, report: bool = True
) -> list[Cycle]:
    """Start the tunnel pair on `router` (running), then kill/restart it `cycles` times."""
    target = BulkTarget(random_bytes(PAYLOAD), up_len=0)
    engine, srv, cli = start_tunnel_pair(router.sam_address, KeyStore(keys_dir), target.port, "cy")
    results: list[Cycle] = []
    try:
        tunnels = Tunnels(engine, srv, cli)
        if first_stream(tunnels, target) < 0:
            raise RuntimeError("no stream through the tunnel pair before the first kill")
        for i in range(1, cycles + 1):
            c = one_cycle(i, router, tunnels, target)
            results.append(c)
            if report:
                print(
                    f"cycle {i:2d}: SAM back {c.sam_up_s:5.2f} s after the kill; RUNNING "
                    f"server +{c.server_running_s:5.2f} s, client +{c.client_running_s:5.2f} s; "
                    f"first stream {c.first_stream_s:5.2f} s; same b32 {c.same_b32}",
                    flush=True,
                )
            time.sleep(hold)
    finally:
        engine.shutdown(10)  # every SAM socket closed before the router stops
        target.close()
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cycles", type=int, default=20)
    ap.add_argument("--hold", type=float, default=15.0, help="seconds up between kills")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="i2pd-cycles-") as tmp:
        router = I2pdRouter(Path(tmp) / "router")
        router.start()
        try:
            results = run_cycles(router, Path(tmp) / "keys", args.cycles, args.hold)
        finally:
            router.stop()
    ok = [c for c in results if c.same_b32 and c.first_stream_s >= 0]
    worst = [max(c.server_running_s, c.client_running_s) for c in results]
    print(
        f"{len(ok)}/{args.cycles} cycles survived (same b32, data through); SAM answers -> "
        f"both RUNNING: median {statistics.median(worst):.1f} s, max {max(worst):.1f} s"
    )
    if args.json:
        args.json.write_text(json.dumps([asdict(c) for c in results], indent=1))
    return 0 if len(ok) == args.cycles else 1


if __name__ == "__main__":
    sys.exit(main())
