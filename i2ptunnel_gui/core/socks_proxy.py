"""One client connection of a SOCKS tunnel, up to the relay: the SOCKS5/4a handshake
(core/socks.py) under a deadline, then the I2P stream to the requested `.i2p` name.
The success reply is sent once the stream is open, as the first bytes the relay
writes to the client; a failure gets the protocol's code and the connection closes.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass

from i2ptunnel_gui.core.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy_failure import FailureKind, ProxyFailure
from i2ptunnel_gui.core.proxy_io import Dial, Opened, answer, recv, resolve_and_dial
from i2ptunnel_gui.core.relay import RelayOptions
from i2ptunnel_gui.core.socks import SocksNegotiation, SocksRequest

logger = logging.getLogger(__name__)

HANDSHAKE_TIMEOUT = 30.0  # seconds for greeting, auth and request together


@dataclass(frozen=True, slots=True)
class SocksConfig:
    connect_timeout: float  # name lookup + stream open
    credentials: tuple[str, str] | None = None  # RFC 1929 user name / password
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
        try:
            remote, pending = await resolve_and_dial(
                self.resolver, self.dial, request.host, time_limit=self.config.connect_timeout
            )
        except ProxyFailure as f:
            await answer(loop, sock, neg.failure(f.kind))
            raise
        options = self.relay_options.with_pending(local=rest, remote=neg.success() + pending)
        return Opened(remote, options, request.host)


def _kind_of(reply: bytes, version: int) -> FailureKind:
    """The failure kind of a refusal the handshake produced (for counting/logging)."""
    if version == 5 and len(reply) >= 2 and reply[0] == 5:
        by_code = {0x07: FailureKind.UNSUPPORTED, 0x08: FailureKind.IP_ADDRESS}
        return by_code.get(reply[1], FailureKind.BAD_REQUEST)
    return FailureKind.BAD_REQUEST
