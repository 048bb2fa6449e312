"""ui/theme.py: the colour sets meet AA, and a light/dark switch at run time reaches every view."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget
from samples import SSH, WEB, feed

from i2ptunnel_gui.core.status import TunnelEvent, TunnelState
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.connection_model import ConnectionTableModel
from i2ptunnel_gui.ui.details import DetailsPanel
from i2ptunnel_gui.ui.import_dialog import ImportDialog
from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel

DATA = Path(__file__).resolve().parents[1] / "data"
# the backgrounds each set must stay readable on: light and dark Fusion, Breeze, Adwaita,
# Windows, and our dark palette; each set's text colours must reach AA on all of its own
LIGHT_BACKGROUNDS = ("#ffffff", "#f7f7f7", "#efefef", "#eff0f1", "#fafafa", "#e6e6e6")
DARK_BACKGROUNDS = ("#1e1e1e", "#262626", "#2d2d2d", "#202326", "#141618", "#242424",
                    "#353535", "#404040")


@pytest.fixture
def light(qapp: QApplication) -> Iterator[QApplication]:
    before = qapp.palette()
    switch(qapp, qapp.style().standardPalette())
    assert not theme.current().dark
    yield qapp
    switch(qapp, before)


def switch(app: QApplication, palette: QPalette) -> None:
    """Set the application palette as a system switch would; widgets hear of it from the loop."""
    app.setPalette(palette)
    app.processEvents()


def _open_row(cid: int) -> tuple:
    return (cid, f"127.0.0.1:{50000 + cid}", "out", 1000.0, 0, 0, "open", None)


def _texts(scheme: theme.Scheme) -> dict[str, QColor]:
    named = {f"state {s.value}": c for s, c in scheme.states.items()}
    return {"error": scheme.error, "warning": scheme.warning, "success": scheme.success,
            "muted": scheme.muted, **named}


@pytest.mark.parametrize(("scheme", "backgrounds"), [(theme.LIGHT, LIGHT_BACKGROUNDS),
                                                     (theme.DARK, DARK_BACKGROUNDS)])
def test_every_text_colour_meets_aa_on_its_backgrounds(scheme, backgrounds) -> None:
    low = [(name, bg, round(theme.contrast_ratio(c, QColor(bg)), 2))
           for name, c in _texts(scheme).items() for bg in backgrounds
           if theme.contrast_ratio(c, QColor(bg)) < theme.AA_CONTRAST]
    assert low == []
    # the tinted backgrounds, with the text drawn on them
    text = QColor("#000000") if not scheme.dark else QColor("#e8e8e8")
    assert theme.contrast_ratio(text, scheme.new_row) >= theme.AA_CONTRAST
    assert theme.contrast_ratio(text, scheme.error_row) >= theme.AA_CONTRAST
    assert theme.contrast_ratio(scheme.warning_box_text, scheme.warning_box) >= theme.AA_CONTRAST


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert theme.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, 0.01)
    assert theme.contrast_ratio(QColor("#8a5300"), QColor("#2d2d2d")) < 3  # the old warning


def test_dark_palette_is_dark_and_the_standard_one_is_not(qapp) -> None:
    assert theme.is_dark(theme.dark_palette())
    assert not theme.is_dark(qapp.style().standardPalette())


def _colour_changes(model) -> list[tuple[int, int, int, int, list]]:
    changes: list[tuple[int, int, int, int, list]] = []

    def seen(top: QModelIndex, bottom: QModelIndex, roles: list) -> None:
        changes.append((top.row(), top.column(), bottom.row(), bottom.column(), list(roles)))

    model.dataChanged.connect(seen)
    return changes


def test_switch_to_dark_and_back_reaches_models_labels_and_log(qtbot, light) -> None:
    tunnels = TunnelTableModel()
    tunnels.set_specs([WEB, SSH])
    tunnels.set_state(WEB.id, TunnelState.RUNNING)
    conns = ConnectionTableModel(clock=lambda: 0.0)
    conns.set_tunnel("t")
    feed(conns, (_open_row(1),), 0.0)
    label = QLabel("bad port")
    theme.tint(label, theme.Tint.ERROR)
    panel = DetailsPanel()
    qtbot.addWidget(label)
    qtbot.addWidget(panel)
    panel.set_spec(WEB)
    panel.append_event(TunnelEvent(WEB.id, TunnelState.ERROR, "boom", time.time(), "error"))
    state = tunnels.index(0, tunnels.COL_STATE)
    assert state.data(Qt.ItemDataRole.ForegroundRole) == theme.LIGHT.states[TunnelState.RUNNING]
    assert conns.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == theme.LIGHT.new_row
    tunnel_changes, conn_changes = _colour_changes(tunnels), _colour_changes(conns)

    switch(light, theme.dark_palette())  # what a system switch to dark does

    roles = [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole]
    last = tunnels.COL_STATE
    assert tunnel_changes == [(0, last, 1, last, roles)]  # one signal, state column only
    assert conn_changes == [(0, 0, 0, conns.columnCount() - 1, roles)]
    assert state.data(Qt.ItemDataRole.ForegroundRole) == theme.DARK.states[TunnelState.RUNNING]
    assert conns.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == theme.DARK.new_row
    assert theme.DARK.error.name() in label.styleSheet()
    log_colour = panel.log.document().begin().begin().fragment().charFormat().foreground()
    assert log_colour.color() == theme.DARK.error

    switch(light, light.style().standardPalette())  # and back
    assert len(tunnel_changes) == 2
    assert theme.LIGHT.error.name() in label.styleSheet()


def test_import_preview_rows_follow_the_switch(qtbot, light, tmp_path) -> None:
    dialog = ImportDialog([], tmp_path / "keys")
    qtbot.addWidget(dialog)
    dialog.set_path(DATA / "bad" / "badport.conf")
    table = dialog.findChild(QTableWidget, "import_table")
    error = table.item(1, 0)
    assert error.data(Qt.ItemDataRole.UserRole) == "error"
    assert error.background().color() == theme.LIGHT.error_row
    switch(light, theme.dark_palette())
    try:
        assert table.item(1, 0).background().color() == theme.DARK.error_row
        assert table.item(0, 0).background().style() == Qt.BrushStyle.NoBrush  # "Add" rows
    finally:
        switch(light, light.style().standardPalette())


def test_a_palette_change_within_light_or_dark_says_nothing(qtbot, light) -> None:
    tunnels = TunnelTableModel()
    tunnels.set_specs([WEB])
    changes = _colour_changes(tunnels)
    other = QPalette(light.palette())
    other.setColor(QPalette.ColorRole.Window, QColor("#fafafa"))
    switch(light, other)
    assert changes == []


def test_system_colour_scheme_signal_rechecks(qtbot, light, monkeypatch) -> None:
    """Some platforms announce the switch before the palette follows: re-read then too."""
    watcher = theme.watcher()
    with qtbot.waitSignal(watcher.changed, timeout=1000):
        monkeypatch.setattr(theme, "is_dark", lambda _palette: True)
        light.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current() is theme.DARK
    monkeypatch.undo()
    light.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.current() is theme.LIGHT


def test_tint_none_gives_the_palette_colour_back(qtbot, light) -> None:
    label = QLabel("ok")
    qtbot.addWidget(label)
    theme.tint(label, theme.Tint.SUCCESS)
    theme.tint(label, None)
    switch(light, theme.dark_palette())
    try:
        assert label.styleSheet() == ""  # not restyled: it follows the palette by itself
    finally:
        switch(light, light.style().standardPalette())
