"""Import and export Java I2P and i2pd tunnel configs.

`load(path)` reads a file or folder (format detected) and says what it found,
what it skips and why, and which lines are wrong; `apply()` copies key files into
the app key store and saves the tunnels, all or nothing; `export()` writes both
formats so that `load(export(x))` gives back `x` (apart from ids and key paths).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.keystore import MAX_KEY_FILE, KeyStore
from i2ptunnel_gui.core.sam.errors import KeyFormatError
from i2ptunnel_gui.core.sam.keys import parse_private_key
from i2ptunnel_gui.core.spec import KeyMode, TunnelSpec
from i2ptunnel_gui.interop import i2pd, java
from i2ptunnel_gui.interop.common import read_text
from i2ptunnel_gui.interop.model import (
    FoundTunnel,
    ImportResult,
    Problem,
    Skipped,
    same_definition,
)

if TYPE_CHECKING:
    from i2ptunnel_gui.settings import Settings

__all__ = ["ExportResult", "FoundTunnel", "ImportResult", "Problem", "Skipped", "apply",
           "export", "load", "same_definition"]



class InteropError(Exception):
    """The import or export as a whole cannot be done (nothing was changed)."""


# -- import ---------------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> ImportResult:
    p = Path(path).expanduser()
    result = ImportResult()
    if p.is_dir():
        _load_dir(p, result)
    elif p.is_file():
        _load_file(p, result)
    else:
        result.errors.append(Problem(str(p), "no such file or folder"))
    _check_names(result)
    _check_keys(result)
    return result


def _load_dir(d: Path, result: ImportResult) -> None:
    if (d / "i2ptunnel.config.d").is_dir() or (d / "i2ptunnel.config").is_file():
        split = d / "i2ptunnel.config.d"
        if split.is_dir() and any(split.glob("*.config")):
            _load_java_split(split, result, d)
        else:
            _load_file(d / "i2ptunnel.config", result)
    elif (d / "tunnels.conf").is_file() or (d / "tunnels.d").is_dir():
        result.format = "i2pd"
        if (d / "tunnels.conf").is_file():
            i2pd.load_file(d / "tunnels.conf", result, d)
        for conf in sorted((d / "tunnels.d").glob("*.conf")):
            i2pd.load_file(conf, result, d)
    elif any(d.glob("*.config")):
        _load_java_split(d, result, d.parent)
    elif any(d.glob("*.conf")):
        result.format = "i2pd"
        for conf in sorted(d.glob("*.conf")):
            i2pd.load_file(conf, result, i2pd.datadir_for(conf))
    else:
        result.errors.append(Problem(str(d), (
            "no tunnel config here: expected i2ptunnel.config, i2ptunnel.config.d/, "
            "*.config, tunnels.conf, tunnels.d/ or *.conf")))


def _load_java_split(d: Path, result: ImportResult, config_dir: Path) -> None:
    result.format = "java"
    for f in sorted(d.glob("*.config")):
        props = java.parse_properties(f, result)
        if props is None:
            continue
        if any(k.startswith("tunnel.") for k in props):
            java.load_monolithic(f, props, result)
        elif props:
            java.load_split_file(f, props, result, config_dir)


def _load_file(f: Path, result: ImportResult) -> None:
    lines, problem = read_text(f)
    if lines is None:
        assert problem is not None
        result.errors.append(problem)
        return
    first = next((s.strip() for s in lines if s.strip() and s.strip()[0] not in ";#"), "")
    if first.startswith("["):
        result.format = "i2pd"
        i2pd.load_file(f, result, i2pd.datadir_for(f))
        return
    result.format = "java"
    props = java.parse_properties(f, result)
    if props is None:
        return
    if any(k.startswith("tunnel.") for k in props):
        java.load_monolithic(f, props, result)
    elif props:
        # a lone split file: keys are relative to the folder above i2ptunnel.config.d
        base = f.parent.parent if f.parent.name.endswith(".config.d") else f.parent
        java.load_split_file(f, props, result, base)
    else:
        result.errors.append(Problem(str(f), "no tunnel definitions in this file"))


def _check_names(result: ImportResult) -> None:
    first: dict[str, str] = {}
    kept: list[FoundTunnel] = []
    for t in result.tunnels:
        if t.spec.name in first:
            result.skipped.append(Skipped(t.spec.name, t.spec.kind.value, t.where, (
                f"duplicate tunnel name (first defined at {first[t.spec.name]})"), error=True))
            continue
        first[t.spec.name] = t.where
        kept.append(t)
    result.tunnels = kept


def _check_keys(result: ImportResult) -> None:
    """Refuse now (dry run included) a key file the key store would refuse at import."""
    kept: list[FoundTunnel] = []
    for t in result.tunnels:
        if t.key_source is not None:
            why = ""
            try:
                if t.key_source.stat().st_size > MAX_KEY_FILE:
                    why = "too big to be a private key"
                else:
                    parse_private_key(t.key_source.read_bytes())
            except OSError as e:
                why = f"cannot read: {e.strerror or e}"
            except KeyFormatError as e:
                why = f"not an I2P private key: {e}"
            if why:
                result.skipped.append(Skipped(t.spec.name, t.spec.kind.value, t.where,
                                              f"key file {t.key_source}: {why}", error=True))
                continue
        kept.append(t)
    result.tunnels = kept


def without_existing(result: ImportResult, existing: Iterable[str]) -> ImportResult:
    """Move tunnels whose name is already taken in the app to `skipped` (not an error)."""
    taken = set(existing)
    out = ImportResult(result.format, [], list(result.skipped), list(result.errors),
                       list(result.warnings))
    for t in result.tunnels:
        if t.spec.name in taken:
            out.skipped.append(Skipped(t.spec.name, t.spec.kind.value, t.where,
                                       "a tunnel with this name already exists here"))
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
    fresh = without_existing(result, [s.name for s in existing])
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
    """Copy each referenced key into `keys_dir` as <id>.dat (0600), all or nothing."""
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(keys_dir, 0o700)
    written: list[Path] = []
    specs: list[TunnelSpec] = []
    try:
        for t in tunnels:
            if t.key_source is not None and t.spec.key_mode is KeyMode.PERSISTENT:
                blob = t.key_source.read_bytes()
                dest = keys_dir / f"{t.spec.id}.dat"
                KeyStore(keys_dir).save(dest, blob)
                written.append(dest)
            specs.append(t.spec)
    except (OSError, TunnelError) as e:  # KeyStoreError is a TunnelError
        _remove(written)
        raise InteropError(f"cannot copy key file: {e}") from e
    return specs, written


def write_atomic(path: Path, data: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# -- export ---------------------------------------------------------------------


@dataclass(slots=True)
class ExportResult:
    text: str = ""  # the whole config (monolithic Java / i2pd), "" for a split folder
    files: list[Path] = field(default_factory=list)  # written files
    exported: list[str] = field(default_factory=list)  # tunnel names
    warnings: list[str] = field(default_factory=list)  # what the format could not hold


def key_path_for(spec: TunnelSpec, keys_dir: Path) -> Path | None:
    if spec.key_mode is not KeyMode.PERSISTENT:
        return None
    return Path(spec.key_file) if spec.key_file else keys_dir / f"{spec.id}.dat"


def export(specs: Iterable[TunnelSpec], fmt: str, keys_dir: Path,
           output: Path | None = None, *, split: bool = False) -> ExportResult:
    """Write `specs` as `fmt` ("java" | "i2pd") to `output` (a folder if `split`)."""
    res = ExportResult()
    if output is not None and not split and output.is_dir():
        raise InteropError(f"{output} is a folder; give a file name (a Java export into a "
                           "folder is written one file per tunnel: end the path with '/')")
    chunks: list[tuple[str, str, dict[str, str]]] = []  # (name, i2pd text, java props)
    for spec in specs:
        kp = key_path_for(spec, keys_dir)
        try:
            if fmt == "java":
                props, warns = java.tunnel_props(spec, kp)
                chunks.append((spec.name, "", props))
                res.warnings += warns
            elif fmt == "i2pd":
                chunks.append((spec.name, i2pd.format_section(spec, kp), {}))
            else:
                raise InteropError(f"unknown format {fmt!r}; expected java or i2pd")
        except ValueError as e:
            res.warnings.append(str(e))
            continue
        res.exported.append(spec.name)
    if fmt == "java" and split:
        if output is None:
            raise InteropError("a split Java export needs an output folder")
        output.mkdir(parents=True, exist_ok=True)
        for i, (name, _, props) in enumerate(chunks):
            f = output / java.split_file_name(i, name)
            props = dict(props, configFile=str(f.resolve()))
            write_atomic(f, java.format_props(props).encode(), 0o644)
            res.files.append(f)
        return res
    if fmt == "java":
        mono = {f"tunnel.{i}.{k}": v for i, (_, _, p) in enumerate(chunks) for k, v in p.items()}
        res.text = java.format_props(mono)
    else:
        res.text = "# i2pd tunnels, exported by i2ptunnel-gui (UTF-8)\n\n" + "\n".join(
            text for _, text, _ in chunks)
    if output is not None:
        write_atomic(output, res.text.encode(), 0o644)
        res.files.append(output)
    return res
