"""The live connection table: one row per relayed connection of the selected tunnel.

Fed from engine snapshots (≤ 10 Hz) and built for 5 000 rows on the GUI thread:
a tick does only dict/set work (new ids, gone ids, one key sort); everything a cell
shows (rate, duration, text) is computed in data() for the rows the view paints.
New rows are appended with one beginInsertRows and highlighted briefly; closed rows
turn grey, then go with beginRemoveRows in contiguous ranges; each tick ends in ONE
dataChanged over the counter columns (whole rows only when some row changed look).

The model sorts itself (sort()) instead of sitting behind a QSortFilterProxyModel:
with 5 000 rows whose counters change every tick, the proxy's dynamic re-sort calls
data() ~300 000 times per tick (measured 285 ms); a key sort of the ids is ~2 ms.
SORT_ROLE still returns the raw value of each cell.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from i2ptunnel_gui.core.live_rows import (
    ROW_CLOSED,
    ROW_DIRECTION,
    ROW_ID,
    ROW_IN,
    ROW_OPENED,
    ROW_OUT,
    ROW_PEER,
    ROW_STATE,
    ConnectionRow,
    LiveSnapshot,
    connection_info,
)
from i2ptunnel_gui.core.status import ConnectionInfo, ConnState, Direction
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.format import human_bytes, human_duration, human_rate
from i2ptunnel_gui.ui.roles import ID_ROLE, SORT_ROLE

LOOK_PLAIN, LOOK_NEW, LOOK_GONE = range(3)  # how a row looks (cell())
HIGHLIGHT_SECONDS = 2.0  # a new connection row stays highlighted this long
GREY_SECONDS = 3.0  # a closed connection row stays (greyed) this long, then goes

_Index = QModelIndex | QPersistentModelIndex
_tr = QCoreApplication.translate
_ROOT = QModelIndex()
# one connection is kept as the engine's ConnectionRow, as it came (core/live_rows.py:
# a plain tuple, untracked by the GC, so 5 000 rows cost no GC time)
_CLOSED = ConnState.CLOSED.value
_STATE_LABELS = {  # the State column's words (the core's values are its keys)
    ConnState.CONNECTING.value: QT_TRANSLATE_NOOP("ConnectionTableModel", "connecting"),
    ConnState.OPEN.value: QT_TRANSLATE_NOOP("ConnectionTableModel", "open"),
    ConnState.HALF_CLOSED.value: QT_TRANSLATE_NOOP("ConnectionTableModel", "half-closed"),
    ConnState.CLOSED.value: QT_TRANSLATE_NOOP("ConnectionTableModel", "closed"),
}
_first = itemgetter(ROW_ID)
_state = itemgetter(ROW_STATE)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES = frozenset((_DISPLAY, _FOREGROUND, _BACKGROUND, _ALIGN, _TOOLTIP, int(SORT_ROLE),
                    int(ID_ROLE)))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ConnectionTableModel(QAbstractTableModel):
    (COL_PEER, COL_DIR, COL_OPENED, COL_DURATION, COL_IN, COL_OUT, COL_RATE,
     COL_STATE) = range(8)
    _HEADERS = (QT_TRANSLATE_NOOP("ConnectionTableModel", "Peer"),
                QT_TRANSLATE_NOOP("ConnectionTableModel", "Direction"),
                QT_TRANSLATE_NOOP("ConnectionTableModel", "Opened"),
                QT_TRANSLATE_NOOP("ConnectionTableModel", "Duration"),
                QT_TRANSLATE_NOOP("ConnectionTableModel", "Bytes in"),
                QT_TRANSLATE_NOOP("ConnectionTableModel", "Bytes out"),
                QT_TRANSLATE_NOOP("ConnectionTableModel", "Rate"),
                QT_TRANSLATE_NOOP("ConnectionTableModel", "State"))
    # columns that sort by a raw row field (what they show sorts the same way)
    _RAW_FIELD: Final = {COL_PEER: ROW_PEER, COL_DIR: ROW_DIRECTION, COL_OPENED: ROW_OPENED,
                         COL_IN: ROW_IN, COL_OUT: ROW_OUT, COL_STATE: ROW_STATE}

    def __init__(self, parent: Any = None, *, clock: Callable[[], float] = time.time,
                 grey_seconds: float = GREY_SECONDS) -> None:
        super().__init__(parent)
        self._clock = clock
        self._grey_seconds = grey_seconds
        self._tunnel_id: str | None = None
        self._sort_column = -1  # -1: arrival order
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._clear()
        theme.follow_theme(self, 0, self.COL_STATE)

    def _clear(self) -> None:
        self._order: list[int] = []  # connection ids in display order
        self._row_cache: dict[int, int] | None = {}  # id -> row; None: rebuild on use
        self._cur: dict[int, ConnectionRow] = {}  # latest sample (closed rows: last seen)
        self._prev: dict[int, ConnectionRow] = {}  # the sample before, for rates
        self._dt = 0.0
        self._now = 0.0
        self._sampled = False
        self._new_until: dict[int, float] = {}  # highlighted rows
        self._gone_at: dict[int, float] = {}  # greyed rows
        self._cursor: float | None = None  # engine clock of the last live rows merged

    @property
    def tunnel_id(self) -> str | None:
        return self._tunnel_id

    def set_tunnel(self, tunnel_id: str | None) -> None:
        if tunnel_id == self._tunnel_id:
            return
        self.beginResetModel()
        self._tunnel_id = tunnel_id
        self._clear()
        self.endResetModel()

    def open_count(self) -> int:
        """Rows that are still open (closed rows linger greyed for a moment)."""
        return len(self._order) - len(self._gone_at)

    def is_open(self, row: int) -> bool:
        """False for a closed row (greyed until it goes): nothing left to close there."""
        return 0 <= row < len(self._order) and self._order[row] not in self._gone_at

    def connection_id(self, row: int) -> int:
        return self._order[row]

    def connection_at(self, row: int) -> ConnectionInfo:
        return connection_info(self._tunnel_id or "", self._cur[self._order[row]])

    def rate(self, conn_id: int) -> float:
        """Bytes per second (both directions) over the last tick; 0 for closed rows."""
        prev = self._prev.get(conn_id)
        if prev is None or self._dt <= 0 or conn_id in self._gone_at:
            return 0.0
        c = self._cur[conn_id]
        return max(0, c[ROW_IN] + c[ROW_OUT] - prev[ROW_IN] - prev[ROW_OUT]) / self._dt

    # -- one tick -----------------------------------------------------------------
    def watch(self) -> dict[str, float | None]:
        """What the next live sample should carry for this table (EngineBridge asks
        before each sample): the shown tunnel's rows since the last ones merged, or all
        of them (None) when the table has none yet."""
        return {} if self._tunnel_id is None else {self._tunnel_id: self._cursor}

    def apply_snapshot(self, snap: LiveSnapshot) -> None:
        """Merge one live sample (the only way rows come in): the shown tunnel's rows in
        full or as a delta on the rows merged last."""
        if self._tunnel_id is None:
            return
        tid = self._tunnel_id
        live = snap.rows.get(tid)
        if live is None:  # asked for another tunnel; or this one is stopped: rows go
            if all(t.id != tid for t in snap.tunnels):
                self._merge_full((), snap.time)
            return
        if live.full:
            self._merge_full(live.rows, snap.time)
        elif live.since == self._cursor:
            self._merge_delta(live.rows, live.alive, snap.time)
        else:  # a delta on a base this table no longer has (tunnel switched back and
            return  # forth while a sample was out): watch() asks from our own cursor
        self._cursor = live.cursor

    def _merge_full(self, rows: tuple[ConnectionRow, ...], now: float) -> None:
        """Merge a full sample (`rows` = every open connection): insert new rows, update
        counters, grey then drop closed ones."""
        # C-level passes first: most ticks have no new, gone or closed connection
        new = dict(zip(map(_first, rows), rows, strict=True))
        old = self._cur
        if new.keys() == old.keys():
            self._merge(new, old, [], (), rows, now)
            return
        gone = old.keys() - new.keys() - self._gone_at.keys()
        fresh = [cid for cid in new if cid not in old]
        # closed rows stay (grey) for a moment, in place: the order deltas keep too
        self._merge({**old, **new}, old, fresh, gone, rows, now)

    def _merge_delta(self, rows: tuple[ConnectionRow, ...], alive: tuple[int, ...],
                     now: float) -> None:
        """Merge a delta sample: `rows` changed since the last merge, `alive` = the ids
        of every open connection. Work is in proportion to the rows that changed."""
        old = self._cur
        ids = list(map(_first, rows))
        prev = {cid: p for cid in ids if (p := old.get(cid)) is not None}
        fresh = [cid for cid in ids if cid not in old] if len(prev) < len(rows) else []
        old.update(zip(ids, rows, strict=True))
        gone: set[int] | tuple[()] = ()
        # every alive id is a row here (new ones come in `rows`): equal counts, none gone
        if len(alive) != len(old) - len(self._gone_at):  # new ones are not "gone": as full
            gone = old.keys() - self._gone_at.keys() - set(alive) - set(fresh)
        self._merge(old, prev, fresh, gone, rows, now)

    def _merge(self, cur: dict[int, ConnectionRow], prev: dict[int, ConnectionRow],
               fresh: list[int], gone: Iterable[int], rows: tuple[ConnectionRow, ...],
               now: float) -> None:
        looks_changed = bool(self._new_until)
        for cid in gone:  # gone from the engine
            r = cur[cid]
            self._gone_at[cid] = now
            cur[cid] = (*r[:ROW_STATE], _CLOSED, r[ROW_CLOSED] or now)
            looks_changed = True
        closing = rows if _CLOSED in map(_state, rows) else ()
        unseen: set[int] = set()
        for r in closing:  # the engine may still list a closed connection for a while
            if r[ROW_STATE] == _CLOSED and (cid := r[ROW_ID]) not in self._gone_at:
                if cid not in prev:  # new, i.e. opened and closed between two samples:
                    del cur[cid]  # nothing to show
                    unseen.add(cid)
                    continue
                self._gone_at[cid] = now
                looks_changed = True
        if unseen:
            fresh = [cid for cid in fresh if cid not in unseen]
        self._prev, self._cur = prev, cur
        self._dt, self._now = (now - self._now if self._sampled else 0.0), now
        self._sampled = True
        self._drop_expired(now)
        if fresh:
            n = len(self._order)
            self.beginInsertRows(_ROOT, n, n + len(fresh) - 1)
            self._row_cache = None
            for cid in fresh:
                self._new_until[cid] = now + HIGHLIGHT_SECONDS
            self._order.extend(fresh)
            self.endInsertRows()
        if self._new_until:
            self._new_until = {cid: t for cid, t in self._new_until.items() if t > now}
        self._resort()
        if self._order:
            first = 0 if looks_changed or fresh else self.COL_DURATION
            self.dataChanged.emit(self.index(0, first),
                                  self.index(len(self._order) - 1, self.COL_STATE))

    def _drop_expired(self, now: float) -> None:
        expired = {cid for cid, t in self._gone_at.items() if now - t >= self._grey_seconds}
        if not expired:
            return
        row_of = self._row_of()
        rows = sorted(row_of[cid] for cid in expired if cid in row_of)
        ranges: list[list[int]] = []  # contiguous, removed bottom-up
        for i in rows:
            if ranges and ranges[-1][1] == i - 1:
                ranges[-1][1] = i
            else:
                ranges.append([i, i])
        for first, last in reversed(ranges):
            self.beginRemoveRows(_ROOT, first, last)
            del self._order[first:last + 1]
            self.endRemoveRows()
        for cid in expired:
            del self._gone_at[cid]
            self._cur.pop(cid, None)
            self._new_until.pop(cid, None)
        self._row_cache = None

    def _row_of(self) -> dict[int, int]:
        """id -> row, rebuilt only when asked after a change (most ticks never ask)."""
        if self._row_cache is None:
            self._row_cache = dict(zip(self._order, range(len(self._order)), strict=True))
        return self._row_cache

    # -- sorting ----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._resort()

    def _resort(self) -> None:
        col = self._sort_column
        if col < 0 or len(self._order) < 2:
            return
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        field = self._RAW_FIELD.get(col)
        if field is not None:  # the hot path: a C-level key over the rows themselves
            # (_cur holds exactly the displayed ids; ties keep arrival order, as Qt's proxy)
            ordered = list(map(_first, sorted(self._cur.values(), key=itemgetter(field),
                                              reverse=reverse)))
        else:
            ordered = sorted(self._order, key=lambda cid: self._sort_value(cid, col),
                             reverse=reverse)
        if ordered == self._order:
            return  # no relayout for the view
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [(self._order[i.row()], i.column()) for i in old]
        self._order = ordered
        self._row_cache = None
        if old:  # the view's current index, a selection: usually a handful
            find = ordered.index if len(old) <= 32 else self._row_of().__getitem__
            self.changePersistentIndexList(old, [self.index(find(cid), c) for cid, c in kept])
        self.layoutChanged.emit()

    # -- Qt interface -------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._HEADERS)):
            return _tr("ConnectionTableModel", str(self._HEADERS[section]))
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # called ~1 200 times per repaint (7 roles per cell): plain int roles, cheapest
        # checks first (overriding multiData() instead measured no faster in PySide 6.11)
        if role not in _ROLES:
            return None
        row = index.row()
        if not index.isValid() or row >= len(self._order):
            return None
        cid, col = self._order[row], index.column()
        if role == _DISPLAY:
            return self._display(cid, col)
        if role == _FOREGROUND:
            return theme.current().muted if cid in self._gone_at else None
        if role == _BACKGROUND:
            if cid not in self._gone_at and self._new_until.get(cid, 0.0) > self._clock():
                return theme.current().new_row
            return None
        if role == _ALIGN:
            return _RIGHT if self.COL_DURATION <= col <= self.COL_RATE else None
        if role == SORT_ROLE:
            return self._sort_value(cid, col)
        if role == ID_ROLE:
            return cid
        if role == _TOOLTIP and col == self.COL_PEER:
            return self._cur[cid][ROW_PEER]
        return None

    def cell(self, row: int, col: int) -> tuple[str, bool, int]:
        """What ConnectionDelegate paints, without data()'s seven calls per cell:
        (text, right-aligned, LOOK_PLAIN | LOOK_NEW | LOOK_GONE)."""
        cid = self._order[row]
        if cid in self._gone_at:
            look = LOOK_GONE
        elif self._new_until.get(cid, 0.0) > self._clock():
            look = LOOK_NEW
        else:
            look = LOOK_PLAIN
        return self._display(cid, col), self.COL_DURATION <= col <= self.COL_RATE, look

    def _duration(self, cid: int) -> float:
        c = self._cur[cid]
        end = c[ROW_CLOSED] if c[ROW_CLOSED] is not None else self._gone_at.get(cid, self._now)
        return end - c[ROW_OPENED]

    def _display(self, cid: int, col: int) -> str:
        c = self._cur[cid]
        if col == self.COL_PEER:
            return c[ROW_PEER]
        if col == self.COL_DIR:
            return (QCoreApplication.translate("ConnectionTableModel", "in")
                    if c[ROW_DIRECTION] == Direction.INBOUND.value
                    else QCoreApplication.translate("ConnectionTableModel", "out"))
        if col == self.COL_OPENED:
            return time.strftime("%H:%M:%S", time.localtime(c[ROW_OPENED]))
        if col == self.COL_DURATION:
            return human_duration(self._duration(cid))
        if col == self.COL_IN:
            return human_bytes(c[ROW_IN])
        if col == self.COL_OUT:
            return human_bytes(c[ROW_OUT])
        if col == self.COL_RATE:
            return "" if cid in self._gone_at else human_rate(self.rate(cid))
        if col == self.COL_STATE:
            label = _STATE_LABELS.get(c[ROW_STATE])
            return _tr("ConnectionTableModel", str(label)) if label else c[ROW_STATE]
        return ""

    def _sort_value(self, cid: int, col: int) -> Any:
        c = self._cur[cid]
        if col == self.COL_OPENED:
            return c[ROW_OPENED]
        if col == self.COL_DURATION:
            return self._duration(cid)
        if col == self.COL_IN:
            return c[ROW_IN]
        if col == self.COL_OUT:
            return c[ROW_OUT]
        if col == self.COL_RATE:
            return self.rate(cid)
        return self._display(cid, col)
