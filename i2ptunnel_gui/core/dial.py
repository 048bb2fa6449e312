"""TCP targets: resolved once at tunnel start, then connected cheaply per connection.

`loop.sock_connect` on uvloop resolves its address again with a type-less
getaddrinfo that misses uvloop's numeric fast path, so every connect is a
hand-off to libuv's thread pool and back (a futex wake and an eventfd write per
connection; measured as the largest single cost of a forwarded connection).
The address here comes from a getaddrinfo done once at tunnel start, so the
connect is issued directly and only completion is awaited.
"""

from __future__ import annotations

import asyncio
import errno
import os
import socket
from typing import Any

from i2ptunnel_gui.core.errors import ConfigError, TargetError

_RESOLVE_TIMEOUT = 10.0
_NONBLOCK = getattr(socket, "SOCK_NONBLOCK", 0)  # Linux: no separate FIONBIO ioctl
# connect() on a non-blocking socket: still in progress, wait for writability (not
# EAGAIN: for TCP on Linux that is "no free local port", a failure)
_IN_PROGRESS = frozenset(
    {errno.EINPROGRESS, errno.EALREADY, errno.EINTR}
    | {getattr(errno, "WSAEWOULDBLOCK", -1), getattr(errno, "WSAEALREADY", -1)}
)
_CONNECTED = frozenset({errno.EISCONN, getattr(errno, "WSAEISCONN", -1)})  # asked again


async def connect_tcp(loop: asyncio.AbstractEventLoop, family: int, addr: Any) -> socket.socket:
    """A connected non-blocking stream socket to `addr` (a sockaddr of `family`).
    Raises OSError (errno set) when the connection fails; closes the socket on any
    failure or cancellation. The caller bounds the wait (connect timeout)."""
    sock = socket.socket(family, socket.SOCK_STREAM | _NONBLOCK)
    try:
        if not _NONBLOCK:
            sock.setblocking(False)
        err = sock.connect_ex(addr)
        if err in _IN_PROGRESS:
            # a loopback handshake is done by now: asking again (EISCONN) costs one
            # syscall, waiting for writability a poll registration and a loop turn
            err = sock.connect_ex(addr)
            if err in _CONNECTED:
                err = 0
            elif err in _IN_PROGRESS:
                await wait_writable(loop, sock)
                err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            raise OSError(err, os.strerror(err))
    except BaseException:
        sock.close()
        raise
    return sock


async def wait_writable(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
    """Until `sock` (connecting, non-blocking) is writable: its connect finished."""
    ready: asyncio.Future[None] = loop.create_future()

    def on_writable() -> None:
        if not ready.done():
            ready.set_result(None)

    fd = sock.fileno()
    loop.add_writer(fd, on_writable)
    try:
        await ready
    finally:
        loop.remove_writer(fd)


class TcpTarget:
    """host:port of a forward or server tunnel: `resolve()` once at start (a typo
    fails fast), then `connect()` per connection tries each resolved address."""

    __slots__ = ("_addresses", "host", "port")

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._addresses: list[tuple[int, Any]] = []

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    async def resolve(self) -> None:
        """ConfigError when the host does not resolve (within 10 s)."""
        loop = asyncio.get_running_loop()
        host = self.host.strip("[]")
        try:
            async with asyncio.timeout(_RESOLVE_TIMEOUT):
                infos = await loop.getaddrinfo(host, self.port, type=socket.SOCK_STREAM)
        except TimeoutError:
            raise ConfigError(
                f"target host {self.host!r} did not resolve within {_RESOLVE_TIMEOUT:g} s"
            ) from None
        except socket.gaierror as e:
            raise ConfigError(
                f"target host {self.host!r} cannot be resolved: {e.strerror}"
            ) from None
        self._addresses = [(family, addr) for family, _, _, _, addr in infos]

    async def connect(self, loop: asyncio.AbstractEventLoop) -> socket.socket:
        """A connected non-blocking socket; TargetError naming the target otherwise.
        The caller bounds the wait (connect timeout)."""
        last: OSError | None = None
        for family, addr in self._addresses:
            try:  # not loop.sock_connect: a thread-pool hop per connection on uvloop
                return await connect_tcp(loop, family, addr)
            except OSError as e:
                last = e
        if last is None:
            why = "no address"
        else:  # asyncio/uvloop wrap errno in varying texts; the errno name is the clear part
            why = os.strerror(last.errno) if last.errno else (last.strerror or str(last))
        raise TargetError(f"target {self}: {why}")
