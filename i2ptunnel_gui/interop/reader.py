"""Find the tunnels in a Java I2P or i2pd config (file or folder, format detected).

`load(path)` says what it found, what it skips and why, and which lines are wrong;
nothing is changed on disk. Adding the found tunnels to the app is `importing.apply`.
"""

from __future__ import annotations

import os
from pathlib import Path

from i2ptunnel_gui.core.keystore import MAX_KEY_FILE
from i2ptunnel_gui.core.sam.errors import KeyFormatError
from i2ptunnel_gui.core.sam.keys import parse_private_key
from i2ptunnel_gui.interop import i2pd, java
from i2ptunnel_gui.interop.clashes import listen_address, listen_clashes
from i2ptunnel_gui.interop.common import read_text
from i2ptunnel_gui.interop.model import FoundTunnel, ImportResult, Problem, Skipped


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
    _check_listeners(result)
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


def _check_listeners(result: ImportResult) -> None:
    """A tunnel that listens where an earlier one does is refused: the router would keep
    one listener (i2pd also swapped their keys)."""
    clashes = {c.spec.id: c for c in listen_clashes(t.spec for t in result.tunnels)}
    kept: list[FoundTunnel] = []
    where = {t.spec.id: t.where for t in result.tunnels}
    for t in result.tunnels:
        c = clashes.get(t.spec.id)
        if c is None:
            kept.append(t)
            continue
        result.skipped.append(Skipped(t.spec.name, t.spec.kind.value, t.where, (
            f"listens on {listen_address(t.spec)} like {c.other.name!r} "
            f"({where[c.other.id]}); only one can run"), error=True))
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
