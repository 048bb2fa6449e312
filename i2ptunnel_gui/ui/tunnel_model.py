"""The tunnel table: one row per tunnel definition, with its state and counters.

The TunnelController is the only writer: definitions from the settings, states from
engine events and samples (≤ 10 Hz). Rows come and go with beginInsertRows/
beginRemoveRows, and each sample ends in ONE dataChanged over the state and counter
columns. `SORT_ROLE` returns raw values (ints, floats, text) for `SortProxy`, which
then compares them instead of the displayed text. The model also keeps the tunnels'
TrafficHistory, fed by the same samples; the Activity column hands a tunnel's series
to the sparkline delegate under `HISTORY_ROLE`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import EngineSnapshot, TunnelState, TunnelStatus
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.core_texts import shown
from i2ptunnel_gui.ui.format import human_rate
from i2ptunnel_gui.ui.icons import state_icon
from i2ptunnel_gui.ui.refusal_labels import refusals_text
from i2ptunnel_gui.ui.roles import HISTORY_ROLE, ID_ROLE, SORT_ROLE
from i2ptunnel_gui.ui.traffic_history import TrafficHistory
from i2ptunnel_gui.ui.tunnel_states import state_label

_Index = QModelIndex | QPersistentModelIndex
_tr = QCoreApplication.translate
_ROOT = QModelIndex()

KIND_LABELS = {
    TunnelKind.FORWARD: QT_TRANSLATE_NOOP("TunnelTableModel", "TCP forward"),
    TunnelKind.SERVER: QT_TRANSLATE_NOOP("TunnelTableModel", "I2P server"),
    TunnelKind.CLIENT: QT_TRANSLATE_NOOP("TunnelTableModel", "I2P client"),
    TunnelKind.HTTP_SERVER: QT_TRANSLATE_NOOP("TunnelTableModel", "I2P web site"),
    TunnelKind.HTTP_PROXY: QT_TRANSLATE_NOOP("TunnelTableModel", "HTTP proxy"),
    TunnelKind.SOCKS: QT_TRANSLATE_NOOP("TunnelTableModel", "SOCKS proxy"),
    TunnelKind.IRC: QT_TRANSLATE_NOOP("TunnelTableModel", "IRC client"),
}


def local_endpoint(spec: TunnelSpec, status: TunnelStatus | None) -> str:
    if status is not None and status.local_address:
        return status.local_address
    if spec.listens:
        host = f"[{spec.listen_host}]" if ":" in spec.listen_host else spec.listen_host
        return f"{host}:{spec.listen_port}"
    return f"→ {spec.target_host}:{spec.target_port}"


@dataclass(slots=True)
class _TunnelRow:
    spec: TunnelSpec
    status: TunnelStatus | None = None
    rate_in: float = 0.0
    rate_out: float = 0.0
    sampled_at: float = 0.0
    key_address: str = ""  # from the key file (ui/key_address.py), shown while stopped


class TunnelTableModel(QAbstractTableModel):
    COL_NAME, COL_KIND, COL_STATE, COL_LOCAL, COL_I2P, COL_CONNS, COL_IN, COL_OUT = range(8)
    COL_REFUSED = 8  # server kinds: streams turned away (per reason in the tooltip)
    COL_ACTIVITY = 9  # connections over the last minutes (ui/sparkline_delegate.py)
    _HEADERS = (QT_TRANSLATE_NOOP("TunnelTableModel", "Name"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "Kind"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "State"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "Local endpoint"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "I2P address"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "Connections"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "In"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "Out"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "Refused"),
                QT_TRANSLATE_NOOP("TunnelTableModel", "Activity"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_TunnelRow] = []
        self._router_wait = ""  # what the app's router is busy with (ui/router_ui.py)
        theme.follow_theme(self, self.COL_STATE, self.COL_STATE)
        self.history = TrafficHistory()

    # -- queries ------------------------------------------------------------
    def specs(self) -> list[TunnelSpec]:
        return [r.spec for r in self._rows]

    def spec_at(self, row: int) -> TunnelSpec:
        return self._rows[row].spec

    def row_of(self, tunnel_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.spec.id == tunnel_id:
                return i
        return -1

    def spec_of(self, tunnel_id: str) -> TunnelSpec | None:
        row = self.row_of(tunnel_id)
        return self._rows[row].spec if row >= 0 else None

    def state_of(self, tunnel_id: str) -> TunnelState:
        row = self.row_of(tunnel_id)
        status = self._rows[row].status if row >= 0 else None
        return status.state if status is not None else TunnelState.STOPPED

    def status_of(self, tunnel_id: str) -> TunnelStatus | None:
        row = self.row_of(tunnel_id)
        return self._rows[row].status if row >= 0 else None

    # -- changes ------------------------------------------------------------
    def set_specs(self, specs: list[TunnelSpec]) -> None:
        self.beginResetModel()
        self._rows = [_TunnelRow(s) for s in specs]
        self.history.retain(s.id for s in specs)
        self.endResetModel()

    def add_spec(self, spec: TunnelSpec) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(_TunnelRow(spec))
        self.endInsertRows()

    def replace_spec(self, spec: TunnelSpec) -> None:
        row = self.row_of(spec.id)
        if row < 0:
            raise KeyError(spec.id)
        self._rows[row].spec = spec
        self._row_changed(row)

    def remove_spec(self, tunnel_id: str) -> None:
        row = self.row_of(tunnel_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.history.forget(tunnel_id)
        self.endRemoveRows()

    def set_state(self, tunnel_id: str, state: TunnelState, message: str = "") -> None:
        """An event arrived: show the new state at once, before the next snapshot."""
        row = self.row_of(tunnel_id)
        if row < 0:
            return
        r = self._rows[row]
        spec = r.spec
        base = r.status or TunnelStatus(id=spec.id, name=spec.name, kind=spec.kind.value,
                                        state=state)
        r.status = _replace_status(base, state=state, message=message)
        self._row_changed(row)

    def set_key_address(self, tunnel_id: str, text: str) -> None:
        if (row := self.row_of(tunnel_id)) >= 0 and self._rows[row].key_address != text:
            self._rows[row].key_address = text
            self.dataChanged.emit(self.index(row, self.COL_I2P), self.index(row, self.COL_I2P))

    def set_router_wait(self, text: str) -> None:
        """I2P tunnels still starting or reconnecting show that they wait for the router
        and what it does ("" = it is ready)."""
        if text != self._router_wait:
            self._router_wait = text
            if self._rows:
                self.dataChanged.emit(self.index(0, self.COL_STATE),
                                      self.index(len(self._rows) - 1, self.COL_STATE))

    def _waits_for_router(self, r: _TunnelRow, state: TunnelState) -> bool:
        return bool(self._router_wait) and r.spec.kind is not TunnelKind.FORWARD and state in (
            TunnelState.STARTING, TunnelState.RECONNECTING)

    def apply_snapshot(self, snap: EngineSnapshot) -> None:
        """Counters and states of every tunnel; one dataChanged for the whole tick."""
        self.history.add_sample(snap.time, snap.tunnels)
        if not self._rows:
            return
        by_id = {s.id: s for s in snap.tunnels}
        for r in self._rows:
            status = by_id.get(r.spec.id)
            if status is None:  # not in the engine: stopped, or its start failed (Error kept)
                if r.status is not None and r.status.state.active:
                    r.status = _replace_status(r.status, state=TunnelState.STOPPED,
                                               active_connections=0)
                r.rate_in = r.rate_out = 0.0
                continue
            prev = r.status
            dt = snap.time - r.sampled_at
            if prev is not None and r.sampled_at and dt > 0:
                r.rate_in = max(0, status.bytes_in - prev.bytes_in) / dt
                r.rate_out = max(0, status.bytes_out - prev.bytes_out) / dt
            else:
                r.rate_in = r.rate_out = 0.0
            r.status, r.sampled_at = status, snap.time
        self.dataChanged.emit(self.index(0, self.COL_STATE),
                              self.index(len(self._rows) - 1, self.COL_ACTIVITY))

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- Qt interface -------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._HEADERS)):
            return _tr("TunnelTableModel", str(self._HEADERS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        st = r.status
        state = st.state if st is not None else TunnelState.STOPPED
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col, state)
        if role == SORT_ROLE:
            return self._sort_value(r, col, state)
        if role == ID_ROLE:
            return r.spec.id
        if col == self.COL_ACTIVITY:
            return self._activity(r, role)
        if col == self.COL_STATE:
            if role == Qt.ItemDataRole.DecorationRole:
                return state_icon(state)
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.current().state(state)
            if role == Qt.ItemDataRole.ToolTipRole and st is not None and st.message:
                return shown(st.message)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.COL_CONNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_I2P:
            return self._own_address(r, state) or None
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_REFUSED and st is not None:
            return refusals_text(st.refusals) if st.refusals else None
        return None

    def _display(self, r: _TunnelRow, col: int, state: TunnelState) -> str:
        st = r.status
        if col == self.COL_NAME:
            return r.spec.name
        if col == self.COL_KIND:
            return _tr("TunnelTableModel", str(KIND_LABELS[r.spec.kind]))
        if col == self.COL_STATE:
            if self._waits_for_router(r, state):
                return f"{state_label(state)} — {self._router_wait}"
            return state_label(state)
        if col == self.COL_LOCAL:
            return local_endpoint(r.spec, st)
        if col == self.COL_I2P:
            if r.spec.kind in (TunnelKind.CLIENT, TunnelKind.IRC):  # where it goes
                return r.spec.destination if len(r.spec.destination) < 70 else (
                    r.spec.destination[:20] + "…")
            return self._own_address(r, state)
        if col == self.COL_CONNS:
            return str(st.active_connections) if st is not None and state.active else ""
        if col == self.COL_IN:
            return human_rate(r.rate_in) if state.active else ""
        if col == self.COL_OUT:
            return human_rate(r.rate_out) if state.active else ""
        if col == self.COL_REFUSED:
            return str(st.refused_connections) if st is not None and r.spec.serves else ""
        return ""

    def _own_address(self, r: _TunnelRow, state: TunnelState) -> str:
        """The running session's address; stopped, the one in the key file (if any)."""
        st = r.status
        if st is not None and st.i2p_address and state.active:
            return st.i2p_address
        return r.key_address or (st.i2p_address if st is not None else "")

    def _activity(self, r: _TunnelRow, role: int) -> Any:
        if role == HISTORY_ROLE:
            return self.history.points(r.spec.id)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            points = self.history.points(r.spec.id)
            if not points:
                return None
            peak = max(p.connections for p in points)
            return QCoreApplication.translate(
                "TunnelTableModel",
                "Open connections over the last 5 minutes: now {0}, peak {1}").format(
                points[-1].connections, peak)
        return None

    def _sort_value(self, r: _TunnelRow, col: int, state: TunnelState) -> Any:
        if col == self.COL_CONNS:
            return r.status.active_connections if r.status is not None else 0
        if col == self.COL_IN:
            return r.rate_in
        if col == self.COL_OUT:
            return r.rate_out
        if col == self.COL_REFUSED:
            return r.status.refused_connections if r.status is not None else 0
        if col == self.COL_ACTIVITY:  # the busiest recently first
            return max((p.connections for p in self.history.points(r.spec.id)), default=0)
        if col == self.COL_NAME:
            return r.spec.name.casefold()
        return self._display(r, col, state).casefold()


def _replace_status(status: TunnelStatus, **changes: Any) -> TunnelStatus:
    return replace(status, **changes)


class SortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE (raw values); the source model keeps its own order."""

    def __init__(self, source: QAbstractTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

