"""`i2ptunnel-gui import PATH`, `export --format java|i2pd` and `convert IN --to FMT`.

Found tunnels and skipped entries go to stdout (one line each, for scripts);
errors and warnings go to stderr as `file:line: message`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.convert import convert
from i2ptunnel_gui.interop.exporting import app_keys, export, export_bundle
from i2ptunnel_gui.interop.importing import apply, without_existing
from i2ptunnel_gui.interop.model import ExportResult, ImportResult, InteropError
from i2ptunnel_gui.interop.reader import load
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
    if args.command == "convert":
        return _convert(args)
    try:
        settings = Settings.open(args.settings)
        if args.command == "import":
            return _import(args, settings)
        return _export(args, settings)
    except (OSError, InteropError) as e:  # SettingsError is an OSError
        print(f"i2ptunnel-gui: error: {e}", file=sys.stderr)
        return 1


def _is_folder(text: str) -> bool:
    return Path(text).expanduser().is_dir() or text.endswith("/")


def _report_found(result: ImportResult) -> None:
    for t in result.tunnels:
        print(describe(t.spec))
    for s in result.skipped:
        label = shlex.quote(s.name) if s.name else "(unnamed)"
        print(f"skipped {label} {s.kind or '-'}: {s.reason} ({s.where})")
    for w in result.warnings + [w for t in result.tunnels for w in t.warnings]:
        print(f"warning: {w}", file=sys.stderr)
    for e in result.errors:
        print(f"error: {e}", file=sys.stderr)


def _import(args: argparse.Namespace, settings: Settings) -> int:
    found = load(args.path)
    existing, problems = settings.load_tunnels()
    for p in problems:
        if p.index == 0:  # the settings file as a whole (damaged, newer schema)
            print(f"warning: settings: {p}", file=sys.stderr)
    result = without_existing(found, [s.name for s in existing], existing)
    _report_found(result)
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
    added, _ = apply(result, settings, confirmed=args.yes)
    print(f"imported {len(added)} tunnel(s) into {settings.path}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    specs, problems = settings.load_tunnels()
    for p in problems:
        print(f"warning: settings: {p}", file=sys.stderr)
    output = Path(args.output).expanduser() if args.output else None
    if output is not None and _is_folder(args.output):
        res = export_bundle(specs, args.format, app_keys(settings.keys_dir), output)
    else:
        res = export(specs, args.format, settings.keys_dir, output)
    _report_export(res, output)
    return 0


def _report_export(res: ExportResult, output: Path | None) -> None:
    for w in res.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if output is None:
        sys.stdout.write(res.text)
        sys.stdout.flush()
    where = "stdout" if output is None else str(output)
    print(f"exported {len(res.exported)} tunnel(s) to {where}", file=sys.stderr)
    for n, step in enumerate(res.steps, 1):
        print(f"next {n}: {step}", file=sys.stderr)


def _convert(args: argparse.Namespace) -> int:
    """Bad input (the source has errors, nothing to convert, unwritable output): one
    line, exit 2, nothing written."""
    output = Path(args.output).expanduser()
    try:
        found, res = convert(Path(args.source).expanduser(), args.to, output,
                             bundle=_is_folder(args.output))
    except (OSError, InteropError) as e:
        print(f"i2ptunnel-gui: error: {e}", file=sys.stderr)
        return 2
    for s in found.skipped:
        label = shlex.quote(s.name) if s.name else "(unnamed)"
        print(f"skipped {label} {s.kind or '-'}: {s.reason} ({s.where})", file=sys.stderr)
    for w in found.warnings + [w for t in found.tunnels for w in t.warnings]:
        print(f"warning: {w}", file=sys.stderr)
    _report_export(res, output)
    return 0
