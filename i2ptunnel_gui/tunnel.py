"""The seed's blocking API (`i2p.tunnel`), done on the relay engine.

    t = Tunnel(receive, make_send, nconnect=-1, timeout=60.0)
    ...
    t.close()

`receive` is a bound, listening socket; for every accepted connection
`make_send()` returns a socket to relay to (it may still be connecting in
non-blocking mode). All tunnels share one module-level Engine (a daemon
thread with its own loop) started on first use and shut down at exit.

Differences from the 2004 seed, on purpose: connections half-close (EOF in one
direction is passed on, the connection ends when both directions are done)
instead of ending at the first close; connections beyond `nconnect` are
refused (accepted and closed at once, see `status().refused_connections`);
and an idle timeout (default 600 s) closes connections nobody uses, as the
seed's security note asks.
"""

from __future__ import annotations

import atexit
import socket
import threading
from collections.abc import Callable
from typing import Any

from i2ptunnel_gui._blocking import CALL_TIMEOUT, BlockingTunnel
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.forward import SocketFactoryTunnel
from i2ptunnel_gui.core.runtime import format_address
from i2ptunnel_gui.core.spec import DEFAULT_I2P_CONNECT_TIMEOUT, TunnelKind, TunnelSpec

DEFAULT_IDLE_TIMEOUT = 600.0

_shared: Engine | None = None
_shared_lock = threading.Lock()


def shared_engine() -> Engine:
    """The engine all seed-API tunnels run on; started on first use."""
    global _shared
    with _shared_lock:
        if _shared is None or not _shared.running:
            _shared = Engine()
            _shared.start()
            atexit.register(_shutdown_shared, _shared)
        return _shared


def _shutdown_shared(engine: Engine) -> None:
    engine.shutdown(timeout=5.0)


def _check_timeout(name: str, value: float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ConfigError(f"{name} must be a number of seconds more than 0, or None")
    return float(value)


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
        self.spec = TunnelSpec(
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
        self._engine = engine or shared_engine()
        self._closed = False
        spec = self.spec

        def make(ctx: Any) -> SocketFactoryTunnel:
            return SocketFactoryTunnel(spec, ctx, make_send, receive)

        self._engine.call(lambda: self._engine.start_runtime(make), CALL_TIMEOUT)


# the SAM tunnels of the seed API; tunnel_i2p imports shared_engine lazily (no cycle)
from i2ptunnel_gui.tunnel_i2p import TunnelClient, TunnelServer  # noqa: E402 -- needs Tunnel

__all__ = ["Tunnel", "TunnelClient", "TunnelServer"]
