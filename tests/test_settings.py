"""Settings facade on a real INI file: round trips, corrupt entries, preferences, modes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from i2ptunnel_gui.core.addresses import SpecError
from i2ptunnel_gui.core.keystore import default_root
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings, SettingsError

B32 = "2qstpgdz7jdxa3fs6mgbnksf6htz67qfylxyxl4cq45qordjgfw2.b32.i2p"


def _fresh(path: Path) -> Settings:
    """A new QSettings on the same file: what the next app start sees."""
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def _specs() -> list[TunnelSpec]:
    return [
        TunnelSpec(name="fwd ✓ ünïcode", kind=TunnelKind.FORWARD, id="f", listen_port=8080,
                   target_host="::1", target_port=80, nconnect=5, lifetime=30.5,
                   idle_timeout=None, description='has "quotes", = and ; # chars'),
        TunnelSpec(name="server", kind=TunnelKind.SERVER, id="s", target_port=22,
                   auto_start=True,
                   options=(("i2cp.leaseSetEncType", "4,0"), ("inbound.length", "2"))),
        TunnelSpec(name="client", kind=TunnelKind.CLIENT, id="c", listen_host="::1",
                   listen_port=7000,
                   destination=B32, key_mode=KeyMode.TRANSIENT, sam_address="127.0.0.1:7657"),
    ]


def test_tunnels_round_trip_through_a_fresh_qsettings(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    Settings.open(path).save_tunnels(_specs())
    loaded, problems = _fresh(path).load_tunnels()
    assert problems == []
    assert loaded == _specs()  # same order, same ids, every field


def test_open_creates_the_file_0600_and_keeps_it_private(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "s.ini"
    s = Settings.open(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    s.save_tunnels(_specs())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert s.path == path


def test_open_rejects_a_directory(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="is a directory"):
        Settings.open(tmp_path)


def test_save_replaces_the_file_by_rename(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = Settings.open(path)
    s.save_tunnels(_specs()[:1])
    before = path.stat().st_ino
    s.save_tunnels(_specs())
    assert path.stat().st_ino != before  # QSaveFile wrote a new file and renamed it in
    assert [t.name for t in _fresh(path).load_tunnels()[0]] == [t.name for t in _specs()]


def test_save_failure_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    s = Settings(QSettings(str(blocker / "s.ini"), QSettings.Format.IniFormat))
    with pytest.raises(SettingsError, match="settings not saved"):
        s.save_tunnels(_specs())


def _write_raw(path: Path, entries: list[str], version: str = "1") -> None:
    q = QSettings(str(path), QSettings.Format.IniFormat)
    q.setValue("schema_version", version)
    q.beginWriteArray("tunnels", len(entries))
    for i, e in enumerate(entries):
        q.setArrayIndex(i)
        q.setValue("spec", e)
    q.endArray()
    q.sync()


def test_corrupt_entries_are_reported_skipped_and_kept(tmp_path: Path) -> None:
    good = [json.dumps(s.to_dict()) for s in _specs()]
    unknown_kind = dict(_specs()[0].to_dict(), kind="teleporter", name="tele", id="t1")
    from_future = dict(_specs()[0].to_dict(), name="future", id="f1", colour="blue")
    bad_port = dict(_specs()[0].to_dict(), name="badport", id="b1", listen_port=0)
    entries = [good[0], "{not json", json.dumps(unknown_kind), good[1],
               json.dumps(from_future), json.dumps(bad_port), "[1, 2]", good[2]]
    path = tmp_path / "s.ini"
    _write_raw(path, entries)

    s = _fresh(path)
    loaded, problems = s.load_tunnels()
    assert [t.name for t in loaded] == ["fwd ✓ ünïcode", "server", "client"]
    got = {p.index: (p.name, p.message) for p in problems}
    assert got[2][1].startswith("not valid JSON")
    assert got[3] == ("tele", "unknown tunnel kind 'teleporter'")
    assert got[5] == ("future", "unknown field(s): colour")
    assert got[6][0] == "badport" and "port must be" in got[6][1]
    assert "expected a JSON object" in got[7][1]
    assert str(problems[1]) == "tunnel 3 ('tele'): unknown tunnel kind 'teleporter'"

    # saving the good ones (one edited) keeps every unreadable entry verbatim
    s.save_tunnels([loaded[0].replace(name="renamed"), *loaded[1:]])
    loaded2, problems2 = _fresh(path).load_tunnels()
    assert [t.name for t in loaded2] == ["renamed", "server", "client"]
    assert sorted(p.message for p in problems2) == sorted(p.message for p in problems)
    raw = path.read_text(encoding="utf-8")
    assert "{not json" in raw and "colour" in raw and "teleporter" in raw


def test_duplicate_ids_and_names_are_reported(tmp_path: Path) -> None:
    a = _specs()[1]
    same_name = a.replace(id="other")
    path = tmp_path / "s.ini"
    _write_raw(path, [json.dumps(a.to_dict())] * 2 + [json.dumps(same_name.to_dict())])
    loaded, problems = _fresh(path).load_tunnels()
    assert loaded == [a]
    assert [p.message for p in problems] == [
        f"duplicate tunnel id {a.id}", "another tunnel is already named 'server'"]


def test_newer_schema_is_reported_but_good_entries_load(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    _write_raw(path, [json.dumps(_specs()[0].to_dict())], version="99")
    loaded, problems = _fresh(path).load_tunnels()
    assert len(loaded) == 1
    assert "newer version (schema 99" in problems[0].message


def test_missing_file_gives_no_tunnels_and_defaults(tmp_path: Path) -> None:
    s = Settings.open(tmp_path / "new.ini")
    assert s.load_tunnels() == ([], [])
    assert s.sam_address == "127.0.0.1:7656"
    assert s.start_minimized is False
    assert s.notifications is True
    assert s.close_to_tray_notice_shown is False


def test_preferences_persist_with_types(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = Settings.open(path)
    s.sam_address = "[::1]:7656"
    s.start_minimized = True
    s.notifications = False
    s.close_to_tray_notice_shown = True
    s.keys_dir = tmp_path / "k"
    s.window_geometry = QByteArray(b"\x00\x01geometry\xff")
    s.window_state = b"state\x00"
    s.sync()
    t = _fresh(path)
    assert t.sam_address == "[::1]:7656"
    assert t.start_minimized is True and t.notifications is False
    assert t.close_to_tray_notice_shown is True
    assert t.keys_dir == tmp_path / "k"
    assert t.window_geometry.data() == b"\x00\x01geometry\xff"
    assert t.window_state.data() == b"state\x00"


def test_bad_sam_address_is_refused_and_a_stored_bad_one_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = Settings.open(path)
    with pytest.raises(SpecError, match="port"):
        s.sam_address = "127.0.0.1:notaport"
    q = QSettings(str(path), QSettings.Format.IniFormat)
    q.setValue("preferences/sam_address", "nonsense")
    q.setValue("preferences/start_minimized", "maybe")
    q.setValue("preferences/notifications", "no")
    q.sync()
    t = _fresh(path)
    assert t.sam_address == "127.0.0.1:7656"
    assert t.start_minimized is False  # not a boolean: the default, never a crash
    assert t.notifications is False


def test_keys_dir_default_and_created_private(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_root() == tmp_path / "xdg" / "i2ptunnel-gui" / "keys"
    s = Settings.open(tmp_path / "s.ini")
    assert s.keys_dir == default_root()
    d = s.ensure_keys_dir()
    assert stat.S_IMODE(d.stat().st_mode) == 0o700
    os.chmod(d, 0o755)
    s.ensure_keys_dir()
    assert stat.S_IMODE(d.stat().st_mode) == 0o700


def test_no_private_key_material_in_settings(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    Settings.open(path).save_tunnels(_specs())
    text = path.read_text(encoding="utf-8")
    assert "PRIV" not in text and "key_file" in text  # only a path field, never a blob


def test_open_tightens_an_existing_world_readable_file(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[General]\nschema_version=1\n")
    os.chmod(path, 0o644)
    Settings.open(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_without_a_load_still_keeps_unreadable_entries(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    _write_raw(path, ["{broken", json.dumps(_specs()[0].to_dict())])
    _fresh(path).save_tunnels(_specs()[1:2])  # e.g. a second process that never loaded
    loaded, problems = _fresh(path).load_tunnels()
    assert [t.name for t in loaded] == ["server"]
    assert len(problems) == 1 and problems[0].message.startswith("not valid JSON")


def test_settings_folders_are_private_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        s = Settings.open(tmp_path / "a" / "b" / "s.ini")
        s.save_tunnels(_specs())
    finally:
        os.umask(old)
    for d in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
    assert stat.S_IMODE(s.path.stat().st_mode) == 0o600
