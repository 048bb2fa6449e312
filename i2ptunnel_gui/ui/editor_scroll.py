"""The editor's form in a scroll area, and a dialog height that never passes the screen.

At 1.5x scale with Advanced open the server form is about 1000 px tall: taller than
many laptop screens, so the Save button ended up below the bottom edge. The form
scrolls instead, and the dialog asks for the height its rows need but at most what
the screen has free; Save and Cancel stay outside the scroll area, always visible.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QDialog, QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

# room kept for the window manager's title bar before the dialog is shown (it has no
# frame geometry yet); once shown the real frame is used
_TITLE_BAR_GUESS = 40


class ScrollingForm(QScrollArea):
    """`layout` and `extra` widgets stacked in one vertically scrolling page."""

    def __init__(self, layout: QLayout, *extra: QWidget) -> None:
        super().__init__()
        self.setObjectName("editor_scroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, which scroll in
        self._page = page = QWidget()
        page.setObjectName("editor_page")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(layout)
        for widget in extra:
            column.addWidget(widget)
        column.addStretch(1)
        self.setWidget(page)
        page.installEventFilter(self)  # rows shown or hidden: the width needed changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the dialog's layout re-reads minimumSizeHint()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        """As wide as the page needs: it scrolls up and down, never sideways, so a
        narrower window would cut off the (longer, translated) texts on the right."""
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._width_needed()), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._width_needed()), hint.height())

    def _width_needed(self) -> int:
        scroll_bar = self.verticalScrollBar().sizeHint().width()  # room for it, shown or not
        return self._page.minimumSizeHint().width() + 2 * self.frameWidth() + scroll_bar

    def content_height(self, width: int) -> int:
        """Height the page needs, without scrolling, when the scroll area is `width` wide."""
        page = self._page
        layout = page.layout()
        if layout is not None:
            layout.activate()
        inner = width - 2 * self.frameWidth()
        if page.hasHeightForWidth():
            needed = page.heightForWidth(inner)
        else:
            needed = page.sizeHint().height()
        return needed + 2 * self.frameWidth()


def available_height(dialog: QWidget) -> int:
    """The height the dialog's screen leaves free (panels and docks excluded)."""
    screen = dialog.screen()
    return screen.availableGeometry().height()


def fit_dialog_height(dialog: QDialog, body: ScrollingForm, *, shrink: bool) -> None:
    """Resize `dialog` to the height its rows need, capped at the free screen height.

    Grows whenever rows need more; shrinks only when asked (rows were hidden), so a
    message coming and going does not make the window jump.
    """
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    if layout.hasHeightForWidth():
        total = layout.totalHeightForWidth(width)
    else:
        total = layout.totalSizeHint().height()
    margins = layout.contentsMargins()
    # the layout counted the scroll area at its own size hint; count the whole page instead
    needed = total - body.sizeHint().height() + body.content_height(
        width - margins.left() - margins.right())
    frame = (dialog.frameGeometry().height() - dialog.height() if dialog.isVisible()
             else _TITLE_BAR_GUESS)
    room = available_height(dialog) - frame
    needed = max(min(needed, room), layout.totalMinimumSize().height())
    if needed > dialog.height() or (shrink and needed < dialog.height()):
        dialog.resize(width, needed)
    if dialog.isVisible():  # keep the bottom (Save) on screen
        free = dialog.screen().availableGeometry()
        frame_rect = dialog.frameGeometry()
        if frame_rect.bottom() > free.bottom():
            dialog.move(dialog.x(), max(free.top(), dialog.y() - (frame_rect.bottom()
                                                                  - free.bottom())))
