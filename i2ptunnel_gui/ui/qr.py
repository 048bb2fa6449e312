"""QR codes of I2P addresses, drawn module by module so every edge is pixel-exact.

segno builds the symbol; we paint each dark module as an integer-sized square on a
white image with the standard 4-module quiet zone. No scaling or smoothing ever
touches the result, so phone cameras read it straight off the screen. A click on
the picture (`QrLabel`) opens it large (`QrWindow`), where it is saved as PNG or SVG.
"""

from __future__ import annotations

from pathlib import Path

import segno
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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


# -- enlarging and saving ------------------------------------------------------------

SAVE_SCALE = 10  # px per module in saved PNGs (SVG scales itself)
BIG_SIDE = 480  # px: the enlarged QR on screen


def save_qr(text: str, path: str | Path) -> Path:
    """`text` as a QR file: PNG or SVG by `path`'s suffix (what segno writes); same symbol
    as on screen (error level M, quiet zone of 4)."""
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise ValueError(f"{target.name}: save the QR code as .png or .svg")
    code = segno.make_qr(text, error="m", boost_error=True)
    code.save(str(target), kind=kind, scale=SAVE_SCALE if kind == "png" else 1,
              border=QUIET_ZONE, dark="#000000", light="#ffffff")
    return target


class QrLabel(QLabel):
    """A QR picture that can be clicked (or activated with Enter/Space) to enlarge it."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("QR code"))
        self.setAccessibleDescription(self.tr("Press Enter to enlarge it and to save it"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class QrWindow(QDialog):
    """The QR code large, on its own (easier to scan), with Save as PNG/SVG."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qr_window")
        self.text = text
        self.setWindowTitle(self.tr("QR code"))
        self.picture = QLabel()
        self.picture.setObjectName("qr_big")
        self.picture.setPixmap(qr_pixmap(text, BIG_SIDE))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(self.tr("QR code"))
        self.picture.setAccessibleDescription(text)
        caption = QLabel(text)
        caption.setObjectName("qr_text")
        caption.setWordWrap(True)
        caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_png = QPushButton(self.tr("Save as PNG…"))
        self.save_png.setObjectName("save_png")
        self.save_png.clicked.connect(lambda: self._choose("png"))
        self.save_svg = QPushButton(self.tr("Save as SVG…"))
        self.save_svg.setObjectName("save_svg")
        self.save_svg.clicked.connect(lambda: self._choose("svg"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_png)
        buttons.addWidget(self.save_svg)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(caption)
        layout.addLayout(buttons)
        self.file_dialog: QFileDialog | None = None

    def _choose(self, kind: str) -> None:
        """A file dialog opened with open() (no nested event loop); `save` does the work."""
        dialog = QFileDialog(self, self.tr("Save the QR code"))
        dialog.setObjectName(f"save_qr_{kind}")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setNameFilter(self.tr("PNG image (*.png)") if kind == "png"
                             else self.tr("SVG image (*.svg)"))
        dialog.selectFile(f"qr.{kind}")
        dialog.fileSelected.connect(self.save)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        dialog.open()

    def save(self, path: str) -> bool:
        try:
            save_qr(self.text, path)
        except (OSError, ValueError) as e:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("QR code not saved"), str(e),
                              parent=self)
            box.setObjectName("qr_not_saved")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not exec(): no nested event loop under qasync
            return False
        return True


def open_qr_window(parent: QWidget | None, text: str) -> QrWindow | None:
    """Show `text`'s QR code enlarged (nothing when there is no text)."""
    if not text:
        return None
    window = QrWindow(text, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
