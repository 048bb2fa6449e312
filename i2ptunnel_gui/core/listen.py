"""Listening sockets: bind with a real backlog and say clearly why binding failed."""

from __future__ import annotations

import errno
import socket
from typing import Any

from i2ptunnel_gui.core.errors import ListenError

LISTEN_BACKLOG = 1024  # socat's 5 drops SYNs under load (DESIGN.md 1.1)


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
