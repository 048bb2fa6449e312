"""The seed's blocking `Tunnel(receive, make_send, nconnect, timeout)` with real sockets."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

import pytest
from nethelpers import (
    IO_TIMEOUT,
    LoopbackServer,
    closed_by_peer,
    connect,
    recv_exactly,
    wait_until,
)

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.seed.engine import shared_engine
from i2ptunnel_gui.tunnel import Tunnel


def listening() -> tuple[socket.socket, int]:
    s = socket.create_server(("127.0.0.1", 0))
    return s, s.getsockname()[1]


def roundtrip(port: int, payload: bytes = b"hello seed") -> bytes:
    with connect(port) as c:
        c.sendall(payload)
        return recv_exactly(c, len(payload))


def test_blocking_make_send_on_shared_engine(echo_server: LoopbackServer) -> None:
    receive, port = listening()
    t = Tunnel(receive, lambda: socket.create_connection(echo_server.address, timeout=5))
    try:
        assert roundtrip(port) == b"hello seed"
        assert wait_until(lambda: t.status().active_connections == 0)
        st = t.status()
        assert st.total_connections == 1 and st.bytes_in == 10 and st.bytes_out == 10
        assert shared_engine().running
    finally:
        t.close()
    t.close()  # idempotent
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)  # listener closed


def test_nonblocking_connecting_make_send(engine: Engine, echo_server: LoopbackServer) -> None:
    def make_send() -> socket.socket:
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex(echo_server.address)  # EINPROGRESS, as the seed recommends
        return s

    receive, port = listening()
    with Tunnel(receive, make_send, engine=engine):
        assert roundtrip(port, b"x" * 100_000) == b"x" * 100_000


def test_slow_make_send_does_not_stall_others(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    release = threading.Event()
    calls = 0

    def make_send() -> socket.socket:
        nonlocal calls
        calls += 1
        if calls == 1:
            release.wait(IO_TIMEOUT)  # the first target is slow to open
        return socket.create_connection(echo_server.address, timeout=5)

    receive, port = listening()
    with Tunnel(receive, make_send, engine=engine):
        slow = connect(port)
        slow.sendall(b"first")
        assert wait_until(lambda: calls == 1)
        start = time.monotonic()
        for _ in range(5):
            assert roundtrip(port) == b"hello seed"
        assert time.monotonic() - start < 1.0
        release.set()
        assert recv_exactly(slow, 5) == b"first"  # its early bytes were kept
        slow.close()


def test_make_send_errors_fail_only_that_connection(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    calls = 0

    def make_send() -> socket.socket:
        nonlocal calls
        calls += 1
        if calls % 2:
            raise OSError("no route today")
        return socket.create_connection(echo_server.address, timeout=5)

    receive, port = listening()
    with Tunnel(receive, make_send, engine=engine) as t:
        with connect(port) as bad:
            assert closed_by_peer(bad)
        assert roundtrip(port) == b"hello seed"
        assert t.status().failed_connections == 1


def test_nconnect_and_timeout(engine: Engine, echo_server: LoopbackServer) -> None:
    receive, port = listening()
    make = lambda: socket.create_connection(echo_server.address, timeout=5)  # noqa: E731
    with Tunnel(receive, make, nconnect=1, timeout=0.5, engine=engine) as t:
        first = connect(port)
        first.sendall(b"1")
        assert recv_exactly(first, 1) == b"1"
        with connect(port) as second:
            assert closed_by_peer(second)  # over nconnect: refused
        assert t.status().refused_connections == 1
        start = time.monotonic()
        assert closed_by_peer(first)  # lifetime of 0.5 s
        assert time.monotonic() - start < 1.5
        first.close()


def test_close_ends_live_connections(engine: Engine, echo_server: LoopbackServer) -> None:
    receive, port = listening()
    t = Tunnel(receive, lambda: socket.create_connection(echo_server.address), engine=engine)
    c = connect(port)
    c.sendall(b"1")
    assert recv_exactly(c, 1) == b"1"
    t.close()
    assert closed_by_peer(c)
    c.close()


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"nconnect": 0}, "nconnect must be -1"),
        ({"timeout": -1}, "timeout must be a number"),
        ({"idle_timeout": 0}, "idle_timeout must be"),
    ],
)
def test_bad_arguments(engine: Engine, kwargs: dict[str, float], words: str) -> None:
    receive, _ = listening()
    with receive, pytest.raises(ConfigError, match=words):
        Tunnel(receive, socket.socket, engine=engine, **kwargs)  # type: ignore[arg-type]


def test_receive_must_listen(engine: Engine) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        with pytest.raises(ConfigError, match="bound and listening"):
            Tunnel(s, socket.socket, engine=engine)


def test_stuck_make_send_does_not_block_exit() -> None:
    """The seed's tunnel thread is daemonic: a program may exit while a make_send hangs."""
    code = (
        "import socket, threading, time\n"
        "from i2ptunnel_gui.tunnel import Tunnel\n"
        "receive = socket.create_server(('127.0.0.1', 0))\n"
        "Tunnel(receive, lambda: threading.Event().wait() or socket.socket())\n"
        "c = socket.create_connection(receive.getsockname())\n"
        "time.sleep(0.2)\n"
        "print('exiting', flush=True)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=False
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == "exiting\n"
