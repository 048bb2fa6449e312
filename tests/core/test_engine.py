"""The engine thread and its thread-safe async API, with real tunnels."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import threading

import pytest
from nethelpers import (
    IO_TIMEOUT,
    LoopbackServer,
    closed_by_peer,
    connect,
    fd_count,
    forward_spec,
    recv_exactly,
    start_forward,
    wait_until,
)

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.engine_loop import LOOP_ENV, uvloop_wanted
from i2ptunnel_gui.core.errors import ConfigError, EngineStopped, UnknownTunnel
from i2ptunnel_gui.core.status import ConnState, Direction, TunnelEvent, TunnelState


def test_shutdown_stops_thread_and_tunnels(echo_server: LoopbackServer) -> None:
    eng = Engine()
    eng.start()
    thread = eng.thread
    assert thread is not None and thread.is_alive() and thread.daemon
    _, port = start_forward(eng, echo_server.port)
    client = connect(port)
    client.sendall(b"x")
    assert recv_exactly(client, 1) == b"x"
    eng.shutdown(5)
    assert not thread.is_alive()
    assert closed_by_peer(client)  # shutdown closed the live connection
    client.close()
    with pytest.raises(EngineStopped):
        eng.call(lambda: eng.snapshot(), 1)
    eng.shutdown(5)  # idempotent


def test_awaitable_from_another_loop(any_engine: Engine, echo_server: LoopbackServer) -> None:
    """A caller on its own asyncio loop (like qasync/the CLI) awaits the engine."""
    spec = forward_spec(echo_server.port)

    async def caller() -> tuple[str, int, int]:
        status = await any_engine.start_tunnel(spec)
        loop = asyncio.get_running_loop()
        host, _, port = status.local_address.rpartition(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(b"ping")
        assert await asyncio.wait_for(reader.readexactly(4), 5) == b"ping"
        snap = await any_engine.snapshot(spec.id)
        writer.close()
        await writer.wait_closed()
        await any_engine.stop_tunnel(spec.id)
        assert loop is asyncio.get_running_loop()
        return snap.tunnels[0].state, len(snap.connections), snap.tunnels[0].bytes_in

    state, nconn, bytes_in = asyncio.run(caller())
    assert state == TunnelState.RUNNING and nconn == 1 and bytes_in == 4


def test_events_run_on_engine_thread(engine: Engine, echo_server: LoopbackServer) -> None:
    seen: list[tuple[TunnelEvent, str]] = []
    unsubscribe = engine.subscribe(lambda ev: seen.append((ev, threading.current_thread().name)))
    spec, _ = start_forward(engine, echo_server.port)
    engine.call(lambda: engine.stop_tunnel(spec.id), IO_TIMEOUT)
    states = [ev.state for ev, _ in seen if ev.tunnel_id == spec.id]
    assert states == [TunnelState.STARTING, TunnelState.RUNNING, TunnelState.STOPPED]
    assert {name for _, name in seen} == {"i2ptunnel-engine"}
    unsubscribe()
    spec2, _ = start_forward(engine, echo_server.port)
    assert all(ev.tunnel_id != spec2.id for ev, _ in seen)


def test_snapshot_rows_and_close_connection(engine: Engine, echo_server: LoopbackServer) -> None:
    spec, port = start_forward(engine, echo_server.port)
    a, b = connect(port), connect(port)
    a.sendall(b"12345")
    assert recv_exactly(a, 5) == b"12345"
    b.sendall(b"1")
    assert recv_exactly(b, 1) == b"1"
    snap = engine.call(lambda: engine.snapshot(spec.id), IO_TIMEOUT)
    rows = {c.peer: c for c in snap.connections}
    row_a = rows[f"127.0.0.1:{a.getsockname()[1]}"]
    assert (row_a.bytes_in, row_a.bytes_out) == (5, 5)
    assert row_a.direction is Direction.OUTBOUND and row_a.state is ConnState.OPEN
    assert engine.call(lambda: engine.close_connection(spec.id, row_a.id), IO_TIMEOUT)
    assert closed_by_peer(a)
    b.sendall(b"2")
    assert recv_exactly(b, 1) == b"2"  # the other connection is untouched
    assert not engine.call(lambda: engine.close_connection(spec.id, row_a.id), IO_TIMEOUT)
    a.close()
    b.close()


def test_unknown_and_duplicate_tunnels(engine: Engine, echo_server: LoopbackServer) -> None:
    with pytest.raises(UnknownTunnel, match="no tunnel with id nope"):
        engine.call(lambda: engine.stop_tunnel("nope"), IO_TIMEOUT)
    spec, _ = start_forward(engine, echo_server.port)
    with pytest.raises(ConfigError, match="already running"):
        engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT)


@pytest.mark.usefixtures("relay_mode")
def test_stop_frees_every_fd(engine: Engine, echo_server: LoopbackServer) -> None:
    # warm up: the loop opens a few fds of its own on first use (uvloop: /dev/null)
    spec, port = start_forward(engine, echo_server.port)
    with connect(port) as s:
        s.sendall(b"w")
        recv_exactly(s, 1)
    engine.call(lambda: engine.stop_tunnel(spec.id), IO_TIMEOUT)
    before = fd_count()

    never = socket.socket()  # a target whose accept queue is full: connects hang
    never.bind(("127.0.0.1", 0))
    never.listen(0)
    filler = socket.create_connection(never.getsockname(), timeout=IO_TIMEOUT)
    open_spec, open_port = start_forward(engine, echo_server.port)
    stuck_spec, stuck_port = start_forward(engine, never.getsockname()[1], connect_timeout=30)
    clients = [connect(open_port) for _ in range(20)] + [connect(stuck_port) for _ in range(5)]
    for c in clients[:20]:
        c.sendall(b"p")
        assert recv_exactly(c, 1) == b"p"
    assert wait_until(
        lambda: engine.call(lambda: engine.snapshot(stuck_spec.id), 5).tunnels[0]
        .active_connections == 5
    )
    engine.call(lambda: engine.stop_tunnel(open_spec.id), IO_TIMEOUT)
    engine.call(lambda: engine.stop_tunnel(stuck_spec.id), IO_TIMEOUT)
    for c in clients:
        assert closed_by_peer(c)
        c.close()
    filler.close()
    never.close()
    # the echo server's threads close their ends asynchronously
    assert wait_until(lambda: fd_count() <= before, timeout=3), (fd_count(), before)


def test_loop_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOOP_ENV, "asyncio")
    assert Engine().loop_name == "asyncio"
    monkeypatch.setenv(LOOP_ENV, "uvloop")
    assert Engine().loop_name == "uvloop"
    assert uvloop_wanted(False) is False
    monkeypatch.setenv(LOOP_ENV, "trio")
    with pytest.raises(ConfigError, match="I2PTUNNEL_LOOP must be 'asyncio' or 'uvloop'"):
        Engine()


def test_start_lifts_a_low_open_files_limit() -> None:
    """Desktops default to 1024 open files; 5 000 connections need ~10 000."""
    code = (
        "import resource\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)\n"
        "resource.setrlimit(resource.RLIMIT_NOFILE, (min(256, hard), hard))\n"
        "from i2ptunnel_gui.core.engine import Engine\n"
        "e = Engine(); e.start(); e.shutdown()\n"
        "print(resource.getrlimit(resource.RLIMIT_NOFILE)[0], min(hard, 65536))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    ).stdout.split()
    assert out[0] == out[1]


def test_shutdown_mid_transfer_is_clean(server_factory, caplog: pytest.LogCaptureFixture) -> None:
    """Stopping while bytes flow both ways closes everything and logs no errors."""

    def slow_echo(conn: socket.socket) -> None:
        while data := conn.recv(4096):
            conn.sendall(data)

    srv = server_factory(slow_echo)
    eng = Engine()
    eng.start()
    _, port = start_forward(eng, srv.port)
    clients = [connect(port) for _ in range(4)]
    for c in clients:
        c.setblocking(False)
        try:
            while True:
                c.send(b"z" * 65536)  # fill every buffer on the way
        except BlockingIOError:
            pass
    eng.shutdown(5)
    assert eng.thread is not None and not eng.thread.is_alive()
    for c in clients:  # echoed bytes may still arrive, then the end (no hang)
        c.setblocking(True)
        c.settimeout(3)
        try:
            while c.recv(1 << 20):
                pass
        except ConnectionResetError:
            pass
        c.close()
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]


def test_target_failure_emits_a_warning_event(engine: Engine) -> None:
    events: list[TunnelEvent] = []
    engine.subscribe(events.append)
    with socket.socket() as reserved:  # bound, not listening: connects are refused
        reserved.bind(("127.0.0.1", 0))
        spec, port = start_forward(engine, reserved.getsockname()[1])
        with connect(port) as c:
            assert closed_by_peer(c)

    def warnings() -> list[TunnelEvent]:
        return [e for e in events if e.tunnel_id == spec.id and e.level == "warning"]

    assert wait_until(lambda: len(warnings()) == 1)  # emitted on the engine thread
    expected = f"target 127.0.0.1:{spec.target_port}: Connection refused"
    assert warnings()[0].message.endswith(expected)
    assert warnings()[0].state is TunnelState.RUNNING
