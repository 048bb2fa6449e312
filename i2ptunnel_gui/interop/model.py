"""What an import finds, shared by the Java and i2pd readers and writers.

Neither format can hold every TunnelSpec field (limits, timeouts, the public-bind
consent, a per-tunnel SAM address). Those travel as options under our own
`i2ptunnelgui.` prefix, which Java I2P and i2pd ignore, so an export imports back
to the same definitions; the readers turn them back into fields.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from i2ptunnel_gui.core.addresses import ascii_number, port_from_text
from i2ptunnel_gui.core.spec import (
    DEFAULT_HALF_CLOSE_TIMEOUT,
    DEFAULT_IDLE_TIMEOUT,
    SIGNATURE_TYPES,
    TunnelKind,
    TunnelSpec,
    kind_defaults,
)

EXT = "i2ptunnelgui."
MAX_CONFIG_BYTES = 4 * 1024 * 1024  # a tunnel config is a few KiB; refuse to slurp a disk image


@dataclass(frozen=True, slots=True)
class Problem:
    """A message tied to a place in a file: `file:line: message`."""

    where: str  # "path:line" or "path"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class FoundTunnel:
    spec: TunnelSpec
    where: str
    key_source: Path | None = None  # private key file to copy into the app's key store
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """A tunnel that will not be imported. `error` = the file is wrong (needs confirmation);
    otherwise the kind is simply one this app does not provide."""

    name: str
    kind: str
    where: str
    reason: str
    error: bool = False

    def __str__(self) -> str:
        label = self.name or "(unnamed)"
        return f"{self.where}: {label} ({self.kind or 'no type'}): {self.reason}"


@dataclass(slots=True)
class ImportResult:
    format: str = ""  # "java" | "i2pd"
    tunnels: list[FoundTunnel] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)  # lines/files that make no sense
    warnings: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(s.error for s in self.skipped)

    def extend(self, other: ImportResult) -> None:
        self.tunnels += other.tunnels
        self.skipped += other.skipped
        self.errors += other.errors
        self.warnings += other.warnings


@dataclass(slots=True)
class ExportResult:
    text: str = ""  # the whole config (monolithic Java / i2pd), "" for a folder
    files: list[Path] = field(default_factory=list)  # written files
    exported: list[str] = field(default_factory=list)  # tunnel names
    warnings: list[str] = field(default_factory=list)  # what the format could not hold
    steps: list[str] = field(default_factory=list)  # what the user copies where


class InteropError(Exception):
    """The import or export as a whole cannot be done (nothing was changed)."""


class TunnelProblem(Exception):  # noqa: N818 - a verdict on one tunnel, not a crash
    """Raised while mapping one tunnel: it is skipped with this reason at `where`."""

    def __init__(self, where: str, reason: str, *, error: bool = True) -> None:
        super().__init__(reason)
        self.where = where
        self.reason = reason
        self.error = error


# -- our extension keys -------------------------------------------------------


def _fmt_float(v: float | None) -> str:
    if v is None:
        return "none"
    return repr(float(v))


def _parse_float(text: str) -> float | None:
    if text.strip().lower() in ("none", "never", "unlimited"):
        return None
    v = float(text)
    if not math.isfinite(v):
        raise ValueError(text)
    return v


def _parse_bool(text: str) -> bool:
    t = text.strip().lower()
    if t in ("true", "yes", "1", "on"):
        return True
    if t in ("false", "no", "0", "off"):
        return False
    raise ValueError(text)


# field -> (key suffix, to text, from text, default for a kind)
_EXT_FIELDS: dict[str, tuple[str, Callable[[Any], str], Callable[[str], Any]]] = {
    "nconnect": ("nconnect", str, int),
    "lifetime": ("lifetime", _fmt_float, _parse_float),
    "idle_timeout": ("idleTimeout", _fmt_float, _parse_float),
    "half_close_timeout": ("halfCloseTimeout", _fmt_float, _parse_float),
    "connect_timeout": ("connectTimeout", _fmt_float, float),
    "allow_public_bind": ("allowPublicBind", lambda b: "true" if b else "false", _parse_bool),
    "sam_address": ("samAddress", str, str),
    "description": ("description", str, str),  # only i2pd lacks a description key
    "auto_start": ("autoStart", lambda b: "true" if b else "false", _parse_bool),
}
EXT_KEYS = {EXT + suffix: name for name, (suffix, _, _) in _EXT_FIELDS.items()}


def ext_defaults(kind: TunnelKind) -> dict[str, Any]:
    return {
        "nconnect": -1,
        "lifetime": None,
        "idle_timeout": DEFAULT_IDLE_TIMEOUT,
        "half_close_timeout": DEFAULT_HALF_CLOSE_TIMEOUT,
        "connect_timeout": kind_defaults(kind)["connect_timeout"],
        "allow_public_bind": False,
        "sam_address": "",
        "description": "",
        "auto_start": True,
    }


def ext_options(spec: TunnelSpec, fields: tuple[str, ...]) -> list[tuple[str, str]]:
    """Our extension options for `fields` whose value differs from the default."""
    defaults = ext_defaults(spec.kind)
    out = []
    for name in fields:
        suffix, to_text, _ = _EXT_FIELDS[name]
        value = getattr(spec, name)
        if value != defaults[name]:
            out.append((EXT + suffix, to_text(value)))
    return out


def parse_ext(key: str, text: str) -> tuple[str, Any]:
    """(field, value) for one of our extension options; ValueError with the reason."""
    name = EXT_KEYS.get(key)
    if name is None:
        raise ValueError(f"unknown {EXT}* option {key!r}")
    try:
        return name, _EXT_FIELDS[name][2](text)
    except ValueError:
        raise ValueError(f"{key}: bad value {text!r}") from None


# -- signature types ------------------------------------------------------------

_SIG_BY_NAME = {v.lower(): k for k, v in SIGNATURE_TYPES.items()}
_SIG_BY_NAME["eddsa_sha512_ed25519ph"] = -1  # known but unsupported by SAM destinations


def parse_sigtype(text: str) -> int:
    t = text.strip()
    number = ascii_number(t.removeprefix("-"))
    if number is not None:
        n = -number if t.startswith("-") else number
    else:
        n = _SIG_BY_NAME.get(t.lower(), -2)
    if n not in SIGNATURE_TYPES:
        known = ", ".join(f"{k} ({v})" for k, v in SIGNATURE_TYPES.items())
        raise ValueError(f"unsupported signature type {text!r}; supported: {known}")
    return n


def parse_port(text: str) -> int:
    if (port := port_from_text(text)) is None:
        raise ValueError(f"{text!r} is not a port number (1-65535)")
    return port


def same_definition(a: TunnelSpec, b: TunnelSpec) -> bool:
    """Equal apart from the id and key-file location, which an import always assigns anew."""
    return a.replace(id="", key_file="") == b.replace(id="", key_file="")
