"""Add found tunnels to the app: key files copied into the key store first, then the
settings saved, all or nothing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import KeyMode, TunnelSpec
from i2ptunnel_gui.interop.clashes import clashes_with, listen_address
from i2ptunnel_gui.interop.model import FoundTunnel, ImportResult, InteropError, Skipped

if TYPE_CHECKING:
    from i2ptunnel_gui.settings import Settings


def without_existing(result: ImportResult, existing: Iterable[str],
                     listening: Iterable[TunnelSpec] = ()) -> ImportResult:
    """Move tunnels whose name is already taken in the app to `skipped` (not an error),
    and those that would listen where an app tunnel (`listening`) does (an error)."""
    taken = set(existing)
    others = list(listening)
    out = ImportResult(result.format, [], list(result.skipped), list(result.errors),
                       list(result.warnings))
    for t in result.tunnels:
        clash = clashes_with(t.spec, others)
        if t.spec.name in taken:
            out.skipped.append(Skipped(t.spec.name, t.spec.kind.value, t.where,
                                       "a tunnel with this name already exists here"))
        elif clash is not None:
            out.skipped.append(Skipped(t.spec.name, t.spec.kind.value, t.where, (
                f"listens on {listen_address(t.spec)}, where the tunnel {clash.name!r} "
                "already listens; only one can run"), error=True))
        else:
            out.tunnels.append(t)
    return out


def apply(result: ImportResult, settings: Settings, *, confirmed: bool = False,
          ) -> tuple[list[TunnelSpec], ImportResult]:
    """Add the found tunnels to `settings` (keys copied first); all or nothing.

    With errors in `result`, nothing is imported unless `confirmed`. Returns the
    added specs and the result after dropping names that already exist.
    """
    if result.has_errors and not confirmed:
        raise InteropError("the config has errors; nothing imported (confirm to import the "
                           "valid tunnels anyway)")
    existing, _problems = settings.load_tunnels()
    fresh = without_existing(result, [s.name for s in existing], existing)
    if fresh.has_errors and not confirmed:
        raise InteropError("some tunnels clash with the app's tunnels; nothing imported "
                           "(confirm to import the others anyway)")
    specs, written = copy_keys(fresh.tunnels, settings.ensure_keys_dir())
    try:
        settings.save_tunnels([*existing, *specs])
    except OSError:
        _remove(written)
        raise
    return specs, fresh


def _remove(paths: Iterable[Path]) -> None:
    for w in paths:
        with contextlib.suppress(OSError):
            w.unlink()


def copy_keys(tunnels: Sequence[FoundTunnel], keys_dir: Path,
              ) -> tuple[list[TunnelSpec], list[Path]]:
    """Copy each referenced key into the key store at `keys_dir` (0600), all or nothing."""
    store = KeyStore(keys_dir)
    written: list[Path] = []
    specs: list[TunnelSpec] = []
    try:
        store.ensure_root()
        for t in tunnels:
            if t.key_source is not None and t.spec.key_mode is KeyMode.PERSISTENT:
                dest = store.key_path(t.spec)
                store.save(dest, t.key_source.read_bytes())
                written.append(dest)
            specs.append(t.spec)
    except (OSError, TunnelError) as e:  # KeyStoreError is a TunnelError
        _remove(written)
        raise InteropError(f"cannot copy key file: {e}") from e
    return specs, written
