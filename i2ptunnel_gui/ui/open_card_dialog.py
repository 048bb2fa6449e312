"""The confirmation before a share card becomes a client tunnel.

It shows exactly what will be created: name, kind, local address and port, and the
destination. Name and port can be changed; Create stays off while the name is taken
or the port clashes with another tunnel of the app or is in use by another program,
and the port offered first is the card's, or the next free one after it. Creating
goes through the controller (saved like any tunnel); nothing exists before Create.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.share_card import ServiceKind, ShareCard, client_spec, next_free_port
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate
from i2ptunnel_gui.interop.clashes import clashes_with
from i2ptunnel_gui.ui.controller import TunnelController
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.port_check import binds

PortFree = Callable[[int], bool]
HOW_TO_USE = {
    ServiceKind.WEB: QT_TRANSLATE_NOOP(
        "OpenCardDialog", "Once it runs, open http://{address}/ in your browser."),
    ServiceKind.SSH: QT_TRANSLATE_NOOP(
        "OpenCardDialog", "Once it runs: ssh -p {port} USER@127.0.0.1"),
    ServiceKind.IRC: QT_TRANSLATE_NOOP(
        "OpenCardDialog", "Once it runs, point your IRC client at {address}."),
    ServiceKind.GENERIC: QT_TRANSLATE_NOOP(
        "OpenCardDialog", "Once it runs, connect to {address}."),
}
KIND_LABELS = {
    TunnelKind.CLIENT: QT_TRANSLATE_NOOP("OpenCardDialog", "I2P client tunnel"),
    TunnelKind.IRC: QT_TRANSLATE_NOOP("OpenCardDialog", "IRC client tunnel"),
}


class OpenCardDialog(QDialog):
    created = Signal(object, bool)  # the TunnelSpec added, and whether to start it now

    def __init__(self, card: ShareCard, controller: TunnelController,
                 parent: QWidget | None = None, *, is_port_free: PortFree | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open_card_dialog")
        self.setWindowTitle(self.tr("Open share card"))
        self.card = card
        self._controller = controller
        # the editor's Save-time check (ui/port_check.py), on the card tunnel's address
        self._port_free = is_port_free or (
            lambda port: binds(client_spec(card, port=port).listen_host, port))
        self._build()
        self.name.setText(self._free_name(card.name))
        first = next_free_port(card.port, lambda p: self._port_problem(p) is not None)
        self.port.setValue(first if first is not None else card.port)
        self.name.textChanged.connect(self._refresh)
        self.port.valueChanged.connect(self._refresh)
        self._refresh()

    def _build(self) -> None:
        intro = QLabel(self.tr("This share card creates the following client tunnel. "
                               "Nothing is created until you press Create."))
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setAccessibleName(self.tr("Tunnel name"))
        self.kind = _fact("kind", self.tr(str(KIND_LABELS[client_spec(self.card).kind])))
        self.port = QSpinBox()
        self.port.setObjectName("listen_port")
        self.port.setRange(1, 65535)
        self.port.setAccessibleName(self.tr("Local port"))
        self.port.setToolTip(self.tr("The local port your programs connect to"))
        self.listen_host = _fact("listen_host", "127.0.0.1")
        self.destination = _fact("destination", self.card.address)
        self.how_to = _fact("how_to", "")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        bold = self.problem.font()
        bold.setBold(True)  # why Create is off: not to be missed (colours: the palette's)
        self.problem.setFont(bold)
        self.start_now = QCheckBox(self.tr("Start the tunnel now"))
        self.start_now.setObjectName("start_now")
        self.start_now.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = QPushButton(self.tr("Create"))
        self.create_button.setObjectName("create")
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self.create_tunnel)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Listens on"), self.listen_host)
        form.addRow(self.tr("Local port"), self.port)
        form.addRow(self.tr("Destination"), self.destination)
        if self.card.i2p_port:
            form.addRow(self.tr("I2P port"), _fact("i2p_port", str(self.card.i2p_port)))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.how_to)
        layout.addWidget(self.problem)
        layout.addWidget(self.start_now)
        layout.addWidget(buttons)

    # -- what would be created -----------------------------------------------------------
    def spec(self) -> TunnelSpec:
        return client_spec(self.card, name=self.name.text().strip(), port=self.port.value())

    def _free_name(self, base: str) -> str:
        names, candidate, n = set(self._controller.names()), base, 2
        while candidate in names:
            candidate, n = f"{base} ({n})", n + 1
        return candidate

    def _port_problem(self, port: int) -> str | None:
        probe = client_spec(self.card, port=port)
        other = clashes_with(probe, self._controller.specs())
        if other is not None:
            return self.tr("Port {port} is used by the tunnel “{name}”.").format(
                port=port, name=other.name)
        if not self._port_free(port):
            return self.tr("Port {port} is in use by another program.").format(port=port)
        return None

    def current_problem(self) -> str | None:
        """Why Create is refused now, or None."""
        spec = self.spec()
        if not spec.name:
            return self.tr("Give the tunnel a name.")
        if spec.name in self._controller.names():
            return self.tr("There is already a tunnel named “{name}”.").format(name=spec.name)
        port_problem = self._port_problem(spec.listen_port)
        if port_problem is not None:
            return port_problem
        errors = validate(spec)
        return f"{errors[0].field}: {shown(errors[0].message)}" if errors else None

    def _refresh(self) -> None:
        port = self.port.value()
        address = f"127.0.0.1:{port}"
        self.how_to.setText(self.tr(str(HOW_TO_USE[self.card.kind])).format(address=address,
                                                                      port=port))
        problem = self.current_problem()
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        self.create_button.setEnabled(problem is None)

    def create_tunnel(self) -> bool:
        """Add the tunnel (checked again: a port may have been taken meanwhile)."""
        self._refresh()
        if self.current_problem() is not None:
            return False
        spec = self.spec()
        if not self._controller.add(spec):
            return False  # not saved: the controller reported why
        self.created.emit(spec, self.start_now.isChecked())
        self.accept()
        return True


def _fact(name: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def card_error_text(why: str | BaseException) -> str:
    return QCoreApplication.translate("OpenCardDialog", "Not a usable share card: {why}").format(
        why=shown(why))
