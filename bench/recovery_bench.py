"""Seconds from "the router's SAM bridge answers again" to "the tunnel is RUNNING",
router restart after router restart, with the backoff that resets when the router is
seen restarting ("reset") and without it ("no-reset": the same backoff, never cut
short, as before issue 14). Against the in-process fake bridge (tests/fake_sam.py), so
the figure is the app's own delay, not a router's session creation (~20 s on i2pd
2.45.1: tests/integration/test_i2pd_health.py prints that one).

    .venv/bin/python bench/recovery_bench.py [--cycles 6] [--down 2.0]

Each cycle: the bridge goes away (sessions dropped), stays away `--down` seconds,
comes back on the same port; the server tunnel's session lived only from its recovery
to the next cycle, so without the reset each cycle waits longer.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fake_router import FakeRouter  # noqa: E402

from i2ptunnel_gui.core.context import Backoff  # noqa: E402
from i2ptunnel_gui.core.engine import Engine  # noqa: E402
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec  # noqa: E402
from i2ptunnel_gui.core.status import TunnelState  # noqa: E402

POLICIES = {
    "reset": Backoff(),  # the defaults: 1 s first, 60 s max, a HELLO every second
    "no-reset": Backoff(probe=1e9),  # never probes while waiting: the old behaviour
}


def state(engine: Engine, tunnel_id: str) -> TunnelState:
    return engine.call(lambda: engine.snapshot(tunnel_id, False), 10).tunnels[0].state


def wait_for(engine: Engine, tunnel_id: str, want: TunnelState, limit: float) -> None:
    deadline = time.monotonic() + limit
    while state(engine, tunnel_id) is not want:
        if time.monotonic() > deadline:
            raise SystemExit(f"tunnel never {want.value} within {limit:g} s")
        time.sleep(0.02)


def run(policy: str, cycles: int, down: float) -> list[float]:
    router = FakeRouter()
    engine = Engine(sam_address=router.address, backoff=POLICIES[policy])
    engine.start()
    try:
        spec = TunnelSpec(name="bench", kind=TunnelKind.SERVER, target_port=9,
                          key_mode=KeyMode.TRANSIENT)
        engine.call(lambda: engine.start_tunnel(spec), 30)
        took = []
        for _ in range(cycles):
            router.run(router.sam.stop)
            wait_for(engine, spec.id, TunnelState.RECONNECTING, 10)
            time.sleep(down)
            router.run(router.sam.start)  # answers HELLO from here on
            t0 = time.monotonic()
            wait_for(engine, spec.id, TunnelState.RUNNING, 120)
            took.append(time.monotonic() - t0)
        return took
    finally:
        engine.shutdown(10)
        router.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cycles", type=int, default=6)
    ap.add_argument("--down", type=float, default=2.0, help="seconds the bridge is away")
    args = ap.parse_args()
    print(f"| backoff | seconds from SAM answering to RUNNING, cycle 1..{args.cycles} | median |")
    print("|---|---|---|")
    for policy in POLICIES:
        took = run(policy, args.cycles, args.down)
        cells = ", ".join(f"{t:.2f}" for t in took)
        print(f"| {policy} | {cells} | {statistics.median(took):.2f} |", flush=True)


if __name__ == "__main__":
    main()
