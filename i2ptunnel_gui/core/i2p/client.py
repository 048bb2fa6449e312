"""I2P client tunnels: local port -> an I2P destination, one STREAM CONNECT each.

The local listener stays open while the router is gone; new local connections
are closed at once then. With delay-open / close-when-idle the session exists only
while connections want it (core/i2p/standby.py); a connection that comes while it
is being created (or re-created after DEGRADED) waits for it. Failed or silent opens
in a row to the one destination of a plain client tunnel (core/i2p/health.py) make
it DEGRADED and re-create its session.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time

from i2ptunnel_gui.core.connection import Connection
from i2ptunnel_gui.core.context import EngineContext, StartOptions
from i2ptunnel_gui.core.errors import ConfigError, TargetError
from i2ptunnel_gui.core.i2p.health import OpenFailures
from i2ptunnel_gui.core.i2p.session import NO_SESSION_RECONNECTING, SessionKeeper
from i2ptunnel_gui.core.i2p.standby import run_on_demand
from i2ptunnel_gui.core.listen import ListenerTunnel
from i2ptunnel_gui.core.on_demand import Demand, SessionGate
from i2ptunnel_gui.core.relay import CloseReason, RelayOptions
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.errors import KeyFormatError, SamConnectionClosed
from i2ptunnel_gui.core.sam.keys import parse_destination
from i2ptunnel_gui.core.sam.spares import SpareSockets
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.core.text import Text, text_of

ANSWER_POLL = 0.1  # seconds between looks for a first answer while opens are failing


class ClientTunnel(ListenerTunnel):
    """listen_host:listen_port -> an I2P destination, one STREAM CONNECT per connection.

    i2pd answers STREAM CONNECT with OK once it has found the peer's LeaseSet, before
    the stream is up; an unreachable peer then stays silent for minutes (docs/I2PD.md
    §5).
    So a connection whose local side has sent data but which got nothing back from I2P
    within `connect_timeout` is closed and counted as failed (first-byte timeout).
    """

    # remote_half_close=False: i2pd ends BOTH directions on a FIN, losing the reply
    # to a client that half-closed (docs/ENGINE.md "SAM streams and half-close")
    relay_options = RelayOptions(remote_half_close=False)

    detached_relay = False  # relay() is wrapped: the first-byte check

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        self.keeper = SessionKeeper(self, start)
        self.remote_destination = spec.destination.strip()
        self.spares: SpareSockets | None = None  # HELLO'd SAM sockets of the live session
        close_idle = spec.close_idle * 60 if spec.close_idle is not None else None
        self.demand = Demand(delay_open=spec.delay_open, close_idle=close_idle, clock=ctx.loop.time)
        self.gate = SessionGate()  # open while a session is up
        # failing opens are counted for the one destination of a plain client (a proxy's
        # destinations are many: one dead site says nothing about the session)
        self.counts_failures = spec.kind is TunnelKind.CLIENT
        self.open_failures = OpenFailures(ctx.health.failed_opens)
        self._trouble_since: float | None = None  # first failed open not yet answered

    async def prepare(self) -> None:
        """A malformed base64 destination fails the start (a name waits for the router)."""
        dest = self.remote_destination
        if dest.lower().endswith(".i2p"):
            return  # b32 or a name: the router resolves it at connect time
        try:
            parse_destination(dest)
        except KeyFormatError as e:
            raise ConfigError(Text("destination is not a valid base64 destination: {why}",
                                   why=text_of(e))) from None

    async def listening(self) -> None:
        # the listener stays open while the router is away (fast local refusals); the
        # keeper marks the tunnel RUNNING once the session exists
        self.spawn(
            run_on_demand(self, self.keeper, self.demand, self.gate, self._serve_session),
            name="sam session",
        )

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

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        return await self.stream_to(self.remote_destination, to_port=self.spec.i2p_port)

    async def session_now(self) -> SamSession:
        """The live session; a connection asks for it (delay-open starts it) and waits
        while it is being created or repaired, but fails at once while the router is
        away. Bounded by the caller's connect timeout (open_other_side)."""
        self.demand.want()
        if not self.gate.is_open and self.state is TunnelState.RECONNECTING:
            raise TargetError(NO_SESSION_RECONNECTING)
        if not await self.gate.wait(self.spec.connect_timeout):
            raise TargetError(Text("no I2P session within {seconds:g} s: the router is slow "
                                   "or unavailable", seconds=self.spec.connect_timeout))
        return await self.keeper.wait_session()

    async def stream_to(
        self, dest: str, *, time_limit: float | None = None, to_port: int = 0
    ) -> tuple[socket.socket, bytes]:
        """An I2P stream from this tunnel's session to `dest` (b32, name or base64),
        on a spare HELLO'd SAM socket when one is ready; `to_port`: the destination's
        I2P port (0 = none sent; the proxy kinds never send one)."""
        session = await self.session_now()
        spares = self.spares
        spare = spares.take() if spares is not None and spares.session is session else None
        limit = time_limit or self.spec.connect_timeout
        if spare is not None:
            with contextlib.suppress(SamConnectionClosed):  # the router dropped the idle spare
                return await session.stream_connect(
                    dest, time_limit=limit, via=spare, to_port=to_port
                )
        return await session.stream_connect(dest, time_limit=limit, to_port=to_port)

    async def relay(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        *,
        conn: Connection,
        options: RelayOptions | None = None,
    ) -> CloseReason:
        timer = self.loop.call_later(
            self.spec.connect_timeout, self._first_byte_check, conn, local_sock
        )
        # while opens are failing, notice the first answer at once, not at the end
        watch: list[asyncio.TimerHandle] = []
        watch.append(self.loop.call_later(ANSWER_POLL, self._watch_answer, conn, watch))
        try:
            return await super().relay(local_sock, remote_sock, conn=conn, options=options)
        finally:
            timer.cancel()
            watch[0].cancel()
            if conn.relay is not None and conn.relay.bytes_out > 0:
                self._answered(conn)

    def _watch_answer(self, conn: Connection, handle: list[asyncio.TimerHandle]) -> None:
        r = conn.relay
        failing = self.open_failures.pending or self.state is TunnelState.DEGRADED
        if r is None or r.reason is not None or not failing:
            return  # ended (relay() decides), or nothing is failing: no need to hurry
        if r.bytes_out > 0:
            self._answered(conn)
            return
        handle[0] = self.loop.call_later(ANSWER_POLL, self._watch_answer, conn, handle)

    def connection_failed(self, conn: Connection, exc: BaseException) -> None:
        super().connection_failed(conn, exc)
        if self.keeper.ready:  # the session was up: the open itself failed
            self._open_failed(text_of(exc))

    def _open_failed(self, why: str) -> None:
        if not self.counts_failures:
            return
        if self._trouble_since is None:
            self._trouble_since = time.time()
        n = self.open_failures.failed(self.remote_destination)
        if n is not None:
            self.keeper.degrade(
                Text("{n} connections in a row to {destination} failed or got no answer "
                     "(last: {why})", n=n, destination=self.remote_destination[:60], why=why),
                new_key=True,  # a transient client's address may change: nobody keeps it
            )

    def _answered(self, conn: Connection) -> None:
        if self._trouble_since is not None and conn.opened_at < self._trouble_since:
            return  # opened before the failures began (it may end only now): says nothing
        self._trouble_since = None
        self.open_failures.answered(self.remote_destination)
        self.keeper.healthy(Text("a connection got an answer from I2P"))

    def _first_byte_check(self, conn: Connection, local_sock: socket.socket) -> None:
        r = conn.relay
        if r is None or not r.started or r.reason is not None:
            return
        if r.bytes_out > 0:
            self._answered(conn)
        elif r.bytes_in > 0:  # we spoke, the peer never answered
            self.failed_connections += 1
            self.no_first_byte(conn, local_sock)
            self._open_failed(Text("no answer within {seconds:g} s",
                                   seconds=self.spec.connect_timeout))

    def no_first_byte(self, conn: Connection, local_sock: socket.socket) -> None:
        """The I2P side took data and sent nothing back within the connect timeout:
        log it and reset the connection. `local_sock` still belongs to the relay; the
        HTTP proxy overrides this to answer an error page on it first."""
        self.event(Text("connection from {peer}: no answer from I2P within {seconds:g} s",
                        peer=conn.peer, seconds=self.spec.connect_timeout), level="warning")
        assert conn.relay is not None
        conn.relay.abort(CloseReason.RESET)
