"""Server and client tunnels on the engine, through a real i2pd 2.45.1 (offline).

One module-scoped pair of sessions (created in parallel: ~20 s) serves every test;
the router-restart test runs last in this module and leaves the router running.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from i2pd_helpers import (
    BulkTarget,
    exchange,
    random_bytes,
    start_tunnel_pair,
)
from i2pd_router import I2pdRouter

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.status import Direction, TunnelState, TunnelStatus

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]

MIB = 1 << 20


@dataclass
class Pair:
    engine: Engine
    router: I2pdRouter
    target: BulkTarget
    server: TunnelStatus
    client: TunnelStatus

    def status(self, tunnel_id: str) -> TunnelStatus:
        snap = self.engine.call(lambda: self.engine.snapshot(tunnel_id), 10)
        return snap.tunnels[0]

    def wait_state(self, tunnel_id: str, state: TunnelState, timeout: float) -> TunnelStatus:
        deadline = time.monotonic() + timeout
        while (st := self.status(tunnel_id)).state is not state:
            assert time.monotonic() < deadline, f"never {state}: {st}"
            time.sleep(0.1)
        return st

    @property
    def client_port(self) -> int:
        return int(self.client.local_address.rpartition(":")[2])


@pytest.fixture(scope="module")
def pair(i2pd: I2pdRouter, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    target = BulkTarget(random_bytes(4 * MIB), up_len=4 * MIB)
    try:
        engine, srv, cli = start_tunnel_pair(
            i2pd.sam_address, KeyStore(tmp_path_factory.mktemp("keys")), target.port, "it")
        try:
            yield Pair(engine, i2pd, target, srv, cli)
        finally:
            engine.shutdown(10)  # closes every SAM socket before the router stops
    finally:
        target.close()


def test_4mib_both_ways_byte_exact_and_server_sees_client_b32(pair: Pair) -> None:
    up = random_bytes(4 * MIB)
    conns_seen: list[tuple[str, Direction]] = []

    def watch() -> None:  # the server's connection row while the stream is open
        snap = pair.engine.call(lambda: pair.engine.snapshot(pair.server.id), 10)
        conns_seen.extend((c.peer, c.direction) for c in snap.connections)

    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", pair.client_port), timeout=30) as probe:
        probe.settimeout(30)
        assert probe.recv(1) == pair.target.down[:1]  # the stream is up end to end
        watch()
    down = exchange(pair.client_port, up, len(pair.target.down))
    elapsed = time.monotonic() - t0
    assert hashlib.sha256(down).digest() == hashlib.sha256(pair.target.down).digest()
    deadline = time.monotonic() + 10
    while hashlib.sha256(up).hexdigest() not in pair.target.received:
        assert time.monotonic() < deadline, "the upload never arrived complete"
        time.sleep(0.05)
    assert conns_seen == [(pair.client.i2p_address, Direction.INBOUND)]
    st = pair.status(pair.server.id)
    assert st.bytes_in >= 4 * MIB and st.bytes_out >= 4 * MIB
    print(f"4 MiB each way through i2pd in {elapsed:.2f} s")


def test_concurrent_peers_are_all_served(pair: Pair) -> None:
    """Six streams at once through the client tunnel. i2pd 2.45.1 grants SAM 3.1, so the
    server keeps one pending ACCEPT and the router queues the rest; with several
    pending (a 3.2 feature) 2.45.1 crossed streams under load (core/i2p/server.py)."""
    ups = [random_bytes(4 * MIB) for _ in range(6)]
    with concurrent.futures.ThreadPoolExecutor(len(ups)) as pool:
        downs = list(pool.map(lambda up: exchange(pair.client_port, up, 4 * MIB), ups))
    assert all(d == pair.target.down for d in downs)
    deadline = time.monotonic() + 10
    wanted = {hashlib.sha256(up).hexdigest() for up in ups}
    while not wanted <= set(pair.target.received):
        assert time.monotonic() < deadline, "not every upload arrived complete"
        time.sleep(0.05)
    assert pair.status(pair.server.id).failed_connections == 0


def test_router_killed_and_restarted_server_returns_with_same_b32(pair: Pair) -> None:
    pair.router.kill()
    pair.wait_state(pair.server.id, TunnelState.RECONNECTING, 10)
    pair.wait_state(pair.client.id, TunnelState.RECONNECTING, 10)
    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", pair.client_port), timeout=5) as s:
        assert s.recv(1) == b""  # the listener stays, the connection is closed at once
    assert time.monotonic() - t0 < 2
    pair.router.start()  # same datadir, same SAM port
    srv = pair.wait_state(pair.server.id, TunnelState.RUNNING, 90)
    cli = pair.wait_state(pair.client.id, TunnelState.RUNNING, 90)
    assert srv.i2p_address == pair.server.i2p_address
    assert cli.i2p_address == pair.client.i2p_address  # transient key kept across reconnects
    payload = random_bytes(4 * MIB)
    down = exchange(pair.client_port, payload, len(pair.target.down))
    assert down == pair.target.down
    deadline = time.monotonic() + 10
    while hashlib.sha256(payload).hexdigest() not in pair.target.received:
        assert time.monotonic() < deadline, "upload after restart never arrived"
        time.sleep(0.05)
