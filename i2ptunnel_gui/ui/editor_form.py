"""The tunnel editor's widgets: building, filling and reading the form.

Split from editor.py (which holds the behaviour: validation, confirmation, save) to
keep each file readable. `EditorForm.spec()` turns the widgets into a TunnelSpec;
fields that do not apply to the chosen kind keep the edited spec's values. Which rows
and labels each kind shows is in ui/editor_kinds.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from i2ptunnel_gui.core.addresses import is_loopback_host
from i2ptunnel_gui.core.spec import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_HALF_CLOSE_TIMEOUT,
    DEFAULT_I2P_CONNECT_TIMEOUT,
    DEFAULT_IDLE_TIMEOUT,
    DEFAULT_SAM,
    DEFAULT_SIGNATURE_TYPE,
    I2P_CLIENT_KINDS,
    SERVER_KINDS,
    SIGNATURE_TYPES,
    KeyMode,
    TunnelKind,
    TunnelSpec,
)
from i2ptunnel_gui.ui import icons
from i2ptunnel_gui.ui.editor_client_kinds import ClientKindFields
from i2ptunnel_gui.ui.editor_fields import (
    OptionalNumber,
    TunnelShape,
    field_box,
    format_options,
    message_label,
    named,
    parse_options,
    port_value,
)
from i2ptunnel_gui.ui.editor_kinds import KIND_TITLES, show_rows_for
from i2ptunnel_gui.ui.editor_scroll import ScrollingForm, fit_dialog_height
from i2ptunnel_gui.ui.editor_server_policy import ServerPolicyFields
from i2ptunnel_gui.ui.option_lines import OptionsEdit, moved_note, take_shape_options
from i2ptunnel_gui.ui.port_check import listen_port_problem
from i2ptunnel_gui.ui.theme import Tint
from i2ptunnel_gui.ui.zero_hops import ZeroHopWarning

# EditorForm is a base class and PySide6's self.tr() looks strings up under the running
# subclass's name, so this file names its context itself (lupdate reads translate("Ctx", …))
translate = QCoreApplication.translate

NEW_IDENTITY = "new-identity"  # key combo item: persistent key, regenerated on save
# Fields in form order; each has an input and a "<field>_error" label.
FIELDS = (
    "name",
    "listen_host",
    "listen_port",
    "target_host",
    "target_port",
    "destination",
    "nconnect",
    "lifetime",
    "idle_timeout",
    "half_close_timeout",
    "connect_timeout",
    "signature_type",
    "sam_address",
    "options",
)


class EditorForm(QDialog):
    """The editor's widgets (every one has an objectName) and the spec they describe."""

    _original: TunnelSpec | None
    _base: TunnelSpec
    regenerate_key: bool

    # -- construction -----------------------------------------------------------------
    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _build_widgets(self) -> None:
        self.kind = named(QComboBox(), "kind")
        for k, title in KIND_TITLES.items():
            self.kind.addItem(icons.kind_icon(k), translate("EditorForm", str(title)), k)
        self.name = self._line("name")  # the example follows the kind (_update_visibility)
        self.description = self._line("description", translate("EditorForm", "optional"))
        self.listen_host = self._line("listen_host", "127.0.0.1")
        self.listen_port = self._line("listen_port", translate("EditorForm", "port"))
        self.listen_port.setMaximumWidth(90)
        self.listen_warning = message_label("listen_warning", Tint.WARNING_BOX)
        self.port_in_use = message_label("listen_port_in_use")  # found at Save
        # the app's running tunnels, id -> (name, local address), set by the window: Save
        # checks the listen port against them and other programs (ui/port_check.py)
        self.running_listeners: dict[str, tuple[str, str]] = {}
        self._port_checked: tuple[str, int] | None = None  # the address found in use
        self.allow_public_bind = named(
            QCheckBox(translate("EditorForm", "Allow listening on a non-loopback address")),
            "allow_public_bind",
        )
        self.target_host = self._line("target_host", "127.0.0.1")
        self.target_port = self._line("target_port", translate("EditorForm", "port"))
        self.target_port.setMaximumWidth(90)
        self.destination = self._line(
            "destination", translate("EditorForm", "xxxx….b32.i2p, name.i2p or base64"))
        self.nconnect = OptionalNumber(
            "nconnect", translate("EditorForm", "Unlimited"), integer=True)
        self.lifetime = OptionalNumber(
            "lifetime", translate("EditorForm", "Unlimited"), suffix=translate("EditorForm", " s"))
        self.idle_timeout = OptionalNumber(
            "idle_timeout", translate("EditorForm", "Never"), suffix=translate("EditorForm", " s"))
        self.half_close_timeout = OptionalNumber(
            "half_close_timeout", translate("EditorForm", "Never"),
            suffix=translate("EditorForm", " s"))
        self.half_close_timeout.setToolTip(translate(
            "EditorForm", "Once one side has ended its stream (sent its FIN), close the "
            "connection when it stays idle this long; the other side would otherwise hold it "
            "until the idle timeout."))
        self.connect_timeout = OptionalNumber(
            "connect_timeout", "", suffix=translate("EditorForm", " s"))
        self.connect_timeout.off.hide()  # always required; reuse the spin box only
        self.auto_start = named(
            QCheckBox(translate("EditorForm", "Start when the app starts")), "auto_start")
        self.key_mode = named(QComboBox(), "key_mode")
        self.key_mode.addItem(
            translate("EditorForm", "Persistent — same .b32 address after restarts"),
            KeyMode.PERSISTENT)
        self.key_mode.addItem(
            translate("EditorForm", "Transient — a new address on every start"), KeyMode.TRANSIENT)
        if self._original is not None and self._original.needs_router:
            self.key_mode.addItem(
                translate("EditorForm", "New identity — replace the key (the address changes)…"),
                NEW_IDENTITY,
            )
        self.key_note = message_label("key_note", Tint.WARNING_BOX)
        self.advanced_toggle = named(QToolButton(), "advanced_toggle")
        self.advanced_toggle.setText(translate("EditorForm", "Advanced I2P settings"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.shape = TunnelShape()
        self.hop_warning = ZeroHopWarning("hop_warning")  # outside Advanced: always seen
        self.signature_type = named(QComboBox(), "signature_type")
        for code, sig in sorted(SIGNATURE_TYPES.items()):
            note = (translate("EditorForm", " (recommended)")
                    if code == DEFAULT_SIGNATURE_TYPE else "")
            note = translate("EditorForm", " (weak, legacy)") if code == 0 else note
            self.signature_type.addItem(f"{sig}{note}", code)
        self.sam_address = self._line(
            "sam_address", translate("EditorForm", "app setting (default {0})").format(DEFAULT_SAM))
        self.options = named(OptionsEdit(), "options")
        self.options.setPlaceholderText(
            translate("EditorForm", "one key=value per line, e.g.\ni2cp.leaseSetType=3"))
        self.options.setFixedHeight(72)
        self.options.settled.connect(self._move_shape_options)
        self.options_note = named(QLabel(), "options_note")  # what moved to the shape fields
        self.options_note.setWordWrap(True)
        self.options_note.hide()
        self.policy = ServerPolicyFields()  # access list, limits, HTTP, I2P port
        self.client_fields = ClientKindFields()  # proxy kinds and on-demand sessions
        self.errors_label = {f: message_label(f"{f}_error") for f in FIELDS}
        self.errors_label.update(self.client_fields.error_labels)
        self.save_hint = named(QLabel(), "save_hint")
        self.save_hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")

    def _pair(self, host: QLineEdit, port: QLineEdit) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(host, 1)
        line.addWidget(QLabel(":"))
        line.addWidget(port)
        return row

    def _build_layout(self) -> None:
        err = self.errors_label
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        form.addRow(translate("EditorForm", "Kind"), self.kind)
        form.addRow(translate("EditorForm", "Name"), field_box(self.name, err["name"]))
        form.addRow(translate("EditorForm", "Description"), self.description)
        self.listen_row = field_box(
            self._pair(self.listen_host, self.listen_port),
            err["listen_host"],
            err["listen_port"],
            self.port_in_use,
            self.listen_warning,
            self.allow_public_bind,
        )
        form.addRow(translate("EditorForm", "Listen on"), self.listen_row)
        self.target_row = field_box(
            self._pair(self.target_host, self.target_port), err["target_host"], err["target_port"]
        )
        form.addRow(translate("EditorForm", "Target"), self.target_row)
        self.destination_row = field_box(self.destination, err["destination"])
        form.addRow(translate("EditorForm", "Destination"), self.destination_row)
        form.addRow(self.client_fields)
        form.addRow(translate("EditorForm", "Max. connections"),
                    field_box(self.nconnect, err["nconnect"]))
        form.addRow(translate("EditorForm", "Connection lifetime"),
                    field_box(self.lifetime, err["lifetime"]))
        form.addRow(translate("EditorForm", "Idle timeout"),
                    field_box(self.idle_timeout, err["idle_timeout"]))
        form.addRow(translate("EditorForm", "Half-close timeout"),
                    field_box(self.half_close_timeout, err["half_close_timeout"]))
        form.addRow(translate("EditorForm", "Connect timeout"),
                    field_box(self.connect_timeout, err["connect_timeout"]))
        form.addRow("", self.auto_start)
        form.addRow(self.policy)
        self.key_row = field_box(self.key_mode, self.key_note)
        form.addRow(translate("EditorForm", "I2P identity"), self.key_row)
        form.addRow("", self.hop_warning)
        form.addRow("", self.advanced_toggle)

        self.advanced = named(QWidget(), "advanced")
        adv = QFormLayout(self.advanced)
        adv.setContentsMargins(16, 0, 0, 0)
        adv.addRow(translate("EditorForm", "Tunnel shape"), self.shape)
        adv.addRow(translate("EditorForm", "Signature type"),
                   field_box(self.signature_type, err["signature_type"]))
        adv.addRow(translate("EditorForm", "SAM address"),
                   field_box(self.sam_address, err["sam_address"]))
        adv.addRow(translate("EditorForm", "I2CP options"),
                   field_box(self.options, err["options"], self.options_note))
        self.advanced.setVisible(False)

        self.body = ScrollingForm(form, self.advanced)  # Save stays visible below it
        top = QVBoxLayout(self)
        top.addWidget(self.body, 1)
        top.addWidget(self.save_hint)
        top.addWidget(self.buttons)

    def _load(self, spec: TunnelSpec) -> None:
        self.kind.setCurrentIndex(self.kind.findData(spec.kind))
        self.name.setText(spec.name)
        self.description.setText(spec.description)
        self.listen_host.setText(spec.listen_host)
        self.listen_port.setText(str(spec.listen_port) if spec.listen_port else "")
        self.allow_public_bind.setChecked(spec.allow_public_bind)
        self.target_host.setText(spec.target_host)
        self.target_port.setText(str(spec.target_port) if spec.target_port else "")
        self.destination.setText(spec.destination)
        self.client_fields.load(spec)
        self.nconnect.set_value(None if spec.nconnect == -1 else spec.nconnect, 100)
        self.lifetime.set_value(spec.lifetime, 3600.0)
        self.idle_timeout.set_value(spec.idle_timeout, DEFAULT_IDLE_TIMEOUT)
        self.half_close_timeout.set_value(spec.half_close_timeout, DEFAULT_HALF_CLOSE_TIMEOUT)
        self.connect_timeout.set_value(spec.connect_timeout, DEFAULT_CONNECT_TIMEOUT)
        if self._original is None and spec.kind in I2P_CLIENT_KINDS:
            self.connect_timeout.set_value(DEFAULT_I2P_CONNECT_TIMEOUT, DEFAULT_I2P_CONNECT_TIMEOUT)
        self.auto_start.setChecked(spec.auto_start)
        self.key_mode.setCurrentIndex(self.key_mode.findData(spec.key_mode))
        self._key_index = self.key_mode.currentIndex()
        opts = spec.options_dict
        self.shape.set_values(opts)
        index = self.signature_type.findData(spec.signature_type)
        if index < 0:  # keep an unknown code visible so validate() can name it
            self.signature_type.addItem(
                translate("EditorForm", "unknown ({0})").format(spec.signature_type),
                spec.signature_type)
            index = self.signature_type.count() - 1
        self.signature_type.setCurrentIndex(index)
        self.sam_address.setText(spec.sam_address)
        self.options.setPlainText(format_options(opts))
        self.policy.load(spec)
        customised = (
            bool(spec.options)
            or bool(spec.sam_address)
            or spec.signature_type != DEFAULT_SIGNATURE_TYPE
        )
        self.advanced_toggle.setChecked(customised)
        self._show_advanced(customised)

    def _show_advanced(self, shown: bool) -> None:
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.advanced.setVisible(shown and self.current_kind() is not TunnelKind.FORWARD)
        self.fit_height(shrink=True)

    def fit_height(self, *, shrink: bool = False) -> None:
        """Fit the height to the rows shown (at most the screen's), keeping the width."""
        fit_dialog_height(self, self.body, shrink=shrink)

    def listen_port_free(self, spec: TunnelSpec) -> bool:
        """At Save: can `spec` listen where it says? If not, say who holds the port."""
        why = listen_port_problem(spec, self.running_listeners)
        self._port_checked = (spec.listen_host, spec.listen_port) if why else None
        self.port_in_use.setText(why or "")
        self.port_in_use.setVisible(bool(why))
        self.fit_height()
        return why is None

    def _move_shape_options(self) -> None:
        """Pasted or typed i2pd/Java lines such as inbound.length=0 go to their fields."""
        left, moved = take_shape_options(self.options.toPlainText())
        if not moved:
            return
        self.shape.set_values({**self.shape.values(), **moved})
        self.options.setPlainText(left)
        self.options_note.setText(moved_note(moved))
        self.options_note.show()

    # -- the spec the form describes ----------------------------------------------------
    def current_kind(self) -> TunnelKind:
        return TunnelKind(self.kind.currentData())

    def spec(self) -> TunnelSpec:
        """The TunnelSpec the form describes now (may be invalid: see `errors`)."""
        kind = self.current_kind()
        changes: dict[str, object] = {
            "kind": kind,
            "name": self.name.text().strip(),
            "description": self.description.text().strip(),
            "auto_start": self.auto_start.isChecked(),
            "connect_timeout": self.connect_timeout.value(),
            "lifetime": self.lifetime.value(),
            "idle_timeout": self.idle_timeout.value(),
            "half_close_timeout": self.half_close_timeout.value(),
        }
        nconnect = self.nconnect.value()
        changes["nconnect"] = -1 if nconnect is None else int(nconnect)
        if kind is TunnelKind.FORWARD or kind in I2P_CLIENT_KINDS:
            host = self.listen_host.text().strip()
            changes["listen_host"] = host
            changes["listen_port"] = port_value(self.listen_port.text())
            # only a non-loopback address can be "allowed"; back on loopback it resets
            changes["allow_public_bind"] = (
                self.allow_public_bind.isChecked() and not is_loopback_host(host)
            )
        if kind is TunnelKind.FORWARD or kind in SERVER_KINDS:
            changes["target_host"] = self.target_host.text().strip()
            changes["target_port"] = port_value(self.target_port.text())
        if kind in (TunnelKind.CLIENT, TunnelKind.IRC):
            changes["destination"] = self.destination.text().strip()
        changes.update(self.client_fields.values(kind))
        if kind is not TunnelKind.FORWARD:
            mode = self.key_mode.currentData()
            changes["key_mode"] = KeyMode.PERSISTENT if mode == NEW_IDENTITY else KeyMode(mode)
            if self.regenerate_key:
                changes["key_file"] = ""
            changes["signature_type"] = int(self.signature_type.currentData())
            changes["sam_address"] = self.sam_address.text().strip()
            free, _ = parse_options(self.options.toPlainText())
            changes["options"] = self.client_fields.options(kind, {**free, **self.shape.values()})
        changes.update(self.policy.values(kind))
        return self._base.replace(**changes)

    def _update_visibility(self, kind: TunnelKind) -> None:
        if self._port_checked is not None and self._port_checked != (
                self.listen_host.text().strip(), port_value(self.listen_port.text())):
            self._port_checked = None  # another address now: checked again at Save
            self.port_in_use.hide()
        show_rows_for(self, kind)
