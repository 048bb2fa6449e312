"""The warning on 0-hop tunnels: fast, but the other side can find this computer.

A tunnel length of 0 (inbound or outbound) connects the router straight to the
peer's tunnel: no hop hides this computer's IP address. Java I2P warns as well.
The warning uses the style's standard warning icon and the palette's text colour
(no colour of its own), so it reads on light and dark themes alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

ICON_SIDE = 16


def zero_hop_directions(options: Mapping[str, str]) -> list[str]:
    """"inbound"/"outbound" for each direction whose length is set to 0."""
    return [d for d in ("inbound", "outbound") if options.get(f"{d}.length", "").strip() == "0"]


class ZeroHopWarning(QWidget):
    """Icon + text; hidden unless `show_for` finds a 0-hop direction."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.icon = QLabel()
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) or ICON_SIDE
        self.icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(side, side))
        self.text = QLabel()
        self.text.setObjectName(f"{object_name}_text")
        self.text.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon)
        row.addWidget(self.text, 1)
        self.setVisible(False)

    def show_for(self, options: Mapping[str, str]) -> bool:
        """Show the warning if `options` set a 0-hop direction; whether it is shown."""
        directions = zero_hop_directions(options)
        if directions:
            which = (self.tr("inbound and outbound") if len(directions) == 2
                     else self.tr("inbound") if directions == ["inbound"]
                     else self.tr("outbound"))
            self.text.setText(self.tr(
                "0 hops ({which}): no anonymity — the other side can find this computer; "
                "use only for testing or when anonymity is not needed").format(which=which))
            self.setAccessibleName(self.text.text())
        self.setVisible(bool(directions))
        return bool(directions)
