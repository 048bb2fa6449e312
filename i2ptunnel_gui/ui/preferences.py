"""Preferences: every app-wide setting in one dialog (Router, General, Keys).

    dialog = PreferencesDialog(AppPreferences(...), keys_dir=..., tester=bridge.probe_sam)
    dialog.saved.connect(apply)          # an AppPreferences, only when valid
    dialog.open()                        # never exec() under qasync (ui/ask.py)

The dialog only shows and validates; whoever opened it saves and applies the result
(settings, the router service, the autostart entry).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.keys_backup import BackupError, backup_keys
from i2ptunnel_gui.core.router.prefs import RouterPrefs
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.preferences_router import RouterPrefsForm, SamTester
from i2ptunnel_gui.ui.theme import Tint
from i2ptunnel_gui.ui.translations import LANGUAGES, SYSTEM_DEFAULT


@dataclass(frozen=True, slots=True)
class AppPreferences:
    router: RouterPrefs = field(default_factory=RouterPrefs)
    notifications: bool = True
    start_minimized: bool = False
    start_at_login: bool = False
    language: str = SYSTEM_DEFAULT  # a ui.translations.LANGUAGES code, or the system's


class PreferencesDialog(QDialog):
    saved = Signal(object)  # AppPreferences

    def __init__(
        self,
        prefs: AppPreferences,
        *,
        keys_dir: Path,
        tester: SamTester | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.keys_dir = keys_dir
        self.router_form = RouterPrefsForm(prefs.router, tester=tester, parent=self)
        tabs = named(QTabWidget(), "preference_tabs")
        tabs.addTab(self.router_form, self.tr("Router"))
        tabs.addTab(self._general(prefs), self.tr("General"))
        tabs.addTab(self._keys(), self.tr("Keys"))
        self.problems = named(QLabel(), "preference_problems")
        self.problems.setWordWrap(True)
        theme.tint(self.problems, Tint.ERROR)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.router_form.changed.connect(self._validate)
        self._validate()

    def _general(self, prefs: AppPreferences) -> QWidget:
        page = QWidget()
        self.notifications = named(
            QCheckBox(self.tr("Notify when a tunnel fails or comes back")), "notifications"
        )
        self.notifications.setChecked(prefs.notifications)
        self.start_minimized = named(
            QCheckBox(self.tr("Start minimized to the tray")), "start_minimized"
        )
        self.start_minimized.setChecked(prefs.start_minimized)
        self.start_at_login = named(
            QCheckBox(self.tr("Start when I log in (minimized)")), "start_at_login"
        )
        self.start_at_login.setChecked(prefs.start_at_login)
        layout = QVBoxLayout(page)
        for box in (self.notifications, self.start_minimized, self.start_at_login):
            layout.addWidget(box)
        layout.addLayout(self._language_row(prefs.language))
        layout.addStretch(1)
        return page

    def _language_row(self, current: str) -> QFormLayout:
        self.language = named(QComboBox(), "language")
        self.language.addItem(self.tr("System default"), SYSTEM_DEFAULT)
        for code, own_name in LANGUAGES.items():  # each in its own language, untranslated
            self.language.addItem(own_name, code)
        index = self.language.findData(current)
        self.language.setCurrentIndex(max(index, 0))  # an unknown code: the system's
        note = named(QLabel(self.tr("The language changes at the next start.")),
                     "language_note")
        note.setWordWrap(True)
        row = QFormLayout()
        row.addRow(self.tr("Language"), self.language)
        row.addRow("", note)
        return row

    def _keys(self) -> QWidget:
        page = QWidget()
        note = QLabel(
            self.tr(
                "Each server tunnel's private key is its address: whoever holds the file can "
                "use the address, and without it the address is lost. Back the folder up."
            )
        )
        note.setWordWrap(True)
        folder = named(QLabel(str(self.keys_dir)), "keys_folder")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = named(QPushButton(self.tr("Open")), "open_keys")
        open_button.clicked.connect(self.open_keys_folder)
        backup_button = named(QPushButton(self.tr("Back up…")), "backup_keys")
        backup_button.clicked.connect(self._choose_backup)
        self.backup_result = named(QLabel(), "backup_result")
        self.backup_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addWidget(backup_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(folder)
        layout.addLayout(row)
        layout.addWidget(self.backup_result)
        layout.addStretch(1)
        return page

    def value(self) -> AppPreferences:
        return AppPreferences(
            router=self.router_form.value(),
            notifications=self.notifications.isChecked(),
            start_minimized=self.start_minimized.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
            language=str(self.language.currentData()),
        )

    def _validate(self) -> None:
        problems = self.router_form.problems()
        self.problems.setText("\n".join(shown(p) for p in problems))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not problems)

    def _save(self) -> None:
        if self.router_form.problems():
            return
        self.saved.emit(self.value())
        self.accept()

    def open_keys_folder(self) -> None:
        self.keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.keys_dir)))

    def _choose_backup(self) -> None:
        dialog = QFileDialog(self, self.tr("Back up the keys folder"))
        dialog.setObjectName("backup_keys_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("zip")
        dialog.selectFile(str(Path.home() / "i2ptunnel-gui-keys.zip"))
        dialog.fileSelected.connect(lambda path: self.backup_to(Path(path)))
        dialog.open()

    def backup_to(self, dest: Path) -> None:
        try:
            result = backup_keys(self.keys_dir, dest)
        except BackupError as e:
            self.backup_result.setText(shown(e))
            theme.tint(self.backup_result, Tint.ERROR)
            return
        text = self.tr("%n key file(s) saved to {0}", "", len(result.files)).format(result.path)
        if result.skipped:
            text += "\n" + self.tr("Left out: {0}").format(", ".join(result.skipped))
        self.backup_result.setText(text)
        theme.tint(self.backup_result, None)
