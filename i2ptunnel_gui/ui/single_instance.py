"""One app per user (and settings file): a second launch raises the first window.

The first instance listens on a QLocalServer whose name is a hash of the user
and the settings file, so two users, or a test with its own settings file, never
collide. A second launch connects, sends one versioned JSON line and waits (with
timeouts) for the answer, then exits 0 without starting an engine. A stale
socket left by a crashed instance is removed when nobody answers on it.
`i2ptunnel-gui open CARD` sends the card's link instead ("open"); the running
instance checks it again (anyone of the user's programs may write to the socket).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 2000
MAX_MESSAGE = 4096


def server_name(settings_path: str) -> str:
    """A per-user, per-settings-file socket name (hashed: no paths or names leak)."""
    key = f"{getpass.getuser()}\0{settings_path}".encode()
    return "i2ptunnel-gui-" + hashlib.sha256(key).hexdigest()[:24]


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps({"v": PROTOCOL_VERSION, **message}, separators=(",", ":")).encode() + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    """One JSON line of our protocol; ValueError with the reason otherwise."""
    if len(line) > MAX_MESSAGE:
        raise ValueError("message too long")
    data = json.loads(line.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("message is not a JSON object")
    if data.get("v") != PROTOCOL_VERSION:
        raise ValueError(f"unsupported protocol version {data.get('v')!r}")
    return data


def notify_running(name: str, card_link: str = "") -> bool:
    """Ask a running instance to raise its window, or to open `card_link` (a share card)
    when given. True if one answered."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    try:
        sock.write(encode({"cmd": "open", "card": card_link} if card_link else {"cmd": "raise"}))
        if not sock.waitForBytesWritten(REPLY_TIMEOUT_MS):
            return False
        line = b""
        while not line.endswith(b"\n") and len(line) <= MAX_MESSAGE:
            if not sock.bytesAvailable() and not sock.waitForReadyRead(REPLY_TIMEOUT_MS):
                logger.warning("running instance did not answer in %d ms", REPLY_TIMEOUT_MS)
                return False
            line += bytes(sock.readAll().data())
        try:
            return bool(decode(line.strip()).get("ok"))
        except ValueError as e:
            logger.warning("running instance answered badly: %s", e)
            return False
    finally:
        sock.abort()


class SingleInstance(QObject):
    """The first instance's server. `raise_requested` fires on each later launch."""

    raise_requested = Signal()
    card_received = Signal(str)  # a later `open CARD` launch: the card's link, unchecked

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._clients: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> None:
        """Take the name; a stale socket (nobody answering) is removed first."""
        if self._server.listen(self.name):
            return
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            if self._server.listen(self.name):
                return
        raise OSError(f"single-instance socket {self.name}: {self._server.errorString()}")

    def close(self) -> None:
        for sock in list(self._clients):
            sock.abort()
        self._clients.clear()
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            self._clients[sock] = bytearray()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))

    def _drop(self, sock: QLocalSocket) -> None:
        self._clients.pop(sock, None)
        sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        buf = self._clients.get(sock)
        if buf is None:
            return
        buf += bytes(sock.readAll().data())
        if b"\n" not in buf:
            if len(buf) > MAX_MESSAGE:
                sock.abort()
            return
        line = bytes(buf.split(b"\n", 1)[0])
        try:
            message = decode(line)
            cmd = message.get("cmd")
        except ValueError as e:
            sock.write(encode({"ok": False, "error": str(e)}))
        else:
            if cmd == "raise":
                self.raise_requested.emit()
                sock.write(encode({"ok": True}))
            elif cmd == "open" and isinstance(card := message.get("card"), str):
                self.card_received.emit(card)
                sock.write(encode({"ok": True}))
            else:
                sock.write(encode({"ok": False, "error": f"unknown command {cmd!r}"}))
        sock.flush()
        sock.disconnectFromServer()
