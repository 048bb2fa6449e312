"""`i2ptunnel-gui import PATH` and `i2ptunnel-gui export --format java|i2pd`.

Found tunnels and skipped entries go to stdout (one line each, for scripts);
errors and warnings go to stderr as `file:line: message`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from i2ptunnel_gui import interop
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings


def _addr(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def describe(spec: TunnelSpec) -> str:
    """`name kind listen target` (the name quoted when it has spaces)."""
    listen = _addr(spec.listen_host, spec.listen_port) if spec.listens else "-"
    if spec.kind in (TunnelKind.CLIENT, TunnelKind.IRC):
        target = spec.destination
    elif spec.kind in (TunnelKind.HTTP_PROXY, TunnelKind.SOCKS):
        target = spec.outproxy or "-"  # each request names its destination
    else:
        target = _addr(spec.target_host, spec.target_port)
    return f"{shlex.quote(spec.name)} {spec.kind.value} {listen} {target}"


def run(args: argparse.Namespace) -> int:
    try:
        settings = Settings.open(args.settings)
        if args.command == "import":
            return _import(args, settings)
        return _export(args, settings)
    except (OSError, interop.InteropError) as e:  # SettingsError is an OSError
        print(f"i2ptunnel-gui: error: {e}", file=sys.stderr)
        return 1


def _import(args: argparse.Namespace, settings: Settings) -> int:
    found = interop.load(args.path)
    existing, _ = settings.load_tunnels()
    result = interop.without_existing(found, [s.name for s in existing])
    for t in result.tunnels:
        print(describe(t.spec))
    for s in result.skipped:
        label = shlex.quote(s.name) if s.name else "(unnamed)"
        print(f"skipped {label} {s.kind or '-'}: {s.reason} ({s.where})")
    for w in result.warnings + [w for t in result.tunnels for w in t.warnings]:
        print(f"warning: {w}", file=sys.stderr)
    for e in result.errors:
        print(f"error: {e}", file=sys.stderr)
    n_err = len(result.errors) + sum(1 for s in result.skipped if s.error)
    n = len(result.tunnels)
    if args.dry_run:
        print(f"dry run: {n} tunnel(s) would be imported, {len(result.skipped)} skipped, "
              f"{n_err} error(s)", file=sys.stderr)
        return 1 if n_err else 0
    if n_err and not args.yes:
        print(f"nothing imported: {n_err} error(s) above; fix them, or pass --yes to import "
              f"the {n} valid tunnel(s) anyway", file=sys.stderr)
        return 1
    if n == 0:
        print("nothing to import", file=sys.stderr)
        return 1 if n_err else 0
    added, _ = interop.apply(result, settings, confirmed=args.yes)
    print(f"imported {len(added)} tunnel(s) into {settings.path}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    specs, problems = settings.load_tunnels()
    for p in problems:
        print(f"warning: settings: {p}", file=sys.stderr)
    output = Path(args.output).expanduser() if args.output else None
    split = args.format == "java" and output is not None and (
        output.is_dir() or args.output.endswith(("/", ".d")))
    res = interop.export(specs, args.format, settings.keys_dir, output, split=split)
    for w in res.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if output is None:
        sys.stdout.write(res.text)
        sys.stdout.flush()
    where = "stdout" if output is None else str(output)
    print(f"exported {len(res.exported)} tunnel(s) to {where}", file=sys.stderr)
    return 0
