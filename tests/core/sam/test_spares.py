"""Spare SAM sockets (HELLO done ahead of STREAM CONNECT) against the fake bridge."""

from __future__ import annotations

import asyncio
import contextlib

from fake_sam import FakeSam
from sam_helpers import pair, recv_exactly, until

from i2ptunnel_gui.core.sam.spares import SpareSockets


async def test_a_spare_is_helloed_ahead_and_carries_the_next_stream() -> None:
    async with FakeSam() as sam:
        a, b = await pair(sam)
        pool = SpareSockets(a, size=2, refill_delay=0.0)
        filler = asyncio.ensure_future(pool.fill())
        try:
            await until(lambda: len(pool) == 2)
            accept = asyncio.ensure_future(b.stream_accept(time_limit=5))
            await sam.wait_accepts(b.nickname, 1)
            hellos = sam.received.count("HELLO VERSION MIN=3.1 MAX=3.1")
            spare = pool.take()
            assert spare is not None
            before = sam.connections
            s1, _ = await a.stream_connect(b.b32, via=spare)
            s2, peer, _ = await accept
            assert sam.connections == before  # no new socket, no HELLO on the way
            assert peer.b32_address == a.b32
            s1.sendall(b"ping")
            assert await recv_exactly(s2, 4) == b"ping"
            s1.close()
            s2.close()
            await until(lambda: len(pool) == 2)  # topped up after the take
            assert sam.received.count("HELLO VERSION MIN=3.1 MAX=3.1") == hellos + 1
        finally:
            filler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await filler
        assert len(pool) == 0  # closed with the filler
        a.close()
        b.close()
        await until(lambda: sam.open_connections == 0)


async def test_a_spare_the_router_closed_or_too_old_is_not_handed_out() -> None:
    async with FakeSam() as sam:
        a, b = await pair(sam)
        pool = SpareSockets(a, size=1)
        filler = asyncio.ensure_future(pool.fill())
        try:
            await until(lambda: len(pool) == 1)
            pool.max_age = 0.0
            assert pool.take() is None  # expired: closed, not returned
            pool.max_age = 30.0
            await until(lambda: len(pool) == 1)
            await sam.stop()  # the router drops every socket, spares included
            await asyncio.sleep(0.05)
            assert pool.take() is None  # peer closed: the peek sees EOF
        finally:
            filler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await filler
            a.close()
            b.close()


async def test_stopping_the_filler_closes_every_spare_and_a_dead_session_gives_none() -> None:
    async with FakeSam() as sam:
        a, b = await pair(sam)
        pool = SpareSockets(a, size=2)
        filler = asyncio.ensure_future(pool.fill())
        await until(lambda: len(pool) == 2)
        a.close()
        assert pool.take() is None  # the session is gone: its spares are worthless
        filler.cancel()  # the tunnel's TaskGroup does this when the session ends
        with contextlib.suppress(asyncio.CancelledError):
            await filler
        assert len(pool) == 0
        b.close()
        await until(lambda: sam.open_connections == 0)
