"""Socket steps shared by the proxy kinds: read a handshake under a deadline, answer
and close, resolve and dial a host. The relay after a handshake is the engine's.

`Dial` is how a proxy opens an I2P stream: the tunnel passes its session's STREAM
CONNECT (b32 address or base64 destination -> connected socket, bytes already read).
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from i2ptunnel_gui.core.proxy.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure, as_failure
from i2ptunnel_gui.core.relay import RelayOptions

logger = logging.getLogger(__name__)

Dial = Callable[[str], Awaitable[tuple[socket.socket, bytes]]]

RECV_SIZE = 65536
ANSWER_TIMEOUT = 5.0  # seconds to write an error page / reply before giving up
LINGER = 0.5  # seconds to read what the client still sends after an answer (see answer)


@dataclass(frozen=True, slots=True)
class Opened:
    """A proxied connection ready for the relay: the I2P side and the bytes each side
    gets first (the forwarded request head, a CONNECT/SOCKS success reply)."""

    remote: socket.socket
    options: RelayOptions
    host: str  # what the client asked for (live table, log)


async def recv(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> bytes:
    """One read; a reset counts as end of stream."""
    try:
        return await loop.sock_recv(sock, RECV_SIZE)
    except (ConnectionResetError, BrokenPipeError):
        return b""


async def answer(loop: asyncio.AbstractEventLoop, sock: socket.socket, data: bytes) -> None:
    """Send `data` (an error page or refusal), then close. A client that is still
    sending (a POST body) would get a reset on close that can destroy the answer in
    flight, so the rest is read and dropped for up to LINGER seconds first."""
    try:
        async with asyncio.timeout(ANSWER_TIMEOUT):
            if data:
                await loop.sock_sendall(sock, data)
            sock.shutdown(socket.SHUT_WR)
        async with asyncio.timeout(LINGER):
            while await recv(loop, sock):
                pass
    except (OSError, TimeoutError):
        pass
    finally:
        sock.close()


def is_base64_destination(dest: str) -> bool:
    return len(dest) >= 516 and not dest.lower().endswith(".i2p")


async def resolve_and_dial(
    resolver: NameResolver, dial: Dial, host: str, *, time_limit: float
) -> tuple[socket.socket, bytes]:
    """Name -> destination -> I2P stream, under one deadline; ProxyFailure otherwise.
    A destination that cannot be reached is dropped from the name cache."""
    dest = host
    try:
        async with asyncio.timeout(time_limit):
            if not is_base64_destination(host):
                dest = await resolver.resolve(host)
            return await dial(dest)
    except ProxyFailure:
        raise
    except TimeoutError as e:
        resolver.forget(host)
        raise ProxyFailure(
            FailureKind.TIMEOUT, f"{host} did not answer within {time_limit:g} s"
        ) from e
    except Exception as e:
        failure = as_failure(e, host)
        if failure.kind is FailureKind.UNREACHABLE:
            resolver.forget(host)
        raise failure from e
