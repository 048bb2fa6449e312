"""QR codes of I2P addresses, drawn module by module so every edge is pixel-exact.

segno builds the symbol; we paint each dark module as an integer-sized square on a
white image with the standard 4-module quiet zone. No scaling or smoothing ever
touches the result, so phone cameras read it straight off the screen.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

QUIET_ZONE = 4  # modules of white around the symbol (ISO/IEC 18004 minimum)
DARK = QColor("#000000")
LIGHT = QColor("#ffffff")


def qr_matrix(text: str) -> list[list[bool]]:
    """Rows of modules (True = dark) WITHOUT the quiet zone, as segno encodes `text`."""
    if not text:
        raise ValueError("nothing to encode: the text for the QR code is empty")
    # error level M survives a smudged screen; boost_error keeps the smallest version
    code = segno.make_qr(text, error="m", boost_error=True)
    return [[bool(m) for m in row] for row in code.matrix]


def qr_image(text: str, module_px: int = 4, quiet_zone: int = QUIET_ZONE) -> QImage:
    """`text` as a black-on-white QR code: `module_px` pixels per module."""
    if module_px < 1:
        raise ValueError(f"module size must be at least 1 pixel, got {module_px}")
    matrix = qr_matrix(text)
    side = (len(matrix) + 2 * quiet_zone) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DARK)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(
                        (x + quiet_zone) * module_px,
                        (y + quiet_zone) * module_px,
                        module_px,
                        module_px,
                    )
    finally:
        painter.end()
    return image


def qr_pixmap(text: str, max_side: int = 200, quiet_zone: int = QUIET_ZONE) -> QPixmap:
    """The largest whole-pixel module size whose image fits in `max_side` (at least 1)."""
    modules = len(qr_matrix(text)) + 2 * quiet_zone
    module_px = max(1, max_side // modules)
    return QPixmap.fromImage(qr_image(text, module_px, quiet_zone))
