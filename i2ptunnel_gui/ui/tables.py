"""The two tables' common set-up, and column widths that do not cost every tick.

Why no ResizeToContents: Qt re-measures every such column (a sizeHint, so data(), per
row) on every dataChanged, and the tunnel table gets one per sample for its counters:
1 ms a tick with one tunnel, 9 ms with twenty (offscreen, measured). Columns are fitted
instead when what they show can change width (tunnels added, edited, changing state);
the counter columns get room for their widest usual text once, so they never jump.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from i2ptunnel_gui.ui.format import human_rate

WIDEST_RATE = 1023.9 * 1024  # B/s: the widest a rate column shows in everyday use


def make_table(name: str, model: Any) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    # fixed row height: no per-row size hints to compute for thousands of rows
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setHighlightSections(False)
    table.setWordWrap(False)
    return table


def fit_columns(table: QTableView, *, stretch: int, counters: Iterable[int] = ()) -> None:
    """Size every column but `stretch` (which takes the rest) to its contents now;
    `counters` at least wide enough for WIDEST_RATE in the UI's language."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    counter_width = table.fontMetrics().horizontalAdvance(human_rate(WIDEST_RATE)) + 16
    wide = set(counters)
    for col in range(header.count()):
        if col == stretch:
            continue
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(col)
        if col in wide and header.sectionSize(col) < counter_width:
            header.resizeSection(col, counter_width)
