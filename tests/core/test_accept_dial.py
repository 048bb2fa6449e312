"""The connection fast path: batched accepts (listen.accept_forever) and the direct
non-blocking connect (dial.connect_tcp), on both loop implementations, real sockets."""

from __future__ import annotations

import asyncio
import errno
import fcntl
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
import uvloop
from nethelpers import closed_by_peer, fd_count, wait_until

from i2ptunnel_gui.core.dial import connect_tcp
from i2ptunnel_gui.core.listen import ACCEPT_BATCH, LISTEN_BACKLOG, accept_forever

LOOPS = {"asyncio": asyncio.new_event_loop, "uvloop": uvloop.new_event_loop}
STEP_TIMEOUT = 5.0


def listening() -> socket.socket:
    """A non-blocking loopback listener, as a listening tunnel holds one."""
    lsock = socket.create_server(("127.0.0.1", 0), backlog=LISTEN_BACKLOG)
    lsock.setblocking(False)
    return lsock


def run_on(loop_name: str, coro: Coroutine[Any, Any, Any]) -> Any:
    with asyncio.Runner(loop_factory=LOOPS[loop_name]) as runner:
        return runner.run(coro)


async def until(pred: Callable[[], bool], timeout: float = STEP_TIMEOUT) -> None:
    async with asyncio.timeout(timeout):
        while not pred():
            await asyncio.sleep(0.01)


@pytest.mark.parametrize("loop_name", LOOPS)
def test_accepts_a_backlog_larger_than_one_batch(loop_name: str) -> None:
    lsock = listening()
    port = lsock.getsockname()[1]
    count = ACCEPT_BATCH * 2 + 7  # queued before the loop runs: several wake-ups' worth
    clients = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(count)]
    accepted: list[socket.socket] = []
    addrs: list[Any] = []

    def handle(sock: socket.socket, addr: Any) -> None:
        accepted.append(sock)
        addrs.append(addr)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        task = loop.create_task(accept_forever(loop, lsock, handle, print))
        await until(lambda: len(accepted) == count)
        task.cancel()
        await asyncio.wait([task])

    try:
        run_on(loop_name, main())
        assert all(s.gettimeout() == 0.0 for s in accepted)  # handed over non-blocking
        # ...in the kernel too, and of the listener's kind (built from the bare fd)
        assert all(fcntl.fcntl(s.fileno(), fcntl.F_GETFL) & os.O_NONBLOCK for s in accepted)
        assert {(s.family, s.type) for s in accepted} == {(lsock.family, lsock.type)}
        for c, s, a in zip(clients, accepted, addrs, strict=True):  # in order, each connected
            assert s.getpeername() == c.getsockname() == a
    finally:
        for s in [*clients, *accepted, lsock]:
            s.close()


@pytest.mark.parametrize("loop_name", LOOPS)
def test_a_failing_handler_ends_the_loop_and_its_socket_is_closed(loop_name: str) -> None:
    lsock = listening()
    client = socket.create_connection(lsock.getsockname(), timeout=5)

    def handle(sock: socket.socket, addr: Any) -> None:
        raise ValueError("handler bug")

    async def main() -> None:
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(STEP_TIMEOUT):
            await accept_forever(loop, lsock, handle, print)

    try:
        with pytest.raises(ValueError, match="handler bug"):
            run_on(loop_name, main())
        assert closed_by_peer(client)
    finally:
        client.close()
        lsock.close()


# Runs in a child process: its open-files limit is lowered so accept() really fails
# with EMFILE; `warn` frees the held sockets, so accepting must resume by itself.
_EMFILE_CHILD = r"""
import asyncio, os, resource, socket, sys, uvloop
from i2ptunnel_gui.core.listen import accept_forever
loops = {"asyncio": asyncio.new_event_loop, "uvloop": uvloop.new_event_loop}

async def main():
    loop = asyncio.get_running_loop()
    lsock = socket.create_server(("127.0.0.1", 0))
    lsock.setblocking(False)
    held = []
    def handle(sock, addr):
        held.append(sock)
        print("accepted", flush=True)
    def warn(e):
        print("warn", e.errno, flush=True)
        for s in held:
            s.close()
        held.clear()
    free = len(os.listdir("/proc/self/fd")) + 1  # the listdir fd itself
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (free + 2, hard))  # room for 2 sockets
    print("port", lsock.getsockname()[1], flush=True)
    async with asyncio.timeout(20):
        await accept_forever(loop, lsock, handle, warn)

with asyncio.Runner(loop_factory=loops[sys.argv[1]]) as r:
    try:
        r.run(main())
    except TimeoutError:
        pass
"""


@pytest.mark.parametrize("loop_name", LOOPS)
def test_accept_error_is_reported_and_accepting_resumes(loop_name: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _EMFILE_CHILD, loop_name], stdout=subprocess.PIPE, text=True
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")))  # type: ignore[union-attr]
    reader.start()
    clients: list[socket.socket] = []
    try:
        assert wait_until(lambda: bool(lines), STEP_TIMEOUT), "child did not start"
        port = int(lines[0].split()[1])
        for _ in range(8):  # a few fit, then EMFILE, the rest wait in the backlog
            clients.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        assert wait_until(lambda: lines.count("accepted\n") == 8, STEP_TIMEOUT), lines
        warns = [x for x in lines if x.startswith("warn")]
        assert warns and all(x == f"warn {errno.EMFILE}\n" for x in warns), lines
        first_warn = lines.index(warns[0])
        assert first_warn < lines.index("accepted\n", first_warn), lines  # it resumed
    finally:
        for c in clients:
            c.close()
        proc.kill()
        proc.wait(5)
        reader.join(5)


@pytest.mark.parametrize("loop_name", LOOPS)
def test_connect_tcp_returns_a_connected_nonblocking_socket(loop_name: str) -> None:
    lsock = socket.create_server(("127.0.0.1", 0))
    try:
        sock = run_on(loop_name, connect_tcp_within(lsock.getsockname()))
        with sock:
            assert sock.gettimeout() == 0.0
            assert sock.getpeername() == lsock.getsockname()
    finally:
        lsock.close()


@pytest.mark.parametrize("loop_name", LOOPS)
def test_connect_tcp_refused_raises_with_its_errno_and_leaks_no_fd(loop_name: str) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        addr = probe.getsockname()
    before = fd_count()
    with pytest.raises(OSError) as info:
        run_on(loop_name, connect_tcp_within(addr))
    assert info.value.errno == errno.ECONNREFUSED
    assert "refused" in str(info.value).lower()
    assert fd_count() == before


@pytest.mark.parametrize("loop_name", LOOPS)
def test_connect_tcp_waits_for_a_handshake_that_is_not_done_at_once(loop_name: str) -> None:
    # a listener whose accept queue is full drops our SYN: the connect stays in
    # progress (EALREADY) until the queue has room and the SYN is retried (~1 s)
    lsock = socket.create_server(("127.0.0.1", 0), backlog=0)
    filler = [socket.create_connection(lsock.getsockname(), timeout=5)]  # fills backlog 0
    timer = threading.Timer(0.3, lambda: lsock.accept()[0].close())
    timer.start()
    try:
        t0 = time.monotonic()
        sock = run_on(loop_name, connect_tcp_within(lsock.getsockname()))
        with sock:
            assert sock.getpeername() == lsock.getsockname()
        assert time.monotonic() - t0 > 0.3  # it really had to wait
    finally:
        timer.join(5)
        for s in [*filler, lsock]:
            s.close()


async def connect_tcp_within(addr: tuple[str, int]) -> socket.socket:
    async with asyncio.timeout(STEP_TIMEOUT):
        return await connect_tcp(asyncio.get_running_loop(), socket.AF_INET, addr)
