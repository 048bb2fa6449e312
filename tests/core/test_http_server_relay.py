"""An HTTP server tunnel's relay end to end on loopback sockets: a caller's stream
(a socketpair standing in for the SAM stream), the head filter, a real HTTP service."""

from __future__ import annotations

import asyncio
import os
import socket

from i2ptunnel_gui.core.http_server_head import Step
from i2ptunnel_gui.core.i2p.http_server import http_relay_options
from i2ptunnel_gui.core.policy.post_limits import PostLimits, PostThrottle
from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.relay import CloseReason, Relay, RelayOptions
from i2ptunnel_gui.core.sam.keys import build_destination

TIMEOUT = 5.0
CALLER = build_destination(os.urandom(256), os.urandom(32), sig_type=7)


async def serve_headers(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answers each request with the X-I2P-DestB32 and Host it got (keep-alive)."""
    try:
        while head := await reader.readuntil(b"\r\n\r\n"):
            lines = head.decode().split("\r\n")
            got = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
            if n := int(got.get("content-length", "0")):
                await reader.readexactly(n)
            body = f"{got.get('x-i2p-destb32')}|{got.get('host')}".encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
    except asyncio.IncompleteReadError:
        pass
    finally:
        writer.close()


async def responses(sock: socket.socket, count: int) -> list[bytes]:
    loop = asyncio.get_running_loop()
    buf, out = b"", []
    async with asyncio.timeout(TIMEOUT):
        while len(out) < count:
            chunk = await loop.sock_recv(sock, 65536)
            if not chunk:
                break
            buf += chunk
            while b"\r\n\r\n" in buf:
                head, rest = buf.split(b"\r\n\r\n", 1)
                n = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
                if len(rest) < n:
                    break
                out.append(rest[:n])
                buf = rest[n:]
    return out


async def test_every_request_of_the_stream_reaches_the_service_with_the_callers_b32() -> None:
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(serve_headers, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    peer, stream = socket.socketpair()
    peer.setblocking(False)
    target = socket.create_connection(("127.0.0.1", port))
    refused: list[Step] = []
    first = b"GET /a HTTP/1.1\r\nHost: x\r\nX-I2P-DestB32: forged.b32.i2p\r\n\r\n"
    options = http_relay_options(
        RelayOptions(remote_half_close=True),
        CALLER,
        b"h" * 32,
        host_override="mysite.i2p",
        posts=None,
        on_refused=refused.append,
        pending=first,
    )
    relay = Relay(loop)
    task = asyncio.create_task(relay.run(stream, target, options))
    await loop.sock_sendall(peer, b"GET /b HTTP/1.1\r\nHost: x\r\n\r\n" * 2)
    want = f"{CALLER.b32_address}|mysite.i2p".encode()
    assert await responses(peer, 3) == [want] * 3
    peer.close()
    assert await asyncio.wait_for(task, TIMEOUT) in (CloseReason.DONE, CloseReason.RESET)
    assert refused == []
    server.close()
    await server.wait_closed()


async def test_a_post_over_the_limit_gets_429_and_the_stream_ends() -> None:
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(serve_headers, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    peer, stream = socket.socketpair()
    peer.setblocking(False)
    target = socket.create_connection(("127.0.0.1", port))
    refused: list[Step] = []
    posts = PostThrottle(PostLimits(max_per_client=1))
    options = http_relay_options(
        RelayOptions(),
        CALLER,
        b"h" * 32,
        host_override="",
        posts=posts,
        on_refused=refused.append,
    )
    task = asyncio.create_task(Relay(loop).run(stream, target, options))
    post = b"POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
    await loop.sock_sendall(peer, post)
    assert len(await responses(peer, 1)) == 1
    await loop.sock_sendall(peer, post)
    rest = b""
    async with asyncio.timeout(TIMEOUT):
        while chunk := await loop.sock_recv(peer, 65536):
            rest += chunk
    assert rest.startswith(b"HTTP/1.1 429 Too Many Requests")
    assert await asyncio.wait_for(task, TIMEOUT) is CloseReason.DONE
    assert [s.refusal for s in refused] == [Refusal.POST_LIMIT]
    peer.close()
    server.close()
    await server.wait_closed()
