"""The reachability check interval preference: declared default, range, bad entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from i2ptunnel_gui.settings import Settings


def test_default_is_a_few_minutes_and_it_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = Settings.open(path)
    assert s.reach_interval == 300.0
    s.reach_interval = 600
    s.reach_interval = 0  # off
    s.sync()
    assert Settings.open(path).reach_interval == 0.0


@pytest.mark.parametrize("bad", [5, -1, 10 * 24 * 3600, float("inf"), float("nan")])
def test_out_of_range_is_refused(tmp_path: Path, bad: float) -> None:
    s = Settings.open(tmp_path / "s.ini")
    with pytest.raises(ValueError, match="0 \\(off\\) or 60 to 86400 seconds"):
        s.reach_interval = bad
    assert s.reach_interval == 300.0


@pytest.mark.parametrize("stored", ["soon", "1", "nan"])
def test_a_bad_stored_value_falls_back_to_the_default(tmp_path: Path, stored: str) -> None:
    path = tmp_path / "s.ini"
    path.write_text(f"[preferences]\nreach_interval={stored}\n")
    assert Settings.open(path).reach_interval == 300.0
