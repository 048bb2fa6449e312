"""`i2ptunnel-gui router` with the real i2pd (offline): a crashed app's i2pd is ended by
the next start, the identity is kept, SIGTERM leaves no i2pd."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from fake_i2pd import alive
from i2pd_helpers import cli, read_line
from managed_helpers import OFFLINE_CONF

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]


def test_app_killed_then_restarted_ends_its_stale_i2pd(tmp_path: Path) -> None:
    router_dir = tmp_path / "router"
    args = ["router", "--router-conf", str(OFFLINE_CONF), "--router-dir", str(router_dir)]
    first = cli(*args)
    try:
        began = time.monotonic()
        line = read_line(first, 30)
        assert line.startswith("READY 127.0.0.1:") and time.monotonic() - began < 15
        stale = int((router_dir / "i2pd.pid").read_text())
        keys = (router_dir / "router.keys").read_bytes()
        first.send_signal(signal.SIGKILL)  # the app crashes; its i2pd keeps running
        first.wait(10)
        time.sleep(0.5)
        assert alive(stale)
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate(timeout=10)

    second = cli(*args)
    try:
        line2 = read_line(second, 30)
        assert line2.startswith("READY 127.0.0.1:")
        assert not alive(stale)  # ended before the new one started
        now = int((router_dir / "i2pd.pid").read_text())
        assert now != stale and alive(now)
        assert (router_dir / "router.keys").read_bytes() == keys
        assert f"ending i2pd pid {stale} left by an earlier run" in (
            router_dir / "i2pd.log"
        ).read_text()
        second.send_signal(signal.SIGTERM)
        assert second.wait(15) == 0
        assert not alive(now)
    finally:
        if second.poll() is None:
            second.kill()
        second.communicate(timeout=10)
