"""`i2ptunnel-gui router`: the app's managed i2pd in the foreground, no Qt.

Prints `READY <sam host:port>` once the router's SAM bridge answers, logs state
changes (a crash and the restart) to stderr, and on SIGINT/SIGTERM stops i2pd
(SIGTERM, SIGKILL after a bound) and exits 0 with no i2pd left. A bad
`--router-conf` exits 2 with one line; a router that cannot start (no i2pd, the
data dir in use by another instance) exits 1 with one line.

`running_router()` is the same for `server`/`client`/`--headless --router managed`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import sys
from collections.abc import AsyncIterator
from pathlib import Path

from i2ptunnel_gui.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_CANNOT_START,
    fail,
    install_stop_signals,
    remove_stop_signals,
)
from i2ptunnel_gui.core.router.config import ManagedOptions, parse_conf_lines
from i2ptunnel_gui.core.router.errors import RouterConfigError, RouterError
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus
from i2ptunnel_gui.core.router.supervisor import ManagedRouter

MAX_CONF_FILE = 1024 * 1024


def add_router_arguments(p: argparse.ArgumentParser) -> None:
    """The managed router's options, shared by `router` and `--router managed`."""
    p.add_argument(
        "--router-conf",
        metavar="FILE",
        help="extra i2pd.conf lines for the managed router (they win over the app's)",
    )
    p.add_argument("--i2pd", metavar="PATH", help="the i2pd program (default: i2pd on PATH)")
    p.add_argument(
        "--router-dir",
        metavar="DIR",
        help="the managed router's data dir (default: the app's; holds its identity)",
    )


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


def managed_router(
    args: argparse.Namespace, options: ManagedOptions | None = None
) -> ManagedRouter:
    """A ManagedRouter from the command line (RouterConfigError for a bad --router-conf)."""
    options = options or ManagedOptions()
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


async def _main(args: argparse.Namespace) -> int:
    try:
        router = managed_router(args)
    except RouterConfigError as e:
        return fail("router", str(e), EXIT_BAD_INPUT)
    stop = install_stop_signals()
    try:
        async with running_router(router, "router") as sam_address:
            print(f"READY {sam_address}", flush=True)
            await stop.wait()
    except RouterConfigError as e:
        return fail("router", str(e), EXIT_BAD_INPUT)
    except RouterError as e:
        return fail("router", str(e), EXIT_CANNOT_START)
    finally:
        remove_stop_signals()
    return 0


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_main(args))
