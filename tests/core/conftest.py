"""Fixtures for core tests: real loopback servers and engines, torn down per test.

Helpers (servers, fd counting, connect/recv) live in nethelpers.py.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest
from nethelpers import LoopbackServer

from i2ptunnel_gui.core import splice
from i2ptunnel_gui.core.connection import RELAY_ENV
from i2ptunnel_gui.core.engine import Engine


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




@pytest.fixture(params=["protocol", "splice"])
def relay_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each relay (Protocol pair, Linux splice) in turn, chosen with $I2PTUNNEL_RELAY:
    a test using it must keep every relay promise on both."""
    if request.param == "splice" and not splice.available():
        pytest.skip("os.splice is Linux-only")
    monkeypatch.setenv(RELAY_ENV, request.param)
    return str(request.param)
