"""File → Export…, driven by objectName: single files, folders and bundles with keys."""

from __future__ import annotations

import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit

from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.model import same_definition
from i2ptunnel_gui.interop.reader import load
from i2ptunnel_gui.ui.export_dialog import ExportDialog, open_export

DATA = Path(__file__).resolve().parents[1] / "data"
SRV = TunnelSpec(name="srv", kind=TunnelKind.SERVER, target_port=22)
FWD = TunnelSpec(name="fwd", kind=TunnelKind.FORWARD, listen_port=1, target_port=2)


def _open(qtbot: Any, specs: list[TunnelSpec], keys: Path) -> ExportDialog:
    """The dialog as File → Export… opens it (the controller's specs, the app's keys)."""
    controller = SimpleNamespace(specs=lambda: list(specs))
    dlg = open_export(None, controller, SimpleNamespace(keys_dir=keys))
    qtbot.addWidget(dlg)
    return dlg


def _choose(dlg: ExportDialog, fmt: str, layout: str, out: Path) -> None:
    index = dlg.format_box.findData(f"{fmt}-{layout}")
    assert index >= 0, f"no {fmt} {layout} export offered"
    dlg.format_box.setCurrentIndex(index)
    dlg.path_edit.setText(str(out))


def _report(dlg: ExportDialog) -> str:
    return dlg.findChild(QPlainTextEdit, "export_report").toPlainText()


def test_export_dialog_writes_each_file_format(qtbot: Any, tmp_path: Path) -> None:
    dlg = _open(qtbot, [SRV, FWD], tmp_path / "keys")
    assert not dlg.export_button.isEnabled()  # no path yet
    assert "Private keys are not copied" in _report(dlg)
    for fmt, layout, out in (("java", "file", tmp_path / "i2ptunnel.config"),
                             ("java", "split", tmp_path / "split.d"),
                             ("i2pd", "file", tmp_path / "tunnels.conf")):
        _choose(dlg, fmt, layout, out)
        dlg.export_button.click()
        report = _report(dlg)
        assert report.startswith(f"Exported 1 tunnel to {out}")
        assert "no plain TCP forward" in report
        found = load(out)
        assert [t.spec.name for t in found.tunnels] == ["srv"]
        assert same_definition(found.tunnels[0].spec, SRV)
    dlg.path_edit.setText(str(tmp_path / "missing" / "x.conf"))
    dlg.export_button.click()
    assert _report(dlg).startswith("Not exported:")


def test_bundle_carries_the_keys_and_lists_the_steps(qtbot: Any, tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    key = (DATA / "i2pd" / "ssh-in.dat").read_bytes()
    KeyStore(keys).save(KeyStore(keys).key_path(SRV), key)
    dlg = _open(qtbot, [SRV, FWD], keys)
    _choose(dlg, "i2pd", "bundle", tmp_path / "unused")
    assert "with copies of their private keys" in _report(dlg)

    for fmt, config in (("i2pd", "tunnels.conf"), ("java", "i2ptunnel.config.d")):
        out = tmp_path / f"{fmt}-bundle"
        _choose(dlg, fmt, "bundle", out)
        dlg.export_button.click()
        lines = _report(dlg).splitlines()
        assert lines[0] == f"Exported 1 tunnel to {out}"
        assert lines.index("Next steps:") > 0
        steps = lines[lines.index("Next steps:") + 1:]
        assert [s[:3] for s in steps] == ["1. ", "2. ", "3. "]
        assert str(out / config) in steps[0]
        assert f"copy the key files (srv.dat) from {out}" in steps[1]
        assert steps[2].startswith("3. restart the router")
        assert (out / "srv.dat").read_bytes() == key
        assert stat.S_IMODE((out / "srv.dat").stat().st_mode) == 0o600
        found = load(out / config)
        assert [t.spec.name for t in found.tunnels] == ["srv"]
        assert found.tunnels[0].key_source == out / "srv.dat"  # the bundle names its copy
        assert dlg.result_ is not None and out / "srv.dat" in dlg.result_.files


def test_clashing_tunnels_are_not_exported(qtbot: Any, tmp_path: Path) -> None:
    a = TunnelSpec(name="a", kind=TunnelKind.CLIENT, listen_port=6668, destination="x.i2p")
    b = a.replace(id="other", name="b", listen_host="0.0.0.0")
    dlg = _open(qtbot, [a, b], tmp_path / "keys")
    out = tmp_path / "bundle"
    _choose(dlg, "i2pd", "bundle", out)
    dlg.export_button.click()
    assert _report(dlg) == (
        "Not exported: 'b' listens on 0.0.0.0:6668, as 'a' does (127.0.0.1:6668): the "
        "router would run only one of them; change a port first (nothing exported)")
    assert not out.exists() and dlg.result_ is None
