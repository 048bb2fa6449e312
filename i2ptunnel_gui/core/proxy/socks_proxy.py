"""One client connection of a SOCKS tunnel, up to the relay: the SOCKS5/4a handshake
(core/proxy/socks.py) under a deadline, then the I2P stream to the requested `.i2p` name, or
(when the tunnel has an outproxy) to the outproxy, asked over SOCKS5 for a name outside
I2P (core/proxy/socks_client.py). The success reply is sent once the stream is open, as the
first bytes the relay writes to the client; a failure gets the protocol's code and the
connection closes.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass

from i2ptunnel_gui.core.proxy.http_proxy_head import HostKind, classify_host
from i2ptunnel_gui.core.proxy.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure
from i2ptunnel_gui.core.proxy.proxy_io import Dial, Opened, answer, recv, resolve_and_dial
from i2ptunnel_gui.core.proxy.socks import SocksNegotiation, SocksRequest
from i2ptunnel_gui.core.proxy.socks_client import (
    GREETING,
    METHOD_OK,
    OutproxyError,
    check_reply,
    connect_request,
    reply_length,
)
from i2ptunnel_gui.core.relay import RelayOptions

logger = logging.getLogger(__name__)

HANDSHAKE_TIMEOUT = 30.0  # seconds for greeting, auth and request together


@dataclass(frozen=True, slots=True)
class SocksConfig:
    connect_timeout: float  # name lookup + stream open
    credentials: tuple[str, str] | None = None  # RFC 1929 user name / password
    outproxy: str = ""  # a SOCKS server on I2P for names outside I2P ("" = refuse them)
    handshake_timeout: float = HANDSHAKE_TIMEOUT


class SocksProxy:
    """What a SOCKS tunnel does with each accepted connection."""

    def __init__(
        self,
        config: SocksConfig,
        *,
        resolver: NameResolver,
        dial: Dial,
        relay_options: RelayOptions,
    ) -> None:
        self.config = config
        self.resolver = resolver
        self.dial = dial
        self.relay_options = relay_options

    async def open(
        self, sock: socket.socket, on_request: Callable[[SocksRequest], None] | None = None
    ) -> Opened | None:
        """The I2P side, or None when the client left before asking. A refusal is
        answered with the protocol's code, then raised as ProxyFailure."""
        loop = asyncio.get_running_loop()
        sock.setblocking(False)
        neg = SocksNegotiation(self.config.credentials)
        try:
            async with asyncio.timeout(self.config.handshake_timeout):
                while True:
                    data = await recv(loop, sock)
                    if not data:
                        sock.close()
                        return None
                    step = neg.feed(data)
                    if step.closed:
                        await answer(loop, sock, step.reply)
                        raise ProxyFailure(_kind_of(step.reply, neg.version), step.error)
                    if step.reply:
                        await loop.sock_sendall(sock, step.reply)
                    if step.request is not None:
                        request, rest = step.request, step.rest
                        break
        except TimeoutError:
            sock.close()
            raise ProxyFailure(
                FailureKind.TIMEOUT,
                f"SOCKS handshake not done within {self.config.handshake_timeout:g} s",
            ) from None
        except OSError as e:
            sock.close()
            raise ProxyFailure(FailureKind.BAD_REQUEST, f"SOCKS handshake: {e}") from None
        if on_request is not None:
            on_request(request)
        outside = classify_host(request.host) is HostKind.OTHER and bool(self.config.outproxy)
        try:
            if outside:
                remote, pending = await self._via_outproxy(loop, request)
            else:
                remote, pending = await resolve_and_dial(
                    self.resolver, self.dial, request.host, time_limit=self.config.connect_timeout
                )
        except ProxyFailure as f:
            await answer(loop, sock, neg.failure(f.kind))
            raise
        options = self.relay_options.with_pending(local=rest, remote=neg.success() + pending)
        return Opened(remote, options, request.host)

    async def _via_outproxy(
        self, loop: asyncio.AbstractEventLoop, request: SocksRequest
    ) -> tuple[socket.socket, bytes]:
        """A stream to the outproxy that it has connected on to `request`'s host; the
        bytes already read past its reply."""
        limit = self.config.connect_timeout
        remote, pending = await resolve_and_dial(
            self.resolver, self.dial, self.config.outproxy, time_limit=limit
        )
        buf = bytearray(pending)
        try:
            async with asyncio.timeout(limit):
                await loop.sock_sendall(remote, GREETING)
                while len(buf) < 2:
                    buf += await _more(loop, remote)
                if bytes(buf[:2]) != METHOD_OK:
                    raise OutproxyError(FailureKind.UNREACHABLE, "the outproxy refused us")
                del buf[:2]
                await loop.sock_sendall(remote, connect_request(request.host, request.port))
                while (size := reply_length(bytes(buf))) is None:
                    buf += await _more(loop, remote)
                check_reply(bytes(buf[:size]), request.host)
                return remote, bytes(buf[size:])
        except OutproxyError as e:
            remote.close()
            raise ProxyFailure(e.kind, str(e)) from None
        except TimeoutError:
            remote.close()
            raise ProxyFailure(
                FailureKind.TIMEOUT, f"the outproxy did not answer within {limit:g} s"
            ) from None
        except BaseException:
            remote.close()
            raise


async def _more(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> bytes:
    data = await recv(loop, sock)
    if not data:
        raise OutproxyError(FailureKind.UNREACHABLE, "the outproxy closed the stream")
    return data


def _kind_of(reply: bytes, version: int) -> FailureKind:
    """The failure kind of a refusal the handshake produced (for counting/logging)."""
    if version == 5 and len(reply) >= 2 and reply[0] == 5:
        by_code = {0x07: FailureKind.UNSUPPORTED, 0x08: FailureKind.IP_ADDRESS}
        return by_code.get(reply[1], FailureKind.BAD_REQUEST)
    return FailureKind.BAD_REQUEST
