"""Half-close timeout (haproxy's client-fin / server-fin): once one side sent its FIN, a
connection idle for `half_close_timeout` closes, so rows and fds do not linger for the
whole idle timeout after a program has gone; a connection still moving bytes stays."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from nethelpers import (
    IO_TIMEOUT,
    closed_by_peer,
    connect,
    forward_spec,
    recv_exactly,
    start_forward,
    status,
    wait_until,
)

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.spec import DEFAULT_HALF_CLOSE_TIMEOUT
from i2ptunnel_gui.core.spec_checks import validate

HALF_CLOSE = 0.4


@pytest.fixture
def silent_target(server_factory):  # type: ignore[no-untyped-def]
    """A target that reads what comes and never answers nor closes (until the test ends)."""
    done = threading.Event()

    def hold(conn: socket.socket) -> None:
        conn.settimeout(IO_TIMEOUT)
        try:
            while conn.recv(4096):
                pass
        except OSError:
            pass
        done.wait(IO_TIMEOUT)

    srv = server_factory(hold)
    yield srv
    done.set()


@pytest.mark.usefixtures("relay_mode")
def test_half_closed_idle_connection_closes(engine: Engine, silent_target) -> None:  # type: ignore[no-untyped-def]
    spec, port = start_forward(engine, silent_target.port, idle_timeout=None,
                               half_close_timeout=HALF_CLOSE)
    with connect(port) as s:
        s.sendall(b"request")
        s.shutdown(socket.SHUT_WR)  # our FIN; the target never sends its own
        started = time.monotonic()
        assert closed_by_peer(s, timeout=HALF_CLOSE + 2.0)
        assert time.monotonic() - started >= HALF_CLOSE - 0.05
    assert wait_until(lambda: status(engine, spec.id).active_connections == 0)


@pytest.mark.usefixtures("relay_mode")
def test_open_idle_connection_is_not_half_closed(engine: Engine, silent_target) -> None:  # type: ignore[no-untyped-def]
    """Quiet but open both ways: only the (longer) idle timeout applies."""
    spec, port = start_forward(engine, silent_target.port, idle_timeout=None,
                               half_close_timeout=HALF_CLOSE)
    with connect(port) as s:
        s.sendall(b"hello")
        time.sleep(HALF_CLOSE * 3)
        s.settimeout(0.2)
        with pytest.raises(TimeoutError):  # still open: no EOF, no reset
            s.recv(1)
        assert status(engine, spec.id).active_connections == 1


@pytest.mark.usefixtures("relay_mode")
def test_half_closed_connection_moving_bytes_stays(engine: Engine, server_factory) -> None:  # type: ignore[no-untyped-def]
    """After the client's FIN the target keeps answering (slower than nothing, faster
    than the limit): the whole reply arrives, then the target's own close ends it."""
    chunks = 8

    def slow_reply(conn: socket.socket) -> None:
        conn.settimeout(IO_TIMEOUT)
        assert conn.recv(16) == b"go"
        assert conn.recv(1) == b""  # the client's FIN came through
        for _ in range(chunks):
            time.sleep(HALF_CLOSE / 2)
            conn.sendall(b"x")

    srv = server_factory(slow_reply)
    spec, port = start_forward(engine, srv.port, idle_timeout=None,
                               half_close_timeout=HALF_CLOSE)
    with connect(port) as s:
        s.sendall(b"go")
        s.shutdown(socket.SHUT_WR)
        assert recv_exactly(s, chunks) == b"x" * chunks  # 2 half-close limits long
    assert wait_until(lambda: status(engine, spec.id).active_connections == 0)


def test_half_close_timeout_default_and_validation() -> None:
    assert forward_spec(1).half_close_timeout == DEFAULT_HALF_CLOSE_TIMEOUT
    assert not validate(forward_spec(1, half_close_timeout=None))
    for bad in (0.0, -1.0):
        errors = validate(forward_spec(1, half_close_timeout=bad))
        assert [e.field for e in errors] == ["half_close_timeout"]
