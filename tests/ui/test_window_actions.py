"""Restart all (running tunnels only) and Close connection (open rows only)."""

from __future__ import annotations

from fake_engine import assert_restarts_only
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView, QToolBar
from samples import SSH, WEB

from i2ptunnel_gui.ui.main_window import MainWindow


def start(qtbot, shell, spec) -> None:
    shell.window.select_tunnel(spec.id)
    shell.window.start_action.trigger()
    qtbot.waitUntil(lambda: shell.controller.is_active(spec.id), timeout=2000)


def test_restart_all_restarts_running_tunnels_and_leaves_stopped_ones(qtbot, shell,
                                                                      fake_engine) -> None:
    w: MainWindow = shell.window
    assert not w.restart_all_action.isEnabled()  # nothing runs
    menus = [a.menu() for a in w.menuBar().actions() if a.menu() is not None]
    assert any(w.restart_all_action in m.actions() for m in menus)  # the Tunnel menu
    assert w.restart_all_action in w.findChild(QToolBar, "tunnel_toolbar").actions()
    start(qtbot, shell, WEB)
    assert w.restart_all_action.isEnabled()
    assert_restarts_only(qtbot, shell, fake_engine, w.restart_all_action.trigger,
                         running=WEB.id, stopped=SSH.id)


def test_close_connection_is_disabled_on_closed_rows(qtbot, shell, fake_engine) -> None:
    w: MainWindow = shell.window
    start(qtbot, shell, WEB)
    first, second = fake_engine.add_connections(WEB.id, 2)
    table = w.findChild(QTableView, "connection_table")
    model = w.connection_model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=3000)
    row_of = {model.connection_id(r): r for r in range(2)}
    table.selectRow(row_of[first])
    assert w.close_conn_action.isEnabled()
    del fake_engine.connections[first]  # closed by its peer: the row greys for a while
    qtbot.waitUntil(lambda: not model.is_open(row_of[first]), timeout=3000)
    # the selection did not change, the row did: the action follows the next sample
    qtbot.waitUntil(lambda: not w.close_conn_action.isEnabled(), timeout=2000)
    assert model.rowCount() == 2  # still listed (greyed)
    table.selectRow(row_of[second])  # an open row: enabled again
    assert w.close_conn_action.isEnabled()
    table.selectRow(row_of[first])  # back to the closed one
    assert not w.close_conn_action.isEnabled()
    # both selected: only the open one is closed
    table.selectionModel().select(model.index(row_of[second], 0),
                                  QItemSelectionModel.SelectionFlag.Select
                                  | QItemSelectionModel.SelectionFlag.Rows)
    assert w.close_conn_action.isEnabled()
    fake_engine.calls.clear()
    w.close_conn_action.trigger()
    qtbot.waitUntil(lambda: second not in fake_engine.connections, timeout=2000)
    assert f"close {first}" not in fake_engine.calls
