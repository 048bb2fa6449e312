"""The app's router on a thread of its own: the managed i2pd (Managed mode) and the health poll.

    service = RouterService(prefs)          # RouterPrefs: External or Managed
    service.start()                         # thread + loop; returns once the loop runs
    status = await service.apply(prefs)     # from ANY loop: (re)start for these prefs
    service.sam_address                     # what the engine's tunnels should use
    service.shutdown()                      # blocking: stop i2pd, stop the loop, join

Like the engine (core/engine.py) it keeps its work off the caller's loop: the GUI's
loop never reads i2pd's log pipe or waits on its exit. Listeners (`on_status`,
`on_health`, `on_log`) run ON THE SERVICE THREAD and must be cheap (the GUI bridge
re-emits them as queued signals). They outlive a switch between modes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from i2ptunnel_gui.core.addresses import parse_hostport
from i2ptunnel_gui.core.router.config import Endpoint
from i2ptunnel_gui.core.router.datadir import default_root
from i2ptunnel_gui.core.router.health import I2PD_NET_STATUS
from i2ptunnel_gui.core.router.i2pcontrol import I2pControlClient
from i2ptunnel_gui.core.router.monitor import HealthMonitor, HealthSample
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus
from i2ptunnel_gui.core.router.supervisor import ManagedRouter

logger = logging.getLogger(__name__)

T = TypeVar("T")
_START_TIMEOUT = 10.0


class RouterService:
    def __init__(
        self, prefs: RouterPrefs, *, root: Path | str | None = None, conf_file_text: str = ""
    ) -> None:
        self.prefs = prefs
        self.root = root
        self.conf_file_text = conf_file_text
        self.managed: ManagedRouter | None = None
        self.monitor: HealthMonitor | None = None
        self._monitor_task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._status_listeners: list[Callable[[RouterStatus], None]] = []
        self._health_listeners: list[Callable[[HealthSample], None]] = []
        self._log_listeners: list[Callable[[str], None]] = []

    # ---- listeners (run on the service thread) ------------------------------------
    def on_status(self, callback: Callable[[RouterStatus], None]) -> None:
        self._status_listeners.append(callback)

    def on_health(self, callback: Callable[[HealthSample], None]) -> None:
        self._health_listeners.append(callback)

    def on_log(self, callback: Callable[[str], None]) -> None:
        self._log_listeners.append(callback)

    @property
    def data_dir(self) -> Path:
        """Where the managed router keeps its identity, config and log."""
        return Path(self.root or default_root()).absolute()

    @property
    def status(self) -> RouterStatus:
        """The managed router's status; STOPPED in External mode."""
        return self.managed.status if self.managed is not None else RouterStatus()

    @property
    def sam_address(self) -> str:
        if self.prefs.mode is RouterMode.MANAGED:
            return self.status.sam_address
        return self.prefs.sam_address

    @property
    def log_lines(self) -> list[str]:
        return list(self.managed.log.lines) if self.managed is not None else []

    # ---- thread ----------------------------------------------------------------------
    def start(self) -> None:
        """Start the service thread; returns once its loop runs. Idempotent."""
        if self._thread is not None and self._thread.is_alive():
            return
        ready = threading.Event()

        def main() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            loop.call_soon(ready.set)
            try:
                loop.run_forever()
            finally:
                loop.close()

        self._thread = threading.Thread(target=main, name="i2ptunnel-router", daemon=True)
        self._thread.start()
        if not ready.wait(_START_TIMEOUT):
            raise RuntimeError("router service thread did not start")

    async def submit(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await `coro` on the service loop, from any other loop."""
        loop = self._loop
        if loop is None:
            coro.close()
            raise RuntimeError("the router service is not started")
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, loop))

    def call(self, factory: Callable[[], Awaitable[T]], timeout: float) -> T:
        """Blocking, from a plain thread: run `factory()` on the service loop."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("the router service is not started")

        async def runner() -> T:
            return await factory()

        return asyncio.run_coroutine_threadsafe(runner(), loop).result(timeout)

    def shutdown(self, timeout: float = 15.0) -> None:
        """Stop the managed router and the poll, stop the loop, join the thread (blocking)."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        try:
            asyncio.run_coroutine_threadsafe(self._stop(), loop).result(timeout)
        except Exception:
            logger.exception("router service did not stop cleanly")
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self._loop = None

    # ---- on the service loop -----------------------------------------------------------
    async def apply(self, prefs: RouterPrefs) -> RouterStatus:
        """Switch to `prefs`: the managed router is stopped, started or restarted as needed.
        RouterError when the managed router cannot start (External needs nothing)."""
        return await self.submit(self._apply(prefs))

    async def stop(self) -> None:
        await self.submit(self._stop())

    async def poll_health(self) -> HealthSample | None:
        """One health poll now (the Router panel's Refresh); None without I2PControl."""
        monitor = self.monitor
        return None if monitor is None else await self.submit(monitor.poll_once())

    async def _apply(self, prefs: RouterPrefs) -> RouterStatus:
        same_managed = (
            prefs.mode is RouterMode.MANAGED
            and self.prefs.mode is RouterMode.MANAGED
            and prefs.managed == self.prefs.managed
            and self.managed is not None
            and self.managed.status.state in (RouterState.RUNNING, RouterState.RESTARTING)
        )
        self.prefs = prefs
        if same_managed:
            return self.status
        await self._stop()
        if prefs.mode is RouterMode.EXTERNAL:
            if prefs.control_address:
                host, port = parse_hostport(prefs.control_address)
                client = I2pControlClient(Endpoint(host, port), prefs.control_password)
                self._start_monitor(client)
            self._emit_status(self.status)
            return self.status
        router = ManagedRouter(prefs.managed, root=self.root, conf_file_text=self.conf_file_text)
        router.subscribe(self._managed_status)
        router.log.subscribe(self._emit_log)
        self.managed = router
        return await router.start()

    def _managed_status(self, status: RouterStatus) -> None:
        router = self.managed
        if status.running and router is not None and router.conf is not None:
            control = router.conf.control
            if control is not None:  # each start has a new password, maybe another port
                password, cert = router.conf.control_password, router.layout.control_cert
                client = I2pControlClient(
                    control, password, cert=cert, status_names=I2PD_NET_STATUS
                )
                self._start_monitor(client)
        # while it restarts the poll keeps going: its failures say what is missing
        self._emit_status(status)

    def _start_monitor(self, client: I2pControlClient) -> None:
        if self.monitor is not None and self._monitor_task is not None:
            self.monitor.client = client
            return
        self.monitor = HealthMonitor(client)
        self.monitor.subscribe(self._emit_health)
        self._monitor_task = asyncio.get_running_loop().create_task(
            self.monitor.run(), name="router health poll"
        )

    async def _stop(self) -> None:
        task, self._monitor_task = self._monitor_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self.monitor = None
        router, self.managed = self.managed, None
        if router is not None:
            await router.aclose()

    def _emit_status(self, status: RouterStatus) -> None:
        _each(self._status_listeners, status)

    def _emit_health(self, sample: HealthSample) -> None:
        _each(self._health_listeners, sample)

    def _emit_log(self, line: str) -> None:
        _each(self._log_listeners, line)


def _each(listeners: list[Callable[[T], None]], value: T) -> None:
    for callback in tuple(listeners):
        try:
            callback(value)
        except Exception:
            logger.exception("router service listener failed")
