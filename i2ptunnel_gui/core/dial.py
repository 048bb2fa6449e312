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


def begin_connect(family: int, addr: Any) -> tuple[socket.socket, bool]:
    """Start connecting a non-blocking stream socket to `addr` (a sockaddr of
    `family`): (socket, True) when connected already (loopback, mostly), (socket,
    False) while the handshake runs (`finish_connect`). OSError (errno set, socket
    closed) when it failed at once."""
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
                return sock, True
            if err in _IN_PROGRESS:
                return sock, False
        if err:
            raise OSError(err, os.strerror(err))
    except BaseException:
        sock.close()
        raise
    return sock, True


async def finish_connect(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> socket.socket:
    """`sock` (from begin_connect, still connecting) once connected; OSError (socket
    closed) when the handshake fails, closed on cancellation too."""
    try:
        await wait_writable(loop, sock)
        err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            raise OSError(err, os.strerror(err))
    except BaseException:
        sock.close()
        raise
    return sock


async def connect_tcp(loop: asyncio.AbstractEventLoop, family: int, addr: Any) -> socket.socket:
    """A connected non-blocking stream socket to `addr` (a sockaddr of `family`).
    Raises OSError (errno set) when the connection fails; closes the socket on any
    failure or cancellation. The caller bounds the wait (connect timeout)."""
    sock, connected = begin_connect(family, addr)
    return sock if connected else await finish_connect(loop, sock)


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

    def connect_now(self) -> tuple[socket.socket, bool] | None:
        """`begin_connect` to the first address, or None when that failed at once
        (then `connect()` tries every address and names the failure)."""
        family, addr = self._addresses[0]
        try:
            return begin_connect(family, addr)
        except OSError:
            return None

    async def connect(
        self, loop: asyncio.AbstractEventLoop, connecting: socket.socket | None = None
    ) -> socket.socket:
        """A connected non-blocking socket; TargetError naming the target otherwise.
        `connecting`: the first address's socket from `connect_now`, still in its
        handshake. The caller bounds the wait (connect timeout)."""
        last: OSError | None = None
        addresses = self._addresses
        if connecting is not None:
            try:
                return await finish_connect(loop, connecting)
            except OSError as e:
                last = e
                addresses = addresses[1:]
        for family, addr in addresses:
            try:  # not loop.sock_connect: a thread-pool hop per connection on uvloop
                return await connect_tcp(loop, family, addr)
            except OSError as e:
                last = e
        if last is None:
            why = "no address"
        else:  # asyncio/uvloop wrap errno in varying texts; the errno name is the clear part
            why = os.strerror(last.errno) if last.errno else (last.strerror or str(last))
        raise TargetError(f"target {self}: {why}")
