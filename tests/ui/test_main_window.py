"""The main window driven through its widgets (objectName), against the in-memory engine.

Persistence is checked by reading a fresh Settings on the same file.
"""

from __future__ import annotations

from editor_driver import B32
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QTableView
from qtasync import run_async
from samples import SSH, WEB

from i2ptunnel_gui.core.errors import ListenError
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui.app import build_shell
from i2ptunnel_gui.ui.editor import TunnelEditor


def act(window, name: str) -> QAction:
    a = window.findChild(QAction, name)
    assert a is not None, f"no action {name!r}"
    return a


def select(window, name: str) -> None:
    table = window.findChild(QTableView, "tunnel_table")
    model = table.model()
    rows = [r for r in range(model.rowCount()) if model.index(r, 0).data() == name]
    assert rows, f"no tunnel {name!r} in the table"
    table.selectRow(rows[0])


def stored(settings) -> list[TunnelSpec]:
    specs, problems = Settings.open(settings.path).load_tunnels()
    assert problems == []
    return specs


def find_top(qtbot, cls, name: str):
    from PySide6.QtWidgets import QApplication

    found = []

    def visible():
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, cls) and w.objectName() == name and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=3000)
    return found[0]


def test_create_through_editor_is_saved_and_reloaded(qtbot, shell, settings) -> None:
    w = shell.window
    act(w, "new_forward").trigger()
    editor = find_top(qtbot, TunnelEditor, "tunnel_editor")
    for field, text in (("name", "mail"), ("listen_port", "2525"), ("target_host", "127.0.0.1"),
                        ("target_port", "25")):
        edit = editor.findChild(QLineEdit, field)
        edit.clear()
        qtbot.keyClicks(edit, text)
    save = editor.findChild(QPushButton, "save")
    qtbot.waitUntil(save.isEnabled, timeout=2000)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "mail" in [s.name for s in stored(settings)], timeout=2000)
    mail = next(s for s in stored(settings) if s.name == "mail")
    assert (mail.listen_port, mail.target_port) == (2525, 25)
    assert w.selected_spec().name == "mail"  # the new tunnel is selected


def test_editor_refuses_a_listen_address_another_tunnel_uses(qtbot, shell) -> None:
    act(shell.window, "new_forward").trigger()
    editor = find_top(qtbot, TunnelEditor, "tunnel_editor")
    for field, text in (("name", "mail"), ("listen_port", str(WEB.listen_port)),
                        ("target_port", "25")):
        edit = editor.findChild(QLineEdit, field)
        edit.clear()
        qtbot.keyClicks(edit, text)
    error = editor.findChild(QLabel, "listen_port_error")
    assert error.isVisible() and "“web” already listens on 127.0.0.1:18081" in error.text()
    assert not editor.findChild(QPushButton, "save").isEnabled()


def test_edit_running_tunnel_applies_on_restart(qtbot, qloop, shell, fake_engine,
                                                settings) -> None:
    w = shell.window
    select(w, "web")
    act(w, "start").trigger()
    qtbot.waitUntil(lambda: shell.controller.is_active(WEB.id), timeout=2000)
    act(w, "edit").trigger()
    editor = find_top(qtbot, TunnelEditor, "tunnel_editor")
    port = editor.findChild(QLineEdit, "target_port")
    port.clear()
    qtbot.keyClicks(port, "8080")
    qtbot.mouseClick(editor.findChild(QPushButton, "save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(settings)[0].target_port == 8080, timeout=2000)
    assert fake_engine.started_specs[-1].target_port == 80  # still running the old one
    assert WEB.id in shell.controller.pending_restart
    ssh_starts = [s for s in fake_engine.started_specs if s.id == SSH.id]
    act(w, "restart").trigger()
    qtbot.waitUntil(lambda: fake_engine.started_specs[-1].target_port == 8080, timeout=2000)
    assert [s for s in fake_engine.started_specs if s.id == SSH.id] == ssh_starts
    assert WEB.id not in shell.controller.pending_restart


def test_delete_asks_and_stops_running_tunnel_first(qtbot, shell, fake_engine,
                                                    settings) -> None:
    w = shell.window
    select(w, "ssh")
    act(w, "start").trigger()
    qtbot.waitUntil(lambda: SSH.id in fake_engine.statuses, timeout=2000)
    act(w, "delete").trigger()
    box = find_top(qtbot, QMessageBox, "confirm_delete")
    assert "will be stopped first" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.wait(50)
    assert [s.name for s in stored(settings)] == ["web", "ssh"]

    act(w, "delete").trigger()
    box = find_top(qtbot, QMessageBox, "confirm_delete")
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: [s.name for s in stored(settings)] == ["web"], timeout=2000)
    assert SSH.id not in fake_engine.statuses
    assert fake_engine.calls.index(f"stop {SSH.id}") > 0


def test_duplicate_gets_new_id_and_unique_name(qtbot, shell, settings) -> None:
    site = TunnelSpec.new("site", TunnelKind.SERVER, target_port=8080)  # listens nowhere
    assert shell.controller.add(site)
    select(shell.window, "site")
    act(shell.window, "duplicate").trigger()
    specs = stored(settings)
    assert [s.name for s in specs] == ["web", "ssh", "site", "site (copy)"]
    assert specs[3].id != site.id and specs[3].target_port == site.target_port


def test_duplicate_of_a_listening_tunnel_opens_the_editor_on_the_clash(
        qtbot, shell, settings) -> None:
    client = TunnelSpec.new("irc", TunnelKind.CLIENT, listen_port=16668,
                            destination=B32)
    assert shell.controller.add(client)
    select(shell.window, "irc")
    act(shell.window, "duplicate").trigger()
    editor = find_top(qtbot, TunnelEditor, "tunnel_editor")
    assert "irc" in editor.errors["listen_port"]  # the copy would take irc's port
    assert not editor.save_button.isEnabled()
    assert [s.name for s in stored(settings)] == ["web", "ssh", "irc"]  # nothing added yet
    editor.listen_port.setText("16669")
    assert editor.save_button.isEnabled()
    editor.save_button.click()
    qtbot.waitUntil(lambda: [s.name for s in stored(settings)][-1] == "irc (copy)", timeout=2000)
    assert stored(settings)[-1].listen_port == 16669


def test_start_all_stop_all_and_failures_are_shown(qtbot, shell, fake_engine) -> None:
    w = shell.window
    fake_engine.fail_start[SSH.id] = ListenError("127.0.0.1:18022: address already in use")
    act(w, "start_all").trigger()
    qtbot.waitUntil(lambda: shell.controller.is_active(WEB.id), timeout=2000)
    qtbot.waitUntil(lambda: "address already in use" in w.statusBar().currentMessage(),
                    timeout=2000)
    assert shell.controller.model.state_of(SSH.id) is TunnelState.ERROR
    shell.bridge.wake()  # later samples do not list it (the engine dropped it): Error stays
    qtbot.wait(300)
    assert shell.controller.model.state_of(SSH.id) is TunnelState.ERROR
    assert "in use" in shell.controller.model.status_of(SSH.id).message
    table = w.findChild(QTableView, "tunnel_table")
    states = {table.model().index(r, 0).data(): table.model().index(r, 2).data()
              for r in range(2)}
    assert states == {"web": "Running", "ssh": "Error"}
    act(w, "stop_all").trigger()
    qtbot.waitUntil(lambda: not fake_engine.statuses, timeout=2000)
    assert not act(w, "stop_all").isEnabled()


def test_connection_table_follows_selection_and_closes(qtbot, shell, fake_engine) -> None:
    w = shell.window
    select(w, "web")
    act(w, "start").trigger()
    qtbot.waitUntil(lambda: WEB.id in fake_engine.statuses, timeout=2000)
    ids = fake_engine.add_connections(WEB.id, 3)
    fake_engine.bump(1000)
    table = w.findChild(QTableView, "connection_table")
    qtbot.waitUntil(lambda: table.model().rowCount() == 3, timeout=3000)
    assert "3 open connections" in w.findChild(QLabel, "connection_count").text()
    table.selectRow(0)
    victim = table.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 2)
    assert victim in ids
    act(w, "close_connection").trigger()
    qtbot.waitUntil(lambda: victim not in fake_engine.connections, timeout=2000)
    select(w, "ssh")
    qtbot.waitUntil(lambda: table.model().rowCount() == 0, timeout=2000)


def test_sam_status_in_status_bar(qtbot, shell) -> None:
    label = shell.window.findChild(QLabel, "sam_status")
    qtbot.waitUntil(lambda: "not reachable" in label.text(), timeout=3000)


def test_corrupt_entry_is_reported_and_good_tunnels_kept(qtbot, qloop, settings_path,
                                                         fake_engine) -> None:
    Settings.open(settings_path).save_tunnels([WEB])
    text = settings_path.read_text()
    settings_path.write_text(text.replace("size=1", "size=2") +
                             "2\\spec={not json\n" if "size=1" in text else text)
    sh = build_shell(Settings.open(settings_path), fake_engine, tray_available=False)
    qtbot.addWidget(sh.window)
    assert [s.name for s in sh.controller.specs()] == ["web"]
    # the hand edit breaks the entries' checksum: reported too, before the bad entry
    assert [p.index for p in sh.problems] == [0, 2]
    assert "damaged" in str(sh.problems[0]) and "JSON" in str(sh.problems[1])


def test_file_menu_opens_import_and_export(qtbot, shell) -> None:
    from PySide6.QtWidgets import QDialog

    act(shell.window, "import").trigger()
    dlg = find_top(qtbot, QDialog, "import_dialog")
    dlg.reject()
    act(shell.window, "export").trigger()
    dlg = find_top(qtbot, QDialog, "export_dialog")
    dlg.reject()


def test_status_bar_shows_reachable_router_and_version(qtbot, shell) -> None:
    from i2ptunnel_gui.core.sam.probe import SamStatus

    label = shell.window.findChild(QLabel, "sam_status")
    shell.window.show_sam_status(SamStatus("127.0.0.1:7656", True, "3.1", "", 0.0))
    assert label.text() == "SAM 127.0.0.1:7656: reachable, version 3.1"
    shell.window.show_sam_status(SamStatus("127.0.0.1:7656", False, "", "refused", 0.0))
    assert "not reachable" in label.text() and label.toolTip() == "refused"


def test_unhandled_exception_is_shown_not_lost(qtbot) -> None:
    from i2ptunnel_gui.ui import app as app_module

    try:
        raise RuntimeError("slot blew up")
    except RuntimeError as e:
        app_module._excepthook(type(e), e, e.__traceback__)
    box = find_top(qtbot, QMessageBox, "unexpected_error")
    assert "slot blew up" in box.text() and "Traceback" in box.detailedText()
    box.close()


def test_new_identity_deletes_the_key_and_forgets_the_address(qtbot, qloop, settings, tmp_path):
    """'New identity' (confirmed in the editor) deletes the key store's file for the
    tunnel and stops showing the old b32: the next start has a new address."""
    from fake_engine import FakeEngine
    from PySide6.QtWidgets import QToolButton

    from i2ptunnel_gui.core.keystore import KeyStore
    from i2ptunnel_gui.core.status import TunnelStatus

    store = KeyStore(tmp_path / "keys")
    blog = TunnelSpec(name="blog", kind=TunnelKind.SERVER, target_port=8080)
    key = store.key_path(blog)
    store.root.mkdir(mode=0o700, parents=True, exist_ok=True)
    key.write_bytes(b"k" * 679)
    key.chmod(0o600)
    settings.save_tunnels([blog])
    settings.keys_dir = store.root  # the app's key store is the settings' keys folder
    settings.sync()
    engine = FakeEngine()
    engine.start()
    sh = build_shell(Settings.open(settings.path), engine, tray_available=False)
    qtbot.addWidget(sh.window)
    sh.bridge.start()
    try:
        select(sh.window, "blog")
        b32 = "a" * 52 + ".b32.i2p"
        sh.window.details.set_status(TunnelStatus(
            id=blog.id, name="blog", kind="server", state=TunnelState.STOPPED, i2p_address=b32))
        assert sh.window.details.findChild(QLineEdit, "b32_address").text() == b32
        sh.window._on_saved(blog.replace(key_file=""), True)  # what the editor emits on Yes
        assert not key.exists()
        assert sh.window.details.findChild(QLineEdit, "b32_address").text() == ""
        assert not sh.window.details.findChild(QToolButton, "copy_b32").isEnabled()
    finally:
        run_async(qtbot, qloop, sh.bridge.aclose())
        engine.shutdown()
