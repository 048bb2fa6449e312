"""I2P server tunnels: incoming I2P streams -> target_host:target_port.

A pool of pending STREAM ACCEPTs (several peers can connect at once where the
SAM version allows it, docs/ENGINE.md "Pending STREAM ACCEPTs"), the peer's b32
becomes ConnectionInfo.peer.
Each accepted stream passes the tunnel's `ServerGate` (I2P port, access list,
max concurrent, connection rates; core/policy/server_policy.py) on the peer destination
SAM handed over, before the target is dialled: a refused stream is closed at
once, counted per reason and logged with its b32, and never reaches the service.
The access list is resolved once, on the first session (names need the router).
Reachability: on demand and every `Health.reach_interval` (persistent keys) the
tunnel dials itself (core/i2p/reachability.py); not reachable -> DEGRADED and the
session is re-created, then checked again. The probe's stream is echoed before the
gate: it tests the way in, not the tunnel's policy, and uses none of its limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from dataclasses import replace

from i2ptunnel_gui.core.connection import Connection
from i2ptunnel_gui.core.context import EngineContext, StartOptions
from i2ptunnel_gui.core.dial import TcpTarget
from i2ptunnel_gui.core.errors import ConfigError, TunnelError
from i2ptunnel_gui.core.i2p.reachability import answer_probe, dial_and_echo, new_token
from i2ptunnel_gui.core.i2p.session import (
    SessionKeeper,
    close_after_grace,
    is_connectivity_error,
)
from i2ptunnel_gui.core.policy.access import (
    AccessListError,
    AccessMode,
    describe_entry,
    resolve_access,
)
from i2ptunnel_gui.core.policy.refusals import Refusal, RefusalLog
from i2ptunnel_gui.core.policy.server_policy import Admission, ServerGate
from i2ptunnel_gui.core.relay import RelayOptions
from i2ptunnel_gui.core.runtime import TunnelRuntime
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.errors import SamError, SamInvalidId
from i2ptunnel_gui.core.spec import KeyMode, TunnelSpec
from i2ptunnel_gui.core.status import Direction, Reachability, TunnelStatus
from i2ptunnel_gui.core.text import Text, text_of

logger = logging.getLogger(__name__)

ACCEPT_POOL = 4  # pending STREAM ACCEPTs per server session (SAM 3.2+)
REFILL_WAIT = 0.05  # seconds an accept worker waits for its peer's target before re-arming
REFILL_DELAY = 0.01  # ... and then this long, past the peer's first exchange


class ServerTunnel(TunnelRuntime):
    """Incoming I2P streams -> target_host:target_port, the peer's b32 recorded."""

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        self.keeper = SessionKeeper(self, start)
        self.keeper.waiting_for = Text("checking whether it is reachable now")
        self.target = TcpTarget(spec.target_host, spec.target_port)
        self._probes: dict[str, bytes] = {}  # b32 of a reachability prober -> its token
        self._check_lock = asyncio.Lock()  # one check at a time
        self.gate: ServerGate | None = None  # once the access list is resolved
        self.access_entries: tuple[str, ...] = ()  # as resolved, for the details
        self._refusal_log = RefusalLog()

    async def serve(self) -> None:
        await self.target.resolve()
        await self.keeper.run(self._serve_session)

    async def _open_gate(self, session: SamSession) -> ServerGate:
        spec = self.spec
        try:
            resolved = await resolve_access(
                spec.access_mode, spec.access_list, session.naming_lookup
            )
        except AccessListError as e:
            raise ConfigError(str(e)) from None
        except TimeoutError:
            raise ConfigError(Text("access list: the router did not resolve its names in time")
                              ) from None
        self.access_entries = tuple(describe_entry(e) for e in resolved.entries)
        for name, why in resolved.unresolved:
            self.event(Text("access list: {name} not resolved ({why}); it lets nobody in",
                            name=name, why=why), level="warning")
        n = len(resolved.policy.hashes)
        if spec.access_mode is AccessMode.ALLOW:
            self.event(Text("access list: {n} destinations allowed", n=n))
        elif spec.access_mode is AccessMode.DENY:
            self.event(Text("access list: {n} destinations denied", n=n))
        return ServerGate(resolved.policy, spec.conn_limits, i2p_port=spec.i2p_port)

    async def _serve_session(self, session: SamSession) -> None:
        if self.gate is None:  # resolved once: the first session (names need the router)
            try:
                self.gate = await self._open_gate(session)
            except ConfigError:
                if session.closed.is_set():  # the router left mid-lookup: the next session
                    return
                raise
        # SAM < 3.2 allows ONE pending STREAM ACCEPT per session, and i2pd 2.45.1 (3.1)
        # means it: with several pending, under load it handed two streams to one socket
        # and left others unserved (peers got silence or an empty reply). The router
        # queues streams that arrive between two ACCEPTs, so one is also correct.
        pool = ACCEPT_POOL if session.concurrent_accepts else 1
        async with asyncio.TaskGroup() as tg:
            workers = [
                tg.create_task(self._accept_worker(session), name=f"accept {i}")
                for i in range(pool)
            ]
            workers.append(tg.create_task(self._watch_reachability(), name="reachability"))
            await session.wait_closed()
            for w in workers:
                w.cancel()

    # -- reachability ----------------------------------------------------------
    async def _watch_reachability(self) -> None:
        """At once after a repair; then every reach_interval (persistent keys only:
        a transient address is new on every start, nobody depends on it)."""
        interval = self.ctx.health.reach_interval
        periodic = interval > 0 and self.spec.key_mode is KeyMode.PERSISTENT
        if self.keeper.repairing is not None:
            await self.check_reachability()
        while periodic:
            await asyncio.sleep(interval)
            await self.check_reachability()

    async def check_reachability(self) -> Reachability:
        """Dial our own b32 from a separate short-lived session (core/i2p/reachability.py).
        Not reachable -> DEGRADED and the session re-created; reachable -> RUNNING."""
        async with self._check_lock:
            result = await self._check()
        self.reachability = result
        if result.reachable:
            self.event(result.message)
            self.keeper.healthy(result.message)
        elif result.reachable is False:
            self.keeper.degrade(result.message)
        else:
            self.event(result.message, level="warning")
        return result

    async def _check(self) -> Reachability:
        def result(ok: bool | None, message: str, rtt: float | None = None) -> Reachability:
            ms = None if rtt is None else round(rtt * 1000, 1)
            return Reachability(self.id, ok, ms, message, time.time())

        session = self.keeper.session
        if session is None or not self.keeper.ready:
            return result(None, Text("reachability not checked: the tunnel has no I2P session "
                                     "now"))
        b32 = session.b32
        auth = self.keeper.sam_auth
        try:  # the prober's own session: a router that cannot make one says nothing about us
            prober = await SamSession.create(
                self.keeper.sam_address,
                user=auth[0] if auth else None,
                password=auth[1] if auth else None,
                options=dict(self.spec.options),
                timeouts=self.ctx.sam_timeouts,
                keepalive=False,
            )
        except SamError as e:
            if is_connectivity_error(e):
                return result(None, Text("reachability not checked: router unavailable for a "
                                         "probe session: {why}", why=text_of(e)))
            return result(None, Text("reachability not checked: router refused a probe "
                                     "session: {why}", why=text_of(e)))
        token = new_token()
        self._probes[prober.b32] = token
        try:
            rtt = await dial_and_echo(
                prober, b32, token, time_limit=self.ctx.health.reach_timeout
            )
        except TunnelError as e:  # TargetError, SamError (CANT_REACH_PEER, timeouts...)
            return result(False, Text("not reachable from I2P: {why}", why=text_of(e)))
        finally:
            self._probes.pop(prober.b32, None)
            # the probe's stream is closed: let the router end it before the session
            # goes (i2pd crashes deleting a destination with live streams, i2pd #2183)
            self.spawn(close_after_grace(prober), name="close probe session")
        return result(True, Text("reachable from I2P (round trip {ms:.0f} ms)", ms=rtt * 1000),
                      rtt)

    async def _accept_worker(self, session: SamSession) -> None:
        while not session.closed.is_set():
            try:
                sock, peer, rest, to_port = await session.stream_accept_with_port()
            except SamInvalidId as e:  # the router forgot the session: re-create it
                logger.warning("server %s: %s", self.spec.name, e)
                session.close()
                return
            except SamError as e:
                if session.closed.is_set():
                    return
                logger.info("server %s: accept failed: %s", self.spec.name, e)
                await asyncio.sleep(self.ctx.backoff.accept_retry)
                continue
            token = self._probes.get(peer.b32_address)
            if token is not None:  # our own reachability check: echo, not the target
                self.spawn(answer_probe(self.loop, sock, rest, token), name="reachability echo")
                continue
            assert self.gate is not None  # opened before the first accept
            full = 0 < self.spec.nconnect <= self.active_connections
            verdict = self.gate.check(peer, to_port, full=full)
            if isinstance(verdict, Refusal):  # closed before the target is dialled
                sock.close()
                self._refused(peer.b32_address, verdict)
                continue
            conn = self.admit(peer.b32_address, Direction.INBOUND)
            if conn is None:  # not reached: `full` was checked in this same step
                sock.close()
                continue
            opened = asyncio.Event()
            conn.task = self.spawn(self._serve_peer(conn, sock, rest, opened, verdict))
            # re-arm once this peer's target is open and its first exchange is through:
            # a HELLO + ACCEPT right away competes with it for the router and the CPU
            # (measured +0.6 ms per stream open with one pending ACCEPT); the router
            # queues a stream that comes meanwhile
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(REFILL_WAIT):
                    await opened.wait()
            await asyncio.sleep(REFILL_DELAY)

    def _refused(self, b32: str, reason: Refusal) -> None:
        """A stream closed before the target was dialled (the gate counted it)."""
        self.refused_connections += 1
        self.log_refusal(b32, reason)

    def log_refusal(self, b32: str, reason: Refusal, detail: str = "") -> None:
        line = self._refusal_log.line(b32, reason, detail)
        if line is not None:
            logger.info("server %s: %s", self.spec.name, line)
            self.event(line, level="warning")

    def stream_relay_options(self, admission: Admission, rest: bytes) -> RelayOptions:
        """How one admitted stream is relayed (`rest`: its bytes read past the SAM
        peer line); the HTTP kind adds its request-head filter."""
        return self.relay_options.with_pending(local=rest)

    def status(self) -> TunnelStatus:
        gate = self.gate
        refusals = gate.refusals.snapshot() if gate is not None else ()
        return replace(super().status(), refusals=refusals, access_entries=self.access_entries)

    async def _serve_peer(
        self,
        conn: Connection,
        sock: socket.socket,
        rest: bytes,
        opened: asyncio.Event,
        admission: Admission,
    ) -> None:
        try:
            target = await self.open_other_side(conn, sock, self.target.connect(self.loop))
        finally:
            opened.set()
        if target is None:
            return
        # local_half_close stays True: the target's EOF ends the stream (i2pd ends both
        # directions), which tells the peer the reply is complete
        # (docs/ENGINE.md "SAM streams and half-close")
        options = self.stream_relay_options(admission, rest)
        await self.relay(sock, target, conn=conn, options=options)
