"""File → Import…: a preview of what will be added or skipped, and why.

Opened with `open()` (never `exec()`, see ui/ask.py), and so is its file picker. A
tunnel is skipped when its name is taken in the app, and refused (an error row) when it
would listen where an app tunnel already does. Import copies referenced key files
into the app key store, then emits `tunnels_accepted(list)` with the new TunnelSpecs;
`open_import()` adds them through the controller.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.importing import copy_keys, without_existing
from i2ptunnel_gui.interop.model import ImportResult, InteropError
from i2ptunnel_gui.interop.reader import load
from i2ptunnel_gui.ui import theme

logger = logging.getLogger(__name__)

COLUMNS = (QT_TRANSLATE_NOOP("ImportDialog", "Action"),
           QT_TRANSLATE_NOOP("ImportDialog", "Name"),
           QT_TRANSLATE_NOOP("ImportDialog", "Kind"),
           QT_TRANSLATE_NOOP("ImportDialog", "Listen"),
           QT_TRANSLATE_NOOP("ImportDialog", "Target"),
           QT_TRANSLATE_NOOP("ImportDialog", "Notes"),
           QT_TRANSLATE_NOOP("ImportDialog", "Where"))


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)  # tests and screenshots find widgets by objectName
    return widget


def _colour(item: QTableWidgetItem) -> None:
    """Rows that cannot be imported on a tinted background, skipped ones greyed."""
    what = item.data(Qt.ItemDataRole.UserRole)
    if what == "error":
        item.setBackground(QBrush(theme.current().error_row))
    elif what == "skip":
        item.setForeground(QBrush(theme.current().muted))


def _addr(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class ImportDialog(QDialog):
    """Preview an import; Import copies keys and emits the specs to add."""

    tunnels_accepted = Signal(object)  # list[TunnelSpec]

    def __init__(self, existing: Sequence[TunnelSpec], keys_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import tunnels"))
        self.resize(900, 420)
        self._existing = list(existing)  # the app's tunnels: names and listen addresses
        self._keys_dir = keys_dir
        self.result_: ImportResult | None = None
        self._loaded = ""

        self.path_edit = _named(QLineEdit(), "import_path")
        self.path_edit.setPlaceholderText(
            self.tr("i2ptunnel.config, i2ptunnel.config.d/, tunnels.conf or tunnels.d/"))
        self.path_edit.editingFinished.connect(self._path_edited)
        file_btn = _named(QPushButton(self.tr("File…")), "import_pick_file")
        dir_btn = _named(QPushButton(self.tr("Folder…")), "import_pick_folder")
        file_btn.clicked.connect(lambda: self._pick(folder=False))
        dir_btn.clicked.connect(lambda: self._pick(folder=True))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Import from:")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(file_btn)
        row.addWidget(dir_btn)

        self.table = _named(QTableWidget(0, len(COLUMNS)), "import_table")
        self.table.setHorizontalHeaderLabels([self.tr(str(c)) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.summary = _named(QLabel(), "import_summary")
        self.summary.setWordWrap(True)
        self.problems = _named(QPlainTextEdit(), "import_problems")
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(110)
        self.problems.hide()
        self.confirm_box = _named(QCheckBox(
            self.tr("Import the valid tunnels anyway (the entries with errors are left out)")),
            "import_confirm_errors")
        self.confirm_box.hide()
        self.confirm_box.toggled.connect(self._update_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._do_import)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.problems)
        lay.addWidget(self.confirm_box)
        lay.addWidget(self.buttons)
        theme.watcher().changed.connect(self._recolour)  # light/dark switch

    # -- choosing what to import ----------------------------------------------
    def _pick(self, *, folder: bool) -> None:
        dlg = QFileDialog(self, self.tr("Choose a tunnel config"))
        dlg.setObjectName("import_file_dialog")
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if folder:
            dlg.setFileMode(QFileDialog.FileMode.Directory)
        else:
            dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
            dlg.setNameFilters([self.tr("Tunnel configs (*.config *.conf)"),
                                self.tr("All files (*)")])
        dlg.fileSelected.connect(self.set_path)
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def _path_edited(self) -> None:
        # editingFinished also fires on focus loss (even while closing): reload only on change
        if self.path_edit.text().strip() != self._loaded:
            self.set_path(self.path_edit.text())

    def set_path(self, path: str | Path) -> None:
        text = str(path).strip()
        self._loaded = text
        if self.path_edit.text() != text:
            self.path_edit.setText(text)
        if not text:
            return
        found = load(text)
        self.result_ = without_existing(found, [s.name for s in self._existing],
                                        listening=self._existing)
        self._fill(self.result_)

    # -- the preview ------------------------------------------------------------
    def _fill(self, r: ImportResult) -> None:
        rows: list[tuple[str, Sequence[str]]] = []
        for t in r.tunnels:
            s = t.spec
            listen = _addr(s.listen_host, s.listen_port) if s.listens else ""
            if s.kind in (TunnelKind.CLIENT, TunnelKind.IRC):
                target = s.destination
            elif s.listens:  # a proxy: each request names its destination
                target = s.outproxy
            else:
                target = _addr(s.target_host, s.target_port)
            notes = "; ".join(w.message for w in t.warnings)
            rows.append(("add", (self.tr("Add"), s.name, s.kind.value, listen, target, notes,
                                 t.where)))
        for k in r.skipped:
            action = self.tr("Error") if k.error else self.tr("Skip")
            rows.append(("error" if k.error else "skip",
                         (action, k.name, k.kind, "", "", k.reason, k.where)))
        self.table.setRowCount(len(rows))
        for i, (what, cells) in enumerate(rows):
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, what)
                _colour(item)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        for col in range(self.table.columnCount()):  # long reasons wrap into the tooltip
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 300))

        lines = [str(e) for e in r.errors] + [str(w) for w in r.warnings]
        self.problems.setPlainText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        n_err = len(r.errors) + sum(1 for k in r.skipped if k.error)
        text = self.tr("%n tunnel(s) to add, {s} skipped", "", len(r.tunnels)).format(
            s=len(r.skipped))
        if n_err:
            text += self.tr("; %n error(s): nothing is imported unless you confirm below", "",
                            n_err)
        self.summary.setText(text)
        self.confirm_box.setChecked(False)
        self.confirm_box.setVisible(bool(n_err) and bool(r.tunnels))
        self._update_button()

    def _recolour(self) -> None:
        for i in range(self.table.rowCount()):
            for j in range(self.table.columnCount()):
                if (item := self.table.item(i, j)) is not None:
                    _colour(item)

    def _update_button(self) -> None:
        r = self.result_
        ok = r is not None and bool(r.tunnels) and (
            not r.has_errors or self.confirm_box.isChecked())
        self.import_button.setEnabled(ok)

    def _do_import(self) -> None:
        r = self.result_
        if r is None or not self.import_button.isEnabled():
            return
        try:
            specs, _written = copy_keys(r.tunnels, self._keys_dir)
        except InteropError as e:
            self.summary.setText(self.tr("Nothing imported: {e}").format(e=e))
            self.import_button.setEnabled(False)
            return
        self.tunnels_accepted.emit(specs)
        self.accept()

    def imported_text(self, n: int) -> str:
        # here, not in open_import(): lupdate marks a plural only in a class's self.tr()
        return self.tr("Imported %n tunnel(s)", "", n)


def open_import(window: Any, controller: Any, settings: Any) -> ImportDialog:
    """File → Import…: the preview dialog; accepted tunnels are added via the controller."""
    dlg = ImportDialog(controller.specs(), settings.keys_dir, window)

    def add(specs: list[TunnelSpec]) -> None:
        for spec in specs:
            controller.add(spec)
        controller.message.emit(dlg.imported_text(len(specs)))

    dlg.tunnels_accepted.connect(add)
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    return dlg
