"""The first-run GUI flow on the REAL i2pd (offline, loopback-only namespace only):
Start a private router → first server tunnel → Running with its b32."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from router_flow import first_run_to_running_server

from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.ports import pick_port

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]

OFFLINE_CONF = Path(__file__).parent.parent / "data" / "i2pd-offline-router.conf"
# one router offline: the accepting side publishes an LS1, zero hops (docs/I2PD.md)
SESSION = {
    "inbound.length": "0",
    "outbound.length": "0",
    "inbound.quantity": "1",
    "outbound.quantity": "1",
    "i2cp.leaseSetType": "1",
}


def test_first_run_on_the_real_i2pd(qtbot, qloop, tmp_path: Path) -> None:
    others = [name for _, name in socket.if_nameindex() if name != "lo"]
    if others:
        pytest.fail(
            f"refusing to start i2pd outside a loopback-only namespace ({others}); "
            "run the tests via scripts/in-netns.sh",
            pytrace=False,
        )
    sam = pick_port(7656, sam=True)
    managed = ManagedOptions(sam_port=sam, control_port=pick_port(7650, taken=frozenset({sam})))
    b32 = first_run_to_running_server(
        qtbot,
        qloop,
        tmp_path,
        managed,
        conf_file_text=OFFLINE_CONF.read_text(),
        session_options=SESSION,
        timeout_ms=30_000,
    )
    assert b32.endswith(".b32.i2p")
