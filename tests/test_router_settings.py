"""Router preferences in the settings file: round trip, defaults, bad values."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.router_settings import load_router_prefs, save_router_prefs
from i2ptunnel_gui.settings import Settings


def test_defaults_then_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    settings = Settings.open(path)
    assert load_router_prefs(settings) == RouterPrefs()
    prefs = RouterPrefs(
        mode=RouterMode.MANAGED,
        sam_address="127.0.0.1:7000",
        sam_user="me",
        sam_password="pw",
        control_address="127.0.0.1:7650",
        control_password="itoopie",
        managed=ManagedOptions(
            binary="/opt/i2pd",
            sam_port=17656,
            bandwidth_kbps=300,
            share_percent=40,
            extra_conf='[limits]\ntransittunnels = 100\n# with a comment = and "quotes"\n',
        ),
    )
    save_router_prefs(settings, prefs)
    assert load_router_prefs(Settings.open(path)) == prefs  # a fresh reader of the file
    assert Settings.open(path).sam_address == "127.0.0.1:7000"


def test_bad_values_fall_back_to_defaults_and_say_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[router]\nmode=sideways\nmanaged_sam_port=lots\nsam_password=secret\n")
    with caplog.at_level(logging.WARNING):
        prefs = load_router_prefs(Settings.open(path))
    assert prefs.mode is RouterMode.EXTERNAL and prefs.managed.sam_port == 7656
    assert prefs.sam_password == "secret"
    text = caplog.text
    assert "router/mode='sideways'" in text and "router/managed_sam_port='lots'" in text
    assert "secret" not in text
    path.write_text("[router]\nmanaged_share_percent=500\n")
    assert load_router_prefs(Settings.open(path)).managed == ManagedOptions()


def test_invalid_prefs_are_not_saved(tmp_path: Path) -> None:
    settings = Settings.open(tmp_path / "s.ini")
    with pytest.raises(ValueError, match="a SAM password needs a SAM user"):
        save_router_prefs(settings, RouterPrefs(sam_password="x"))
    assert load_router_prefs(settings) == RouterPrefs()
