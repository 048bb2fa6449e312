"""Item-data roles the app's table models share beyond Qt's own."""

from __future__ import annotations

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value a column sorts by
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the tunnel or connection id of a row
HISTORY_ROLE = Qt.ItemDataRole.UserRole + 3  # a tunnel's TrafficPoints (ui/traffic_history.py)
