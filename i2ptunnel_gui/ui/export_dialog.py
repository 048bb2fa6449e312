"""File → Export…: the app's tunnels as a Java I2P or i2pd config.

A file export refers to the app's key files where they are; a bundle (a folder) also
carries copies of them, laid out as the router reads them, so every server keeps its
address once the user copies the files as the report's steps say. Tunnels that listen
on the same address are refused, as by the CLI (interop.exporting checks them).
Opened with `open()` (never `exec()`, see ui/ask.py), and so is its file picker.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.interop.exporting import app_keys, export, export_bundle
from i2ptunnel_gui.interop.model import ExportResult, InteropError
from i2ptunnel_gui.ui.editor_fields import named

# (format, layout, label); layout: "file", "split" (a folder of configs) or "bundle"
FORMATS = (
    ("java", "file", QT_TRANSLATE_NOOP("ExportDialog", "Java I2P: one i2ptunnel.config file")),
    ("java", "split", QT_TRANSLATE_NOOP(
        "ExportDialog", "Java I2P: i2ptunnel.config.d folder (one file per tunnel)")),
    ("java", "bundle", QT_TRANSLATE_NOOP(
        "ExportDialog", "Java I2P: a folder with i2ptunnel.config.d and copies of the keys")),
    ("i2pd", "file", QT_TRANSLATE_NOOP("ExportDialog", "i2pd: tunnels.conf")),
    ("i2pd", "bundle", QT_TRANSLATE_NOOP(
        "ExportDialog", "i2pd: a folder with tunnels.conf and copies of the keys")),
)


class ExportDialog(QDialog):
    """Choose a format and a place, then export the given tunnels."""

    def __init__(self, specs: Sequence[TunnelSpec], keys_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export tunnels"))
        self.resize(640, 300)
        self._specs = list(specs)
        self._keys_dir = keys_dir
        self.result_: ExportResult | None = None

        self.format_box = named(QComboBox(), "export_format")
        for fmt, layout, label in FORMATS:
            self.format_box.addItem(self.tr(str(label)), f"{fmt}-{layout}")  # e.g. i2pd-bundle
        self.format_box.currentIndexChanged.connect(self._describe)
        self.path_edit = named(QLineEdit(), "export_path")
        self.path_edit.textChanged.connect(self._update_button)
        browse = named(QPushButton(self.tr("Browse…")), "export_browse")
        browse.clicked.connect(self._pick)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.report = named(QPlainTextEdit(), "export_report")
        self.report.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.do_export)
        self.buttons.rejected.connect(self.reject)
        self._describe()
        self._update_button()

        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Format:")))
        lay.addWidget(self.format_box)
        lay.addWidget(QLabel(self.tr("Save to:")))
        lay.addLayout(row)
        lay.addWidget(self.report, 1)
        lay.addWidget(self.buttons)

    def _choice(self) -> tuple[str, str]:
        fmt, layout, _label = FORMATS[self.format_box.currentIndex()]
        return fmt, layout

    def _describe(self) -> None:
        """What the chosen format does with the private keys, before anything is written."""
        n = len(self._specs)
        if self._choice()[1] == "bundle":
            text = self.tr("%n tunnel(s) to export into a folder, with copies of their "
                           "private keys (readable only by you); the report then says what "
                           "to copy where.", "", n)
        else:
            text = self.tr("%n tunnel(s) to export. Private keys are not copied; the "
                           "export refers to their files.", "", n)
        self.report.setPlainText(text)

    def _update_button(self) -> None:
        self.export_button.setEnabled(bool(self.path_edit.text().strip()) and bool(self._specs))

    def _pick(self) -> None:
        fmt, layout = self._choice()
        dlg = QFileDialog(self, self.tr("Export to"))
        dlg.setObjectName("export_file_dialog")
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if layout == "file":
            dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dlg.selectFile("i2ptunnel.config" if fmt == "java" else "tunnels.conf")
        else:
            dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.fileSelected.connect(self.path_edit.setText)
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def do_export(self) -> None:
        fmt, layout = self._choice()
        out = Path(self.path_edit.text().strip()).expanduser()
        try:
            if layout == "bundle":
                res = export_bundle(self._specs, fmt, app_keys(self._keys_dir), out)
            else:
                res = export(self._specs, fmt, self._keys_dir, out, split=layout == "split")
        except (OSError, InteropError) as e:
            self.report.setPlainText(self.tr("Not exported: {e}").format(e=e))
            return
        self.result_ = res
        lines = [self.tr("Exported %n tunnel(s) to {p}", "", len(res.exported)).format(p=out)]
        lines += res.warnings
        if res.steps:
            lines += ["", self.tr("Next steps:")]
            lines += [f"{n}. {step}" for n, step in enumerate(res.steps, 1)]
        self.report.setPlainText("\n".join(lines))


def open_export(window: Any, controller: Any, settings: Any) -> ExportDialog:
    """File → Export…: format + destination, then writes the files."""
    dlg = ExportDialog(controller.specs(), settings.keys_dir, window)
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    return dlg
