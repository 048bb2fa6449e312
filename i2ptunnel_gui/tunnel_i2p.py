"""The seed's SAM tunnels, blocking API, on the shared relay engine.

    server = TunnelServer("myserver", 8080, samaddr="127.0.0.1:7656")   # I2P -> localhost:8080
    server.dest        # our base64 destination; server.b32 is its .b32.i2p address
    client = TunnelClient("myclient", 9000, server.dest)                # localhost:9000 -> I2P
    ...
    client.close(); server.close()

Both block until the tunnel is ready (SESSION CREATE can take ~20 s on i2pd 2.45.1)
and raise a TunnelError subclass when the router is unreachable or refuses. Extra
keyword arguments become SAM session options (`**{"inbound.length": 1}`), as the
seed passed them to its session. Keys are transient like the seed's sessions, but a
session the router loses is re-created with the same key (same address) while the
tunnel stays open. `session` is the SAM session nickname.
"""

from __future__ import annotations

from typing import Any

from i2ptunnel_gui._blocking import BlockingTunnel
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.i2p import ClientTunnel, ServerTunnel
from i2ptunnel_gui.core.runtime import EngineContext, TunnelRuntime
from i2ptunnel_gui.core.spec import (
    DEFAULT_I2P_CONNECT_TIMEOUT,
    DEFAULT_IDLE_TIMEOUT,
    KeyMode,
    TunnelKind,
    TunnelSpec,
    validate,
)
from i2ptunnel_gui.core.status import TunnelStatus

READY_TIMEOUT = 180.0  # SESSION CREATE: ~20 s on i2pd 2.45.1, the client allows 120 s


def _options(kwargs: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    out = []
    for key, value in kwargs.items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        out.append((str(key), str(value)))
    return tuple(sorted(out))


class _SamTunnel(BlockingTunnel):
    """Shared life cycle: validate the spec, start on the engine, block until ready."""

    def __init__(self, spec: TunnelSpec, engine: Engine | None) -> None:
        errors = validate(spec)
        if errors:
            raise ConfigError("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.spec = spec
        if engine is None:
            # imported here: tunnel.py re-exports this module's classes (no import cycle)
            from i2ptunnel_gui.tunnel import shared_engine

            engine = shared_engine()
        self._engine = engine
        self._closed = False
        self._runtime: TunnelRuntime | None = None

    def _start(self, make: Any) -> TunnelStatus:
        def build(ctx: EngineContext) -> TunnelRuntime:
            self._runtime = make(ctx)
            return self._runtime

        return self._engine.call(lambda: self._engine.start_runtime(build), READY_TIMEOUT)

    @property
    def b32(self) -> str:
        """Our own `.b32.i2p` address."""
        return self.status().i2p_address



class TunnelServer(_SamTunnel):
    """Incoming SAM streams -> localhost:port. Blocks until the tunnel is ready."""

    def __init__(
        self,
        session: str,
        port: int,
        samaddr: str = "127.0.0.1:7656",
        nconnect: int = -1,
        timeout: float | None = None,
        *,
        engine: Engine | None = None,
        idle_timeout: float | None = DEFAULT_IDLE_TIMEOUT,
        **kwargs: Any,
    ) -> None:
        spec = TunnelSpec(
            name=f"server {session}",
            kind=TunnelKind.SERVER,
            target_host="127.0.0.1",
            target_port=port,
            sam_address=samaddr,
            nconnect=nconnect,
            lifetime=timeout,
            idle_timeout=idle_timeout,
            key_mode=KeyMode.TRANSIENT,
            options=_options(kwargs),
        )
        super().__init__(spec, engine)
        self.session = session
        self._start(lambda ctx: ServerTunnel(spec, ctx, retry=False, nickname=session))
        assert isinstance(self._runtime, ServerTunnel)
        self.dest: str = self._runtime.keeper.destination  # base64, as the seed gave it


class TunnelClient(_SamTunnel):
    """localhost:port -> the I2P destination `dest` (b32, .i2p name or base64)."""

    def __init__(
        self,
        session: str,
        port: int,
        dest: str,
        samaddr: str = "127.0.0.1:7656",
        nconnect: int = -1,
        timeout: float | None = None,
        *,
        engine: Engine | None = None,
        idle_timeout: float | None = DEFAULT_IDLE_TIMEOUT,
        connect_timeout: float = DEFAULT_I2P_CONNECT_TIMEOUT,
        **kwargs: Any,
    ) -> None:
        spec = TunnelSpec(
            name=f"client {session}",
            kind=TunnelKind.CLIENT,
            listen_host="127.0.0.1",
            listen_port=port,
            destination=dest,
            sam_address=samaddr,
            nconnect=nconnect,
            lifetime=timeout,
            idle_timeout=idle_timeout,
            connect_timeout=connect_timeout,
            key_mode=KeyMode.TRANSIENT,
            options=_options(kwargs),
        )
        super().__init__(spec, engine)
        self.session = session
        self.remotedest = dest
        self._start(lambda ctx: ClientTunnel(spec, ctx, retry=False, nickname=session))
        assert isinstance(self._runtime, ClientTunnel)
        self.dest: str = self._runtime.keeper.destination
