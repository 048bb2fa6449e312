"""Local services behind a server tunnel for the proxy tests: an HTTP service that
echoes what reached it, and a scripted IRC server that records what reached it."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

BIG_CHUNK = 1 << 16


class _EchoHandler(BaseHTTPRequestHandler):
    """GET /big?n=N: N bytes of a known pattern; anything else: a JSON document with
    the request line, the headers as received and the body's length and sha256."""

    protocol_version = "HTTP/1.1"
    server: EchoHttpServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/big":
            n = int(parse_qs(url.query).get("n", ["0"])[0])
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(n))
            self.end_headers()
            sent = 0
            while sent < n:
                chunk = pattern(sent, min(BIG_CHUNK, n - sent))
                self.wfile.write(chunk)
                sent += len(chunk)
            return
        if url.path == "/page":
            self.server.seen.append(self._doc(b""))
            self._send(
                200,
                b"<html><head><title>proxied page</title></head>"
                b"<body><h1 id=ok>hello from I2P</h1></body></html>",
                "text/html",
            )
            return
        self._echo(b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0") or 0)
        body = b""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    break
                body += self.rfile.read(size)
                self.rfile.readline()
        else:
            body = self.rfile.read(length)
        self._echo(body)

    def _doc(self, body: bytes) -> dict[str, object]:
        return {
            "requestline": self.requestline,
            "headers": [[k, v] for k, v in self.headers.items()],
            "body_len": len(body),
            "body_sha256": hashlib.sha256(body).hexdigest(),
        }

    def _echo(self, body: bytes) -> None:
        doc = self._doc(body)
        self.server.seen.append(doc)
        self._send(200, json.dumps(doc).encode(), "application/json")

    def _send(self, status: int, data: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class EchoHttpServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _EchoHandler)
        self.seen: list[dict[str, object]] = []
        self.port: int = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.shutdown()
        self.server_close()


def pattern(offset: int, n: int) -> bytes:
    """Bytes offset..offset+n of a fixed, position-dependent pattern."""
    block = bytes(range(256))
    start = offset % 256
    reps = (start + n) // 256 + 1
    return (block * reps)[start : start + n]


class ScriptedIrcServer:
    """Per connection: sends a welcome and a CTCP VERSION request and a DCC offer and
    an ACTION, records every line the client sends, answers PING with PONG."""

    GREETING = (
        b":irc.test 001 alice :Welcome\r\n"
        b":bob!b@i2p PRIVMSG alice :\x01VERSION\x01\r\n"
        b":bob!b@i2p PRIVMSG alice :\x01DCC SEND evil 2130706433 5000 10\x01\r\n"
        b":bob!b@i2p PRIVMSG alice :\x01ACTION waves\x01\r\n"
        b":bob!b@i2p PRIVMSG alice :plain hello\r\n"
    )

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.lines: list[bytes] = []
        self.got_quit = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(60)
        buf = b""
        try:
            conn.sendall(self.GREETING)
            while not self.got_quit.is_set():
                data = conn.recv(4096)
                if not data:
                    return
                buf += data
                while b"\r\n" in buf:
                    line, buf = buf.split(b"\r\n", 1)
                    self.lines.append(line)
                    if line.startswith(b"PING "):
                        conn.sendall(b":irc.test PONG irc.test :" + line[5:] + b"\r\n")
                    if line.startswith(b"QUIT"):
                        self.got_quit.set()
                        conn.sendall(b"ERROR :Closing link\r\n")
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.sock.close()
