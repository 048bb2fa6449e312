"""Router kill/restart cycles (the CI profile of bench/router_cycles.py, which runs 20):
after each SIGKILL and restart both tunnels are RUNNING again with the same b32, and a
stream carries data end to end."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from i2pd_router import I2pdRouter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import router_cycles

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]


@pytest.mark.timeout(400)
def test_two_kill_restart_cycles_bring_both_tunnels_back(i2pd: I2pdRouter, tmp_path: Path) -> None:
    cycles = router_cycles.run_cycles(i2pd, tmp_path / "keys", cycles=2, hold=11.0)
    for c in cycles:
        print(c)
        assert c.same_b32, c
        assert c.first_stream_s >= 0, c
        # SESSION CREATE is ~20 s on 2.45.1; the first retry after a kill is 1 s away
        assert max(c.server_running_s, c.client_running_s) < 60, c
    assert i2pd.running  # the module after this one finds its router up
