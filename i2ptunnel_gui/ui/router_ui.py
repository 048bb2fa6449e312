"""The router's place in the main window: Preferences, Help, the Router tab, the first-run
view and the status bar — and what the app does when the router changes.

    router_ui = RouterUi(window, controller, engine, bridge, router, settings)
    await router_ui.start()          # at app start: the saved router (Managed: start i2pd)

`RouterUi` owns no tunnel state: tunnels stay the controller's. It keeps the engine
and the SAM probe pointed at the router in use (`Engine.set_router`) whenever that
changes — the preferences, "Start a private router", or the managed router coming
back on another port — so tunnels reconnect to it by themselves.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget

from i2ptunnel_gui import APP_NAME, __version__
from i2ptunnel_gui.autostart import autostart_enabled, set_autostart
from i2ptunnel_gui.core.engine_api import EngineAPI
from i2ptunnel_gui.core.router.errors import RouterError, RouterNotFound
from i2ptunnel_gui.core.router.monitor import BandwidthPoint, HealthSample
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.process import find_i2pd
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus
from i2ptunnel_gui.core.sam.probe import SamStatus
from i2ptunnel_gui.core.spec import TunnelKind
from i2ptunnel_gui.router_settings import load_router_prefs, save_router_prefs
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.async_slot import async_slot
from i2ptunnel_gui.ui.bridge import EngineBridge
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.first_run import FirstRunPanel
from i2ptunnel_gui.ui.main_window import MainWindow
from i2ptunnel_gui.ui.preferences import AppPreferences, PreferencesDialog
from i2ptunnel_gui.ui.router_bridge import RouterBridge
from i2ptunnel_gui.ui.router_panel import RouterPanel
from i2ptunnel_gui.ui.tray import Tray

logger = logging.getLogger(__name__)

DOCS_URL = "https://github.com/i2ptunnelgui/i2ptunnel-gui#readme"


class RouterUi(QObject):
    def __init__(
        self,
        window: MainWindow,
        controller: TunnelController,
        engine: EngineAPI,
        bridge: EngineBridge,
        router: RouterBridge,
        settings: Settings,
        *,
        tray: Tray | None = None,
    ) -> None:
        super().__init__(window)
        self.tray = tray  # its notifications follow the preference
        self.window = window
        self.controller = controller
        self.engine = engine
        self.bridge = bridge
        self.router = router
        self.settings = settings
        self.prefs = load_router_prefs(settings)
        self.sam: SamStatus | None = None
        self.preferences: PreferencesDialog | None = None
        self.panel = RouterPanel()
        window.tabs.addTab(self.panel, self.tr("Router"))
        self.router_label = named(QLabel(), "router_status")
        window.statusBar().addPermanentWidget(self.router_label)
        self.first_run = FirstRunPanel()
        # the first-run view takes the tunnel table's place; the lower tabs (the Router
        # tab among them) stay in view
        self._stack = named(QStackedWidget(), "tunnels_or_first_run")
        table = window.splitter.replaceWidget(0, self._stack)
        assert table is window.tunnel_table
        self._stack.addWidget(table)
        self._stack.addWidget(self.first_run)
        self._build_menus()

        router.status_changed.connect(self._on_status)
        router.health_changed.connect(self._on_health)
        router.log_line.connect(self.panel.append_log)
        controller.changed.connect(self._update_first_run)
        controller.sam_status.connect(self._on_sam)
        self.first_run.start_private_router.connect(self.start_private_router)
        self.first_run.test_sam.connect(self.test_and_use)
        self.first_run.new_server.connect(lambda: window.open_editor(None, TunnelKind.SERVER))
        self.first_run.new_client.connect(lambda: window.open_editor(None, TunnelKind.CLIENT))
        self.panel.set_mode(self.prefs.mode, self.prefs.sam_address)
        self._update_first_run()

    # -- construction -----------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.preferences_action = self._action("preferences", self.tr("Preferences…"))
        self.preferences_action.triggered.connect(self.open_preferences)
        settings_menu.addAction(self.preferences_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        docs = self._action("help_docs", self.tr("Documentation"))
        docs.triggered.connect(lambda: QDesktopServices.openUrl(QUrl(DOCS_URL)))
        logs = self._action("help_logs", self.tr("Open the router's log folder"))
        logs.triggered.connect(self.open_log_folder)
        about = self._action("help_about", self.tr("About"))
        about.triggered.connect(self.show_about)
        for action in (docs, logs, about):
            help_menu.addAction(action)

    def _action(self, name: str, text: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        return action

    # -- start-up -------------------------------------------------------------------------
    async def start(self) -> None:
        """Use the saved router; a Managed router that cannot start is shown, not raised."""
        await self._apply(self.prefs)

    async def _apply(self, prefs: RouterPrefs) -> bool:
        self.prefs = prefs
        self.panel.set_mode(prefs.mode, prefs.sam_address)
        if prefs.mode is RouterMode.MANAGED:
            self.first_run.show_starting(self.tr("Starting i2pd…"))
            self.panel.set_log(self.router.service.log_lines)
        try:
            await self.router.apply(prefs)
        except RouterError as e:
            self.window.show_error(self.tr("Private router: {0}").format(shown(e)))
            self._update_first_run()
            return False
        self._point_engine()
        self._update_first_run()
        return True

    def _point_engine(self) -> None:
        """The engine and the SAM probe follow the router in use."""
        sam = self.router.sam_address
        if not sam:
            return
        auth = self.prefs.sam_auth if self.prefs.mode is RouterMode.EXTERNAL else None
        self.engine.set_router(sam, auth)
        self.bridge.set_sam_address(sam)

    # -- actions ----------------------------------------------------------------------------
    @async_slot()
    async def start_private_router(self) -> None:
        prefs = dataclasses.replace(self.prefs, mode=RouterMode.MANAGED)
        if await self._apply(prefs):
            save_router_prefs(self.settings, prefs)

    @async_slot(str)
    async def test_and_use(self, address: str) -> None:
        """First run's "Use my router": test the address; if SAM answers, use it."""
        status = await self.engine.probe_sam(address)
        if not status.reachable:
            self.first_run.show_test_result(
                False, self.tr("No SAM bridge: {0}").format(shown(status.message))
            )
            return
        self.first_run.show_test_result(
            True, self.tr("SAM answers (version {0})").format(status.version or "?")
        )
        self.sam = status  # the probe loop would say so only at its next round
        prefs = dataclasses.replace(self.prefs, mode=RouterMode.EXTERNAL, sam_address=address)
        if await self._apply(prefs):
            save_router_prefs(self.settings, prefs)

    def open_preferences(self) -> None:
        if self.preferences is not None:
            self.preferences.raise_()
            return
        current = AppPreferences(
            router=self.prefs,
            notifications=self.settings.notifications,
            start_minimized=self.settings.start_minimized,
            start_at_login=autostart_enabled(),
            language=self.settings.language,
        )
        dialog = PreferencesDialog(
            current,
            keys_dir=self.settings.keys_dir,
            tester=self.engine.probe_sam,
            parent=self.window,
        )
        dialog.saved.connect(self.apply_preferences)
        dialog.finished.connect(self._preferences_closed)
        self.preferences = dialog
        dialog.open()  # never exec() under qasync

    def _preferences_closed(self) -> None:
        if self.preferences is not None:
            self.preferences.deleteLater()
            self.preferences = None

    @async_slot(object)
    async def apply_preferences(self, prefs: AppPreferences) -> None:
        try:
            save_router_prefs(self.settings, prefs.router)
            self.settings.notifications = prefs.notifications
            if self.tray is not None:
                self.tray.notifications = prefs.notifications
            self.settings.start_minimized = prefs.start_minimized
            self.settings.language = prefs.language
            self.settings.sync()
            if prefs.start_at_login != autostart_enabled():
                set_autostart(prefs.start_at_login)
        except (OSError, ValueError) as e:
            self.window.show_error(self.tr("Preferences not saved: {0}").format(e))
            return
        await self._apply(prefs.router)

    def open_log_folder(self) -> None:
        folder = self.router.service.data_dir
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About"),
            self.tr(
                "{0} {1}\nI2P tunnels over SAM v3, with a router of its own (i2pd) or yours."
            ).format(APP_NAME, __version__),
            parent=self.window,
        )
        box.setObjectName("about_box")
        box.open()

    # -- feedback -------------------------------------------------------------------------
    def _on_status(self, status: RouterStatus) -> None:
        self.panel.set_status(status)
        if status.running:
            self._point_engine()  # a restart may have moved SAM to another port
        self._show_router_line(status)
        self._update_router_wait(status, None)
        self._update_first_run()

    def _show_router_line(self, status: RouterStatus) -> None:
        if self.prefs.mode is not RouterMode.MANAGED:
            self.router_label.setText("")
            return
        texts = {
            RouterState.STARTING: self.tr("Private router: starting — tunnels wait for it"),
            RouterState.RUNNING: self.tr("Private router: running"),
            RouterState.RESTARTING: self.tr("Private router: restarting — tunnels wait for it"),
            RouterState.FAILED: self.tr("Private router: cannot start"),
            RouterState.STOPPED: self.tr("Private router: stopped"),
        }
        self.router_label.setText(texts[status.state])
        self.router_label.setToolTip(shown(status.message))

    def _on_health(self, sample: HealthSample, history: tuple[BandwidthPoint, ...]) -> None:
        self.panel.set_health(sample, history)
        health = sample.health
        self._update_router_wait(self.router.status, sample)
        if health is None:
            return
        if self.prefs.mode is RouterMode.EXTERNAL:  # its I2PControl address is set
            self.router_label.setText(self.tr("Router: {0}").format(health.summary()))
            return
        activity = health.activity()
        if activity and self.router.status.running:
            self.router_label.setText(
                self.tr("Private router: {0} — tunnels wait for it").format(activity)
            )
        elif self.router.status.running:
            self.router_label.setText(self.tr("Private router: {0}").format(health.summary()))

    def _update_router_wait(self, status: RouterStatus, sample: HealthSample | None) -> None:
        """Tunnels waiting for the private router say so, and what it is doing."""
        text = ""
        if self.prefs.mode is RouterMode.MANAGED:
            if status.state in (RouterState.STARTING, RouterState.RESTARTING):
                text = self.tr("waiting for the router ({0})").format(
                    self.tr("starting")
                    if status.state is RouterState.STARTING
                    else self.tr("restarting")
                )
            elif status.running:
                health = (sample or self.router.last_health).health
                activity = health.activity() if health is not None else ""
                if activity:
                    text = self.tr("waiting for the router: {0}").format(activity)
        self.controller.model.set_router_wait(text)

    def _on_sam(self, status: SamStatus) -> None:
        self.sam = status
        self._update_first_run()

    def _update_first_run(self) -> None:
        """The first-run view while there are no tunnels; the tunnel table otherwise."""
        empty = not self.controller.specs()
        self._stack.setCurrentIndex(1 if empty else 0)
        if not empty:
            return
        status = self.router.status
        reachable = self.sam is not None and self.sam.reachable
        if self.prefs.mode is RouterMode.MANAGED and status.running:
            self.first_run.show_ready(self.tr("private router, SAM {0}").format(status.sam_address))
        elif self.prefs.mode is RouterMode.MANAGED and status.state in (
            RouterState.STARTING,
            RouterState.RESTARTING,
        ):
            self.first_run.show_starting(shown(status.message))
        elif reachable and self.prefs.mode is RouterMode.EXTERNAL:
            self.first_run.show_ready(
                self.tr("your router, SAM {0}").format(self.prefs.sam_address)
            )
        else:
            reason = shown(
                status.message
                if status.state is RouterState.FAILED
                else (self.sam.message if self.sam is not None else "")
            )
            self.first_run.show_no_router(i2pd_found=_i2pd_found(self.prefs), reason=reason)


def _i2pd_found(prefs: RouterPrefs) -> bool:
    try:
        find_i2pd(prefs.managed.binary)
    except RouterNotFound:
        return False
    return True
