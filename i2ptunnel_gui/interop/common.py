"""Pieces both readers share: reading a text file safely, one tunnel's raw keys,
and turning mapped values into a validated TunnelSpec (errors point at lines)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from i2ptunnel_gui.core.addresses import SpecError
from i2ptunnel_gui.core.sam.options import option_problem
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate
from i2ptunnel_gui.interop.model import (
    EXT,
    MAX_CONFIG_BYTES,
    FoundTunnel,
    Problem,
    TunnelProblem,
    ext_defaults,
    parse_ext,
    parse_port,
    parse_sigtype,
)


def read_text(path: Path) -> tuple[list[str] | None, Problem | None]:
    """The file's lines, or why it cannot be a tunnel config (binary, too big, not UTF-8)."""
    try:
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:
            return None, Problem(str(path), f"{size} bytes is too big for a tunnel config")
        data = path.read_bytes()
    except OSError as e:
        return None, Problem(str(path), f"cannot read: {e.strerror or e}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM from a Windows editor
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return None, Problem(f"{path}:{line}", "binary data (NUL byte): not a tunnel config")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return None, Problem(f"{path}:{line}", "not UTF-8 text: not a tunnel config")
    return text.splitlines(), None


@dataclass(slots=True)
class RawTunnel:
    """One tunnel's keys as written, with the line of each (for file:line messages)."""

    path: Path
    line: int
    label: str  # how to name it before its name is known ("tunnel.3", "[ssh]")
    values: dict[str, tuple[str, int]] = field(default_factory=dict)

    def where(self, key: str | None = None) -> str:
        line = self.values[key][1] if key is not None and key in self.values else self.line
        return f"{self.path}:{line}"

    def get(self, key: str, default: str = "") -> str:
        return self.values[key][0] if key in self.values else default

    def has(self, key: str) -> bool:
        return key in self.values and self.values[key][0] != ""

    def require(self, key: str) -> str:
        if not self.has(key):
            raise TunnelProblem(self.where(), f"{key} is missing")
        return self.get(key)

    def port(self, key: str) -> int:
        try:
            return parse_port(self.require(key))
        except ValueError as e:
            raise TunnelProblem(self.where(key), f"{key}: {e}") from None

    def sigtype(self, key: str, text: str) -> int:
        try:
            return parse_sigtype(text)
        except ValueError as e:
            raise TunnelProblem(self.where(key), f"{key}: {e}") from None


def build_spec(
    raw: RawTunnel,
    kind: TunnelKind,
    fields: dict[str, Any],
    options: dict[str, tuple[str, str]],  # I2CP key -> (value, source key)
    field_keys: dict[str, str],  # spec field -> source key (to point errors at a line)
    warnings: list[Problem],
    key_source: Path | None,
) -> FoundTunnel:
    """Apply our extension options, validate, and build the found tunnel."""
    kw: dict[str, Any] = ext_defaults(kind)
    kw.update(fields)
    kept: dict[str, str] = {}
    for key, (value, src) in sorted(options.items()):
        if key.startswith(EXT):
            try:
                name, parsed = parse_ext(key, value)
            except ValueError as e:
                raise TunnelProblem(raw.where(src), str(e)) from None
            kw[name] = parsed
            field_keys[name] = src
            continue
        if value == "":
            warnings.append(Problem(raw.where(src), f"{key}: empty value; option left out"))
            continue
        why = option_problem(key, value)
        if why is not None:
            warnings.append(Problem(raw.where(src), f"{why}; option left out"))
            continue
        kept[key] = value
    kw["options"] = kept
    kw["kind"] = kind
    try:
        spec = TunnelSpec.from_dict(kw)
    except SpecError as e:
        raise TunnelProblem(raw.where(field_keys.get(e.field)), e.message) from None
    errors = validate(spec)
    if errors:
        first = errors[0]
        msg = "; ".join(e.message for e in errors)
        raise TunnelProblem(raw.where(field_keys.get(first.field)), msg)
    return FoundTunnel(spec, raw.where(), key_source, tuple(warnings))


def find_key(path_text: str, base: Path, where: str, warnings: list[Problem]) -> Path | None:
    """The existing key file `path_text` names (absolute, or relative to `base`); if there
    is none, a warning at `where` that the tunnel will get a new key and address."""
    p = Path(path_text).expanduser()
    candidate = p if p.is_absolute() else base / p
    if candidate.is_file():
        return candidate
    warnings.append(Problem(where, (
        f"key file {path_text} not found (relative to {base}): a new key and a new "
        ".b32 address will be generated on first start")))
    return None
