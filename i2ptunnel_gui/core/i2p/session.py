"""The SAM session an I2P tunnel (server or client) lives on, kept alive.

A `SessionKeeper` creates the session (with the stored key, or TRANSIENT and then
remembers the key), marks the tunnel RUNNING, waits until the session's control
socket dies, and then re-creates it with the SAME key (so the same b32) after a
capped exponential backoff (`EngineContext.backoff`), showing RECONNECTING
meanwhile. A router that *refuses* (INVALID_KEY, I2P_ERROR, a key file we cannot
trust...) is not retried: the tunnel goes to ERROR with the router's text.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from i2ptunnel_gui.core.context import StartOptions
from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.i2p_ports import check_ports_granted
from i2ptunnel_gui.core.keystore import KeyStore, KeyStoreError
from i2ptunnel_gui.core.runtime import TunnelRuntime
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.errors import SamDuplicatedDest, SamError, SamTimeout, SamUnreachable
from i2ptunnel_gui.core.sam.probe import probe_sam
from i2ptunnel_gui.core.spec import KeyMode
from i2ptunnel_gui.core.status import TunnelState


def is_connectivity_error(exc: BaseException) -> bool:
    """Router gone or slow (retry) as opposed to a refusal (show it, stop)."""
    return isinstance(exc, SamUnreachable | SamTimeout)


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

    @property
    def sam_address(self) -> str:
        """The tunnel's own SAM address, else the app's router (which may have moved:
        read at every session creation)."""
        return self.rt.spec.sam_address or self.rt.ctx.sam_address

    @property
    def ready(self) -> bool:
        return self.session is not None and not self.session.closed.is_set()

    async def run(self, serve_session: Callable[[SamSession], Awaitable[None]]) -> None:
        """Forever: create the session, serve it until it dies, back off, repeat."""
        rt = self.rt
        backoff = rt.ctx.backoff
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
                delay = backoff.delay(attempt)
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
            if time.monotonic() - up_since < backoff.stable:
                delay = backoff.delay(attempt)
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

    async def _check_ports(self) -> None:
        """A tunnel with an I2P port needs SAM 3.2+: ask the bridge with one HELLO before
        the ~20 s SESSION CREATE (a bridge that does not answer is retried as usual)."""
        spec = self.rt.spec
        if not spec.i2p_port:
            return
        probe = await probe_sam(self.sam_address, timeout=self.rt.ctx.sam_timeouts.hello)
        if probe.reachable:
            check_ports_granted(spec.i2p_port, probe.version, server=spec.serves)

    async def _create(self) -> SamSession:
        spec = self.rt.spec
        await self._check_ports()
        stored = False
        if self.key is None and self._keystore is not None and self.key_path is not None:
            self.key = self._keystore.load(self.key_path)
            stored = self.key is not None
        # the app's router credentials, not sent to a tunnel's own SAM address
        auth = None if spec.sam_address else self.rt.ctx.sam_auth
        session = await SamSession.create(
            self.sam_address,
            user=auth[0] if auth else None,
            password=auth[1] if auth else None,
            private_key=self.key,
            signature_type=spec.signature_type,
            options=dict(spec.options),
            nickname=self.nickname,
            timeouts=self.rt.ctx.sam_timeouts,
        )
        try:
            # the version granted to the session itself decides (the bridge may have changed)
            check_ports_granted(spec.i2p_port, session.version, server=spec.serves)
            if self.key is None:
                self.key = session.private_key
                if self._keystore is not None and self.key_path is not None:
                    self._keystore.save(self.key_path, self.key)
                    self.rt.event(f"new I2P key {session.b32} saved to {self.key_path}")
            elif stored:
                self.rt.event(f"using I2P key {session.b32} from {self.key_path}")
        except (KeyStoreError, ConfigError):
            session.close()
            raise
        self.rt.destination = session.destination
        return session
