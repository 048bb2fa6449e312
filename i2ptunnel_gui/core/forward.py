"""TCP forward tunnels: a local listener relayed to host:port, no router needed.

`ForwardTunnel` is the `forward` kind (a TunnelSpec); `SocketFactoryTunnel`
backs the seed API, where the caller hands over a listening socket and a
`make_send()` that returns a (possibly still connecting) socket per connection.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import socket
from collections.abc import Callable
from typing import Any

from i2ptunnel_gui.core.errors import ConfigError, TargetError
from i2ptunnel_gui.core.runtime import EngineContext, ListenerTunnel, register_kind
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec

_RESOLVE_TIMEOUT = 10.0


def _target_text(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


async def resolve_target(host: str, port: int) -> list[tuple[int, Any]]:
    """(family, sockaddr) for host:port, resolved once at start so a typo fails fast."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(_RESOLVE_TIMEOUT):
            infos = await loop.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise ConfigError(f"target host {host!r} did not resolve within 10 s") from None
    except socket.gaierror as e:
        raise ConfigError(f"target host {host!r} cannot be resolved: {e.strerror}") from None
    return [(family, addr) for family, _, _, _, addr in infos]


@register_kind(TunnelKind.FORWARD)
class ForwardTunnel(ListenerTunnel):
    """listen_host:listen_port -> target_host:target_port over plain TCP."""

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, **kw: Any) -> None:
        super().__init__(spec, ctx, **kw)
        self._targets: list[tuple[int, Any]] = []

    async def prepare(self) -> None:
        self._targets = await resolve_target(self.spec.target_host, self.spec.target_port)

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        last: OSError | None = None
        for family, addr in self._targets:
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.setblocking(False)
                await self.loop.sock_connect(sock, addr)
                return sock, b""
            except OSError as e:
                sock.close()
                last = e
            except BaseException:
                sock.close()
                raise
        target = _target_text(self.spec.target_host, self.spec.target_port)
        why = (last.strerror or str(last)) if last is not None else "no address"
        raise TargetError(f"target {target}: {why}")


class SocketFactoryTunnel(ListenerTunnel):
    """The seed's Tunnel: an adopted listening socket and a `make_send()` per connection.

    `make_send()` may block (DNS, a SAM handshake...) so it runs in this tunnel's
    own thread pool: a slow call never stalls the engine loop or other
    connections. The socket it returns may still be connecting (non-blocking
    connect); we wait until it is writable and check SO_ERROR.
    """

    def __init__(
        self,
        spec: TunnelSpec,
        ctx: EngineContext,
        make_send: Callable[[], socket.socket],
        listener: socket.socket,
        *,
        max_threads: int = 32,
    ) -> None:
        super().__init__(spec, ctx, listener=listener)
        self._make_send = make_send
        limit = spec.nconnect if spec.nconnect > 0 else max_threads
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=max(1, min(limit, max_threads)), thread_name_prefix="make_send"
        )

    async def serve(self) -> None:
        try:
            await super().serve()
        finally:
            self._pool.shutdown(wait=False, cancel_futures=True)

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        cf = self._pool.submit(self._make_send)
        try:
            sock = await asyncio.wrap_future(cf)
        except asyncio.CancelledError:
            # the call may still finish in its thread: close what it returns
            cf.add_done_callback(_close_result)
            raise
        except Exception as e:
            raise TargetError(f"make_send() failed: {e!r}") from e
        if not isinstance(sock, socket.socket):
            raise TargetError(f"make_send() returned {type(sock).__name__}, not a socket")
        try:
            sock.setblocking(False)
            await _wait_connected(self.loop, sock)
            return sock, b""
        except BaseException:
            sock.close()
            raise


def _close_result(cf: concurrent.futures.Future[socket.socket]) -> None:
    if not cf.cancelled() and cf.exception() is None:
        cf.result().close()


async def _wait_connected(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
    """Wait for a non-blocking connect to finish; OSError if it failed."""
    fd = sock.fileno()
    writable: asyncio.Future[None] = loop.create_future()

    def on_writable() -> None:
        if not writable.done():
            writable.set_result(None)

    loop.add_writer(fd, on_writable)
    try:
        await writable
    finally:
        loop.remove_writer(fd)
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err:
        raise TargetError(f"connect failed: {os.strerror(err)}")
    try:
        sock.getpeername()
    except OSError:
        raise TargetError("make_send() returned a socket that is not connecting") from None
