"""Java I2P config -> i2pd config (or back) in one step, keys included.

Nothing in the app changes: the key files are read where the source config names
them and copied into the output bundle.
"""

from __future__ import annotations

from pathlib import Path

from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.interop.exporting import export_bundle, export_with
from i2ptunnel_gui.interop.model import ExportResult, ImportResult, InteropError
from i2ptunnel_gui.interop.reader import load


def convert(source: Path, fmt: str, output: Path, *, bundle: bool) -> tuple[
        ImportResult, ExportResult]:
    """Read `source`, write it as `fmt` to `output` (a folder bundle if `bundle`).

    InteropError, and nothing written, if the source has errors (a line that makes no
    sense, a tunnel refused for a reason other than its kind) or holds no tunnel.
    """
    found = load(source)
    if found.errors:
        raise InteropError(f"{found.errors[0]} (and {len(found.errors) - 1} more)"
                           if len(found.errors) > 1 else str(found.errors[0]))
    refused = [s for s in found.skipped if s.error]
    if refused:
        raise InteropError(str(refused[0]))
    if not found.tunnels:
        raise InteropError(f"{source}: no tunnel this app can convert")
    keys: dict[str, Path] = {t.spec.id: t.key_source for t in found.tunnels
                             if t.key_source is not None}

    def key_of(spec: TunnelSpec) -> Path | None:
        return keys.get(spec.id)

    specs = [t.spec for t in found.tunnels]
    if bundle:
        return found, export_bundle(specs, fmt, key_of, output)
    return found, export_with(specs, fmt, key_of, output)
