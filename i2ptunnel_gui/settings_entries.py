"""The tunnel entries of the settings file: reading one, damage checks, salvage, merge.

QSettings reads an INI file leniently and silently: with its last line gone
(`tunnels\\size=N`) it counts 0 tunnels, a NUL byte loses a whole section, and an
unterminated quote swallows every line after it. So the tunnel entries carry a
checksum (`checksum_tunnels` in [General], over the schema version and the entry
texts), and a file that fails any check is read again line by line: every
`N\\spec=…` line is parsed on its own by QSettings (from a scratch file), so one
damaged line cannot take the others with it. A damaged file is copied aside (named
by its content hash, so a second load does not copy it again) before anything is
written over it.

Each entry is one JSON-encoded `TunnelSpec.to_dict()`, so types survive the INI
backend (which returns every scalar as a string).
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.addresses import SpecError
from i2ptunnel_gui.core.keystore import write_atomic
from i2ptunnel_gui.core.spec import SCHEMA_VERSION, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate

TUNNELS_GROUP = "tunnels"
SPEC_KEY = "spec"
DIGEST_KEY = "checksum_tunnels"  # in [General], sorted before schema_version: a file cut
# anywhere after its first lines still shows that tunnels are missing
VERSION_KEY = "schema_version"
ENTRY_LINE = re.compile(rb"^(\d+)\\spec=")
STRAY_ENTRY = re.compile(r"(^|/)\d+/spec$")
LINE_BREAK = re.compile(rb"[\n\r\x0b\x0c]")
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def entries_digest(version: str, entries: list[str]) -> str:
    """What `checksum_tunnels` holds: any change to an entry, their order or number shows."""
    text = json.dumps([version, entries], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def raw_damage(raw: bytes) -> list[str]:
    """What is wrong with the bytes themselves (before any INI parsing)."""
    out: list[str] = []
    nul = raw.find(b"\0")
    if nul >= 0:
        out.append(f"NUL bytes at line {_line_of(raw, nul)}")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        out.append(f"not UTF-8 text at line {_line_of(raw, e.start)}")
    control = CONTROL.search(raw)
    if control:  # QSettings writes these escaped; raw, they shift lines and sections
        out.append(f"a control character at line {_line_of(raw, control.start())}")
    # QSettings silently skips a line that is neither [section], KEY=VALUE nor a comment
    for n, line in enumerate(raw.split(b"\n"), 1):
        t = line.strip(b" \t\r")
        comment = t[:1] in (b";", b"#")
        section = t.startswith(b"[") and t.endswith(b"]") and b"=" not in t
        if t and not (comment or section or (b"=" in t and t[:1] != b"[")):
            out.append(f"line {n} is neither [section] nor KEY=VALUE")
            break
    return out


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def stray_entry_keys(q: QSettings) -> list[str]:
    """Entry keys outside [tunnels] (a damaged section header moves them elsewhere)."""
    return [k for k in q.allKeys()
            if STRAY_ENTRY.search(k) and not k.startswith(f"{TUNNELS_GROUP}/")]


def entry_lines(raw: bytes) -> list[bytes]:
    """Every line that looks like a tunnel entry, wherever it is in the file (a damaged
    line end may be another line-breaking control character)."""
    return [line for line in LINE_BREAK.split(raw) if ENTRY_LINE.match(line)]


def salvage_entries(raw: bytes) -> list[str]:
    """The text of each entry line, each parsed alone; by index, duplicates once."""
    found: list[tuple[int, str]] = []
    lines = entry_lines(raw)
    if not lines:
        return []
    with tempfile.TemporaryDirectory(prefix="i2ptunnel-gui-salvage-") as tmp:
        for n, line in enumerate(lines):
            m = ENTRY_LINE.match(line)
            assert m is not None
            scratch = Path(tmp) / f"{n}.ini"
            scratch.write_bytes(b"[tunnels]\n" + line + b"\n")
            value = QSettings(str(scratch), QSettings.Format.IniFormat).value(
                f"tunnels/{m.group(1).decode()}/spec", None)
            if isinstance(value, str):
                found.append((int(m.group(1)), value))
    out: list[str] = []
    for _, text in sorted(found, key=lambda f: f[0]):  # stable: file order within an index
        if text not in out:
            out.append(text)
    return out


def read_texts(q: QSettings, raw: bytes) -> tuple[list[str], list[str]]:
    """The raw entry texts of the file `q` read (its bytes: `raw`), and why the file
    looks damaged (empty if it does not). A damaged file's entries are salvaged line
    by line."""
    damage = raw_damage(raw)
    if q.status() == QSettings.Status.FormatError:
        damage.append("it does not parse as an INI file")
    version = q.value(VERSION_KEY, None)
    if raw.strip() and version is None:
        damage.append("the schema version is missing")
    stray = [k for k in q.childKeys() if k not in (VERSION_KEY, DIGEST_KEY)]
    if stray:
        damage.append(f"unexpected keys in [General]: {', '.join(sorted(stray))}")
    digest = q.value(DIGEST_KEY, None)
    q.beginGroup(TUNNELS_GROUP)
    try:
        texts, size, odd = _read_group(q)
    finally:
        q.endGroup()
    if odd:
        damage.append(f"unexpected keys under [{TUNNELS_GROUP}]: {', '.join(sorted(odd))}")
    if size is None and texts:
        damage.append("the tunnel count is missing (the file was cut short?)")
    elif size is not None and size != len(texts):
        damage.append(f"{size} tunnels counted, {len(texts)} present")
    if digest is not None and str(digest) != entries_digest(str(version), texts):
        damage.append("the tunnel entries do not match their checksum")
    lines = len(entry_lines(raw))
    if lines != len(texts):
        damage.append(f"{lines} tunnel lines in the file, {len(texts)} read")
    if not damage:
        return texts, []
    salvaged = salvage_entries(raw)
    return salvaged + [t for t in texts if t not in salvaged], damage


def _read_group(q: QSettings) -> tuple[list[str], int | None, list[str]]:
    """(entry texts by index, the stored count, odd keys)."""
    odd = [k for k in q.childKeys() if k != "size"]
    numbered: list[int] = []
    for g in q.childGroups():
        if g.isascii() and g.isdigit():
            numbered.append(int(g))
        else:
            odd.append(g)
    texts: list[str] = []
    for n in sorted(numbered):
        q.beginGroup(str(n))
        odd += [f"{n}/{k}" for k in q.childKeys() if k != SPEC_KEY]
        value = q.value(SPEC_KEY, None)
        q.endGroup()
        texts.append(value if isinstance(value, str) else json.dumps(value, default=str))
    size_text = q.value("size", None)
    try:
        size = int(str(size_text)) if size_text is not None else None
    except ValueError:
        odd.append(f"size={size_text!r}")
        size = None
    if sorted(numbered) != list(range(1, len(numbered) + 1)):
        odd.append(f"entries numbered {sorted(numbered)}")
    return texts, size, odd


def write_entries(q: QSettings, entries: list[str]) -> None:
    """The entries, their count and their checksum, as the current schema writes them."""
    q.remove(TUNNELS_GROUP)
    q.beginWriteArray(TUNNELS_GROUP, len(entries))
    for i, text in enumerate(entries):
        q.setArrayIndex(i)
        q.setValue(SPEC_KEY, text)
    q.endArray()
    q.setValue(DIGEST_KEY, entries_digest(str(SCHEMA_VERSION), entries))
    q.setValue(VERSION_KEY, SCHEMA_VERSION)


def backup(path: Path, raw: bytes) -> Path:
    """Copy the damaged file's bytes aside, 0600, once per distinct content."""
    digest = hashlib.sha256(raw).hexdigest()[:12]
    target = path.with_name(f"{path.name}.damaged-{digest}")
    try:
        if target.read_bytes() == raw:
            return target  # copied at an earlier load
    except FileNotFoundError:
        pass
    write_atomic(target, raw, 0o600)
    return target


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """One stored tunnel entry that was skipped (or loaded with a caveat), and why;
    index 0 is about the file as a whole."""

    index: int  # position in the stored list, 1-based as in the INI file
    name: str  # tunnel name if it could be read, else ""
    message: str

    def __str__(self) -> str:
        if self.index == 0:
            return self.message
        who = f"tunnel {self.index}" + (f" ({self.name!r})" if self.name else "")
        return f"{who}: {self.message}"


def stable_id(text: str) -> str:
    """The id an entry without one gets: the same for the same text, on every start."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def read_entry(raw: object) -> tuple[TunnelSpec | None, str, str, bool]:
    """(spec, "", name, id_given) or (None, why, name-if-known, False).

    `id_given`: the entry had no id and got `stable_id(raw)`, to be saved at once.
    """
    if not isinstance(raw, str) or not raw.strip():
        return None, "entry is empty or not text", "", False
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        return None, f"not valid JSON ({e.msg} at character {e.pos})", "", False
    if not isinstance(data, dict):
        return None, "entry is not a tunnel definition (expected a JSON object)", "", False
    name = data.get("name")
    name = name if isinstance(name, str) else ""
    id_given = not data.get("id")
    if id_given:  # never a new id (so a new key and b32) per start
        data["id"] = stable_id(raw)
    try:
        spec = TunnelSpec.from_dict(data)
    except SpecError as e:
        return None, e.message, name, False
    except TypeError as e:
        return None, f"bad definition: {e}", name, False
    errors = validate(spec)
    if errors:
        return None, "invalid: " + "; ".join(e.message for e in errors), spec.name, False
    return spec, "", spec.name, id_given


def merge(ours: list[TunnelSpec], baseline: dict[str, TunnelSpec],
          disk: list[TunnelSpec]) -> list[TunnelSpec]:
    """What to save when another program saved since our load (`baseline`).

    Ours win where we changed a tunnel; theirs where only they did; tunnels they
    added stay. A tunnel missing on disk is kept: it may only be unreadable there,
    and losing it is worse than keeping a deleted one.
    """
    on_disk = {d.id: d for d in disk}
    out: list[TunnelSpec] = []
    for s in ours:
        base, now = baseline.get(s.id), on_disk.get(s.id)
        out.append(now if now is not None and base is not None and s == base else s)
    mine = {s.id for s in ours}
    out += [d for d in disk if d.id not in mine and d.id not in baseline]
    return out
