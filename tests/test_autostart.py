"""Start at login: the XDG autostart entry is written, quoted right, and removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from i2ptunnel_gui import APP_ID
from i2ptunnel_gui.autostart import (
    autostart_enabled,
    autostart_path,
    exec_line,
    set_autostart,
)


def test_entry_is_written_and_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert autostart_path() == tmp_path / "autostart" / f"{APP_ID}.desktop"
    assert not autostart_enabled()
    path = set_autostart(True, ["/opt/my apps/i2ptunnel-gui"])
    text = path.read_text()
    assert 'Exec="/opt/my apps/i2ptunnel-gui" --minimized\n' in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert f"Icon={APP_ID}\n" in text and autostart_enabled()
    set_autostart(False)
    assert not path.exists() and not autostart_enabled()
    set_autostart(False)  # already off: nothing to do


def test_exec_quoting_follows_the_desktop_entry_spec() -> None:
    assert exec_line(["/usr/bin/python3", "-m", "i2ptunnel_gui"]) == (
        "/usr/bin/python3 -m i2ptunnel_gui"
    )
    assert exec_line(['/a "b"/$x']) == '"/a \\"b\\"/\\$x"'
    assert exec_line(["/100%/app"]) == "/100%%/app"
