"""Forward tunnel semantics: limits, timeouts, failing targets, listen rules."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from nethelpers import (
    IO_TIMEOUT,
    LoopbackServer,
    closed_by_peer,
    connect,
    forward_spec,
    recv_exactly,
    start_forward,
    status,
    wait_until,
)

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError, ListenError


def echo_roundtrip(port: int, payload: bytes = b"still serving") -> bytes:
    with connect(port) as s:
        s.sendall(payload)
        return recv_exactly(s, len(payload))


@pytest.mark.usefixtures("relay_mode")
def test_nconnect_refuses_excess_and_counts_it(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    spec, port = start_forward(engine, echo_server.port, nconnect=2)
    held = [connect(port), connect(port)]
    for s in held:
        s.sendall(b"x")
        assert recv_exactly(s, 1) == b"x"  # both really relayed
    with connect(port) as third:
        third.sendall(b"y")
        assert closed_by_peer(third)  # accepted, then closed at once
    st = status(engine, spec.id)
    assert st.refused_connections == 1
    assert st.active_connections == 2
    held.pop().close()
    assert wait_until(lambda: status(engine, spec.id).active_connections == 1)
    assert echo_roundtrip(port) == b"still serving"  # a slot is free again
    held[0].close()


@pytest.mark.usefixtures("relay_mode")
def test_lifetime_closes_busy_connection(engine: Engine, echo_server: LoopbackServer) -> None:
    _, port = start_forward(engine, echo_server.port, lifetime=0.5, idle_timeout=None)
    with connect(port) as s:
        start = time.monotonic()
        # keep it busy so only the lifetime can end it
        while time.monotonic() - start < 5:
            try:
                s.sendall(b"tick")
                if recv_exactly(s, 4) != b"tick":
                    break
            except OSError:
                break
            time.sleep(0.05)
        elapsed = time.monotonic() - start
    assert 0.4 <= elapsed < 2.0


@pytest.mark.usefixtures("relay_mode")
def test_idle_timeout_closes_quiet_connection_only(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    spec, port = start_forward(engine, echo_server.port, idle_timeout=0.4)
    quiet = connect(port)
    busy = connect(port)
    start = time.monotonic()
    while time.monotonic() - start < 1.0:  # 2.5 idle periods, busy keeps talking
        busy.sendall(b"b")
        assert recv_exactly(busy, 1) == b"b"
        time.sleep(0.05)
    assert closed_by_peer(quiet)  # closed by the idle timeout
    busy.sendall(b"alive")
    assert recv_exactly(busy, 5) == b"alive"
    quiet.close()
    busy.close()
    assert wait_until(lambda: status(engine, spec.id).active_connections == 0)


@pytest.fixture
def refusing_port() -> Iterator[int]:
    """A port bound but not listening: connects get ECONNREFUSED."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    yield s.getsockname()[1]
    s.close()


def test_refusing_target_fails_only_that_connection(
    engine: Engine, refusing_port: int, echo_server: LoopbackServer
) -> None:
    spec, port = start_forward(engine, refusing_port)
    for _ in range(3):
        with connect(port) as s:
            assert closed_by_peer(s)
    st = status(engine, spec.id)
    assert st.failed_connections == 3 and st.state == "running"
    _, other = start_forward(engine, echo_server.port)
    assert echo_roundtrip(other) == b"still serving"


def test_resetting_target(engine: Engine, server_factory) -> None:
    def reset(conn: socket.socket) -> None:
        conn.recv(10)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")

    srv = server_factory(reset)
    spec, port = start_forward(engine, srv.port)
    for _ in range(3):
        with connect(port) as s:
            s.sendall(b"hi")
            assert closed_by_peer(s)
    assert wait_until(lambda: status(engine, spec.id).active_connections == 0)
    assert status(engine, spec.id).state == "running"


def test_silent_target_times_out_while_others_are_served(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    """A target that never completes the handshake: its accept queue is full."""
    never = socket.socket()
    never.bind(("127.0.0.1", 0))
    never.listen(0)
    filler = socket.create_connection(never.getsockname(), timeout=IO_TIMEOUT)
    try:
        spec, port = start_forward(engine, never.getsockname()[1], connect_timeout=0.5)
        _, good = start_forward(engine, echo_server.port)
        stuck = connect(port)
        start = time.monotonic()
        assert echo_roundtrip(good) == b"still serving"  # not stalled by the stuck one
        assert closed_by_peer(stuck)
        assert 0.4 <= time.monotonic() - start < 3
        stuck.close()
        st = status(engine, spec.id)
        assert st.failed_connections == 1 and st.active_connections == 0
    finally:
        filler.close()
        never.close()


def test_unresolvable_target_fails_at_start(engine: Engine) -> None:
    spec = forward_spec(80).replace(target_host="no-such-host.invalid")
    with pytest.raises(ConfigError, match="cannot be resolved"):
        engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT)


def test_port_in_use_is_a_listen_error(engine: Engine, echo_server: LoopbackServer) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        spec = forward_spec(echo_server.port, listen_port=busy.getsockname()[1])
        with pytest.raises(ListenError, match="already in use"):
            engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT)
    snap = engine.call(lambda: engine.snapshot(), IO_TIMEOUT)
    assert snap.tunnels == ()


def test_public_bind_needs_explicit_consent(engine: Engine) -> None:
    spec = forward_spec(80).replace(listen_host="0.0.0.0")
    with pytest.raises(ConfigError, match=r"listen_host: 0\.0\.0\.0 is not a loopback"):
        engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT)


def test_invalid_spec_lists_every_field(engine: Engine) -> None:
    spec = forward_spec(80).replace(target_port=0, nconnect=0, name=" ")
    with pytest.raises(ConfigError) as e:
        engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT)
    msg = str(e.value)
    assert "name:" in msg and "target_port:" in msg and "nconnect:" in msg
