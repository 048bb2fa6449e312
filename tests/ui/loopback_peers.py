"""Real loopback peers for UI tests over the real engine: an echo server whose threads
close() joins (tests/ui/test_app.py checks that no thread is left behind), and a
client that keeps chatting through a tunnel until the tunnel closes it."""

from __future__ import annotations

import socket
import threading


class EchoServer:
    """Echoes every byte back; one thread per connection, all on loopback."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            t = threading.Thread(target=self._echo, args=(conn,), daemon=True)
            t.start()
            self.threads.append(t)

    @staticmethod
    def _echo(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            try:
                while data := conn.recv(65536):
                    conn.sendall(data)
            except OSError:
                pass

    def close(self) -> None:
        self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() (Linux)
        self.sock.close()
        self._accept.join(5)
        for t in self.threads:
            t.join(5)


class Chatter(threading.Thread):
    """A client that keeps sending through the tunnel until the tunnel closes it."""

    def __init__(self, port: int) -> None:
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.echoed = 0
        self.ended = threading.Event()
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                self.sock.sendall(b"x" * 1024)
                got = self.sock.recv(65536)
                if not got:
                    break
                self.echoed += len(got)
                self.stop.wait(0.02)
        except OSError:
            pass
        finally:
            self.ended.set()
            self.sock.close()
