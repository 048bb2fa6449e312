"""ConnectionDelegate paints what data() says, from one model call per cell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from samples import feed

from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.connection_delegate import ConnectionDelegate
from i2ptunnel_gui.ui.connection_model import (
    GREY_SECONDS,
    HIGHLIGHT_SECONDS,
    LOOK_GONE,
    LOOK_NEW,
    LOOK_PLAIN,
    ConnectionTableModel,
)
from i2ptunnel_gui.ui.tables import make_table


def row(cid: int, bin_: int = 0, peer: str | None = None):
    return (cid, peer or f"127.0.0.1:{50000 + cid}", "out", 1000.0, bin_, 0, "open", None)


def _table(qtbot, model: ConnectionTableModel):
    view = make_table("connection_table", model)
    view.setItemDelegate(ConnectionDelegate(model, view))
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def _has_color(image: QImage, color: QColor) -> bool:
    want = color.rgb()
    return any(image.pixel(x, y) == want for y in range(0, image.height(), 2)
               for x in range(0, image.width(), 3))


def test_cell_agrees_with_data() -> None:
    now = [0.0]
    m = ConnectionTableModel(clock=lambda: now[0])
    m.set_tunnel("t")
    feed(m, (row(1, 2048), row(2, 7)), 0.0)
    now[0] = HIGHLIGHT_SECONDS + 1
    feed(m, (row(1, 4096), row(3)), now[0])  # 2 closed, 3 new
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            index = m.index(r, c)
            text, right, look = m.cell(r, c)
            assert text == index.data()
            align = index.data(Qt.ItemDataRole.TextAlignmentRole)
            assert right == bool(align is not None and align & Qt.AlignmentFlag.AlignRight)
            gone = index.data(Qt.ItemDataRole.ForegroundRole) == theme.current().muted
            new = index.data(Qt.ItemDataRole.BackgroundRole) == theme.current().new_row
            assert look == (LOOK_GONE if gone else LOOK_NEW if new else LOOK_PLAIN)
    assert {m.cell(r, 0)[2] for r in range(3)} == {LOOK_PLAIN, LOOK_GONE, LOOK_NEW}


def test_delegate_paints_highlights_and_grey(qtbot) -> None:
    now = [0.0]
    m = ConnectionTableModel(clock=lambda: now[0])
    m.set_tunnel("t")
    view = _table(qtbot, m)
    feed(m, (row(1),), 0.0)
    assert _has_color(view.viewport().grab().toImage(), theme.current().new_row)  # new: highlighted
    now[0] = HIGHLIGHT_SECONDS + 1
    feed(m, (row(1, 10),), now[0])
    image = view.viewport().grab().toImage()
    colours = theme.current()
    assert not _has_color(image, colours.new_row) and not _has_color(image, colours.muted)
    now[0] += 1
    feed(m, (), now[0])  # closed: grey text
    assert _has_color(view.viewport().grab().toImage(), theme.current().muted)
    now[0] += GREY_SECONDS
    feed(m, (), now[0])
    assert m.rowCount() == 0


def test_delegate_elides_long_peers_and_right_aligns_numbers(qtbot) -> None:
    m = ConnectionTableModel(clock=lambda: 100.0)
    m.set_tunnel("t")
    view = _table(qtbot, m)
    peer = "x" * 52 + ".b32.i2p"
    feed(m, (row(1, 5, peer=peer),), 0.0)
    view.setColumnWidth(m.COL_PEER, 120)
    delegate = view.itemDelegate()
    assert isinstance(delegate, ConnectionDelegate)
    view.viewport().grab()
    laid_out = [st.text() for (text, room), (st, _w) in delegate._texts.items()
                if text == peer]
    assert laid_out and all(t.endswith("…") and len(t) < len(peer) for t in laid_out)
    # the bytes column's text sits at the right edge of its cell
    rect = view.visualRect(m.index(0, m.COL_IN))
    image = view.viewport().grab().toImage()
    base = image.pixel(rect.center().x(), rect.top() + 1)
    ink = [x for x in range(rect.left(), rect.right())
           for y in range(rect.top() + 2, rect.bottom() - 1) if image.pixel(x, y) != base]
    assert ink and min(ink) > rect.center().x()
