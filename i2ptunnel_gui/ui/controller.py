"""Tunnel actions shared by the main window and the tray.

Owns the list of definitions (the TunnelTableModel), keeps it saved through
Settings, and turns Start/Stop/Restart/Delete into awaited bridge calls. Every
failure becomes one `error` signal with the tunnel's name and the engine's own
message; nothing here shows a widget.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from i2ptunnel_gui.core.errors import TunnelError, UnknownTunnel
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.status import EngineSnapshot, TunnelEvent, TunnelState
from i2ptunnel_gui.ui.bridge import EngineBridge
from i2ptunnel_gui.ui.models import TunnelTableModel

logger = logging.getLogger(__name__)


class TunnelController(QObject):
    error = Signal(str)  # one line for the user: "<tunnel>: <why>"
    message = Signal(str)  # transient information for the status bar
    changed = Signal()  # definitions or states changed (tray menu rebuilds)
    removed = Signal(str)  # a tunnel definition was deleted (its id)
    start_failed = Signal(str, str)  # tunnel name, why (the engine never ran it: no event)

    def __init__(self, bridge: EngineBridge, settings: Any, model: TunnelTableModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.model = model
        self.pending_restart: set[str] = set()  # edited while running
        bridge.tunnel_event.connect(self._on_event)
        bridge.snapshot_ready.connect(self._on_snapshot)

    # -- definitions ----------------------------------------------------------
    def load(self) -> list[Any]:
        """Read the saved tunnels; returns the settings' LoadProblems (shown by the window)."""
        specs, problems = self.settings.load_tunnels()
        self.model.set_specs(specs)
        self.changed.emit()
        return list(problems)

    def specs(self) -> list[TunnelSpec]:
        return self.model.specs()

    def names(self, *, except_id: str | None = None) -> list[str]:
        return [s.name for s in self.model.specs() if s.id != except_id]

    def add(self, spec: TunnelSpec) -> bool:
        self.model.add_spec(spec)
        self.changed.emit()
        return self.save()

    def update(self, spec: TunnelSpec) -> bool:
        """Store an edited definition; a running tunnel keeps its old one until restarted."""
        self.model.replace_spec(spec)
        if self.model.state_of(spec.id).active:
            self.pending_restart.add(spec.id)
            self.message.emit(f"{spec.name}: changes apply when the tunnel restarts")
        self.changed.emit()
        return self.save()

    def unique_name(self, base: str) -> str:
        names = set(self.names())
        candidate, n = f"{base} (copy)", 2
        while candidate in names:
            candidate, n = f"{base} (copy {n})", n + 1
        return candidate

    def forget_key(self, spec: TunnelSpec) -> None:
        """Delete the tunnel's private key file ("new identity"); it applies on next start."""
        keystore = getattr(self.bridge.engine, "keystore", None)
        if keystore is None:
            return
        try:
            keystore.delete(keystore.key_path(spec))
        except OSError as e:
            self.error.emit(f"{spec.name}: old key not deleted: {e}")
            return
        self.message.emit(f"{spec.name}: a new identity is created on the next start")

    def save(self) -> bool:
        try:
            self.settings.save_tunnels(self.model.specs())
        except OSError as e:  # SettingsError is an OSError
            self.error.emit(f"Tunnels not saved: {e}")
            return False
        return True

    def is_active(self, tunnel_id: str) -> bool:
        return self.model.state_of(tunnel_id).active

    # -- actions (await from a UI slot) ----------------------------------------
    async def start(self, tunnel_id: str) -> bool:
        spec = self.model.spec_of(tunnel_id)
        if spec is None:
            return False
        self.model.set_state(tunnel_id, TunnelState.STARTING)
        try:
            status = await self.bridge.start_tunnel(spec)
        except (TunnelError, TimeoutError) as e:
            self.model.set_state(tunnel_id, TunnelState.ERROR, _why(e))
            self.error.emit(f"{spec.name}: {_why(e)}")
            self.start_failed.emit(spec.name, _why(e))
            self.changed.emit()
            return False
        self.pending_restart.discard(tunnel_id)
        self.model.set_state(tunnel_id, status.state, status.message)
        self.changed.emit()
        return True

    async def stop(self, tunnel_id: str) -> bool:
        spec = self.model.spec_of(tunnel_id)
        name = spec.name if spec is not None else tunnel_id
        try:
            await self.bridge.stop_tunnel(tunnel_id)
        except UnknownTunnel:
            pass  # not in the engine (never started, or its start failed): stopped already
        except (TunnelError, TimeoutError) as e:
            self.error.emit(f"{name}: not stopped: {_why(e)}")
            return False
        self.model.set_state(tunnel_id, TunnelState.STOPPED)
        self.changed.emit()
        return True

    async def restart(self, tunnel_id: str) -> bool:
        return await self.stop(tunnel_id) and await self.start(tunnel_id)

    async def set_running(self, tunnel_id: str, running: bool) -> bool:
        if running == self.is_active(tunnel_id):
            return True
        return await (self.start(tunnel_id) if running else self.stop(tunnel_id))

    async def start_all(self) -> int:
        """Start every stopped tunnel, one after another; the number that started."""
        ids = [s.id for s in self.model.specs() if not self.is_active(s.id)]
        return sum([await self.start(i) for i in ids])

    async def stop_all(self) -> int:
        ids = [s.id for s in self.model.specs() if self.is_active(s.id)]
        return sum([await self.stop(i) for i in ids])

    async def auto_start(self) -> int:
        ids = [s.id for s in self.model.specs() if s.auto_start]
        return sum([await self.start(i) for i in ids])

    async def delete(self, tunnel_id: str) -> bool:
        """Stop a running tunnel first, then forget its definition."""
        if self.is_active(tunnel_id) and not await self.stop(tunnel_id):
            return False
        self.model.remove_spec(tunnel_id)
        self.pending_restart.discard(tunnel_id)
        self.removed.emit(tunnel_id)
        self.changed.emit()
        return self.save()

    async def close_connection(self, tunnel_id: str, conn_id: int) -> bool:
        try:
            ok = await self.bridge.close_connection(tunnel_id, conn_id)
        except (TunnelError, TimeoutError) as e:
            self.error.emit(f"connection {conn_id}: not closed: {_why(e)}")
            return False
        if not ok:
            self.message.emit(f"connection {conn_id} had already closed")
        return ok

    # -- engine → model --------------------------------------------------------
    def _on_event(self, event: TunnelEvent) -> None:
        before = self.model.state_of(event.tunnel_id)
        self.model.set_state(event.tunnel_id, event.state, event.message)
        if before is not event.state:
            self.changed.emit()

    def _on_snapshot(self, snap: EngineSnapshot) -> None:
        before = [self.model.state_of(s.id) for s in self.model.specs()]
        self.model.apply_snapshot(snap)
        if before != [self.model.state_of(s.id) for s in self.model.specs()]:
            self.changed.emit()


def _why(e: BaseException) -> str:
    if isinstance(e, TimeoutError) and not str(e):
        return "the engine did not answer in time"
    return str(e) or type(e).__name__
