"""The relay through a forward tunnel: bytes, half-close, backpressure.

Most run on each relay (the `relay_mode` fixture).
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading

import pytest
from nethelpers import (
    IO_TIMEOUT,
    LoopbackServer,
    closed_by_peer,
    connect,
    fd_count,
    forward_spec,
    local_port,
    recv_all,
    recv_exactly,
    start_forward,
    wait_until,
)

from i2ptunnel_gui.core import splice
from i2ptunnel_gui.core.connection import relay_class
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.forward import ForwardTunnel
from i2ptunnel_gui.core.kinds import KINDS
from i2ptunnel_gui.core.relay import CloseReason, RelayOptions
from i2ptunnel_gui.core.spec import TunnelKind


@pytest.mark.usefixtures("relay_mode")
def test_16mib_random_echo_is_byte_exact(any_engine: Engine, echo_server: LoopbackServer) -> None:
    spec, port = start_forward(any_engine, echo_server.port)
    data = os.urandom(16 << 20)
    with connect(port) as s:

        def send() -> None:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)

        sender = threading.Thread(target=send)
        sender.start()
        got = recv_all(s)
        sender.join(IO_TIMEOUT)
    assert len(got) == len(data)
    assert got == data
    snap = any_engine.call(lambda: any_engine.snapshot(spec.id), IO_TIMEOUT)
    st = snap.tunnels[0]
    assert wait_until(
        lambda: (
            any_engine.call(lambda: any_engine.snapshot(spec.id), 5).tunnels[0].active_connections
            == 0
        )
    )
    assert st.bytes_in == len(data) and st.bytes_out == len(data)
    assert st.total_connections == 1


@pytest.mark.usefixtures("relay_mode")
def test_half_close_client_to_target(any_engine: Engine, server_factory) -> None:
    """Client shuts down writing; the target sees EOF and can still answer after it."""

    def upper_after_eof(conn: socket.socket) -> None:
        request = recv_all(conn)  # returns only once the client's EOF arrived
        conn.sendall(request.upper())
        conn.sendall(b"|after-eof")
        conn.shutdown(socket.SHUT_WR)

    srv = server_factory(upper_after_eof)
    _, port = start_forward(any_engine, srv.port)
    with connect(port) as s:
        s.sendall(b"hello")
        s.shutdown(socket.SHUT_WR)
        assert recv_all(s) == b"HELLO|after-eof"


@pytest.mark.usefixtures("relay_mode")
def test_half_close_target_to_client(any_engine: Engine, server_factory) -> None:
    """The target closes its writing side first; the client still sends afterwards."""
    received: list[bytes] = []

    def banner_then_read(conn: socket.socket) -> None:
        conn.sendall(b"banner")
        conn.shutdown(socket.SHUT_WR)
        received.append(recv_all(conn))

    srv = server_factory(banner_then_read)
    _, port = start_forward(any_engine, srv.port)
    with connect(port) as s:
        assert recv_all(s) == b"banner"  # EOF from the target reached us
        s.sendall(b"late data")  # our direction is still open
        s.shutdown(socket.SHUT_WR)
        assert wait_until(lambda: received == [b"late data"])


@pytest.mark.usefixtures("relay_mode")
def test_backpressure_bounds_buffering(engine: Engine, server_factory) -> None:
    """A target that does not read stops the relay reading from the client."""
    release = threading.Event()

    def slow_reader(conn: socket.socket) -> None:
        release.wait(IO_TIMEOUT)
        recv_all(conn)

    srv = server_factory(slow_reader)
    spec, port = start_forward(engine, srv.port)
    with connect(port) as s:
        s.settimeout(0.5)
        sent = 0
        chunk = b"x" * 65536
        try:
            while sent < 256 << 20:
                sent += s.send(chunk)
        except TimeoutError:
            pass  # our send buffer filled: the relay stopped reading
        relayed = engine.call(lambda: engine.snapshot(spec.id), 5).tunnels[0].bytes_in
        assert sent < 64 << 20, "the relay kept reading from a client nobody drains"
        assert relayed <= sent
        release.set()
        s.shutdown(socket.SHUT_WR)
    assert wait_until(
        lambda: engine.call(lambda: engine.snapshot(spec.id), 5).tunnels[0].bytes_in == sent
    )


@pytest.mark.parametrize("mode", ["protocol", "splice"])
def test_pending_bytes_are_written_first(mode: str) -> None:
    """Bytes already read past a handshake go out before anything read later."""
    if mode == "splice" and not splice.available():
        pytest.skip("os.splice is Linux-only")

    async def main() -> tuple[bytes, bytes, CloseReason, int, int]:
        loop = asyncio.get_running_loop()
        local_app, local_relay = socket.socketpair()
        remote_relay, remote_app = socket.socketpair()
        for s in (local_app, remote_app):
            s.setblocking(False)
        relay = relay_class(mode)(loop)
        task = asyncio.ensure_future(
            relay.run(
                local_relay,
                remote_relay,
                RelayOptions(local_pending=b"L0|", remote_pending=b"R0|", idle_timeout=5),
            )
        )
        await loop.sock_sendall(local_app, b"L1")
        await loop.sock_sendall(remote_app, b"R1")
        local_app.shutdown(socket.SHUT_WR)
        remote_app.shutdown(socket.SHUT_WR)

        async def read_all(s: socket.socket) -> bytes:
            buf = b""
            while chunk := await loop.sock_recv(s, 4096):
                buf += chunk
            return buf

        async with asyncio.timeout(5):
            at_remote = await read_all(remote_app)
            at_local = await read_all(local_app)
            reason = await task
        local_app.close()
        remote_app.close()
        return at_remote, at_local, reason, relay.bytes_in, relay.bytes_out

    at_remote, at_local, reason, bytes_in, bytes_out = asyncio.run(main())
    assert at_remote == b"L0|L1"
    assert at_local == b"R0|R1"
    assert reason is CloseReason.DONE
    assert (bytes_in, bytes_out) == (5, 5)


@pytest.mark.usefixtures("relay_mode")
def test_peer_reset_ends_the_connection(engine: Engine, echo_server: LoopbackServer) -> None:
    spec, port = start_forward(engine, echo_server.port)
    s = connect(port)
    s.sendall(b"ping")
    assert recv_exactly(s, 4) == b"ping"
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()  # RST
    assert wait_until(
        lambda: engine.call(lambda: engine.snapshot(spec.id), 5).tunnels[0].active_connections == 0
    )


class WrappedRelayTunnel(ForwardTunnel):
    """A kind that wraps `relay()` (as the I2P client does) takes the awaited path."""

    detached_relay = False
    wrapped = 0

    async def relay(self, local_sock, remote_sock, *, conn, options=None):
        WrappedRelayTunnel.wrapped += 1
        return await super().relay(local_sock, remote_sock, conn=conn)


@pytest.mark.usefixtures("relay_mode")
def test_awaited_relay_path_keeps_every_promise(
    engine: Engine, server_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def upper_after_eof(conn: socket.socket) -> None:
        conn.sendall(recv_all(conn).upper())
        conn.shutdown(socket.SHUT_WR)

    WrappedRelayTunnel.wrapped = 0
    srv = server_factory(upper_after_eof)
    spec = forward_spec(srv.port, idle_timeout=0.6)
    monkeypatch.setitem(KINDS, TunnelKind.FORWARD, WrappedRelayTunnel)
    port = local_port(engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT))
    with connect(port) as s:  # half-close through the awaited relay
        s.sendall(b"abc")
        s.shutdown(socket.SHUT_WR)
        assert recv_all(s) == b"ABC"
    with connect(port) as quiet:  # idle timeout via the tunnel's sweeper
        assert closed_by_peer(quiet)
    held = connect(port)
    assert wait_until(
        lambda: engine.call(lambda: engine.snapshot(spec.id), 5).tunnels[0].active_connections
        == 1
    )
    assert wait_until(lambda: srv.accepted == 3)  # the server's fd exists before we count
    before_stop = fd_count()
    engine.call(lambda: engine.stop_tunnel(spec.id), IO_TIMEOUT)
    assert fd_count() <= before_stop - 3  # listener + both sides of the held connection
    assert closed_by_peer(held)
    held.close()
    assert WrappedRelayTunnel.wrapped == 3
