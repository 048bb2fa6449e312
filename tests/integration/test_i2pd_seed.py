"""The seed's blocking API (TunnelServer / TunnelClient) through a real i2pd."""

from __future__ import annotations

import hashlib
import socket
import time

import pytest
from i2pd_helpers import ACCEPTING, CONNECTING, BulkTarget, exchange, random_bytes
from i2pd_router import I2pdRouter
from nethelpers import free_port

from i2ptunnel_gui.core.sam.keys import parse_destination
from i2ptunnel_gui.tunnel import TunnelClient, TunnelServer

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]


def test_seed_tunnel_server_and_client_round_trip(i2pd: I2pdRouter) -> None:
    size = 256 * 1024
    target = BulkTarget(random_bytes(size), up_len=size)
    server = client = None
    try:
        server = TunnelServer("seedserver", target.port, samaddr=i2pd.sam_address, **ACCEPTING)
        assert server.session == "seedserver"
        assert parse_destination(server.dest).b32_address == server.b32
        port = free_port()
        client = TunnelClient(
            "seedclient", port, server.dest, samaddr=i2pd.sam_address, nconnect=4, **CONNECTING
        )
        assert client.remotedest == server.dest and client.session == "seedclient"
        assert parse_destination(client.dest).b32_address != server.b32
        up = random_bytes(size)
        assert exchange(port, up, size) == target.down
        deadline = time.monotonic() + 10
        while hashlib.sha256(up).hexdigest() not in target.received:
            assert time.monotonic() < deadline, "upload never arrived complete"
            time.sleep(0.05)
        client.close()
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
    finally:
        for t in (client, server):  # every SAM socket closed before the router stops
            if t is not None:
                t.close()
        target.close()
