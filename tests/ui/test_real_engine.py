"""The window over the REAL engine: a TCP forward tunnel started from the UI relays a
real loopback connection; the table shows it with growing byte counts; closing it from
the table ends it. Everything stays on 127.0.0.1 with ephemeral ports.
"""

from __future__ import annotations

import socket

import pytest
from loopback_peers import Chatter, EchoServer
from nethelpers import free_port
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView
from qtasync import run_async

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.app import build_shell
from i2ptunnel_gui.ui.connection_model import ConnectionTableModel


@pytest.fixture
def engine(tmp_path):
    e = Engine(sam_address=f"127.0.0.1:{free_port()}", keystore=KeyStore(tmp_path / "keys"))
    e.start()
    yield e
    e.shutdown(timeout=10)
    assert not e.thread.is_alive()


def test_forward_tunnel_from_ui_shows_and_closes_connection(qtbot, qloop, settings,
                                                            engine) -> None:
    echo = EchoServer()
    listen = free_port()
    spec = TunnelSpec(name="echo", kind=TunnelKind.FORWARD, listen_port=listen,
                      target_port=echo.port)
    settings.save_tunnels([spec])
    # closed rows leave sooner (and sampling after the last stop lasts 1.3 s)
    sh = build_shell(Settings.open(settings.path), engine, tray_available=False,
                     grey_seconds=0.3)
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
