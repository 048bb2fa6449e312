"""Engines on a fake router for the health tests, and the few calls they share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fake_router import FAST_TIMEOUTS, FakeRouter
from nethelpers import IO_TIMEOUT, free_port, status, wait_until

from i2ptunnel_gui.core.context import Backoff, Health
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelEvent, TunnelState, TunnelStatus

QUICK = Backoff(first=0.05, max=0.2, probe=0.05)
NO_PERIODIC = Health(reach_interval=0, reach_timeout=3)


def make_engine(
    fake: FakeRouter, keys: Path, *, backoff: Backoff = QUICK, health: Health = NO_PERIODIC
) -> Engine:
    eng = Engine(
        sam_address=fake.address,
        keystore=KeyStore(keys),
        sam_timeouts=FAST_TIMEOUTS,
        backoff=backoff,
        health=health,
    )
    eng.start()
    return eng


class Events:
    def __init__(self, engine: Engine) -> None:
        self.items: list[TunnelEvent] = []
        engine.subscribe(self.items.append)

    def of(self, tunnel_id: str) -> list[TunnelEvent]:
        return [e for e in list(self.items) if e.tunnel_id == tunnel_id]

    def states(self, tunnel_id: str) -> list[TunnelState]:
        return [e.state for e in self.of(tunnel_id)]


def server_spec(target_port: int, **kw: Any) -> TunnelSpec:
    kw.setdefault("name", "health server")
    return TunnelSpec(kind=TunnelKind.SERVER, target_port=target_port, **kw)


def client_spec(dest: str, **kw: Any) -> TunnelSpec:
    kw.setdefault("name", "health client")
    kw.setdefault("key_mode", KeyMode.TRANSIENT)
    return TunnelSpec(kind=TunnelKind.CLIENT, listen_port=free_port(), destination=dest, **kw)


def start(engine: Engine, spec: TunnelSpec) -> TunnelStatus:
    return engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT)


def stop(engine: Engine, tunnel_id: str) -> None:
    engine.call(lambda: engine.stop_tunnel(tunnel_id), IO_TIMEOUT)


def wait_state(engine: Engine, tunnel_id: str, state: TunnelState, timeout: float = 8) -> None:
    assert wait_until(lambda: status(engine, tunnel_id).state is state, timeout), (
        f"tunnel never reached {state}: {status(engine, tunnel_id)}"
    )


def session_creates(fake: FakeRouter) -> int:
    received = fake.call(lambda: list(fake.sam.received))
    return sum(line.startswith("SESSION CREATE") for line in received)


def kill_sessions_of(fake: FakeRouter, pick: Callable[[str], bool]) -> None:
    fake.call(lambda: [fake.sam.kill_session(n) for n in list(fake.sam.sessions) if pick(n)])
