"""Server and client I2P tunnels on the engine, against the in-process fake SAM bridge.

The fake runs on its own loop in a thread (like a router in another process), the
engine on its own; the test drives both with plain blocking sockets.
"""

from __future__ import annotations

import os
import socket
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_router import FAST_BACKOFF, FAST_TIMEOUTS, FakeRouter
from i2p_helpers import client_spec, round_trip, server_spec, start, wait_state
from nethelpers import (
    IO_TIMEOUT,
    LoopbackServer,
    closed_by_peer,
    connect,
    free_port,
    local_port,
    recv_exactly,
    socket_count,
    status,
    wait_until,
)

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError, TunnelError
from i2ptunnel_gui.core.i2p.server import ACCEPT_POOL
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.sam.errors import SamRouterError, SamUnreachable
from i2ptunnel_gui.core.sam.keys import parse_private_key
from i2ptunnel_gui.core.spec import KeyMode
from i2ptunnel_gui.core.status import Direction, TunnelEvent, TunnelState


class Events:
    def __init__(self, engine: Engine) -> None:
        self.items: list[TunnelEvent] = []
        engine.subscribe(self.items.append)

    def states(self, tunnel_id: str) -> list[TunnelState]:
        return [e.state for e in self.items if e.tunnel_id == tunnel_id]


@pytest.fixture
def keys_dir(tmp_path: Path) -> Path:
    return tmp_path / "keys"


@pytest.fixture
def engine(fake: FakeRouter, keys_dir: Path) -> Iterator[Engine]:
    eng = Engine(
        sam_address=fake.address,
        keystore=KeyStore(keys_dir),
        sam_timeouts=FAST_TIMEOUTS,
        backoff=FAST_BACKOFF,
    )
    eng.start()
    yield eng
    eng.shutdown(5)



def test_server_and_client_carry_data_both_ways_and_server_sees_client_b32(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    srv = start(engine, server_spec(echo_server.port))
    assert srv.state is TunnelState.RUNNING and srv.i2p_address.endswith(".b32.i2p")
    cli = start(engine, client_spec(srv.i2p_address))
    assert cli.i2p_address != srv.i2p_address
    payload = os.urandom(1 << 20)
    with connect(local_port(cli)) as s:
        s.sendall(b"x")
        assert recv_exactly(s, 1) == b"x"
        conns = engine.call(lambda: engine.snapshot(srv.id), IO_TIMEOUT).connections
        assert [(c.peer, c.direction) for c in conns] == [(cli.i2p_address, Direction.INBOUND)]
        s.sendall(payload)
        assert recv_exactly(s, len(payload)) == payload
    # the echo target would wait for an EOF that a SAM stream cannot carry: count bytes
    assert wait_until(lambda: status(engine, srv.id).bytes_in == len(payload) + 1)
    st = status(engine, srv.id)
    assert st.bytes_in == st.bytes_out == len(payload) + 1


@pytest.mark.parametrize(("versions", "pending"), [
    (("3.0", "3.1"), 1),  # below 3.2 the spec allows one pending ACCEPT (i2pd 2.45.1)
    (("3.0", "3.1", "3.2", "3.3"), ACCEPT_POOL),  # 3.2+: a pool of them
])
def test_server_accepts_as_many_at_once_as_the_sam_version_allows(
    engine: Engine, fake: FakeRouter, echo_server: LoopbackServer, versions: tuple[str, ...],
    pending: int,
) -> None:
    fake.sam.versions = versions
    srv = start(engine, server_spec(echo_server.port))
    nick = next(iter(fake.sam.sessions))
    fake.run(lambda: fake.sam.wait_accepts(nick, pending))
    time.sleep(0.2)  # no more come
    assert len(fake.call(lambda: fake.sam.sessions[nick].accepts)) == pending
    cli = start(engine, client_spec(srv.i2p_address))
    socks = [connect(local_port(cli)) for _ in range(6)]  # more peers than pending
    try:
        for i, s in enumerate(socks):
            s.sendall(b"peer %d\n" % i)
        for i, s in enumerate(socks):  # the router queues the rest: all are served
            assert recv_exactly(s, 7) == b"peer %d\n" % i
        assert status(engine, srv.id).active_connections == 6
        fake.run(lambda: fake.sam.wait_accepts(nick, pending))  # and re-armed
    finally:
        for s in socks:
            s.close()


def test_server_key_is_persistent_0600_and_transient_is_not(
    engine: Engine, echo_server: LoopbackServer, keys_dir: Path
) -> None:
    spec = server_spec(echo_server.port)
    first = start(engine, spec)
    key_file = keys_dir / f"{spec.id}.dat"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert parse_private_key(key_file.read_bytes()).b32_address == first.i2p_address
    engine.call(lambda: engine.stop_tunnel(spec.id), IO_TIMEOUT)
    assert start(engine, spec).i2p_address == first.i2p_address
    transient = server_spec(echo_server.port, key_mode=KeyMode.TRANSIENT)
    a = start(engine, transient).i2p_address
    engine.call(lambda: engine.stop_tunnel(transient.id), IO_TIMEOUT)
    assert start(engine, transient).i2p_address != a
    assert not (keys_dir / f"{transient.id}.dat").exists()


def test_router_drops_session_then_server_comes_back_with_same_key(
    engine: Engine, fake: FakeRouter, echo_server: LoopbackServer
) -> None:
    events = Events(engine)
    srv = start(engine, server_spec(echo_server.port, key_mode=KeyMode.TRANSIENT))
    cli = start(engine, client_spec(srv.i2p_address))
    assert round_trip(local_port(cli), b"before") == b"before"
    server_nick = next(
        n for n, s in fake.sam.sessions.items() if s.key.b32_address == srv.i2p_address
    )
    fake.call(lambda: fake.sam.kill_session(server_nick))
    assert wait_until(lambda: TunnelState.RECONNECTING in events.states(srv.id), 5)
    wait_state(engine, srv.id, TunnelState.RUNNING)
    assert status(engine, srv.id).i2p_address == srv.i2p_address  # same key, same b32
    assert wait_until(lambda: round_trip(local_port(cli), b"after") == b"after", 5)


def test_router_restart_client_listener_stays_open_and_refuses_fast(
    engine: Engine, fake: FakeRouter, echo_server: LoopbackServer
) -> None:
    srv = start(engine, server_spec(echo_server.port))
    cli = start(engine, client_spec(srv.i2p_address))
    fake.run(fake.sam.stop)
    wait_state(engine, cli.id, TunnelState.RECONNECTING)
    wait_state(engine, srv.id, TunnelState.RECONNECTING)
    assert status(engine, cli.id).next_retry_at is not None
    t0 = time.monotonic()
    with connect(local_port(cli)) as s:  # the listener is still there ...
        assert closed_by_peer(s)  # ... and closes at once
    assert time.monotonic() - t0 < 1.0
    fake.run(fake.sam.start)  # same port
    wait_state(engine, srv.id, TunnelState.RUNNING)
    wait_state(engine, cli.id, TunnelState.RUNNING)
    assert status(engine, srv.id).i2p_address == srv.i2p_address
    assert status(engine, cli.id).i2p_address == cli.i2p_address
    assert round_trip(local_port(cli), b"again") == b"again"


def test_router_refusal_is_an_error_with_its_message(engine: Engine, fake: FakeRouter) -> None:
    fake.sam.replies["SESSION CREATE"] = [
        b'SESSION STATUS RESULT=I2P_ERROR MESSAGE="Too many sessions here"\n'
    ]
    spec = server_spec(1, key_mode=KeyMode.TRANSIENT)
    with pytest.raises(SamRouterError, match="Too many sessions here"):
        start(engine, spec)


def test_unreachable_router_at_start(engine: Engine, echo_server: LoopbackServer) -> None:
    dead = f"127.0.0.1:{free_port()}"
    spec = server_spec(echo_server.port, sam_address=dead, key_mode=KeyMode.TRANSIENT)
    with pytest.raises(SamUnreachable, match=dead):
        start(engine, spec, retry=False)
    st = start(engine, spec.replace(name="retrying"), retry=True)
    assert st.state is TunnelState.RECONNECTING and "retrying in" in st.message


def test_client_port_taken_fails_before_any_session(engine: Engine, fake: FakeRouter) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        spec = client_spec("a" * 52 + ".b32.i2p").replace(listen_port=taken.getsockname()[1])
        with pytest.raises(TunnelError, match="already in use"):
            start(engine, spec)
    assert fake.sam.sessions == {}


def test_client_rejects_malformed_base64_destination(engine: Engine) -> None:
    spec = client_spec("A" * 600)  # right alphabet and length, not a destination
    with pytest.raises(ConfigError, match="not a valid base64 destination"):
        start(engine, spec)


def test_client_closes_a_stream_that_never_answers(
    engine: Engine, server_factory: Callable[..., LoopbackServer]
) -> None:
    silent = server_factory(lambda c: c.recv(1 << 16) and time.sleep(IO_TIMEOUT))
    srv = start(engine, server_spec(silent.port))
    cli = start(engine, client_spec(srv.i2p_address, connect_timeout=0.5))
    with connect(local_port(cli)) as s:
        s.sendall(b"hello?")
        t0 = time.monotonic()
        assert closed_by_peer(s)
        assert time.monotonic() - t0 < 3
    assert wait_until(lambda: status(engine, cli.id).failed_connections == 1)


def test_server_nconnect_refuses_the_excess_peer(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    srv = start(engine, server_spec(echo_server.port, nconnect=1))
    cli = start(engine, client_spec(srv.i2p_address))
    with connect(local_port(cli)) as first:
        first.sendall(b"1")
        assert recv_exactly(first, 1) == b"1"
        with connect(local_port(cli)) as second:
            second.sendall(b"2")
            assert closed_by_peer(second)
    assert status(engine, srv.id).refused_connections == 1


def test_persistent_client_without_key_store_is_a_config_error(fake: FakeRouter) -> None:
    eng = Engine(sam_address=fake.address, sam_timeouts=FAST_TIMEOUTS, backoff=FAST_BACKOFF)
    eng.start()
    try:
        spec = client_spec("a" * 52 + ".b32.i2p", key_mode=KeyMode.PERSISTENT)
        with pytest.raises(ConfigError, match="persistent key"):
            start(eng, spec)
    finally:
        eng.shutdown(5)


def test_refusal_after_a_loss_is_an_error_and_a_lingering_session_is_retried(
    engine: Engine, fake: FakeRouter, echo_server: LoopbackServer
) -> None:
    srv = start(engine, server_spec(echo_server.port))
    # 1) the router still holds our old destination once: retried, same b32
    fake.sam.replies["SESSION CREATE"] = [b"SESSION STATUS RESULT=DUPLICATED_DEST\n"]
    fake.call(lambda: fake.sam.kill_session(next(iter(fake.sam.sessions))))
    assert wait_until(lambda: not fake.sam.replies["SESSION CREATE"], 5)
    wait_state(engine, srv.id, TunnelState.RUNNING)
    assert status(engine, srv.id).i2p_address == srv.i2p_address
    # 2) a real refusal: ERROR with the router's words
    fake.sam.replies["SESSION CREATE"] = [
        b'SESSION STATUS RESULT=INVALID_KEY MESSAGE="key revoked by admin"\n'
    ]
    fake.call(lambda: fake.sam.kill_session(next(iter(fake.sam.sessions))))
    wait_state(engine, srv.id, TunnelState.ERROR)
    assert "key revoked by admin" in status(engine, srv.id).message


def test_persistent_client_key_keeps_the_client_address(
    engine: Engine, echo_server: LoopbackServer, keys_dir: Path
) -> None:
    srv = start(engine, server_spec(echo_server.port))
    spec = client_spec(srv.i2p_address, key_mode=KeyMode.PERSISTENT)
    first = start(engine, spec).i2p_address
    engine.call(lambda: engine.stop_tunnel(spec.id), IO_TIMEOUT)
    assert (keys_dir / f"{spec.id}.dat").exists()
    assert start(engine, spec).i2p_address == first


def test_stopping_tunnels_frees_every_fd(engine: Engine, echo_server: LoopbackServer) -> None:
    before = socket_count()
    srv = start(engine, server_spec(echo_server.port, key_mode=KeyMode.TRANSIENT))
    cli = start(engine, client_spec(srv.i2p_address))
    for _ in range(3):
        assert round_trip(local_port(cli), b"fd") == b"fd"
    for tid in (cli.id, srv.id):
        engine.call(lambda tid=tid: engine.stop_tunnel(tid), IO_TIMEOUT)
    assert wait_until(lambda: socket_count() <= before, 5), (before, socket_count())
