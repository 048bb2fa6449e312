"""HTTP proxy connections end to end on socket pairs: browser -> proxy -> a fake I2P
site behind a fake dial, relayed by the engine's relay."""

from __future__ import annotations

import asyncio
import random
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import pytest

from i2ptunnel_gui.core.proxy.addressbook import AddressBook
from i2ptunnel_gui.core.proxy.http_proxy import HttpProxy, HttpProxyConfig
from i2ptunnel_gui.core.proxy.http_proxy_head import USER_AGENT, ProxyRequest
from i2ptunnel_gui.core.proxy.jump_links import JumpLinks
from i2ptunnel_gui.core.proxy.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure
from i2ptunnel_gui.core.relay import Relay, RelayOptions
from i2ptunnel_gui.core.sam.errors import SamInvalidKey, SamPeerUnreachable
from i2ptunnel_gui.core.sam.keys import build_destination

B32 = "s" * 52 + ".b32.i2p"
OUTPROXY = "o" * 52 + ".b32.i2p"
D1 = build_destination(random.Random(3).randbytes(256), bytes(32), sig_type=7).b64
OPTIONS = RelayOptions(remote_half_close=False)


@dataclass
class FakeI2P:
    """dial(dest): a socket pair; the far end is served by `site(sock)` in a thread-free
    coroutine on the test loop."""

    site: Callable[[socket.socket], Awaitable[None]] | None = None
    fail: BaseException | None = None
    hang: bool = False
    dialled: list[str] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def dial(self, dest: str) -> tuple[socket.socket, bytes]:
        self.dialled.append(dest)
        if self.hang:
            await asyncio.sleep(3600)
        if self.fail is not None:
            raise self.fail
        ours, theirs = socket.socketpair()
        ours.setblocking(False)
        theirs.setblocking(False)
        if self.site is not None:
            self.tasks.append(asyncio.get_running_loop().create_task(self.site(theirs)))
        return ours, b""


async def read_head_then(sock: socket.socket, reply: bytes, seen: list[bytes]) -> None:
    """A site: read until the end of the head (+ body bytes that came along), answer,
    close."""
    loop = asyncio.get_running_loop()
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = await loop.sock_recv(sock, 65536)
        if not chunk:
            break
        data += chunk
    seen.append(data)
    await loop.sock_sendall(sock, reply)
    sock.close()


async def lookup_router(name: str) -> str:
    if name == "known.i2p":
        return D1
    raise SamInvalidKey("INVALID_KEY")


def make_proxy(i2p: FakeI2P, **cfg: object) -> HttpProxy:
    resolver = NameResolver(lookup_router, AddressBook(None))
    config = HttpProxyConfig(connect_timeout=cfg.pop("connect_timeout", 2.0), **cfg)  # type: ignore[arg-type]
    return HttpProxy(
        config,
        resolver=resolver,
        dial=i2p.dial,
        jump_links=JumpLinks(resolver, resolver.book),
        relay_options=OPTIONS,
    )


async def exchange(proxy: HttpProxy, request: bytes, *, close_after: bool = False) -> bytes:
    """Send `request` as a browser, run the proxy (and the relay), return all the
    browser got."""
    loop = asyncio.get_running_loop()
    browser, local = socket.socketpair()
    browser.setblocking(False)
    await loop.sock_sendall(browser, request)
    if close_after:
        browser.shutdown(socket.SHUT_WR)

    async def serve() -> None:
        try:
            opened = await proxy.open(local)
        except ProxyFailure:
            return
        if opened is not None:
            await Relay(loop).run(local, opened.remote, opened.options)

    server = loop.create_task(serve())
    got = b""
    async with asyncio.timeout(10):
        while chunk := await loop.sock_recv(browser, 65536):
            got += chunk
        await server
    browser.close()
    return got


async def test_get_to_b32_is_filtered_and_relayed() -> None:
    seen: list[bytes] = []
    i2p = FakeI2P(lambda s: read_head_then(s, b"HTTP/1.1 200 OK\r\n\r\nhello", seen))
    got = await exchange(
        make_proxy(i2p),
        f"GET http://{B32}/x HTTP/1.1\r\nHost: {B32}\r\nUser-Agent: Firefox\r\n"
        "X-Forwarded-For: 10.0.0.9\r\n\r\n".encode(),
    )
    assert got == b"HTTP/1.1 200 OK\r\n\r\nhello"
    assert i2p.dialled == [B32]
    head = seen[0]
    assert head.startswith(b"GET /x HTTP/1.1\r\n")
    assert f"User-Agent: {USER_AGENT}".encode() in head
    assert b"10.0.0.9" not in head and b"Firefox" not in head
    assert b"Connection: close" in head


async def test_post_body_follows_the_head() -> None:
    seen: list[bytes] = []
    body = b"x" * 100_000

    async def site(sock: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        data = b""
        while len(data) < 100_000 + 60:
            chunk = await loop.sock_recv(sock, 65536)
            if not chunk:
                break
            data += chunk
        seen.append(data)
        await loop.sock_sendall(sock, b"HTTP/1.1 201 Created\r\n\r\n")
        sock.close()

    got = await exchange(
        make_proxy(FakeI2P(site)),
        b"POST http://known.i2p/up HTTP/1.1\r\nHost: known.i2p\r\n"
        b"Content-Length: 100000\r\n\r\n" + body,
    )
    assert got.startswith(b"HTTP/1.1 201")
    assert seen[0].endswith(body)
    assert seen[0].startswith(b"POST /up HTTP/1.1\r\n")


async def test_name_is_resolved_to_its_destination() -> None:
    i2p = FakeI2P(lambda s: read_head_then(s, b"HTTP/1.0 200 OK\r\n\r\n", []))
    await exchange(make_proxy(i2p), b"GET http://known.i2p/ HTTP/1.1\r\nHost: known.i2p\r\n\r\n")
    assert i2p.dialled == [D1]


async def test_connect_gets_200_then_raw_bytes() -> None:
    async def site(sock: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        assert await loop.sock_recv(sock, 100) == b"\x16\x03\x01"
        await loop.sock_sendall(sock, b"\x16\x03\x03server")
        sock.close()

    got = await exchange(
        make_proxy(FakeI2P(site)),
        f"CONNECT {B32}:443 HTTP/1.1\r\nHost: {B32}:443\r\n\r\n".encode() + b"\x16\x03\x01",
    )
    assert got == b"HTTP/1.1 200 Connection established\r\n\r\n\x16\x03\x03server"


async def test_non_i2p_is_refused_fast_without_dialling() -> None:
    i2p = FakeI2P()
    t0 = time.monotonic()
    got = await exchange(
        make_proxy(i2p), b"GET http://example.org/ HTTP/1.1\r\nHost: example.org\r\n\r\n"
    )
    assert got.startswith(b"HTTP/1.1 403 Forbidden\r\n")
    assert b"Not an I2P address" in got and b"example.org" in got
    assert i2p.dialled == [] and time.monotonic() - t0 < 1.0
    got = await exchange(make_proxy(i2p), b"CONNECT 10.0.0.1:443 HTTP/1.1\r\nHost: x\r\n\r\n")
    assert got.startswith(b"HTTP/1.1 403") and b"IP address" in got


async def test_outproxy_gets_non_i2p_requests_in_proxy_form() -> None:
    seen: list[bytes] = []
    i2p = FakeI2P(lambda s: read_head_then(s, b"HTTP/1.1 200 OK\r\n\r\nclearnet", seen))
    got = await exchange(
        make_proxy(i2p, outproxy=OUTPROXY),
        b"GET http://example.org/a HTTP/1.1\r\nHost: example.org\r\nVia: me\r\n\r\n",
    )
    assert got.endswith(b"clearnet") and i2p.dialled == [OUTPROXY]
    assert seen[0].startswith(b"GET http://example.org/a HTTP/1.1\r\n")
    assert b"Via" not in seen[0]

    seen.clear()
    await exchange(
        make_proxy(i2p, outproxy=OUTPROXY),
        b"CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n",
    )
    assert seen[0] == b"CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"


@pytest.mark.parametrize(
    ("fail", "status"),
    [
        (SamPeerUnreachable("CANT_REACH_PEER"), b"502"),
        (TimeoutError(), b"504"),
        (ConnectionRefusedError("router gone"), b"503"),
    ],
)
async def test_dial_failures_get_their_page(fail: BaseException, status: bytes) -> None:
    got = await exchange(
        make_proxy(FakeI2P(fail=fail)), f"GET http://{B32}/ HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    )
    assert got.startswith(b"HTTP/1.1 " + status)


async def test_unknown_name_404_and_slow_destination_504() -> None:
    got = await exchange(
        make_proxy(FakeI2P()), b"GET http://nosuch.i2p/ HTTP/1.1\r\nHost: nosuch.i2p\r\n\r\n"
    )
    assert got.startswith(b"HTTP/1.1 404") and b"nosuch.i2p" in got
    t0 = time.monotonic()
    got = await exchange(
        make_proxy(FakeI2P(hang=True), connect_timeout=0.3),
        f"GET http://{B32}/ HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
    )
    assert got.startswith(b"HTTP/1.1 504") and time.monotonic() - t0 < 2


async def test_bad_oversized_and_slow_heads() -> None:
    got = await exchange(make_proxy(FakeI2P()), b"NOT HTTP AT ALL\r\n\r\n")
    assert got.startswith(b"HTTP/1.1 400")
    big = b"GET http://a.i2p/ HTTP/1.1\r\nHost: a.i2p\r\n" + b"X: " + b"y" * 40000 + b"\r\n\r\n"
    got = await exchange(make_proxy(FakeI2P()), big)
    assert got.startswith(b"HTTP/1.1 431")
    t0 = time.monotonic()
    got = await exchange(make_proxy(FakeI2P(), head_timeout=0.3), b"GET http://a.i2p/ HTTP/1.1\r\n")
    assert got.startswith(b"HTTP/1.1 408") and 0.25 < time.monotonic() - t0 < 2


async def test_silent_client_closing_gets_nothing() -> None:
    proxy = make_proxy(FakeI2P())
    browser, local = socket.socketpair()
    browser.close()
    assert await proxy.open(local) is None


async def test_jump_link_is_answered_by_the_proxy() -> None:
    i2p = FakeI2P()
    got = await exchange(
        make_proxy(i2p),
        f"GET http://new.i2p/?i2paddresshelper={D1} HTTP/1.1\r\nHost: new.i2p\r\n\r\n".encode(),
    )
    assert got.startswith(b"HTTP/1.1 200") and b"Save new.i2p" in got and i2p.dialled == []


async def test_request_callback_sees_the_host_and_failures_raise_for_counting() -> None:
    proxy = make_proxy(FakeI2P(fail=SamPeerUnreachable("x")))
    loop = asyncio.get_running_loop()
    browser, local = socket.socketpair()
    await loop.sock_sendall(browser, f"GET http://{B32}/ HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    seen: list[ProxyRequest] = []
    with pytest.raises(ProxyFailure) as info:
        await proxy.open(local, seen.append)
    assert info.value.kind is FailureKind.UNREACHABLE
    assert [r.host for r in seen] == [B32]
    browser.close()
