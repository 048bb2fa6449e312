"""Names for screen readers and keyboard use that the layouts alone do not give.

A form row's label names its field only when the field is the input itself; most of
the editor's rows hold a box (the input over its message labels), so `label_form_rows`
points each row label at the box's first input (its buddy: the screen reader's name,
and the label's mnemonic). Inputs that share a row or have no label of their own (the
ports, the tunnel-shape grid, the tables, the log) get an explicit name here, and Tab
never gets stuck: multi-line fields and tables pass it on (arrows move inside them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from i2ptunnel_gui.ui.editor_form import EditorForm  # its caller is ui/editor.py

# strings: QCoreApplication.translate("Accessibility", "literal") (no QObject to tr() on)


def first_input(widget: QWidget) -> QWidget | None:
    """The first control Tab would stop at inside `widget`, in layout order."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
        return widget
    layout = widget.layout()
    return _first_in_layout(layout) if layout is not None else None


def _first_in_layout(layout: QLayout) -> QWidget | None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        found: QWidget | None = None
        if item is None:
            continue
        child = item.widget()
        if child is not None:
            found = first_input(child)
        elif (inner := item.layout()) is not None:
            found = _first_in_layout(inner)
        if found is not None:
            return found
    return None


def label_form_rows(root: QWidget) -> None:
    """Make each form row's label under `root` the buddy of the first input of its field."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None:
                continue
            label, field = label_item.widget(), field_item.widget()
            if not isinstance(label, QLabel) or field is None or not label.text():
                continue
            target = first_input(field)
            if target is None:
                continue
            label.setBuddy(target)
            # Qt reads a buddy as the name only when label and input are siblings
            if not target.accessibleName() and target.parentWidget() is not label.parentWidget():
                target.setAccessibleName(label.text().replace("&", "").rstrip(":").strip())


def pass_tab_on(*edits: QPlainTextEdit) -> None:
    """Tab leaves the field instead of typing a tab character (Ctrl+Tab is not obvious)."""
    for edit in edits:
        edit.setTabChangesFocus(True)


def name(widget: QWidget, text: str, description: str = "") -> None:
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)


def describe_editor(form: EditorForm) -> None:
    """Names for the tunnel editor's controls that no row label gives."""
    # rows whose label changes with the kind get a name that fits every kind
    name(form.name, QCoreApplication.translate("Accessibility", "Name"))
    name(form.listen_host, QCoreApplication.translate("Accessibility", "Listen address"))
    name(form.listen_port, QCoreApplication.translate("Accessibility", "Listen port"))
    name(
        form.target_host,
        QCoreApplication.translate("Accessibility", "Target host"),
        QCoreApplication.translate("Accessibility", "Where the tunnel's connections go"),
    )
    name(form.target_port, QCoreApplication.translate("Accessibility", "Target port"))
    name(
        form.destination,
        QCoreApplication.translate("Accessibility", "Destination"),
        QCoreApplication.translate(
            "Accessibility", "The I2P address or addresses this client tunnel connects to"
        ),
    )
    label_form_rows(form)  # the other rows: named by their label
    shape_names = {
        "inbound.length": QCoreApplication.translate("Accessibility", "Inbound hops"),
        "outbound.length": QCoreApplication.translate("Accessibility", "Outbound hops"),
        "inbound.quantity": QCoreApplication.translate("Accessibility", "Inbound tunnels"),
        "outbound.quantity": QCoreApplication.translate("Accessibility", "Outbound tunnels"),
        "inbound.lengthVariance": QCoreApplication.translate(
            "Accessibility", "Inbound hop variance"
        ),
        "outbound.lengthVariance": QCoreApplication.translate(
            "Accessibility", "Outbound hop variance"
        ),
        "inbound.backupQuantity": QCoreApplication.translate(
            "Accessibility", "Inbound backup tunnels"
        ),
        "outbound.backupQuantity": QCoreApplication.translate(
            "Accessibility", "Outbound backup tunnels"
        ),
    }
    for key, spin in form.shape.spins.items():
        name(
            spin,
            shape_names[key],
            QCoreApplication.translate("Accessibility", "“default” leaves it to the router"),
        )
    name(
        form.options,
        QCoreApplication.translate("Accessibility", "I2CP options"),
        QCoreApplication.translate("Accessibility", "One key=value per line"),
    )
    name(
        form.advanced_toggle,
        QCoreApplication.translate("Accessibility", "Advanced I2P settings"),
        QCoreApplication.translate(
            "Accessibility", "Shows the tunnel shape, signature type, SAM address and I2CP options"
        ),
    )
    pass_tab_on(*form.findChildren(QPlainTextEdit))


def describe_tables(*views: QAbstractItemView) -> None:
    """Tab moves on from a table (arrow keys move between its cells)."""
    for view in views:
        view.setTabKeyNavigation(False)


def describe_main_window(tunnels: QAbstractItemView, connections: QAbstractItemView) -> None:
    name(
        tunnels,
        QCoreApplication.translate("Accessibility", "Tunnels"),
        QCoreApplication.translate(
            "Accessibility", "One row per tunnel: state, addresses, connections and traffic"
        ),
    )
    name(
        connections,
        QCoreApplication.translate("Accessibility", "Connections"),
        QCoreApplication.translate(
            "Accessibility", "The selected tunnel's open and recently closed connections"
        ),
    )
    describe_tables(tunnels, connections)


def describe_details(panel: QWidget, address: QWidget, qr_code: QWidget,
                     log: QPlainTextEdit) -> None:
    """Names for the details panel (ui/details.py): its rows, the address, QR and log."""
    label_form_rows(panel)
    name(
        address,
        QCoreApplication.translate("Accessibility", "I2P address"),
        QCoreApplication.translate(
            "Accessibility", "The tunnel's .b32.i2p address, known once it has started"
        ),
    )
    name(qr_code, QCoreApplication.translate("Accessibility", "QR code of the I2P address"))
    name(
        log,
        QCoreApplication.translate("Accessibility", "Tunnel log"),
        QCoreApplication.translate("Accessibility", "State changes and errors of this tunnel"),
    )
    pass_tab_on(log)
