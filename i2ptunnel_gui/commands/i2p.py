"""`i2ptunnel-gui server` and `i2ptunnel-gui client`: ad-hoc I2P tunnels, no Qt.

server: prints `READY <b32>.b32.i2p` once the SAM session exists (peers can connect);
its key is persistent: --keys FILE, else a key named after the target in the app's
key store, so the same command keeps the same address (--transient: new every run).
client: prints `READY <host:port>` (the bound address; --listen 127.0.0.1:0 works)
once its session exists; transient key unless --keys FILE.
Both exit non-zero with one line on stderr when they cannot start (router
unreachable or refusing, malformed destination, port taken), log state changes
(reconnecting...) to stderr, and stop cleanly on SIGINT/SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import re
import sys
from pathlib import Path
from typing import Any

from i2ptunnel_gui.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_CANNOT_START,
    check_public,
    fail,
    install_stop_signals,
    parse_listen,
    remove_stop_signals,
)
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.i2p import ClientTunnel, ServerTunnel
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.runtime import EngineContext, TunnelRuntime, open_listener
from i2ptunnel_gui.core.sam.errors import KeyFormatError
from i2ptunnel_gui.core.sam.keys import parse_destination
from i2ptunnel_gui.core.spec import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_I2P_CONNECT_TIMEOUT,
    KeyMode,
    SpecError,
    TunnelKind,
    TunnelSpec,
    check_destination,
    parse_hostport,
    validate,
)
from i2ptunnel_gui.core.status import TunnelEvent, TunnelStatus

STOP_TIMEOUT = 10.0


def _spec(args: argparse.Namespace) -> tuple[TunnelSpec, int]:
    """The tunnel definition and the port to bind (0 = any) from the arguments."""
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
    )
    if args.keys:
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
            common["key_file"] = str(KeyStore().root / f"cli-server-{safe}.dat")
        spec = TunnelSpec(
            name=f"server -> {args.target}",
            kind=TunnelKind.SERVER,
            target_host=host,
            target_port=port,
            connect_timeout=args.connect_timeout or DEFAULT_CONNECT_TIMEOUT,
            **common,
        )
        return spec, 0
    host, port = parse_listen(args.listen)
    check_public(host, args.public)
    dest = args.dest.strip()
    if dest and not dest.lower().endswith(".i2p") and check_destination(dest) is None:
        try:  # right alphabet and length: is it really a destination?
            parse_destination(dest)
        except KeyFormatError as e:
            raise SpecError("dest", f"--dest is not a valid base64 destination: {e}") from None
    common.setdefault("key_mode", KeyMode.TRANSIENT)
    spec = TunnelSpec(
        name=f"client {args.listen} -> I2P",
        kind=TunnelKind.CLIENT,
        listen_host=host,
        listen_port=port or 1,  # the bound port replaces it
        allow_public_bind=bool(args.public),
        destination=args.dest,
        connect_timeout=args.connect_timeout or DEFAULT_I2P_CONNECT_TIMEOUT,
        **common,
    )
    return spec, port


def run(args: argparse.Namespace) -> int:
    prog = args.command
    try:
        spec, port = _spec(args)
    except SpecError as e:
        return fail(prog, e.message, EXIT_BAD_INPUT)
    errors = validate(spec)
    if errors:
        listing = "; ".join(f"{e.field}: {e.message}" for e in errors)
        return fail(prog, listing, EXIT_BAD_INPUT)
    try:
        return asyncio.run(_serve(prog, spec, port))
    except KeyboardInterrupt:  # before our handler was installed
        return 0


def _log_event(ev: TunnelEvent) -> None:
    # runs on the engine thread; one short line per state change
    sys.stderr.write(f"[{ev.state.value}] {ev.message}\n")
    sys.stderr.flush()


async def _serve(prog: str, spec: TunnelSpec, port: int) -> int:
    stop = install_stop_signals()
    listener = None
    starting: asyncio.Task[TunnelStatus] | None = None
    stopping = asyncio.create_task(stop.wait(), name="wait for SIGINT/SIGTERM")
    engine = Engine(sam_address=spec.sam_address, keystore=KeyStore())
    try:
        if spec.kind is TunnelKind.CLIENT:  # port taken: fail before waiting for a session
            listener = open_listener(spec.listen_host, port)
            spec = spec.replace(listen_port=listener.getsockname()[1])
        engine.start()
        lsock = listener

        def make(ctx: EngineContext) -> TunnelRuntime:
            if spec.kind is TunnelKind.SERVER:
                return ServerTunnel(spec, ctx, retry=False)
            return ClientTunnel(spec, ctx, retry=False, listener=lsock)

        starting = asyncio.create_task(engine.start_runtime(make), name="start tunnel")
        await asyncio.wait((starting, stopping), return_when=asyncio.FIRST_COMPLETED)
        if not starting.done():  # SIGINT/SIGTERM while waiting for the router
            starting.cancel()
            with contextlib.suppress(asyncio.CancelledError, TunnelError):
                await starting
            return 0
        status = starting.result()
        ready = status.i2p_address if spec.kind is TunnelKind.SERVER else status.local_address
        sys.stdout.write(f"READY {ready}\n")
        sys.stdout.flush()
        engine.subscribe(_log_event)  # from now on: reconnecting, errors ...
        if spec.kind is TunnelKind.SERVER and spec.key_file:
            sys.stderr.write(f"key file: {Path(spec.key_file)}\n")
        await stopping
        async with asyncio.timeout(STOP_TIMEOUT):
            await engine.aclose()
        return 0
    except TunnelError as e:
        return fail(prog, str(e), EXIT_CANNOT_START)
    except TimeoutError:
        return fail(prog, f"tunnel did not stop within {STOP_TIMEOUT:g} s", EXIT_CANNOT_START)
    finally:
        stopping.cancel()
        if starting is not None and not starting.done():
            starting.cancel()
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.close()
        engine.shutdown(STOP_TIMEOUT)
        remove_stop_signals()
