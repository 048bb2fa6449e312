"""The app's SVG icons as QIcons, by domain name (state, kind, action, tray).

Files live in resources/icons/ and are found through `i2ptunnel_gui.shipped_files`
(package data in a wheel, the checkout's resources/ otherwise). QIcon renders SVG
lazily at each requested size, so one file serves 16 px rows and 64 px dialogs.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from i2ptunnel_gui import APP_ID, shipped_files
from i2ptunnel_gui.core.spec import TunnelKind
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.ui.tunnel_states import SHOWN_STATES

ACTIONS = ("start", "stop", "restart", "new", "edit", "duplicate", "delete", "copy", "qr")
TRAY_STATES = ("all-running", "some-error", "stopped")

# Every icon file the app ships (besides the app icon); tests check each one renders.
ALL_NAMES: tuple[str, ...] = (
    *(f"state-{s.value}" for s in SHOWN_STATES),
    *(f"kind-{k.value}" for k in TunnelKind),
    *(f"action-{a}" for a in ACTIONS),
    *(f"tray-{t}" for t in TRAY_STATES),
)


@cache
def icon(name: str) -> QIcon:
    """icons/<name>.svg as a QIcon; FileNotFoundError names the missing file."""
    if name not in ALL_NAMES and name != APP_ID:
        raise KeyError(f"unknown icon {name!r}; known: {', '.join(ALL_NAMES)}")
    path = shipped_files.icon_path(name)
    result = QIcon(str(path))
    if result.isNull():
        raise FileNotFoundError(f"icon {path} could not be loaded (SVG plugin missing?)")
    return result


def state_icon(state: TunnelState) -> QIcon:
    return icon(f"state-{TunnelState(state).value}")


def kind_icon(kind: TunnelKind) -> QIcon:
    return icon(f"kind-{TunnelKind(kind).value}")


def action_icon(action: str) -> QIcon:
    if action not in ACTIONS:
        raise KeyError(f"unknown action icon {action!r}; known: {', '.join(ACTIONS)}")
    return icon(f"action-{action}")


def tray_icon(states: list[TunnelState] | tuple[TunnelState, ...]) -> QIcon:
    """The tray picture for the tunnels' states: any error wins, then any running."""
    return icon(f"tray-{tray_state(states)}")


def tray_state(states: list[TunnelState] | tuple[TunnelState, ...]) -> str:
    if any(s is TunnelState.ERROR for s in states):
        return "some-error"
    if any(s.active for s in states):
        return "all-running"
    return "stopped"


def app_icon() -> QIcon:
    return icon(APP_ID)


def pixmap(name: str, size: int = 16) -> QPixmap:
    return icon(name).pixmap(QSize(size, size))
