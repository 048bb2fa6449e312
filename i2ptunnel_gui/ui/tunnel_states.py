"""How the UI names tunnel states: the one table every view uses (colours: ui/theme.py).

STANDBY is the state of a client tunnel with an on-demand session that has none
now (delay open, closed when idle): it listens, and opens the session when a
connection comes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from i2ptunnel_gui.core.status import TunnelState

# the states a tunnel can be in today, in the order a tunnel's life goes through them
SHOWN_STATES = (TunnelState.STOPPED, TunnelState.STANDBY, TunnelState.STARTING,
                TunnelState.RUNNING, TunnelState.DEGRADED, TunnelState.RECONNECTING,
                TunnelState.ERROR)

_LABELS = {
    TunnelState.STOPPED: QT_TRANSLATE_NOOP("TunnelState", "Stopped"),
    TunnelState.STANDBY: QT_TRANSLATE_NOOP("TunnelState", "Standby"),
    TunnelState.STARTING: QT_TRANSLATE_NOOP("TunnelState", "Starting"),
    TunnelState.RUNNING: QT_TRANSLATE_NOOP("TunnelState", "Running"),
    TunnelState.DEGRADED: QT_TRANSLATE_NOOP("TunnelState", "Degraded"),
    TunnelState.RECONNECTING: QT_TRANSLATE_NOOP("TunnelState", "Reconnecting"),
    TunnelState.ERROR: QT_TRANSLATE_NOOP("TunnelState", "Error"),
}

def state_label(state: TunnelState) -> str:
    """The translated name of `state`, as every view shows it."""
    return QCoreApplication.translate("TunnelState", str(_LABELS[state]))
