"""`i2ptunnel-gui --headless`: run the saved auto-start tunnels with no window.

For servers without a display: no QApplication/QGuiApplication is created (only
QtCore's QSettings is used, which needs no platform plugin), so it runs with no
X server and QT_QPA_PLATFORM unset. State changes go to stderr; each tunnel that
serves prints `READY <name> <address>` on stdout. The engine reconnects exactly
as it does under the GUI. The router is the settings' choice (or `--router`): in
Managed mode the app's own i2pd starts first and stops last. SIGINT/SIGTERM stop
every tunnel and exit 0.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shlex
import sys
import time

from i2ptunnel_gui.commands.router import hosted_router
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.engine_api import EngineAPI
from i2ptunnel_gui.core.errors import EngineStopped, TunnelError
from i2ptunnel_gui.core.host import STOP_TIMEOUT, EngineHost
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.router.errors import RouterError
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.status import TunnelEvent, TunnelState
from i2ptunnel_gui.settings import Settings, SettingsError

logger = logging.getLogger("i2ptunnel_gui.headless")

START_TIMEOUT = 180.0  # a SAM session can take a minute or more on a fresh router


def _setup_logging(verbose: int) -> None:
    level = logging.DEBUG if verbose >= 2 else logging.INFO
    logging.basicConfig(stream=sys.stderr, level=level,
                        format="%(asctime)s %(levelname)s %(message)s")
    if verbose < 2:  # per-connection chatter of the core only with -vv
        logging.getLogger("i2ptunnel_gui.core").setLevel(logging.WARNING)


def run(args: argparse.Namespace) -> int:
    _setup_logging(args.verbose)
    try:
        settings = Settings.open(args.settings)
    except SettingsError as e:
        logger.error("%s", e)
        return 1
    specs, problems = settings.load_tunnels()
    for p in problems:
        logger.warning("settings %s: %s", settings.path, p)
    auto = [s for s in specs if s.auto_start]
    if not auto:
        logger.error("no auto-start tunnels in %s (%d tunnel(s) saved); enable auto-start on "
                     "the tunnels to run headless", settings.path, len(specs))
        return 1
    try:
        return asyncio.run(_serve_on_router(args, settings, auto))
    except TimeoutError:
        logger.error("tunnels did not stop within %.0f s", STOP_TIMEOUT)
        return 1


async def _serve_on_router(args: argparse.Namespace, settings: Settings,
                           specs: list[TunnelSpec]) -> int:
    """The settings' router (or `--router`): Managed starts the app's own i2pd first and
    stops it after the tunnels; External uses the settings' SAM address."""
    try:
        async with hosted_router(args, "--headless") as managed_sam:
            sam = managed_sam or settings.sam_address
            engine = Engine(sam_address=sam, keystore=KeyStore(settings.keys_dir))
            return await _serve(engine, specs)
    except RouterError as e:
        logger.error("managed router: %s", e)
        return 1


async def _serve(engine: EngineAPI, specs: list[TunnelSpec]) -> int:
    names = {s.id: s.name for s in specs}

    def on_event(ev: TunnelEvent) -> None:  # engine thread: logging is thread-safe
        level = {"error": logging.ERROR, "warning": logging.WARNING}.get(ev.level, logging.INFO)
        logger.log(level, "%s: %s%s", names.get(ev.tunnel_id, ev.tunnel_id), ev.state.value,
                   f" ({ev.message})" if ev.message and ev.message != ev.state.value else "")

    unsubscribe = engine.subscribe(on_event)  # until the engine is down: "stopped" too
    try:
        async with EngineHost(engine) as host:
            return await _run_tunnels(engine, host.stop_requested, specs)
    except EngineStopped as e:
        logger.error("cannot start the engine: %s", e)
        return 1
    finally:
        unsubscribe()


async def _run_tunnels(engine: EngineAPI, stop: asyncio.Event, specs: list[TunnelSpec]) -> int:
    """Start every tunnel, then serve until `stop`; 1 when none could start."""
    async with asyncio.TaskGroup() as tg:
        starts = [tg.create_task(_start(engine, s)) for s in specs]
        waiter = tg.create_task(stop.wait())
        all_started = tg.create_task(_all_done(starts))
        await asyncio.wait([waiter, all_started], return_when=asyncio.FIRST_COMPLETED)
        if stop.is_set():
            for t in starts:
                t.cancel()
        started = sum(1 for t in starts if not t.cancelled() and t.done() and t.result())
        if not stop.is_set() and started == 0:
            logger.error("no tunnel could be started; exiting")
            waiter.cancel()
            return 1
        logger.info("%d of %d tunnel(s) up; stop with SIGTERM or Ctrl+C", started, len(specs))
        await waiter
    logger.info("stopping")
    return 0


async def _all_done(tasks: list[asyncio.Task[bool]]) -> None:
    await asyncio.wait(tasks)


async def _start(engine: EngineAPI, spec: TunnelSpec) -> bool:
    t0 = time.monotonic()
    try:
        async with asyncio.timeout(START_TIMEOUT):
            status = await engine.start_tunnel(spec, retry=True)
    except TimeoutError:
        logger.error("%s: did not start within %.0f s", spec.name, START_TIMEOUT)
        return False
    except TunnelError as e:
        logger.error("%s: cannot start: %s", spec.name, e)
        return False
    if status.state in (TunnelState.RUNNING, TunnelState.STANDBY):  # both serve
        where = status.i2p_address or status.local_address
        if spec.listens and status.local_address:
            where = status.local_address + (f" {status.i2p_address}" if status.i2p_address
                                            else "")
        print(f"READY {shlex.quote(spec.name)} {where}", flush=True)
        logger.info("%s: %s after %.1f s", spec.name, status.state.value, time.monotonic() - t0)
    return True
