"""The tunnel table's web-site kind and its Refused column (reasons in the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from samples import status

from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import EngineSnapshot
from i2ptunnel_gui.ui.roles import SORT_ROLE
from i2ptunnel_gui.ui.tunnel_model import TunnelTableModel


def test_refused_streams_show_per_reason_for_server_kinds(qtmodeltester) -> None:
    site = TunnelSpec.new("site", TunnelKind.HTTP_SERVER)
    fwd = TunnelSpec.new("fwd", TunnelKind.FORWARD, listen_port=1, target_port=2)
    model = TunnelTableModel()
    model.set_specs([site, fwd])
    counts = ((Refusal.ACCESS_LIST, 4), (Refusal.CLIENT_MINUTE, 1))
    model.apply_snapshot(
        EngineSnapshot(
            1.0,
            (
                status(site, refused_connections=5, refusals=counts),
                status(fwd, refused_connections=2),
            ),
        )
    )
    qtmodeltester.check(model)
    col = TunnelTableModel.COL_REFUSED
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Refused"
    assert model.index(0, TunnelTableModel.COL_KIND).data() == "I2P web site"
    cell = model.index(0, col)
    assert cell.data() == "5" and cell.data(SORT_ROLE) == 5
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "access list: 4, client per minute: 1"
    assert model.index(1, col).data() == ""  # not a server kind
