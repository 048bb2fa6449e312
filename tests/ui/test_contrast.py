"""Every text the app draws is readable: WCAG AA (4.5:1) in a light and a dark palette.

Renders the main window (tunnels in every state, open, new and closed connection rows,
the details panel with its log) and the editor (server and client, Advanced open, with
an error and a warning shown), then walks every visible label, check box, table cell
and log line, takes the colour its text is drawn in and the background it is drawn on
(the nearest widget that paints one: a style sheet background, an auto-filled widget,
the window), and fails on any pair under 4.5:1. Disabled controls are exempt (WCAG 1.4.3).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from editor_driver import B32, make, refuse_exec
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QWidget,
)
from samples import WEB

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelEvent, TunnelState
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.tunnel_states import SHOWN_STATES

_ACTIVE = QPalette.ColorGroup.Active


def switch(app: QApplication, palette: QPalette) -> None:
    """Set the application palette; widgets hear of it from the event loop."""
    app.setPalette(palette)
    app.processEvents()


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp: QApplication) -> Iterator[str]:
    before = qapp.palette()
    switch(qapp, theme.dark_palette() if request.param == "dark"
                    else qapp.style().standardPalette())
    assert theme.current().dark == (request.param == "dark")
    yield request.param
    switch(qapp, before)


# -- the walk -------------------------------------------------------------------------------
def background(widget: QWidget) -> QColor:
    """The colour behind `widget`'s text: the nearest ancestor that paints a background."""
    w: QWidget | None = widget
    while w is not None:
        if w.isWindow() or w.autoFillBackground() or "background" in w.styleSheet():
            return w.palette().color(_ACTIVE, w.backgroundRole())
        w = w.parentWidget()
    raise AssertionError("no window behind the widget")


def describe(widget: QWidget, text: str) -> str:
    return f"{type(widget).__name__} {widget.objectName() or '(unnamed)'} “{text[:40]}”"


def check(found: list[str], what: str, fg: QColor, bg: QColor) -> float:
    ratio = theme.contrast_ratio(fg, bg)
    if ratio < theme.AA_CONTRAST:
        found.append(f"{what}: {fg.name()} on {bg.name()} = {ratio:.2f}:1")
    return ratio


def label_problems(root: QWidget, seen: list[str]) -> list[str]:
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if not isinstance(widget, QLabel | QCheckBox | QRadioButton):
            continue
        text = widget.text()
        if not text.strip():
            continue
        widget.ensurePolished()
        bg = background(widget)
        fg = widget.palette().color(_ACTIVE, widget.foregroundRole())
        check(found, describe(widget, text), fg, bg)
        if isinstance(widget, QLabel) and "<a " in text:  # links are drawn in Link
            check(found, describe(widget, text) + " link",
                  widget.palette().color(_ACTIVE, QPalette.ColorRole.Link), bg)
        seen.append(fg.name())
    return found


def table_problems(view: QTableView) -> list[str]:
    found: list[str] = []
    model = view.model()
    pal = view.palette()
    selected = {i.row() for i in view.selectionModel().selectedRows()}
    for row in range(model.rowCount()):
        if not view.visualRect(model.index(row, 0)).intersects(view.viewport().rect()):
            continue
        for col in range(model.columnCount()):
            index = model.index(row, col)
            text = index.data()
            if view.isColumnHidden(col) or not text:
                continue
            if row in selected:
                # drawn in the platform's HighlightedText on Highlight, whatever the model
                # says (Fusion's own light pair is 3.7:1): the system's choice, not ours
                continue
            fg = _colour(index, Qt.ItemDataRole.ForegroundRole) or pal.color(
                _ACTIVE, QPalette.ColorRole.Text)
            alternate = view.alternatingRowColors() and row % 2
            bg = _colour(index, Qt.ItemDataRole.BackgroundRole) or pal.color(
                _ACTIVE, QPalette.ColorRole.AlternateBase if alternate
                else QPalette.ColorRole.Base)
            check(found, f"{view.objectName()} row {row} col {col} “{text}”", fg, bg)
    return found


def _colour(index: QModelIndex, role: Qt.ItemDataRole) -> QColor | None:
    value = index.data(role)
    if value is None:
        return None
    return value.color() if hasattr(value, "color") else QColor(value)


def log_problems(log: QPlainTextEdit) -> list[str]:
    found: list[str] = []
    pal = log.palette()
    block = log.document().begin()
    while block.isValid():
        fmt = block.begin().fragment().charFormat() if block.length() > 1 else None
        brush = fmt.foreground() if fmt is not None else None
        fg = (brush.color() if brush is not None and brush.style() != Qt.BrushStyle.NoBrush
              else pal.color(_ACTIVE, QPalette.ColorRole.Text))
        check(found, f"log “{block.text()[:50]}”", fg, pal.color(_ACTIVE, QPalette.ColorRole.Base))
        block = block.next()
    return found


# -- what is rendered ----------------------------------------------------------------------
def main_window_with_everything(qtbot, shell, fake_engine) -> QWidget:
    w = shell.window
    model = shell.controller.model
    table = w.findChild(QTableView, "tunnel_table")
    rows = [r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == "web"]
    table.selectRow(rows[0])
    w.start_action.trigger()
    qtbot.waitUntil(lambda: WEB.id in fake_engine.statuses, timeout=2000)
    ids = fake_engine.add_connections(WEB.id, 4)
    fake_engine.bump(1000)
    connections = w.findChild(QTableView, "connection_table")
    qtbot.waitUntil(lambda: connections.model().rowCount() == 4, timeout=3000)
    del fake_engine.connections[ids[0]]  # closed: a grey row
    fake_engine.bump(10)
    qtbot.waitUntil(lambda: any(
        connections.model().index(r, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
        for r in range(connections.model().rowCount())), timeout=3000)
    now = time.time()
    for level, state in (("info", TunnelState.RUNNING), ("warning", TunnelState.DEGRADED),
                         ("error", TunnelState.ERROR)):
        w.details.append_event(TunnelEvent(WEB.id, state, f"a {level} line", now, level))
    # one row per state, set last: the engine's next sample resets tunnels it does not run
    for state in SHOWN_STATES:  # one row per state (the engine never saw these)
        spec = TunnelSpec(name=f"{state.value} one", kind=TunnelKind.SERVER, target_port=80)
        model.add_spec(spec)
        model.set_state(spec.id, state, f"{state.value} message")
    return w


def test_main_window_and_details_are_readable(qtbot, shell, fake_engine, palette) -> None:
    w = main_window_with_everything(qtbot, shell, fake_engine)
    w.resize(1000, 1000)  # every tunnel row on screen
    tunnels = w.findChild(QTableView, "tunnel_table")
    shown = {tunnels.model().index(r, 2).data() for r in range(tunnels.model().rowCount())}
    assert len(shown) == len(SHOWN_STATES)
    problems = table_problems(tunnels)
    w.tabs.setCurrentWidget(w.connection_table.parentWidget())
    connections = w.findChild(QTableView, "connection_table")
    problems += table_problems(connections)
    looks = {connections.model().cell(r, 0)[2] for r in range(connections.model().rowCount())}
    assert len(looks) >= 2, "closed (grey) and new (highlighted) rows are both checked"
    seen: list[str] = []
    problems += label_problems(w, seen)
    w.tabs.setCurrentWidget(w.details)
    problems += label_problems(w, seen)
    problems += log_problems(w.details.log)
    assert len(seen) > 8 and w.details.log.blockCount() >= 3
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("kind", [TunnelKind.HTTP_SERVER, TunnelKind.CLIENT])
def test_editor_with_messages_is_readable(qtbot, monkeypatch, palette, kind) -> None:
    refuse_exec(monkeypatch)
    spec = TunnelSpec(name="shown", kind=kind, listen_host="0.0.0.0", allow_public_bind=True,
                      listen_port=4444, target_port=0, destination=B32,
                      options=(("i2cp.bad", "x y"),))
    dlg = make(qtbot, spec=spec, kind=kind)
    dlg.advanced_toggle.setChecked(True)
    qtbot.wait(20)
    shown = [lbl for lbl in dlg.findChildren(QLabel) if lbl.isVisible() and lbl.styleSheet()]
    assert shown, "the editor shows an error or warning for this spec"
    seen: list[str] = []
    assert label_problems(dlg, seen) == []
    assert any(b.isVisible() for b in dlg.findChildren(QAbstractButton))


def test_the_walk_fails_on_the_old_warning_colour_on_dark(qtbot, qapp) -> None:
    """The proof the check can fail: #8a5300 (the old warning text) on a dark window."""
    before = qapp.palette()
    switch(qapp, theme.dark_palette())
    try:
        root = QWidget()
        qtbot.addWidget(root)
        planted = QLabel("Private: do not share", root)
        planted.setStyleSheet("color: #8a5300;")
        root.show()
        qtbot.waitExposed(root)
        problems = label_problems(root, [])
        assert len(problems) == 1 and "#8a5300 on #2d2d2d" in problems[0]
        theme.tint(planted, theme.Tint.WARNING)  # the same label, coloured by the theme
        assert label_problems(root, []) == []
    finally:
        switch(qapp, before)
