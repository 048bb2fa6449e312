"""A raw SAM v3 stream by hand (blocking sockets): the baseline our I2P tunnels are
compared with. No relay in between: the connector talks SAM itself and the acceptor
serves the benchmark protocol (backend.serve) straight on the accepted SAM socket.

Written against i2pd 2.45.1 offline (docs/I2PD.md): zero-hop tunnels,
`i2cp.leaseSetType=1` on the accepting side, SESSION CREATE answers after ~20 s.
"""

from __future__ import annotations

import contextlib
import socket
import threading

from backend import serve

ZERO_HOP = ("inbound.length=0 outbound.length=0 inbound.quantity=1 outbound.quantity=1")
LINE_MAX = 4096
CONTROL_TIMEOUT = 10.0
CREATE_TIMEOUT = 90.0  # 2.45.1 answers SESSION CREATE after ~20 s


def readline(sock: socket.socket) -> str:
    """One line, consuming nothing past the newline (data follows). Peeks first:
    byte-by-byte recv(1) took ~0.7 ms for the 516-byte peer line after ACCEPT, a
    handicap on the raw side of the stream-open comparison."""
    buf = bytearray()
    while not buf.endswith(b"\n"):
        peek = sock.recv(LINE_MAX, socket.MSG_PEEK)
        if not peek:
            raise ConnectionError(f"SAM closed the socket after {bytes(buf)[:80]!r}")
        end = peek.find(b"\n") + 1 or len(peek)
        while end:  # these bytes are already queued: recv returns at once
            got = sock.recv(end)
            buf += got
            end -= len(got)
        if len(buf) > LINE_MAX:
            raise ConnectionError("SAM line longer than 4096 bytes")
    return buf.decode("utf-8", "replace").strip()


def _expect_ok(reply: str, what: str) -> str:
    if "RESULT=OK" not in reply.split():
        raise ConnectionError(f"{what}: {reply[:200]}")
    return reply


def hello(sam: tuple[str, int], timeout: float = CONTROL_TIMEOUT) -> socket.socket:
    sock = socket.create_connection(sam, timeout=timeout)
    # as our SAM client does: a small write (the echo) must not wait for an ACK
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.sendall(b"HELLO VERSION MIN=3.0 MAX=3.3\n")
        _expect_ok(readline(sock), "HELLO")
    except BaseException:
        sock.close()
        raise
    return sock


class RawSession:
    """A SAM STREAM session held open by its control socket."""

    def __init__(self, sam: tuple[str, int], nick: str, accepting: bool) -> None:
        self.sam, self.nick = sam, nick
        opts = "SIGNATURE_TYPE=7 " + ZERO_HOP + (" i2cp.leaseSetType=1" if accepting else "")
        self.control = hello(sam)
        try:
            self.control.settimeout(CREATE_TIMEOUT)
            self.control.sendall(f"SESSION CREATE STYLE=STREAM ID={nick} "
                                 f"DESTINATION=TRANSIENT {opts}\n".encode())
            _expect_ok(readline(self.control), f"SESSION CREATE {nick}")
            self.control.settimeout(CONTROL_TIMEOUT)
            self.control.sendall(b"NAMING LOOKUP NAME=ME\n")
            reply = _expect_ok(readline(self.control), "NAMING LOOKUP ME")
            self.destination = reply.split("VALUE=", 1)[1].split()[0]
        except BaseException:
            self.control.close()
            raise
        self._acceptor: threading.Thread | None = None
        self._accept_sock: socket.socket | None = None
        self._closing = False

    def connect(self, dest: str, timeout: float = 60.0) -> socket.socket:
        """STREAM CONNECT; returns the data socket (blocking, `timeout` per operation)."""
        sock = hello(self.sam)
        try:
            sock.settimeout(timeout)
            sock.sendall(f"STREAM CONNECT ID={self.nick} DESTINATION={dest} "
                         f"SILENT=false\n".encode())
            _expect_ok(readline(sock), "STREAM CONNECT")
        except BaseException:
            sock.close()
            raise
        return sock

    def serve_forever(self) -> None:
        """Accept streams one after another (SAM 3.1) and serve each in a thread."""
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    def _accept_loop(self) -> None:
        while not self._closing:
            try:
                sock = hello(self.sam)
                self._accept_sock = sock
                sock.sendall(f"STREAM ACCEPT ID={self.nick} SILENT=false\n".encode())
                _expect_ok(readline(sock), "STREAM ACCEPT")
                sock.settimeout(None)  # waits for the next peer; close() ends it
                # i2pd writes the peer line and the first data separately, Nagle on:
                # ACK the line at once or the data waits for our delayed ACK (~40 ms)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                readline(sock)  # the peer's destination
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                sock.settimeout(120.0)
            except OSError:
                if self._closing:
                    return
                raise
            self._accept_sock = None  # handed over: close() must not cut a served stream
            threading.Thread(target=serve, args=(sock,), daemon=True).start()

    def close(self) -> None:
        self._closing = True
        for s in (self._accept_sock, self.control):
            if s is not None:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
        if self._acceptor is not None:
            self._acceptor.join(5.0)
