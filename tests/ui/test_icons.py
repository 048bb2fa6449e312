"""Every shipped icon exists, is a square SVG and draws something visible at 16 px."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from i2ptunnel_gui import APP_ID, shipped_files
from i2ptunnel_gui.core.spec import TunnelKind
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.ui import icons, theme
from i2ptunnel_gui.ui.tunnel_states import SHOWN_STATES, state_label

SVG = "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize("name", icons.ALL_NAMES)
def test_icon_file_is_square_svg_and_renders_at_16px(qapp, name):
    root = ET.fromstring(shipped_files.read_bytes(f"icons/{name}.svg"))
    assert root.tag == SVG
    assert root.get("viewBox") == "0 0 16 16"  # drawn on the 16 px grid it is shown at
    image = icons.pixmap(name, 16).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert image.width() == 16
    opaque = sum(image.pixelColor(x, y).alpha() > 128 for x in range(16) for y in range(16))
    assert opaque >= 12, f"{name} is almost invisible at 16 px ({opaque} opaque pixels)"


def _picture(icon) -> QImage:
    return icon.pixmap(16, 16).toImage()


def test_state_and_kind_icons_cover_every_value(qapp):
    """Each value draws its own file (a value without one raises KeyError or
    FileNotFoundError; icon() never returns a null icon)."""
    for state in SHOWN_STATES:
        assert _picture(icons.state_icon(state)) == icons.pixmap(f"state-{state}").toImage()
    for kind in TunnelKind:
        assert _picture(icons.kind_icon(kind)) == icons.pixmap(f"kind-{kind}").toImage()
    for action in icons.ACTIONS:
        assert _picture(icons.action_icon(action)) == icons.pixmap(f"action-{action}").toImage()
    assert _picture(icons.app_icon()) == icons.pixmap(APP_ID).toImage()


def test_state_icons_differ(qapp):
    pictures = {
        bytes(icons.pixmap(f"state-{s.value}", 16).toImage().constBits()) for s in SHOWN_STATES
    }
    assert len(pictures) == len(SHOWN_STATES)


def test_every_state_has_a_label_colour_and_icon(qapp):
    """STANDBY too: on-demand client tunnels enter it (docs/PROXIES.md)."""
    assert set(SHOWN_STATES) == set(TunnelState)
    assert set(theme.LIGHT.states) == set(theme.DARK.states) == set(SHOWN_STATES)
    assert [state_label(s) for s in SHOWN_STATES] == [
        "Stopped", "Standby", "Starting", "Running", "Degraded", "Reconnecting", "Error"]
    assert "state-standby" in icons.ALL_NAMES
    assert not icons.state_icon(TunnelState.STANDBY).isNull()


def test_unknown_icon_names_are_refused(qapp):
    with pytest.raises(KeyError, match="unknown icon 'nope'"):
        icons.icon("nope")
    with pytest.raises(KeyError, match="unknown action icon 'fly'"):
        icons.action_icon("fly")


@pytest.mark.parametrize(
    ("states", "tray"),
    [
        ((), "stopped"),
        ((TunnelState.STOPPED, TunnelState.STOPPED), "stopped"),
        ((TunnelState.RUNNING, TunnelState.STOPPED), "all-running"),
        ((TunnelState.RECONNECTING,), "all-running"),
        ((TunnelState.RUNNING, TunnelState.ERROR), "some-error"),
        ((TunnelState.ERROR,), "some-error"),
    ],
)
def test_tray_state_summarises_the_tunnels(states, tray):
    assert icons.tray_state(states) == tray
