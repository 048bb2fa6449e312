"""The managed router: a real i2pd 2.45.1 started, watched and stopped by the app (offline).

Runs only inside scripts/in-netns.sh (RouterHost refuses otherwise). The offline
settings come in as the user's extra conf lines (tests/data/i2pd-offline-router.conf),
exactly as `--router-conf` passes them.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from pathlib import Path

import pytest
from fake_i2pd import alive
from i2pd_helpers import BulkTarget, exchange, random_bytes, start_tunnel_pair
from managed_helpers import RouterHost

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.ports import pick_port
from i2ptunnel_gui.core.sam.probe import probe_sam
from i2ptunnel_gui.core.status import TunnelState, TunnelStatus

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]

MIB = 1 << 20


def i2pd_pids_on(root: Path) -> list[int]:
    """Every live process whose command line names this data dir."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if f"--datadir={root}".encode() in argv and alive(int(entry.name)):
                found.append(int(entry.name))
    return found


def test_start_health_identity_kept_and_nothing_left(tmp_path: Path) -> None:
    root = tmp_path / "router"
    host = RouterHost(root)
    try:
        began = time.monotonic()
        status = host.start()
        ready_s = time.monotonic() - began
        assert status.running and ready_s < 10
        assert host.run(probe_sam(status.sam_address)).reachable
        health = host.health()  # I2PControl of the live router, certificate pinned
        assert health.version == "2.45.1" and health.uptime_s is not None
        assert health.known_peers is not None and health.net_status is not None
        keys = host.router.layout.router_keys.read_bytes()
        pid = status.pid
        assert pid is not None and i2pd_pids_on(root) == [pid]
    finally:
        host.close()
    assert i2pd_pids_on(root) == []  # SIGTERM left no i2pd
    again = RouterHost(root)
    try:
        again.start()
        assert again.router.layout.router_keys.read_bytes() == keys  # same router identity
    finally:
        again.close()
    assert i2pd_pids_on(root) == []


def test_busy_sam_port_is_replaced_by_a_free_one(tmp_path: Path) -> None:
    preferred = pick_port(37656, sam=True)
    with socket.socket() as busy:
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past TIME_WAIT
        busy.bind(("127.0.0.1", preferred))
        busy.listen(1)
        host = RouterHost(tmp_path / "router", ManagedOptions(sam_port=preferred))
        try:
            status = host.start()
            assert status.sam_address != f"127.0.0.1:{preferred}"
            assert host.run(probe_sam(status.sam_address)).reachable
        finally:
            host.close()


def wait_state(engine: Engine, tunnel_id: str, state: TunnelState, timeout: float) -> TunnelStatus:
    deadline = time.monotonic() + timeout
    while True:
        st = engine.call(lambda: engine.snapshot(tunnel_id), 10).tunnels[0]
        if st.state is state:
            return st
        assert time.monotonic() < deadline, f"never {state}: {st}"
        time.sleep(0.1)


def test_kill_9_of_the_managed_i2pd_brings_both_tunnels_back_with_the_same_b32(
    tmp_path: Path,
) -> None:
    host = RouterHost(tmp_path / "router", backoff=(0.5, 5.0))
    target = BulkTarget(random_bytes(MIB), up_len=MIB)
    engine = None
    try:
        status = host.start()
        engine, srv, cli = start_tunnel_pair(
            status.sam_address, KeyStore(tmp_path / "keys"), target.port, "managed"
        )
        port = int(cli.local_address.rpartition(":")[2])
        assert exchange(port, random_bytes(MIB), MIB) == target.down

        old = status.pid
        assert old is not None
        os.kill(old, signal.SIGKILL)
        back = host.wait_running(not_pid=old)
        assert back.sam_address == status.sam_address and back.restarts == 1
        srv2 = wait_state(engine, srv.id, TunnelState.RUNNING, 120)
        cli2 = wait_state(engine, cli.id, TunnelState.RUNNING, 120)
        assert srv2.i2p_address == srv.i2p_address and cli2.i2p_address == cli.i2p_address
        assert exchange(port, random_bytes(MIB), MIB) == target.down
    finally:
        if engine is not None:
            engine.shutdown(10)  # SAM sockets closed before the router stops (FINDINGS §9)
        target.close()
        host.close()
    assert i2pd_pids_on(tmp_path / "router") == []
