"""The fake router itself: closing it mid-stream leaves nothing for the GC to finalize.

Its client handlers used to outlive the loop; when a later test's gc.collect() found
them, their cleanup called into the closed loop and pytest failed that later test."""

from __future__ import annotations

import asyncio
import gc
import socket
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from functools import partial

import pytest
from fake_router import FakeRouter
from fake_sam import FakeSam


def _line(sock: socket.socket, text: str) -> str:
    sock.sendall(text.encode() + b"\n")
    reply = b""
    while not reply.endswith(b"\n"):
        chunk = sock.recv(4096)
        assert chunk, f"the fake closed the socket after {text!r}"
        reply += chunk
    return reply.decode()


async def _stop(sam: FakeSam) -> list[asyncio.Task[object]]:
    """Stop the fake; the tasks still unfinished on its loop right after."""
    await sam.stop()
    return [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]


@pytest.fixture
def unraisable() -> Iterator[list[object]]:
    seen: list[object] = []
    old, sys.unraisablehook = sys.unraisablehook, seen.append
    try:
        yield seen
    finally:
        sys.unraisablehook = old


def test_closing_the_router_mid_stream_leaves_no_task_behind(
    unraisable: list[object],
) -> None:
    router = FakeRouter()
    host, port = router.address.rsplit(":", 1)
    with ExitStack() as open_sockets:

        def sam(nick: str | None = None) -> socket.socket:
            s = open_sockets.enter_context(socket.create_connection((host, int(port)), 5))
            s.settimeout(5)
            assert "RESULT=OK" in _line(s, "HELLO VERSION MIN=3.0 MAX=3.1")
            if nick is not None:
                assert "RESULT=OK" in _line(
                    s, f"SESSION CREATE STYLE=STREAM ID={nick} DESTINATION=TRANSIENT"
                )
            return s

        server = sam("server")
        dest = _line(server, "NAMING LOOKUP NAME=ME").split("VALUE=")[1].strip()
        accept = sam()
        assert "RESULT=OK" in _line(accept, "STREAM ACCEPT ID=server")
        sam("client")
        connect = sam()
        assert "RESULT=OK" in _line(connect, f"STREAM CONNECT ID=client DESTINATION={dest}")
        peer_line = accept.recv(4096)
        assert peer_line.endswith(b"\n") and len(peer_line) > 500  # the client's destination
        connect.sendall(b"ping")
        assert accept.recv(4) == b"ping"  # piped both ways, handlers are mid-stream
        assert router.run(partial(_stop, router.sam)) == []  # nothing left once the loop stops
        router.close()
    del router  # as when the test that made it is over
    gc.collect()
    assert unraisable == []
