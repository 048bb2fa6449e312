"""Listening sockets: bind with a real backlog and say clearly why binding failed."""

from __future__ import annotations

import asyncio
import errno
import socket
from collections.abc import Callable
from typing import Any

from i2ptunnel_gui.core.errors import ListenError

LISTEN_BACKLOG = 1024  # socat's 5 drops SYNs under load (DESIGN.md 1.1)
ACCEPT_BATCH = 64  # accepts per wake-up before other callbacks get a turn
_ACCEPT_PAUSE = 0.1  # seconds without accepting after an accept error (EMFILE...)


def format_address(addr: Any) -> str:
    """'host:port' / '[v6]:port' from a socket address tuple."""
    host, port = addr[0], addr[1]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def open_listener(host: str, port: int, *, backlog: int = LISTEN_BACKLOG) -> socket.socket:
    """A bound, listening, non-blocking socket; ListenError with the reason otherwise."""
    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        infos = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as e:
        raise ListenError(f"cannot listen on {where}: unknown host ({e.strerror})") from None
    last: OSError | None = None
    for family, type_, proto, _, addr in infos:
        sock = socket.socket(family, type_, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(addr)
            sock.listen(backlog)
            sock.setblocking(False)
            return sock
        except OSError as e:
            sock.close()
            last = e
    reason = last.strerror if last is not None and last.strerror else str(last)
    if last is not None and last.errno == errno.EADDRINUSE:
        reason = "address already in use (another program listens on this port)"
    raise ListenError(f"cannot listen on {where}: {reason}")


async def accept_forever(
    loop: asyncio.AbstractEventLoop,
    lsock: socket.socket,
    handle: Callable[[socket.socket, Any], None],
    warn: Callable[[OSError], None],
) -> None:
    """Hand each connection accepted on `lsock` to `handle(sock, addr)` (a
    non-blocking socket it then owns) until cancelled. One reader for the
    listener's life and up to ACCEPT_BATCH accepts per wake-up: loop.sock_accept
    costs a future and a reader (de)registration per connection. An accept error
    (EMFILE...) goes to `warn` and pauses accepting briefly; an exception from
    `handle` ends the loop with it."""
    while True:
        stalled: asyncio.Future[OSError] = loop.create_future()
        loop.add_reader(lsock, _accept_ready, lsock, handle, stalled)
        try:
            err = await stalled
        finally:
            loop.remove_reader(lsock)
        warn(err)
        await asyncio.sleep(_ACCEPT_PAUSE)


def _accept_ready(
    lsock: socket.socket,
    handle: Callable[[socket.socket, Any], None],
    stalled: asyncio.Future[OSError],
) -> None:
    for _ in range(ACCEPT_BATCH):
        if stalled.done():  # the reader is removed on the accept loop's next turn
            return
        try:
            sock, addr = lsock.accept()
        except (BlockingIOError, InterruptedError):
            return
        except OSError as e:
            stalled.set_result(e)
            return
        try:
            sock.setblocking(False)
            handle(sock, addr)
        except Exception as e:
            sock.close()
            stalled.set_exception(e)
            return
