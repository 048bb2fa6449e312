"""Fixtures for core tests: real loopback servers and engines, torn down per test.

Helpers (servers, fd counting, connect/recv) live in nethelpers.py.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest
from nethelpers import LoopbackServer, echo_handler

from i2ptunnel_gui.core.engine import Engine


@pytest.fixture
def echo_server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer(echo_handler)
    yield srv
    srv.close()


@pytest.fixture
def server_factory() -> Iterator[Callable[[Callable[[socket.socket], None]], LoopbackServer]]:
    made: list[LoopbackServer] = []

    def make(handler: Callable[[socket.socket], None]) -> LoopbackServer:
        srv = LoopbackServer(handler)
        made.append(srv)
        return srv

    yield make
    for srv in made:
        srv.close()


@pytest.fixture(params=["asyncio", "uvloop"])
def any_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine on each loop implementation (for the tests that matter most)."""
    eng = Engine(use_uvloop=request.param == "uvloop")
    eng.start()
    yield eng
    eng.shutdown(5)


@pytest.fixture
def engine() -> Iterator[Engine]:
    eng = Engine()
    eng.start()
    yield eng
    eng.shutdown(5)
