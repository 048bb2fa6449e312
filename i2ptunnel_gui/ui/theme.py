"""Semantic colours (states, errors, warnings, closed rows) for a light or dark palette.

Every colour that means something comes from here: `current()` picks the light or
dark set from the application palette (the window colour's lightness: what is really
drawn, also when the palette was set by hand rather than by the system), and each
text colour meets WCAG AA (4.5:1) against the usual backgrounds of its set (white to
#e6e6e6 for light palettes, #1e1e1e to #404040 for dark ones; tests/ui/test_contrast.py
measures the rendered widgets).

When the system switches between light and dark at run time, `watcher().changed`
fires once: models emit dataChanged for their colour roles, and labels coloured with
`tint()` are restyled here, so nobody keeps a stale colour.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from enum import Enum

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from i2ptunnel_gui.core.status import TunnelState

AA_CONTRAST = 4.5  # WCAG 2.x AA for normal-size text


class Tint(Enum):
    """What a label's colour says; `tint()` maps it to this palette's colour."""

    ERROR = "error"
    WARNING = "warning"
    SUCCESS = "success"
    WARNING_BOX = "warning_box"  # a warning on its own tinted background


@dataclasses.dataclass(frozen=True)
class Scheme:
    dark: bool
    error: QColor
    warning: QColor
    success: QColor
    muted: QColor  # closed connections, skipped import rows
    new_row: QColor  # background of just-opened connections (text stays the palette's)
    error_row: QColor  # background of import rows that cannot be imported
    warning_box_text: QColor
    warning_box: QColor  # its background
    states: Mapping[TunnelState, QColor]

    def state(self, state: TunnelState) -> QColor:
        return self.states[state]

    def style_sheet(self, tint: Tint) -> str:
        if tint is Tint.WARNING_BOX:
            return (f"color: {self.warning_box_text.name()}; "
                    f"background: {self.warning_box.name()}; border-radius: 3px; padding: 3px;")
        colour: QColor = getattr(self, tint.value)
        return f"color: {colour.name()};"


LIGHT = Scheme(
    dark=False,
    error=QColor("#b71c1c"),
    warning=QColor("#8a5300"),
    success=QColor("#1b5e20"),
    muted=QColor("#616161"),
    new_row=QColor("#fff3b0"),
    error_row=QColor("#ffdcdc"),
    warning_box_text=QColor("#7a4900"),
    warning_box=QColor("#fff4d6"),
    states={
        TunnelState.STOPPED: QColor("#616161"),
        TunnelState.STANDBY: QColor("#46648c"),
        TunnelState.STARTING: QColor("#1565c0"),
        TunnelState.RUNNING: QColor("#1b6e30"),
        TunnelState.DEGRADED: QColor("#9a4f0e"),
        TunnelState.RECONNECTING: QColor("#8f5b00"),
        TunnelState.ERROR: QColor("#b71c1c"),
    },
)
DARK = Scheme(
    dark=True,
    error=QColor("#ff8a80"),
    warning=QColor("#ffb74d"),
    success=QColor("#81c784"),
    muted=QColor("#b0b0b0"),
    new_row=QColor("#4d4216"),
    error_row=QColor("#5c1f1f"),
    warning_box_text=QColor("#ffcc80"),
    warning_box=QColor("#3d3000"),
    states={
        TunnelState.STOPPED: QColor("#b0b0b0"),
        TunnelState.STANDBY: QColor("#9fb6d8"),
        TunnelState.STARTING: QColor("#90caf9"),
        TunnelState.RUNNING: QColor("#81c784"),
        TunnelState.DEGRADED: QColor("#ffab70"),
        TunnelState.RECONNECTING: QColor("#ffd54f"),
        TunnelState.ERROR: QColor("#ff8a80"),
    },
)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1.0 (none) to 21.0 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


_current: Scheme | None = None  # cached: the connection table asks once per painted cell


def current() -> Scheme:
    """The colours for the application palette now."""
    global _current
    if _current is None:
        if QCoreApplication.instance() is None:
            return LIGHT  # a model used without an application (model tests): nothing drawn
        watcher()  # so that a later switch clears this cache
        _current = DARK if is_dark(QGuiApplication.palette()) else LIGHT
    return _current


def tint(label: QWidget, what: Tint | None) -> None:
    """Colour `label`'s text as `what` (None: the palette's own), kept across theme switches."""
    label.setProperty(_TINT_PROPERTY, None if what is None else what.value)
    label.setStyleSheet("" if what is None else current().style_sheet(what))


_TINT_PROPERTY = "semanticTint"


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (screenshots --dark, the contrast tests)."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2d2d2d"), (roles.WindowText, "#e8e8e8"), (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#262626"), (roles.Text, "#e8e8e8"), (roles.Button, "#353535"),
        (roles.ButtonText, "#e8e8e8"), (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e8e8e8"), (roles.PlaceholderText, "#9a9a9a"),
        (roles.Highlight, "#2f65ca"), (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#8ab4f8"), (roles.LinkVisited, "#c58af9"), (roles.BrightText, "#ff8a80"),
        (roles.Light, "#4a4a4a"), (roles.Midlight, "#3e3e3e"), (roles.Mid, "#2a2a2a"),
        (roles.Dark, "#1a1a1a"), (roles.Shadow, "#000000"),
    ):
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#7f7f7f"))
    return p


class _PaletteProbe(QWidget):
    """Never shown: Qt tells every widget when the application palette changes.

    (An event filter on the application would see every event of every object, one
    Python call each, to catch this one.)
    """

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("theme_probe")
        self._on_change = on_change

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._on_change()
        super().changeEvent(event)


class ThemeWatcher(QObject):
    """Notices a light/dark switch (system scheme or application palette) and says so once."""

    changed = Signal()

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._probe = _PaletteProbe(self._recheck)
        if isinstance(app, QGuiApplication):
            app.styleHints().colorSchemeChanged.connect(self._recheck)

    def _recheck(self, *_: object) -> None:
        global _current
        before, _current = _current, None
        if current() is before:
            return
        for widget in QApplication.allWidgets():
            name = widget.property(_TINT_PROPERTY)
            if name:
                widget.setStyleSheet(current().style_sheet(Tint(name)))
        self.changed.emit()


_watcher: ThemeWatcher | None = None


def watcher() -> ThemeWatcher:
    """The application's one watcher (made on first use, owned by the application)."""
    global _watcher
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("theme.watcher() needs a QApplication")
    if _watcher is None or _watcher.parent() is not app:
        _watcher = ThemeWatcher(app)
    return _watcher


class _Recolour(QObject):
    """Child of a model: on a switch, one dataChanged over its coloured columns."""

    def __init__(self, model: QAbstractItemModel, first: int, last: int) -> None:
        super().__init__(model)
        self._model, self._first, self._last = model, first, last
        watcher().changed.connect(self.announce)  # disconnected when the model goes

    def announce(self) -> None:
        rows = self._model.rowCount()
        if rows:
            self._model.dataChanged.emit(
                self._model.index(0, self._first), self._model.index(rows - 1, self._last),
                [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole])


def follow_theme(model: QAbstractItemModel, first_column: int, last_column: int) -> None:
    """Make `model` re-announce the colours of these columns when the theme switches."""
    if QCoreApplication.instance() is not None:  # else nothing is drawn, nothing switches
        _Recolour(model, first_column, last_column)
