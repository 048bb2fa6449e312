"""The desktop app: bootstrap, run until Quit, shut down within a bounded time.

One QApplication, one qasync loop (asyncio.Runner with loop_factory), one
engine thread. `amain()` awaits a quit event set by File ▸ Quit, the tray's
Quit, closing the window when there is no tray, or aboutToQuit (session end) —
never QApplication.quit() from a handler. Then it stops every tunnel, closes
the bridge and returns; `run()` joins the engine thread and returns 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from i2ptunnel_gui import APP_ID, APP_NAME, ORG_NAME, __version__
from i2ptunnel_gui.core.engine_api import EngineAPI
from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.router.service import RouterService
from i2ptunnel_gui.core.share_card import ShareCard
from i2ptunnel_gui.router_settings import load_router_prefs
from i2ptunnel_gui.settings import Settings, SettingsError
from i2ptunnel_gui.ui import icons, translations
from i2ptunnel_gui.ui.async_slot import end_slot_tasks
from i2ptunnel_gui.ui.bridge import EngineBridge
from i2ptunnel_gui.ui.connection_model import GREY_SECONDS
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.main_window import MainWindow
from i2ptunnel_gui.ui.router_bridge import RouterBridge
from i2ptunnel_gui.ui.router_ui import RouterUi
from i2ptunnel_gui.ui.single_instance import SingleInstance, notify_running, server_name
from i2ptunnel_gui.ui.tray import Tray
from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel

logger = logging.getLogger(__name__)


STOP_TUNNELS_TIMEOUT = 10.0
SLOT_TASKS_TIMEOUT = 2.0
ENGINE_JOIN_TIMEOUT = 5.0


def make_engine(settings: Settings) -> EngineAPI:
    from i2ptunnel_gui.core.context import Health
    from i2ptunnel_gui.core.engine import Engine

    return Engine(sam_address=settings.sam_address,
                  keystore=KeyStore(settings.ensure_keys_dir()),
                  health=Health(reach_interval=settings.reach_interval))


def run(args: argparse.Namespace, *,
        engine_factory: Callable[[Settings], EngineAPI] = make_engine,
        card: ShareCard | None = None) -> int:
    """`card` (from `open CARD`): the window shows its confirmation once it is up, or the
    running instance does."""
    logging.basicConfig(level=logging.DEBUG if args.verbose > 1 else
                        logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(icons.app_icon())
    app.setQuitOnLastWindowClosed(False)  # the tray keeps us alive; amain decides the end
    previous_hook = sys.excepthook
    sys.excepthook = _excepthook

    try:
        settings = Settings.open(args.settings)
    except SettingsError as e:
        sys.stderr.write(f"i2ptunnel-gui: {e}\n")
        return 1
    translations.install(app, settings.language)  # before the first widget is built
    name = server_name(str(settings.path))
    if notify_running(name, card.link() if card is not None else ""):
        sys.stderr.write("i2ptunnel-gui is already running; "
                         + ("handed it the card\n" if card is not None else "raised its window\n"))
        return 0
    instance = SingleInstance(name)
    try:
        instance.listen()
    except OSError as e:
        logger.warning("%s; a second launch will start another instance", e)
    try:
        engine = engine_factory(settings)
        engine.start()
    except TunnelError as e:  # e.g. the worker thread could not start its loop
        sys.stderr.write(f"i2ptunnel-gui: the engine did not start: {e}\n")
        instance.close()
        sys.excepthook = previous_hook
        return 1
    router = RouterService(load_router_prefs(settings))  # its own thread, like the engine
    router.start()
    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(amain(app, args, settings, engine, instance, router=router,
                                    card=card))
    except RuntimeError as e:
        # something called QApplication.quit()/exit() (a session manager): Qt's loop has
        # ended under us; the engine is still stopped below, within its bounded time
        logger.warning("the event loop was ended from outside: %s", e)
        return 0
    finally:
        engine.shutdown(timeout=ENGINE_JOIN_TIMEOUT)  # joins the thread (idempotent)
        # after the engine: i2pd 2.45.1 hangs on SIGTERM while a SAM socket is open
        router.shutdown()
        instance.close()
        sys.excepthook = previous_hook


@dataclass
class Shell:
    """The app's objects, wired; app.amain and the UI tests build it the same way."""

    bridge: EngineBridge
    controller: TunnelController
    window: MainWindow
    tray: Tray | None
    problems: list[Any]


def build_shell(settings: Settings, engine: EngineAPI, *, tray_available: bool,
                grey_seconds: float = GREY_SECONDS) -> Shell:
    """`grey_seconds`: how long a closed connection's row stays, greyed; sampling goes on
    a second longer after the last tunnel stopped, so those rows can leave."""
    bridge = EngineBridge(engine, sam_address=settings.sam_address,
                          idle_linger=grey_seconds + 1.0)
    # the engine's key files are the settings' keys folder (make_engine): the same store
    controller = TunnelController(bridge, settings, TunnelTableModel(),
                                  KeyStore(settings.keys_dir))
    problems = controller.load()
    window = MainWindow(controller, tray_available=tray_available, grey_seconds=grey_seconds)
    if not settings.window_geometry.isEmpty():
        window.restoreGeometry(settings.window_geometry)
    if not settings.window_state.isEmpty():
        window.restoreState(settings.window_state)
    tray: Tray | None = None
    if tray_available:
        tray = Tray(controller, notifications=settings.notifications)
        tray.quit_requested.connect(window.quit_guard.request)  # asks while tunnels run
        tray.toggle_window.connect(
            lambda: window.hide() if window.isVisible() else window.raise_window())
        window.close_to_tray.connect(lambda: _close_to_tray_notice(settings, tray))
        tray.show()
    window.import_requested.connect(lambda: _open_import(window, controller, settings))
    window.export_requested.connect(lambda: _open_export(window, controller, settings))
    return Shell(bridge, controller, window, tray, problems)


async def amain(app: QApplication, args: argparse.Namespace, settings: Settings,
                engine: EngineAPI, instance: SingleInstance, *,
                router: RouterService | None = None, card: ShareCard | None = None) -> int:
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(_loop_exception)
    quit_event = asyncio.Event()
    app.aboutToQuit.connect(quit_event.set)
    for sig in (signal.SIGINT, signal.SIGTERM):  # Ctrl+C / session end: the same clean Quit
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, quit_event.set)

    shell = build_shell(settings, engine, tray_available=QSystemTrayIcon.isSystemTrayAvailable())
    bridge, controller, window, tray = shell.bridge, shell.controller, shell.window, shell.tray
    problems = shell.problems
    window.quit_requested.connect(quit_event.set)  # also the tray's Quit, once confirmed
    instance.raise_requested.connect(window.raise_window)
    instance.card_received.connect(window.cards.open_link)  # a later `open CARD` launch
    bridge.start()
    router_ui = None
    if router is not None:  # Preferences, Help, the Router tab, the first-run view
        router_ui = RouterUi(window, controller, engine, bridge, RouterBridge(router), settings,
                             tray=tray)
    # Startup objects live as long as the app: move them out of the collector's way.
    # Measured with 5 000 live connections: a full collection went from ~340 ms to ~4 ms.
    # No further GC tuning (periodic freeze, thresholds): with the connection table fed
    # plain rows (core/live_rows.py) the old generation grew by ~30 objects in 10 s of
    # live sampling and the full collections left are the ones after a burst of new
    # connections (bench/ui_frames.py); freezing live connections would also leak their
    # reference cycles once they close.
    gc.freeze()
    if card is not None or not ((args.minimized or settings.start_minimized)
                                and tray is not None):
        window.show()
    if card is not None:
        window.cards.open_card(card)
    if problems:
        listing = "\n".join(str(p) for p in problems)
        window.show_error(
            QCoreApplication.translate("App", "Some saved tunnels could not be loaded: {problems}")
            .format(problems=listing))
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("App", "Saved tunnels"),
                          QCoreApplication.translate(
                              "App", "Some saved tunnels could not be loaded and are not "
                                     "shown. They stay in the settings file."), parent=window)
        box.setObjectName("load_problems")
        box.setDetailedText(listing)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    try:
        async with asyncio.TaskGroup() as tg:
            auto = tg.create_task(_start(router_ui, controller), name="router, auto-start")
            await quit_event.wait()
            auto.cancel()
    finally:
        await _shutdown(window, tray, bridge, controller, settings)
    return 0


async def _start(router_ui: RouterUi | None, controller: TunnelController) -> None:
    """The saved router first (Managed: i2pd starts), then the auto-start tunnels."""
    if router_ui is not None:
        await router_ui.start()
    await controller.auto_start()


async def _shutdown(window: MainWindow, tray: Tray | None, bridge: EngineBridge,
                    controller: TunnelController, settings: Settings) -> None:
    """Save the window, stop every tunnel (bounded), release the bridge's tasks."""
    try:
        settings.window_geometry = window.saveGeometry()
        settings.window_state = window.saveState()
        settings.sync()
    except OSError as e:
        logger.warning("window layout not saved: %s", e)
    window.hide()
    if tray is not None:
        tray.hide()
    # a Start all or a reachability check still running would go on against a closing
    # bridge: ended first (each awaits the engine under its own timeout)
    await end_slot_tasks(SLOT_TASKS_TIMEOUT)
    try:
        async with asyncio.timeout(STOP_TUNNELS_TIMEOUT):
            await controller.stop_engine_tunnels()
    except TimeoutError:
        logger.warning("tunnels did not stop within %.0f s; the engine stops them",
                       STOP_TUNNELS_TIMEOUT)
    except Exception as e:  # the engine may already be gone; shutting down anyway
        logger.warning("stopping tunnels: %s", e)
    await bridge.aclose()
    window.deleteLater()
    if tray is not None:
        tray.deleteLater()
    # let deleteLater and queued signals run before the loop closes
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def release() -> None:
        if not done.done():
            done.set_result(None)

    QTimer.singleShot(0, release)
    with contextlib.suppress(asyncio.CancelledError):
        await done


def _close_to_tray_notice(settings: Settings, tray: Tray) -> None:
    if settings.close_to_tray_notice_shown:
        return
    tray.notify(APP_NAME, QCoreApplication.translate("App", "Still running in the tray. "
                                                     "Use Quit in the tray menu to exit."))
    settings.close_to_tray_notice_shown = True
    with contextlib.suppress(OSError):
        settings.sync()


def _open_import(window: MainWindow, controller: TunnelController, settings: Settings) -> None:
    try:
        from i2ptunnel_gui.ui import import_dialog
    except ImportError:
        window.show_error(QCoreApplication.translate(
            "App", "Import is not available in this build"))
        return
    import_dialog.open_import(window, controller, settings)


def _open_export(window: MainWindow, controller: TunnelController, settings: Settings) -> None:
    try:
        from i2ptunnel_gui.ui import export_dialog
    except ImportError:
        window.show_error(QCoreApplication.translate(
            "App", "Export is not available in this build"))
        return
    export_dialog.open_export(window, controller, settings)


_error_boxes: list[QMessageBox] = []


def _excepthook(etype: type[BaseException], value: BaseException,
                tb: TracebackType | None) -> None:
    """qasync routes exceptions of async slots here: log them, tell the user."""
    text = "".join(traceback.format_exception(etype, value, tb))
    logger.error("unhandled exception:\n%s", text)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QCoreApplication.translate("App", "Unexpected error"),
                          f"{etype.__name__}: {value}")
        box.setObjectName("unexpected_error")
        box.setDetailedText(text)
        _error_boxes.append(box)  # no parent: keep it alive until the user closes it
        box.finished.connect(lambda _code: _error_boxes.remove(box))
        box.open()


def _loop_exception(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    exc = context.get("exception")
    logger.error("event loop: %s", context.get("message"), exc_info=exc)
