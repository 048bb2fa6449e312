"""`i2ptunnel-gui router`: the app's managed i2pd in the foreground, no Qt.

Prints `READY <sam host:port>` once the router's SAM bridge answers, logs state
changes (a crash and the restart) to stderr, and on SIGINT/SIGTERM stops i2pd
(SIGTERM, SIGKILL after a bound) and exits 0 with no i2pd left. A bad
`--router-conf` exits 2 with one line; a router that cannot start (no i2pd, the
data dir in use by another instance) exits 1 with one line.

`hosted_router()` is the same for `server`/`client`/`--headless` with `--router managed`:
the managed router starts first and stops last (after the engine closed its SAM
sockets: i2pd 2.45.1 deadlocks on SIGTERM otherwise). The managed router's options
(i2pd path, ports, bandwidth, extra conf lines) come from the app's settings, the
command line's on top.
Its arguments are defined with the others in commands/cli.py.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from i2ptunnel_gui.commands.common import EXIT_BAD_INPUT, EXIT_CANNOT_START, fail
from i2ptunnel_gui.core.host import STOP_SIGNALS
from i2ptunnel_gui.core.router.config import ManagedOptions, parse_conf_lines
from i2ptunnel_gui.core.router.errors import RouterConfigError, RouterError
from i2ptunnel_gui.core.router.prefs import RouterMode
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus
from i2ptunnel_gui.core.router.supervisor import ManagedRouter

MAX_CONF_FILE = 1024 * 1024


def read_router_conf(path: str | None) -> str:
    """The file's text, checked line by line; RouterConfigError (one line) otherwise."""
    if not path:
        return ""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_CONF_FILE + 1)
    except OSError as e:
        raise RouterConfigError(f"--router-conf {path}: {e.strerror or e}") from None
    if len(data) > MAX_CONF_FILE:
        raise RouterConfigError(f"--router-conf {path}: larger than {MAX_CONF_FILE} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RouterConfigError(f"--router-conf {path}: not UTF-8 text") from None
    parse_conf_lines(text, source=f"--router-conf {path}")
    return text


def settings_router_mode(args: argparse.Namespace) -> RouterMode:
    """`--router` if given, else the mode saved in the app's settings."""
    if getattr(args, "router", None):
        return RouterMode(args.router)
    return _saved_prefs(args)[0]


def _saved_prefs(args: argparse.Namespace) -> tuple[RouterMode, ManagedOptions]:
    # QtCore's settings store, imported only when a command needs it
    from i2ptunnel_gui.router_settings import load_router_prefs
    from i2ptunnel_gui.settings import Settings, SettingsError

    try:
        prefs = load_router_prefs(Settings.open(getattr(args, "settings", None)))
    except SettingsError as e:
        raise RouterConfigError(f"--settings: {e}") from None
    return prefs.mode, prefs.managed


def managed_router(args: argparse.Namespace) -> ManagedRouter:
    """The app's managed router (its options from the settings) with the command line's
    changes; RouterConfigError for a bad --router-conf or settings file."""
    options = _saved_prefs(args)[1]
    if getattr(args, "i2pd", None):
        options = dataclasses.replace(options, binary=args.i2pd)
    return ManagedRouter(
        options,
        root=Path(args.router_dir).expanduser() if getattr(args, "router_dir", None) else None,
        conf_file_text=read_router_conf(getattr(args, "router_conf", None)),
    )


def report_status(prog: str, status: RouterStatus) -> None:
    """Router state changes after READY, one line each on stderr."""
    if status.state is RouterState.STARTING:
        return
    line = f"i2ptunnel-gui {prog}: router {status.state.value}"
    if status.state is RouterState.RUNNING and status.sam_address:
        line += f" (SAM {status.sam_address})"
    if status.message:
        line += f": {status.message}"
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


@contextlib.asynccontextmanager
async def running_router(router: ManagedRouter, prog: str) -> AsyncIterator[str]:
    """Start `router`, yield its SAM address, stop it on the way out (however left)."""
    try:
        status = await router.start()
        unsubscribe = router.subscribe(lambda s: report_status(prog, s))
        try:
            yield status.sam_address
        finally:
            unsubscribe()
    finally:
        await router.aclose()


@contextlib.asynccontextmanager
async def hosted_router(args: argparse.Namespace, prog: str) -> AsyncIterator[str | None]:
    """For a command that runs tunnels: the managed router's SAM address while it runs,
    or None (External: the command uses its --sam / the settings' address)."""
    if settings_router_mode(args) is not RouterMode.MANAGED:
        yield None
        return
    async with running_router(managed_router(args), prog) as sam_address:
        sys.stderr.write(f"i2ptunnel-gui {prog}: managed router ready (SAM {sam_address})\n")
        yield sam_address


@contextlib.contextmanager
def stop_signals(stop: asyncio.Event) -> Iterator[None]:
    """SIGINT/SIGTERM set `stop` while inside (the router may still be starting)."""
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop.set)
    try:
        yield
    finally:
        for sig in STOP_SIGNALS:
            loop.remove_signal_handler(sig)


async def _main(args: argparse.Namespace) -> int:
    stop = asyncio.Event()
    try:
        router = managed_router(args)
        with stop_signals(stop):  # a signal while starting: stopped once it is up
            return await _serve(router, stop)
    except RouterConfigError as e:
        return fail("router", str(e), EXIT_BAD_INPUT)
    except RouterError as e:
        return fail("router", str(e), EXIT_CANNOT_START)


async def _serve(router: ManagedRouter, stop: asyncio.Event) -> int:
    async with running_router(router, "router") as sam_address:
        print(f"READY {sam_address}", flush=True)
        await stop.wait()
    return 0


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_main(args))
