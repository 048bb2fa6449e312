"""EngineBridge: the one object between the engine (its own thread) and Qt.

- Engine events arrive on the engine thread; the callback only emits a private
  signal, which Qt queues to the GUI thread, where `tunnel_event` is re-emitted.
- Counters are pulled, never pushed: one QTimer (≤ 10 Hz) sets a tick; the
  bridge's own poll task awaits `engine.live_sample()` (never blocks the GUI) and
  emits the LiveSnapshot as `snapshot_ready`. The timer stops when no tunnel is active.
  Connections come as compact rows (core/live_rows.py), never as ConnectionInfo:
  5 000 of those per sample cost the engine 16 ms of GIL and the GUI full GC passes.
  A live table names what it shows (`watch_rows`): only that tunnel's rows come, and
  only those that changed since the table's last merge.
- The router is probed every few seconds by the engine (`engine.probe_sam`, a SAM
  HELLO from the engine loop) and reported by `sam_status`.

The engine is any EngineAPI (core/engine_api.py): the real Engine in the app, the
FakeEngine in UI tests, both sampled and probed through the same calls.

The bridge owns its tasks (one TaskGroup started by `start()`, cancelled and
awaited by `aclose()`), so nothing it starts outlives it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from i2ptunnel_gui.core.engine_api import EngineAPI
from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.live_rows import LiveSnapshot
from i2ptunnel_gui.core.sam.probe import SamStatus
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.status import Reachability, TunnelEvent, TunnelStatus
from i2ptunnel_gui.ui.connection_model import GREY_SECONDS

logger = logging.getLogger(__name__)

SNAPSHOT_INTERVAL_MS = 250  # 4 Hz: smooth rates, far under the 10 Hz ceiling
SNAPSHOT_TIMEOUT = 5.0
MIN_GAP = 0.1  # seconds between two samples, whatever asks for them (≤ 10 Hz)
# sampling goes on this long after the last tunnel stopped: its connection rows stay grey
# for GREY_SECONDS and leave on a later sample
IDLE_LINGER = GREY_SECONDS + 1.0
# an I2P start waits for SESSION CREATE: ~20 s on i2pd 2.45.1 (docs/I2PD.md §4), longer on
# a busy router
ACTION_TIMEOUT = 90.0
STOP_TIMEOUT = 15.0
# a reachability check creates a probe session (~20 s on i2pd 2.45.1, SAM's limit 120 s)
# and then waits for the echo (Health.reach_timeout, 90 s)
REACH_TIMEOUT = 240.0
SAM_PROBE_INTERVAL = 5.0
SAM_PROBE_TIMEOUT = 3.0


class EngineBridge(QObject):
    tunnel_event = Signal(object)  # TunnelEvent, on the GUI thread
    snapshot_ready = Signal(object)  # LiveSnapshot, ≤ 10 Hz
    sam_status = Signal(object)  # SamStatus, every SAM_PROBE_INTERVAL seconds
    _from_engine = Signal(object)  # emitted on the engine thread only

    def __init__(self, engine: EngineAPI, *, sam_address: str, parent: QObject | None = None,
                 interval_ms: int = SNAPSHOT_INTERVAL_MS,
                 probe_interval: float = SAM_PROBE_INTERVAL,
                 idle_linger: float = IDLE_LINGER) -> None:
        super().__init__(parent)
        if interval_ms < 100:
            raise ValueError("snapshot interval must be at least 100 ms (≤ 10 Hz)")
        self._engine = engine
        self.sam_address = sam_address
        self._probe_interval = probe_interval
        self._idle_linger = idle_linger
        self._timer = QTimer(self)
        self._timer.setObjectName("snapshotTimer")
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer)
        self._tick = asyncio.Event()
        self._probe_now = asyncio.Event()
        self._unsubscribe: Callable[[], None] | None = None
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        self.last_snapshot: LiveSnapshot | None = None
        self.last_sam_status: SamStatus | None = None
        # which tunnels' connection rows samples carry, and since when (a live table's
        # watch(), see ConnectionTableModel); None: every tunnel's rows, in full
        self.watch_rows: Callable[[], Mapping[str, float | None]] | None = None
        self._from_engine.connect(self._on_engine_event, Qt.ConnectionType.QueuedConnection)

    @property
    def polling(self) -> bool:
        return self._timer.isActive()

    # -- lifecycle ----------------------------------------------------------
    def start(self) -> None:
        """Subscribe to engine events and start the poll/probe task (needs a running loop)."""
        if self._task is not None:
            raise RuntimeError("bridge already started")
        self._unsubscribe = self._engine.subscribe(self._from_engine.emit)
        self._task = asyncio.get_running_loop().create_task(self._run(), name="engine-bridge")
        self.wake()

    async def aclose(self) -> None:
        """Stop the timer, unsubscribe, cancel and await the bridge's own task."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    # -- actions (awaited by thin UI slots) ---------------------------------
    async def start_tunnel(self, spec: TunnelSpec) -> TunnelStatus:
        self.wake()
        async with asyncio.timeout(ACTION_TIMEOUT):
            status = await self._engine.start_tunnel(spec, retry=True)
        self.wake()
        return status

    async def stop_tunnel(self, tunnel_id: str) -> None:
        async with asyncio.timeout(STOP_TIMEOUT):
            await self._engine.stop_tunnel(tunnel_id)
        self.wake()

    async def check_reachability(self, tunnel_id: str) -> Reachability:
        async with asyncio.timeout(REACH_TIMEOUT):
            result = await self._engine.check_reachability(tunnel_id)
        self.wake()  # the tunnel's state may have changed (Degraded / Running)
        return result

    async def close_connection(self, tunnel_id: str, conn_id: int) -> bool:
        async with asyncio.timeout(STOP_TIMEOUT):
            ok = await self._engine.close_connection(tunnel_id, conn_id)
        self.wake()
        return ok

    async def _sample(self) -> LiveSnapshot:
        watch = self.watch_rows() if self.watch_rows is not None else None
        async with asyncio.timeout(SNAPSHOT_TIMEOUT):
            return await self._engine.live_sample(watch)

    async def stop_all(self) -> None:
        async with asyncio.timeout(STOP_TIMEOUT * 2):
            await self._engine.aclose()
        self.wake()

    def set_sam_address(self, address: str) -> None:
        self.sam_address = address
        self._probe_now.set()

    def wake(self) -> None:
        """Sample now and keep sampling until nothing is active."""
        if self._closed:
            return
        if not self._timer.isActive():
            self._timer.start()
        self._tick.set()

    # -- internals ----------------------------------------------------------
    def _on_timer(self) -> None:
        self._tick.set()

    def _on_engine_event(self, event: TunnelEvent) -> None:
        if self._closed:
            return
        self.tunnel_event.emit(event)
        self.wake()  # a state change: refresh at once, resume sampling if it started

    async def _run(self) -> None:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(self._poll_loop(), name="snapshot-poll")
            tg.create_task(self._probe_loop(), name="sam-probe")

    async def _poll_loop(self) -> None:
        loop = asyncio.get_running_loop()
        last = -MIN_GAP
        idle_since: float | None = None
        while True:
            await self._tick.wait()
            # event-driven wakes come in bursts: keep the 10 Hz ceiling anyway
            if (wait := last + MIN_GAP - loop.time()) > 0:
                await asyncio.sleep(wait)
            self._tick.clear()
            last = loop.time()
            try:
                snap = await self._sample()
            except TimeoutError:
                logger.warning("engine snapshot took more than %.0f s", SNAPSHOT_TIMEOUT)
                continue
            except TunnelError as e:  # EngineStopped while shutting down
                logger.info("no snapshot: %s", e)
                self._timer.stop()
                continue
            self.last_snapshot = snap
            self.snapshot_ready.emit(snap)
            if any(t.state.active for t in snap.tunnels):
                idle_since = None
            elif idle_since is None:
                idle_since = last
            if idle_since is not None and last - idle_since >= self._idle_linger:
                self._timer.stop()

    async def _probe_loop(self) -> None:
        while True:
            address = self.sam_address
            try:  # the probe never raises; the engine may (stopped, or too slow)
                async with asyncio.timeout(SAM_PROBE_TIMEOUT + 1):
                    status = await self._engine.probe_sam(address, timeout=SAM_PROBE_TIMEOUT)
            except (TimeoutError, TunnelError, OSError) as e:
                status = SamStatus(address, False, "", str(e) or type(e).__name__, time.time())
            self.last_sam_status = status
            self.sam_status.emit(status)
            self._probe_now.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._probe_interval):
                    await self._probe_now.wait()
