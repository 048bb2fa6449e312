"""Where the settings file lives, and creating it private before QSettings writes it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from i2ptunnel_gui import ORG_NAME, SETTINGS_NAME
from i2ptunnel_gui.core.keystore import make_private_dir


def default_settings_path() -> Path:
    """Where QSettings keeps the user's INI file (~/.config/<org>/<app>.ini on Linux)."""
    q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, SETTINGS_NAME)
    return Path(q.fileName())


def create_private_file(path: Path) -> None:
    """Create `path` 0600 if missing so QSettings (which keeps the mode) never makes it 0644.

    An existing private file is left alone: headless mode may run on a read-only home.
    """
    if path.exists():
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
        return
    make_private_dir(path.parent)  # parents too: 0700 even under umask 000
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process (a CLI started alongside) made it just now
        return
    os.close(fd)
