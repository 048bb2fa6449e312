"""The main window: tunnel list, live connections and details of the selected tunnel.

Widgets hold no state: the TunnelController (definitions, tunnel states, actions)
and the models do. The window talks only to the controller: its signals bring the
engine's events and samples, its methods do the rest. The tunnel actions, the
selection they act on and the slots they run are in MainWindowActions
(ui/main_window_actions.py); this file lays them out and shows what the engine says.
Dialogs are opened with open()/ask(), never exec() (no nested event loops under qasync).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QWidget,
)

from i2ptunnel_gui import APP_NAME
from i2ptunnel_gui.core.sam.probe import SamStatus
from i2ptunnel_gui.ui import icons
from i2ptunnel_gui.ui.accessibility import describe_main_window
from i2ptunnel_gui.ui.card_intake import CardIntake
from i2ptunnel_gui.ui.compact_toolbar import CompactToolBar
from i2ptunnel_gui.ui.connection_model import GREY_SECONDS, ConnectionTableModel
from i2ptunnel_gui.ui.connections_page import ConnectionsPage
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.details import DetailsPanel
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.main_window_actions import MainWindowActions
from i2ptunnel_gui.ui.quit_guard import QuitGuard
from i2ptunnel_gui.ui.sparkline_delegate import SparklineDelegate
from i2ptunnel_gui.ui.tables import fit_columns, make_table
from i2ptunnel_gui.ui.tunnel_model import SortProxy, TunnelTableModel

logger = logging.getLogger(__name__)


class MainWindow(MainWindowActions):
    quit_requested = Signal()  # Quit, confirmed (app.py ends the run; never QApplication.quit())
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
        self.quit_guard = QuitGuard(self, controller.running_count, tray_available=tray_available)
        self.quit_guard.quit_confirmed.connect(self.quit_requested)
        self.quit_guard.keep_in_tray.connect(self.hide)
        self.quit_guard.keep_in_tray.connect(self.close_to_tray)
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
    def _build_central(self) -> None:
        bar = named(CompactToolBar(self.tr("Tunnels"), self), "tunnel_toolbar")
        bar.addAction(self.new_action)
        button = bar.widgetForAction(self.new_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        bar.addActions([self.edit_action, self.duplicate_action, self.delete_action])
        bar.addSeparator()
        bar.addActions([self.start_action, self.stop_action, self.restart_action])
        bar.addSeparator()
        bar.addActions([self.start_all_action, self.stop_all_action, self.restart_all_action])
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

        self.connections_page = conn_page = ConnectionsPage(
            self.connection_model, self.close_conn_action, self._update_actions)
        self.connection_table, self.connection_count = conn_page.table, conn_page.count
        describe_main_window(self.tunnel_table, self.connection_table)

        self.details = DetailsPanel(self, key_locator=self.controller.key_path,
                                    stored_address=self.controller.key_address)
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
        self.cards = CardIntake(self, self, self.controller)  # share cards: open, drop, paste
        file_menu.addActions([self.cards.open_action, self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        tunnel_menu = self.menuBar().addMenu(self.tr("&Tunnel"))
        tunnel_menu.addMenu(self.new_menu)
        for a in (self.edit_action, self.duplicate_action, self.delete_action, None,
                  self.start_action, self.stop_action, self.restart_action, None,
                  self.start_all_action, self.stop_all_action, self.restart_all_action):
            if a is None:
                tunnel_menu.addSeparator()
            else:
                tunnel_menu.addAction(a)

    # -- the selection and what it enables -------------------------------------------
    def _fit_tunnel_columns(self, *_: Any) -> None:
        m = TunnelTableModel
        fit_columns(self.tunnel_table, stretch=m.COL_I2P,
                    counters=(m.COL_CONNS, m.COL_IN, m.COL_OUT))

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
        self.restart_all_action.setEnabled(any_active)
        self.connections_page.update_close_action()
        self._show_connection_count()

    def _show_connection_count(self) -> None:
        n = self.connection_model.open_count()
        text = self.tr("%n open connection(s)", "", n)
        self.connection_count.setText(f"  {text}")

    # -- engine updates -------------------------------------------------------
    def _refresh_details(self, _snap: Any) -> None:
        self._show_connection_count()
        self.connections_page.update_close_action()  # a selected row may have closed
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
        self._sam_label.setToolTip(shown(st.message) or text)

    def show_error(self, text: str) -> None:
        logger.warning("%s", text)
        self.statusBar().showMessage(text, 15000)

    # -- window ---------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray_available:
            event.ignore()
            self.hide()
            self.close_to_tray.emit()
        else:  # no tray: closing is a Quit; the window stays while Quit asks (tunnels run)
            self.quit_guard.request()
            event.setAccepted(self.quit_guard.box is None)

    def raise_window(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

