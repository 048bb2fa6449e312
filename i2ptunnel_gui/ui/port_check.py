"""Is a listen address free? Checked at Save, so a clash is not first found at Start.

The app's own tunnel definitions are compared in the editor (interop.clashes); here
the port is bound briefly the way the engine's listener binds it (SO_REUSEADDR, every
address the host resolves to, the first that works: core/listen.py), so a port held
by another program, or by one of the app's tunnels still running on an address it
was since edited away from, is found. Who holds it is named when it can be known:
one of the app's running tunnels, or a process of this user (Linux /proc).
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from i2ptunnel_gui.core.addresses import port_from_text
from i2ptunnel_gui.core.spec import TunnelSpec

PROC = Path("/proc")
_LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp


def port_of(address: str) -> int | None:
    """The port of "host:port" / "[v6]:port" (a running tunnel's local address)."""
    _, _, port = address.rpartition(":")
    return port_from_text(port)


def binds(host: str, port: int) -> bool:
    """True if the engine could listen on host:port now; False if it is in use.
    Other failures (unknown host, no such address) are for the other checks and Start."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror:
        return True
    in_use = False
    for family, type_, proto, _, addr in infos:
        with socket.socket(family, type_, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(addr)
            except OSError as e:
                in_use = in_use or e.errno == errno.EADDRINUSE
                continue
            return True
    return not in_use


def listening_process(port: int, proc: Path = PROC) -> tuple[str, int] | None:
    """(name, pid) of a process of this user listening on TCP `port`, if /proc says."""
    inodes = set()
    for table in ("tcp", "tcp6"):
        with contextlib.suppress(OSError):
            for line in (proc / "net" / table).read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9 and fields[3] == _LISTEN and \
                        int(fields[1].rpartition(":")[2], 16) == port:
                    inodes.add(f"socket:[{fields[9]}]")
    if not inodes:
        return None
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):  # another user's process, or gone meanwhile
            for fd in (entry / "fd").iterdir():
                if os.readlink(fd) in inodes:
                    name = (entry / "comm").read_text().strip()
                    return name, int(entry.name)
    return None


def listen_port_problem(spec: TunnelSpec, running: Mapping[str, tuple[str, str]],
                        *, proc: Path = PROC) -> str | None:
    """Why `spec` could not listen on its address now, naming the holder when known;
    None if it could. `running`: the app's running tunnels, id -> (name, local address).
    A tunnel running on that port itself is not checked (a restart frees it first)."""
    if not spec.listens or not 0 < spec.listen_port < 65536:
        return None
    port = spec.listen_port
    own = running.get(spec.id)
    if own is not None and port_of(own[1]) == port:
        return None
    if binds(spec.listen_host, port):
        return None
    for tid, (name, address) in running.items():
        if tid != spec.id and port_of(address) == port:
            return QCoreApplication.translate(
                "PortCheck", "port {port} is in use by the running tunnel “{name}” (it still "
                             "runs with its earlier settings): choose another port or restart "
                             "that tunnel first").format(port=port, name=name)
    holder = listening_process(port, proc)
    if holder is not None and holder[1] != os.getpid():
        return QCoreApplication.translate(
            "PortCheck", "port {port} is in use by another program ({name}, process {pid}): "
                         "choose another port or stop that program").format(
            port=port, name=holder[0], pid=holder[1])
    return QCoreApplication.translate(
        "PortCheck", "port {port} is in use by another program: choose another port").format(
        port=port)
