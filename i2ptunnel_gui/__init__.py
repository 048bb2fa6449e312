"""i2ptunnel-gui: a desktop I2P tunnel manager (SAM v3) with a fast asyncio relay."""

__version__ = "0.1.0"

APP_ID = "io.github.i2ptunnelgui.I2PTunnelGUI"  # .desktop, metainfo, icon, setDesktopFileName
APP_NAME = "I2P Tunnel Manager"
ORG_NAME = "i2ptunnel-gui"
SETTINGS_NAME = "i2ptunnel-gui"  # ~/.config/i2ptunnel-gui/i2ptunnel-gui.ini (no spaces)
