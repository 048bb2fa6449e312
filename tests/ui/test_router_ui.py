"""Router panel, bandwidth graph, Preferences and the first-run empty state (widgets only)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit

from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.health import RouterHealth
from i2ptunnel_gui.core.router.monitor import BandwidthPoint, HealthSample
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus
from i2ptunnel_gui.core.sam.probe import SamStatus
from i2ptunnel_gui.ui.bandwidth_graph import IN_COLOUR, OUT_COLOUR, BandwidthGraph, nice_ceiling
from i2ptunnel_gui.ui.first_run import FirstRunPanel, RouterSituation
from i2ptunnel_gui.ui.preferences import AppPreferences, PreferencesDialog
from i2ptunnel_gui.ui.router_panel import RouterPanel

HEALTH = RouterHealth(
    version="2.45.1",
    uptime_s=75,
    net_status=0,
    known_peers=120,
    active_peers=12,
    participating_tunnels=3,
    tunnel_success_percent=41,
    bw_in=2048.0,
    bw_out=512.0,
    received_bytes=4096.0,
    sent_bytes=1024.0,
)


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_router_panel_shows_state_figures_and_log(qtbot) -> None:
    panel = shown(qtbot, RouterPanel())
    assert not panel.log_box.isVisible()  # External: no log of ours
    assert "SAM at 127.0.0.1:7656" not in panel.heading.text()
    panel.set_mode(RouterMode.EXTERNAL, "127.0.0.1:7656")
    assert panel.heading.text() == "Your router (SAM at 127.0.0.1:7656)"

    panel.set_mode(RouterMode.MANAGED, "")
    assert panel.log_box.isVisible()
    panel.set_status(
        RouterStatus(RouterState.RUNNING, sam_address="127.0.0.1:7656", pid=5, restarts=2)
    )
    assert panel.heading.text() == "Private router: Running, SAM at 127.0.0.1:7656"
    assert panel.state_message.text() == "Restarted 2 times"

    points = [BandwidthPoint(100.0 + i, 1000.0 * i, 10.0) for i in range(5)]
    panel.set_health(HealthSample(HEALTH), points)
    f = {k: v.text() for k, v in panel.figures.items()}
    assert f == {
        "network": "OK",
        "peers": "12 / 120",
        "tunnels": "3",
        "success": "41 %",
        "bandwidth": "2.0 KiB/s / 512 B/s",
        "total": "4.0 KiB / 1.0 KiB",
        "uptime": "1m 15s",
        "version": "2.45.1",
    }
    assert panel.health_note.text() == ""
    assert panel.graph.points == points

    panel.set_health(HealthSample(RouterHealth(known_peers=1, active_peers=0)), points)
    assert panel.health_note.text() == "Busy: finding peers (reseeding)"
    panel.set_health(HealthSample(None, "I2PControl at 127.0.0.1:7650: Connection refused"), [])
    assert set(v.text() for v in panel.figures.values()) == {"—"}
    assert panel.health_note.text() == "I2PControl at 127.0.0.1:7650: Connection refused"

    panel.set_log(["one", "two"])
    panel.append_log("three")
    assert panel.findChild(QPlainTextEdit, "router_log").toPlainText() == "one\ntwo\nthree"


def test_bandwidth_graph_scales_to_a_readable_top_and_draws_both_lines(qtbot) -> None:
    assert nice_ceiling(0) == 1024
    assert nice_ceiling(1500) == 2048
    assert nice_ceiling(60 * 1024) == 100 * 1024
    assert nice_ceiling(3 * 1024 * 1024) == 5 * 1024 * 1024
    graph = shown(qtbot, BandwidthGraph())
    graph.resize(300, 120)
    graph.set_points([BandwidthPoint(t, 800.0 * (t % 3), 200.0) for t in range(0, 300, 2)])
    assert graph.top == 2048
    assert graph.toolTip() == "In 800 B/s, out 200 B/s"  # the latest sample
    image = graph.grab().toImage()
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(image.height())
    }
    assert {IN_COLOUR.name(), OUT_COLOUR.name()} <= colours  # both lines are drawn


@pytest.fixture
def prefs_dialog(qtbot, tmp_path: Path):
    def make(prefs: AppPreferences, tester=None) -> PreferencesDialog:
        return shown(qtbot, PreferencesDialog(prefs, keys_dir=tmp_path / "keys", tester=tester))

    return make


def test_preferences_round_trip_and_refuse_bad_values(qtbot, prefs_dialog) -> None:
    prefs = AppPreferences(
        router=RouterPrefs(sam_address="127.0.0.1:7000", sam_user="me", sam_password="pw"),
        notifications=False,
        start_minimized=True,
    )
    dialog = prefs_dialog(prefs)
    assert dialog.value() == prefs
    form = dialog.router_form
    assert form.external_box.isVisible() and not form.managed_box.isVisible()
    form.managed.setChecked(True)
    assert form.managed_box.isVisible() and not form.external_box.isVisible()
    form.extra_conf.setPlainText("[sam]\nnonsense")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    assert "line 2: expected 'key = value'" in dialog.problems.text()
    form.extra_conf.setPlainText("[limits]\ntransittunnels = 100\n")
    form.bandwidth.setValue(300)
    form.share.setValue(50)
    dialog.start_at_login.setChecked(True)
    assert save.isEnabled() and dialog.problems.text() == ""
    with qtbot.waitSignal(dialog.saved) as got:
        save.click()
    result = got.args[0]
    assert result.router.mode is RouterMode.MANAGED
    assert result.router.managed == ManagedOptions(
        bandwidth_kbps=300, share_percent=50, extra_conf="[limits]\ntransittunnels = 100\n"
    )
    assert result.router.sam_user == "me" and result.start_at_login


def test_preferences_show_whether_i2pd_is_there(qtbot, prefs_dialog, tmp_path: Path) -> None:
    dialog = prefs_dialog(AppPreferences())
    form = dialog.router_form
    form.binary.setText(str(tmp_path / "no-i2pd"))
    assert "i2pd not found at" in form.binary_note.text()
    assert "apt install i2pd" in form.binary_note.text()


def test_preferences_test_button_probes_sam(qtbot, qloop, prefs_dialog) -> None:
    asked: list[str] = []

    async def tester(address: str) -> SamStatus:
        asked.append(address)
        return SamStatus(address, False, "", f"{address}: Connection refused")

    dialog = prefs_dialog(AppPreferences(), tester)
    form = dialog.router_form
    form.sam_address.setText("127.0.0.1:7999")
    form.test_button.click()
    qtbot.waitUntil(lambda: "No SAM bridge" in form.test_result.text())
    assert asked == ["127.0.0.1:7999"]
    assert form.test_result.text() == "No SAM bridge: 127.0.0.1:7999: Connection refused"


def test_keys_backup_from_preferences(qtbot, prefs_dialog, tmp_path: Path) -> None:
    dialog = prefs_dialog(AppPreferences())
    assert dialog.findChild(QLabel, "keys_folder").text() == str(tmp_path / "keys")
    dialog.backup_to(tmp_path / "b.zip")
    assert "no keys folder yet" in dialog.backup_result.text()
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "a.dat").write_bytes(b"key")
    dialog.backup_to(tmp_path / "b.zip")
    assert dialog.backup_result.text() == f"1 key file saved to {tmp_path / 'b.zip'}"
    assert zipfile.ZipFile(tmp_path / "b.zip").namelist() == ["a.dat"]


def test_first_run_walks_from_no_router_to_the_first_tunnel(qtbot) -> None:
    panel = shown(qtbot, FirstRunPanel())
    panel.show_no_router(i2pd_found=False, reason="SAM 127.0.0.1:7656: Connection refused")
    assert panel.situation is RouterSituation.NO_ROUTER
    assert "sudo apt install i2pd" in panel.text.text()
    assert "Connection refused" in panel.text.text()
    assert not panel.private_button.isEnabled()
    panel.show_no_router(i2pd_found=True, reason="")
    assert panel.private_button.isEnabled()
    with qtbot.waitSignal(panel.start_private_router):
        panel.private_button.click()
    assert not panel.mine.isVisible()
    panel.mine_button.click()
    assert panel.mine.isVisible() and "/configclients" in panel.mine.findChild(QLabel).text()
    with qtbot.waitSignal(panel.test_sam) as got:
        panel.findChild(type(panel.private_button), "first_run_test").click()
    assert got.args == ["127.0.0.1:7656"]
    panel.show_starting("finding peers (reseeding)")
    assert panel.situation is RouterSituation.STARTING and not panel.mine.isVisible()
    panel.show_ready("private router, SAM 127.0.0.1:7656")
    assert panel.server_button.isVisible() and not panel.private_button.isVisible()
    with qtbot.waitSignal(panel.new_server):
        panel.server_button.click()


def test_i2p_tunnels_that_wait_for_the_router_say_so(qtbot) -> None:
    from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
    from i2ptunnel_gui.core.status import TunnelState
    from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel

    model = TunnelTableModel()
    server = TunnelSpec(name="site", kind=TunnelKind.SERVER, target_port=80)
    forward = TunnelSpec(name="fwd", kind=TunnelKind.FORWARD, listen_port=1, target_port=2)
    for spec in (server, forward):
        model.add_spec(spec)
        model.set_state(spec.id, TunnelState.STARTING)
    col = TunnelTableModel.COL_STATE
    with qtbot.waitSignal(model.dataChanged):
        model.set_router_wait("waiting for the router: finding peers (reseeding)")
    assert (
        model.index(0, col).data() == "Starting — waiting for the router: finding peers (reseeding)"
    )
    assert model.index(1, col).data() == "Starting"  # a TCP forward needs no router
    model.set_state(server.id, TunnelState.RUNNING)
    assert model.index(0, col).data() == "Running"
    model.set_state(server.id, TunnelState.RECONNECTING)
    assert model.index(0, col).data().startswith("Reconnecting — waiting for the router")
    model.set_router_wait("")
    assert model.index(0, col).data() == "Reconnecting"
