"""Start at login: an XDG autostart entry (freedesktop "Desktop Application Autostart").

`~/.config/autostart/<APP_ID>.desktop` starts the app minimized to the tray when the
user logs in; removing the file turns that off. Only this one file is ever written.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from i2ptunnel_gui import APP_ID, APP_NAME

_RESERVED = '"`$\\'  # must be backslash-escaped inside a quoted Exec argument


def autostart_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / f"{APP_ID}.desktop"


def launch_command() -> list[str]:
    """How to start this installation: its console script, else this interpreter."""
    script = shutil.which("i2ptunnel-gui")
    return [script] if script else [sys.executable, "-m", "i2ptunnel_gui"]


def exec_line(argv: list[str]) -> str:
    """Quote `argv` for a desktop entry's Exec key."""

    def quote(arg: str) -> str:
        if arg and not any(c.isspace() or c in _RESERVED or c in "'<>~|&;*?#()" for c in arg):
            return arg
        return '"' + "".join("\\" + c if c in _RESERVED else c for c in arg) + '"'

    # '%' introduces a field code in Exec: a literal one is written twice
    return " ".join(quote(a).replace("%", "%%") for a in argv)


def entry_text(argv: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=I2P tunnels in the background (tray)\n"
        f"Exec={exec_line([*argv, '--minimized'])}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def autostart_enabled() -> bool:
    return autostart_path().is_file()


def set_autostart(enabled: bool, argv: list[str] | None = None) -> Path:
    """Write (or remove) the autostart entry; OSError goes to the caller to show."""
    path = autostart_path()
    if not enabled:
        path.unlink(missing_ok=True)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(entry_text(argv or launch_command()), encoding="utf-8")
    tmp.replace(path)
    return path
