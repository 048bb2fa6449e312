"""Details rows of server policy: site link with Copy, access list, limits, refusals."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState, TunnelStatus
from i2ptunnel_gui.ui.details_server_policy import ServerPolicyDetails, limits_text

B32 = "testvjtq2sfj5a6m7dwecpuxwbpwglgrma4i2iisxg2g5bnogm5a.b32.i2p"


def status(spec: TunnelSpec, **kw: object) -> TunnelStatus:
    return TunnelStatus(spec.id, spec.name, spec.kind.value, TunnelState.RUNNING, **kw)


def test_http_server_shows_its_site_link_and_copies_it(qtbot: QtBot) -> None:
    w = ServerPolicyDetails()
    qtbot.addWidget(w)
    w.show()
    spec = TunnelSpec.new("web", TunnelKind.HTTP_SERVER)
    w.set_spec(spec)
    assert not w.site_row.isVisible()  # no address before it runs
    w.set_status(status(spec, i2p_address=B32))
    assert w.site_row.isVisible() and w.url == f"http://{B32}/"
    with qtbot.waitSignal(w.copied):
        w.copy_site.click()
    assert QGuiApplication.clipboard().text() == f"http://{B32}/"


def test_access_list_is_shown_as_configured_then_as_resolved(qtbot: QtBot) -> None:
    w = ServerPolicyDetails()
    qtbot.addWidget(w)
    w.show()
    spec = TunnelSpec.new(
        "s",
        TunnelKind.SERVER,
        target_port=22,
        access_mode=AccessMode.ALLOW,
        access_list=("friend.i2p",),
    )
    w.set_spec(spec)
    assert w.access.text() == "only these 1 may connect:\nfriend.i2p"
    w.set_status(
        status(
            spec,
            access_entries=(f"friend.i2p → {B32}",),
            refusals=((Refusal.ACCESS_LIST, 4), (Refusal.TOTAL_DAY, 1)),
        )
    )
    assert B32 in w.access.text()
    assert w.refused.text() == "access list: 4, total per day: 1"
    assert not w.site_row.isVisible()  # a plain server has no web link


def test_other_tunnels_are_ignored_and_clients_show_only_their_port(qtbot: QtBot) -> None:
    w = ServerPolicyDetails()
    qtbot.addWidget(w)
    w.show()
    spec = TunnelSpec.new("c", TunnelKind.CLIENT, listen_port=1, destination=B32, i2p_port=80)
    w.set_spec(spec)
    assert w.isVisible() and w.port.isVisible() and not w.access.isVisible()
    assert w.port.text() == "destination port 80"
    other = TunnelSpec.new("x", TunnelKind.SERVER, target_port=1)
    w.set_status(status(other, refusals=((Refusal.ACCESS_LIST, 1),)))
    assert w.refused.text() == "none"
    w.set_spec(TunnelSpec.new("f", TunnelKind.FORWARD, listen_port=1, target_port=2))
    assert not w.isVisible()


def test_limits_text() -> None:
    assert limits_text(ConnLimits()) == "no limit"
    assert (
        limits_text(ConnLimits(client_per_minute=2, client_per_day=20, total_per_hour=100))
        == "2/min 20/day per client; 100/h in total"
    )


def test_a_web_sites_qr_code_on_screen_is_its_http_link(qtbot: QtBot) -> None:
    import zxingcpp
    from PySide6.QtWidgets import QLabel

    from i2ptunnel_gui.ui.details import DetailsPanel

    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    spec = TunnelSpec.new("web", TunnelKind.HTTP_SERVER)
    panel.set_spec(spec)
    panel.set_status(status(spec, i2p_address=B32, refusals=((Refusal.POST_LIMIT, 2),)))
    shot = panel.findChild(QLabel, "qr_code").grab().toImage()
    gray = shot.convertToFormat(shot.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())
    pixels = b"".join(raw[y * stride : y * stride + width] for y in range(height))
    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))
    assert [b.text for b in found] == [f"http://{B32}/"]
    assert panel.policy.refused.text() == "POST limit: 2"
