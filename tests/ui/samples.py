"""What UI tests feed the models and panels: tunnel statuses and live samples, built the
way the engine builds them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fake_engine import connection_row

from i2ptunnel_gui.core.live_rows import ConnectionRow, LiveRows, LiveSnapshot
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import ConnectionInfo, TunnelState, TunnelStatus
from i2ptunnel_gui.ui.connection_model import ConnectionTableModel

WEB = TunnelSpec(name="web", kind=TunnelKind.FORWARD, listen_port=18081, target_port=80)
SSH = TunnelSpec(name="ssh", kind=TunnelKind.FORWARD, listen_port=18022, target_port=22)


def status(spec: TunnelSpec, state: TunnelState = TunnelState.RUNNING,
           **kw: Any) -> TunnelStatus:
    return TunnelStatus(id=spec.id, name=spec.name, kind=spec.kind.value, state=state, **kw)


def full_sample(now: float, conns: Iterable[ConnectionInfo],
                tunnels: tuple[TunnelStatus, ...] = ()) -> LiveSnapshot:
    """A live sample carrying every connection of each tunnel in `conns`, in full."""
    by_tunnel: dict[str, list[ConnectionInfo]] = {}
    for c in conns:
        by_tunnel.setdefault(c.tunnel_id, []).append(c)
    rows = {tid: LiveRows(tuple(map(connection_row, cs)), tuple(c.id for c in cs), now)
            for tid, cs in by_tunnel.items()}
    return LiveSnapshot(now, tunnels, rows=rows)


def feed(model: ConnectionTableModel, rows: Iterable[ConnectionRow], now: float, *,
         alive: Iterable[int] | None = None) -> None:
    """Merge `rows` into `model` through its one way in, a live sample of the tunnel it
    shows: every row (`alive` None), or a delta on the rows it merged last, `alive`
    then being the ids of every open connection."""
    tid = model.tunnel_id
    assert tid is not None, "the model shows no tunnel"
    rows = tuple(rows)
    if alive is None:
        live = LiveRows(rows, tuple(r[0] for r in rows), now)
    else:
        since = model.watch()[tid]
        assert since is not None, "a delta needs a full sample merged first"
        live = LiveRows(rows, tuple(alive), now, since)
    running = TunnelStatus(id=tid, name=tid, kind="forward", state=TunnelState.RUNNING)
    model.apply_snapshot(LiveSnapshot(now, (running,), rows={tid: live}))
