"""The SAM client on its own against the real i2pd 2.45.1 of the integration suite.

HELLO negotiation, SESSION CREATE with a stored key, b32 computed locally vs the
router's, NAMING LOOKUP, a 1 MiB stream both ways, and the router's error replies
mapped to typed errors. SESSION CREATE takes ~20 s on 2.45.1: both sessions in parallel.
"""

from __future__ import annotations

import asyncio
import os

import pytest
from nethelpers import sock_recv_exactly

from i2ptunnel_gui.core.sam import errors
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.connection import SamConnection, dest_generate, naming_lookup
from i2ptunnel_gui.core.sam.keys import b32_address

pytestmark = [pytest.mark.i2pd, pytest.mark.slow, pytest.mark.timeout(180)]

ZERO_HOP = {
    "inbound.length": "0",
    "outbound.length": "0",
    "inbound.quantity": "1",
    "outbound.quantity": "1",
}


@pytest.fixture
def sam(i2pd) -> str:
    return i2pd.sam_address


async def test_hello_grants_31(sam: str) -> None:
    conn = await SamConnection.open(sam)
    conn.close()
    assert conn.version == "3.1"


async def test_sessions_stream_naming_and_errors(sam: str) -> None:
    key = await dest_generate(sam)
    # the accepting side needs LS1 on a lone 2.45.1 floodfill (docs/I2PD.md §5)
    server, client = await asyncio.gather(
        SamSession.create(sam, private_key=key, options={**ZERO_HOP, "i2cp.leaseSetType": "1"}),
        SamSession.create(sam, options=ZERO_HOP),
    )
    try:
        assert server.b32 == key.b32_address == b32_address(server.private_key)
        assert await server.naming_lookup("ME") == server.destination
        assert await naming_lookup(sam, server.b32) == server.destination

        accept = asyncio.ensure_future(server.stream_accept(time_limit=60))
        await asyncio.sleep(0.2)
        out, early = await client.stream_connect(server.b32)
        loop = asyncio.get_running_loop()
        payload = os.urandom(1 << 20)
        await loop.sock_sendall(out, payload)
        inc, peer, rest = await accept
        assert peer.b32_address == client.b32
        got = rest + await sock_recv_exactly(inc, len(payload) - len(rest), limit=30)
        assert got == payload
        await loop.sock_sendall(inc, b"pong")
        assert early + await sock_recv_exactly(out, 4 - len(early), limit=30) == b"pong"
        inc.close()
        out.close()

        with pytest.raises(errors.SamPeerUnreachable):
            await client.stream_connect((await dest_generate(sam)).destination.b64)
        with pytest.raises(errors.SamInvalidKey):
            await client.stream_connect("nosuchhost.i2p")
        with pytest.raises(errors.SamInvalidKey):
            await naming_lookup(sam, "nosuchhost.i2p")
        assert not client.closed.is_set() and not server.closed.is_set()
    finally:
        server.close()
        client.close()
