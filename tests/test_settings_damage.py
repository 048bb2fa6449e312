"""A damaged settings file loses no intact tunnel entry, and the damage is reported.

The file is damaged three ways: cut at every line (and in the middle of every line),
random byte flips, and runs of NUL bytes. Each time: load, save, load again. Every
entry whose line survived byte for byte must still be there (loaded, or kept verbatim
and reported when a damaged entry took its name or id), and whenever the damage
changes what QSettings reads for the tunnels (the [General] keys and the [tunnels]
section) the load must report it and keep a copy of the file as it was.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.settings_entries import salvage_entries

B32 = "2qstpgdz7jdxa3fs6mgbnksf6htz67qfylxyxl4cq45qordjgfw2.b32.i2p"
SPECS = [
    TunnelSpec(name="web ✓ ünïcode", kind=TunnelKind.SERVER, target_port=8080, auto_start=True,
               description='has "quotes", = and ; # chars', options=(("inbound.length", "2"),)),
    TunnelSpec(name="ssh", kind=TunnelKind.SERVER, target_port=22),
    TunnelSpec(name="irc", kind=TunnelKind.CLIENT, listen_port=6668, destination=B32,
               key_mode=KeyMode.TRANSIENT),
    TunnelSpec(name="fwd", kind=TunnelKind.FORWARD, listen_port=8081, target_host="::1",
               target_port=80, lifetime=30.5),
    TunnelSpec(name="mail", kind=TunnelKind.CLIENT, listen_port=7659, destination="smtp.i2p"),
]
_DIR = Path(tempfile.mkdtemp(prefix="i2ptunnel-gui-damage-"))
_COUNTER = itertools.count()


def _fresh_path() -> Path:
    """A new file name per case: QSettings caches files by name (and by size+mtime)."""
    d = _DIR / str(next(_COUNTER))
    d.mkdir()
    return d / "s.ini"


def _original() -> bytes:
    path = _fresh_path()
    s = Settings.open(path)
    s.sam_address = "127.0.0.1:7657"
    s.window_geometry = b"\x00\x01geometry"
    s.save_tunnels(SPECS)
    return path.read_bytes()


ORIGINAL = _original()


def _entry_spans(raw: bytes) -> dict[str, tuple[int, int]]:
    """tunnel id -> byte span of its entry line, with the line ends before and after."""
    spans: dict[str, tuple[int, int]] = {}
    for m in re.finditer(rb"(?<=\n)\d+\\spec=.*\n", raw):
        text = salvage_entries(m.group(0))[0]
        spans[next(s.id for s in SPECS if f'"id": "{s.id}"' in text)] = (m.start() - 1, m.end())
    return spans


SPANS = _entry_spans(ORIGINAL)
assert len(SPANS) == len(SPECS)


def _tunnel_view(data: bytes) -> dict[str, object]:
    """What QSettings reads from `data` that the tunnels depend on: the [General] keys
    (schema version, checksum) and everything under [tunnels]."""
    path = _fresh_path()
    path.write_bytes(data)
    q = QSettings(str(path), QSettings.Format.IniFormat)
    return {k: q.value(k) if k else None  # an empty key cannot be read, only seen
            for k in q.allKeys() if "/" not in k or k.startswith("tunnels/")}


ORIGINAL_VIEW = _tunnel_view(ORIGINAL)


def _must_report(damaged: bytes) -> bool:
    """The app reads the tunnels differently from what was saved: it must say so."""
    return _tunnel_view(damaged) != ORIGINAL_VIEW


def _intact(damaged: bytes) -> list[TunnelSpec]:
    return [s for s in SPECS if damaged[slice(*SPANS[s.id])] == ORIGINAL[slice(*SPANS[s.id])]]


def check_nothing_lost(damaged: bytes, *, must_report: bool) -> None:
    path = _fresh_path()
    path.write_bytes(damaged)
    s = Settings.open(path)
    loaded, problems = s.load_tunnels()
    if must_report:
        assert s.damage, "damage not reported"
        assert problems[0].index == 0 and "the settings file is damaged" in problems[0].message
    if s.damage:  # reported: the file as it was is kept
        assert s.backup_path is not None and s.backup_path.read_bytes() == damaged
        assert str(s.backup_path) in problems[0].message
    s.save_tunnels(loaded)

    again = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    reloaded, problems2 = again.load_tunnels()
    assert again.damage == []  # what was saved is whole again
    saved_texts = salvage_entries(path.read_bytes())
    for spec in _intact(damaged):
        if spec in reloaded:
            continue
        # a damaged entry took its name or id first: it is kept verbatim and reported
        assert any(f'"id": "{spec.id}"' in t for t in saved_texts), spec.name
        assert any(p.message.startswith(("duplicate tunnel id", "another tunnel is already"))
                   for p in problems2), spec.name


CUTS = sorted({0, len(ORIGINAL)}
              | {m.end() for m in re.finditer(rb"\n", ORIGINAL)}  # at every line
              | {(m.start() + m.end()) // 2 for m in re.finditer(rb"[^\n]+", ORIGINAL)})


@pytest.mark.parametrize("cut", CUTS)
def test_truncated_file(cut: int) -> None:
    damaged = ORIGINAL[:cut]
    # cut to nothing, it is a new empty file: nothing is left to lose or to tell apart
    check_nothing_lost(damaged, must_report=cut > 0 and _must_report(damaged))


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(ORIGINAL) - 1), st.integers(1, 255)),
                min_size=1, max_size=4))
def test_random_byte_flips(flips: list[tuple[int, int]]) -> None:
    data = bytearray(ORIGINAL)
    for pos, mask in flips:
        data[pos] ^= mask
    damaged = bytes(data)
    check_nothing_lost(damaged, must_report=_must_report(damaged))


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(ORIGINAL) - 1), st.integers(1, 64))
def test_nul_runs(start: int, length: int) -> None:
    damaged = ORIGINAL[:start] + b"\0" * length + ORIGINAL[start + length:]
    damaged = damaged[:len(ORIGINAL)]
    check_nothing_lost(damaged, must_report=True)  # a NUL byte is never settings text


def test_lost_count_line_keeps_every_tunnel() -> None:
    """The case that dropped every tunnel: the file lost its `size=N` line."""
    damaged = re.sub(rb"\nsize=\d+\n", b"\n", ORIGINAL)
    path = _fresh_path()
    path.write_bytes(damaged)
    s = Settings.open(path)
    loaded, problems = s.load_tunnels()
    assert loaded == SPECS
    assert "the tunnel count is missing" in problems[0].message
    s.save_tunnels(loaded)
    assert Settings.open(path).load_tunnels() == (SPECS, [])


def test_after_a_repair_the_same_settings_saves_normally() -> None:
    """QSettings keeps the format error it met for good: the GUI, saving again through the
    same Settings, must not take the repaired file for damaged (and copy it again)."""
    at = ORIGINAL.index(b"[preferences]")
    damaged = ORIGINAL[:at] + b"\0" + ORIGINAL[at + 1:]  # QSettings: a format error
    path = _fresh_path()
    path.write_bytes(damaged)
    s = Settings.open(path)
    loaded, _ = s.load_tunnels()
    assert loaded == SPECS and s.damage
    s.save_tunnels(loaded)
    copies = sorted(path.parent.glob("s.ini.damaged-*"))
    assert len(copies) == 1
    s.save_tunnels(loaded[:2])
    assert s.damage == [] and sorted(path.parent.glob("s.ini.damaged-*")) == copies
    assert Settings.open(path).load_tunnels() == (SPECS[:2], [])


def test_unbackupable_damaged_file_is_not_saved_over(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    damaged = ORIGINAL[: SPANS[SPECS[2].id][1]]  # cut after the third entry
    path.write_bytes(damaged)
    # a folder where the copy would go: the copy cannot be made (even as root)
    (tmp_path / f"s.ini.damaged-{hashlib.sha256(damaged).hexdigest()[:12]}").mkdir()
    s = Settings.open(path)
    loaded, problems = s.load_tunnels()
    assert loaded == SPECS[:3]
    assert "could not be copied aside" in problems[0].message
    with pytest.raises(OSError, match="damaged and could not be copied aside"):
        s.save_tunnels(loaded)
    assert path.read_bytes() == damaged
