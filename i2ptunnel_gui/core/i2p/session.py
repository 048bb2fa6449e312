"""The SAM session an I2P tunnel (server or client) lives on, kept alive.

A `SessionKeeper` creates the session (with the stored key, or TRANSIENT and then
remembers the key; the status message ticks the elapsed time meanwhile), marks the
tunnel RUNNING, waits until the session's control socket dies, and then re-creates
it with the SAME key (so the same b32) after a capped exponential backoff
(`EngineContext.backoff`) that a router seen restarting cuts short, showing
RECONNECTING meanwhile. A router that *refuses* (INVALID_KEY, I2P_ERROR, a key file
we cannot trust...) is not retried: the tunnel goes to ERROR with the router's text.
A session that is up but does not work (`degrade()`: the tunnel's own health checks)
is re-created on purpose, the tunnel DEGRADED until `healthy()`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from i2ptunnel_gui.core.context import StartOptions
from i2ptunnel_gui.core.errors import ConfigError, TargetError
from i2ptunnel_gui.core.keystore import KeyStore, KeyStoreError
from i2ptunnel_gui.core.policy.i2p_ports import check_ports_granted
from i2ptunnel_gui.core.runtime import TunnelRuntime
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.errors import (
    SamConnectionClosed,
    SamDuplicatedDest,
    SamError,
    SamTimeout,
    SamUnreachable,
)
from i2ptunnel_gui.core.sam.probe import probe_sam
from i2ptunnel_gui.core.spec import KeyMode
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.core.text import Text, text_of

PROGRESS_TICK = 1.0  # seconds between elapsed-time updates while a session is created
STREAMS_GRACE = 2.0  # seconds between closing a session's streams and the session itself


async def close_after_grace(session: SamSession) -> None:
    """Close `session` STREAMS_GRACE seconds from now, or at once when cancelled (stop)."""
    try:
        await asyncio.sleep(STREAMS_GRACE)
    finally:
        session.close()


def is_connectivity_error(exc: BaseException) -> bool:
    """Router gone or slow (retry) as opposed to a refusal (show it, stop)."""
    return isinstance(exc, SamUnreachable | SamTimeout)


NO_SESSION_RECONNECTING = Text("no I2P session: the router is unavailable (reconnecting)")


class SessionKeeper:
    """One SAM session for `rt`, re-created with the same key whenever it dies."""

    def __init__(self, rt: TunnelRuntime, start: StartOptions) -> None:
        self.rt = rt
        self.nickname = start.nickname
        self.session: SamSession | None = None
        self.key: bytes | None = None  # kept across reconnects, even for transient keys
        spec = rt.spec
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
        self._news = asyncio.Event()  # replaced each time the session comes or goes
        self.repairing: str | None = None  # why the session is being re-created (DEGRADED)
        self._retiring: SamSession | None = None  # closed by degrade() after a grace
        self.repairs = 0  # re-creations in a row without a good sign since
        self.waiting_for: str = Text("waiting for a connection to get through")  # after a repair

    @property
    def sam_address(self) -> str:
        """The tunnel's own SAM address, else the app's router (which may have moved:
        read at every session creation)."""
        return self.rt.spec.sam_address or self.rt.ctx.sam_address

    @property
    def sam_auth(self) -> tuple[str, str] | None:
        """The app's router credentials, not sent to a tunnel's own SAM address."""
        return None if self.rt.spec.sam_address else self.rt.ctx.sam_auth

    @property
    def ready(self) -> bool:
        """A session is up and usable (not one being retired by `degrade()`)."""
        session = self.session
        return (session is not None and not session.closed.is_set()
                and session is not self._retiring)

    async def wait_session(self) -> SamSession:
        """The live session, waiting while it is being created (the caller bounds the
        wait); TargetError at once while the router is unavailable (RECONNECTING)."""
        while True:
            session = self.session
            if self.ready and session is not None:
                return session
            if self.rt.state not in (TunnelState.STARTING, TunnelState.DEGRADED):
                raise TargetError(NO_SESSION_RECONNECTING)
            await self._news.wait()

    def _tell(self) -> None:
        """Wake every `wait_session()`: the session came or went."""
        self._news.set()
        self._news = asyncio.Event()

    # -- Degraded: repair by re-creating the session --------------------------
    def degrade(self, reason: str, *, new_key: bool = False) -> None:
        """The session is up but does not work (peers cannot reach it, opens fail):
        DEGRADED, and the session is re-created (a new LeaseSet), after a backoff when
        repeated. `new_key` (transient keys only): as a new destination, since i2pd may
        hand a session with the same key the old destination back, with what it had
        cached about our peers."""
        session = self.session
        if session is None or session is self._retiring:
            return  # already being re-created
        self.repairing = reason
        self._retiring = session
        if new_key and not self.persistent:
            self.key = None
        delay = self.rt.ctx.backoff.delay(self.repairs - 1) if self.repairs else 0.0
        self.rt.set_state(
            TunnelState.DEGRADED,
            Text("{reason}; re-creating the I2P session in {delay:g} s", reason=reason,
                 delay=delay) if delay
            else Text("{reason}; re-creating the I2P session", reason=reason),
            level="warning",
        )
        # a moment for the router to end the streams just closed: i2pd crashes when a
        # destination is deleted before all its streams are (i2pd #2183; seen on 2.45.1)
        self.rt.spawn(close_after_grace(session), name="close degraded session")

    def healthy(self, why: str) -> None:
        """A good sign (an answered open, a passed check): back to RUNNING."""
        self.repairs = 0
        self.repairing = None
        if self.rt.state is TunnelState.DEGRADED and self.ready:
            self.rt.set_state(TunnelState.RUNNING, Text("{why}; {running}", why=why,
                                                        running=self._running_text()))

    # -- the loop ------------------------------------------------------------
    async def run(self, serve_session: Callable[[SamSession], Awaitable[None]]) -> None:
        """Forever: create the session, serve it until it dies, back off, repeat.

        Backoff (docs/ENGINE.md "Health"): failed creates and sessions that die
        within `backoff.stable` (flaps) lengthen the wait, which a router seen down
        and then answering HELLO again (a restart) ends at once and resets: recovery
        follows SAM, while a router that keeps answering but drops every session
        still backs off."""
        rt = self.rt
        backoff = rt.ctx.backoff
        attempt = 0  # failed creates in a row
        flaps = 0  # sessions in a row that died within backoff.stable
        ever_up = False
        while True:
            try:
                session = await self._create()
            except SamError as e:
                # after a loss the router may still hold our old session for a moment
                lingering = ever_up and isinstance(e, SamDuplicatedDest)
                if not (is_connectivity_error(e) or lingering) or (not ever_up and not rt.retry):
                    raise
                delay = backoff.delay(max(attempt, flaps))
                attempt += 1
                rt.next_retry_at = time.time() + delay
                rt.set_state(
                    TunnelState.RECONNECTING,
                    Text("router unavailable (attempt {attempt}), retrying in {delay:g} s: "
                         "{why}", attempt=attempt, delay=delay, why=text_of(e)),
                    level="warning",
                )
                # refused at connect: the router is down (a closed socket may be a flap)
                down = isinstance(e, SamUnreachable) and not isinstance(e, SamConnectionClosed)
                if await self._wait_for_router(delay, down=down):
                    attempt = flaps = 0
                rt.next_retry_at = None
                continue
            ever_up = True
            attempt = 0
            up_since = time.monotonic()
            self.session = session
            self._tell()
            try:
                rt.i2p_address = session.b32
                rt.sam_version = session.version
                if self.repairing is None:
                    rt.set_state(TunnelState.RUNNING, self._running_text())
                else:  # stays DEGRADED until a good sign (healthy())
                    rt.set_state(
                        TunnelState.DEGRADED,
                        Text("I2P session re-created ({why}); {next}", why=self.repairing,
                             next=self.waiting_for),
                        level="warning",
                    )
                await serve_session(session)
            finally:
                self.session = None
                session.close()
                self._tell()
            if session is self._retiring:  # closed on purpose by degrade()
                self._retiring = None
                self.repairs += 1
                if self.repairs > 1:
                    await asyncio.sleep(backoff.delay(self.repairs - 2))
                continue
            why = session.close_reason or Text("session closed")
            flaps = flaps + 1 if time.monotonic() - up_since < backoff.stable else 0
            # a session that dies right away again and again must not spin: back off
            delay = backoff.delay(flaps - 1) if flaps else 0.0
            rt.next_retry_at = time.time() + delay
            rt.set_state(
                TunnelState.RECONNECTING, Text("router connection lost: {why}", why=why),
                level="warning",
            )
            if delay and await self._wait_for_router(delay, down=False):
                flaps = 0
            rt.next_retry_at = None

    async def _wait_for_router(self, delay: float, *, down: bool) -> bool:
        """Sleep `delay`, HELLOing the bridge every `backoff.probe` s meanwhile. True
        (early) once the router, seen down (`down`, or a failed HELLO), answers again:
        it restarted. Never earlier than `backoff.first`: no tight loop on a router
        that flaps its whole process."""
        backoff = self.rt.ctx.backoff
        loop = asyncio.get_running_loop()
        start = loop.time()
        end = start + delay
        floor = start + min(delay, backoff.first)
        while (left := end - loop.time()) > 0:
            await asyncio.sleep(min(left, backoff.probe))
            if loop.time() >= end:
                break
            answer = await probe_sam(
                self.sam_address, timeout=min(backoff.probe, 3.0), auth=self.sam_auth
            )
            if not answer.reachable:
                down = True
            elif down:
                await asyncio.sleep(max(0.0, floor - loop.time()))
                self.rt.event(Text("the router answers again at {address}: reconnecting now",
                                   address=self.sam_address))
                return True
        return False

    def _running_text(self) -> str:
        session = self.session
        if session is None:
            return Text("no I2P session")
        if self.rt.local_address:
            return Text("I2P address {b32} via {address} (SAM {version})", b32=session.b32,
                        address=self.rt.local_address, version=session.version)
        return Text("I2P address {b32} (SAM {version})", b32=session.b32,
                    version=session.version)

    async def _check_ports(self) -> None:
        """A tunnel with an I2P port needs SAM 3.2+: ask the bridge with one HELLO before
        the ~20 s SESSION CREATE (a bridge that does not answer is retried as usual)."""
        spec = self.rt.spec
        if not spec.i2p_port:
            return
        probe = await probe_sam(
            self.sam_address, timeout=self.rt.ctx.sam_timeouts.hello, auth=self.sam_auth
        )
        if probe.reachable:
            check_ports_granted(spec.i2p_port, probe.version, server=spec.serves)

    async def _create(self) -> SamSession:
        spec = self.rt.spec
        await self._check_ports()
        stored = False
        if self.key is None and self._keystore is not None and self.key_path is not None:
            self.key = self._keystore.load(self.key_path)
            stored = self.key is not None
        phase: list[str] = [Text("connecting to the router's SAM bridge at {address}",
                                 address=self.sam_address)]

        def hello() -> None:
            phase[0] = Text("waiting for the router to build tunnels")

        auth = self.sam_auth
        # owned here: cancelled and awaited below (a TaskGroup would wrap the
        # router's refusal in an ExceptionGroup)
        ticker = asyncio.create_task(self._show_progress(phase), name="session progress")
        try:
            session = await SamSession.create(
                self.sam_address,
                user=auth[0] if auth else None,
                password=auth[1] if auth else None,
                private_key=self.key,
                signature_type=spec.signature_type,
                options=dict(spec.options),
                nickname=self.nickname,
                timeouts=self.rt.ctx.sam_timeouts,
                on_hello=hello,
            )
        finally:
            ticker.cancel()
            await asyncio.wait([ticker])
        try:
            # the version granted to the session itself decides (the bridge may have changed)
            check_ports_granted(spec.i2p_port, session.version, server=spec.serves)
            if self.key is None:
                self.key = session.private_key
                if self._keystore is not None and self.key_path is not None:
                    self._keystore.save(self.key_path, self.key)
                    self.rt.event(Text("new I2P key {b32} saved to {path}", b32=session.b32,
                                       path=str(self.key_path)))
            elif stored:
                self.rt.event(Text("using I2P key {b32} from {path}", b32=session.b32,
                                   path=str(self.key_path)))
        except (KeyStoreError, ConfigError):
            session.close()
            raise
        self.rt.destination = session.destination
        return session

    async def _show_progress(self, phase: list[str]) -> None:
        """While a session is created (~20 s on i2pd 2.45.1, docs/ENGINE.md): one log
        line, then the status message ticks the elapsed seconds and what is awaited."""
        rt = self.rt
        loop = asyncio.get_running_loop()
        start = loop.time()
        if rt.state is TunnelState.STARTING:
            rt.set_state(TunnelState.STARTING, Text("creating I2P session at {address}",
                                                    address=self.sam_address))
        # reconnecting or degraded: keep saying why
        why = None if rt.state is TunnelState.STARTING else rt.message
        while True:
            await asyncio.sleep(PROGRESS_TICK)
            elapsed = loop.time() - start
            ticking = Text("creating I2P session… {seconds:.0f} s ({phase})", seconds=elapsed,
                           phase=phase[0])
            rt.progress(ticking if why is None else Text("{why} — {progress}", why=why,
                                                         progress=ticking))
