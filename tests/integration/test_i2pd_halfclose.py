"""A local client that half-closes after its request, through a real i2pd 2.45.1.

i2pd ends BOTH directions of a SAM stream when either of its sockets sends FIN
(measured: the other direction's data in flight is lost), so the client tunnel
must not pass the local client's EOF on to its SAM stream (`remote_half_close=False`
in core/i2p/client.py): `nc -N`, HTTP/1.0 clients, `printf req | socat` would lose the
reply. Path: client -> our client tunnel -> i2pd -> our server tunnel -> a service
that reads the whole request, answers 256 KiB and closes.

One module-scoped pair of sessions (created in parallel: ~20 s) serves both tests.
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
    IO_TIMEOUT,
    ThreadedTarget,
    random_bytes,
    start_tunnel_pair,
)
from i2pd_router import I2pdRouter
from nethelpers import recv_exactly

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.status import TunnelStatus

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]

KIB = 1 << 10
REQUEST_LEN = 64 * KIB
EOF_WITHIN = 20.0  # the reply's end must arrive long before any idle timeout


class RequestReplyService(ThreadedTarget):
    """Per connection: read exactly REQUEST_LEN bytes (sha256 recorded), send
    `reply`, close. It never waits for an EOF, like an HTTP/1.0 server."""

    def __init__(self, reply: bytes) -> None:
        self.reply = reply
        self.requests: list[str] = []
        super().__init__()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(IO_TIMEOUT)
            try:
                request = recv_exactly(conn, REQUEST_LEN)
                self.requests.append(hashlib.sha256(request).hexdigest())
                conn.sendall(self.reply)
            except OSError:
                pass


@dataclass
class Pair:
    engine: Engine
    service: RequestReplyService
    server: TunnelStatus
    client: TunnelStatus

    def active(self, tunnel_id: str) -> int:
        snap = self.engine.call(lambda: self.engine.snapshot(tunnel_id), 10)
        return snap.tunnels[0].active_connections

    def request_then_half_close(self, request: bytes) -> tuple[bytes, float]:
        """Send `request`, shutdown(SHUT_WR), read to EOF: (reply, seconds to EOF)."""
        port = int(self.client.local_address.rpartition(":")[2])
        with socket.create_connection(("127.0.0.1", port), timeout=IO_TIMEOUT) as s:
            s.sendall(request)
            s.shutdown(socket.SHUT_WR)
            t0 = time.monotonic()
            s.settimeout(EOF_WITHIN)
            reply = bytearray()
            try:
                while chunk := s.recv(1 << 20):
                    reply += chunk
            except TimeoutError:
                pytest.fail(f"no EOF within {EOF_WITHIN:g} s after {len(reply)} reply bytes")
            return bytes(reply), time.monotonic() - t0


@pytest.fixture(scope="module")
def pair(i2pd: I2pdRouter, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    service = RequestReplyService(random_bytes(256 * KIB))
    try:
        engine, srv, cli = start_tunnel_pair(
            i2pd.sam_address, KeyStore(tmp_path_factory.mktemp("keys")), service.port,
            "halfclose")
        try:
            yield Pair(engine, service, srv, cli)
        finally:
            engine.shutdown(10)  # closes every SAM socket before the router stops
    finally:
        service.close()


def test_half_closed_client_gets_the_whole_reply(pair: Pair) -> None:
    request = random_bytes(REQUEST_LEN)
    reply, eof_after = pair.request_then_half_close(request)
    assert len(reply) == len(pair.service.reply), "the reply was cut short"
    assert reply == pair.service.reply
    assert hashlib.sha256(request).hexdigest() in pair.service.requests
    # the stream's end closed both tunnels' connections (no idle-timeout leftovers)
    deadline = time.monotonic() + 10
    while pair.active(pair.client.id) or pair.active(pair.server.id):
        assert time.monotonic() < deadline, "a connection stayed open after the reply"
        time.sleep(0.1)
    print(f"256 KiB reply after a half-close, EOF {eof_after:.2f} s after the request")


def test_concurrent_half_closed_clients(pair: Pair) -> None:
    requests = [random_bytes(REQUEST_LEN) for _ in range(4)]
    with concurrent.futures.ThreadPoolExecutor(len(requests)) as pool:
        results = list(pool.map(pair.request_then_half_close, requests))
    assert all(reply == pair.service.reply for reply, _ in results)
    wanted = {hashlib.sha256(r).hexdigest() for r in requests}
    assert wanted <= set(pair.service.requests)
