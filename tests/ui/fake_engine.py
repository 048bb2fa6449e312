"""An in-memory engine with the real Engine's API, for UI tests that need no sockets.

It is an EngineAPI (core/engine_api.py; mypy checks that below), so the bridge samples
it with live_sample() and probes the router with probe_sam() exactly as it does the
real engine. State changes are delivered through `subscribe()` callbacks like the real
engine's (Starting, then Running), and `emit_from_thread()` delivers one from a
foreign thread (as the engine thread does). Connections are ConnectionInfo the test
adds and bumps; samples carry them as the engine's compact rows, in full.
"""

from __future__ import annotations

import asyncio
import itertools
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from i2ptunnel_gui.core.errors import ConfigError, EngineStopped, ListenError, UnknownTunnel
from i2ptunnel_gui.core.live_rows import ConnectionRow, LiveRows, LiveSnapshot
from i2ptunnel_gui.core.sam.probe import SamStatus, probe_sam
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate
from i2ptunnel_gui.core.status import (
    ConnectionInfo,
    ConnState,
    Direction,
    EngineSnapshot,
    Reachability,
    TunnelEvent,
    TunnelState,
    TunnelStatus,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from i2ptunnel_gui.core.engine_api import EngineAPI
    from i2ptunnel_gui.ui.app import Shell


class FakeEngine:
    def __init__(self, sam_address: str = "127.0.0.1:7656") -> None:
        self.sam_address = sam_address
        self.statuses: dict[str, TunnelStatus] = {}
        self.connections: dict[int, ConnectionInfo] = {}
        self.fail_start: dict[str, Exception] = {}  # tunnel id -> error start_tunnel raises
        self.started_specs: list[TunnelSpec] = []
        self.calls: list[str] = []
        self._ids = itertools.count(1)
        self._subs: list[Callable[[TunnelEvent], None]] = []
        self.running = False
        self.shut_down = False
        self.reach: dict[str, Reachability] = {}  # tunnel id -> what a check finds
        self.reach_gate: asyncio.Event | None = None  # set: checks wait for it

    # -- lifecycle
    def start(self) -> None:
        self.running = True

    def shutdown(self, timeout: float = 10.0) -> None:
        self.running = False
        self.shut_down = True

    def subscribe(self, callback: Callable[[TunnelEvent], None]) -> Callable[[], None]:
        self._subs.append(callback)
        return lambda: self._subs.remove(callback)

    def emit(self, tunnel_id: str, state: TunnelState, message: str = "") -> None:
        status = self.statuses.get(tunnel_id)
        if status is not None:
            self.statuses[tunnel_id] = replace(status, state=state, message=message)
        for cb in list(self._subs):
            cb(TunnelEvent(tunnel_id, state, message, time.time()))

    def emit_from_thread(self, tunnel_id: str, state: TunnelState, message: str = "") -> None:
        t = threading.Thread(target=self.emit, args=(tunnel_id, state, message))
        t.start()
        t.join(5)

    # -- async API
    async def _check(self, what: str) -> None:
        if not self.running:
            raise EngineStopped("the engine is not running")
        self.calls.append(what)
        await asyncio.sleep(0)

    async def start_tunnel(self, spec: TunnelSpec, *, retry: bool = True,
                           listener: socket.socket | None = None, dial: object = None,
                           nickname: str | None = None) -> TunnelStatus:
        """As the engine's; `listener`, `dial` and `nickname` change nothing here (the
        fake opens no sockets and no SAM session)."""
        await self._check(f"start {spec.name}")
        if errors := validate(spec):
            raise ConfigError("; ".join(e.message for e in errors))
        if spec.id in self.fail_start:
            raise self.fail_start[spec.id]
        old = self.statuses.get(spec.id)
        if old is not None and old.state.active:
            raise ConfigError(f"tunnel {spec.name!r} is already running")
        if any(s.local_address == f"{spec.listen_host}:{spec.listen_port}" and s.state.active
               for s in self.statuses.values() if spec.listens):
            raise ListenError(f"{spec.listen_host}:{spec.listen_port}: address in use")
        self.started_specs.append(spec)
        status = TunnelStatus(
            id=spec.id, name=spec.name, kind=spec.kind.value, state=TunnelState.RUNNING,
            local_address=f"{spec.listen_host}:{spec.listen_port}" if spec.listens else "",
            started_at=time.time())
        self.statuses[spec.id] = replace(status, state=TunnelState.STARTING)
        self.emit(spec.id, TunnelState.STARTING)
        self.statuses[spec.id] = status
        self.emit(spec.id, TunnelState.RUNNING, "started")
        return self.statuses[spec.id]

    async def stop_tunnel(self, tunnel_id: str) -> None:
        await self._check(f"stop {tunnel_id}")
        if tunnel_id not in self.statuses:
            raise UnknownTunnel(f"no tunnel with id {tunnel_id}")
        del self.statuses[tunnel_id]
        for cid in [c.id for c in self.connections.values() if c.tunnel_id == tunnel_id]:
            del self.connections[cid]
        self.emit(tunnel_id, TunnelState.STOPPED, "stopped")

    async def snapshot(self, tunnel_id: str | None = None,
                       connections: bool = True) -> EngineSnapshot:
        await self._check("snapshot")
        tunnels = tuple(s for s in self.statuses.values()
                        if tunnel_id is None or s.id == tunnel_id)
        ids = {s.id for s in tunnels}
        conns = tuple(c for c in self.connections.values() if c.tunnel_id in ids)
        tunnels = tuple(replace(s, active_connections=sum(c.tunnel_id == s.id for c in conns),
                                bytes_in=sum(c.bytes_in for c in conns if c.tunnel_id == s.id),
                                bytes_out=sum(c.bytes_out for c in conns if c.tunnel_id == s.id))
                        for s in tunnels)
        return EngineSnapshot(time.time(), tunnels, conns if connections else ())

    async def live_sample(self, watch: Mapping[str, float | None] | None = None
                          ) -> LiveSnapshot:
        snap = await self.snapshot()
        rows: dict[str, LiveRows] = {}
        for t in snap.tunnels:
            if watch is None or t.id in watch:
                mine = tuple(connection_row(c) for c in snap.connections if c.tunnel_id == t.id)
                rows[t.id] = LiveRows(mine, tuple(r[0] for r in mine), snap.time)
        return LiveSnapshot(snap.time, snap.tunnels, rows=rows)

    def set_router(self, sam_address: str, sam_auth: tuple[str, str] | None = None) -> None:
        self.router = (sam_address, sam_auth)

    async def probe_sam(self, address: str, *, timeout: float = 3.0) -> SamStatus:
        if not self.running:
            raise EngineStopped("the engine is not running")
        return await probe_sam(address, timeout=timeout)

    async def check_reachability(self, tunnel_id: str) -> Reachability:
        """As the engine's: the result set in `reach` (else reachable in 42 ms); an
        unreachable result turns the tunnel Degraded, a reachable one Running."""
        await self._check(f"reach {tunnel_id}")
        status = self.statuses.get(tunnel_id)
        if status is None:
            raise UnknownTunnel(f"no tunnel with id {tunnel_id}")
        if self.reach_gate is not None:
            await self.reach_gate.wait()
        result = self.reach.get(tunnel_id) or Reachability(
            tunnel_id, True, 42.0, "reachable from I2P (round trip 42 ms)", time.time())
        self.statuses[tunnel_id] = replace(self.statuses[tunnel_id], reachability=result)
        if result.reachable is False:
            self.emit(tunnel_id, TunnelState.DEGRADED,
                      f"{result.message}; re-creating the I2P session")
        return result

    async def close_connection(self, tunnel_id: str, conn_id: int) -> bool:
        await self._check(f"close {conn_id}")
        c = self.connections.get(conn_id)
        if c is None or c.tunnel_id != tunnel_id:
            return False
        del self.connections[conn_id]
        return True

    async def aclose(self) -> None:
        await self._check("aclose")
        for tid in list(self.statuses):
            await self.stop_tunnel(tid)

    # -- test helpers
    def add_connections(self, tunnel_id: str, n: int) -> list[int]:
        now = time.time()
        ids = []
        for _ in range(n):
            cid = next(self._ids)
            self.connections[cid] = ConnectionInfo(
                cid, tunnel_id, f"127.0.0.1:{40000 + cid % 20000}", Direction.OUTBOUND, now,
                0, 0, ConnState.OPEN)
            ids.append(cid)
        return ids

    def bump(self, nbytes: int) -> None:
        for cid, c in self.connections.items():
            self.connections[cid] = replace(c, bytes_in=c.bytes_in + nbytes,
                                            bytes_out=c.bytes_out + nbytes // 2)


def connection_row(c: ConnectionInfo) -> ConnectionRow:
    """`c` as the engine's compact row (plain str values, as core/live_rows.py builds)."""
    plain = str.__str__
    return (c.id, c.peer, plain(c.direction), c.opened_at, c.bytes_in, c.bytes_out,
            plain(c.state), c.closed_at)


if TYPE_CHECKING:  # mypy: the fake offers exactly the calls of the engine boundary
    _conforms: EngineAPI = FakeEngine()


def assert_restarts_only(qtbot: QtBot, shell: Shell, engine: FakeEngine,
                         trigger: Callable[[], None], running: str, stopped: str) -> None:
    """`trigger` (a Restart all) stops and starts the `running` tunnel again and leaves
    the `stopped` one stopped."""
    engine.started_specs.clear()
    engine.calls.clear()
    trigger()
    qtbot.waitUntil(lambda: [s.id for s in engine.started_specs] == [running], timeout=2000)
    qtbot.waitUntil(lambda: shell.controller.is_active(running), timeout=2000)
    assert f"stop {running}" in engine.calls  # stopped, then started again
    assert stopped not in engine.statuses  # the stopped one stays stopped
