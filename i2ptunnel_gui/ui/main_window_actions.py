"""What the user does to tunnels from the main window: the actions, when they are enabled,
the selection they act on, and the thin slots they run (editing, start/stop, delete).

MainWindow (ui/main_window.py) inherits this and lays the actions out in its toolbar,
menus and context menus; it sets the attributes annotated below before building them.
Async slots are thin: each awaits one controller coroutine, which reports failures
through `controller.error`. The editor is opened with open(), never exec() (no nested
event loops under qasync).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QTableView

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.clashes import clashes_with
from i2ptunnel_gui.ui import icons
from i2ptunnel_gui.ui.ask import confirm
from i2ptunnel_gui.ui.async_slot import async_slot
from i2ptunnel_gui.ui.connection_model import ConnectionTableModel
from i2ptunnel_gui.ui.connections_page import ConnectionsPage
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.details import DetailsPanel
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.quit_guard import QuitGuard
from i2ptunnel_gui.ui.roles import ID_ROLE
from i2ptunnel_gui.ui.tunnel_model import SortProxy, TunnelTableModel

# MainWindowActions is a base class and PySide6's self.tr() looks texts up under the
# running subclass's name, so the window's one context is named here (lupdate reads it)
translate = QCoreApplication.translate

NEW_KINDS = ((TunnelKind.FORWARD, QT_TRANSLATE_NOOP("MainWindow", "TCP forward…")),
             (TunnelKind.SERVER, QT_TRANSLATE_NOOP("MainWindow", "I2P server…")),
             (TunnelKind.HTTP_SERVER, QT_TRANSLATE_NOOP("MainWindow", "I2P web site…")),
             (TunnelKind.CLIENT, QT_TRANSLATE_NOOP("MainWindow", "I2P client…")),
             (TunnelKind.HTTP_PROXY, QT_TRANSLATE_NOOP("MainWindow", "HTTP proxy…")),
             (TunnelKind.SOCKS, QT_TRANSLATE_NOOP("MainWindow", "SOCKS proxy…")),
             (TunnelKind.IRC, QT_TRANSLATE_NOOP("MainWindow", "IRC client…")))


def _editor_class() -> Any:
    from i2ptunnel_gui.ui.editor import TunnelEditor

    return TunnelEditor


class MainWindowActions(QMainWindow):
    # set by MainWindow.__init__ (the models, the quit guard) and its _build_central
    # (the tables and panels) before the actions are used
    controller: TunnelController
    tunnel_model: TunnelTableModel
    connection_model: ConnectionTableModel
    quit_guard: QuitGuard
    tunnel_proxy: SortProxy
    tunnel_table: QTableView
    connections_page: ConnectionsPage
    details: DetailsPanel
    _sam_version: str  # granted by the router's SAM bridge: the editor warns on ports

    # -- the actions --------------------------------------------------------------------
    def _action(self, name: str, text: str, icon: str | None, slot: Any,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if icon is not None:
            action.setIcon(icons.action_icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_menu = named(QMenu(translate("MainWindow", "New"), self), "new_menu")
        for kind, text in NEW_KINDS:
            a = self.new_menu.addAction(icons.kind_icon(kind), translate("MainWindow", str(text)))
            a.setObjectName(f"new_{kind.value}")
            a.triggered.connect(lambda _=False, k=kind: self.open_editor(None, k))
        self.new_action = self._action("new", translate("MainWindow", "New"), "new",
                                       lambda: self.open_editor(None, TunnelKind.FORWARD),
                                       QKeySequence.StandardKey.New)
        self.new_action.setMenu(self.new_menu)
        self.edit_action = self._action("edit", translate("MainWindow", "Edit…"), "edit",
                                        self.edit_selected, "Ctrl+E")
        self.duplicate_action = self._action("duplicate", translate("MainWindow", "Duplicate"),
                                             "duplicate", self.duplicate_selected, "Ctrl+D")
        self.delete_action = self._action("delete", translate("MainWindow", "Delete…"), "delete",
                                          self.delete_selected, QKeySequence.StandardKey.Delete)
        self.start_action = self._action("start", translate("MainWindow", "Start"), "start",
                                         self.start_selected)
        self.stop_action = self._action("stop", translate("MainWindow", "Stop"), "stop",
                                        self.stop_selected)
        self.restart_action = self._action("restart", translate("MainWindow", "Restart"),
                                           "restart", self.restart_selected)
        self.start_all_action = self._action("start_all", translate("MainWindow", "Start all"),
                                             None, self.start_all)
        self.stop_all_action = self._action("stop_all", translate("MainWindow", "Stop all"),
                                            None, self.stop_all)
        self.restart_all_action = self._action(
            "restart_all", translate("MainWindow", "Restart all"), None, self.restart_all)
        self.close_conn_action = self._action(
            "close_connection", translate("MainWindow", "Close connection"), "stop",
            self.close_selected_connection)
        self.quit_action = self._action("quit", translate("MainWindow", "Quit"), None,
                                        self.quit_guard.request,
                                        QKeySequence(QKeySequence.StandardKey.Quit).toString()
                                        or "Ctrl+Q")  # Windows has no standard Quit key

    # -- the selection they act on ------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.tunnel_table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def selected_spec(self) -> TunnelSpec | None:
        tid = self.selected_id()
        return self.tunnel_model.spec_of(tid) if tid is not None else None

    def select_tunnel(self, tunnel_id: str) -> None:
        row = self.tunnel_model.row_of(tunnel_id)
        if row >= 0:
            index = self.tunnel_proxy.mapFromSource(self.tunnel_model.index(row, 0))
            self.tunnel_table.selectRow(index.row())

    # -- editing ------------------------------------------------------------------------
    def open_editor(self, spec: TunnelSpec | None, kind: TunnelKind) -> Any:
        """Open the editor window-modally (open(), not exec()); saving lands in _on_saved."""
        # the app's tunnels: names taken and listen addresses in use (the editor skips `spec`)
        editor = _editor_class()(spec, kind, self.controller.specs(), self)
        editor.policy.set_sam_version(self._sam_version)
        editor.running_listeners = self.controller.running_listeners()  # checked at Save
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.spec_saved.connect(lambda saved: self._on_saved(saved, editor.regenerate_key))
        editor.open()
        return editor

    def edit_selected(self) -> None:
        spec = self.selected_spec()
        if spec is not None:
            self.open_editor(spec, spec.kind)

    def duplicate_selected(self) -> None:
        spec = self.selected_spec()
        if spec is None:
            return
        copy = spec.duplicate(self.controller.unique_name(spec.name))
        if clashes_with(copy, self.controller.specs()) is not None:
            # a copy of a listening tunnel would take the same port: let the user pick one
            self.open_editor(copy, copy.kind)
        elif self.controller.add(copy):
            self.select_tunnel(copy.id)

    def _on_saved(self, spec: TunnelSpec, new_identity: bool = False) -> None:
        if new_identity:  # the next start makes a new key, so a new address
            self.controller.forget_key(spec)
            self.details.forget_address(spec.id)  # the old b32 must not be shared anymore
        if self.tunnel_model.spec_of(spec.id) is None:
            self.controller.add(spec)
            self.select_tunnel(spec.id)
        else:
            self.controller.update(spec)
            if spec.id == self.selected_id():
                self.details.set_spec(spec)

    # -- async actions (thin: one controller call each) ---------------------------------
    @async_slot(str)
    async def _check_reachability(self, tunnel_id: str) -> None:
        result = await self.controller.check_reachability(tunnel_id)
        if result is None:  # not checked (the error is shown): the button comes back
            self.details.check_failed(tunnel_id)

    @async_slot()
    async def start_selected(self) -> None:
        if (tid := self.selected_id()) is not None:
            await self.controller.start(tid)

    @async_slot()
    async def stop_selected(self) -> None:
        if (tid := self.selected_id()) is not None:
            await self.controller.stop(tid)

    @async_slot()
    async def restart_selected(self) -> None:
        if (tid := self.selected_id()) is not None:
            await self.controller.restart(tid)

    @async_slot()
    async def start_all(self) -> None:
        await self.controller.start_all()

    @async_slot()
    async def stop_all(self) -> None:
        await self.controller.stop_all()

    @async_slot()
    async def restart_all(self) -> None:
        await self.controller.restart_all()

    @async_slot()
    async def delete_selected(self) -> None:
        spec = self.selected_spec()
        if spec is None:
            return
        running = self.controller.is_active(spec.id)
        text = translate("MainWindow", "Delete the tunnel “{name}”?").format(name=spec.name)
        if running:
            text += "\n\n" + translate("MainWindow", "It is running and will be stopped first.")
        if await confirm(self, translate("MainWindow", "Delete tunnel"), text,
                         object_name="confirm_delete"):
            await self.controller.delete(spec.id)

    @async_slot()
    async def close_selected_connection(self) -> None:
        tid = self.connection_model.tunnel_id
        ids = self.connections_page.selected_open_connections()
        if tid is not None:
            for conn_id in ids:
                await self.controller.close_connection(tid, conn_id)
