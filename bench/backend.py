"""Benchmark backend: the process the relays forward to (loopback only).

Two listeners, printed as `READY <bulk_port> <echo_port>` on stdout:
- bulk: one thread per connection, blocking sockets (syscalls drop the GIL, so it is
  not the bottleneck). A fixed 20-byte header picks the job: `U` + 19 digits = read
  that many bytes, then answer `OK\\n`; `D` + 19 digits = send that many bytes, then EOF;
  `E` + 19 digits = echo until EOF (the I2P bench's stream-open probe).
- echo: an asyncio Protocol echo server for the connection-rate and 5 000-open phases.

Runs until stdin closes (the driver owns it), so it never outlives the benchmark.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
import threading
from typing import cast

from procstat import raise_nofile

HEADER_LEN = 20
CHUNK = 1 << 20
_ZEROS = memoryview(bytes(CHUNK))


def header(op: str, nbytes: int) -> bytes:
    return f"{op}{nbytes:019d}".encode("ascii")


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("peer closed during header")
        buf += chunk
    return bytes(buf)


def serve(conn: socket.socket) -> None:
    """Serve one benchmark connection (U upload / D download / E echo until EOF)."""
    with conn:
        conn.settimeout(300.0)  # a vanished client must not pin a thread forever
        try:
            head = _recv_exact(conn, HEADER_LEN).decode("ascii")
            op, nbytes = head[0], int(head[1:])
            if op == "U":
                buf = bytearray(CHUNK)
                got = 0
                while got < nbytes:
                    n = conn.recv_into(buf, min(CHUNK, nbytes - got))
                    if n == 0:
                        raise ConnectionError(f"EOF after {got} of {nbytes} bytes")
                    got += n
                conn.sendall(b"OK\n")
            elif op == "D":
                left = nbytes
                while left:
                    n = min(CHUNK, left)
                    conn.sendall(_ZEROS[:n])
                    left -= n
                conn.shutdown(socket.SHUT_WR)
            elif op == "E":
                while data := conn.recv(65536):
                    conn.sendall(data)
                return
            else:
                raise ValueError(f"unknown bulk op {op!r}")
            conn.recv(1)  # wait for the client's close so the relay sees a clean end
        except (OSError, ValueError) as e:
            print(f"backend bulk: {e}", file=sys.stderr, flush=True)


def _bulk_listener(lsock: socket.socket) -> None:
    while True:
        try:
            conn, _ = lsock.accept()
        except OSError:
            return  # listener closed at exit
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


class _Echo(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports implement the Transport API without subclassing it
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)

    def eof_received(self) -> bool:
        return False  # close our side too


async def _echo_main() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Echo, "127.0.0.1", 0, backlog=4096)
    echo_port = server.sockets[0].getsockname()[1]

    lsock = socket.create_server(("127.0.0.1", 0), backlog=1024)
    threading.Thread(target=_bulk_listener, args=(lsock,), daemon=True).start()
    print(f"READY {lsock.getsockname()[1]} {echo_port}", flush=True)

    # stdin EOF = the driver is done (or died): stop.
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()
    lsock.close()


def main() -> None:
    raise_nofile()
    loop_factory = None
    with contextlib.suppress(ImportError):
        import uvloop

        loop_factory = uvloop.new_event_loop
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        runner.run(_echo_main())


if __name__ == "__main__":
    main()
