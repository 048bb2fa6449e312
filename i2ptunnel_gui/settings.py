"""Typed facade over QSettings: tunnel definitions, preferences, window state.

Tunnels live in one array group, one JSON-encoded `TunnelSpec.to_dict()` per
entry, so types survive the INI backend (which returns every scalar as a
string). An entry that cannot be read is reported and skipped, and its raw text
is written back on the next save: a newer version's entries, or a hand-edit
gone wrong, never take the other tunnels with them and are never lost.

Only QtCore is imported, so headless mode can use this without a display.
Private keys are never stored here (see core/keystore.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from i2ptunnel_gui import ORG_NAME, SETTINGS_NAME
from i2ptunnel_gui.core.addresses import SpecError, parse_hostport
from i2ptunnel_gui.core.spec import DEFAULT_SAM, SCHEMA_VERSION, TunnelSpec, validate

logger = logging.getLogger(__name__)

_TUNNELS = "tunnels"
_SPEC = "spec"
_VERSION_KEY = "schema_version"


class SettingsError(OSError):
    """The settings file could not be written (or read at all)."""


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """One stored tunnel entry that was skipped (or loaded with a caveat), and why."""

    index: int  # position in the stored list, 1-based as in the INI file
    name: str  # tunnel name if it could be read, else ""
    message: str

    def __str__(self) -> str:
        who = f"tunnel {self.index}" + (f" ({self.name!r})" if self.name else "")
        return f"{who}: {self.message}"


# Every preference once: key -> (type, default). Window state is kept apart (bytes).
_PREFS: dict[str, tuple[type, Any]] = {
    "sam_address": (str, DEFAULT_SAM),
    "start_minimized": (bool, False),
    "notifications": (bool, True),
    "close_to_tray_notice_shown": (bool, False),
    "keys_dir": (str, ""),  # "" = default_keys_dir()
}


def default_keys_dir() -> Path:
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "i2ptunnel-gui" / "keys"


def default_settings_path() -> Path:
    """Where QSettings keeps the user's INI file (~/.config/<org>/<app>.ini on Linux)."""
    q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, SETTINGS_NAME)
    return Path(q.fileName())


def _create_private_file(path: Path) -> None:
    """Create `path` 0600 if missing so QSettings (which keeps the mode) never makes it 0644.

    An existing private file is left alone: headless mode may run on a read-only home.
    """
    if path.exists():
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


class Settings:
    """Typed access to one QSettings store. Inject the QSettings (tests use a tmp INI)."""

    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings
        # raw text of entries that could not be read, re-written on save
        self._unreadable: list[str] = []
        self._loaded = False

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Settings:
        """The file given by `--settings FILE`, else the user's settings file; 0600."""
        p = Path(path) if path is not None else default_settings_path()
        if p.is_dir():
            raise SettingsError(f"{p}: is a directory, expected a settings file")
        try:
            _create_private_file(p)
        except OSError as e:
            raise SettingsError(f"{p}: cannot create settings file: {e.strerror or e}") from e
        q = QSettings(str(p), QSettings.Format.IniFormat)
        if q.status() != QSettings.Status.NoError:
            raise SettingsError(f"{p}: not a readable INI settings file")
        return cls(q)

    @property
    def path(self) -> Path:
        return Path(self._q.fileName())

    @property
    def qsettings(self) -> QSettings:
        return self._q

    # -- tunnels ------------------------------------------------------------
    def load_tunnels(self) -> tuple[list[TunnelSpec], list[LoadProblem]]:
        """Every readable tunnel; a problem per skipped entry (kept for the next save)."""
        specs: list[TunnelSpec] = []
        problems: list[LoadProblem] = []
        self._unreadable = []
        self._loaded = True
        version = self._q.value(_VERSION_KEY, SCHEMA_VERSION)
        try:
            version_n = int(str(version))
        except (TypeError, ValueError):
            version_n = -1
        if version_n > SCHEMA_VERSION:
            problems.append(LoadProblem(0, "", (
                f"settings were written by a newer version (schema {version_n}, this version "
                f"reads {SCHEMA_VERSION}); entries it cannot read are kept but not shown")))
        elif version_n < 1:
            problems.append(LoadProblem(0, "", f"unknown settings schema version {version!r}"))

        seen_ids: set[str] = set()
        seen_names: set[str] = set()
        size = self._q.beginReadArray(_TUNNELS)
        try:
            for i in range(size):
                self._q.setArrayIndex(i)
                raw = self._q.value(_SPEC, None)
                spec, why, name = _read_entry(raw)
                if spec is not None and spec.id in seen_ids:
                    why = f"duplicate tunnel id {spec.id}"
                elif spec is not None and spec.name in seen_names:
                    why = f"another tunnel is already named {spec.name!r}"
                if spec is None or why:
                    problems.append(LoadProblem(i + 1, name, why))
                    self._unreadable.append(raw if isinstance(raw, str) else json.dumps(
                        raw, default=str))
                    logger.warning("settings: skipped tunnel %d: %s", i + 1, why)
                    continue
                seen_ids.add(spec.id)
                seen_names.add(spec.name)
                specs.append(spec)
        finally:
            self._q.endArray()
        return specs, problems

    def save_tunnels(self, specs: Iterable[TunnelSpec]) -> None:
        """Replace the stored tunnels atomically (QSettings writes via QSaveFile + rename).

        Entries that were unreadable at the last load are appended unchanged.
        Raises SettingsError if the file could not be written; the old file stays.
        """
        if not self._loaded:  # learn which stored entries must survive this save
            self.load_tunnels()
        entries = [json.dumps(s.to_dict(), ensure_ascii=False, sort_keys=True) for s in specs]
        entries += self._unreadable
        self._q.remove(_TUNNELS)
        self._q.beginWriteArray(_TUNNELS, len(entries))
        for i, text in enumerate(entries):
            self._q.setArrayIndex(i)
            self._q.setValue(_SPEC, text)
        self._q.endArray()
        self._q.setValue(_VERSION_KEY, SCHEMA_VERSION)
        self.sync()

    def sync(self) -> None:
        self._q.sync()
        status = self._q.status()
        if status != QSettings.Status.NoError:
            why = "access denied" if status == QSettings.Status.AccessError else "format error"
            raise SettingsError(f"{self._q.fileName()}: settings not saved ({why})")
        with contextlib.suppress(OSError):  # a native store has no file to protect
            os.chmod(self._q.fileName(), 0o600)

    # -- preferences --------------------------------------------------------
    def _get(self, key: str) -> Any:
        typ, default = _PREFS[key]
        raw = self._q.value(f"preferences/{key}", default)
        if typ is bool:  # Qt would turn any unknown text into False; say so and use the default
            text = str(raw).strip().lower()
            if text in ("true", "1", "yes", "false", "0", "no"):
                return text in ("true", "1", "yes")
            logger.warning("settings: preference %s=%r is not true/false; using %s",
                           key, raw, default)
            return default
        return typ(raw)

    def _set(self, key: str, value: Any) -> None:
        self._q.setValue(f"preferences/{key}", value)

    @property
    def sam_address(self) -> str:
        value = str(self._get("sam_address"))
        try:
            parse_hostport(value)
        except SpecError:
            logger.warning("settings: bad SAM address %r; using %s", value, DEFAULT_SAM)
            return DEFAULT_SAM
        return value

    @sam_address.setter
    def sam_address(self, value: str) -> None:
        parse_hostport(value)  # raises SpecError with the reason
        self._set("sam_address", value)

    @property
    def start_minimized(self) -> bool:
        return bool(self._get("start_minimized"))

    @start_minimized.setter
    def start_minimized(self, value: bool) -> None:
        self._set("start_minimized", bool(value))

    @property
    def notifications(self) -> bool:
        return bool(self._get("notifications"))

    @notifications.setter
    def notifications(self, value: bool) -> None:
        self._set("notifications", bool(value))

    @property
    def close_to_tray_notice_shown(self) -> bool:
        return bool(self._get("close_to_tray_notice_shown"))

    @close_to_tray_notice_shown.setter
    def close_to_tray_notice_shown(self, value: bool) -> None:
        self._set("close_to_tray_notice_shown", bool(value))

    @property
    def keys_dir(self) -> Path:
        value = str(self._get("keys_dir"))
        return Path(value) if value else default_keys_dir()

    @keys_dir.setter
    def keys_dir(self, value: str | os.PathLike[str]) -> None:
        self._set("keys_dir", str(value))

    def ensure_keys_dir(self) -> Path:
        """The key directory, created 0700 (and tightened if it already exists)."""
        d = self.keys_dir
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(d, 0o700)
        return d

    # -- window -------------------------------------------------------------
    def _get_bytes(self, key: str) -> QByteArray:
        text = self._q.value(f"window/{key}", "", type=str)
        return QByteArray.fromBase64(str(text).encode("ascii", "replace"))

    @property
    def window_geometry(self) -> QByteArray:
        return self._get_bytes("geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray | bytes) -> None:
        self._q.setValue("window/geometry", bytes(QByteArray(value).toBase64().data()).decode())

    @property
    def window_state(self) -> QByteArray:
        return self._get_bytes("state")

    @window_state.setter
    def window_state(self, value: QByteArray | bytes) -> None:
        self._q.setValue("window/state", bytes(QByteArray(value).toBase64().data()).decode())


def _read_entry(raw: object) -> tuple[TunnelSpec | None, str, str]:
    """(spec, "", name) or (None, why, name-if-known)."""
    if not isinstance(raw, str) or not raw.strip():
        return None, "entry is empty or not text", ""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        return None, f"not valid JSON ({e.msg} at character {e.pos})", ""
    if not isinstance(data, dict):
        return None, "entry is not a tunnel definition (expected a JSON object)", ""
    name = data.get("name")
    name = name if isinstance(name, str) else ""
    try:
        spec = TunnelSpec.from_dict(data)
    except SpecError as e:
        return None, e.message, name
    except TypeError as e:
        return None, f"bad definition: {e}", name
    errors = validate(spec)
    if errors:
        return None, "invalid: " + "; ".join(e.message for e in errors), spec.name
    return spec, "", spec.name
