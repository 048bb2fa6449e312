"""A side that cannot carry a half-close (`*_half_close=False`: a SAM stream).

i2pd 2.45.1 ends BOTH directions of a SAM stream when either of its sockets sends
FIN, so the relay must not pass a local client's EOF on to such a socket: the
reply still has to come back. The connection then ends when that socket itself
ends (or by the idle timeout). Runs on both relays and both relay paths (awaited
`relay()`, which the I2P client uses, and `relay_detached()`).
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from nethelpers import (
    IO_TIMEOUT,
    closed_by_peer,
    connect,
    forward_spec,
    local_port,
    recv_all,
    recv_exactly,
    socket_count,
    wait_until,
)

from i2ptunnel_gui.core.connection import relay_class
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.forward import ForwardTunnel
from i2ptunnel_gui.core.kinds import KINDS
from i2ptunnel_gui.core.relay import CloseReason, RelayOptions
from i2ptunnel_gui.core.spec import TunnelKind

REQUEST = b"GET / HTTP/1.0\r\n\r\n"
REPLY = os.urandom(1 << 20)  # larger than socket buffers: backpressure takes part
StartKind = Callable[..., tuple[str, int]]  # (engine, kind, target_port, **spec) -> (id, port)
NO_EOF_WAIT = 0.3  # a passed-on EOF arrives within milliseconds on loopback


pytestmark = pytest.mark.usefixtures("relay_mode")  # every test on each relay


class HeldTargetTunnel(ForwardTunnel):
    """Its target stands in for a SAM stream, as in the I2P client (awaited path)."""

    detached_relay = False

    async def relay(self, local_sock, remote_sock, *, conn, **kw):
        kw["options"] = replace(kw.get("options") or self.relay_options, remote_half_close=False)
        return await super().relay(local_sock, remote_sock, conn=conn, **kw)


class HeldTargetDetachedTunnel(ForwardTunnel):
    """The same on the detached path (no task per connection)."""

    async def relay_detached(self, local_sock, remote_sock, *, conn, **kw):
        kw["options"] = replace(kw.get("options") or self.relay_options, remote_half_close=False)
        await super().relay_detached(local_sock, remote_sock, conn=conn, **kw)


@pytest.fixture(params=[HeldTargetTunnel, HeldTargetDetachedTunnel], ids=["awaited", "detached"])
def held_kind(request: pytest.FixtureRequest) -> type[ForwardTunnel]:
    kind: type[ForwardTunnel] = request.param
    return kind



@pytest.fixture
def start(monkeypatch: pytest.MonkeyPatch) -> StartKind:
    """Start a forward tunnel served by the test's kind (the registry entry swapped)."""

    def start(
        engine: Engine, kind: type[ForwardTunnel], target_port: int, **kw: Any
    ) -> tuple[str, int]:
        monkeypatch.setitem(KINDS, TunnelKind.FORWARD, kind)
        spec = forward_spec(target_port, **kw)
        return spec.id, local_port(engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT))

    return start


def active(engine: Engine, tunnel_id: str) -> int:
    return engine.call(lambda: engine.snapshot(tunnel_id), 5).tunnels[0].active_connections


def test_half_closed_client_gets_the_whole_reply(
    engine: Engine, server_factory: Any, held_kind: type[ForwardTunnel],
    start: StartKind,
) -> None:
    """Client: request, then shutdown(SHUT_WR). The held side sees no EOF, still
    answers in full; when it closes the client sees EOF and every socket is freed."""
    seen_by_target: list[str] = []
    close_target = threading.Event()

    def answer_without_eof(conn: socket.socket) -> None:
        assert recv_exactly(conn, len(REQUEST)) == REQUEST
        conn.settimeout(NO_EOF_WAIT)
        try:
            seen_by_target.append("EOF" if conn.recv(1) == b"" else "data")
        except TimeoutError:
            seen_by_target.append("nothing")
        conn.settimeout(IO_TIMEOUT)
        conn.sendall(REPLY)
        close_target.wait(IO_TIMEOUT)

    srv = server_factory(answer_without_eof)
    tunnel_id, port = start(engine, held_kind, srv.port)
    before = socket_count()
    with connect(port) as s:
        s.sendall(REQUEST)
        s.shutdown(socket.SHUT_WR)
        assert recv_exactly(s, len(REPLY)) == REPLY
        assert seen_by_target == ["nothing"], "the client's EOF reached the held side"
        s.settimeout(NO_EOF_WAIT)
        with pytest.raises(TimeoutError):  # open until the held side itself ends
            s.recv(1)
        assert active(engine, tunnel_id) == 1
        close_target.set()
        assert closed_by_peer(s)
        assert wait_until(lambda: active(engine, tunnel_id) == 0)
    assert wait_until(lambda: socket_count() == before), f"{socket_count() - before} sockets left"


def test_held_side_ending_ends_the_connection(
    engine: Engine, server_factory: Any, held_kind: type[ForwardTunnel],
    start: StartKind,
) -> None:
    """The held side answers and closes: the client gets it all and EOF, and the
    connection is over although the client never closed (nothing can reach a
    finished SAM stream any more)."""

    def answer_and_close(conn: socket.socket) -> None:
        recv_exactly(conn, len(REQUEST))
        conn.sendall(REPLY)

    srv = server_factory(answer_and_close)
    tunnel_id, port = start(engine, held_kind, srv.port)
    with connect(port) as s:
        s.sendall(REQUEST)
        assert recv_all(s) == REPLY
        # ended, not merely half-closed: the client has not closed its socket yet
        assert wait_until(lambda: active(engine, tunnel_id) == 0, timeout=3)


def test_idle_timeout_bounds_a_target_waiting_for_eof(
    engine: Engine, server_factory: Any, held_kind: type[ForwardTunnel],
    start: StartKind,
) -> None:
    """A held side that waits for an EOF which never comes: the idle timeout ends it."""
    waited: list[float] = []

    def wait_for_eof(conn: socket.socket) -> None:
        t0 = time.monotonic()
        recv_all(conn)  # returns when the relay closes the connection
        waited.append(time.monotonic() - t0)

    srv = server_factory(wait_for_eof)
    tunnel_id, port = start(engine, held_kind, srv.port, idle_timeout=0.5)
    with connect(port) as s:
        s.sendall(REQUEST)
        s.shutdown(socket.SHUT_WR)
        assert closed_by_peer(s, timeout=3)
    assert wait_until(lambda: waited)
    assert waited[0] >= 0.4, "the held side got an EOF instead of waiting for the timeout"
    assert wait_until(lambda: active(engine, tunnel_id) == 0)


def test_held_local_side_server_style(relay_mode: str) -> None:
    """`local_half_close=False` (an incoming SAM stream): the target's EOF is not
    passed on, the local side keeps sending, and its own EOF ends the relay."""

    async def main() -> tuple[CloseReason, int, int]:
        loop = asyncio.get_running_loop()
        local_app, local_relay = socket.socketpair()
        remote_relay, remote_app = socket.socketpair()
        for s in (local_app, remote_app):
            s.setblocking(False)
        relay = relay_class(relay_mode)(loop)
        task = asyncio.ensure_future(
            relay.run(
                local_relay, remote_relay, RelayOptions(idle_timeout=5, local_half_close=False)
            )
        )

        async def recv(s: socket.socket, n: int) -> bytes:
            buf = b""
            while len(buf) < n and (chunk := await loop.sock_recv(s, n - len(buf))):
                buf += chunk
            return buf

        async with asyncio.timeout(5):
            await loop.sock_sendall(remote_app, b"reply")
            remote_app.shutdown(socket.SHUT_WR)
            assert await recv(local_app, 5) == b"reply"
            with pytest.raises(TimeoutError):  # the target's EOF is held back
                async with asyncio.timeout(NO_EOF_WAIT):
                    await loop.sock_recv(local_app, 1)
            await loop.sock_sendall(local_app, b"late")
            assert await recv(remote_app, 4) == b"late"  # the other direction flows on
            local_app.shutdown(socket.SHUT_WR)  # the stream ended
            assert await loop.sock_recv(remote_app, 1) == b""
            assert await loop.sock_recv(local_app, 1) == b""
            reason = await task
        local_app.close()
        remote_app.close()
        return reason, relay.bytes_in, relay.bytes_out

    assert asyncio.run(main()) == (CloseReason.DONE, 4, 5)
