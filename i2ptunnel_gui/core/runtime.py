"""Running tunnels: the base every tunnel kind builds on.

A `TunnelRuntime` lives on the engine thread. The engine creates it with
`KINDS[spec.kind](spec, ctx, start)` (core/kinds.py), starts `run()` as a task
in the engine's TaskGroup (via `launch()`), awaits `wait_started()` and later
`close()`. A kind implements
one coroutine, `serve()`: set itself up, call `set_state(RUNNING)`, then serve
until cancelled (cleaning up in `finally`). Everything a kind starts goes in the
runtime's own TaskGroup through `spawn()`, so `close()` cancels all of it.

Connections: `admit(peer, direction)` applies `nconnect` (excess connections
are REFUSED: the caller closes them at once; `refused_connections` counts
them), `open_other_side(conn, sock, opening)` awaits the target under the
spec's connect timeout (a failure is recorded and closes `sock`), and
`relay(local, remote, conn=...)` joins two sockets until they close, under the
spec's lifetime and idle timeouts (one sweeper task per tunnel);
`relay_detached()` returns once joined and holds no task. An error on one
connection never stops the tunnel. `core/listen.py`'s `ListenerTunnel` adds the
listening socket and the accept loop.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

from i2ptunnel_gui.core.connection import (
    Connection,
    close_relays,
    live_rows,
    relay_class,
    sweep_timeouts,
)
from i2ptunnel_gui.core.context import EngineContext, StartOptions
from i2ptunnel_gui.core.errors import TargetError, TunnelError
from i2ptunnel_gui.core.live_rows import LiveRows
from i2ptunnel_gui.core.relay import DEFAULT_OPTIONS, CloseReason, RelayOptions
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.splice import SpliceRelay
from i2ptunnel_gui.core.splice_hub import SpliceHub, hub_of
from i2ptunnel_gui.core.status import (
    ConnectionInfo,
    Direction,
    Reachability,
    TunnelEvent,
    TunnelState,
    TunnelStatus,
)
from i2ptunnel_gui.core.text import Text, text_of

T = TypeVar("T")
logger = logging.getLogger(__name__)

_FAILURE_EVENT_INTERVAL = 1.0  # at most one "target failed" event per second per tunnel


class TunnelRuntime:
    """One running tunnel: state machine, connections, counters, TaskGroup owner."""

    # shared by every connection of the tunnel (idle/lifetime limits: _sweep_timeouts)
    relay_options: RelayOptions = DEFAULT_OPTIONS

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        self.spec = spec
        self.ctx = ctx
        self.loop = ctx.loop
        self.retry = start.retry  # RECONNECTING counts as started
        self.state = TunnelState.STOPPED
        self.message = ""
        self.local_address = ""
        self.i2p_address = ""
        self.destination = ""  # our base64 I2P destination (I2P kinds, once known)
        self.sam_version = ""
        self.started_at: float | None = None
        self.next_retry_at: float | None = None
        self.reachability: Reachability | None = None  # last check (server tunnels)
        self.total_connections = 0
        self.refused_connections = 0
        self.failed_connections = 0
        self._closed_bytes_in = 0  # bytes of finished connections
        self._closed_bytes_out = 0
        self._conns: dict[int, Connection] = {}
        self._tg: asyncio.TaskGroup | None = None
        self._task: asyncio.Task[None] | None = None
        self._started: asyncio.Future[TunnelStatus] = self.loop.create_future()
        self._last_failure_event = 0.0
        self._relay_class = relay_class()
        self._sweeper: asyncio.Task[None] | None = None
        self._forget_conn = self._forget  # bound once, shared by every Connection
        self._hub: SpliceHub | None = None  # the loop's splice hub, once relay_now needs it

    @property
    def id(self) -> str:
        return self.spec.id

    # -- to implement --------------------------------------------------------
    async def serve(self) -> None:
        """Set up, `set_state(RUNNING)`, serve until cancelled. Raise TunnelError to fail."""
        raise NotImplementedError

    # -- lifecycle (engine side) ----------------------------------------------
    def launch(self, tg: asyncio.TaskGroup) -> None:
        self._task = tg.create_task(self.run(), name=f"tunnel {self.spec.name}")

    async def wait_started(self) -> TunnelStatus:
        """RUNNING or STANDBY (or RECONNECTING when retry) -> status; failure -> its TunnelError."""
        return await asyncio.shield(self._started)

    async def run(self) -> None:
        """The tunnel's task: never raises except CancelledError (engine TaskGroup safety)."""
        self.set_state(TunnelState.STARTING)
        try:
            try:
                async with asyncio.TaskGroup() as tg:
                    self._tg = tg
                    await self.serve()
            except* TunnelError as eg:
                self._set_error(eg.exceptions[0])
            except* Exception as eg:
                exc = eg.exceptions[0]
                logger.error("tunnel %s crashed", self.spec.name, exc_info=exc)
                self._set_error(TunnelError(Text("internal error: {error}", error=repr(exc))))
        finally:
            self._tg = None
            self._sweeper = None
            await close_relays(self._conns.values())  # detached relays hold no task
            if self.state is not TunnelState.ERROR:
                self.set_state(TunnelState.STOPPED)
            self._fail_start(TunnelError("tunnel stopped before it was running"))

    async def close(self) -> None:
        """Stop: cancel the accept loop and every connection, free every fd, STOPPED."""
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            await asyncio.wait([task])
        for conn in list(self._conns.values()):  # only if run() never started
            conn.close()
        if self.state is not TunnelState.ERROR:
            self.set_state(TunnelState.STOPPED)

    def _set_error(self, exc: BaseException) -> None:
        self.set_state(TunnelState.ERROR, text_of(exc), level="error")
        self._fail_start(exc)

    def _fail_start(self, exc: BaseException) -> None:
        if not self._started.done():
            self._started.set_exception(exc)
            self._started.exception()  # mark retrieved: nobody may be waiting

    # -- state and events ----------------------------------------------------
    def set_state(self, state: TunnelState, message: str = "", *, level: str = "info") -> None:
        """Change state and emit a TunnelEvent. RUNNING (or STANDBY) resolves `wait_started`."""
        if state is self.state and message == self.message:
            return
        self.state = state
        self.message = message
        if state is TunnelState.RUNNING and self.started_at is None:
            self.started_at = time.time()
        if state is not TunnelState.RECONNECTING:
            self.next_retry_at = None
        started = state in (TunnelState.RUNNING, TunnelState.STANDBY) or (
            state is TunnelState.RECONNECTING and self.retry
        )
        if started and not self._started.done():
            self._started.set_result(self.status())
        self.event(message, level=level)  # the event carries the state: no "Starting starting"

    def progress(self, message: str) -> None:
        """Update the status message without a log line (elapsed-time ticks); samples show it."""
        self.message = message

    def event(self, message: str, *, level: str = "info") -> None:
        """A log line for this tunnel (UI per-tunnel log) without a state change."""
        ev = TunnelEvent(self.spec.id, self.state, message, time.time(), level)
        try:
            self.ctx.emit(ev)
        except Exception:  # a subscriber's bug must not break the relay
            logger.exception("event subscriber failed")

    # -- connections ---------------------------------------------------------
    def spawn(self, coro: Coroutine[Any, Any, Any], name: str | None = None) -> asyncio.Task[Any]:
        """Run `coro` in this tunnel's TaskGroup (cancelled by close())."""
        if self._tg is None:
            coro.close()
            raise RuntimeError("tunnel is not running")
        return self._tg.create_task(coro, name=name)

    @property
    def active_connections(self) -> int:
        return len(self._conns)

    def admit(self, peer: str, direction: Direction) -> Connection | None:
        """A new connection record, or None when `nconnect` is reached (counted refused)."""
        limit = self.spec.nconnect
        if 0 < limit <= len(self._conns):
            self.refused_connections += 1
            return None
        conn = Connection(next(self.ctx.connection_ids), peer, direction, self._forget_conn)
        self._conns[conn.id] = conn
        self.total_connections += 1
        return conn

    def connection_failed(self, conn: Connection, exc: BaseException) -> None:
        """The other side could not be opened: count it, log it, forget the connection."""
        self.failed_connections += 1
        self._forget(conn)
        now = time.monotonic()
        if now - self._last_failure_event >= _FAILURE_EVENT_INTERVAL:
            self._last_failure_event = now
            self.event(Text("connection from {peer} failed: {why}", peer=conn.peer,
                            why=text_of(exc)), level="warning")

    async def open_other_side(
        self, conn: Connection, sock: socket.socket, opening: Coroutine[Any, Any, T]
    ) -> T | None:
        """Await `opening` (the target of `conn`) under `spec.connect_timeout`. On
        failure `sock`, the side we already hold, is closed, the failure recorded,
        and None returned: only this connection fails."""
        try:
            async with asyncio.timeout(self.spec.connect_timeout):
                return await opening
        except Exception as e:  # refused / reset / timed out
            sock.close()
            if isinstance(e, TimeoutError) and not isinstance(e, TunnelError):
                e = TargetError(Text("target did not answer within {seconds:g} s",
                                     seconds=self.spec.connect_timeout))
            elif not isinstance(e, OSError | TunnelError):
                logger.error("opening a target of %s failed", self.spec.name, exc_info=e)
            self.connection_failed(conn, e)
            return None
        except BaseException:
            sock.close()
            self._forget(conn)
            raise

    async def relay(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        *,
        conn: Connection,
        options: RelayOptions | None = None,
    ) -> CloseReason:
        """Join `local_sock` (the side that came to us) and `remote_sock` (the side
        we opened) until both directions end or a timeout hits; owns and closes both.
        `options` (default `relay_options`): pending bytes already read from either
        socket (past a SAM handshake), which side cannot carry a half-close."""
        r = conn.relay = self._relay_class(self.loop)
        if conn.task is None:
            conn.task = asyncio.current_task()
        self._ensure_sweeper()
        try:
            # idle/lifetime limits: _sweep_timeouts, not one timer per connection
            return await r.run(local_sock, remote_sock, options or self.relay_options)
        except Exception as e:  # one connection's failure never stops the tunnel
            logger.warning("relay of connection %d failed: %r", conn.id, e)
            return CloseReason.RESET
        finally:
            self._forget(conn)

    async def relay_detached(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        *,
        conn: Connection,
        options: RelayOptions | None = None,
    ) -> None:
        """Like `relay()`, but returns once the sockets are joined: the relay then
        lives on loop callbacks alone, with no task or coroutine frames held per
        connection (~1.3 KiB each at 5 000 connections). Tunnel stop aborts it."""
        r = conn.relay = self._relay_class(self.loop)
        self._ensure_sweeper()
        try:
            await r.start(local_sock, remote_sock, options or self.relay_options)
        except Exception as e:  # one connection's failure never stops the tunnel
            logger.warning("relay of connection %d failed: %r", conn.id, e)
            self._forget(conn)
            return
        except BaseException:
            self._forget(conn)
            raise
        conn.task = None
        if r.finished:
            self._forget(conn)
        else:
            r.on_finished = conn.relay_finished

    def relay_now(
        self, local_fd: int, remote_sock: socket.socket, *, conn: Connection
    ) -> None:
        """`relay_detached()` without awaiting: a SpliceRelay (`start_now`) joining an
        accepted fd and a socket just connected, under the default relay options
        (nothing pending, no filter, half-close both ways). No task, coroutine or
        timeout scope per connection. Owns both, also when it raises."""
        try:
            if self._hub is None:
                self._hub = hub_of(self.loop)
            r = conn.relay = SpliceRelay(self.loop, self._hub)
        except BaseException:
            os.close(local_fd)
            remote_sock.close()
            self._forget(conn)
            raise
        self._ensure_sweeper()
        try:
            r.start_now(local_fd, remote_sock)
        except Exception as e:  # one connection's failure never stops the tunnel
            logger.warning("relay of connection %d failed: %r", conn.id, e)
            self._forget(conn)
            return
        if r.finished:
            self._forget(conn)
        else:
            r.on_finished = conn.relay_finished

    def _ensure_sweeper(self) -> None:
        if self._sweeper is None and self._tg is not None:
            self._sweeper = self._tg.create_task(
                sweep_timeouts(self._conns, self.spec.idle_timeout, self.spec.lifetime,
                               self.spec.half_close_timeout)
            )

    def _forget(self, conn: Connection) -> None:
        if self._conns.pop(conn.id, None) is not None:
            conn.closed_at = time.time()
            if conn.relay is not None:
                self._closed_bytes_in += conn.relay.bytes_in
                self._closed_bytes_out += conn.relay.bytes_out

    def close_connection(self, conn_id: int) -> bool:
        conn = self._conns.get(conn_id)
        if conn is None:
            return False
        conn.close()
        return True

    # -- reporting -----------------------------------------------------------
    def status(self) -> TunnelStatus:
        bin_, bout = self._closed_bytes_in, self._closed_bytes_out
        for c in self._conns.values():
            if c.relay is not None:
                bin_ += c.relay.bytes_in
                bout += c.relay.bytes_out
        s = self.spec
        return TunnelStatus(
            id=s.id,
            name=s.name,
            kind=s.kind.value,
            state=self.state,
            message=self.message,
            local_address=self.local_address,
            i2p_address=self.i2p_address,
            destination=self.destination,
            sam_version=self.sam_version,
            active_connections=len(self._conns),
            total_connections=self.total_connections,
            refused_connections=self.refused_connections,
            failed_connections=self.failed_connections,
            bytes_in=bin_,
            bytes_out=bout,
            started_at=self.started_at,
            next_retry_at=self.next_retry_at,
            reachability=self.reachability,
        )

    def connections(self) -> list[ConnectionInfo]:
        return [c.info(self.spec.id) for c in self._conns.values()]

    def live_rows(self, since: float | None) -> LiveRows:
        return live_rows(self._conns, since, self.loop.time())
