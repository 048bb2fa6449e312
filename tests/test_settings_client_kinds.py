"""The proxy kinds' fields survive the settings file (INI strings) unchanged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings

B32 = "a" * 52 + ".b32.i2p"


def test_proxy_kinds_round_trip_through_the_settings_file(tmp_path: Path) -> None:
    specs = [
        TunnelSpec.new("h", TunnelKind.HTTP_PROXY, outproxy=B32, replace_user_agent=False,
                       delay_open=True, close_idle=2.5),
        TunnelSpec.new("s", TunnelKind.SOCKS, proxy_user="u", proxy_password="p w"),
        TunnelSpec.new("i", TunnelKind.IRC),
        TunnelSpec.new("c", TunnelKind.CLIENT, listen_port=7000, destination=B32,
                       close_idle=30.0),
    ]  # fmt: skip
    path = str(tmp_path / "s.ini")
    Settings(QSettings(path, QSettings.Format.IniFormat)).save_tunnels(specs)
    loaded, problems = Settings(QSettings(path, QSettings.Format.IniFormat)).load_tunnels()
    assert problems == [] and loaded == specs
