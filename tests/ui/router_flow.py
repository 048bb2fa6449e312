"""The first-run flow driven like a user: no router → Start a private router → first
server tunnel → Running with its b32. Shared by the stand-in run (tests/ui) and the
real-i2pd run (tests/integration)."""

from __future__ import annotations

from pathlib import Path

from editor_driver import type_into
from nethelpers import free_port
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QTableView
from qtasync import run_async

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.service import RouterService
from i2ptunnel_gui.router_settings import load_router_prefs, save_router_prefs
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.app import build_shell
from i2ptunnel_gui.ui.editor import TunnelEditor
from i2ptunnel_gui.ui.editor_fields import TunnelShape
from i2ptunnel_gui.ui.first_run import RouterSituation
from i2ptunnel_gui.ui.router_bridge import RouterBridge
from i2ptunnel_gui.ui.router_ui import RouterUi


def first_run_to_running_server(
    qtbot,
    qloop,
    tmp_path: Path,
    managed: ManagedOptions,
    conf_file_text: str = "",
    session_options: dict[str, str] | None = None,
    timeout_ms: int = 20_000,
) -> str:
    """Returns the b32 the new server tunnel shows."""
    settings = Settings.open(tmp_path / "settings.ini")
    settings.keys_dir = tmp_path / "keys"
    nowhere = f"127.0.0.1:{free_port()}"  # no router answers here
    save_router_prefs(settings, RouterPrefs(sam_address=nowhere, managed=managed))
    engine = Engine(sam_address=nowhere, keystore=KeyStore(settings.ensure_keys_dir()))
    engine.start()
    service = RouterService(
        load_router_prefs(settings), root=tmp_path / "router", conf_file_text=conf_file_text
    )
    service.start()
    shell = None
    try:
        shell = build_shell(settings, engine, tray_available=False)
        window = shell.window
        qtbot.addWidget(window)
        ui = RouterUi(
            window, shell.controller, engine, shell.bridge, RouterBridge(service), settings
        )
        shell.bridge.start()
        window.show()
        qtbot.waitExposed(window)
        first = ui.first_run
        assert first.isVisible()  # no tunnels yet: the first-run view
        qtbot.waitUntil(lambda: ui.sam is not None, timeout=10_000)
        assert first.situation is RouterSituation.NO_ROUTER and first.private_button.isEnabled()

        first.private_button.click()  # "Start a private router"
        qtbot.waitUntil(lambda: first.situation is RouterSituation.READY, timeout=timeout_ms)
        assert service.status.running and engine.sam_address == service.sam_address
        qtbot.waitUntil(  # saved once it started: the next app start uses it again
            lambda: load_router_prefs(Settings.open(settings.path)).mode is RouterMode.MANAGED,
            timeout=5000,
        )

        first.server_button.click()  # "New I2P server…"
        qtbot.waitUntil(lambda: _editor() is not None, timeout=5000)
        editor = _editor()
        type_into(qtbot, editor, "name", "my site")
        type_into(qtbot, editor, "target_port", str(free_port()))
        shape = editor.findChild(TunnelShape)
        free = []
        for key, value in (session_options or {}).items():
            if key in shape.spins:  # tunnel length/quantity have their own fields
                shape.spins[key].setValue(int(value))
            else:
                free.append(f"{key}={value}")
        editor.findChild(QPlainTextEdit, "options").setPlainText("\n".join(free))
        editor.findChild(QPushButton, "save").click()
        qtbot.waitUntil(lambda: not first.isVisible(), timeout=5000)  # the table is back
        table = window.findChild(QTableView, "tunnel_table")
        table.selectRow(0)
        window.findChild(QAction, "start").trigger()
        qtbot.waitUntil(
            lambda: table.model().index(0, 2).data() == "Running", timeout=timeout_ms + 40_000
        )
        details = window.details.b32_address  # filled by the next sample
        qtbot.waitUntil(lambda: details.text().endswith(".b32.i2p"), timeout=5000)
        b32 = details.text()
        assert ui.router_label.text().startswith("Private router:")
        return b32
    finally:
        if shell is not None:
            run_async(qtbot, qloop, shell.bridge.aclose())
        engine.shutdown(10)  # SAM sockets closed before the router stops
        service.shutdown()


def _editor() -> TunnelEditor | None:
    found = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, TunnelEditor) and w.isVisible()
    ]
    return found[0] if found else None
