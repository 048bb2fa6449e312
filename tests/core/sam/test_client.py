"""The asyncio SAM client against the in-process fake bridge: real sockets, faults."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator

import pytest
from fake_sam import FakeSam, random_private_key
from sam_helpers import FAST, connected, pair, recv_exactly, until

from i2ptunnel_gui.core.sam import errors
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.connection import SamConnection, SamTimeouts


@pytest.fixture
async def sam() -> AsyncIterator[FakeSam]:
    async with FakeSam() as fake:
        yield fake


# ---------------------------------------------------------------- HELLO


@pytest.mark.parametrize(
    ("versions", "granted", "hellos"),
    [
        (("3.0", "3.1"), "3.1", ["HELLO VERSION MIN=3.1 MAX=3.3"]),
        (("3.0", "3.1", "3.2", "3.3"), "3.3", ["HELLO VERSION MIN=3.1 MAX=3.3"]),
        (("3.0",), "3.0", ["HELLO VERSION MIN=3.1 MAX=3.3", "HELLO VERSION MIN=3.0 MAX=3.0"]),
    ],
)
async def test_hello_asks_highest_then_falls_back(
    versions: tuple[str, ...], granted: str, hellos: list[str]
) -> None:
    async with FakeSam(versions=versions) as fake:
        conn = await SamConnection.open(fake.address, timeouts=FAST)
        conn.close()
        assert conn.version == granted
        assert fake.received == hellos


async def test_hello_with_credentials_needs_32(sam: FakeSam) -> None:
    with pytest.raises(errors.SamNoVersion):
        await SamConnection.open(sam.address, timeouts=FAST, user="u", password="p")
    assert sam.received == ["HELLO VERSION MIN=3.2 MAX=3.3 USER=u PASSWORD=p"]


async def test_hello_refused_noversion_and_i2p_error(sam: FakeSam) -> None:
    sam.replies["HELLO VERSION"] = [b"HELLO REPLY RESULT=NOVERSION\n"] * 2
    with pytest.raises(errors.SamNoVersion):
        await SamConnection.open(sam.address, timeouts=FAST)
    sam.replies["HELLO VERSION"] = [b'HELLO REPLY RESULT=I2P_ERROR MESSAGE="bad login"\n']
    with pytest.raises(errors.SamRouterError, match="bad login") as info:
        await SamConnection.open(sam.address, timeouts=FAST)
    assert info.value.message == "bad login"
    await until(lambda: sam.open_connections == 0)


async def test_unreachable_bridge_names_host_and_port() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: connection refused
        with pytest.raises(errors.SamUnreachable, match=f"127.0.0.1:{port}") as info:
            await SamConnection.open(f"127.0.0.1:{port}", timeouts=FAST)
    assert isinstance(info.value, ConnectionError)


async def test_bad_sam_address_is_input_error() -> None:
    with pytest.raises(errors.SamInputError, match="SAM address"):
        await SamConnection.open("no-port-here", timeouts=FAST)


@pytest.mark.parametrize(
    "garbage",
    [
        b"\xff\xfe\n",
        b"SSH-2.0-OpenSSH\n",
        b"HELLO REPLY RESULT=OK VERSION=x.y\n",
        b'HELLO REPLY MESSAGE="open\n',
        b"A" * 40000,
        b"STREAM STATUS RESULT=OK\n",
        b"HELLO REPLY RESULT=OK VERSION=4.0\n",
    ],
)
async def test_garbage_hello_reply_is_protocol_error(sam: FakeSam, garbage: bytes) -> None:
    sam.replies["HELLO VERSION"] = [garbage]
    with pytest.raises(errors.SamProtocolError):
        await SamConnection.open(sam.address, timeouts=FAST)
    await until(lambda: sam.open_connections == 0)


async def test_slow_and_silent_bridge_time_out_and_close(sam: FakeSam) -> None:
    quick = SamTimeouts(hello=0.2)
    sam.delay["HELLO VERSION"] = 2
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    with pytest.raises(errors.SamTimeout, match=sam.address) as info:
        await SamConnection.open(sam.address, timeouts=quick)
    assert isinstance(info.value, TimeoutError) and loop.time() - t0 < 1.0
    del sam.delay["HELLO VERSION"]
    sam.hang.add("HELLO VERSION")
    with pytest.raises(errors.SamTimeout):
        await SamConnection.open(sam.address, timeouts=quick)
    await until(lambda: sam.open_connections == 0)


async def test_bridge_closing_without_reply(sam: FakeSam) -> None:
    sam.close_on.add("HELLO VERSION")
    with pytest.raises(errors.SamConnectionClosed, match="closed the connection"):
        await SamConnection.open(sam.address, timeouts=FAST)


# ---------------------------------------------------------------- sessions


async def test_transient_session_with_defaults_and_options(sam: FakeSam) -> None:
    async with await SamSession.create(
        sam.address, timeouts=FAST, options={"inbound.length": "0", "outbound.nickname": "a-b"}
    ) as s:
        assert s.b32.endswith(".b32.i2p") and len(s.b32) == 60
        assert len(s.destination) == 524 and len(s.private_key) == 679
        assert s.version == "3.1" and not s.supports_ping
        create = next(line for line in sam.received if line.startswith("SESSION CREATE"))
        assert "DESTINATION=TRANSIENT SIGNATURE_TYPE=7" in create
        assert "i2cp.leaseSetEncType=4,0" in create and "inbound.length=0" in create
        assert "outbound.nickname=a-b" in create
        assert sam.sessions[s.nickname].key.raw == s.private_key


async def test_stored_key_gives_same_b32_across_sessions(sam: FakeSam) -> None:
    key = random_private_key()
    s1 = await SamSession.create(sam.address, private_key=key.raw, timeouts=FAST)
    b32 = s1.b32
    s1.close()
    await until(lambda: not sam.sessions)
    s2 = await SamSession.create(sam.address, private_key=key.b64, timeouts=FAST)
    assert s2.b32 == b32 == key.b32_address and s2.private_key == key.raw
    assert "SIGNATURE_TYPE" not in sam.received[-1]
    s2.close()


async def test_unusable_stored_key_rejected_before_sending(sam: FakeSam) -> None:
    with pytest.raises(errors.SamInputError, match="stored private key"):
        await SamSession.create(sam.address, private_key=b"\x00" * 100, timeouts=FAST)
    assert sam.connections == 0


async def test_duplicated_id_retries_with_new_nickname(sam: FakeSam) -> None:
    sam.replies["SESSION CREATE"] = [b"SESSION STATUS RESULT=DUPLICATED_ID\n"]
    s = await SamSession.create(sam.address, nickname="taken", timeouts=FAST)
    assert s.nickname != "taken" and s.nickname in sam.sessions
    s.close()
    sam.replies["SESSION CREATE"] = [b"SESSION STATUS RESULT=DUPLICATED_ID\n"] * 3
    with pytest.raises(errors.SamDuplicatedId):
        await SamSession.create(sam.address, timeouts=FAST)


@pytest.mark.parametrize(
    ("reply", "exc", "text"),
    [
        (b"SESSION STATUS RESULT=INVALID_KEY\n", errors.SamInvalidKey, "invalid key"),
        (b"SESSION STATUS RESULT=DUPLICATED_DEST\n", errors.SamDuplicatedDest, "already in use"),
        (
            b'SESSION STATUS RESULT=I2P_ERROR MESSAGE="Unknown STYLE"\n',
            errors.SamRouterError,
            "Unknown STYLE",
        ),
        (b"SESSION STATUS RESULT=OK DESTINATION=AAAA\n", errors.SamProtocolError, "unusable key"),
        (b"SESSION STATUS RESULT=OK\n", errors.SamProtocolError, "unusable key"),
    ],
)
async def test_session_create_refusals(
    sam: FakeSam, reply: bytes, exc: type[Exception], text: str
) -> None:
    sam.replies["SESSION CREATE"] = [reply]
    with pytest.raises(exc, match=text):
        await SamSession.create(sam.address, timeouts=FAST)
    await until(lambda: sam.open_connections == 0)


async def test_session_create_timeout_and_cancel_close_the_socket(sam: FakeSam) -> None:
    sam.hang.add("SESSION CREATE")
    with pytest.raises(errors.SamTimeout, match="SESSION CREATE"):
        await SamSession.create(sam.address, timeouts=SamTimeouts(session_create=0.3))
    await until(lambda: sam.open_connections == 0)
    task = asyncio.ensure_future(SamSession.create(sam.address, timeouts=FAST))
    await until(lambda: sam.open_connections == 1 and len(sam.received) >= 4)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await until(lambda: sam.open_connections == 0)


# ---------------------------------------------------------------- streams


async def test_connect_accept_carry_data_both_ways_with_half_close(sam: FakeSam) -> None:
    a, b = await pair(sam)
    s1, s2, rest1, rest2, peer = await connected(sam, a, b)
    loop = asyncio.get_running_loop()
    assert peer == a.b32 and rest1 == rest2 == b""
    assert not s1.getblocking() and not s2.getblocking()
    payload = bytes(range(256)) * 4096  # 1 MiB
    await asyncio.gather(loop.sock_sendall(s1, payload), recv_exactly(s2, 0))
    assert await recv_exactly(s2, len(payload)) == payload
    await loop.sock_sendall(s2, b"reply")
    assert await recv_exactly(s1, 5) == b"reply"
    s1.shutdown(socket.SHUT_WR)
    assert await recv_exactly(s2, 1) == b""  # EOF travels; the other way still works
    await loop.sock_sendall(s2, b"after")
    assert await recv_exactly(s1, 5) == b"after"
    for s in (s1, s2):
        s.close()
    a.close()
    b.close()


async def test_bytes_after_header_lines_are_returned(sam: FakeSam) -> None:
    a, b = await pair(sam)
    sam.coalesce_peer_line = True
    accept = asyncio.ensure_future(b.stream_accept(time_limit=5))
    await sam.wait_accepts(b.nickname, 1)
    s1, _ = await a.stream_connect(b.destination)
    await asyncio.get_running_loop().sock_sendall(s1, b"first bytes")
    s2, peer, rest = await accept
    assert rest == b"first bytes" and peer.b64 == a.destination
    sam.replies["STREAM CONNECT"] = [b"STREAM STATUS RESULT=OK\nearly data"]
    s3, rest3 = await a.stream_connect(b.b32)
    assert rest3 == b"early data"
    for s in (s1, s2, s3):
        s.close()
    a.close()
    b.close()


async def test_pending_accepts_pool(sam: FakeSam) -> None:
    a, b = await pair(sam)
    accepts = [asyncio.ensure_future(b.stream_accept()) for _ in range(5)]
    await sam.wait_accepts(b.nickname, 5)
    conns = [await a.stream_connect(b.b32) for _ in range(5)]
    results = await asyncio.wait_for(asyncio.gather(*accepts), 5)
    assert {r[1].b32_address for r in results} == {a.b32}
    for s, *_ in [*conns, *results]:
        s.close()
    a.close()
    b.close()


@pytest.mark.parametrize(
    ("dest", "reply", "exc"),
    [
        ("AAAA", None, errors.SamInvalidKey),
        ("peer", b"STREAM STATUS RESULT=CANT_REACH_PEER\n", errors.SamPeerUnreachable),
        (
            "peer",
            b'SESSION STATUS RESULT=I2P_ERROR MESSAGE="Socket already in use"\n',
            errors.SamRouterError,
        ),
        ("peer", b"STREAM STATUS RESULT=TIMEOUT\n", errors.SamTimeout),
        ("peer", b"NAMING REPLY RESULT=OK\n", errors.SamProtocolError),
    ],
)
async def test_stream_connect_errors(
    sam: FakeSam, dest: str, reply: bytes | None, exc: type[Exception]
) -> None:
    a = await SamSession.create(sam.address, timeouts=FAST)
    if reply is not None:
        sam.replies["STREAM CONNECT"] = [reply]
    with pytest.raises(exc):
        await a.stream_connect(random_private_key().b32_address if dest == "peer" else dest)
    await until(lambda: sam.open_connections == 1)  # only the session's control socket
    a.close()


async def test_connect_to_absent_peer_is_cant_reach(sam: FakeSam) -> None:
    sam.accept_wait = 0.1
    a, b = await pair(sam)
    with pytest.raises(errors.SamPeerUnreachable):
        await a.stream_connect(random_private_key().destination.b64)
    with pytest.raises(errors.SamPeerUnreachable):  # known, but nobody accepting
        await a.stream_connect(b.b32)
    a.close()
    b.close()


async def test_accept_time_limit_and_bad_peer_line(sam: FakeSam) -> None:
    a = await SamSession.create(sam.address, timeouts=FAST)
    with pytest.raises(errors.SamTimeout, match="peer"):
        await a.stream_accept(time_limit=0.2)
    sam.replies["STREAM ACCEPT"] = [b"STREAM STATUS RESULT=OK\nnot-a-destination\n"]
    with pytest.raises(errors.SamProtocolError, match="peer line"):
        await a.stream_accept(time_limit=2)
    sam.replies["STREAM ACCEPT"] = [b"STREAM STATUS RESULT=OK\nSTREAM STATUS RESULT=I2P_ERROR\n"]
    with pytest.raises(errors.SamRouterError):
        await a.stream_accept(time_limit=2)
    await until(lambda: sam.open_connections == 1)
    a.close()


async def test_failures_leak_no_file_descriptors(sam: FakeSam) -> None:
    a = await SamSession.create(sam.address, timeouts=FAST)
    sam.accept_wait = 0.01
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        with pytest.raises(errors.SamPeerUnreachable):
            await a.stream_connect(random_private_key().b32_address)
        task = asyncio.ensure_future(a.stream_accept())
        await sam.wait_accepts(a.nickname, 1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await until(lambda: not sam.sessions[a.nickname].accepts)
    assert len(os.listdir("/proc/self/fd")) <= before
    a.close()
