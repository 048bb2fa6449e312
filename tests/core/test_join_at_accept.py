"""A forward tunnel joins a loopback-connected pair at accept time (no task per
connection), and a target still connecting takes the task path and relays the same."""

from __future__ import annotations

import asyncio
import socket

import pytest
from nethelpers import (
    IO_TIMEOUT,
    LoopbackServer,
    connect,
    forward_spec,
    local_port,
    recv_exactly,
    socket_count,
    status,
    wait_until,
)

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.forward import ForwardTunnel
from i2ptunnel_gui.core.kinds import KINDS
from i2ptunnel_gui.core.spec import TunnelKind

OPEN = 20



def engine_tasks(engine: Engine) -> int:
    async def count() -> int:
        return len(asyncio.all_tasks())

    return engine.call(count, IO_TIMEOUT)


def held_echoes(port: int) -> list[socket.socket]:
    socks = [connect(port) for _ in range(OPEN)]
    for i, s in enumerate(socks):
        s.sendall(bytes([i]))
        assert recv_exactly(s, 1) == bytes([i])  # really relayed
    return socks


class StillConnectingTunnel(ForwardTunnel):
    """Reports every connect as still in progress: the task path (`finish_target`)."""

    def open_target_now(self) -> tuple[socket.socket, bool] | None:
        started = super().open_target_now()
        return None if started is None else (started[0], False)


def test_loopback_connections_hold_no_task(
    engine: Engine, echo_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("I2PTUNNEL_RELAY", "splice")
    spec = forward_spec(echo_server.port)
    port = local_port(engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT))
    held_echoes(port)[0].close()  # warm-up: the tunnel's sweeper task exists from now on
    assert wait_until(lambda: status(engine, spec.id).active_connections == 0)
    idle = engine_tasks(engine)
    socks = held_echoes(port)
    assert status(engine, spec.id).active_connections == OPEN
    assert engine_tasks(engine) == idle  # 20 relayed connections, not one task more
    for s in socks:
        s.close()
    assert wait_until(lambda: status(engine, spec.id).active_connections == 0)


def test_connect_in_progress_takes_the_task_path(
    engine: Engine, echo_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("I2PTUNNEL_RELAY", "splice")
    monkeypatch.setitem(KINDS, TunnelKind.FORWARD, StillConnectingTunnel)
    spec = forward_spec(echo_server.port)
    port = local_port(engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT))
    before = socket_count()
    socks = held_echoes(port)
    st = status(engine, spec.id)
    assert (st.active_connections, st.failed_connections) == (OPEN, 0)
    for s in socks:
        s.shutdown(socket.SHUT_WR)
        assert s.recv(1) == b""  # the echo's EOF came back: half-close relayed
        s.close()
    assert wait_until(lambda: status(engine, spec.id).active_connections == 0)
    assert wait_until(lambda: socket_count() <= before)
