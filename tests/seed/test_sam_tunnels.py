"""The seed's TunnelServer / TunnelClient (blocking API) against the fake SAM bridge."""

from __future__ import annotations

import socket

import pytest
from fake_router import FakeRouter
from nethelpers import LoopbackServer, free_port, recv_exactly

from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.sam.errors import SamUnreachable
from i2ptunnel_gui.core.sam.keys import parse_destination
from i2ptunnel_gui.tunnel import TunnelClient, TunnelServer


def test_seed_server_and_client_round_trip(fake: FakeRouter, echo_server: LoopbackServer) -> None:
    port = free_port()
    options = {"inbound.length": 2}
    with TunnelServer("seedsrv", echo_server.port, samaddr=fake.address, **options) as srv:
        assert srv.session == "seedsrv"
        assert parse_destination(srv.dest).b32_address == srv.b32
        create = next(r for r in fake.sam.received if r.startswith("SESSION CREATE"))
        assert "ID=seedsrv" in create and "inbound.length=2" in create
        with TunnelClient("seedcli", port, srv.b32, samaddr=fake.address, nconnect=2) as cli:
            assert (cli.session, cli.remotedest) == ("seedcli", srv.b32)
            assert parse_destination(cli.dest).b32_address == cli.b32 != srv.b32
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(b"seed round trip")
                assert recv_exactly(s, 15) == b"seed round trip"
        with pytest.raises(ConnectionRefusedError):  # closed: the port is free again
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
        assert srv.status().state.value == "running"


def test_seed_server_with_unreachable_router_raises() -> None:
    dead = f"127.0.0.1:{free_port()}"
    with pytest.raises(SamUnreachable, match=dead):
        TunnelServer("nobody", 80, samaddr=dead)


def test_seed_client_rejects_a_bad_destination(fake: FakeRouter) -> None:
    with pytest.raises(ConfigError, match="destination"):
        TunnelClient("bad", free_port(), "nonsense", samaddr=fake.address)
