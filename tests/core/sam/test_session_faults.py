"""Session lifetime against the fake bridge: router loss, keepalive, naming, uvloop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import AsyncIterator

import pytest
import uvloop
from fake_sam import FakeSam, random_private_key
from sam_helpers import FAST, connected, pair, recv_exactly, until

from i2ptunnel_gui.core.sam import errors
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.connection import SamTimeouts, dest_generate, naming_lookup


@pytest.fixture
async def sam() -> AsyncIterator[FakeSam]:
    async with FakeSam() as fake:
        yield fake


async def test_router_closing_session_fires_closed(sam: FakeSam) -> None:
    s = await SamSession.create(sam.address, timeouts=FAST)
    pending = asyncio.ensure_future(s.stream_accept())
    await sam.wait_accepts(s.nickname, 1)
    assert not s.closed.is_set()
    sam.kill_session(s.nickname)
    await asyncio.wait_for(s.wait_closed(), 2)
    assert isinstance(s.close_reason, errors.SamConnectionClosed)
    assert s.nickname in str(s.close_reason)
    with pytest.raises(errors.SamConnectionClosed):  # the pending accept ends too
        await asyncio.wait_for(pending, 2)
    with pytest.raises(errors.SamConnectionClosed):  # and nothing new starts on a dead session
        await s.stream_connect(random_private_key().b32_address)


async def test_session_killed_mid_transfer(sam: FakeSam) -> None:
    a, b = await pair(sam)
    s1, s2, *_ = await connected(sam, a, b)
    loop = asyncio.get_running_loop()
    await loop.sock_sendall(s1, b"x" * 10000)
    assert len(await recv_exactly(s2, 10000)) == 10000
    sam.kill_session(b.nickname)
    await asyncio.wait_for(b.wait_closed(), 2)
    # both ends of the stream see the end (EOF or reset), nobody hangs
    for s in (s1, s2):
        with contextlib.suppress(ConnectionResetError):
            assert await recv_exactly(s, 1) == b""
        s.close()
    assert not a.closed.is_set()  # the other session is untouched
    a.close()


async def test_dropped_stream_keeps_session(sam: FakeSam) -> None:
    a, b = await pair(sam)
    s1, s2, *_ = await connected(sam, a, b)
    sam.drop_streams()
    for s in (s1, s2):
        with contextlib.suppress(ConnectionResetError):
            assert await recv_exactly(s, 1) == b""
        s.close()
    assert not a.closed.is_set() and not b.closed.is_set()
    s3, s4, *_ = await connected(sam, a, b)  # a new stream works at once
    s3.close()
    s4.close()
    a.close()
    b.close()


async def test_close_is_deliberate_and_idempotent(sam: FakeSam) -> None:
    s = await SamSession.create(sam.address, timeouts=FAST)
    s.close()
    s.close()
    assert s.closed.is_set() and s.close_reason is None
    await until(lambda: not sam.sessions)
    with pytest.raises(errors.SamConnectionClosed):
        await s.naming_lookup("ME")


async def test_router_restart_closes_sessions_and_new_ones_work(sam: FakeSam) -> None:
    key = random_private_key()
    s = await SamSession.create(sam.address, private_key=key, timeouts=FAST)
    await sam.stop()
    await asyncio.wait_for(s.wait_closed(), 2)
    with pytest.raises(errors.SamUnreachable):
        await SamSession.create(sam.address, private_key=key, timeouts=FAST)
    await sam.start()  # same port
    again = await SamSession.create(sam.address, private_key=key, timeouts=FAST)
    assert again.b32 == s.b32
    again.close()


async def test_no_ping_below_32(sam: FakeSam) -> None:
    s = await SamSession.create(sam.address, timeouts=FAST)  # keepalive 0.1 s, granted 3.1
    await asyncio.sleep(0.4)
    assert not any(line.startswith("PING") for line in sam.received)
    assert not s.closed.is_set()
    s.close()


async def test_keepalive_ping_on_33_and_dead_router_detected() -> None:
    async with FakeSam(versions=("3.0", "3.1", "3.2", "3.3")) as sam:
        s = await SamSession.create(sam.address, timeouts=FAST)
        assert s.supports_ping and s.concurrent_accepts
        await until(lambda: sum(line.startswith("PING") for line in sam.received) >= 3)
        assert not s.closed.is_set()  # every PING got its PONG
        s.close()
        sam.hang.add("PING")  # a router that stops answering on the control socket
        s2 = await SamSession.create(sam.address, timeouts=FAST)
        await asyncio.wait_for(s2.wait_closed(), 2)
        assert isinstance(s2.close_reason, errors.SamTimeout)


async def test_router_ping_gets_pong() -> None:
    async with FakeSam(versions=("3.1", "3.2", "3.3")) as sam:
        s = await SamSession.create(sam.address, timeouts=SamTimeouts(keepalive_interval=0))
        sam.sessions[s.nickname].control.write(b"PING abc 1\n")
        await until(lambda: "PONG abc 1" in sam.received)
        await asyncio.sleep(0.05)
        assert not s.closed.is_set()
        s.close()


async def test_garbage_on_control_socket_ends_session(sam: FakeSam) -> None:
    s = await SamSession.create(sam.address, timeouts=FAST)
    sam.sessions[s.nickname].control.write(b"\x00\xff junk\n")
    await asyncio.wait_for(s.wait_closed(), 2)
    assert isinstance(s.close_reason, errors.SamProtocolError)


async def test_naming_lookup_me_b32_and_unknown(sam: FakeSam) -> None:
    a, b = await pair(sam)
    assert await a.naming_lookup("ME") == a.destination
    assert await a.naming_lookup(b.b32) == b.destination
    assert await naming_lookup(sam.address, a.b32, timeouts=FAST) == a.destination
    with pytest.raises(errors.SamInvalidKey):
        await a.naming_lookup(random_private_key().b32_address)
    with pytest.raises(errors.SamInputError):
        await a.naming_lookup("bad name")
    assert not a.closed.is_set()  # a refused lookup does not hurt the session
    sam.names["site.i2p"] = b.destination
    assert await a.naming_lookup("site.i2p") == b.destination
    a.close()
    b.close()


async def test_naming_me_timeout_ends_session(sam: FakeSam) -> None:
    s = await SamSession.create(sam.address, timeouts=SamTimeouts(naming=0.2))
    sam.hang.add("NAMING LOOKUP")
    with pytest.raises(errors.SamTimeout):
        await s.naming_lookup("ME")
    assert s.closed.is_set()  # replies are ordered: the socket cannot be trusted any more


async def test_dest_generate(sam: FakeSam) -> None:
    key = await dest_generate(sam.address, timeouts=FAST)
    assert len(key.raw) == 679 and key.destination.sig_type.code == 7
    assert sam.received[-1] == "DEST GENERATE SIGNATURE_TYPE=7"
    sam.replies["DEST GENERATE"] = [f"DEST REPLY PUB=AAAA PRIV={key.b64}\n".encode()]
    with pytest.raises(errors.SamProtocolError, match="PUB does not match"):
        await dest_generate(sam.address, timeouts=FAST)


async def test_private_keys_never_logged(sam: FakeSam, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="i2ptunnel_gui")
    key = random_private_key()
    s = await SamSession.create(sam.address, private_key=key, timeouts=FAST)
    await s.naming_lookup("ME")
    s.close()
    assert "SESSION CREATE" in caplog.text and "SESSION STATUS" in caplog.text
    assert key.b64[:60] not in caplog.text
    assert key.b64[-60:] not in caplog.text


def test_end_to_end_on_uvloop() -> None:
    """The engine loop is uvloop: add_reader + sock_* must behave the same there."""

    async def body() -> None:
        async with FakeSam() as sam:
            a, b = await pair(sam)
            s1, s2, _, _, peer = await connected(sam, a, b)
            assert peer == a.b32
            await asyncio.get_running_loop().sock_sendall(s1, b"uv")
            assert await recv_exactly(s2, 2) == b"uv"
            s1.close()
            s2.close()
            sam.kill_session(a.nickname)
            await asyncio.wait_for(a.wait_closed(), 2)
            b.close()

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(body())


def test_sockets_handed_over_are_plain_nonblocking() -> None:
    async def body() -> tuple[socket.socket, socket.socket]:
        async with FakeSam() as sam:
            a, b = await pair(sam)
            s1, s2, *_ = await connected(sam, a, b)
            a.close()
            b.close()
            return s1, s2

    s1, s2 = asyncio.run(body())
    for s in (s1, s2):
        assert s.type == socket.SOCK_STREAM and not s.getblocking()
        s.close()


@pytest.mark.parametrize("loop_factory", [asyncio.new_event_loop, uvloop.new_event_loop])
def test_handed_over_socket_works_as_transport(loop_factory: object) -> None:
    """The relay wraps SAM sockets with connect_accepted_socket: that must work on both
    loops after the client used loop.sock_* on them."""

    class Collect(asyncio.Protocol):
        def __init__(self) -> None:
            self.data = b""
            self.eof = asyncio.get_running_loop().create_future()

        def data_received(self, data: bytes) -> None:
            self.data += data

        def eof_received(self) -> None:
            self.eof.set_result(None)

    async def body() -> None:
        async with FakeSam() as sam:
            a, b = await pair(sam)
            s1, s2, *_ = await connected(sam, a, b)
            loop = asyncio.get_running_loop()
            transport, proto = await loop.connect_accepted_socket(Collect, s2)
            await loop.sock_sendall(s1, b"through the relay")
            s1.shutdown(socket.SHUT_WR)
            await asyncio.wait_for(proto.eof, 3)
            assert proto.data == b"through the relay"
            transport.close()
            s1.close()
            a.close()
            b.close()

    with asyncio.Runner(loop_factory=loop_factory) as runner:  # type: ignore[arg-type]
        runner.run(body())
