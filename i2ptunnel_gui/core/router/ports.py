"""Loopback ports for the managed router: the preferred one when free, another otherwise.

i2pd binds SAM's datagram socket on UDP port-1 next to the TCP port (7655 next to
7656), so a SAM port counts as free only with that UDP port free too. A port found
free can still be taken before i2pd binds it; the supervisor then sees SAM not
answering and reports it (core/router/supervisor.py).
"""

from __future__ import annotations

import socket

from i2ptunnel_gui.core.router.config import ManagedOptions, RouterPorts
from i2ptunnel_gui.core.router.errors import RouterStartError
from i2ptunnel_gui.core.text import Text

HOST = "127.0.0.1"
_ATTEMPTS = 50


def port_free(port: int, kind: int = socket.SOCK_STREAM, host: str = HOST) -> bool:
    with socket.socket(socket.AF_INET, kind) as s:
        if kind == socket.SOCK_STREAM:  # as a listener would bind it (TIME_WAIT is no obstacle)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
        return True


def sam_port_free(port: int) -> bool:
    return port > 1 and port_free(port) and port_free(port - 1, socket.SOCK_DGRAM)


def ephemeral_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        port: int = s.getsockname()[1]
        return port


def pick_port(preferred: int, *, sam: bool = False, taken: frozenset[int] = frozenset()) -> int:
    """`preferred` if it is free (and not `taken` by another of our services), else another."""
    free = sam_port_free if sam else port_free
    if preferred not in taken and free(preferred):
        return preferred
    for _ in range(_ATTEMPTS):
        port = ephemeral_port()
        if port not in taken and port > 1024 and free(port):
            return port
    raise RouterStartError(Text("no free loopback port for the managed router"))


def pick_ports(options: ManagedOptions, previous: RouterPorts | None = None) -> RouterPorts:
    """Ports for one start: the last ones again where free (a restarted router keeps its
    SAM address, so tunnels come back to it), otherwise the preferred ones, otherwise any."""
    want = previous or RouterPorts(options.sam_port, options.control_port, options.console_port)
    sam = pick_port(want.sam, sam=True)
    taken = frozenset({sam, sam - 1})
    control = pick_port(want.control, taken=taken)
    console = pick_port(want.console, taken=taken | {control})
    return RouterPorts(sam=sam, control=control, console=console)
