"""Health the user can see, through a real i2pd 2.45.1 (offline): reachability of a
server tunnel, a client tunnel that recovers by itself after its server's stop/start,
and recovery time after a router restart (the reset backoff).

One engine runs a server, a "deaf" server (its session never accepts a stream: a dead
session as the router sees it) and a client, their sessions created in parallel.
The figures printed here are the ones docs/BENCHMARKS.md reports.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from i2pd_helpers import ACCEPTING, CONNECTING, START_TIMEOUT, new_server_key
from i2pd_router import I2pdRouter
from nethelpers import LoopbackServer, echo_handler, free_port, recv_exactly

from i2ptunnel_gui.core.context import Health
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.i2p.server import ServerTunnel
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.kinds import KINDS
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import Reachability, TunnelEvent, TunnelState, TunnelStatus

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]

CHECK_TIMEOUT = 150.0  # a probe session (~20 s) and the stream
CLIENT_CONNECT_TIMEOUT = 10.0  # a silent open counts as failed after this


class DeafServer(ServerTunnel):
    """A server tunnel whose session never takes a stream (no STREAM ACCEPT pending)."""

    async def _accept_worker(self, session: SamSession) -> None:
        await session.wait_closed()


@dataclass
class Setup:
    engine: Engine
    router: I2pdRouter
    server_spec: TunnelSpec
    server: TunnelStatus
    deaf: TunnelStatus
    client: TunnelStatus
    events: list[TunnelEvent]

    def status(self, tunnel_id: str) -> TunnelStatus:
        return self.engine.call(lambda: self.engine.snapshot(tunnel_id), 10).tunnels[0]

    def wait_state(self, tunnel_id: str, state: TunnelState, timeout: float) -> TunnelStatus:
        deadline = time.monotonic() + timeout
        while (st := self.status(tunnel_id)).state is not state:
            assert time.monotonic() < deadline, f"never {state}: {st}"
            time.sleep(0.1)
        return st

    def check(self, tunnel_id: str) -> Reachability:
        return self.engine.call(lambda: self.engine.check_reachability(tunnel_id), CHECK_TIMEOUT)

    def log(self, tunnel_id: str) -> list[tuple[TunnelState, str]]:
        return [(e.state, e.message) for e in list(self.events) if e.tunnel_id == tunnel_id]


@pytest.fixture(scope="module")
def setup(i2pd: I2pdRouter, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    keys = KeyStore(tmp_path_factory.mktemp("keys"))
    target = LoopbackServer(echo_handler)
    mp = pytest.MonkeyPatch()
    server = TunnelSpec(name="health server", kind=TunnelKind.SERVER, target_port=target.port,
                        options=tuple(ACCEPTING.items()))
    deaf = TunnelSpec(name="deaf server", kind=TunnelKind.SERVER, target_port=target.port,
                      options=tuple(ACCEPTING.items()))
    b32 = new_server_key(i2pd.sam_address, Path(keys.key_path(server)))
    client = TunnelSpec(name="health client", kind=TunnelKind.CLIENT, listen_port=free_port(),
                        destination=b32, key_mode=KeyMode.TRANSIENT,
                        connect_timeout=CLIENT_CONNECT_TIMEOUT, options=tuple(CONNECTING.items()))
    engine = Engine(sam_address=i2pd.sam_address, keystore=keys,
                    health=Health(reach_interval=0, reach_timeout=30))
    events: list[TunnelEvent] = []
    engine.subscribe(events.append)
    engine.start()
    try:
        async def start_all() -> list[TunnelStatus]:
            srv = engine.start_tunnel(server, retry=False)
            mp.setitem(KINDS, TunnelKind.SERVER, DeafServer)  # looked up as the start begins
            dead = asyncio.ensure_future(engine.start_tunnel(deaf, retry=False))
            await asyncio.sleep(0)
            mp.undo()
            return list(await asyncio.gather(srv, dead, engine.start_tunnel(client, retry=False)))

        srv, dead, cli = engine.call(start_all, START_TIMEOUT)
        assert srv.i2p_address == b32
        yield Setup(engine, i2pd, server, srv, dead, cli, events)
    finally:
        mp.undo()
        engine.shutdown(10)  # every SAM socket closed before the router stops
        target.close()
        if not i2pd.running:  # it died under us: what it said last
            print(f"\ni2pd is gone (exit {i2pd.process and i2pd.process.poll()}): "
                  f"{i2pd.log_tail(40)}")


def echo_through(port: int, payload: bytes, timeout: float) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.settimeout(timeout)
        s.sendall(payload)
        return recv_exactly(s, len(payload))


def served(port: int, payload: bytes, timeout: float) -> bool:
    """Did `payload` come back through the client tunnel (closed, reset or silent: no)?"""
    try:
        return echo_through(port, payload, timeout) == payload
    except OSError:
        return False


def test_a_running_server_is_reachable_with_a_round_trip(setup: Setup) -> None:
    t0 = time.monotonic()
    result = setup.check(setup.server.id)
    took = time.monotonic() - t0
    assert result.reachable is True, result
    assert result.round_trip_ms is not None and result.round_trip_ms > 0
    print(f"\nreachability: round trip {result.round_trip_ms:.1f} ms, check took {took:.1f} s")
    st = setup.status(setup.server.id)
    assert st.state is TunnelState.RUNNING and st.reachability == result
    assert st.total_connections == 0  # the tunnel echoed the probe, not the target


def test_a_dead_session_is_not_reachable_and_degraded(setup: Setup) -> None:
    result = setup.check(setup.deaf.id)
    assert result.reachable is False, (result, setup.router.log_tail(30))
    assert result.message.startswith("not reachable from I2P: ")
    print(f"\ndead session: {result.message}")
    st = setup.status(setup.deaf.id)
    assert st.state is TunnelState.DEGRADED and "re-creating the I2P session" in st.message
    setup.engine.call(lambda: setup.engine.stop_tunnel(setup.deaf.id), 30)


@pytest.mark.timeout(420)
def test_stop_start_the_server_and_the_client_recovers_by_itself(setup: Setup) -> None:
    """The issue's opening scenario (every request failed while both stayed green): the
    client notices the failing opens (Degraded), re-creates its session, and serves
    again once the server is back, without anyone touching it."""
    port = int(setup.client.local_address.rpartition(":")[2])
    assert echo_through(port, b"before", 30) == b"before"
    eng = setup.engine
    eng.call(lambda: eng.stop_tunnel(setup.server.id), 30)
    for _ in range(3):  # the peer is gone: refused or silent (first-byte timeout)
        assert not served(port, b"anyone?", CLIENT_CONNECT_TIMEOUT + 10)
    st = setup.wait_state(setup.client.id, TunnelState.DEGRADED, 10)
    print(f"\nclient degraded: {st.message}")
    eng.call(lambda: eng.start_tunnel(setup.server_spec, retry=False), START_TIMEOUT)
    t0 = time.monotonic()
    tries = 0
    while True:  # what a user would do: try again; the app repairs itself meanwhile
        tries += 1
        if served(port, b"after", CLIENT_CONNECT_TIMEOUT + 10):
            break
        assert time.monotonic() - t0 < 240, setup.log(setup.client.id)
        time.sleep(1)
    print(f"client served again {time.monotonic() - t0:.1f} s after the server was back "
          f"({tries} tries)")
    setup.wait_state(setup.client.id, TunnelState.RUNNING, 30)
    log = setup.log(setup.client.id)
    assert any(s is TunnelState.DEGRADED and "re-creating the I2P session" in m
               for s, m in log), log


def test_router_restart_recovery_follows_sam(setup: Setup) -> None:
    setup.router.kill()
    setup.wait_state(setup.server.id, TunnelState.RECONNECTING, 10)
    time.sleep(5)  # a few failed attempts: the old backoff would now wait 4-8 s more
    setup.router.start()  # returns once SAM answers
    t0 = time.monotonic()
    setup.wait_state(setup.server.id, TunnelState.RUNNING, 120)
    took = time.monotonic() - t0
    print(f"\nrouter restart: SAM answers -> server RUNNING in {took:.1f} s")
    assert took < 45  # one session creation (~20 s) and a HELLO probe, not a grown backoff
