"""Option lines pasted from i2pd or Java I2P: tunnel-shape keys move into their fields.

`inbound.length=0` typed into the I2CP options box would set the same thing as the
Hops field above, and two places for one setting would disagree. So when the box is
pasted into or left, each shape key with a valid value (given once) is taken out of
the text and put into its field, with a short note saying what moved where. An
invalid value or a key given twice stays in the text, where parse_options says why.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit

from i2ptunnel_gui.core.spec import TUNNEL_SHAPE_KEYS
from i2ptunnel_gui.ui.editor_fields import option_entries, shape_problem

# the field each shape key moves to, as the note names it
SHAPE_FIELD_NAMES = {
    "inbound.length": QT_TRANSLATE_NOOP("OptionLines", "Inbound hops"),
    "outbound.length": QT_TRANSLATE_NOOP("OptionLines", "Outbound hops"),
    "inbound.quantity": QT_TRANSLATE_NOOP("OptionLines", "Inbound tunnels"),
    "outbound.quantity": QT_TRANSLATE_NOOP("OptionLines", "Outbound tunnels"),
    "inbound.lengthVariance": QT_TRANSLATE_NOOP("OptionLines", "Inbound hop variance"),
    "outbound.lengthVariance": QT_TRANSLATE_NOOP("OptionLines", "Outbound hop variance"),
    "inbound.backupQuantity": QT_TRANSLATE_NOOP("OptionLines", "Inbound backup tunnels"),
    "outbound.backupQuantity": QT_TRANSLATE_NOOP("OptionLines", "Outbound backup tunnels"),
}
assert set(SHAPE_FIELD_NAMES) == set(TUNNEL_SHAPE_KEYS), "shape names out of sync with spec"


def take_shape_options(text: str) -> tuple[str, dict[str, str]]:
    """(the text without the movable shape options, {key: value} taken out of it)."""
    entries = list(option_entries(text))
    given = Counter(token.partition("=")[0] for _, token in entries)
    taken: dict[int, set[str]] = {}  # line number -> tokens taken from it
    moved: dict[str, str] = {}
    for number, token in entries:
        key, sep, value = token.partition("=")
        if (sep and key in TUNNEL_SHAPE_KEYS and given[key] == 1
                and shape_problem(key, value) is None):
            moved[key] = value
            taken.setdefault(number, set()).add(token)
    if not moved:
        return text, {}
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if number not in taken:
            lines.append(raw)
            continue
        rest = [t for n, t in entries if n == number and t not in taken[number]]
        if rest:  # the line's other options stay, space separated as they came
            lines.append(" ".join(rest))
    return "\n".join(lines), moved


def moved_note(moved: dict[str, str]) -> str:
    """"moved inbound.length=0 to Inbound hops; …" for the note under the box."""
    return "; ".join(
        QCoreApplication.translate("OptionLines", "moved {option} to {field}").format(
            option=f"{key}={value}",
            field=QCoreApplication.translate("OptionLines", str(SHAPE_FIELD_NAMES[key])))
        for key, value in moved.items())


class OptionsEdit(QPlainTextEdit):
    """The I2CP options box: says `settled` after a paste or when it loses focus (a
    shape option still being typed, e.g. "outbound.quantity=1" of 16, is not moved)."""

    settled = Signal()

    def insertFromMimeData(self, source: QMimeData) -> None:
        super().insertFromMimeData(source)
        self.settled.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.settled.emit()
