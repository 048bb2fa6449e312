"""TCP forward tunnels: a local listener relayed to host:port, no router needed.

`ForwardTunnel` is the `forward` kind (a TunnelSpec); `SocketFactoryTunnel`
backs the seed API, where the caller hands over a listening socket and a
`make_send()` that returns a (possibly still connecting) socket per connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

from i2ptunnel_gui.core.dial import connect_tcp
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
            try:
                return await connect_tcp(self.loop, family, addr), b""
            except OSError as e:
                last = e
        target = _target_text(self.spec.target_host, self.spec.target_port)
        if last is None:
            why = "no address"
        else:  # asyncio/uvloop wrap errno in varying texts; the errno name is the clear part
            why = os.strerror(last.errno) if last.errno else (last.strerror or str(last))
        raise TargetError(f"target {target}: {why}")


class SocketFactoryTunnel(ListenerTunnel):
    """The seed's Tunnel: an adopted listening socket and a `make_send()` per connection.

    `make_send()` may block (DNS, a SAM handshake...) so each call runs in its own
    daemon thread (at most `max_threads` at once): a slow call never stalls the
    engine loop or other connections, and a stuck one never blocks interpreter
    exit (a ThreadPoolExecutor's workers are joined at exit). The socket it
    returns may still be connecting (non-blocking connect): we wait until it is
    writable and check SO_ERROR.
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
        self._threads = asyncio.Semaphore(max_threads)

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        async with self._threads:
            try:
                sock = await _call_in_daemon_thread(self.loop, self._make_send)
            except Exception as e:
                raise TargetError(f"make_send() failed: {e!r}") from e
        if not isinstance(sock, socket.socket):
            with contextlib.suppress(Exception):
                sock.close()
            raise TargetError(f"make_send() returned {type(sock).__name__}, not a socket")
        try:
            sock.setblocking(False)
            await _wait_connected(self.loop, sock)
            return sock, b""
        except BaseException:
            sock.close()
            raise


async def _call_in_daemon_thread(
    loop: asyncio.AbstractEventLoop, fn: Callable[[], socket.socket]
) -> socket.socket:
    """`fn()` in a new daemon thread; if we stop waiting, its socket is closed."""
    result: asyncio.Future[socket.socket] = loop.create_future()

    def deliver(value: Any, failed: bool) -> None:
        if result.cancelled():
            if not failed:
                value.close()  # nobody wants it any more
        elif failed:
            result.set_exception(value)
        else:
            result.set_result(value)

    def work() -> None:
        try:
            value: Any = fn()
            failed = False
        except BaseException as e:
            value, failed = e, True
        try:
            loop.call_soon_threadsafe(deliver, value, failed)
        except RuntimeError:  # the engine loop is gone
            if not failed:
                value.close()

    threading.Thread(target=work, name="make_send", daemon=True).start()
    return await result


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
