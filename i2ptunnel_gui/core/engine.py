"""The engine: one worker thread owning one asyncio loop where every tunnel runs.

docs/DECISIONS.md 1.1: relaying on the Qt (qasync) loop costs ~1 ms per
I/O event with 5 000 idle sockets and stalls the UI, while a worker thread
with its own loop keeps both fast. Every public coroutine may be awaited from
ANY loop (qasync in the UI, asyncio.run in the CLI) or from the engine loop
itself: it runs on the engine loop via run_coroutine_threadsafe + wrap_future,
so the caller's loop never does relay work. `call()` and `shutdown()` are the
blocking entry points for plain threads (seed API, CLI).

Loop: uvloop when importable, stock asyncio otherwise (core/engine_loop.py);
`start()` also lifts the soft open-files limit (two fds per relayed connection).
`start_tunnel(spec)` is the only way a tunnel starts; `Engine` implements
`core.engine_api.EngineAPI`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import Any, TypeVar

from i2ptunnel_gui.core import splice_hub
from i2ptunnel_gui.core.context import (
    DEFAULT_BACKOFF,
    DEFAULT_HEALTH,
    Backoff,
    Dial,
    EngineContext,
    Health,
    StartOptions,
)
from i2ptunnel_gui.core.engine_loop import new_loop, raise_fd_limit, uvloop_wanted
from i2ptunnel_gui.core.errors import ConfigError, EngineStopped, UnknownTunnel
from i2ptunnel_gui.core.i2p.server import ServerTunnel
from i2ptunnel_gui.core.kinds import KINDS
from i2ptunnel_gui.core.live_rows import LiveSnapshot
from i2ptunnel_gui.core.runtime import TunnelRuntime
from i2ptunnel_gui.core.sam.connection import DEFAULT_TIMEOUTS, SamTimeouts
from i2ptunnel_gui.core.sam.probe import SamStatus, probe_sam
from i2ptunnel_gui.core.spec import DEFAULT_SAM, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate
from i2ptunnel_gui.core.status import (
    EngineSnapshot,
    Reachability,
    TunnelEvent,
    TunnelState,
    TunnelStatus,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")
_START_TIMEOUT = 10.0


class Engine:
    def __init__(
        self,
        sam_address: str = DEFAULT_SAM,
        keystore: Any = None,
        use_uvloop: bool | None = None,
        *,
        sam_timeouts: SamTimeouts = DEFAULT_TIMEOUTS,
        backoff: Backoff = DEFAULT_BACKOFF,
        sam_auth: tuple[str, str] | None = None,
        health: Health = DEFAULT_HEALTH,
    ) -> None:
        self.sam_address = sam_address
        self.sam_auth = sam_auth  # SAM USER/PASSWORD for the app-wide router
        self.keystore = keystore  # core.keystore.KeyStore or None
        self.sam_timeouts = sam_timeouts  # SAM handshake limits of every I2P tunnel
        self.backoff = backoff  # how I2P tunnels re-create a lost session
        self.health = health  # when I2P tunnels are checked and called Degraded
        self.loop_name = "uvloop" if uvloop_wanted(use_uvloop) else "asyncio"
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._tg: asyncio.TaskGroup | None = None
        self._ctx: EngineContext | None = None
        self._tunnels: dict[str, TunnelRuntime] = {}
        self._subscribers: tuple[Callable[[TunnelEvent], None], ...] = ()
        self._sub_lock = threading.Lock()
        self._start_error: BaseException | None = None

    # -- thread lifecycle ----------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self._tg is not None

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    def start(self) -> None:
        """Start the worker thread; returns when its loop runs. Idempotent."""
        if self._thread is not None:
            if self._thread.is_alive():
                return
            raise EngineStopped("this engine was shut down; create a new one")
        raise_fd_limit()
        self._thread = threading.Thread(
            target=self._thread_main, name="i2ptunnel-engine", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT) or self._start_error is not None:
            raise EngineStopped(f"engine thread did not start: {self._start_error!r}")

    def _thread_main(self) -> None:
        try:
            loop = new_loop(self.loop_name)
        except BaseException as e:  # report to start(), which is waiting
            self._start_error = e
            self._ready.set()
            return
        self._loop = loop
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(_log_loop_exception)
        try:
            loop.run_until_complete(self._main())
        except BaseException:
            logger.exception("engine loop crashed")
        finally:
            self._tg = None
            try:
                loop.run_until_complete(loop.shutdown_default_executor())
            finally:
                splice_hub.close_hub(loop)
                loop.close()
                self._ready.set()  # unblock start() if we died early

    async def _main(self) -> None:
        loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._ctx = EngineContext(
            loop=loop,
            emit=self._emit,
            sam_address=self.sam_address,
            sam_auth=self.sam_auth,
            keystore=self.keystore,
            sam_timeouts=self.sam_timeouts,
            backoff=self.backoff,
            health=self.health,
        )
        async with asyncio.TaskGroup() as tg:
            self._tg = tg
            self._ready.set()
            await self._stop.wait()
            await self._close_all()
        self._tg = None

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop every tunnel, stop the loop and join the thread (blocking)."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None or not thread.is_alive():
            return
        if threading.current_thread() is thread:
            raise RuntimeError("shutdown() called on the engine thread; use aclose()")
        stop = self._stop
        if stop is not None:
            with contextlib.suppress(RuntimeError):  # loop already closed
                loop.call_soon_threadsafe(stop.set)
        thread.join(timeout)
        if thread.is_alive():
            logger.warning("engine thread did not stop within %.1f s", timeout)

    # -- calling into the engine ---------------------------------------------
    async def _on_engine(self, coro: Coroutine[Any, Any, T]) -> T:
        loop = self._loop
        if loop is None or not self.running:
            coro.close()
            raise EngineStopped("the engine is not running")
        try:
            current = asyncio.get_running_loop()
        except RuntimeError:
            current = None
        if current is loop:
            return await coro
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, loop))

    def call(self, coro_factory: Callable[[], Awaitable[T]], timeout: float) -> T:
        """Blocking: run `coro_factory()` on the engine loop and return its result."""
        loop = self._loop
        if loop is None or not self.running:
            raise EngineStopped("the engine is not running")
        if threading.current_thread() is self._thread:
            raise RuntimeError("call() would deadlock on the engine thread; await instead")

        async def runner() -> T:
            return await coro_factory()

        cf = asyncio.run_coroutine_threadsafe(runner(), loop)
        try:
            return cf.result(timeout)
        except TimeoutError:
            cf.cancel()
            raise

    # -- events ----------------------------------------------------------------
    def subscribe(self, callback: Callable[[TunnelEvent], None]) -> Callable[[], None]:
        """`callback(event)` runs ON THE ENGINE THREAD and must be cheap. Returns unsubscribe."""
        with self._sub_lock:
            self._subscribers = (*self._subscribers, callback)

        def unsubscribe() -> None:
            with self._sub_lock:
                self._subscribers = tuple(c for c in self._subscribers if c is not callback)

        return unsubscribe

    def _emit(self, event: TunnelEvent) -> None:
        for cb in self._subscribers:
            try:
                cb(event)
            except Exception:
                logger.exception("engine event subscriber failed")

    # -- public async API ------------------------------------------------------
    async def start_tunnel(
        self,
        spec: TunnelSpec,
        *,
        retry: bool = True,
        listener: socket.socket | None = None,
        dial: Dial | None = None,
        nickname: str | None = None,
    ) -> TunnelStatus:
        """Start `spec`; returns when RUNNING (or RECONNECTING if retry). Raises TunnelError.

        `listener`: a bound listening socket the tunnel adopts (listening kinds; a
        host that must report port 0's real port binds first). `dial`: opens each
        connection's target instead of target_host:target_port (forward kind).
        `nickname`: the SAM session nickname (I2P kinds; random otherwise). A
        listen_port of 0 binds any free port; the returned status's local_address
        tells which."""
        if dial is not None and spec.kind is not TunnelKind.FORWARD:
            raise ConfigError(f"dial= needs a forward tunnel, not {spec.kind.value}")
        if listener is not None and not spec.listens:
            raise ConfigError(f"a {spec.kind.value} tunnel does not listen: no listener=")
        if nickname is not None and spec.kind is TunnelKind.FORWARD:
            raise ConfigError("nickname= names a SAM session: forward tunnels have none")
        # with dial the target fields are unused, so they need not be valid
        errors = [e for e in validate(spec, any_listen_port=True)
                  if dial is None or e.field not in ("target_host", "target_port")]
        if errors:
            listing = "; ".join(f"{e.field}: {e.message}" for e in errors)
            raise ConfigError(f"tunnel {spec.name!r} is invalid: {listing}")
        start = StartOptions(retry=retry, listener=listener, dial=dial, nickname=nickname)
        return await self._on_engine(self._start_tunnel(spec, start))

    async def _start_tunnel(self, spec: TunnelSpec, start: StartOptions) -> TunnelStatus:
        assert self._ctx is not None and self._tg is not None
        old = self._tunnels.get(spec.id)
        if old is not None and old.state.active:
            raise ConfigError(f"tunnel {old.spec.name!r} is already running")
        rt = KINDS[spec.kind](spec, self._ctx, start)
        old = self._tunnels.pop(rt.id, None)
        if old is not None:
            await old.close()  # a stopped/failed leftover with the same id
        self._tunnels[rt.id] = rt
        rt.launch(self._tg)
        try:
            return await rt.wait_started()
        except BaseException:
            if self._tunnels.get(rt.id) is rt:
                del self._tunnels[rt.id]
            await rt.close()
            raise

    async def stop_tunnel(self, tunnel_id: str) -> None:
        """Close the listener and every connection; frees every fd. UnknownTunnel if absent."""
        await self._on_engine(self._stop_tunnel(tunnel_id))

    async def _stop_tunnel(self, tunnel_id: str) -> None:
        rt = self._tunnels.pop(tunnel_id, None)
        if rt is None:
            raise UnknownTunnel(f"no tunnel with id {tunnel_id}")
        await rt.close()

    async def snapshot(
        self, tunnel_id: str | None = None, connections: bool = True
    ) -> EngineSnapshot:
        return await self._on_engine(self._snapshot(tunnel_id, connections))

    async def _snapshot(self, tunnel_id: str | None, connections: bool) -> EngineSnapshot:
        if tunnel_id is None:
            rts = list(self._tunnels.values())
        elif tunnel_id in self._tunnels:
            rts = [self._tunnels[tunnel_id]]
        else:
            raise UnknownTunnel(f"no tunnel with id {tunnel_id}")
        conns = tuple(c for rt in rts for c in rt.connections()) if connections else ()
        return EngineSnapshot(time.time(), tuple(rt.status() for rt in rts), conns)

    async def live_sample(self, watch: Mapping[str, float | None] | None = None
                          ) -> LiveSnapshot:
        """Every tunnel's status, and connections as compact rows for live tables at a few
        Hz (~4x cheaper on the engine thread than ConnectionInfo, and no GC churn).
        `watch` (tunnel id -> the `cursor` of the rows last received, or None): rows of
        those tunnels only, and only what changed since that cursor; None: every
        tunnel's rows in full."""
        return await self._on_engine(self._live_sample(watch))

    async def _live_sample(self, watch: Mapping[str, float | None] | None) -> LiveSnapshot:
        rts = list(self._tunnels.values())
        rows = {rt.id: rt.live_rows(None if watch is None else watch[rt.id])
                for rt in rts if watch is None or rt.id in watch}
        return LiveSnapshot(time.time(), tuple(rt.status() for rt in rts), rows=rows)

    async def close_connection(self, tunnel_id: str, conn_id: int) -> bool:
        return await self._on_engine(self._close_connection(tunnel_id, conn_id))

    async def _close_connection(self, tunnel_id: str, conn_id: int) -> bool:
        rt = self._tunnels.get(tunnel_id)
        return rt.close_connection(conn_id) if rt is not None else False

    def set_router(self, sam_address: str, sam_auth: tuple[str, str] | None = None) -> None:
        """The app-wide router changed (preferences, or the managed router moved to another
        port): sessions created from now on use it; running ones are not touched (they
        fail over to it when they lose their router)."""
        self.sam_address, self.sam_auth = sam_address, sam_auth
        ctx = self._ctx
        if ctx is not None:  # plain attribute writes: read by the engine loop at each create
            ctx.sam_address, ctx.sam_auth = sam_address, sam_auth

    async def probe_sam(self, address: str, *, timeout: float = 3.0) -> SamStatus:  # noqa: ASYNC109
        """HELLO the SAM bridge at `address` from the engine loop; never raises. The app's
        router is asked with its SAM USER/PASSWORD (a router with authentication on
        refuses a bare HELLO)."""
        auth = self.sam_auth if address == self.sam_address else None
        return await self._on_engine(probe_sam(address, timeout=timeout, auth=auth))

    async def check_reachability(self, tunnel_id: str) -> Reachability:
        """Dial the server tunnel's own b32 from a separate short-lived session (may
        take a router's session creation, ~20 s on i2pd 2.45.1, plus the stream)."""
        return await self._on_engine(self._check_reachability(tunnel_id))

    async def _check_reachability(self, tunnel_id: str) -> Reachability:
        rt = self._tunnels.get(tunnel_id)
        if rt is None:
            raise UnknownTunnel(f"no tunnel with id {tunnel_id}")
        if not isinstance(rt, ServerTunnel):
            raise ConfigError(f"{rt.spec.name!r} is a {rt.spec.kind.value} tunnel: only "
                              "server tunnels can be checked for reachability")
        return await rt.check_reachability()

    async def aclose(self) -> None:
        """Stop every tunnel (the engine keeps running)."""
        await self._on_engine(self._close_all())

    async def _close_all(self) -> None:
        rts = list(self._tunnels.values())
        self._tunnels.clear()
        if rts:
            await asyncio.gather(*(rt.close() for rt in rts), return_exceptions=True)

    def tunnel_state(self, tunnel_id: str) -> TunnelState | None:
        """Racy peek for logs/tests; use snapshot() for anything that matters."""
        rt = self._tunnels.get(tunnel_id)
        return rt.state if rt is not None else None


def _log_loop_exception(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    exc = context.get("exception")
    logger.error("engine loop: %s", context.get("message"), exc_info=exc)
