"""File → Import… preview, driven by objectName."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QPlainTextEdit, QTableWidget

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.import_dialog import ImportDialog, open_import

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(table: QTableWidget) -> list[tuple[str, str]]:
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_preview_lists_adds_and_skips_and_imports(qtbot: Any, tmp_path: Path) -> None:
    taken = TunnelSpec(name="irc-out", kind=TunnelKind.SERVER, target_port=6667)
    dlg = ImportDialog([taken], tmp_path / "keys")
    qtbot.addWidget(dlg)
    dlg.open()
    dlg.set_path(DATA / "i2pd")
    table = dlg.findChild(QTableWidget, "import_table")
    assert _rows(table) == [
        ("Add", "ssh-in"), ("Add", "guarded"), ("Add", "site"), ("Add", "my-socks"),
        ("Add", "Wéb ★ server"), ("Add", "empty-values"), ("Add", "transient-client"),
        ("Skip", "vpn-udp"), ("Skip", "irc-out")]
    assert table.item(8, 5).text() == "a tunnel with this name already exists here"
    assert "UDP tunnels are not provided" in table.item(7, 5).text()
    assert table.item(0, 6).text().endswith("tunnels.conf:13")  # its [ssh-in] line
    summary = dlg.findChild(QLabel, "import_summary").text()
    assert summary == "7 tunnels to add, 2 skipped"
    assert not dlg.findChild(QCheckBox, "import_confirm_errors").isVisible()
    assert dlg.import_button.isEnabled()

    with qtbot.waitSignal(dlg.tunnels_accepted, timeout=2000) as sig:
        dlg.import_button.click()
    specs: list[TunnelSpec] = sig.args[0]
    assert [s.name for s in specs] == ["ssh-in", "guarded", "site", "my-socks", "Wéb ★ server",
                                       "empty-values", "transient-client"]
    ssh = specs[0]
    key = tmp_path / "keys" / f"{ssh.id}.dat"
    assert key.read_bytes() == (DATA / "i2pd" / "ssh-in.dat").read_bytes()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert dlg.result() == ImportDialog.DialogCode.Accepted


def test_errors_block_import_until_confirmed(qtbot: Any, tmp_path: Path) -> None:
    dlg = ImportDialog([], tmp_path / "keys")
    qtbot.addWidget(dlg)
    dlg.open()
    dlg.set_path(DATA / "bad" / "badport.conf")
    table = dlg.findChild(QTableWidget, "import_table")
    assert _rows(table) == [("Add", "ok"), ("Error", "ssh"), ("Error", "web")]
    assert table.item(1, 0).data(Qt.ItemDataRole.UserRole) == "error"
    assert "2 errors: nothing is imported unless you confirm" in dlg.summary.text()
    confirm = dlg.findChild(QCheckBox, "import_confirm_errors")
    assert confirm.isVisible() and not dlg.import_button.isEnabled()
    confirm.setChecked(True)
    assert dlg.import_button.isEnabled()
    with qtbot.waitSignal(dlg.tunnels_accepted, timeout=2000) as sig:
        dlg.import_button.click()
    assert [s.name for s in sig.args[0]] == ["ok"]


def test_garbage_file_shows_the_line_and_offers_nothing(qtbot: Any, tmp_path: Path) -> None:
    dlg = ImportDialog([], tmp_path / "keys")
    qtbot.addWidget(dlg)
    dlg.open()
    dlg.path_edit.setText(str(DATA / "bad" / "garbage.conf"))
    dlg.path_edit.editingFinished.emit()
    problems = dlg.findChild(QPlainTextEdit, "import_problems")
    assert problems.isVisible()
    assert problems.toPlainText() == (f"{DATA}/bad/garbage.conf:1: binary data (NUL byte): "
                                      "not a tunnel config")
    assert dlg.findChild(QTableWidget, "import_table").rowCount() == 0
    assert not dlg.import_button.isEnabled()
    assert not dlg.findChild(QCheckBox, "import_confirm_errors").isVisible()


def test_file_picker_is_opened_without_exec_and_feeds_the_preview(qtbot: Any,
                                                                  tmp_path: Path) -> None:
    dlg = ImportDialog([], tmp_path / "keys")
    qtbot.addWidget(dlg)
    dlg.open()
    dlg.findChild(QObject, "import_pick_file").click()
    picker = dlg.findChild(QFileDialog, "import_file_dialog")
    qtbot.waitUntil(picker.isVisible)
    picker.fileSelected.emit(str(DATA / "java" / "i2ptunnel.config"))
    picker.reject()
    assert dlg.path_edit.text() == str(DATA / "java" / "i2ptunnel.config")
    assert dlg.table.rowCount() == 6


class _Controller(QObject):
    """The slice of ui.controller.TunnelController these helpers use."""

    message = Signal(str)

    def __init__(self, specs: list[TunnelSpec]) -> None:
        super().__init__()
        self._specs = specs

    def names(self) -> list[str]:  # what the test reads back
        return [s.name for s in self._specs]

    def specs(self) -> list[TunnelSpec]:
        return list(self._specs)

    def add(self, spec: TunnelSpec) -> bool:
        self._specs.append(spec)
        return True


class _Settings:
    def __init__(self, keys_dir: Path) -> None:
        self.keys_dir = keys_dir


def test_open_import_adds_through_the_controller(qtbot: Any, tmp_path: Path) -> None:
    ctl = _Controller([])
    dlg = open_import(None, ctl, _Settings(tmp_path / "keys"))
    qtbot.addWidget(dlg)
    assert dlg.isVisible()
    dlg.set_path(DATA / "java" / "i2ptunnel.config.d")
    with qtbot.waitSignal(ctl.message, timeout=2000) as msg:
        dlg.import_button.click()
    assert msg.args == ["Imported 4 tunnels"]  # Socks and Guarded included
    assert ctl.names() == ["SSH in", "Ünïcode client", "Socks", "Guarded"]


def test_a_tunnel_listening_where_an_app_tunnel_does_is_refused(qtbot: Any,
                                                                tmp_path: Path) -> None:
    mine = TunnelSpec(name="my irc", kind=TunnelKind.CLIENT, listen_host="localhost",
                      listen_port=6668, destination="irc.postman.i2p")
    ctl = _Controller([mine])
    dlg = open_import(None, ctl, _Settings(tmp_path / "keys"))
    qtbot.addWidget(dlg)
    dlg.set_path(DATA / "i2pd")
    table = dlg.findChild(QTableWidget, "import_table")
    rows = _rows(table)
    assert ("Add", "irc-out") not in rows  # it listens on 127.0.0.1:6668 too
    row = rows.index(("Error", "irc-out"))
    assert table.item(row, 5).text() == ("listens on 127.0.0.1:6668, where the tunnel "
                                         "'my irc' already listens; only one can run")
    assert "1 error: nothing is imported unless you confirm" in dlg.summary.text()
    assert not dlg.import_button.isEnabled()
    dlg.findChild(QCheckBox, "import_confirm_errors").setChecked(True)
    with qtbot.waitSignal(ctl.message, timeout=2000):
        dlg.import_button.click()
    assert ctl.names() == ["my irc", "ssh-in", "guarded", "site", "my-socks", "Wéb ★ server",
                           "empty-values", "transient-client"]
