"""The share card of a server tunnel: Share… in the details, the card's link, web address,
QR code (read back by a real QR reader), card file; the QR enlarged and saved as PNG/SVG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QMessageBox, QToolButton
from samples import status

from i2ptunnel_gui.core.share_card import ServiceKind, decode_card, read_card_file
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.ui.details import DetailsPanel
from i2ptunnel_gui.ui.qr import QrWindow, save_qr
from i2ptunnel_gui.ui.share_dialog import ShareDialog, card_file_name

B32 = "ukeu3k5oycgaauneqgtnvselmt4yemvoilkln7jpvamvfx7dnkdq.b32.i2p"


def read_qr(image: QImage) -> list[str]:
    import zxingcpp  # test extra: a missing reader must fail, not skip

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())
    pixels = b"".join(raw[y * stride: y * stride + width] for y in range(height))
    return [b.text for b in zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))]


def top_level(cls):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    return found[-1] if found else None


@pytest.fixture
def panel(qtbot):
    p = DetailsPanel()
    qtbot.addWidget(p)
    p.resize(600, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def site() -> TunnelSpec:
    return TunnelSpec.new("My site", TunnelKind.HTTP_SERVER, target_port=8000)


def test_share_button_only_for_servers_with_a_known_address(qtbot, panel) -> None:
    share = panel.findChild(QToolButton, "share")
    spec = site()
    panel.set_spec(spec)
    assert share.isVisible() and not share.isEnabled()  # no address yet: nothing to share
    panel.set_status(status(spec, i2p_address=B32))
    assert share.isEnabled()
    share.click()
    dialog = top_level(ShareDialog)
    assert dialog is not None
    qtbot.addWidget(dialog)
    card = decode_card(dialog.findChild(QLineEdit, "card_link").text())
    assert (card.address, card.kind, card.name) == (B32, ServiceKind.WEB, "My site")
    dialog.close()

    client = TunnelSpec.new("c", TunnelKind.CLIENT, listen_port=5555, destination=B32)
    panel.set_spec(client)
    panel.set_status(status(client, i2p_address=B32))
    assert not share.isVisible()  # a client tunnel shows no share card
    forward = TunnelSpec.new("f", TunnelKind.FORWARD, listen_port=5556, target_port=22)
    panel.set_spec(forward)
    assert not share.isVisible()


def test_web_site_card_link_web_address_and_qr_read_back(qtbot) -> None:
    dialog = ShareDialog(site(), B32)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    link = dialog.findChild(QLineEdit, "card_link").text()
    assert decode_card(link) == dialog.card
    web = dialog.findChild(QLineEdit, "web_url")
    assert web.isVisible() and web.text() == f"http://{B32}/"
    qr = dialog.findChild(QLabel, "share_qr")
    assert read_qr(qr.grab().toImage()) == [link]
    dialog.findChild(QComboBox, "qr_of").setCurrentIndex(1)  # the web address instead
    assert read_qr(qr.grab().toImage()) == [f"http://{B32}/"]


def test_changing_the_service_kind_changes_the_card(qtbot) -> None:
    spec = TunnelSpec.new("box", TunnelKind.SERVER, target_port=22, key_mode=KeyMode.PERSISTENT)
    dialog = ShareDialog(spec, B32)
    qtbot.addWidget(dialog)
    dialog.show()
    kind = dialog.findChild(QComboBox, "service_kind")
    assert kind.currentData() == ServiceKind.SSH.value  # guessed from port 22
    assert not dialog.findChild(QLineEdit, "web_url").isVisible()
    kind.setCurrentIndex(kind.findData(ServiceKind.IRC.value))
    card = decode_card(dialog.findChild(QLineEdit, "card_link").text())
    assert (card.kind, card.port) == (ServiceKind.IRC, 6668)
    assert read_qr(dialog.findChild(QLabel, "share_qr").grab().toImage()) == [card.link()]


def test_copy_link_and_save_card_file(qtbot, tmp_path: Path) -> None:
    dialog = ShareDialog(site(), B32)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QToolButton, "copy_link").click()
    assert QGuiApplication.clipboard().text() == dialog.card.link()
    path = tmp_path / card_file_name(dialog.card)
    assert path.name == "My site.i2pcard"
    dialog.save_button.click()  # a file dialog, opened (never exec()): pick the path
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    dialog.file_dialog.fileSelected.emit(str(path))
    dialog.file_dialog.close()
    assert read_card_file(path) == dialog.card
    assert not dialog.save_card(str(tmp_path / "no-such-dir" / "x.i2pcard"))
    box = dialog.findChild(QMessageBox, "card_not_saved")
    assert box is not None and "no-such-dir" in box.text()
    box.close()


def test_qr_click_enlarges_and_saves_png_and_svg(qtbot, panel, tmp_path: Path) -> None:
    spec = site()
    panel.set_spec(spec)
    panel.set_status(status(spec, i2p_address=B32))
    qr = panel.findChild(QLabel, "qr_code")
    qtbot.mouseClick(qr, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    window = top_level(QrWindow)
    assert window is not None
    qtbot.addWidget(window)
    url = f"http://{B32}/"  # a web site's details QR is its web address
    assert window.text == url
    big = window.findChild(QLabel, "qr_big").pixmap()
    assert big.width() > qr.pixmap().width()
    assert read_qr(big.toImage()) == [url]
    assert window.save(str(tmp_path / "qr.png")) and window.save(str(tmp_path / "qr.svg"))
    assert read_qr(QImage(str(tmp_path / "qr.png"))) == [url]
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(tmp_path / "qr.svg"))
    assert renderer.isValid()
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert read_qr(image) == [url]
    assert not window.save(str(tmp_path / "qr.gif"))  # only PNG and SVG
    box = window.findChild(QMessageBox, "qr_not_saved")
    assert box is not None and ".png or .svg" in box.text()
    box.close()
    window.close()


def test_save_qr_refuses_other_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        save_qr("x", tmp_path / "qr.jpg")
