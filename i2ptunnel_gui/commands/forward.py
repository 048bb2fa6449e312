"""`i2ptunnel-gui forward`: an ad-hoc TCP forward on the engine, no router, no Qt.

Prints exactly one line `READY <host:port>` (the address actually bound, so
`--listen 127.0.0.1:0` works for scripts) once serving; exits 0 on SIGINT or
SIGTERM after closing every connection; exits non-zero with one line on
stderr when it cannot start (bad address, port in use, unknown target host).
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from i2ptunnel_gui.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_CANNOT_START,
    check_public,
    fail,
    parse_listen,
)
from i2ptunnel_gui.core.addresses import SpecError, parse_hostport
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.host import STOP_TIMEOUT, EngineHost
from i2ptunnel_gui.core.spec import DEFAULT_CONNECT_TIMEOUT, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate

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
        listen_port=listen_port,  # 0: any free port, READY says which
        allow_public_bind=bool(args.public),
        target_host=target_host,
        target_port=target_port,
        nconnect=args.nconnect,
        lifetime=args.timeout,
        idle_timeout=args.idle_timeout,
        half_close_timeout=args.half_close_timeout,
        connect_timeout=args.connect_timeout or DEFAULT_CONNECT_TIMEOUT,
    )
    errors = validate(spec, any_listen_port=True)
    if errors:
        return fail(PROG, "; ".join(f"{e.field}: {e.message}" for e in errors), EXIT_BAD_INPUT)
    try:
        return asyncio.run(_serve(spec))
    except KeyboardInterrupt:  # SIGINT before our handler was installed
        return 0


async def _serve(spec: TunnelSpec) -> int:
    try:
        async with EngineHost(Engine()) as host:
            try:  # the target is resolved first: a typo fails before binding
                status = await host.engine.start_tunnel(spec)
            except TunnelError as e:
                return fail(PROG, str(e), EXIT_CANNOT_START)
            sys.stdout.write(f"READY {status.local_address}\n")
            sys.stdout.flush()
            await host.stop_requested.wait()
        return 0
    except TunnelError as e:
        return fail(PROG, str(e), EXIT_CANNOT_START)
    except TimeoutError:
        return fail(PROG, f"tunnels did not stop within {STOP_TIMEOUT:g} s", EXIT_CANNOT_START)
