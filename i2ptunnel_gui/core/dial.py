"""Open a TCP connection to an already resolved address, cheaply.

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
                await _writable(loop, sock)
                err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            raise OSError(err, os.strerror(err))
    except BaseException:
        sock.close()
        raise
    return sock


async def _writable(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
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
