"""Backoff that resets: recovery follows the router's SAM bridge, a flapping router
still backs off (fake router)."""

from __future__ import annotations

import time
from pathlib import Path

from fake_router import FakeRouter
from health_helpers import make_engine, server_spec, session_creates, start, wait_state
from nethelpers import LoopbackServer, status, wait_until

from i2ptunnel_gui.core.context import Backoff
from i2ptunnel_gui.core.status import TunnelState

CYCLES = 5
DOWN = 0.6  # seconds the router stays away each cycle


def test_a_router_that_dies_right_after_each_recovery_is_followed_at_once(
    fake: FakeRouter, tmp_path: Path, echo_server: LoopbackServer
) -> None:
    # a backoff that would reach seconds: without the reset, each cycle (the session
    # lives < stable) would wait longer, as the issue measured (22 -> 36 -> 52 ... s)
    backoff = Backoff(first=0.2, max=5.0, stable=10.0, probe=0.05)
    eng = make_engine(fake, tmp_path / "keys", backoff=backoff)
    try:
        srv = start(eng, server_spec(echo_server.port))
        recoveries = []
        for _ in range(CYCLES):
            fake.run(fake.sam.stop)
            wait_state(eng, srv.id, TunnelState.RECONNECTING)
            time.sleep(DOWN)
            fake.run(fake.sam.start)
            t0 = time.monotonic()
            wait_state(eng, srv.id, TunnelState.RUNNING)
            recoveries.append(time.monotonic() - t0)
        assert status(eng, srv.id).i2p_address == srv.i2p_address
        # SAM answers at once: each recovery within a probe interval, the floor
        # (backoff.first) and a session create, never the grown backoff
        assert max(recoveries) < 1.0, recoveries
    finally:
        eng.shutdown(5)


def test_a_router_that_drops_every_session_but_answers_still_backs_off(
    fake: FakeRouter, tmp_path: Path, echo_server: LoopbackServer
) -> None:
    backoff = Backoff(first=0.1, max=1.0, stable=10.0, probe=0.05)
    eng = make_engine(fake, tmp_path / "keys", backoff=backoff)
    try:
        srv = start(eng, server_spec(echo_server.port))
        before = session_creates(fake)
        end = time.monotonic() + 3.0
        while time.monotonic() < end:  # every session dies at once, SAM stays up
            fake.call(lambda: [fake.sam.kill_session(n) for n in list(fake.sam.sessions)])
            time.sleep(0.01)
        creates = session_creates(fake) - before
        # waits 0.1, 0.2, 0.4, 0.8, 1.0 ...: about 6 in 3 s; without backoff, hundreds
        assert 3 <= creates <= 8, creates
        assert wait_until(lambda: status(eng, srv.id).state is TunnelState.RUNNING, 3)
    finally:
        eng.shutdown(5)
