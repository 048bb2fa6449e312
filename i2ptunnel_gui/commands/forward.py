"""`i2ptunnel-gui forward`: an ad-hoc TCP forward on the engine, no router, no Qt.

Prints exactly one line `READY <host:port>` (the address actually bound, so
`--listen 127.0.0.1:0` works for scripts) once serving; exits 0 on SIGINT or
SIGTERM after closing every connection; exits non-zero with one line on
stderr when it cannot start (bad address, port in use, unknown target host).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

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
from i2ptunnel_gui.core.errors import ConfigError, TunnelError
from i2ptunnel_gui.core.forward import ForwardTunnel, resolve_target
from i2ptunnel_gui.core.runtime import open_listener
from i2ptunnel_gui.core.spec import (
    DEFAULT_CONNECT_TIMEOUT,
    SpecError,
    TunnelKind,
    TunnelSpec,
    parse_hostport,
    validate,
)

PROG = "forward"


def run(args: argparse.Namespace) -> int:
    try:
        listen_host, listen_port = parse_listen(args.listen)
        check_public(listen_host, args.public)
        try:
            target_host, target_port = parse_hostport(args.target)
        except SpecError as e:
            raise SpecError("target", f"--target {e.message}") from None
    except SpecError as e:
        return fail(PROG, e.message, EXIT_BAD_INPUT)
    spec = TunnelSpec(
        name=f"forward {args.listen} -> {args.target}",
        kind=TunnelKind.FORWARD,
        listen_host=listen_host,
        listen_port=listen_port or 1,  # replaced by the bound port below
        allow_public_bind=bool(args.public),
        target_host=target_host,
        target_port=target_port,
        nconnect=args.nconnect,
        lifetime=args.timeout,
        idle_timeout=args.idle_timeout,
        connect_timeout=args.connect_timeout or DEFAULT_CONNECT_TIMEOUT,
    )
    errors = validate(spec)
    if errors:
        return fail(PROG, "; ".join(f"{e.field}: {e.message}" for e in errors), EXIT_BAD_INPUT)
    try:
        return asyncio.run(_serve(spec, listen_port))
    except KeyboardInterrupt:  # SIGINT before our handler was installed
        return 0


async def _serve(spec: TunnelSpec, listen_port: int) -> int:
    stop = install_stop_signals()
    try:
        await resolve_target(spec.target_host, spec.target_port)  # a typo fails fast
        listener = open_listener(spec.listen_host, listen_port)
    except TunnelError as e:
        remove_stop_signals()
        return fail(PROG, str(e), EXIT_CANNOT_START)
    bound = listener.getsockname()
    spec = spec.replace(listen_port=bound[1])
    engine = Engine()
    try:
        engine.start()
        status = await engine.start_runtime(
            lambda ctx: ForwardTunnel(spec, ctx, listener=listener)
        )
        sys.stdout.write(f"READY {status.local_address}\n")
        sys.stdout.flush()
        await stop.wait()
        async with asyncio.timeout(10.0):
            await engine.aclose()
        return 0
    except (TunnelError, ConfigError) as e:
        return fail(PROG, str(e), EXIT_CANNOT_START)
    except TimeoutError:
        return fail(PROG, "tunnels did not stop within 10 s", EXIT_CANNOT_START)
    finally:
        with contextlib.suppress(OSError):
            listener.close()
        engine.shutdown(10.0)
        remove_stop_signals()

