"""Two processes opening a missing settings file at once (a server and a client command
started together): the one that loses the race to create it opens it all the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from i2ptunnel_gui import settings_file
from i2ptunnel_gui.settings import Settings


def test_a_file_created_by_another_process_meanwhile_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "app.ini"
    path.write_text("")
    path.chmod(0o600)
    real_exists = Path.exists

    def not_yet(self: Path, *args: object, **kw: object) -> bool:  # what the loser saw
        return False if self == path else real_exists(self)

    monkeypatch.setattr(settings_file.Path, "exists", not_yet)
    assert Settings.open(path).reach_interval == 300.0  # no "cannot create: File exists"
