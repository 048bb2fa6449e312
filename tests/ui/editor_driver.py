"""Drive the tunnel editor like a user: find widgets by objectName, type, click."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QPushButton, QWidget

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.editor import TunnelEditor

B32 = "ukeu3k5oycgaauneqgtnvselmt4yemvoilkln7jpvamvfx7dnkdq.b32.i2p"


def make(qtbot, spec=None, kind=TunnelKind.FORWARD, others=()) -> TunnelEditor:
    """The editor for `spec` (None: a new tunnel); `others` are the app's tunnels."""
    dlg = TunnelEditor(spec, kind, others, None)
    qtbot.addWidget(dlg)
    dlg.open()
    qtbot.waitExposed(dlg)
    return dlg


def servers(*names: str) -> list[TunnelSpec]:
    """App tunnels that only take names (a server listens on no local port)."""
    return [TunnelSpec(name=n, kind=TunnelKind.SERVER, target_port=80) for n in names]


def w(dlg: QWidget, name: str, cls: type = QWidget):
    found = dlg.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def type_into(qtbot, dlg, name: str, text: str) -> None:
    edit = w(dlg, name, QLineEdit)
    edit.clear()
    qtbot.keyClicks(edit, text)


def save_button(dlg) -> QPushButton:
    return w(dlg, "save", QPushButton)


def fill_forward(qtbot, dlg) -> None:
    type_into(qtbot, dlg, "name", "web")
    type_into(qtbot, dlg, "listen_port", "8080")
    type_into(qtbot, dlg, "target_host", "example.org")
    type_into(qtbot, dlg, "target_port", "80")


def fill_good(qtbot, dlg, kind: TunnelKind) -> None:
    type_into(qtbot, dlg, "name", "good")
    if kind is not TunnelKind.SERVER:
        type_into(qtbot, dlg, "listen_host", "127.0.0.1")
        type_into(qtbot, dlg, "listen_port", "8080")
    if kind is not TunnelKind.CLIENT:
        type_into(qtbot, dlg, "target_host", "localhost")
        type_into(qtbot, dlg, "target_port", "80")
    else:
        type_into(qtbot, dlg, "destination", B32)


def refuse_exec(monkeypatch) -> None:
    """exec() would nest an event loop, which breaks qasync: the editor must only open()."""

    def refuse(*_a, **_k):
        raise AssertionError("exec() called: use open()")

    for cls in (QDialog, QMessageBox):
        monkeypatch.setattr(cls, "exec", refuse)
