"""The window over the REAL engine: a TCP forward tunnel started from the UI relays a
real loopback connection; the table shows it with growing byte counts; closing it from
the table ends it. Everything stays on 127.0.0.1 with ephemeral ports.
"""

from __future__ import annotations

import socket
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView
from qtasync import run_async

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.app import build_shell
from i2ptunnel_gui.ui.models import ConnectionTableModel


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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def engine(tmp_path):
    e = Engine(sam_address=f"127.0.0.1:{free_port()}", keystore=KeyStore(tmp_path / "keys"))
    e.start()
    yield e
    e.shutdown(timeout=10)
    assert not e.thread.is_alive()


def test_forward_tunnel_from_ui_shows_and_closes_connection(qtbot, qloop, settings,
                                                            engine, monkeypatch) -> None:
    from i2ptunnel_gui.ui import bridge as bridge_module
    from i2ptunnel_gui.ui import connection_model

    monkeypatch.setattr(connection_model, "GREY_SECONDS", 0.3)  # closed rows leave sooner
    monkeypatch.setattr(bridge_module, "IDLE_LINGER", 1.0)  # ... also after the last stop
    echo = EchoServer()
    listen = free_port()
    spec = TunnelSpec(name="echo", kind=TunnelKind.FORWARD, listen_port=listen,
                      target_port=echo.port)
    settings.save_tunnels([spec])
    sh = build_shell(Settings.open(settings.path), engine, tray_available=False)
    qtbot.addWidget(sh.window)
    sh.bridge.start()
    sh.window.show()
    chatter = None
    try:
        w = sh.window
        tunnels = w.findChild(QTableView, "tunnel_table")
        tunnels.selectRow(0)
        w.findChild(QAction, "start").trigger()
        qtbot.waitUntil(lambda: tunnels.model().index(0, 2).data() == "Running", timeout=5000)
        chatter = Chatter(listen)
        chatter.start()
        table = w.findChild(QTableView, "connection_table")
        model = table.model()
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
        col_in = ConnectionTableModel.COL_IN
        first = model.index(0, col_in).data(Qt.ItemDataRole.UserRole + 1)
        qtbot.waitUntil(lambda: model.index(0, col_in).data(Qt.ItemDataRole.UserRole + 1)
                        > first + 4096, timeout=5000)  # bytes keep growing
        assert model.index(0, ConnectionTableModel.COL_PEER).data().startswith("127.0.0.1:")
        assert chatter.echoed > 0
        table.selectRow(0)
        w.findChild(QAction, "close_connection").trigger()
        qtbot.waitUntil(chatter.ended.is_set, timeout=5000)
        qtbot.waitUntil(lambda: model.index(0, ConnectionTableModel.COL_STATE).data()
                        in ("closed", None), timeout=5000)
        with socket.create_connection(("127.0.0.1", listen), timeout=5) as extra:
            extra.sendall(b"x")
            assert extra.recv(1) == b"x"
            qtbot.waitUntil(lambda: model.open_count() == 1, timeout=5000)
            w.findChild(QAction, "stop").trigger()
            qtbot.waitUntil(lambda: tunnels.model().index(0, 2).data() == "Stopped",
                            timeout=5000)
        # the stopped tunnel's rows turn grey, then leave: sampling outlives the last stop
        qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)
        with socket.socket() as s:  # the listener is gone
            assert s.connect_ex(("127.0.0.1", listen)) != 0
    finally:
        if chatter is not None:
            chatter.stop.set()
            chatter.join(5)
        run_async(qtbot, qloop, sh.bridge.aclose())
        echo.close()
