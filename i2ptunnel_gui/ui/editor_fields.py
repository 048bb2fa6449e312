"""Small input widgets the tunnel editor is built from.

Each one only collects a value; what makes a value valid stays in core.spec
(validate / check_*), so the editor, the CLI and the engine agree on the rules.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.addresses import ascii_number
from i2ptunnel_gui.core.sam.options import option_problem
from i2ptunnel_gui.core.spec import TUNNEL_SHAPE_KEYS
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.theme import Tint

_MAX_SECONDS = 10_000_000.0  # ~4 months; the spin box needs a ceiling


W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str) -> W:
    """`widget` with its objectName set (how tests and screen readers find it)."""
    widget.setObjectName(object_name)
    return widget


def message_label(object_name: str, tint: Tint = Tint.ERROR) -> QLabel:
    """A hidden, word-wrapped label for one field's message."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    theme.tint(label, tint)
    label.setVisible(False)
    return label


def field_box(*widgets: QWidget) -> QWidget:
    """One form row's content: the inputs stacked over their message labels."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for w in widgets:
        column.addWidget(w)
    return box


def port_value(text: str) -> int:
    """The port typed, or -1 (which check_port rejects with its message) if not a number."""
    port = ascii_number(text, 6)
    return -1 if port is None else port


class OptionalNumber(QWidget):
    """A number of seconds/connections with an 'off' checkbox (unlimited, never)."""

    changed = Signal()

    def __init__(self, name: str, off_text: str, *, integer: bool = False, suffix: str = ""):
        super().__init__()
        self.setObjectName(f"{name}_box")
        self.off = QCheckBox(off_text)
        self.off.setObjectName(f"{name}_off")
        self.spin: QSpinBox | QDoubleSpinBox
        if integer:
            self.spin = QSpinBox()
            self.spin.setRange(0, 1_000_000)
        else:
            self.spin = QDoubleSpinBox()
            self.spin.setDecimals(1)
            self.spin.setRange(0.0, _MAX_SECONDS)
        self.spin.setObjectName(name)
        self.spin.setSuffix(suffix)
        self.spin.setKeyboardTracking(True)  # validate each keystroke, not only on Enter
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.spin, 1)
        row.addWidget(self.off)
        self.off.toggled.connect(self._off_toggled)
        self.spin.valueChanged.connect(self.changed)

    def _off_toggled(self, off: bool) -> None:
        self.spin.setEnabled(not off)
        self.changed.emit()

    def value(self) -> float | None:
        return None if self.off.isChecked() else float(self.spin.value())

    def set_value(self, value: float | None, fallback: float) -> None:
        self.off.setChecked(value is None)
        number = fallback if value is None else value
        if isinstance(self.spin, QSpinBox):
            self.spin.setValue(int(number))
        else:
            self.spin.setValue(number)
        self.spin.setEnabled(value is not None)


# Allowed values per tunnel-shape option; one below the minimum means "router default".
SHAPE_RANGES: dict[str, tuple[int, int]] = {
    "length": (0, 7),
    "quantity": (1, 16),
    "lengthVariance": (-7, 7),
    "backupQuantity": (0, 16),
}
SHAPE_LABELS = {
    "length": "Hops (length)",
    "quantity": "Tunnels (quantity)",
    "lengthVariance": "Hop variance",
    "backupQuantity": "Backup tunnels",
}


def shape_object_name(key: str) -> str:
    return "shape_" + key.replace(".", "_")  # inbound.length -> shape_inbound_length


class TunnelShape(QWidget):
    """Inbound/outbound length, quantity, variance and backups as a 2-column grid."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("tunnel_shape")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("Inbound"), 0, 1)
        grid.addWidget(QLabel("Outbound"), 0, 2)
        self.spins: dict[str, QSpinBox] = {}
        for row, what in enumerate(SHAPE_RANGES, start=1):
            grid.addWidget(QLabel(SHAPE_LABELS[what]), row, 0)
            lo, hi = SHAPE_RANGES[what]
            for col, direction in enumerate(("inbound", "outbound"), start=1):
                key = f"{direction}.{what}"
                spin = QSpinBox()
                spin.setObjectName(shape_object_name(key))
                spin.setRange(lo - 1, hi)
                spin.setSpecialValueText("default")  # shown at the minimum: option unset
                spin.setToolTip(f"I2CP option {key}; 'default' leaves it to the router")
                spin.valueChanged.connect(self.changed)
                grid.addWidget(spin, row, col)
                self.spins[key] = spin
        assert set(self.spins) == set(TUNNEL_SHAPE_KEYS), "shape grid out of sync with spec"

    def values(self) -> dict[str, str]:
        return {k: str(s.value()) for k, s in self.spins.items() if s.value() > s.minimum()}

    def set_values(self, options: dict[str, str]) -> None:
        for key, spin in self.spins.items():
            raw = options.get(key, "")
            if not _is_int(raw):
                spin.setValue(spin.minimum())  # unset (format_options shows a bad value)
                continue
            number = int(raw)
            # an imported value beyond the usual range is kept, not silently clamped
            if number <= spin.minimum():
                spin.setMinimum(number - 1)
            spin.setMaximum(max(spin.maximum(), number))
            spin.setValue(number)


def parse_options(text: str) -> tuple[dict[str, str], str | None]:
    """Free I2CP options, one key=value per line ('#' comments and blanks ignored).

    Returns (options, first problem or None). Tunnel-shape keys are refused here:
    they have their own fields, and two places for one setting would disagree.
    """
    options: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not sep:
            return options, f"line {number}: expected key=value, got {line!r}"
        if (why := option_problem(key, value)) is not None:
            return options, f"line {number}: {why}"
        if key in TUNNEL_SHAPE_KEYS:
            return options, f"line {number}: set {key} in the tunnel fields above"
        if key in options:
            return options, f"line {number}: {key} is set twice"
        options[key] = value
    return options, None


def _is_int(text: str) -> bool:
    return ascii_number(text.removeprefix("-")) is not None


def format_options(options: dict[str, str]) -> str:
    """The free-text lines: every option except the shape fields' (kept there if numeric)."""
    return "\n".join(
        f"{k}={v}"
        for k, v in sorted(options.items())
        if k not in TUNNEL_SHAPE_KEYS or not _is_int(v)
    )
