"""Session options and socket helpers for the real-router tests (docs/I2PD.md §10)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import select
import socket
import subprocess
import sys
import threading
from pathlib import Path

from nethelpers import free_port, recv_exactly

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.sam.connection import dest_generate
from i2ptunnel_gui.core.spec import DEFAULT_I2P_CONNECT_TIMEOUT, KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelStatus

IO_TIMEOUT = 30.0
START_TIMEOUT = 90.0  # SESSION CREATE is ~20 s on 2.45.1
# zero-hop: no peers exist offline; quantity 1 keeps the lone router light
ZERO_HOP = {
    "inbound.length": "0",
    "outbound.length": "0",
    "inbound.quantity": "1",
    "outbound.quantity": "1",
}
# the ACCEPTING side on one floodfill router must publish an LS1 (2.45.1 LS2 bug);
# core.sam drops its default leaseSetEncType=4,0 when it sees leaseSetType=1
ACCEPTING = {**ZERO_HOP, "i2cp.leaseSetType": "1"}
CONNECTING = dict(ZERO_HOP)


def new_server_key(sam_address: str, path: Path) -> str:
    """DEST GENERATE a key into `path` (0600) so a server's b32 is known before its
    session exists: client sessions can then be created in parallel. Returns the b32."""
    key = asyncio.run(dest_generate(sam_address))
    KeyStore(path.parent).save(path, key.raw)
    return key.b32_address


class ThreadedTarget:
    """A TCP target on 127.0.0.1:0 serving each connection in a thread (`_handle`)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.sock.close()


class BulkTarget(ThreadedTarget):
    """Per connection: sends `down` while reading `up_len` bytes, records their sha256,
    then closes. No half-close anywhere: i2pd 2.45.1 ends BOTH directions of a SAM
    stream when either SAM socket sends FIN (measured: the other direction's in-flight
    data is lost), so tests use known lengths."""

    def __init__(self, down: bytes, up_len: int) -> None:
        self.down = down
        self.up_len = up_len
        self.received: list[str] = []  # sha256 hex of each complete upload
        super().__init__()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(IO_TIMEOUT)
        sender = threading.Thread(target=self._send, args=(conn,), daemon=True)
        sender.start()
        try:
            got = recv_exactly(conn, self.up_len)
            if len(got) == self.up_len:
                self.received.append(hashlib.sha256(got).hexdigest())
            sender.join(IO_TIMEOUT)
        except OSError:
            pass
        finally:
            conn.close()

    def _send(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.sendall(self.down)


def start_tunnel_pair(i2pd_sam: str, keys: KeyStore, target_port: int, name: str
                      ) -> tuple[Engine, TunnelStatus, TunnelStatus]:
    """A new engine running a server tunnel (stored key, so its b32 is known at once)
    to `target_port` and a client tunnel to it, their sessions created in parallel
    (~20 s). The caller shuts the engine down (before the router stops)."""
    server = TunnelSpec(
        name=f"{name} server",
        kind=TunnelKind.SERVER,
        target_port=target_port,
        key_mode=KeyMode.PERSISTENT,
        options=tuple(ACCEPTING.items()),
    )
    server_b32 = new_server_key(i2pd_sam, Path(keys.key_path(server)))
    client = TunnelSpec(
        name=f"{name} client",
        kind=TunnelKind.CLIENT,
        listen_port=free_port(),
        destination=server_b32,
        key_mode=KeyMode.TRANSIENT,
        connect_timeout=DEFAULT_I2P_CONNECT_TIMEOUT,
        options=tuple(CONNECTING.items()),
    )
    engine = Engine(sam_address=i2pd_sam, keystore=keys)
    engine.start()
    try:
        srv, cli = engine.call(
            lambda: asyncio.gather(
                engine.start_tunnel(server, retry=False), engine.start_tunnel(client, retry=False)
            ),
            START_TIMEOUT,
        )
    except BaseException:
        engine.shutdown(10)
        raise
    assert srv.i2p_address == server_b32  # the stored key was used
    return engine, srv, cli


def exchange(port: int, up: bytes, down_len: int) -> bytes:
    """Connect to 127.0.0.1:port, upload `up` while downloading `down_len` bytes,
    then close; returns what came down."""
    with socket.create_connection(("127.0.0.1", port), timeout=IO_TIMEOUT) as s:
        s.settimeout(IO_TIMEOUT)
        errors: list[BaseException] = []

        def upload() -> None:
            try:
                s.sendall(up)
            except OSError as e:
                errors.append(e)

        t = threading.Thread(target=upload, daemon=True)
        t.start()
        got = recv_exactly(s, down_len)
        t.join(IO_TIMEOUT)
        if errors:
            raise errors[0]
        return got


def echo_once(port: int, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=IO_TIMEOUT) as s:
        s.settimeout(IO_TIMEOUT)
        s.sendall(payload)
        return recv_exactly(s, len(payload))


def random_bytes(n: int) -> bytes:
    return os.urandom(n)


def read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    """The next stdout line of `proc`, or AssertionError after `timeout` s / at EOF."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, f"no output from {proc.args!r} within {timeout} s"
    line = proc.stdout.readline()
    if not line:  # it exited: what it said is the reason
        err = proc.stderr.read() if proc.stderr is not None and proc.poll() is not None else ""
        raise AssertionError(f"{proc.args!r} exited ({proc.poll()}) without a line: {err}")
    return line.strip()


def cli(*args: str) -> subprocess.Popen[str]:
    """`python -m i2ptunnel_gui ARGS` with pipes (stderr kept for failure messages)."""
    return subprocess.Popen(
        [sys.executable, "-m", "i2ptunnel_gui", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )


def option_args(options: dict[str, str]) -> list[str]:
    return [a for k, v in options.items() for a in ("--option", f"{k}={v}")]
