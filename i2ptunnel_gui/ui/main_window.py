"""The main window: tunnel list, live connections and details of the selected tunnel.

Widgets hold no state: the TunnelController (definitions, tunnel states, actions)
and the models do. The window talks only to the controller: its signals bring the
engine's events and samples, its methods do the rest. Async slots are thin: each
awaits one controller coroutine, which reports failures through `controller.error`.
Dialogs are opened with open()/ask(), never exec() (no nested event loops under qasync).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from i2ptunnel_gui import APP_NAME
from i2ptunnel_gui.core.sam.probe import SamStatus
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.clashes import clashes_with
from i2ptunnel_gui.ui import icons
from i2ptunnel_gui.ui.ask import confirm
from i2ptunnel_gui.ui.async_slot import async_slot
from i2ptunnel_gui.ui.connection_model import GREY_SECONDS, ConnectionTableModel
from i2ptunnel_gui.ui.connections_page import ConnectionsPage
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.details import DetailsPanel
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.roles import ID_ROLE
from i2ptunnel_gui.ui.sparkline_delegate import SparklineDelegate
from i2ptunnel_gui.ui.tables import fit_columns, make_table
from i2ptunnel_gui.ui.tunnel_model import SortProxy, TunnelTableModel

logger = logging.getLogger(__name__)

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


class MainWindow(QMainWindow):
    quit_requested = Signal()  # File ▸ Quit (app.py ends the run; never QApplication.quit())
    close_to_tray = Signal()  # the window was closed while a tray icon keeps the app alive
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, controller: TunnelController, *, tray_available: bool,
                 grey_seconds: float = GREY_SECONDS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icons.app_icon())
        self.controller = controller
        self.tray_available = tray_available
        self.tunnel_model: TunnelTableModel = controller.model
        self.connection_model = ConnectionTableModel(self, grey_seconds=grey_seconds)
        self._build_actions()
        self._build_central()
        self._build_menus()
        self._sam_label = named(QLabel(self.tr("SAM: checking…")), "sam_status")
        self._sam_version = ""  # granted by the router's SAM bridge, once probed
        self.statusBar().addPermanentWidget(self._sam_label)
        controller.error.connect(self.show_error)
        controller.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        controller.changed.connect(self._update_actions)
        controller.changed.connect(self._fit_tunnel_columns)  # edits, state changes
        controller.removed.connect(self.details.forget)
        controller.sampled.connect(self.connection_model.apply_snapshot)
        controller.watch_connections(self.connection_model.watch)  # samples carry its rows
        controller.sampled.connect(self._refresh_details)
        controller.tunnel_event.connect(self._on_event)
        controller.sam_status.connect(self.show_sam_status)
        controller.reachability.connect(self.details.show_reachability)
        self.details.reachability_requested.connect(self._check_reachability)
        self.resize(1000, 640)
        self._update_actions()

    # -- construction -----------------------------------------------------------
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
        self.new_menu = named(QMenu(self.tr("New"), self), "new_menu")
        for kind, text in NEW_KINDS:
            a = self.new_menu.addAction(icons.kind_icon(kind), self.tr(str(text)))
            a.setObjectName(f"new_{kind.value}")
            a.triggered.connect(lambda _=False, k=kind: self.open_editor(None, k))
        self.new_action = self._action("new", self.tr("New"), "new",
                                       lambda: self.open_editor(None, TunnelKind.FORWARD),
                                       QKeySequence.StandardKey.New)
        self.new_action.setMenu(self.new_menu)
        self.edit_action = self._action("edit", self.tr("Edit…"), "edit", self.edit_selected,
                                        "Ctrl+E")
        self.duplicate_action = self._action("duplicate", self.tr("Duplicate"), "duplicate",
                                             self.duplicate_selected, "Ctrl+D")
        self.delete_action = self._action("delete", self.tr("Delete…"), "delete",
                                          self.delete_selected, QKeySequence.StandardKey.Delete)
        self.start_action = self._action("start", self.tr("Start"), "start", self.start_selected)
        self.stop_action = self._action("stop", self.tr("Stop"), "stop", self.stop_selected)
        self.restart_action = self._action("restart", self.tr("Restart"), "restart",
                                           self.restart_selected)
        self.start_all_action = self._action("start_all", self.tr("Start all"), None,
                                             self.start_all)
        self.stop_all_action = self._action("stop_all", self.tr("Stop all"), None, self.stop_all)
        self.close_conn_action = self._action("close_connection", self.tr("Close connection"),
                                              "stop", self.close_selected_connection)
        self.quit_action = self._action("quit", self.tr("Quit"), None, self.quit_requested.emit,
                                        QKeySequence.StandardKey.Quit)

    def _build_central(self) -> None:
        bar = named(QToolBar(self.tr("Tunnels"), self), "tunnel_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.new_action)
        button = bar.widgetForAction(self.new_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        bar.addActions([self.edit_action, self.duplicate_action, self.delete_action])
        bar.addSeparator()
        bar.addActions([self.start_action, self.stop_action, self.restart_action])
        bar.addSeparator()
        bar.addActions([self.start_all_action, self.stop_all_action])
        self.addToolBar(bar)

        self.tunnel_proxy = SortProxy(self.tunnel_model, self)
        self.tunnel_table = make_table("tunnel_table", self.tunnel_proxy)
        self.tunnel_table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.tunnel_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tunnel_table.setItemDelegateForColumn(
            TunnelTableModel.COL_ACTIVITY, SparklineDelegate(self.tunnel_table))
        self._fit_tunnel_columns()
        for sig in (self.tunnel_model.rowsInserted, self.tunnel_model.rowsRemoved,
                    self.tunnel_model.modelReset):
            sig.connect(self._fit_tunnel_columns)
        self.tunnel_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for a in (self.start_action, self.stop_action, self.restart_action, self.edit_action,
                  self.duplicate_action, self.delete_action):
            self.tunnel_table.addAction(a)

        conn_page = ConnectionsPage(self.connection_model, self.close_conn_action,
                                    self._update_actions)
        self.connection_table, self.connection_count = conn_page.table, conn_page.count

        self.details = DetailsPanel(self, key_locator=self.controller.key_path)
        self.details.traffic.follow(self.controller)
        self.tabs = named(QTabWidget(), "lower_tabs")
        self.tabs.addTab(conn_page, self.tr("Connections"))
        self.tabs.addTab(self.details, self.tr("Details"))
        self.splitter = named(QSplitter(Qt.Orientation.Vertical), "main_splitter")
        self.splitter.addWidget(self.tunnel_table)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._action("import", self.tr("Import…"), None,
                                          self.import_requested.emit)
        self.export_action = self._action("export", self.tr("Export…"), None,
                                          self.export_requested.emit)
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        tunnel_menu = self.menuBar().addMenu(self.tr("&Tunnel"))
        tunnel_menu.addMenu(self.new_menu)
        for a in (self.edit_action, self.duplicate_action, self.delete_action, None,
                  self.start_action, self.stop_action, self.restart_action, None,
                  self.start_all_action, self.stop_all_action):
            if a is None:
                tunnel_menu.addSeparator()
            else:
                tunnel_menu.addAction(a)

    # -- selection ----------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.tunnel_table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def selected_spec(self) -> TunnelSpec | None:
        tid = self.selected_id()
        return self.tunnel_model.spec_of(tid) if tid is not None else None

    def _fit_tunnel_columns(self, *_: Any) -> None:
        m = TunnelTableModel
        fit_columns(self.tunnel_table, stretch=m.COL_I2P,
                    counters=(m.COL_CONNS, m.COL_IN, m.COL_OUT))

    def select_tunnel(self, tunnel_id: str) -> None:
        row = self.tunnel_model.row_of(tunnel_id)
        if row >= 0:
            index = self.tunnel_proxy.mapFromSource(self.tunnel_model.index(row, 0))
            self.tunnel_table.selectRow(index.row())

    def _selection_changed(self, *_: Any) -> None:
        tid = self.selected_id()
        self.connection_model.set_tunnel(tid)
        spec = self.selected_spec()
        self.details.set_spec(spec)
        if spec is not None:
            status = self.controller.status_of(spec.id)
            if status is not None:
                self.details.set_status(status)
        self._update_actions()
        self.controller.refresh()

    def _update_actions(self) -> None:
        spec = self.selected_spec()
        active = spec is not None and self.controller.is_active(spec.id)
        for a in (self.edit_action, self.duplicate_action, self.delete_action):
            a.setEnabled(spec is not None)
        self.start_action.setEnabled(spec is not None and not active)
        self.stop_action.setEnabled(active)
        self.restart_action.setEnabled(active)
        specs = self.tunnel_model.specs()
        any_active = any(self.controller.is_active(s.id) for s in specs)
        self.start_all_action.setEnabled(any(not self.controller.is_active(s.id) for s in specs))
        self.stop_all_action.setEnabled(any_active)
        self.close_conn_action.setEnabled(
            self.connection_table.selectionModel().hasSelection())
        self._show_connection_count()

    def _show_connection_count(self) -> None:
        n = self.connection_model.open_count()
        text = (self.tr("1 open connection") if n == 1
                else self.tr("{n} open connections").format(n=n))
        self.connection_count.setText(f"  {text}")

    # -- engine updates -------------------------------------------------------
    def _refresh_details(self, _snap: Any) -> None:
        self._show_connection_count()
        spec = self.selected_spec()
        if spec is not None:
            status = self.controller.status_of(spec.id)
            if status is not None:
                self.details.set_status(status)

    def _on_event(self, event: Any) -> None:
        self.details.append_event(event)  # the panel keeps a log per tunnel
        self._update_actions()

    def show_sam_status(self, st: SamStatus) -> None:
        self._sam_version = st.version if st.reachable else ""  # the editor warns on ports
        if st.reachable:
            text = self.tr("SAM {address}: reachable, version {version}").format(
                address=st.address, version=st.version or "?")
        else:
            text = self.tr("SAM {address}: not reachable").format(address=st.address)
        self._sam_label.setText(text)
        self._sam_label.setToolTip(st.message or text)

    def show_error(self, text: str) -> None:
        logger.warning("%s", text)
        self.statusBar().showMessage(text, 15000)

    # -- editing ----------------------------------------------------------------
    def open_editor(self, spec: TunnelSpec | None, kind: TunnelKind) -> Any:
        """Open the editor window-modally (open(), not exec()); saving lands in _on_saved."""
        # the app's tunnels: names taken and listen addresses in use (the editor skips `spec`)
        editor = _editor_class()(spec, kind, self.controller.specs(), self)
        editor.policy.set_sam_version(self._sam_version)
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

    # -- async actions (thin: one controller call each) -----------------------
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
    async def delete_selected(self) -> None:
        spec = self.selected_spec()
        if spec is None:
            return
        running = self.controller.is_active(spec.id)
        text = self.tr("Delete the tunnel “{name}”?").format(name=spec.name)
        if running:
            text += "\n\n" + self.tr("It is running and will be stopped first.")
        if await confirm(self, self.tr("Delete tunnel"), text, object_name="confirm_delete"):
            await self.controller.delete(spec.id)

    @async_slot()
    async def close_selected_connection(self) -> None:
        tid = self.connection_model.tunnel_id
        rows = self.connection_table.selectionModel().selectedRows()
        ids = [int(r.data(ID_ROLE)) for r in rows]
        if tid is not None:
            for conn_id in ids:
                await self.controller.close_connection(tid, conn_id)

    # -- window ---------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray_available:
            event.ignore()
            self.hide()
            self.close_to_tray.emit()
        else:  # no tray: closing the window is the only way out
            event.accept()
            self.quit_requested.emit()

    def raise_window(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

