"""Typed facade over QSettings: tunnel definitions, preferences, window state.

Tunnels live in one array group (see settings_entries.py for the entry format, the
checksum and the damage checks). Nothing stored is ever dropped: an entry that
cannot be read is reported and skipped, and its raw text is written back on the
next save; a damaged file is reported, copied aside, and its intact entries load.
Saves are serialised across processes by a lock file, re-read the file under the
lock and merge (the GUI saving while `import` runs keeps what the import added).

Only QtCore is imported, so headless mode can use this without a display.
Private keys are never stored here (see core/keystore.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLockFile, QSettings

from i2ptunnel_gui.core.addresses import SpecError, parse_hostport
from i2ptunnel_gui.core.keystore import KeyStore, default_root
from i2ptunnel_gui.core.spec import DEFAULT_SAM, SCHEMA_VERSION, TunnelSpec
from i2ptunnel_gui.settings_entries import (
    TUNNELS_GROUP,
    VERSION_KEY,
    LoadProblem,
    backup,
    merge,
    read_entry,
    read_texts,
    stray_entry_keys,
    write_entries,
)
from i2ptunnel_gui.settings_file import create_private_file, default_settings_path

logger = logging.getLogger(__name__)


LOCK_TIMEOUT_MS = 10_000  # a save takes milliseconds; a holder this slow is stuck
STALE_LOCK_MS = 30_000  # a crashed writer's lock is taken over after this


class SettingsError(OSError):
    """The settings file could not be written (or read at all)."""


# a check costs the router a session (~20 s on i2pd 2.45.1): not more often than this
MIN_REACH_INTERVAL, MAX_REACH_INTERVAL = 60.0, 24 * 3600.0

# Every preference once: key -> (type, default). Window state is kept apart (bytes).
_PREFS: dict[str, tuple[type, Any]] = {
    "sam_address": (str, DEFAULT_SAM),
    "start_minimized": (bool, False),
    "notifications": (bool, True),
    "reach_interval": (float, 300.0),  # seconds between reachability checks; 0 = off
    "close_to_tray_notice_shown": (bool, False),
    "keys_dir": (str, ""),  # "" = core.keystore.default_root()
    "language": (str, ""),  # UI language code (ui/translations.py); "" = the system's
}


@dataclass(slots=True)
class _Stored:
    """The tunnel entries as they are in the file now."""

    specs: list[TunnelSpec] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # raw text, written back verbatim
    given_ids: list[str] = field(default_factory=list)  # names of entries that had no id


class Settings:
    """Typed access to one QSettings store. Inject the QSettings (tests use a tmp INI)."""

    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings
        self._baseline: dict[str, TunnelSpec] = {}  # tunnels as of our last load or save
        self._loaded = False
        self.damage: list[str] = []  # why the file looked damaged at the last read
        self.backup_path: Path | None = None  # where the damaged file was copied
        self._backup_error = ""

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Settings:
        """The file given by `--settings FILE`, else the user's settings file; 0600.

        A damaged file opens (load_tunnels reports it); an unreadable one does not.
        """
        p = Path(path) if path is not None else default_settings_path()
        if p.is_dir():
            raise SettingsError(f"{p}: is a directory, expected a settings file")
        try:
            create_private_file(p)
        except OSError as e:
            raise SettingsError(f"{p}: cannot create settings file: {e.strerror or e}") from e
        q = QSettings(str(p), QSettings.Format.IniFormat)
        if q.status() == QSettings.Status.AccessError:
            raise SettingsError(f"{p}: cannot read the settings file")
        return cls(q)

    @property
    def path(self) -> Path:
        return Path(self._q.fileName())

    @property
    def qsettings(self) -> QSettings:
        return self._q

    # -- tunnels ------------------------------------------------------------
    def load_tunnels(self) -> tuple[list[TunnelSpec], list[LoadProblem]]:
        """Every readable tunnel; a problem per skipped entry (kept for the next save),
        and one for a damaged file. An entry without an id gets one, saved at once."""
        stored = self._read()
        self._loaded = True
        self._baseline = {s.id: s for s in stored.specs}
        if stored.given_ids:
            try:
                self.save_tunnels(stored.specs)
            except OSError as e:
                logger.warning("settings: could not save the ids given to %s: %s",
                               ", ".join(stored.given_ids), e)
        return stored.specs, stored.problems

    def save_tunnels(self, specs: Iterable[TunnelSpec]) -> None:
        """Save `specs` as the tunnel list, merged with what other programs saved since
        our load (under the writer lock). Unreadable entries are kept verbatim.

        Raises SettingsError if the file could not be written (the old file stays), or
        if it is damaged and could not be copied aside first.
        """
        ours = list(specs)
        if not self._loaded:  # learn which stored entries must survive this save
            self.load_tunnels()
        with self._writer_lock():
            self._q.sync()  # picks up what another program saved meanwhile
            disk = self._read()
            if self._backup_error:
                raise SettingsError(f"{self.path}: settings not saved: the file is damaged "
                                    f"and could not be copied aside ({self._backup_error})")
            merged = merge(ours, self._baseline, disk.specs)
            entries = [json.dumps(s.to_dict(), ensure_ascii=False, sort_keys=True)
                       for s in merged]
            entries += disk.unreadable
            if self.damage:
                self._rebuild(entries)
            else:
                write_entries(self._q, entries)
                self.sync()
        self._baseline = {s.id: s for s in merged}

    def _rebuild(self, entries: list[str]) -> None:
        """Write the damaged file afresh, from what could be read (the file as it was is
        copied aside), instead of letting QSettings merge into it: stray keys and
        misplaced entries are damage, and an empty key cannot even be removed."""
        stray = set(stray_entry_keys(self._q))
        keep = {k: self._q.value(k) for k in self._q.allKeys()
                if len(parts := k.split("/")) > 1 and all(parts)  # in a [group], not junk
                and parts[0] != TUNNELS_GROUP and k not in stray}
        tmp = self.path.with_name(f".{self.path.name}.rebuild-{os.getpid()}")
        fresh = QSettings(str(tmp), QSettings.Format.IniFormat)
        for k, v in keep.items():
            fresh.setValue(k, v)
        write_entries(fresh, entries)
        fresh.sync()
        ok = fresh.status() == QSettings.Status.NoError
        del fresh
        try:
            if not ok:
                raise OSError(f"cannot write {tmp}")
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except OSError as e:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise SettingsError(f"{self.path}: settings not saved ({e})") from e
        # a new QSettings: the old one keeps reporting the format error it met
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    @contextlib.contextmanager
    def _writer_lock(self) -> Iterator[None]:
        """One writer at a time across processes (the GUI, `import`, headless).
        A lock file of our own: QSettings takes `<file>.lock` itself inside sync()."""
        name = f"{self.path}.save-lock"
        lock = QLockFile(name)
        lock.setStaleLockTime(STALE_LOCK_MS)
        if not lock.tryLock(LOCK_TIMEOUT_MS):
            if lock.error() == QLockFile.LockError.LockFailedError:
                raise SettingsError(f"{self.path}: settings are being saved by another "
                                    f"program (lock {name} is held); nothing saved, try again")
            raise SettingsError(f"{self.path}: settings not saved (cannot create the lock "
                                f"file {name})")
        try:
            yield
        finally:
            lock.unlock()

    def _read(self) -> _Stored:
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # nothing saved yet
            raw = b""
        except OSError as e:
            raise SettingsError(f"{self.path}: cannot read settings: {e.strerror or e}") from e
        texts, damage = read_texts(self._q, raw)
        self.damage = damage
        out = _Stored()
        if damage:
            self._backup(raw)
            out.problems.append(LoadProblem(0, "", self._report_damage(damage)))
        out.problems += self._version_problems()
        seen_ids: set[str] = set()
        seen_names: set[str] = set()
        for i, text in enumerate(texts, 1):
            spec, why, name, id_given = read_entry(text)
            if spec is not None and spec.id in seen_ids:
                why = f"duplicate tunnel id {spec.id}"
            elif spec is not None and spec.name in seen_names:
                why = f"another tunnel is already named {spec.name!r}"
            if spec is None or why:
                out.problems.append(LoadProblem(i, name, why))
                out.unreadable.append(text)
                logger.warning("settings: skipped tunnel %d: %s", i, why)
                continue
            if id_given:
                out.given_ids.append(spec.name)
                out.problems.append(LoadProblem(i, spec.name, (
                    f"had no id; given the id {spec.id}, saved so its key file and "
                    "address stay the same")))
            seen_ids.add(spec.id)
            seen_names.add(spec.name)
            out.specs.append(spec)
        return out

    def _backup(self, raw: bytes) -> None:
        if not raw:
            return
        try:
            self.backup_path = backup(self.path, raw)
            self._backup_error = ""
        except OSError as e:
            self._backup_error = e.strerror or str(e)

    def _report_damage(self, damage: list[str]) -> str:
        what = f"the settings file is damaged: {'; '.join(damage)}. The tunnels that could "
        what += "be read are loaded and the others kept"
        if self._backup_error:
            return (f"{what}; it could not be copied aside ({self._backup_error}), so it "
                    "will not be saved over")
        return f"{what}; the file as it was is copied to {self.backup_path}"

    def _version_problems(self) -> list[LoadProblem]:
        version = self._q.value(VERSION_KEY, SCHEMA_VERSION)
        try:
            version_n = int(str(version))
        except (TypeError, ValueError):
            version_n = -1
        if version_n > SCHEMA_VERSION:
            return [LoadProblem(0, "", (
                f"settings were written by a newer version (schema {version_n}, this version "
                f"reads {SCHEMA_VERSION}); entries it cannot read are kept but not shown"))]
        if version_n < 1:
            return [LoadProblem(0, "", f"unknown settings schema version {version!r}")]
        return []

    def sync(self) -> None:
        """Write pending changes. A format error seen when the file was read is not a
        write failure (the damage is reported by load_tunnels, the file copied aside)."""
        self._q.sync()
        if self._q.status() == QSettings.Status.AccessError:
            raise SettingsError(f"{self._q.fileName()}: settings not saved (access denied)")
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
    def language(self) -> str:
        return str(self._get("language"))

    @language.setter
    def language(self, value: str) -> None:
        self._set("language", str(value))

    @property
    def reach_interval(self) -> float:
        """Seconds between reachability checks of persistent server tunnels (0 = off)."""
        default = _PREFS["reach_interval"][1]
        try:
            value = float(self._get("reach_interval"))
        except (TypeError, ValueError):
            value = -1.0
        if not (value == 0 or MIN_REACH_INTERVAL <= value <= MAX_REACH_INTERVAL):
            logger.warning("settings: bad reach_interval; using %g", default)
            return float(default)
        return value

    @reach_interval.setter
    def reach_interval(self, value: float) -> None:
        if not (value == 0 or MIN_REACH_INTERVAL <= value <= MAX_REACH_INTERVAL):
            raise ValueError(f"reachability check interval must be 0 (off) or "
                             f"{MIN_REACH_INTERVAL:g} to {MAX_REACH_INTERVAL:g} seconds")
        self._set("reach_interval", float(value))

    @property
    def close_to_tray_notice_shown(self) -> bool:
        return bool(self._get("close_to_tray_notice_shown"))

    @close_to_tray_notice_shown.setter
    def close_to_tray_notice_shown(self, value: bool) -> None:
        self._set("close_to_tray_notice_shown", bool(value))

    @property
    def keys_dir(self) -> Path:
        value = str(self._get("keys_dir"))
        return Path(value) if value else default_root()

    @keys_dir.setter
    def keys_dir(self, value: str | os.PathLike[str]) -> None:
        self._set("keys_dir", str(value))

    def ensure_keys_dir(self) -> Path:
        """The key folder, created 0700 (tightened, with a warning, if others can enter).
        KeyStoreError if it cannot be made."""
        return KeyStore(self.keys_dir).ensure_root()

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
