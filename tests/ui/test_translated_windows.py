"""The app in German and Russian (offscreen): the main window, the details panel and the
editor show translated texts, none left in English, none cut off; the preference."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)
from samples import WEB
from translation_files import TRANSLATED, forms, read_ts, ts_path

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.settings import Settings
from i2ptunnel_gui.ui import translations
from i2ptunnel_gui.ui.app import Shell
from i2ptunnel_gui.ui.compact_toolbar import CompactToolBar
from i2ptunnel_gui.ui.connection_model import ConnectionTableModel
from i2ptunnel_gui.ui.preferences import AppPreferences, PreferencesDialog

SITE = TunnelSpec(name="site", kind=TunnelKind.HTTP_SERVER, target_port=8080)


@pytest.fixture(params=TRANSLATED)
def language(request: pytest.FixtureRequest, qapp: QApplication,
             catalogues: Path) -> Iterator[str]:
    assert translations.install(qapp, request.param, directory=catalogues) == request.param
    yield request.param
    translations.install(qapp, "en", directory=catalogues)


@pytest.fixture
def shell(language: str, shell: Shell) -> Shell:
    """conftest's app, built after the language is installed (as app.run() does)."""
    return shell


def english_left(language: str) -> set[str]:
    """Source texts whose translation differs: seeing one on screen means a miss."""
    left = set()
    for (_context, source), message in read_ts(ts_path(language)).items():
        if message.get("numerus") != "yes" and forms(message) != [source]:
            left.add(source)
    return left


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a user can see in `top` and its visible children."""
    found = [("window title", top.windowTitle())]
    widgets = [w for w in top.findChildren(QWidget) if w.isVisibleTo(top)]
    for w in widgets:
        where = f"{type(w).__name__} {w.objectName()!r}"
        if isinstance(w, QLabel | QAbstractButton):
            found.append((where, w.text()))
        if isinstance(w, QGroupBox):
            found.append((where, w.title()))
        if isinstance(w, QLineEdit):
            found.append((where + " placeholder", w.placeholderText()))
        if isinstance(w, QTabWidget):
            found += [(where + " tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            found += [(where + " header", str(model.headerData(c, Qt.Orientation.Horizontal)))
                      for c in range(model.columnCount())]
        found += [(where + " tooltip", w.toolTip())]
    for bar in top.findChildren(QToolBar):
        found += [("toolbar action", a.text()) for a in bar.actions() if a.text()]
    return [(where, text) for where, text in found if text]


def assert_translated(top: QWidget, language: str) -> None:
    left = english_left(language)
    missed = [f"{where}: {text!r}" for where, text in visible_texts(top) if text in left]
    assert not missed, f"English left in the {language} UI:\n" + "\n".join(missed)


def assert_no_label_cut_off(top: QWidget) -> None:
    """Labels and check boxes get the room their (longer, translated) text needs."""
    cut = []
    for w in top.findChildren(QLabel) + top.findChildren(QCheckBox):
        if not w.isVisibleTo(top) or not w.text():
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            if w.height() + 1 < w.heightForWidth(w.width()):
                cut.append(f"{w.objectName() or w.text()!r}: {w.height()} px tall, "
                           f"needs {w.heightForWidth(w.width())}")
        elif w.width() + 1 < w.minimumSizeHint().width():
            cut.append(f"{w.objectName() or w.text()!r}: {w.width()} px wide, "
                       f"needs {w.minimumSizeHint().width()}")
    assert not cut, "cut off:\n" + "\n".join(cut)


def assert_no_header_cut_off(top: QWidget) -> None:
    """Every column of every visible table is as wide as its (translated) title; not the
    stretched one, which takes what the window's width leaves."""
    cut = []
    for view in top.findChildren(QTableView):
        if not view.isVisibleTo(top) or view.model() is None:
            continue
        header = view.horizontalHeader()
        for col in range(view.model().columnCount()):
            if header.sectionResizeMode(col) is QHeaderView.ResizeMode.Stretch:
                continue
            title = str(view.model().headerData(col, Qt.Orientation.Horizontal))
            needs = header.fontMetrics().horizontalAdvance(title)
            if header.sectionSize(col) < needs + 8:  # the section's own margins
                cut.append(f"{view.objectName()} column {title!r}: "
                           f"{header.sectionSize(col)} px, the title needs {needs}")
    assert not cut, "cut off:\n" + "\n".join(cut)


def test_main_window_and_details(qtbot, shell: Shell, language: str) -> None:
    window = shell.window
    actions = {a.objectName(): a.text() for bar in window.findChildren(QToolBar)
               for a in bar.actions() if a.text()}
    assert actions, "no toolbar actions found"
    sources = {forms(m)[0]: s for (c, s), m in read_ts(ts_path(language)).items()
               if c == "MainWindow" and m.get("numerus") != "yes"}
    for name, text in actions.items():  # each is the catalogue's, not the English source
        assert text in sources, f"toolbar action {name}: {text!r} is not in the catalogue"
        assert text != sources[text], f"toolbar action {name} is still {text!r}"
    assert_translated(window, language)  # the Connections tab
    assert_no_label_cut_off(window)
    assert_no_header_cut_off(window)
    for spec in (WEB, SITE):  # a forward, and a server with address, key and policy
        if spec is SITE:
            shell.controller.add(SITE)
        window.select_tunnel(spec.id)
        window.tabs.setCurrentWidget(window.details)
        qtbot.waitUntil(window.details.isVisible)
        assert window.details.title.text() == spec.name  # the facts, not the empty note
        assert window.details.key_file.isVisibleTo(window) is (spec is SITE)
        assert_translated(window, language)
        assert_no_label_cut_off(window)


@pytest.mark.parametrize("kind", [TunnelKind.HTTP_SERVER, TunnelKind.CLIENT,
                                  TunnelKind.HTTP_PROXY])
def test_editor(qtbot, shell: Shell, language: str, kind: TunnelKind) -> None:
    editor = shell.window.open_editor(SITE if kind is TunnelKind.HTTP_SERVER else None, kind)
    qtbot.waitExposed(editor)
    assert editor.windowTitle() not in ("New tunnel", f"Edit tunnel “{SITE.name}”")
    assert_translated(editor, language)
    assert_no_label_cut_off(editor)
    qtbot.wait(100)
    page, viewport = editor.body.widget(), editor.body.viewport()
    assert page.width() <= viewport.width(), (
        f"the form is {page.width()} px wide in a {viewport.width()} px window: cut off")
    editor.reject()


def test_preferences_offer_each_language_in_its_own_name(qtbot, tmp_path: Path,
                                                         language: str) -> None:
    dialog = PreferencesDialog(AppPreferences(language="ru"), keys_dir=tmp_path / "keys")
    qtbot.addWidget(dialog)
    combo = dialog.language
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "de", "ru"]
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        "English", "Deutsch", "Русский"]
    assert combo.itemText(0) != "System default"  # translated like the rest
    assert dialog.value().language == "ru"
    combo.setCurrentIndex(0)
    assert dialog.value().language == translations.SYSTEM_DEFAULT


def test_language_setting_round_trips(tmp_path: Path) -> None:
    settings = Settings.open(tmp_path / "s.ini")
    assert settings.language == translations.SYSTEM_DEFAULT
    settings.language = "de"
    settings.sync()
    assert Settings.open(tmp_path / "s.ini").language == "de"


def test_connection_rows_say_direction_and_state_in_the_language(language: str) -> None:
    """The core sends 'in'/'out' and ConnState values; the table shows them translated."""
    from i2ptunnel_gui.core.live_rows import LiveRows, LiveSnapshot
    from i2ptunnel_gui.core.status import TunnelState, TunnelStatus

    words = {"de": ("aus", "offen"), "ru": ("выход", "открыто")}[language]
    model = ConnectionTableModel(clock=lambda: 0.0)
    model.set_tunnel("t")
    row = (1, "127.0.0.1:50001", "out", 0.0, 0, 0, "open", None)
    status = TunnelStatus(id="t", name="t", kind="forward", state=TunnelState.RUNNING)
    model.apply_snapshot(LiveSnapshot(0.0, (status,), rows={"t": LiveRows((row,), (1,), 0.0)}))
    assert (model.index(0, model.COL_DIR).data(), model.index(0, model.COL_STATE).data()) == words


def test_no_toolbar_action_hides_behind_the_overflow_arrow(qtbot, shell: Shell,
                                                           language: str) -> None:
    """Translated texts are longer: a window as wide as the screenshots' (1 180 px)
    shows every action, with texts where they fit and icons only where they do not."""
    window = shell.window
    bar = window.findChild(CompactToolBar, "tunnel_toolbar")
    for width in (1180, 1600):
        window.resize(width, 720)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=2000)
        QApplication.processEvents()
        arrow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert arrow is None or not arrow.isVisible(), f"{width} px: actions hidden"
        shown = [a for a in bar.actions() if not a.isSeparator()]
        assert all(bar.widgetForAction(a).isVisible() for a in shown)
    assert not bar.compact  # 1 600 px: room for every text
    window.resize(1180, 720)
    qtbot.waitUntil(lambda: window.width() == 1180, timeout=2000)
    assert bar.compact is (language == "ru")  # Russian texts need ~1 210 px, German ~1 020
