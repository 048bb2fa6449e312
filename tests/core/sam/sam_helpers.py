"""Shared helpers for the SAM client tests (fast deadlines, connected stream pairs)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable

from fake_sam import FakeSam
from nethelpers import sock_recv_exactly

from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.connection import SamTimeouts

FAST = SamTimeouts(
    connect=2,
    hello=1,
    session_create=2,
    stream_connect=2,
    stream_status=2,
    naming=1,
    dest_generate=1,
    keepalive_interval=0.1,
)


async def until(pred: Callable[[], object], limit: float = 3.0) -> None:
    async with asyncio.timeout(limit):
        while not pred():
            await asyncio.sleep(0.01)


async def recv_exactly(sock: socket.socket, n: int) -> bytes:
    """The SAM tests' reads: against a fake bridge, within 5 s."""
    return await sock_recv_exactly(sock, n, limit=5)


async def pair(sam: FakeSam, **kw: object) -> tuple[SamSession, SamSession]:
    a, b = await asyncio.gather(
        SamSession.create(sam.address, timeouts=FAST, **kw),  # type: ignore[arg-type]
        SamSession.create(sam.address, timeouts=FAST, **kw),  # type: ignore[arg-type]
    )
    return a, b


async def connected(
    sam: FakeSam, a: SamSession, b: SamSession
) -> tuple[socket.socket, socket.socket, bytes, bytes, str]:
    accept = asyncio.ensure_future(b.stream_accept(time_limit=5))
    try:
        await sam.wait_accepts(b.nickname, 1)
        s1, rest1 = await a.stream_connect(b.b32)
        s2, peer, rest2 = await accept
    finally:
        accept.cancel()
    return s1, s2, rest1, rest2, peer.b32_address
