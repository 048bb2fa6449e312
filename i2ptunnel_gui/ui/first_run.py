"""What the window shows while there are no tunnels: how to get a router, then a tunnel.

Three situations, one widget (`FirstRunPanel`), fed by the window:
- no router answers → "Start a private router" (or how to install i2pd when it is
  missing) and "Use my router" (how to turn SAM on in Java I2P and in i2pd, with a
  SAM address field and a Test button);
- the private router is starting → what it is doing;
- a router answers → how to make the first tunnel.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.editor_fields import named
from i2ptunnel_gui.ui.theme import Tint

INSTALL_COMMAND = "sudo apt install i2pd"
COLUMN_WIDTH = 680


class RouterSituation(Enum):
    NO_ROUTER = auto()
    STARTING = auto()
    READY = auto()


class FirstRunPanel(QWidget):
    start_private_router = Signal()
    test_sam = Signal(str)  # the SAM address typed in "Use my router"
    new_server = Signal()
    new_client = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.situation = RouterSituation.NO_ROUTER
        self.setMinimumHeight(220)  # its text stays readable above the lower tabs
        self._build()
        self.show_no_router(i2pd_found=True, reason="")

    def _build(self) -> None:
        self.title = named(QLabel(), "first_run_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.text = named(QLabel(), "first_run_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.private_button = named(QPushButton(self.tr("Start a private router")), "start_private")
        self.private_button.clicked.connect(self.start_private_router)
        self.mine_button = named(QPushButton(self.tr("Use my router")), "use_my_router")
        self.mine_button.setCheckable(True)
        self.mine_button.toggled.connect(self._show_mine)
        self.server_button = named(QPushButton(self.tr("New I2P server…")), "first_server")
        self.server_button.clicked.connect(self.new_server)
        self.client_button = named(QPushButton(self.tr("New I2P client…")), "first_client")
        self.client_button.clicked.connect(self.new_client)
        buttons = QHBoxLayout()
        for b in (self.private_button, self.mine_button, self.server_button, self.client_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.mine = named(QWidget(), "use_my_router_help")
        how = QLabel(
            self.tr(
                "<b>Java I2P</b>: open the router console, <i>Configure → Clients</i> "
                "(<tt>/configclients</tt>), enable <b>SAM application bridge</b>, tick "
                "<i>Run at startup</i> and start it.<br>"
                "<b>i2pd</b>: SAM is on by default; otherwise set <tt>enabled = true</tt> "
                "under <tt>[sam]</tt> in <tt>i2pd.conf</tt> and restart i2pd.<br>"
                "Then test the address the bridge listens on (127.0.0.1:7656 by default):"
            )
        )
        how.setWordWrap(True)
        self.sam_address = named(QLineEdit("127.0.0.1:7656"), "first_run_sam")
        test = named(QPushButton(self.tr("Test")), "first_run_test")
        test.clicked.connect(lambda: self.test_sam.emit(self.sam_address.text().strip()))
        self.test_result = named(QLabel(), "first_run_test_result")
        self.test_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.sam_address, 1)
        row.addWidget(test)
        inner = QVBoxLayout(self.mine)
        inner.addWidget(how)
        inner.addLayout(row)
        inner.addWidget(self.test_result)
        self.mine.hide()

        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)  # readable lines on a wide window
        inner_layout = QVBoxLayout(column)
        inner_layout.addStretch(1)
        inner_layout.addWidget(self.title)
        inner_layout.addWidget(self.text)
        inner_layout.addLayout(buttons)
        inner_layout.addWidget(self.mine)
        inner_layout.addStretch(2)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 4)
        layout.addStretch(1)

    def _show_mine(self, on: bool) -> None:
        self.mine.setVisible(on)

    def show_no_router(self, *, i2pd_found: bool, reason: str) -> None:
        """No router answers (`reason`: why, e.g. the SAM probe's message)."""
        self.situation = RouterSituation.NO_ROUTER
        self.title.setText(self.tr("No I2P router answers yet"))
        text = self.tr(
            "The app needs an I2P router. It can run a private one just for itself, or use "
            "a router you already run."
        )
        if reason:
            text += "\n" + reason
        if not i2pd_found:
            text += "\n" + self.tr(
                "For a private router, install i2pd first: {0} (or ./scripts/setup.sh run)."
            ).format(INSTALL_COMMAND)
        self.text.setText(text)
        self.private_button.setVisible(True)
        self.private_button.setEnabled(i2pd_found)
        self.mine_button.setVisible(True)
        self.server_button.setVisible(False)
        self.client_button.setVisible(False)

    def show_starting(self, what: str) -> None:
        """The private router is starting (`what` it is doing)."""
        self.situation = RouterSituation.STARTING
        self.title.setText(self.tr("Starting the private router…"))
        self.text.setText(what)
        self.private_button.setEnabled(False)
        self.mine_button.setVisible(False)
        self.mine_button.setChecked(False)
        self.server_button.setVisible(False)
        self.client_button.setVisible(False)

    def show_ready(self, router: str) -> None:
        """A router answers (`router`: which, e.g. "private router, SAM 127.0.0.1:7656")."""
        self.situation = RouterSituation.READY
        self.title.setText(self.tr("Ready: make your first tunnel"))
        self.text.setText(
            self.tr(
                "Router: {0}.\n"
                "To put a local service on I2P (a web site, SSH…): New I2P server, give the "
                "local address, Save, Start; share the b32 address it gets.\n"
                "To reach an I2P service: New I2P client with its address and a local port."
            ).format(router)
        )
        self.private_button.setVisible(False)
        self.mine_button.setVisible(False)
        self.mine_button.setChecked(False)
        self.server_button.setVisible(True)
        self.client_button.setVisible(True)

    def show_test_result(self, ok: bool, text: str) -> None:
        self.test_result.setText(text)
        theme.tint(self.test_result, Tint.SUCCESS if ok else Tint.ERROR)
