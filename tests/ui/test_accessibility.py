"""Keyboard and screen-reader use: every control has a name, Tab follows what the eye reads,
and New… starts in the name field.

Names are read the way a screen reader gets them (QAccessible: the accessible name, a
label's buddy, or the control's own text); a control whose only name would be an
empty string fails. Tab order is checked by pressing Tab: each next control must come
after the previous one in reading order (further down, or further right on the same row).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from editor_driver import B32, make, refuse_exec
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from i2ptunnel_gui.core.router.prefs import RouterPrefs
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.editor import TunnelEditor
from i2ptunnel_gui.ui.preferences import AppPreferences, PreferencesDialog


def focusable(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None]


def accessible_name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName() or '(unnamed)'} in "
            f"{type(w.parentWidget()).__name__} {w.parentWidget().objectName()}"
            for w in focusable(root) if not accessible_name(w)]


def tab_chain(first: QWidget, limit: int = 200) -> list[QWidget]:
    """The controls pressing Tab visits from `first`, once round."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [first]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None or widget is first or widget in chain:
            break
        chain.append(widget)
    return chain


def out_of_order(root: QWidget, chain: list[QWidget]) -> list[str]:
    """Steps that go back up (beyond the same row), against reading order."""
    def place(w: QWidget) -> QPoint:
        return w.mapTo(root, QPoint(0, 0))

    wrong = []
    for a, b in itertools.pairwise(chain):
        pa, pb = place(a), place(b)
        same_row = abs(pa.y() - pb.y()) < min(a.height(), b.height()) // 2 + 1
        if (same_row and pb.x() < pa.x()) or (not same_row and pb.y() < pa.y()):
            wrong.append(f"{a.objectName() or type(a).__name__} {pa.toTuple()} -> "
                         f"{b.objectName() or type(b).__name__} {pb.toTuple()}")
    return wrong


@pytest.fixture(autouse=True)
def no_nested_loops(monkeypatch):
    refuse_exec(monkeypatch)


EDITED = {
    TunnelKind.HTTP_SERVER: TunnelSpec(name="site", kind=TunnelKind.HTTP_SERVER, target_port=8080,
                                       options=(("i2cp.leaseSetType", "3"),)),
    TunnelKind.CLIENT: TunnelSpec(name="peer", kind=TunnelKind.CLIENT, listen_port=8081,
                                  destination=B32, options=(("i2cp.leaseSetType", "3"),)),
    TunnelKind.FORWARD: TunnelSpec(name="fwd", kind=TunnelKind.FORWARD, listen_port=8082,
                                   target_port=80),
}


@pytest.mark.parametrize("kind", list(EDITED))
def test_every_editor_control_has_a_name(qtbot, kind) -> None:
    dlg = make(qtbot, spec=EDITED[kind], kind=kind)
    dlg.advanced_toggle.setChecked(True)
    dlg.resize(dlg.width(), 3000)  # nothing scrolled away
    qtbot.wait(10)
    assert len(focusable(dlg)) > 10
    assert unnamed(dlg) == []


@pytest.mark.parametrize("kind", list(EDITED))
def test_editor_tab_order_follows_the_form(qtbot, kind) -> None:
    dlg = make(qtbot, spec=EDITED[kind], kind=kind)
    dlg.advanced_toggle.setChecked(True)
    dlg.resize(dlg.width(), 3000)
    qtbot.wait(10)
    chain = tab_chain(dlg.kind)
    assert set(chain) == set(focusable(dlg)), "Tab reaches every control, once"
    assert out_of_order(dlg.body.widget(), [w for w in chain if dlg.body.isAncestorOf(w)]) == []
    assert chain[-2:] == [dlg.save_button, dlg.findChild(QAbstractButton, "cancel")] or \
        chain[-2:] == [dlg.findChild(QAbstractButton, "cancel"), dlg.save_button]


def test_main_window_controls_have_names_and_tab_in_order(qtbot, shell) -> None:
    w = shell.window
    for page in range(w.tabs.count()):
        w.tabs.setCurrentIndex(page)
        qtbot.wait(10)
        assert unnamed(w) == [], f"tab {page}"
    w.tabs.setCurrentWidget(w.details)
    w.tunnel_table.selectRow(0)
    qtbot.wait(10)
    assert unnamed(w) == []
    assert accessible_name(w.details.qr_code)  # not focusable, but a picture needs a name
    for table in (w.tunnel_table, w.connection_table):
        assert table.accessibleDescription() and not table.tabKeyNavigation()
    chain = tab_chain(w.tunnel_table)
    assert chain[:2] == [w.tunnel_table, w.tabs.tabBar()]
    assert out_of_order(w.details, [c for c in chain if w.details.isAncestorOf(c)]) == []


def test_preferences_controls_have_names(qtbot, tmp_path: Path) -> None:
    dialog = PreferencesDialog(AppPreferences(router=RouterPrefs()), keys_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tabs = dialog.findChild(QWidget, "preference_tabs")
    for page in range(tabs.count()):
        tabs.setCurrentIndex(page)
        qtbot.wait(10)
        assert unnamed(dialog) == [], f"tab {page}"
    dialog.router_form.managed.setChecked(True)
    qtbot.wait(10)
    tabs.setCurrentIndex(0)
    assert unnamed(dialog) == []


def test_new_puts_the_focus_in_the_name_field(qtbot, shell) -> None:
    shell.window.new_action.trigger()
    editors: list[TunnelEditor] = []
    qtbot.waitUntil(lambda: _found(editors), timeout=3000)
    editor = editors[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.name, timeout=3000)
    editor.reject()


def _found(into: list[TunnelEditor]) -> bool:
    into[:] = [e for e in QApplication.topLevelWidgets()
               if isinstance(e, TunnelEditor) and e.isVisible()]
    return bool(into)
