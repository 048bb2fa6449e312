"""The tunnel editor dialog: one form for forward, server and client tunnels.

Opened with open() (never exec(): a nested loop breaks qasync). Every change
rebuilds a TunnelSpec and runs core.spec_checks.validate on it, so the messages next to
the fields are the same ones the CLI prints and the engine enforces; Save stays
disabled until there are none. The app's other tunnels (`others`) are checked too:
a name already taken, and a listen address one of them already listens on
(interop.clashes, as at import and export). On Save it emits `spec_saved(TunnelSpec)`.

Key regeneration: choosing "New identity" (after a confirmation) sets
`regenerate_key = True` and saves the spec with `key_file = ""`. The owner of the
dialog must then delete `keystore.key_path(spec)` before the tunnel next starts,
so the router creates a fresh destination (a new .b32 address) in the key store;
a user's own external key file is never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from i2ptunnel_gui.core.addresses import check_host, is_loopback_host
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec, kind_defaults
from i2ptunnel_gui.core.spec_checks import validate
from i2ptunnel_gui.interop.clashes import clashes_with, listen_address
from i2ptunnel_gui.ui import icons
from i2ptunnel_gui.ui.accessibility import describe_editor
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.editor_fields import parse_options
from i2ptunnel_gui.ui.editor_form import FIELDS, NEW_IDENTITY, EditorForm
from i2ptunnel_gui.ui.editor_server_policy import POLICY_FIELDS


class TunnelEditor(EditorForm):
    spec_saved = Signal(object)  # TunnelSpec, valid

    def __init__(
        self,
        spec: TunnelSpec | None,
        kind: TunnelKind = TunnelKind.FORWARD,
        others: Iterable[TunnelSpec] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tunnel_editor")
        self._original = spec
        self._base = spec if spec is not None else TunnelSpec.new("", TunnelKind(kind))
        self._others = [o for o in others if o.id != self._base.id]  # never itself
        self._taken = {o.name.strip().casefold() for o in self._others}
        # a new tunnel only shows a message once its field was edited; an existing one at once
        self._touched: set[str] = set(FIELDS) | set(POLICY_FIELDS) if spec is not None else set()
        self._loading = True
        self.regenerate_key = False
        self.errors: dict[str, str] = {}  # field -> message, as shown (tests read it)
        self.setWindowTitle(self.tr("New tunnel") if spec is None
                            else self.tr("Edit tunnel “{0}”").format(spec.name))
        self.setWindowIcon(icons.action_icon("new" if spec is None else "edit"))
        self._build_widgets()
        self._build_layout()
        describe_editor(self)  # names no row label gives; Tab passes through
        self._load(self._base)
        self._connect_signals()
        self._loading = False
        self._update()
        # the form's own minimum (ui/editor_scroll.py) keeps translated texts whole
        self.resize(max(560, self.minimumSizeHint().width()), self.height())
        self.fit_height(shrink=True)
        if spec is None:
            self.name.setFocus()  # New…: type the name first

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height(shrink=True)  # before the first show the rows' heights are estimates

    def _connect_signals(self) -> None:
        def touch(field: str) -> Callable[..., None]:
            return lambda *_: self._changed(field)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        for field in (
            "name",
            "listen_host",
            "listen_port",
            "target_host",
            "target_port",
            "destination",
            "sam_address",
        ):
            getattr(self, field).textChanged.connect(touch(field))
        self.description.textChanged.connect(touch("description"))
        for field in ("nconnect", "lifetime", "idle_timeout", "half_close_timeout",
                      "connect_timeout"):
            getattr(self, field).changed.connect(touch(field))
        self.allow_public_bind.toggled.connect(touch("listen_host"))
        self.auto_start.toggled.connect(touch("auto_start"))
        self.signature_type.currentIndexChanged.connect(touch("signature_type"))
        self.shape.changed.connect(touch("options"))
        self.options.textChanged.connect(touch("options"))
        self.client_fields.changed.connect(self._changed)
        self.key_mode.currentIndexChanged.connect(self._key_mode_changed)
        self.advanced_toggle.toggled.connect(self._show_advanced)
        self.policy.changed.connect(self._changed)
        self.save_button.clicked.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    # -- reactions --------------------------------------------------------------------
    def _changed(self, field: str) -> None:
        if not self._loading:
            self._touched.add(field)
            self._update()

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        # a new tunnel follows the kind's defaults until the user sets the field
        if self._original is None:
            defaults = kind_defaults(kind)
            self._loading, was = True, self._loading
            if "connect_timeout" not in self._touched:
                wanted = defaults["connect_timeout"]
                self.connect_timeout.set_value(wanted, wanted)
            if "listen_port" not in self._touched:  # the port users expect for the kind
                port = defaults.get("listen_port")
                self.listen_port.setText(str(port) if port else "")
            if "destination" not in self._touched:  # an IRC tunnel starts with Irc2P
                self.destination.setText(str(defaults.get("destination", "")))
            if "key_mode" not in self._touched:
                self.key_mode.setCurrentIndex(self.key_mode.findData(defaults["key_mode"]))
                self._key_index = self.key_mode.currentIndex()
            if "target_port" not in self._touched and "target_port" in defaults:
                self.target_port.setText(str(defaults["target_port"]))  # 7658, an eepsite
            self._loading = was
        self._update()
        self.fit_height(shrink=True)  # rows of the old kind are gone

    def _key_mode_changed(self, index: int) -> None:
        if self._loading:
            return
        self._touched.add("key_mode")
        if self.key_mode.itemData(index) != NEW_IDENTITY:
            self._key_index = index
            self.regenerate_key = False
            self._update()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Create a new identity?"),
            self.tr("This tunnel will get a new private key when you save, so its .b32 address "
                    "changes and the old address stops working for everyone who uses it.\n\n"
                    "This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirm_new_identity")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._new_identity_answered(result, box))
        box.open()

    def _new_identity_answered(self, result: int, box: QMessageBox) -> None:
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            self.regenerate_key = True
            self._key_index = self.key_mode.currentIndex()
        else:
            self.key_mode.setCurrentIndex(self._key_index)  # back to what it was
        self._update()

    def _problems(self, spec: TunnelSpec) -> dict[str, str]:
        problems: dict[str, str] = {}
        if spec.name.casefold() in self._taken:
            problems["name"] = self.tr("a tunnel named “{name}” already exists").format(
                name=spec.name)
        if spec.kind is not TunnelKind.FORWARD:
            _, why = parse_options(self.options.toPlainText())
            if why:
                problems["options"] = why
        for e in validate(spec):
            problems.setdefault(e.field, shown(e.message))
        if not {"listen_host", "listen_port"} & problems.keys():
            other = clashes_with(spec, self._others)
            if other is not None:  # both could not run: the second one would fail to bind
                problems["listen_port"] = self.tr(
                    "the tunnel “{other}” already listens on {address}; only one of them "
                    "can run: choose another port").format(
                        other=other.name, address=listen_address(other))
        return problems

    def _update(self) -> None:
        kind = self.current_kind()
        spec = self.spec()
        self.errors = self._problems(spec)
        for field, label in self.errors_label.items():
            message = self.errors.get(field, "")
            label.setText(message)
            label.setVisible(bool(message) and field in self._touched)
        self.policy.show_errors({f: m for f, m in self.errors.items() if f in self._touched})
        shown_advanced = {"signature_type", "sam_address", "options"} & self._touched
        if shown_advanced & set(self.errors) and not self.advanced_toggle.isChecked():
            self.advanced_toggle.setChecked(True)  # never hide a problem in a closed section
        self._update_visibility(kind)
        host = self.listen_host.text().strip()
        public = check_host(host) is None and not is_loopback_host(host)
        self.allow_public_bind.setVisible(spec.listens and public)
        self.listen_warning.setVisible(spec.listens and public and spec.allow_public_bind)
        self.listen_warning.setText(
            self.tr("⚠ {0} is not a loopback address: anyone who can reach this computer on "
                    "that address can use this tunnel.").format(host)
        )
        self.key_note.setVisible(self.regenerate_key)
        self.key_note.setText(
            self.tr("A new key will be created on save; the current .b32 address stops working.")
        )
        self.save_button.setEnabled(not self.errors)
        pending = [
            f for f in (*FIELDS, *POLICY_FIELDS) if f in self.errors and f not in self._touched
        ]
        self.save_hint.setVisible(bool(pending))
        titles = field_titles()
        self.save_hint.setText(self.tr("Still needed: {0}").format(
            ", ".join(titles.get(f, f.replace("_", " ")) for f in pending)))
        self.fit_height()

    def _save(self) -> None:
        spec = self.spec()
        self.errors = self._problems(spec)
        if self.errors:  # Save is disabled then; this guards programmatic clicks
            self._touched.update(self.errors)
            self._update()
            return
        if not self.listen_port_free(spec):  # held by another program: said inline
            return
        self.spec_saved.emit(spec)
        self.accept()


def field_titles() -> dict[str, str]:
    """Definition fields as the "Still needed" hint names them, in the UI's language."""
    return {
        "name": QCoreApplication.translate("TunnelEditor", "name"),
        "listen_host": QCoreApplication.translate("TunnelEditor", "listen address"),
        "listen_port": QCoreApplication.translate("TunnelEditor", "listen port"),
        "target_host": QCoreApplication.translate("TunnelEditor", "target host"),
        "target_port": QCoreApplication.translate("TunnelEditor", "target port"),
        "destination": QCoreApplication.translate("TunnelEditor", "destination"),
        "nconnect": QCoreApplication.translate("TunnelEditor", "max. connections"),
        "lifetime": QCoreApplication.translate("TunnelEditor", "connection lifetime"),
        "idle_timeout": QCoreApplication.translate("TunnelEditor", "idle timeout"),
        "half_close_timeout": QCoreApplication.translate("TunnelEditor", "half-close timeout"),
        "connect_timeout": QCoreApplication.translate("TunnelEditor", "connect timeout"),
        "signature_type": QCoreApplication.translate("TunnelEditor", "signature type"),
        "sam_address": QCoreApplication.translate("TunnelEditor", "SAM address"),
        "options": QCoreApplication.translate("TunnelEditor", "I2CP options"),
        "access_mode": QCoreApplication.translate("TunnelEditor", "access list"),
        "access_list": QCoreApplication.translate("TunnelEditor", "access list entries"),
        "conn_limits": QCoreApplication.translate("TunnelEditor", "connection limits"),
        "host_override": QCoreApplication.translate("TunnelEditor", "Host override"),
        "post_limits": QCoreApplication.translate("TunnelEditor", "POST limits"),
        "i2p_port": QCoreApplication.translate("TunnelEditor", "I2P port"),
    }
