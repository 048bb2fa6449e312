"""Helpers for the I2P tunnel tests on an engine (server/client specs, start, wait, a
round trip through a client tunnel). Import as `from i2p_helpers import ...`."""

from __future__ import annotations

from typing import Any

from nethelpers import IO_TIMEOUT, connect, free_port, recv_exactly, status, wait_until

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState, TunnelStatus


def server_spec(target_port: int, **kw: Any) -> TunnelSpec:
    kw.setdefault("name", "test server")
    return TunnelSpec(kind=TunnelKind.SERVER, target_port=target_port, **kw)


def client_spec(dest: str, **kw: Any) -> TunnelSpec:
    kw.setdefault("name", "test client")
    kw.setdefault("key_mode", KeyMode.TRANSIENT)
    return TunnelSpec(kind=TunnelKind.CLIENT, listen_port=free_port(), destination=dest, **kw)


def start(engine: Engine, spec: TunnelSpec, retry: bool = True) -> TunnelStatus:
    return engine.call(lambda: engine.start_tunnel(spec, retry=retry), IO_TIMEOUT)


def wait_state(engine: Engine, tunnel_id: str, state: TunnelState, timeout: float = 8) -> None:
    assert wait_until(lambda: status(engine, tunnel_id).state is state, timeout), (
        f"tunnel never reached {state}: {status(engine, tunnel_id)}"
    )


def round_trip(port: int, payload: bytes) -> bytes:
    # no half-close: the client tunnel never passes EOF to a SAM stream
    # (docs/ENGINE.md "SAM streams and half-close")
    with connect(port) as s:
        s.sendall(payload)
        return recv_exactly(s, len(payload))
