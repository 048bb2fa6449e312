"""SOCKS tunnel connections on socket pairs: handshake, dial, relay, refusals."""

from __future__ import annotations

import asyncio
import socket
import struct

import pytest

from i2ptunnel_gui.core.proxy.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure
from i2ptunnel_gui.core.proxy.socks import SocksNegotiation
from i2ptunnel_gui.core.proxy.socks_proxy import SocksConfig, SocksProxy
from i2ptunnel_gui.core.relay import Relay, RelayOptions
from i2ptunnel_gui.core.sam.errors import SamInvalidKey, SamPeerUnreachable

B32 = "k" * 52 + ".b32.i2p"


async def no_names(name: str) -> str:
    raise SamInvalidKey("INVALID_KEY")


class EchoI2P:
    def __init__(self, fail: BaseException | None = None) -> None:
        self.fail = fail
        self.dialled: list[str] = []
        self.tasks: list[asyncio.Task[None]] = []

    async def dial(self, dest: str) -> tuple[socket.socket, bytes]:
        self.dialled.append(dest)
        if self.fail:
            raise self.fail
        ours, theirs = socket.socketpair()
        theirs.setblocking(False)

        async def echo() -> None:
            loop = asyncio.get_running_loop()
            while data := await loop.sock_recv(theirs, 65536):
                await loop.sock_sendall(theirs, data.upper())
            theirs.close()

        self.tasks.append(asyncio.get_running_loop().create_task(echo()))
        return ours, b"HI "


def proxy(i2p: EchoI2P, **cfg: object) -> SocksProxy:
    config = SocksConfig(connect_timeout=2.0, **cfg)  # type: ignore[arg-type]
    return SocksProxy(
        config,
        resolver=NameResolver(no_names),
        dial=i2p.dial,
        relay_options=RelayOptions(remote_half_close=False),
    )


async def run_client(p: SocksProxy, first: bytes, then: bytes = b"") -> tuple[bytes, str | None]:
    loop = asyncio.get_running_loop()
    client, local = socket.socketpair()
    client.setblocking(False)
    await loop.sock_sendall(client, first)
    failure: list[ProxyFailure] = []

    async def serve() -> None:
        try:
            opened = await p.open(local)
        except ProxyFailure as f:
            failure.append(f)
            return
        if opened is not None:
            await Relay(loop).run(local, opened.remote, opened.options)

    task = loop.create_task(serve())
    got = b""
    async with asyncio.timeout(10):
        if then:
            await asyncio.sleep(0.05)
            await loop.sock_sendall(client, then)
            client.shutdown(socket.SHUT_WR)
        while chunk := await loop.sock_recv(client, 65536):
            got += chunk
            if then and got.endswith(then.upper()):
                break
        client.close()
        if then:  # the I2P side (an echo) stays open: end the relay as a tunnel stop would
            task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    return got, failure[0].message if failure else None


def socks5_connect(host: bytes, port: int = 80) -> bytes:
    return b"\x05\x01\x00" + bytes([5, 1, 0, 3, len(host)]) + host + struct.pack(">H", port)


async def test_socks5_connect_and_relay() -> None:
    i2p = EchoI2P()
    got, err = await run_client(proxy(i2p), socks5_connect(B32.encode()) + b"early ", b"data")
    assert err is None and i2p.dialled == [B32]
    assert got == b"\x05\x00" + b"\x05\x00\x00\x01" + bytes(6) + b"HI EARLY DATA"


async def test_socks4a_connect() -> None:
    i2p = EchoI2P()
    req = b"\x04\x01\x00\x50\x00\x00\x00\x01me\x00" + B32.encode() + b"\x00"
    got, err = await run_client(proxy(i2p), req, b"x")
    assert got == bytes([0, 90]) + bytes(6) + b"HI X" and err is None


async def test_socks5_with_password() -> None:
    p = proxy(EchoI2P(), credentials=("u", "pw"))
    hello = b"\x05\x01\x02\x01\x01u\x02pw" + bytes([5, 1, 0, 3, len(B32)]) + B32.encode() + b"\0P"
    got, err = await run_client(p, hello, b"ok")
    assert got.startswith(b"\x05\x02\x01\x00\x05\x00") and got.endswith(b"HI OK")
    got, err = await run_client(p, b"\x05\x01\x02\x01\x01u\x02no")
    assert got == b"\x05\x02\x01\x01" and err is not None and "authentication" in err


@pytest.mark.parametrize(
    ("host", "code", "dialled"),
    [
        (b"example.org", 0x02, False),
        (b"nosuch.i2p", 0x04, False),
    ],
)
async def test_refused_targets(host: bytes, code: int, dialled: bool) -> None:
    i2p = EchoI2P()
    got, err = await run_client(proxy(i2p), socks5_connect(host))
    assert got == b"\x05\x00" + bytes([5, code, 0, 1]) + bytes(6)
    assert bool(i2p.dialled) is dialled and err is not None


async def test_unreachable_destination_and_ip_target() -> None:
    got, err = await run_client(
        proxy(EchoI2P(fail=SamPeerUnreachable("CANT_REACH_PEER"))), socks5_connect(B32.encode())
    )
    assert got[2:4] == bytes([5, 0x04]) and err is not None
    ip = b"\x05\x01\x00" + bytes([5, 1, 0, 1, 127, 0, 0, 1, 0, 80])
    got, err = await run_client(proxy(EchoI2P()), ip)
    assert got[2:4] == bytes([5, 0x08])
    udp = b"\x05\x01\x00" + bytes([5, 3, 0, 3, len(B32)]) + B32.encode() + b"\0P"
    got, err = await run_client(proxy(EchoI2P()), udp)
    assert got[2:4] == bytes([5, 0x07])


async def test_garbage_and_slow_handshake() -> None:
    got, err = await run_client(proxy(EchoI2P()), b"GET / HTTP/1.1\r\n\r\n")
    assert got == b"" and err is not None and "not SOCKS" in err
    p = proxy(EchoI2P(), handshake_timeout=0.2)
    loop = asyncio.get_running_loop()
    client, local = socket.socketpair()
    await loop.sock_sendall(client, b"\x05\x01")
    with pytest.raises(ProxyFailure) as info:
        await p.open(local)
    assert info.value.kind is FailureKind.TIMEOUT
    client.close()


class SocksOutproxy:
    """dial(): a stream to a fake SOCKS server on I2P; it grants (or refuses with
    `code`) and then echoes upper-cased. Records the CONNECT target it was asked for."""

    def __init__(self, code: int = 0) -> None:
        self.code = code
        self.asked: list[tuple[str, int]] = []
        self.dialled: list[str] = []
        self.tasks: list[asyncio.Task[None]] = []

    async def dial(self, dest: str) -> tuple[socket.socket, bytes]:
        self.dialled.append(dest)
        ours, theirs = socket.socketpair()
        ours.setblocking(False)  # as a SAM stream socket is
        theirs.setblocking(False)

        async def serve() -> None:
            loop = asyncio.get_running_loop()
            neg = SocksNegotiation()
            while True:
                step = neg.feed(await loop.sock_recv(theirs, 4096))
                await loop.sock_sendall(theirs, step.reply)
                if step.request is not None:
                    break
            self.asked.append((step.request.host, step.request.port))
            if self.code:
                await loop.sock_sendall(theirs, bytes([5, self.code, 0, 1]) + bytes(6))
                theirs.close()
                return
            await loop.sock_sendall(theirs, neg.success() + b"OUT ")
            while data := await loop.sock_recv(theirs, 65536):
                await loop.sock_sendall(theirs, data.upper())
            theirs.close()

        self.tasks.append(asyncio.get_running_loop().create_task(serve()))
        return ours, b""


def outproxied(out: SocksOutproxy) -> SocksProxy:
    config = SocksConfig(connect_timeout=2.0, outproxy=B32)
    return SocksProxy(config, resolver=NameResolver(no_names), dial=out.dial,
                      relay_options=RelayOptions(remote_half_close=False))  # fmt: skip


async def test_names_outside_i2p_go_to_the_outproxy_as_names() -> None:
    out = SocksOutproxy()
    got, err = await run_client(outproxied(out), socks5_connect(b"example.org", 443), b"hi")
    assert err is None and out.dialled == [B32] and out.asked == [("example.org", 443)]
    assert got == b"\x05\x00" + b"\x05\x00\x00\x01" + bytes(6) + b"OUT HI"


async def test_outproxy_refusal_is_passed_on_with_its_code() -> None:
    got, err = await run_client(outproxied(SocksOutproxy(code=0x05)), socks5_connect(b"x.org"))
    assert got[2:4] == bytes([5, 0x04]) and err is not None and "connection refused" in err
    got, err = await run_client(outproxied(SocksOutproxy(code=0x06)), socks5_connect(b"x.org"))
    assert got[2:4] == bytes([5, 0x06])
