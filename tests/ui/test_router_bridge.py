"""RouterBridge: the router service's callbacks arrive as signals on the GUI thread."""

from __future__ import annotations

from pathlib import Path

from fake_i2pd import alive, free_options, install_fake_i2pd
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from qtasync import run_async

from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.service import RouterService
from i2ptunnel_gui.core.router.status import RouterState
from i2ptunnel_gui.ui.router_bridge import RouterBridge


def test_status_log_and_health_reach_the_gui_thread(qtbot, qloop, tmp_path: Path) -> None:
    service = RouterService(RouterPrefs(), root=tmp_path / "router")
    service.start()
    try:
        bridge = RouterBridge(service)
        gui = QApplication.instance().thread()
        got: dict[str, list] = {"status": [], "log": [], "health": []}

        def on(kind: str):
            def slot(*args) -> None:
                assert QThread.currentThread() is gui  # queued to the GUI thread
                got[kind].append(args)

            return slot

        bridge.status_changed.connect(on("status"))
        bridge.log_line.connect(on("log"))
        bridge.health_changed.connect(on("health"))
        prefs = RouterPrefs(
            mode=RouterMode.MANAGED, managed=free_options(install_fake_i2pd(tmp_path / "bin"))
        )
        status = run_async(qtbot, qloop, bridge.apply(prefs), timeout=20)
        assert status.running and bridge.sam_address == status.sam_address
        qtbot.waitUntil(lambda: bool(got["log"] and got["health"]), timeout=10_000)
        assert RouterState.RUNNING in [args[0].state for args in got["status"]]
        sample, history = got["health"][0]
        assert sample.health is None and "I2PControl" in sample.error and history == ()
        pid = status.pid
    finally:
        service.shutdown()
    assert not alive(pid)
