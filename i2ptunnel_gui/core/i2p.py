"""I2P tunnel kinds: server (I2P streams -> host:port) and client (local port -> I2P).

Both keep one SAM STREAM session alive through a `SessionKeeper`: it creates the
session (with the stored key, or TRANSIENT and then remembers the key), marks the
tunnel RUNNING, waits until the session's control socket dies, and then re-creates
it with the SAME key (so the same b32) after a capped exponential backoff, showing
RECONNECTING meanwhile. A router that *refuses* (INVALID_KEY, I2P_ERROR, a key file
we cannot trust...) is not retried: the tunnel goes to ERROR with the router's text.

Server: a pool of pending STREAM ACCEPTs (several peers can connect at once; i2pd
2.45.1 serves concurrent accepts although it grants only SAM 3.1, FINDINGS §5),
the peer's b32 becomes ConnectionInfo.peer. Client: the local listener stays open
while the router is gone; new local connections are closed at once then.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from i2ptunnel_gui.core.connection import Connection
from i2ptunnel_gui.core.dial import connect_tcp
from i2ptunnel_gui.core.errors import ConfigError, TargetError
from i2ptunnel_gui.core.forward import resolve_target
from i2ptunnel_gui.core.keystore import KeyStore, KeyStoreError
from i2ptunnel_gui.core.relay import CloseReason, RelayOptions
from i2ptunnel_gui.core.runtime import (
    EngineContext,
    ListenerTunnel,
    TunnelRuntime,
    format_address,
    open_listener,
    register_kind,
)
from i2ptunnel_gui.core.sam.client import SamSession, SamTimeouts
from i2ptunnel_gui.core.sam.connection import DEFAULT_TIMEOUTS
from i2ptunnel_gui.core.sam.errors import (
    KeyFormatError,
    SamConnectionClosed,
    SamDuplicatedDest,
    SamError,
    SamInvalidId,
    SamTimeout,
    SamUnreachable,
)
from i2ptunnel_gui.core.sam.keys import parse_destination, parse_private_key
from i2ptunnel_gui.core.sam.spares import SpareSockets
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import Direction, TunnelState

logger = logging.getLogger(__name__)

ACCEPT_POOL = 4  # pending STREAM ACCEPTs per server session
ACCEPT_RETRY_DELAY = 0.5  # after a failed accept, so a sick router is not hammered
REFILL_WAIT = 0.05  # seconds an accept worker waits for its peer's target before re-arming
REFILL_DELAY = 0.01  # ... and then this long, past the peer's first exchange
BACKOFF_FIRST = 1.0  # seconds; doubles per failed attempt ...
BACKOFF_MAX = 60.0  # ... up to this (ARCHITECTURE.md retry policy)
STABLE_SESSION = 10.0  # seconds a session must live before the backoff resets
SAM_TIMEOUTS: SamTimeouts = DEFAULT_TIMEOUTS  # module-level so tests can shorten them


def is_connectivity_error(exc: BaseException) -> bool:
    """Router gone or slow (retry) as opposed to a refusal (show it, stop)."""
    return isinstance(exc, SamUnreachable | SamTimeout)


def backoff_delay(attempt: int) -> float:
    return float(min(BACKOFF_MAX, BACKOFF_FIRST * (2 ** min(attempt, 16))))


class SessionKeeper:
    """One SAM session for `rt`, re-created with the same key whenever it dies."""

    def __init__(self, rt: TunnelRuntime, *, nickname: str | None = None) -> None:
        self.rt = rt
        self.nickname = nickname
        self.session: SamSession | None = None
        self.key: bytes | None = None  # kept across reconnects, even for transient keys
        self.destination = ""  # our public base64 destination, once known
        spec = rt.spec
        self.sam_address = spec.sam_address or rt.ctx.sam_address
        self.persistent = spec.key_mode is KeyMode.PERSISTENT
        self.key_path: Path | None = None
        self._keystore: KeyStore | None = None
        if self.persistent:
            store = rt.ctx.keystore
            if store is None and spec.key_file:
                store = KeyStore()  # key_path() uses spec.key_file; the root is unused
            if store is None:
                raise ConfigError(
                    f"tunnel {spec.name!r} wants a persistent key but no key store or "
                    "key file is configured"
                )
            self._keystore = store
            self.key_path = store.key_path(spec)

    @property
    def ready(self) -> bool:
        return self.session is not None and not self.session.closed.is_set()

    async def run(self, serve_session: Callable[[SamSession], Awaitable[None]]) -> None:
        """Forever: create the session, serve it until it dies, back off, repeat."""
        rt = self.rt
        attempt = 0
        ever_up = False
        while True:
            try:
                session = await self._create()
            except SamError as e:
                # after a loss the router may still hold our old session for a moment
                lingering = ever_up and isinstance(e, SamDuplicatedDest)
                if not (is_connectivity_error(e) or lingering) or (not ever_up and not rt.retry):
                    raise
                delay = backoff_delay(attempt)
                attempt += 1
                rt.next_retry_at = time.time() + delay
                rt.set_state(
                    TunnelState.RECONNECTING,
                    f"router unavailable (attempt {attempt}), retrying in {delay:g} s: {e}",
                    level="warning",
                )
                await asyncio.sleep(delay)
                continue
            ever_up = True
            up_since = time.monotonic()
            self.session = session
            try:
                rt.i2p_address = session.b32
                rt.sam_version = session.version
                rt.set_state(TunnelState.RUNNING, self._running_text(session))
                await serve_session(session)
            finally:
                self.session = None
                session.close()
            why = session.close_reason or "session closed"
            # a session that dies right away again and again must not spin: back off
            delay = 0.0
            if time.monotonic() - up_since < STABLE_SESSION:
                delay = backoff_delay(attempt)
                attempt += 1
            else:
                attempt = 0
            rt.next_retry_at = time.time() + delay
            rt.set_state(
                TunnelState.RECONNECTING, f"router connection lost: {why}", level="warning"
            )
            await asyncio.sleep(delay)

    def _running_text(self, session: SamSession) -> str:
        where = f" via {self.rt.local_address}" if self.rt.local_address else ""
        return f"I2P address {session.b32}{where} (SAM {session.version})"

    async def _create(self) -> SamSession:
        spec = self.rt.spec
        stored = False
        if self.key is None and self._keystore is not None and self.key_path is not None:
            self.key = self._keystore.load(self.key_path)
            stored = self.key is not None
        session = await SamSession.create(
            self.sam_address,
            private_key=self.key,
            signature_type=spec.signature_type,
            options=dict(spec.options),
            nickname=self.nickname,
            timeouts=SAM_TIMEOUTS,
        )
        try:
            if self.key is None:
                self.key = session.private_key
                if self._keystore is not None and self.key_path is not None:
                    self._keystore.save(self.key_path, self.key)
                    self.rt.event(f"new I2P key {session.b32} saved to {self.key_path}")
            elif stored:
                self.rt.event(f"using I2P key {session.b32} from {self.key_path}")
        except KeyStoreError:
            session.close()
            raise
        self.destination = session.destination
        return session


@register_kind(TunnelKind.SERVER)
class ServerTunnel(TunnelRuntime):
    """Incoming I2P streams -> target_host:target_port, the peer's b32 recorded."""

    def __init__(
        self,
        spec: TunnelSpec,
        ctx: EngineContext,
        *,
        retry: bool = True,
        nickname: str | None = None,
        accept_pool: int = ACCEPT_POOL,
    ) -> None:
        super().__init__(spec, ctx, retry=retry)
        self.keeper = SessionKeeper(self, nickname=nickname)
        self.accept_pool = max(1, accept_pool)
        self._targets: list[tuple[int, Any]] = []

    async def serve(self) -> None:
        self._targets = await resolve_target(self.spec.target_host, self.spec.target_port)
        await self.keeper.run(self._serve_session)

    async def _serve_session(self, session: SamSession) -> None:
        # SAM < 3.2 allows ONE pending STREAM ACCEPT per session, and i2pd 2.45.1 (3.1)
        # means it: with several pending, under load it handed two streams to one socket
        # and left others unserved (peers got silence or an empty reply). The router
        # queues streams that arrive between two ACCEPTs, so one is also correct.
        pool = self.accept_pool if session.concurrent_accepts else 1
        async with asyncio.TaskGroup() as tg:
            workers = [
                tg.create_task(self._accept_worker(session), name=f"accept {i}")
                for i in range(pool)
            ]
            await session.wait_closed()
            for w in workers:
                w.cancel()

    async def _accept_worker(self, session: SamSession) -> None:
        while not session.closed.is_set():
            try:
                sock, peer, rest = await session.stream_accept()
            except SamInvalidId as e:  # the router forgot the session: re-create it
                logger.warning("server %s: %s", self.spec.name, e)
                session.close()
                return
            except SamError as e:
                if session.closed.is_set():
                    return
                logger.info("server %s: accept failed: %s", self.spec.name, e)
                await asyncio.sleep(ACCEPT_RETRY_DELAY)
                continue
            conn = self.admit(peer.b32_address, Direction.INBOUND)
            if conn is None:
                sock.close()  # nconnect reached: refused
                continue
            opened = asyncio.Event()
            conn.task = self.spawn(self._serve_peer(conn, sock, rest, opened))
            # re-arm once this peer's target is open and its first exchange is through:
            # a HELLO + ACCEPT right away competes with it for the router and the CPU
            # (measured +0.6 ms per stream open with one pending ACCEPT); the router
            # queues a stream that comes meanwhile
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(REFILL_WAIT):
                    await opened.wait()
            await asyncio.sleep(REFILL_DELAY)

    async def _serve_peer(
        self, conn: Connection, sock: socket.socket, rest: bytes, opened: asyncio.Event
    ) -> None:
        try:
            async with asyncio.timeout(self.spec.connect_timeout):
                target = await self._open_target()
        except Exception as e:  # only this connection fails
            sock.close()
            if isinstance(e, TimeoutError) and not isinstance(e, TargetError):
                e = TargetError(f"target did not answer within {self.spec.connect_timeout:g} s")
            self.connection_failed(conn, e)
            return
        except BaseException:
            sock.close()
            self._forget(conn)
            raise
        finally:
            opened.set()
        # local_half_close stays True: the target's EOF ends the stream (i2pd ends both
        # directions), which tells the peer the reply is complete (docs/ENGINE.md)
        options = self.relay_options.with_pending(local=rest)
        await self.relay(sock, target, conn=conn, options=options)

    async def _open_target(self) -> socket.socket:
        last: OSError | None = None
        for family, addr in self._targets:
            try:  # not loop.sock_connect: a thread-pool hop per connection on uvloop
                return await connect_tcp(self.loop, family, addr)
            except OSError as e:
                last = e
        why = (last.strerror or str(last)) if last is not None else "no address"
        raise TargetError(f"target {self.spec.target_host}:{self.spec.target_port}: {why}")


@register_kind(TunnelKind.CLIENT)
class ClientTunnel(ListenerTunnel):
    """listen_host:listen_port -> an I2P destination, one STREAM CONNECT per connection.

    i2pd answers STREAM CONNECT with OK once it has found the peer's LeaseSet, before
    the stream is up; an unreachable peer then stays silent for minutes (FINDINGS §5).
    So a connection whose local side has sent data but which got nothing back from I2P
    within `connect_timeout` is closed and counted as failed (first-byte timeout).
    """

    # remote_half_close=False: i2pd ends BOTH directions on a FIN, losing the reply
    # to a client that half-closed (docs/ENGINE.md "SAM streams and half-close")
    relay_options = RelayOptions(remote_half_close=False)

    def __init__(
        self,
        spec: TunnelSpec,
        ctx: EngineContext,
        *,
        retry: bool = True,
        listener: socket.socket | None = None,
        nickname: str | None = None,
    ) -> None:
        super().__init__(spec, ctx, retry=retry, listener=listener)
        self.keeper = SessionKeeper(self, nickname=nickname)
        self.remote_destination = spec.destination.strip()
        self.spares: SpareSockets | None = None  # HELLO'd SAM sockets of the live session

    async def serve(self) -> None:
        self._check_destination()
        lsock = self._listener
        if lsock is None:
            lsock = open_listener(self.spec.listen_host, self.spec.listen_port)
        self._listener = lsock
        try:
            lsock.setblocking(False)
            self.local_address = format_address(lsock.getsockname())
            # the listener stays open while the router is away (fast local refusals)
            self.spawn(self.keeper.run(self._serve_session), name="sam session")
            await self._accept_loop(lsock)
        finally:
            lsock.close()

    async def _serve_session(self, session: SamSession) -> None:
        self.spares = spares = SpareSockets(session)
        try:
            async with asyncio.TaskGroup() as tg:
                filler = tg.create_task(spares.fill(), name="spare SAM sockets")
                await session.wait_closed()
                filler.cancel()
        finally:
            self.spares = None
            spares.close()

    def _check_destination(self) -> None:
        dest = self.remote_destination
        if dest.lower().endswith(".i2p"):
            return  # b32 or a name: the router resolves it at connect time
        try:
            parse_destination(dest)
        except KeyFormatError as e:
            raise ConfigError(f"destination is not a valid base64 destination: {e}") from None

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        session = self.keeper.session
        if session is None or not self.keeper.ready:
            raise TargetError("no I2P session: the router is unavailable (reconnecting)")
        spares = self.spares
        spare = spares.take() if spares is not None and spares.session is session else None
        dest, limit = self.remote_destination, self.spec.connect_timeout
        if spare is not None:
            with contextlib.suppress(SamConnectionClosed):  # the router dropped the idle spare
                return await session.stream_connect(dest, time_limit=limit, via=spare)
        return await session.stream_connect(dest, time_limit=limit)

    async def relay(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        *,
        conn: Connection,
        options: RelayOptions | None = None,
    ) -> CloseReason:
        timer = self.loop.call_later(self.spec.connect_timeout, self._first_byte_check, conn)
        try:
            return await super().relay(local_sock, remote_sock, conn=conn, options=options)
        finally:
            timer.cancel()

    def _first_byte_check(self, conn: Connection) -> None:
        r = conn.relay
        if r is None or not r.started or r.reason is not None:
            return
        if r.bytes_in > 0 and r.bytes_out == 0:  # we spoke, the peer never answered
            self.failed_connections += 1
            self.event(
                f"connection from {conn.peer}: no answer from {self.remote_destination[:60]} "
                f"within {self.spec.connect_timeout:g} s",
                level="warning",
            )
            r.abort(CloseReason.RESET)


def private_key_b32(blob: bytes) -> str:
    """The b32 address of a stored private key blob (for UIs showing a key file)."""
    return parse_private_key(blob).b32_address
