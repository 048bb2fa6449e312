"""The seed's blocking API (`i2p.tunnel`), done on the relay engine.

    t = Tunnel(receive, make_send, nconnect=-1, timeout=60.0)
    ...
    t.close()

`receive` is a bound, listening socket; for every accepted connection
`make_send()` returns a socket to relay to (it may still be connecting in
non-blocking mode). All tunnels share one Engine (a daemon thread with its own
loop, `seed.engine.shared_engine`) started on first use and shut down at exit,
unless `engine=` names another; each starts through `Engine.start_tunnel`.

The SAM tunnels:

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

Differences from the 2004 seed, on purpose: connections half-close (EOF in one
direction is passed on, the connection ends when both directions are done)
instead of ending at the first close; connections beyond `nconnect` are
refused (accepted and closed at once, see `status().refused_connections`);
and an idle timeout (default 600 s) closes connections nobody uses, as the
seed's security note asks.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.listen import format_address
from i2ptunnel_gui.core.spec import (
    DEFAULT_I2P_CONNECT_TIMEOUT,
    DEFAULT_IDLE_TIMEOUT,
    DEFAULT_SAM,
    KeyMode,
    TunnelKind,
    TunnelSpec,
)
from i2ptunnel_gui.seed.blocking import CALL_TIMEOUT, BlockingTunnel
from i2ptunnel_gui.seed.dial import thread_dial

READY_TIMEOUT = 180.0  # SESSION CREATE: ~20 s on i2pd 2.45.1, the client allows 120 s


def _check_timeout(name: str, value: float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ConfigError(f"{name} must be a number of seconds more than 0, or None")
    return float(value)


def _options(kwargs: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    out = []
    for key, value in kwargs.items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        out.append((str(key), str(value)))
    return tuple(sorted(out))


class Tunnel(BlockingTunnel):
    """Relay connections accepted on `receive` to sockets made by `make_send()`.

    nconnect: max simultaneous connections (-1 = unlimited; excess refused).
    timeout: max lifetime of one connection in seconds (None = forever).
    idle_timeout: close a connection with no bytes either way for this long
    (None = never). connect_timeout: limit for make_send() plus its connect.
    Returns once the tunnel is serving. Socket errors never stop the tunnel.
    """

    def __init__(
        self,
        receive: socket.socket,
        make_send: Callable[[], socket.socket],
        nconnect: int = -1,
        timeout: float | None = 60.0,
        *,
        idle_timeout: float | None = DEFAULT_IDLE_TIMEOUT,
        connect_timeout: float = DEFAULT_I2P_CONNECT_TIMEOUT,
        engine: Engine | None = None,
    ) -> None:
        if not isinstance(receive, socket.socket):
            raise ConfigError(f"receive must be a socket, not {type(receive).__name__}")
        if receive.type != socket.SOCK_STREAM:
            raise ConfigError("receive must be a stream (TCP) socket")
        if not receive.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):
            raise ConfigError("receive must be bound and listening (call bind() and listen())")
        if not callable(make_send):
            raise ConfigError("make_send must be a callable returning a socket")
        if isinstance(nconnect, bool) or not isinstance(nconnect, int) or (
            nconnect == 0 or nconnect < -1
        ):
            raise ConfigError("nconnect must be -1 (unlimited) or at least 1")
        lifetime = _check_timeout("timeout", timeout)
        idle = _check_timeout("idle_timeout", idle_timeout)
        connect = _check_timeout("connect_timeout", connect_timeout)
        if connect is None:
            raise ConfigError("connect_timeout must be a number of seconds more than 0")
        host, port = receive.getsockname()[:2]
        self.address = format_address((host, port))
        spec = TunnelSpec(
            name=f"tunnel {self.address}",
            kind=TunnelKind.FORWARD,
            listen_host=host,
            listen_port=port,
            allow_public_bind=True,  # the caller bound it; their choice
            nconnect=nconnect,
            lifetime=lifetime,
            idle_timeout=idle,
            connect_timeout=connect,
        )
        super().__init__(spec, engine)
        self._start(CALL_TIMEOUT, listener=receive, dial=thread_dial(make_send))


class _SamTunnel(BlockingTunnel):
    """TunnelServer and TunnelClient: block until the session is ready."""

    dest: str  # our base64 destination, as the seed gave it
    session: str  # the SAM session nickname

    def _start_session(self, session: str) -> None:
        self.session = session
        self.dest = self._start(READY_TIMEOUT, nickname=session).destination

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
        samaddr: str = DEFAULT_SAM,
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
        self._start_session(session)


class TunnelClient(_SamTunnel):
    """localhost:port -> the I2P destination `dest` (b32, .i2p name or base64)."""

    def __init__(
        self,
        session: str,
        port: int,
        dest: str,
        samaddr: str = DEFAULT_SAM,
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
        self.remotedest = dest
        self._start_session(session)
