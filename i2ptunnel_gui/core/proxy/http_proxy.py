"""One browser connection of an HTTP proxy tunnel, up to the point where the engine
relays it: read the head (deadline, size cap), answer what the proxy answers itself
(error pages, jump links, `proxy.i2p`), else open the I2P stream and hand back the
forwarded head as the first bytes for the I2P side.

- `http://x.i2p/…`: one stream to x per request; the head goes in origin form,
  privacy-filtered, with `Connection: close` (core/proxy/http_proxy_head.py); the response
  is relayed untouched and ends the connection.
- `CONNECT x.i2p:443`: a stream to x; `200 Connection established` is sent once it
  is open, then raw bytes both ways (TLS to an I2P site, or anything else).
- not `.i2p`: refused with a page, unless the tunnel has an outproxy: then the
  request (absolute URI or CONNECT) goes to the outproxy destination as it is,
  filtered the same way.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass

from i2ptunnel_gui.core.proxy.http_proxy_head import (
    HEAD_TIMEOUT,
    MAX_HEAD,
    HeadReader,
    HostKind,
    ProxyHeadError,
    ProxyRequest,
    connect_head,
    forward_head,
)
from i2ptunnel_gui.core.proxy.jump_links import JumpLinks
from i2ptunnel_gui.core.proxy.name_resolver import NameResolver, check_i2p_host
from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure
from i2ptunnel_gui.core.proxy.proxy_io import Dial, Opened, answer, recv, resolve_and_dial
from i2ptunnel_gui.core.proxy.proxy_pages import CONNECT_OK, failure_page, head_error_page
from i2ptunnel_gui.core.relay import RelayOptions

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HttpProxyConfig:
    connect_timeout: float  # name lookup + stream open, per request
    outproxy: str = ""  # destination for non-.i2p hosts; "" = refuse them
    replace_user_agent: bool = True
    head_timeout: float = HEAD_TIMEOUT
    max_head: int = MAX_HEAD


class HttpProxy:
    """What an HTTP proxy tunnel does with each accepted connection."""

    def __init__(
        self,
        config: HttpProxyConfig,
        *,
        resolver: NameResolver,
        dial: Dial,
        jump_links: JumpLinks | None = None,
        relay_options: RelayOptions,
    ) -> None:
        self.config = config
        self.resolver = resolver
        self.dial = dial
        self.jump_links = jump_links
        self.relay_options = relay_options

    async def open(
        self, sock: socket.socket, on_request: Callable[[ProxyRequest], None] | None = None
    ) -> Opened | None:
        """The I2P side for this connection, or None when the proxy answered it
        itself (the socket is then closed). Raises ProxyFailure only for the
        caller's count: the browser already has its error page by then."""
        loop = asyncio.get_running_loop()
        sock.setblocking(False)
        try:
            request = await self._read_head(loop, sock)
        except ProxyHeadError as e:
            await answer(loop, sock, head_error_page(e.status, e.message))
            raise ProxyFailure(FailureKind.BAD_REQUEST, f"bad request: {e.message}") from None
        if request is None:  # closed before sending anything: nothing to answer
            sock.close()
            return None
        if on_request is not None:
            on_request(request)
        kind = request.host_kind
        if kind is HostKind.LOCAL or (
            request.address_helper is not None and self.jump_links is not None
        ):
            if self.jump_links is None:
                page = head_error_page(400, "the proxy's own pages are switched off")
            elif kind is HostKind.LOCAL:
                page = self.jump_links.answer_local(request)
            else:
                page = self.jump_links.offer(request)
            await answer(loop, sock, page)
            return None
        try:
            return await self._open_stream(request)
        except ProxyFailure as f:
            await answer(loop, sock, failure_page(f))
            raise

    def silent_site_page(self, host: str) -> bytes:
        """The 504 page for a site that took the request and sent nothing back
        within the connect timeout (the tunnel's first-byte check)."""
        why = f"The I2P site {host} did not answer within {self.config.connect_timeout:g} s."
        return failure_page(ProxyFailure(FailureKind.TIMEOUT, why))

    async def _read_head(
        self, loop: asyncio.AbstractEventLoop, sock: socket.socket
    ) -> ProxyRequest | None:
        reader = HeadReader(self.config.max_head)
        started = False
        try:
            async with asyncio.timeout(self.config.head_timeout):
                while True:
                    data = await recv(loop, sock)
                    if not data and not started:
                        return None
                    started = True
                    request = reader.feed(data)
                    if request is not None:
                        return request
        except TimeoutError:
            why = f"the request head did not arrive within {self.config.head_timeout:g} s"
            raise ProxyHeadError(408, why) from None

    async def _open_stream(self, request: ProxyRequest) -> Opened:
        cfg = self.config
        to_outproxy = request.host_kind is HostKind.OTHER
        if to_outproxy:
            if not cfg.outproxy:
                check_i2p_host(request.host)  # raises: IP address / not I2P
            target = cfg.outproxy
        else:
            target = request.host
        remote, pending = await resolve_and_dial(
            self.resolver, self.dial, target, time_limit=cfg.connect_timeout
        )
        first_out = request.body_prefix  # to the I2P side
        first_back = pending  # to the browser
        if request.is_connect:
            if to_outproxy:
                first_out = connect_head(request) + first_out  # the outproxy answers 200
            else:
                first_back = CONNECT_OK + pending
        else:
            head = forward_head(
                request, replace_user_agent=cfg.replace_user_agent, to_outproxy=to_outproxy
            )
            first_out = head + first_out
        options = self.relay_options.with_pending(local=first_out, remote=first_back)
        return Opened(remote, options, request.host)
