"""The GUI flow on the stand-in i2pd serving the fake SAM bridge (fast, no namespace);
tests/integration/test_managed_router_gui.py runs the same flow on the real i2pd."""

from __future__ import annotations

from pathlib import Path

from fake_i2pd import alive, free_options, install_fake_i2pd
from router_flow import first_run_to_running_server


def test_first_run_start_private_router_then_first_server(
    qtbot, qloop, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("FAKE_I2PD_MODE", "fakesam")
    managed = free_options(install_fake_i2pd(tmp_path / "bin"))
    b32 = first_run_to_running_server(qtbot, qloop, tmp_path, managed)
    assert len(b32) == 52 + len(".b32.i2p")
    pid = int((tmp_path / "router" / "i2pd.pid").read_text())
    assert not alive(pid)  # the service's shutdown ended the managed router
