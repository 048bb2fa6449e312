"""The Connections tab: the live connection table, its toolbar and the count of open rows.

Close connection acts on the selected rows that are still open: a closed row stays
listed (greyed) for a moment, and closing it again would only report "already closed".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.ui.connection_delegate import ConnectionDelegate
from i2ptunnel_gui.ui.connection_model import ConnectionTableModel
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.tables import fit_columns, make_table


class ConnectionsPage(QWidget):
    def __init__(self, model: ConnectionTableModel, close_action: QAction,
                 selection_changed: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("connections_page")
        # no proxy here: the model sorts itself (5 000 live rows; see ConnectionTableModel.sort)
        self.model = model
        self.close_action = close_action
        self.table = make_table("connection_table", model)
        self.table.setItemDelegate(ConnectionDelegate(model, self.table))  # one call per cell
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # fitted once, still empty: the (translated) titles set the widths, the counters
        # get room for their usual text; rows never resize a column (tables.py)
        m = ConnectionTableModel
        fit_columns(self.table, stretch=m.COL_PEER, counters=(m.COL_IN, m.COL_OUT, m.COL_RATE))
        header = self.table.horizontalHeader()
        for col in range(m.COL_PEER + 1, model.columnCount()):  # times, states: never narrower
            header.resizeSection(col, max(header.sectionSize(col), header.defaultSectionSize()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(close_action)
        self.table.selectionModel().selectionChanged.connect(lambda *_: selection_changed())
        bar = named(QToolBar(), "connection_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(close_action)
        self.count = named(QLabel(), "connection_count")
        bar.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(bar)
        lay.addWidget(self.table)

    def selected_open_connections(self, *, first: bool = False) -> list[int]:
        """Ids of the selected rows still open (`first`: stop at the first one found)."""
        ids: list[int] = []
        selection = self.table.selectionModel().selection()
        for span in (selection.at(i) for i in range(selection.count())):
            for row in range(span.top(), span.bottom() + 1):
                if self.model.is_open(row):
                    ids.append(self.model.connection_id(row))
                    if first:
                        return ids
        return ids

    def update_close_action(self) -> None:
        """Enabled while a selected row is open (called on selection changes and samples)."""
        self.close_action.setEnabled(bool(self.selected_open_connections(first=True)))
