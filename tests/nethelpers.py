"""Loopback helpers for the tests (real sockets, port 0, daemon threads).

Import from tests as `from nethelpers import ...` (tests/ is on sys.path);
the fixtures that use them live in conftest.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelStatus

IO_TIMEOUT = 10.0


def fd_count() -> int:
    return len(os.listdir("/proc/self/fd"))


def socket_count() -> int:
    """Open sockets of this process: leak checks count these, not all fds, because the
    splice relay keeps a pool of pipes on purpose."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # closed while listing
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    return count


def wait_until(pred: Callable[[], Any], timeout: float = 5.0, step: float = 0.01) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(step)
    return bool(pred())


class LoopbackServer:
    """A threaded TCP server on 127.0.0.1:0; `handler(conn)` runs per connection."""

    def __init__(self, handler: Callable[[socket.socket], None]) -> None:
        self.handler = handler
        self.sock = socket.create_server(("127.0.0.1", 0), backlog=1024)
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            conn.settimeout(IO_TIMEOUT)
            with self._lock:
                self._conns.append(conn)
            threading.Thread(target=self._run, args=(conn,), daemon=True).start()

    def _run(self, conn: socket.socket) -> None:
        try:
            self.handler(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()
        with self._lock:
            for c in self._conns:
                c.close()


def echo_handler(conn: socket.socket) -> None:
    """Echo until EOF, then half-close our side (so EOF travels back)."""
    while data := conn.recv(65536):
        conn.sendall(data)
    conn.shutdown(socket.SHUT_WR)


def forward_spec(target_port: int, **kw: Any) -> TunnelSpec:
    kw.setdefault("name", "test forward")
    return TunnelSpec(
        kind=TunnelKind.FORWARD,
        listen_host="127.0.0.1",
        listen_port=kw.pop("listen_port", 0) or free_port(),
        target_host="127.0.0.1",
        target_port=target_port,
        **kw,
    )


def free_port() -> int:
    """A port that was free a moment ago (specs need a concrete listen port)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def status(engine: Engine, tunnel_id: str) -> TunnelStatus:
    return engine.call(lambda: engine.snapshot(tunnel_id), IO_TIMEOUT).tunnels[0]


def local_port(st: TunnelStatus) -> int:
    """The port a tunnel actually listens on."""
    return int(st.local_address.rpartition(":")[2])


def start_forward(engine: Engine, target_port: int, **kw: Any) -> tuple[TunnelSpec, int]:
    """Start a forward tunnel to 127.0.0.1:target_port; returns (spec, listen port)."""
    spec = forward_spec(target_port, **kw)
    return spec, local_port(engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT))


def connect(port: int) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=IO_TIMEOUT)
    return s


def recv_exactly(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(1 << 20, n - len(buf)))
        if not chunk:
            break
        buf += chunk
    return bytes(buf)


async def sock_recv_exactly(sock: socket.socket, n: int, limit: float = IO_TIMEOUT) -> bytes:
    """`recv_exactly` for a non-blocking socket on the running loop, within `limit` s."""
    loop = asyncio.get_running_loop()
    buf = b""
    async with asyncio.timeout(limit):
        while len(buf) < n:
            chunk = await loop.sock_recv(sock, n - len(buf))
            if not chunk:
                break
            buf += chunk
    return buf


def recv_all(sock: socket.socket) -> bytes:
    buf = bytearray()
    while chunk := sock.recv(1 << 20):
        buf += chunk
    return bytes(buf)


def closed_by_peer(sock: socket.socket, timeout: float = 3.0) -> bool:
    """True when the other end closed (EOF or reset) with no further data.

    The short timeout matters: test servers give up after IO_TIMEOUT, so only
    the code under test can close the socket this early (else TimeoutError).
    """
    sock.settimeout(timeout)
    try:
        return recv_all(sock) == b""
    except ConnectionResetError:
        return True
