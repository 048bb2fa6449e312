"""Small input widgets the tunnel editor is built from.

Each one only collects a value; what makes a value valid stays in core.spec
(validate / check_*), so the editor, the CLI and the engine agree on the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
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
    "length": QT_TRANSLATE_NOOP("TunnelShape", "Hops (length)"),
    "quantity": QT_TRANSLATE_NOOP("TunnelShape", "Tunnels (quantity)"),
    "lengthVariance": QT_TRANSLATE_NOOP("TunnelShape", "Hop variance"),
    "backupQuantity": QT_TRANSLATE_NOOP("TunnelShape", "Backup tunnels"),
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
        grid.addWidget(QLabel(self.tr("Inbound")), 0, 1)
        grid.addWidget(QLabel(self.tr("Outbound")), 0, 2)
        self.spins: dict[str, QSpinBox] = {}
        for row, what in enumerate(SHAPE_RANGES, start=1):
            grid.addWidget(QLabel(self.tr(str(SHAPE_LABELS[what]))), row, 0)
            lo, hi = SHAPE_RANGES[what]
            for col, direction in enumerate(("inbound", "outbound"), start=1):
                key = f"{direction}.{what}"
                spin = QSpinBox()
                spin.setObjectName(shape_object_name(key))
                spin.setRange(lo - 1, hi)
                # shown at the minimum: option unset
                spin.setSpecialValueText(self.tr("default"))
                spin.setToolTip(
                    self.tr("I2CP option {0}; 'default' leaves it to the router").format(key))
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


_SPACED_EQUALS = re.compile(r"\s*=\s*")


def option_entries(text: str) -> Iterator[tuple[int, str]]:
    """(line number, "key=value") of option text as i2pd and Java I2P write it: one per
    line, or several separated by spaces when each has its "="; "key = value" is read
    as key=value; blank lines and "#" comment lines are skipped. Any other line is one
    entry, as typed, so parse_options can say what is wrong with it."""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tokens = _SPACED_EQUALS.sub("=", line).split()
        if all("=" in t for t in tokens):
            for token in tokens:
                yield number, token
        else:
            yield number, line


def shape_problem(key: str, value: str) -> str | None:
    """None if `value` fits the tunnel-shape field of `key` (e.g. inbound.length)."""
    lo, hi = SHAPE_RANGES[key.partition(".")[2]]
    if _is_int(value) and lo <= int(value) <= hi:
        return None
    return QCoreApplication.translate(
        "EditorFields", "{key} must be a whole number from {lo} to {hi} (got {value})").format(
        key=key, lo=lo, hi=hi, value=repr(value))


def parse_options(text: str) -> tuple[dict[str, str], str | None]:
    """Free I2CP options (see option_entries for the format).

    Returns (options, first problem or None). Tunnel-shape keys are refused here:
    they have their own fields, and two places for one setting would disagree
    (ui/option_lines.py moves them there when the box is pasted into or left).
    """
    options: dict[str, str] = {}
    shape: dict[str, int] = {}  # shape key -> line: reported after the rest is checked
    for number, token in option_entries(text):
        key, sep, value = token.partition("=")
        key, value = key.strip(), value.strip()
        if not sep:
            return options, QCoreApplication.translate(
                "TunnelOptions", "line {0}: expected key=value, got {1}"
            ).format(number, repr(token))
        if (why := option_problem(key, value)) is not None:
            return options, QCoreApplication.translate(
                "TunnelOptions", "line {0}: {1}").format(number, why)
        if key in TUNNEL_SHAPE_KEYS and (why := shape_problem(key, value)) is not None:
            return options, QCoreApplication.translate(
                "TunnelOptions", "line {0}: {1}").format(number, why)
        if key in options or key in shape:
            return options, QCoreApplication.translate(
                "TunnelOptions", "line {0}: {1} is set twice").format(number, key)
        if key in TUNNEL_SHAPE_KEYS:
            shape[key] = number
        else:
            options[key] = value
    if shape:  # valid and once each: only not moved yet (ui/option_lines.py)
        key, number = next(iter(shape.items()))
        return options, QCoreApplication.translate(
            "EditorFields", "line {number}: {key} goes in the tunnel fields above (it moves "
                            "there when you leave this box)").format(number=number, key=key)
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
