"""Tunnel actions shared by the main window and the tray: the one owner of tunnel state.

Owns the list of definitions (the TunnelTableModel), keeps it saved through
Settings, and turns Start/Stop/Restart/Delete into awaited bridge calls. It is the
only object connected to the bridge: tunnel states enter the model here and nowhere
else, from the engine's events (each transition, at once) and samples (the engine's
truth ≤ 10 Hz: counters, and a tunnel the engine no longer runs is stopped). Only a
start the engine refused (it never ran the tunnel, so it sends no event) is entered
by the controller itself, as Error. Views listen to the controller's signals.
Every failure becomes one `error` signal with the tunnel's name and the engine's own
message; nothing here shows a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from i2ptunnel_gui.core.errors import TunnelError, UnknownTunnel
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.live_rows import LiveSnapshot
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.status import Reachability, TunnelEvent, TunnelState, TunnelStatus
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.bridge import EngineBridge
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.key_address import KeyAddress, read_key_address
from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel, local_endpoint

logger = logging.getLogger(__name__)


class TunnelController(QObject):
    error = Signal(str)  # one line for the user: "<tunnel>: <why>"
    message = Signal(str)  # transient information for the status bar
    changed = Signal()  # definitions or states changed (tray menu rebuilds)
    removed = Signal(str)  # a tunnel definition was deleted (its id)
    start_failed = Signal(str, str)  # tunnel name, why (the engine never ran it: no event)
    # the engine's news, re-emitted once the model holds it (views read the model then)
    tunnel_event = Signal(object)  # TunnelEvent
    sampled = Signal(object)  # LiveSnapshot, ≤ 10 Hz
    sam_status = Signal(object)  # SamStatus
    reachability = Signal(object)  # Reachability of an on-demand check

    def __init__(self, bridge: EngineBridge, settings: Settings, model: TunnelTableModel,
                 keystore: KeyStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.settings = settings
        self.model = model
        self._keystore = keystore
        self.pending_restart: set[str] = set()  # edited while running
        self._key_addresses: dict[str, KeyAddress] = {}  # read from the key files
        bridge.tunnel_event.connect(self._on_event)
        bridge.snapshot_ready.connect(self._on_snapshot)
        bridge.sam_status.connect(self.sam_status)

    # -- definitions ----------------------------------------------------------
    def load(self) -> list[Any]:
        """Read the saved tunnels; returns the settings' LoadProblems (shown by the window)."""
        specs, problems = self.settings.load_tunnels()
        self.model.set_specs(specs)
        for spec in specs:
            self._read_key_address(spec.id)
        self.changed.emit()
        return list(problems)

    def specs(self) -> list[TunnelSpec]:
        return self.model.specs()

    def names(self) -> list[str]:
        return [s.name for s in self.model.specs()]

    def add(self, spec: TunnelSpec) -> bool:
        self.model.add_spec(spec)
        self._read_key_address(spec.id)
        self.changed.emit()
        return self.save()

    def update(self, spec: TunnelSpec) -> bool:
        """Store an edited definition; a running tunnel keeps its old one until restarted."""
        self.model.replace_spec(spec)
        self._read_key_address(spec.id)  # key mode or key file may have changed
        if self.model.state_of(spec.id).active:
            self.pending_restart.add(spec.id)
            self.message.emit(self.tr("{name}: changes apply when the tunnel restarts")
                              .format(name=spec.name))
        self.changed.emit()
        return self.save()

    def unique_name(self, base: str) -> str:
        names = set(self.names())
        candidate, n = self.tr("{name} (copy)").format(name=base), 2
        while candidate in names:
            candidate = self.tr("{name} (copy {n})").format(name=base, n=n)
            n += 1
        return candidate

    def key_path(self, spec: TunnelSpec) -> Path:
        """Where the app keeps the tunnel's private key (the details panel shows it)."""
        return self._keystore.key_path(spec)

    def forget_key(self, spec: TunnelSpec) -> None:
        """Delete the tunnel's private key file ("new identity"); it applies on next start."""
        try:
            self._keystore.delete(self._keystore.key_path(spec))
        except OSError as e:
            self.error.emit(self.tr("{name}: old key not deleted: {why}")
                            .format(name=spec.name, why=e))
            return
        finally:
            self._read_key_address(spec.id)
        self.message.emit(self.tr("{name}: a new identity is created on the next start")
                          .format(name=spec.name))

    def key_address(self, tunnel_id: str) -> KeyAddress | None:
        """The address in the tunnel's key file, as last read (None: no key to show)."""
        return self._key_addresses.get(tunnel_id)

    def _read_key_address(self, tunnel_id: str) -> None:
        """Read the key file again (loaded, edited, key deleted, a start made the key)
        and show the address in the table's address column."""
        spec = self.model.spec_of(tunnel_id)
        found = read_key_address(self._keystore, spec) if spec is not None else None
        if found is None:
            self._key_addresses.pop(tunnel_id, None)
        else:
            self._key_addresses[tunnel_id] = found
        self.model.set_key_address(tunnel_id, "" if found is None else found.b32 or found.short)

    def save(self) -> bool:
        try:
            self.settings.save_tunnels(self.model.specs())
        except OSError as e:  # SettingsError is an OSError
            self.error.emit(self.tr("Tunnels not saved: {why}").format(why=e))
            return False
        return True

    def is_active(self, tunnel_id: str) -> bool:
        return self.model.state_of(tunnel_id).active

    def running_count(self) -> int:
        """Tunnels active now (starting, running, reconnecting...): what Quit would stop."""
        return sum(self.is_active(s.id) for s in self.model.specs())

    def running_listeners(self) -> dict[str, tuple[str, str]]:
        """Tunnel id -> (name, local address) of every active tunnel listening locally
        (the engine's address once sampled, the definition's until then)."""
        return {s.id: (s.name, local_endpoint(s, self.status_of(s.id)))
                for s in self.model.specs() if s.listens and self.is_active(s.id)}

    def status_of(self, tunnel_id: str) -> TunnelStatus | None:
        return self.model.status_of(tunnel_id)

    # -- sampling (the live connection table) -----------------------------------
    def watch_connections(self, watch: Callable[[], Mapping[str, float | None]]) -> None:
        """Samples carry the connection rows `watch()` names (ConnectionTableModel.watch)."""
        self._bridge.watch_rows = watch

    def refresh(self) -> None:
        """Sample now (what the tables show changed), and keep sampling while active."""
        self._bridge.wake()

    # -- actions (await from a UI slot) ----------------------------------------
    async def start(self, tunnel_id: str) -> bool:
        spec = self.model.spec_of(tunnel_id)
        if spec is None:
            return False
        try:  # the engine's events bring Starting, Running (or Reconnecting...)
            await self._bridge.start_tunnel(spec)
        except (TunnelError, TimeoutError) as e:
            self._enter(tunnel_id, TunnelState.ERROR, _why(e))
            self.error.emit(f"{spec.name}: {_why(e)}")
            self.start_failed.emit(spec.name, _why(e))
            return False
        self.pending_restart.discard(tunnel_id)
        return True

    async def stop(self, tunnel_id: str) -> bool:
        spec = self.model.spec_of(tunnel_id)
        name = spec.name if spec is not None else tunnel_id
        try:
            await self._bridge.stop_tunnel(tunnel_id)
        except UnknownTunnel:  # not in the engine (never started, or its start failed):
            self.refresh()  # stopped already: a sample now says so
        except (TunnelError, TimeoutError) as e:
            self.error.emit(self.tr("{name}: not stopped: {why}").format(name=name, why=_why(e)))
            return False
        return True  # the engine's Stopped event enters the state

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

    async def restart_all(self) -> int:
        """Restart every active tunnel, one after another (stopped ones stay stopped);
        the number that came back. Edits pending a restart apply now."""
        ids = [s.id for s in self.model.specs() if self.is_active(s.id)]
        return sum([await self.restart(i) for i in ids])

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

    async def check_reachability(self, tunnel_id: str) -> Reachability | None:
        """Dial the server tunnel's own address through I2P now (the details' button);
        a failed check turns it Degraded in the engine, which repairs it."""
        spec = self.model.spec_of(tunnel_id)
        name = spec.name if spec is not None else tunnel_id
        try:
            result = await self._bridge.check_reachability(tunnel_id)
        except (TunnelError, TimeoutError) as e:
            self.error.emit(self.tr("{name}: reachability not checked: {why}")
                            .format(name=name, why=_why(e)))
            return None
        self.message.emit(f"{name}: {shown(result.message)}")
        self.reachability.emit(result)
        return result

    async def close_connection(self, tunnel_id: str, conn_id: int) -> bool:
        try:
            ok = await self._bridge.close_connection(tunnel_id, conn_id)
        except (TunnelError, TimeoutError) as e:
            self.error.emit(self.tr("connection {id}: not closed: {why}")
                            .format(id=conn_id, why=_why(e)))
            return False
        if not ok:
            self.message.emit(self.tr("connection {id} had already closed").format(id=conn_id))
        return ok

    async def stop_engine_tunnels(self) -> None:
        """Stop every tunnel the engine runs (shutting down), bounded by the bridge."""
        await self._bridge.stop_all()

    # -- engine → model: where tunnel state enters ------------------------------
    def _enter(self, tunnel_id: str, state: TunnelState, message: str) -> None:
        before = self.model.state_of(tunnel_id)
        self.model.set_state(tunnel_id, state, message)
        if before is not state:
            if not state.active:  # a first start wrote the key file: its address shows
                self._read_key_address(tunnel_id)
            self.changed.emit()

    def _on_event(self, event: TunnelEvent) -> None:
        self._enter(event.tunnel_id, event.state, event.message)
        self.tunnel_event.emit(event)

    def _on_snapshot(self, snap: LiveSnapshot) -> None:
        before = [self.model.state_of(s.id) for s in self.model.specs()]
        self.model.apply_snapshot(snap)
        if before != [self.model.state_of(s.id) for s in self.model.specs()]:
            self.changed.emit()
        self.sampled.emit(snap)


def _why(e: BaseException) -> str:
    if isinstance(e, TimeoutError) and not str(e):
        return QCoreApplication.translate("TunnelController", "the engine did not answer in time")
    return shown(e) or type(e).__name__
