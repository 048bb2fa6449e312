"""The tray icon: overall state at a glance, a toggle per tunnel, notifications.

The icon follows the tunnels: some error > any running > stopped. The menu is
rebuilt when definitions or states change (a handful of tunnels: cheap). Quit
emits `quit_requested`, which app.py hands to the window's QuitGuard (it asks while
tunnels run) — calling QApplication.quit() here would set Qt's quit flag with no
exec() running.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from i2ptunnel_gui import APP_NAME
from i2ptunnel_gui.core.status import TunnelEvent, TunnelState
from i2ptunnel_gui.ui import icons
from i2ptunnel_gui.ui.async_slot import async_slot
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.tray_traffic import TrayTraffic
from i2ptunnel_gui.ui.tunnel_states import state_label

logger = logging.getLogger(__name__)

_FAILED = (TunnelState.ERROR, TunnelState.RECONNECTING, TunnelState.DEGRADED)
NOTICE_MS = 6000


def tray_state(states: list[TunnelState]) -> str:
    """Tray picture name: a failing or retrying tunnel needs attention, so it wins."""
    if any(s in _FAILED for s in states):
        return "some-error"
    return icons.tray_state(states)


class Tray(QObject):
    quit_requested = Signal()
    toggle_window = Signal()

    def __init__(self, controller: TunnelController, *, notifications: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.notifications = notifications
        self.icon = QSystemTrayIcon(self)
        self.icon.setObjectName("tray_icon")
        self.menu = QMenu()
        self.menu.setObjectName("tray_menu")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.state_name = ""
        self._last: dict[str, TunnelState] = {}  # for failed/recovered notifications
        self.notices: list[tuple[str, str]] = []  # (title, text) shown, newest last
        self.traffic = TrayTraffic(controller, self.icon, self)  # tooltip's traffic line
        controller.changed.connect(self.refresh)
        controller.tunnel_event.connect(self._on_event)
        controller.start_failed.connect(
            lambda name, why: self.notify(self.tr("{name} failed").format(name=name), why,
                                          QSystemTrayIcon.MessageIcon.Warning))
        self.refresh()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    # -- menu -------------------------------------------------------------------
    def refresh(self) -> None:
        model = self.controller.model
        specs = model.specs()
        states = [model.state_of(s.id) for s in specs]
        name = tray_state(states)
        if name != self.state_name:
            self.state_name = name
            self.icon.setIcon(icons.icon(f"tray-{name}"))
        running = sum(s.active for s in states)
        tip = self.tr("{app}: {running} of {total} tunnels running").format(
            app=APP_NAME, running=running, total=len(specs))
        if name == "some-error":
            tip += self.tr(" — some failed")
        self.traffic.set_head(tip)
        self._rebuild_menu()

    def _rebuild_menu(self) -> None:
        model = self.controller.model
        self.menu.clear()
        self._add(self.menu, "tray_toggle_window", self.tr("Show/Hide window"),
                  self.toggle_window.emit)
        self._add(self.menu, "tray_traffic", self.tr("Traffic…"), self.traffic.show_window)
        self.menu.addSeparator()
        for spec in model.specs():
            state = model.state_of(spec.id)
            a = QAction(f"{spec.name} — {state_label(state)}", self.menu)
            a.setObjectName(f"tray_tunnel_{spec.id}")
            a.setCheckable(True)
            a.setChecked(state.active)  # no icon: it would hide the check box
            a.toggled.connect(lambda on, tid=spec.id: self._toggle(tid, on))
            self.menu.addAction(a)
        if model.specs():
            self.menu.addSeparator()
        self._add(self.menu, "tray_start_all", self.tr("Start all"), self._start_all)
        self._add(self.menu, "tray_stop_all", self.tr("Stop all"), self._stop_all)
        restart = self._add(self.menu, "tray_restart_all", self.tr("Restart all"),
                            self._restart_all)
        restart.setEnabled(self.controller.running_count() > 0)
        self.menu.addSeparator()
        self._add(self.menu, "tray_quit", self.tr("Quit"), self.quit_requested.emit)

    def _add(self, menu: QMenu, name: str, text: str, slot: Any) -> QAction:
        a = QAction(text, menu)
        a.setObjectName(name)
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    def action(self, name: str) -> QAction | None:
        for a in self.menu.actions():
            if a.objectName() == name:
                return a
        return None

    @async_slot(str, bool)
    async def _toggle(self, tunnel_id: str, on: bool) -> None:
        await self.controller.set_running(tunnel_id, on)
        self.refresh()  # a failed start unchecks the entry again

    @async_slot()
    async def _start_all(self) -> None:
        await self.controller.start_all()

    @async_slot()
    async def _stop_all(self) -> None:
        await self.controller.stop_all()

    @async_slot()
    async def _restart_all(self) -> None:  # the running ones: stopped ones stay stopped
        await self.controller.restart_all()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_window.emit()

    # -- notifications ------------------------------------------------------------
    def notify(self, title: str, text: str,
               icon: QSystemTrayIcon.MessageIcon = QSystemTrayIcon.MessageIcon.Information
               ) -> None:
        self.notices.append((title, text))
        if self.notifications and self.icon.isVisible():
            self.icon.showMessage(title, text, icon, NOTICE_MS)

    def _on_event(self, event: TunnelEvent) -> None:
        before = self._last.get(event.tunnel_id)
        self._last[event.tunnel_id] = event.state
        spec = self.controller.model.spec_of(event.tunnel_id)
        name = spec.name if spec is not None else event.tunnel_id
        if event.state is TunnelState.DEGRADED and before is not TunnelState.DEGRADED:
            # running but not working: say what is wrong and what the app does about it
            self.notify(self.tr("{name} is degraded").format(name=name), shown(event.message),
                        QSystemTrayIcon.MessageIcon.Warning)
        elif event.state in _FAILED and before not in _FAILED:
            why = shown(event.message) or state_label(event.state)
            self.notify(self.tr("{name} failed").format(name=name), why,
                        QSystemTrayIcon.MessageIcon.Warning)
        elif event.state is TunnelState.RUNNING and before in _FAILED:
            self.notify(self.tr("{name} recovered").format(name=name),
                        self.tr("The tunnel is running again."))
