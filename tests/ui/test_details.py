"""The details panel: address + Copy + QR, key file, endpoint, state, bounded log."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import segno
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget
from samples import status

from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelEvent, TunnelState
from i2ptunnel_gui.ui import theme
from i2ptunnel_gui.ui.details import DetailsPanel
from i2ptunnel_gui.ui.qr import QUIET_ZONE, qr_image

B32 = "ukeu3k5oycgaauneqgtnvselmt4yemvoilkln7jpvamvfx7dnkdq.b32.i2p"
KEYS = Path("/keys-dir")
STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  ")


def server(**kw) -> TunnelSpec:
    return TunnelSpec(name="site", kind=TunnelKind.SERVER, target_port=8080, **kw)


@pytest.fixture
def panel(qtbot):
    p = DetailsPanel(key_locator=lambda spec: KEYS / f"{spec.id}.dat", log_limit=5)
    qtbot.addWidget(p)
    p.resize(500, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def child(panel, cls, name):
    found = panel.findChild(cls, name)
    assert found is not None, name
    return found


def test_copy_puts_the_b32_on_the_clipboard(qtbot, panel):
    spec = server()
    panel.set_spec(spec)
    copy = child(panel, QToolButton, "copy_b32")
    assert not copy.isEnabled()  # nothing to copy before the tunnel ran
    panel.set_status(status(spec, i2p_address=B32))
    assert child(panel, QLineEdit, "b32_address").text() == B32
    QGuiApplication.clipboard().setText("something else")
    copy.click()
    assert QGuiApplication.clipboard().text() == B32


def test_address_field_is_selectable_not_editable(panel):
    spec = server()
    panel.set_spec(spec)
    panel.set_status(status(spec, i2p_address=B32))
    field = child(panel, QLineEdit, "b32_address")
    assert field.isReadOnly()
    field.selectAll()
    assert field.selectedText() == B32


def _sample_modules(image, modules: int):
    """Dark/light per module, read from each module's pixels; asserts every module is flat."""
    module_px = image.width() // modules
    assert image.width() == image.height() == module_px * modules, "modules are whole pixels"
    grid = []
    for my in range(modules):
        row = []
        for mx in range(modules):
            colours = {
                image.pixelColor(mx * module_px + dx, my * module_px + dy).lightness()
                for dx in range(module_px)
                for dy in range(module_px)
            }
            assert colours in ({0}, {255}), f"module {mx},{my} is blurred: {colours}"
            row.append(colours == {0})
        grid.append(row)
    return grid


def test_qr_drawn_matches_segno_matrix_with_quiet_zone(panel):
    spec = server()
    panel.set_spec(spec)
    panel.set_status(status(spec, i2p_address=B32))
    label = child(panel, QLabel, "qr_code")
    assert label.isVisible()
    image = label.pixmap().toImage()
    expected = [[bool(m) for m in row] for row in segno.make_qr(B32, error="m").matrix]
    quiet = 4  # ISO/IEC 18004 minimum quiet zone, in modules
    size = len(expected) + 2 * quiet
    drawn = _sample_modules(image, size)
    for y in range(size):
        for x in range(size):
            inside = quiet <= x < size - quiet and quiet <= y < size - quiet
            want = expected[y - quiet][x - quiet] if inside else False
            assert drawn[y][x] == want, f"module {x},{y}"
    assert label.size() == image.size()  # shown 1:1, never scaled


def test_qr_image_module_size_and_errors():
    image = qr_image("hello", module_px=3)
    modules = len(segno.make_qr("hello", error="m").matrix) + 2 * QUIET_ZONE
    assert image.width() == modules * 3
    assert image.pixelColor(0, 0) == QColor("#ffffff")
    with pytest.raises(ValueError, match="empty"):
        qr_image("")
    with pytest.raises(ValueError, match="at least 1 pixel"):
        qr_image("x", module_px=0)


def test_log_has_timestamps_keeps_router_message_verbatim_and_is_bounded(panel):
    spec = server()
    panel.set_spec(spec)
    raw = 'SESSION STATUS RESULT=I2P_ERROR MESSAGE="bad <key> & such"'
    t0 = time.time()
    events = [TunnelEvent(spec.id, TunnelState.STARTING, f"try {i}", t0 + i) for i in range(10)]
    events.append(TunnelEvent(spec.id, TunnelState.ERROR, raw, t0 + 10, "error"))
    for e in events:
        panel.append_event(e)
    lines = child(panel, QPlainTextEdit, "log").toPlainText().splitlines()
    assert len(lines) == 5  # log_limit
    assert all(STAMP.match(line) for line in lines)
    assert lines[-1].endswith(f"Error  {raw}")
    assert lines[0].endswith("Starting  try 6")
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t0 + 10))
    assert lines[-1].startswith(stamp)


def test_error_lines_are_red(panel):
    spec = server()
    panel.set_spec(spec)
    panel.append_event(TunnelEvent(spec.id, TunnelState.RUNNING, "", time.time()))
    panel.append_event(TunnelEvent(spec.id, TunnelState.ERROR, "boom", time.time(), "error"))
    doc = child(panel, QPlainTextEdit, "log").document()
    colours = [
        doc.findBlockByNumber(i).begin().fragment().charFormat().foreground().color()
        for i in range(2)
    ]
    assert colours[1] == theme.current().error and colours[0] != colours[1]


def test_each_tunnel_keeps_its_own_log(panel):
    a, b = server(), TunnelSpec(name="fwd", kind=TunnelKind.FORWARD, listen_port=1, target_port=2)
    panel.set_spec(a)
    panel.append_event(TunnelEvent(a.id, TunnelState.RUNNING, "a up", time.time()))
    panel.append_event(TunnelEvent(b.id, TunnelState.ERROR, "b down", time.time(), "error"))
    log = child(panel, QPlainTextEdit, "log")
    assert "a up" in log.toPlainText() and "b down" not in log.toPlainText()
    panel.set_spec(b)
    assert "b down" in log.toPlainText() and "a up" not in log.toPlainText()
    panel.forget(b.id)
    assert child(panel, QLabel, "empty").isVisible()
    panel.set_spec(b)
    assert log.toPlainText() == ""


def test_state_message_and_endpoint(panel):
    spec = TunnelSpec(
        name="irc", kind=TunnelKind.CLIENT, listen_host="::1", listen_port=6668, destination=B32
    )
    panel.set_spec(spec)
    assert child(panel, QLabel, "state").text() == "Stopped"
    assert child(panel, QLabel, "local_endpoint").text() == "[::1]:6668"
    assert child(panel, QLabel, "target").text() == B32
    panel.set_status(status(spec, TunnelState.ERROR, message='RESULT=CANT_REACH_PEER "x"'))
    assert child(panel, QLabel, "state").text() == "Error"
    assert child(panel, QLabel, "state_message").text() == 'RESULT=CANT_REACH_PEER "x"'
    retry = time.time() + 30
    panel.set_status(
        status(
            spec,
            TunnelState.RECONNECTING,
            message="router gone",
            next_retry_at=retry,
            local_address="[::1]:6668",
        )
    )
    assert re.fullmatch(
        r"router gone \(next try in (29|30) s\)", child(panel, QLabel, "state_message").text()
    )


def test_status_of_another_tunnel_is_ignored(panel):
    spec = server()
    panel.set_spec(spec)
    panel.set_status(status(server(), i2p_address=B32))  # different id
    assert child(panel, QLabel, "state").text() == "Stopped"
    assert child(panel, QLineEdit, "b32_address").text() == ""


def test_key_file_location_and_privacy_note(panel):
    spec = server()
    panel.set_spec(spec)
    assert child(panel, QLabel, "key_file").text() == str(KEYS / f"{spec.id}.dat")
    note = child(panel, QLabel, "key_note")
    assert note.isVisible() and "Private" in note.text()
    panel.set_spec(spec.replace(key_file="/home/me/eepPriv.dat"))
    assert child(panel, QLabel, "key_file").text() == "/home/me/eepPriv.dat"
    panel.set_spec(spec.replace(key_mode=KeyMode.TRANSIENT))
    assert "new address" in child(panel, QLabel, "key_file").text()
    assert not note.isVisible()


def test_forward_tunnel_has_no_i2p_rows(panel):
    spec = TunnelSpec(name="fwd", kind=TunnelKind.FORWARD, listen_port=1, target_port=2)
    panel.set_spec(spec)
    assert not child(panel, QLineEdit, "b32_address").isVisible()
    assert not child(panel, QLabel, "key_file").isVisible()
    assert child(panel, QLabel, "target").text() == "127.0.0.1:2"


def test_persistent_address_stays_known_after_stop(panel):
    spec = server()
    panel.set_spec(spec)
    panel.set_status(status(spec, i2p_address=B32))
    panel.set_status(status(spec, TunnelState.STOPPED))
    assert child(panel, QLineEdit, "b32_address").text() == B32


def test_qr_on_screen_decodes_to_the_address(panel):
    """A real QR reader (zxing-cpp) reads the widget as drawn on screen."""
    import zxingcpp  # test extra (pyproject [test]); a missing reader must fail, not skip

    spec = server()
    panel.set_spec(spec)
    panel.set_status(status(spec, i2p_address=B32))
    shot = child(panel, QLabel, "qr_code").grab().toImage()
    gray = shot.convertToFormat(shot.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())
    pixels = b"".join(raw[y * stride : y * stride + width] for y in range(height))
    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))
    assert [b.text for b in found] == [B32]


def test_forgotten_address_is_no_longer_shown(panel):
    spec = server()
    panel.set_spec(spec)
    panel.set_status(status(spec, TunnelState.STOPPED, i2p_address=B32))
    panel.forget_address(spec.id)  # e.g. after "New identity"
    assert child(panel, QLineEdit, "b32_address").text() == ""
    assert not child(panel, QToolButton, "copy_b32").isEnabled()
    assert not child(panel, QLabel, "qr_code").isVisible()


@pytest.mark.parametrize("size", [(1180, 400), (700, 420)])
def test_qr_stays_whole_in_a_short_wide_panel(qtbot, size):
    """In the main window the panel is a short tab: the QR must not be overlapped by
    the rows below it (it was, once, and then no reader could scan it)."""
    import zxingcpp

    p = DetailsPanel(key_locator=lambda spec: KEYS / f"{spec.id}.dat")
    qtbot.addWidget(p)
    p.resize(*size)
    p.show()
    qtbot.waitExposed(p)
    spec = server()
    p.set_spec(spec)
    p.set_status(status(spec, i2p_address=B32))
    qtbot.wait(50)  # let the layout settle

    def rect_in_panel(w: QWidget) -> QRect:
        return QRect(w.mapTo(p, QPoint(0, 0)), w.size())

    rect = rect_in_panel(child(p, QLabel, "qr_code"))
    for name in ("key_note", "log", "b32_address", "key_file"):
        assert not rect.intersects(rect_in_panel(p.findChild(QWidget, name))), name
    shot = p.grab(rect).toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = shot.width(), shot.height(), shot.bytesPerLine()
    raw = bytes(shot.constBits())
    pixels = b"".join(raw[y * stride : y * stride + w] for y in range(h))
    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (h, w)))
    assert [b.text for b in found] == [B32]
