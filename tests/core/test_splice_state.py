"""The splice relay's per-connection state: no per-direction object (a direction's
state is a pooled pipe while bytes sit in it, and two bits), and TCP_NODELAY set
once on a forward tunnel's listener, which every accepted socket inherits."""

from __future__ import annotations

import asyncio
import socket

import pytest
from nethelpers import IO_TIMEOUT, LoopbackServer, connect, forward_spec, local_port, recv_exactly

from i2ptunnel_gui.core import splice, splice_hub
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.relay import CloseReason
from i2ptunnel_gui.core.splice import SpliceRelay

pytestmark = pytest.mark.skipif(not splice.available(), reason="os.splice is Linux only")


def nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_accepted_sockets_inherit_nodelay_from_the_listener() -> None:
    with socket.create_server(("127.0.0.1", 0)) as lsock:
        splice.no_delay(lsock)
        with socket.create_connection(lsock.getsockname(), timeout=IO_TIMEOUT) as client:
            accepted, _ = lsock.accept()
            with accepted:
                assert nodelay(accepted) == 1
                assert nodelay(client) == 0  # set on the listener only, not process-wide


def test_forward_relays_both_sockets_without_nagle(
    engine: Engine, echo_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("I2PTUNNEL_RELAY", "splice")
    spec = forward_spec(echo_server.port)
    port = local_port(engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT))
    with connect(port) as s:
        s.sendall(b"x")
        assert recv_exactly(s, 1) == b"x"

        async def relayed_nodelay() -> list[int]:
            conns = list(engine._tunnels[spec.id]._conns.values())
            relay = conns[0].relay
            # joined at accept: the accepted side is a bare fd, no socket object
            assert isinstance(relay, SpliceRelay) and relay._local is None and relay._remote
            with socket.fromfd(relay._lfd, socket.AF_INET, socket.SOCK_STREAM) as local:
                return [nodelay(local), nodelay(relay._remote)]

        assert engine.call(relayed_nodelay, IO_TIMEOUT) == [1, 1]


async def test_directions_hold_no_pipe_between_events_and_half_close() -> None:
    loop = asyncio.get_running_loop()
    local, local_peer = socket.socketpair()
    remote, remote_peer = socket.socketpair()
    for s in (local, remote, local_peer, remote_peer):
        s.setblocking(False)
    relay = SpliceRelay(loop)
    ran = asyncio.ensure_future(relay.run(local, remote))
    try:
        await loop.sock_sendall(local_peer, b"up")
        assert await asyncio.wait_for(loop.sock_recv(remote_peer, 2), IO_TIMEOUT) == b"up"
        await loop.sock_sendall(remote_peer, b"down")
        assert await asyncio.wait_for(loop.sock_recv(local_peer, 4), IO_TIMEOUT) == b"down"
        assert (relay._pipe_in, relay._pipe_out) == (None, None)  # back in the pool
        assert relay.pipes is splice_hub.hub_of(loop).pipes and relay.pipes  # the loop's
        local_peer.shutdown(socket.SHUT_WR)
        assert await asyncio.wait_for(loop.sock_recv(remote_peer, 1), IO_TIMEOUT) == b""
        assert relay.half_closed and not relay.closed
        await loop.sock_sendall(remote_peer, b"late")  # the other way still carries bytes
        assert await asyncio.wait_for(loop.sock_recv(local_peer, 4), IO_TIMEOUT) == b"late"
        remote_peer.shutdown(socket.SHUT_WR)
        assert await asyncio.wait_for(ran, IO_TIMEOUT) == CloseReason.DONE
        assert not relay.half_closed
        assert (relay.bytes_in, relay.bytes_out) == (2, 8)
        assert local.fileno() == remote.fileno() == -1  # the relay closed both
    finally:
        ran.cancel()
        local_peer.close()
        remote_peer.close()
