"""HTTP proxy and SOCKS client tunnels: one I2P session per tunnel, shared by all of
its connections; each connection names its own destination.

They are client tunnels (core/i2p/client.py: the session keeper, on-demand
sessions, spare SAM sockets, the first-byte check) whose connections first go
through a handshake (core/proxy/http_proxy.py, core/proxy/socks_proxy.py) that picks the
destination and yields the bytes each side gets first; then the engine's relay
joins the sockets. Names are resolved by the router, then the app's address book
(`hosts.txt` beside the key folder), never by DNS.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from pathlib import Path

from i2ptunnel_gui.core.connection import Connection
from i2ptunnel_gui.core.context import EngineContext, StartOptions
from i2ptunnel_gui.core.i2p.client import ClientTunnel
from i2ptunnel_gui.core.proxy.addressbook import AddressBook, book_path
from i2ptunnel_gui.core.proxy.http_proxy import HttpProxy, HttpProxyConfig
from i2ptunnel_gui.core.proxy.jump_links import JumpLinks
from i2ptunnel_gui.core.proxy.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy.proxy_failure import ProxyFailure
from i2ptunnel_gui.core.proxy.proxy_io import Opened, answer
from i2ptunnel_gui.core.proxy.socks_proxy import SocksConfig, SocksProxy
from i2ptunnel_gui.core.relay import CloseReason
from i2ptunnel_gui.core.spec import TunnelSpec

logger = logging.getLogger(__name__)


def address_book_for(ctx: EngineContext) -> AddressBook:
    """The app's address book: `hosts.txt` next to the key folder (memory only when
    the engine has no key store)."""
    root = getattr(ctx.keystore, "root", None)
    return AddressBook(book_path(Path(root)) if root is not None else None)


class ProxyTunnel(ClientTunnel):
    """A client tunnel whose connections say where they go (HTTP proxy, SOCKS)."""

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        self.book = address_book_for(ctx)
        self.resolver = NameResolver(self._lookup, self.book)
        self._hosts_seen: set[str] = set()
        self._hosts: dict[int, str] = {}  # connection id -> host it asked for, while open

    async def prepare(self) -> None:
        """Nothing to check: there is no fixed destination."""

    async def _lookup(self, name: str) -> str:
        session = await self.session_now()
        return await session.naming_lookup(name)

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        raise NotImplementedError("proxy connections are opened by their handshake")

    async def handshake(self, conn: Connection, sock: socket.socket) -> Opened | None:
        """Read what the client wants, open the I2P side; None = answered locally."""
        raise NotImplementedError

    async def _serve_connection(self, conn: Connection, sock: socket.socket) -> None:
        # the handshake keeps its own deadlines (head/handshake timeout, then the
        # connect timeout for lookup and stream) so the client always gets an answer
        try:
            await self._handshake_and_relay(conn, sock)
        finally:
            self._hosts.pop(conn.id, None)

    async def _handshake_and_relay(self, conn: Connection, sock: socket.socket) -> None:
        try:
            opened = await self.handshake(conn, sock)
        except ProxyFailure as f:  # the client has its error page / reply already
            self.connection_failed(conn, f)
            return
        except Exception as e:
            sock.close()
            logger.error("handshake on %s failed", self.spec.name, exc_info=e)
            self.connection_failed(conn, e)
            return
        except BaseException:
            sock.close()
            self._forget(conn)
            raise
        if opened is None:
            self._forget(conn)  # answered by the proxy itself (a page, a jump link)
            return
        await self.relay(sock, opened.remote, conn=conn, options=opened.options)

    def requested(self, conn: Connection, host: str) -> None:
        """The host a connection asked for: in its live row, and the log at first use."""
        conn.peer = f"{host} ← {conn.peer}"
        self._hosts[conn.id] = host
        if host not in self._hosts_seen and len(self._hosts_seen) < 10_000:
            self._hosts_seen.add(host)
            self.event(f"first request for {host}")


class HttpProxyTunnel(ProxyTunnel):
    """A browser's HTTP proxy onto I2P (http://….i2p/ and CONNECT), docs/PROXIES.md."""

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        config = HttpProxyConfig(
            connect_timeout=spec.connect_timeout,
            outproxy=spec.outproxy.strip(),
            replace_user_agent=spec.replace_user_agent,
        )
        self.proxy = HttpProxy(
            config,
            resolver=self.resolver,
            dial=self.stream_to,
            jump_links=JumpLinks(self.resolver, self.book),
            relay_options=self.relay_options,
        )

    async def handshake(self, conn: Connection, sock: socket.socket) -> Opened | None:
        return await self.proxy.open(sock, lambda req: self.requested(conn, req.host))

    def no_first_byte(self, conn: Connection, local_sock: socket.socket) -> None:
        """The site took a plain request and sent nothing within the connect timeout:
        the browser gets a 504 page instead of a reset. (CONNECT never comes here: its
        `200 Connection established` already counts as an answer.)"""
        host = self._hosts.get(conn.id) or conn.peer  # set by the handshake before any relay
        self.event(
            f"{host} did not answer within {self.spec.connect_timeout:g} s: "
            "the browser got a 504 page",
            level="warning",
        )
        # the relay closes its socket on abort; a duplicate keeps the browser's
        # connection open for the page (nothing was written to it yet: bytes_out == 0)
        browser: socket.socket | None = None
        with contextlib.suppress(OSError):
            browser = local_sock.dup()
        assert conn.relay is not None
        conn.relay.abort(CloseReason.RESET)
        if browser is None:
            return
        try:
            page = self.proxy.silent_site_page(host)
            task = self.spawn(answer(self.loop, browser, page), name="504 page")
        except RuntimeError:  # the tunnel is stopping
            browser.close()
            return
        # a task cancelled before its first step never runs answer()'s own close
        task.add_done_callback(lambda _: browser.close())


class SocksTunnel(ProxyTunnel):
    """SOCKS5 / SOCKS4a onto I2P names (docs/PROXIES.md)."""

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        creds = (spec.proxy_user, spec.proxy_password) if spec.proxy_user else None
        self.proxy = SocksProxy(
            SocksConfig(
                connect_timeout=spec.connect_timeout,
                credentials=creds,
                outproxy=spec.outproxy.strip(),
            ),
            resolver=self.resolver,
            dial=self.stream_to,
            relay_options=self.relay_options,
        )

    async def handshake(self, conn: Connection, sock: socket.socket) -> Opened | None:
        return await self.proxy.open(sock, lambda req: self.requested(conn, req.host))
