"""Screenshots of the router parts of the app under Xvfb, with the real managed i2pd.

    scripts/in-netns.sh .venv/bin/python scripts/screenshots_router.py [--out docs/screenshots]
                                                         [--lang en|de|ru] [--dark]

Must run inside a loopback-only network namespace (it refuses otherwise): the app's
private router is a real i2pd started with the offline conf lines of the tests. Starts
`Xvfb :N -nolisten tcp` (ended by PID), builds the window over the real engine with an
isolated settings file, and saves:
- first-run.png      no router answers: Start a private router / Use my router
- first-run-ready.png  the private router runs: how to make the first tunnel
- preferences.png    Preferences ▸ Router (Managed)
- router-panel.png   the Router tab: state, I2PControl figures, bandwidth graph, log
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "integration"))
sys.path.insert(0, str(ROOT / "scripts"))

from i2pd_router import check_isolated  # noqa: E402
from screenshots import (  # noqa: E402
    add_look_options,
    apply_look,
    free_port,
    set_language,
    shot_name,
    start_display,
)

OFFLINE_CONF = ROOT / "tests" / "data" / "i2pd-offline-router.conf"


async def shoot(out: Path, home: Path, lang: str = "en", dark: bool = False) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from i2ptunnel_gui.core.engine import Engine
    from i2ptunnel_gui.core.keystore import KeyStore
    from i2ptunnel_gui.core.router.prefs import RouterPrefs
    from i2ptunnel_gui.core.router.service import RouterService
    from i2ptunnel_gui.router_settings import load_router_prefs, save_router_prefs
    from i2ptunnel_gui.settings import Settings
    from i2ptunnel_gui.ui.app import build_shell
    from i2ptunnel_gui.ui.first_run import RouterSituation
    from i2ptunnel_gui.ui.router_bridge import RouterBridge
    from i2ptunnel_gui.ui.router_ui import RouterUi

    async def until(predicate: Callable[[], bool], limit: float = 60.0) -> None:
        # polls the widgets' state: Qt signals would need one waiter per kind of change
        async with asyncio.timeout(limit):
            while not predicate():  # noqa: ASYNC110
                await asyncio.sleep(0.1)

    def save(widget: QWidget, name: str) -> None:
        QApplication.processEvents()
        path = out / shot_name(name, lang, dark)
        widget.grab().save(str(path))
        print(path)

    settings = Settings.open(home / "settings.ini")
    settings.keys_dir = home / "keys"
    nowhere = f"127.0.0.1:{free_port()}"
    save_router_prefs(settings, RouterPrefs(sam_address=nowhere))
    engine = Engine(sam_address=nowhere, keystore=KeyStore(settings.ensure_keys_dir()))
    engine.start()
    service = RouterService(load_router_prefs(settings), root=home / "router",
                            conf_file_text=OFFLINE_CONF.read_text())
    service.start()
    shell = build_shell(settings, engine, tray_available=False)
    window = shell.window
    ui = RouterUi(window, shell.controller, engine, shell.bridge, RouterBridge(service), settings)
    try:
        shell.bridge.start()
        window.resize(1000, 640)
        window.show()
        await until(lambda: ui.sam is not None)
        await asyncio.sleep(0.5)
        save(window, "first-run.png")

        ui.first_run.private_button.click()
        await until(lambda: ui.first_run.situation is RouterSituation.READY)
        await asyncio.sleep(0.5)
        save(window, "first-run-ready.png")

        ui.open_preferences()
        dialog = ui.preferences
        assert dialog is not None
        await asyncio.sleep(0.5)
        save(dialog, "preferences.png")
        dialog.reject()

        window.tabs.setCurrentWidget(ui.panel)
        window.resize(1000, 760)
        window.splitter.setSizes([240, 520])
        await until(lambda: ui.panel.figures["version"].text() not in ("", "—"))
        await asyncio.sleep(12)  # a few samples for the graph
        save(window, "router-panel.png")
    finally:
        await shell.bridge.aclose()
        engine.shutdown(10)
        service.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--display", type=int, default=93)
    add_look_options(parser)
    args = parser.parse_args()
    set_language(args.lang)
    check_isolated()
    args.out.mkdir(parents=True, exist_ok=True)
    xvfb = start_display(args.display)
    try:
        with tempfile.TemporaryDirectory(prefix="router-shots-") as tmp:
            home = Path(tmp)
            os.environ.update(DISPLAY=f":{args.display}", QT_QPA_PLATFORM="xcb",
                              XDG_CONFIG_HOME=str(home / "config"),
                              XDG_DATA_HOME=str(home / "data"))
            import qasync
            from PySide6.QtWidgets import QApplication

            app = QApplication([sys.argv[0]])
            apply_look(app, args.dark)
            with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
                runner.run(shoot(args.out, home, args.lang, args.dark))
    finally:
        xvfb.terminate()
        xvfb.wait(10)


if __name__ == "__main__":
    main()
