"""`i2ptunnel-gui server` and `i2ptunnel-gui client`: ad-hoc I2P tunnels, no Qt.

server: prints `READY <b32>.b32.i2p` once the SAM session exists (peers can connect);
its key is persistent: --keys FILE, else a key named after the target in the keys
folder of the app's settings (`--settings FILE` picks the file), so the same command
keeps the same address (--transient: new every run).
client: prints `READY <host:port>` (the bound address; --listen 127.0.0.1:0 works)
once its session exists; transient key unless --keys FILE.
With `--router managed` the app's own i2pd is started first (core/router/) and the
tunnel uses its SAM bridge; it is stopped after the tunnel (commands/router.py).
Both exit non-zero with one line on stderr when they cannot start (router
unreachable or refusing, malformed destination, port taken), log state changes
(reconnecting...) to stderr, and stop cleanly on SIGINT/SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import re
import sys
from pathlib import Path
from typing import Any

from i2ptunnel_gui.commands.client_kinds import client_spec
from i2ptunnel_gui.commands.common import EXIT_BAD_INPUT, EXIT_CANNOT_START, fail
from i2ptunnel_gui.commands.policy_args import client_fields, server_fields, server_kind
from i2ptunnel_gui.commands.router import hosted_router
from i2ptunnel_gui.core.addresses import SpecError, parse_hostport
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.host import STOP_TIMEOUT, EngineHost
from i2ptunnel_gui.core.router.errors import RouterConfigError, RouterError
from i2ptunnel_gui.core.spec import (
    DEFAULT_CONNECT_TIMEOUT,
    KeyMode,
    TunnelKind,
    TunnelSpec,
)
from i2ptunnel_gui.core.spec_checks import validate
from i2ptunnel_gui.core.status import TunnelEvent, TunnelStatus


def _keys_dir(settings_file: str | None) -> Path:
    """The keys folder the user chose in the app's settings (Qt's settings store:
    imported only when a command needs it)."""
    from i2ptunnel_gui.settings import Settings, SettingsError

    try:
        return Settings.open(settings_file).keys_dir
    except SettingsError as e:
        raise SpecError("settings", f"--settings: {e}") from None


def _check_key_file(text: str) -> None:
    """--keys names a key file (created with its folder if missing), not a folder."""
    if Path(text).expanduser().is_dir():
        raise SpecError("keys", f"--keys {text} is a folder: give the path of a key file "
                                "(created 0600 if missing)")


def _spec(args: argparse.Namespace) -> TunnelSpec:
    """The tunnel definition from the arguments (listen port 0: any free port)."""
    server = args.command == "server"
    try:
        parse_hostport(args.sam)
    except SpecError as e:
        raise SpecError("sam", f"--sam {e.message}") from None
    common: dict[str, Any] = dict(
        sam_address=args.sam,
        options=tuple(args.option),
        nconnect=args.nconnect,
        lifetime=args.timeout,
        idle_timeout=args.idle_timeout,
        half_close_timeout=args.half_close_timeout,
    )
    if args.keys:
        _check_key_file(args.keys)
        common["key_mode"], common["key_file"] = KeyMode.PERSISTENT, args.keys
    if server:
        try:
            host, port = parse_hostport(args.target)
        except SpecError as e:
            raise SpecError("target", f"--target {e.message}") from None
        if args.transient:
            common["key_mode"], common["key_file"] = KeyMode.TRANSIENT, ""
        elif not args.keys:  # stable address for the same command line
            safe = re.sub(r"[^A-Za-z0-9.-]", "_", f"{host}-{port}")
            common["key_file"] = str(_keys_dir(args.settings) / f"cli-server-{safe}.dat")
        kind = server_kind(args)
        return TunnelSpec(
            name=f"{'http ' if kind is TunnelKind.HTTP_SERVER else ''}server -> {args.target}",
            kind=kind,
            target_host=host,
            target_port=port,
            connect_timeout=args.connect_timeout or DEFAULT_CONNECT_TIMEOUT,
            **common,
            **server_fields(args),
        )
    # every client kind (commands/client_kinds.py), --dest-port for --type client
    return client_spec(args, {**common, **client_fields(args)})


def run(args: argparse.Namespace) -> int:
    prog = args.command
    try:
        spec = _spec(args)
    except SpecError as e:
        return fail(prog, e.message, EXIT_BAD_INPUT)
    errors = validate(spec, any_listen_port=True)
    if errors:
        listing = "; ".join(f"{e.field}: {e.message}" for e in errors)
        return fail(prog, listing, EXIT_BAD_INPUT)
    try:
        return asyncio.run(_serve_on_router(args, prog, spec))
    except KeyboardInterrupt:  # before our handler was installed
        return 0


async def _serve_on_router(args: argparse.Namespace, prog: str, spec: TunnelSpec) -> int:
    """`--router managed`: the app's own i2pd first, the tunnel on its SAM bridge."""
    try:
        async with hosted_router(args, prog) as managed_sam:
            if managed_sam is not None:
                spec = dataclasses.replace(spec, sam_address=managed_sam)
            return await _serve(prog, spec)
    except RouterConfigError as e:
        return fail(prog, str(e), EXIT_BAD_INPUT)
    except RouterError as e:
        return fail(prog, str(e), EXIT_CANNOT_START)


def _log_event(ev: TunnelEvent) -> None:
    # runs on the engine thread; one short line per state change
    sys.stderr.write(f"[{ev.state.value}] {ev.message}".rstrip() + "\n")
    sys.stderr.flush()


async def _serve(prog: str, spec: TunnelSpec) -> int:
    try:
        async with EngineHost(Engine(sam_address=spec.sam_address)) as host:
            engine = host.engine
            # a taken port fails at once: the client binds before it waits for a session
            starting = asyncio.create_task(
                engine.start_tunnel(spec, retry=False), name="start tunnel"
            )
            stopping = asyncio.create_task(host.stop_requested.wait(), name="wait for a signal")
            try:
                await asyncio.wait((starting, stopping), return_when=asyncio.FIRST_COMPLETED)
                if not starting.done():  # SIGINT/SIGTERM while waiting for the router
                    starting.cancel()
                    with contextlib.suppress(asyncio.CancelledError, TunnelError):
                        await starting
                    return 0
                try:
                    status = starting.result()
                except TunnelError as e:
                    return fail(prog, str(e), EXIT_CANNOT_START)
                _ready(spec, status)
                engine.subscribe(_log_event)  # from now on: reconnecting, errors ...
                await stopping
            finally:
                stopping.cancel()
                starting.cancel()
        return 0
    except TunnelError as e:
        return fail(prog, str(e), EXIT_CANNOT_START)
    except TimeoutError:
        return fail(prog, f"tunnel did not stop within {STOP_TIMEOUT:g} s", EXIT_CANNOT_START)


def _ready(spec: TunnelSpec, status: TunnelStatus) -> None:
    ready = status.i2p_address if spec.serves else status.local_address
    sys.stdout.write(f"READY {ready}\n")
    sys.stdout.flush()
    if spec.serves and spec.key_file:
        sys.stderr.write(f"key file: {Path(spec.key_file)}\n")
