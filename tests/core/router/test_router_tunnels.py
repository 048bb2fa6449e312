"""Tunnels on the managed router: the stand-in i2pd serving the suite's fake SAM bridge.

The fast version of the real-router proof (tests/integration/test_managed_router.py):
a server tunnel on the router the app started, then kill -9 of that router → the
supervisor starts it again on the same SAM address and the tunnel comes back with
the same b32 by itself.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_i2pd import free_options, install_fake_i2pd

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.service import RouterService
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState, TunnelStatus


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RouterService]:
    monkeypatch.setenv("FAKE_I2PD_MODE", "fakesam")
    svc = RouterService(RouterPrefs(), root=tmp_path / "router")
    svc.start()
    yield svc
    svc.shutdown()


def wait_state(engine: Engine, tunnel_id: str, state: TunnelState, timeout: float) -> TunnelStatus:
    deadline = time.monotonic() + timeout
    while True:
        st = engine.call(lambda: engine.snapshot(tunnel_id), 10).tunnels[0]
        if st.state is state:
            return st
        assert time.monotonic() < deadline, f"never {state}: {st}"
        time.sleep(0.05)


def test_server_tunnel_survives_kill_9_of_the_managed_router(
    service: RouterService, tmp_path: Path
) -> None:
    prefs = RouterPrefs(
        mode=RouterMode.MANAGED, managed=free_options(install_fake_i2pd(tmp_path / "bin"))
    )
    first = asyncio.run(service.apply(prefs))
    assert first.running
    engine = Engine(sam_address=service.sam_address, keystore=KeyStore(tmp_path / "keys"))
    engine.start()
    try:
        spec = TunnelSpec(
            name="site", kind=TunnelKind.SERVER, target_port=9, key_mode=KeyMode.PERSISTENT
        )
        running = engine.call(lambda: engine.start_tunnel(spec, retry=True), 20)
        assert running.state is TunnelState.RUNNING and running.i2p_address.endswith(".b32.i2p")
        assert first.pid is not None
        os.kill(first.pid, signal.SIGKILL)
        wait_state(engine, spec.id, TunnelState.RECONNECTING, 10)
        back = wait_state(engine, spec.id, TunnelState.RUNNING, 30)
        assert back.i2p_address == running.i2p_address
        assert service.status.pid != first.pid and service.status.restarts == 1
        assert service.sam_address == first.sam_address
    finally:
        engine.shutdown(10)
