"""The router preferences in the settings file: `[router]` keys next to `[preferences]`.

    prefs = load_router_prefs(settings)     # RouterPrefs; a bad value → its default, logged
    save_router_prefs(settings, prefs)      # raises ValueError with the problems

Every key once with its type and default (`_KEYS`). The External SAM address stays
the app-wide `preferences/sam_address` (Settings.sam_address) that tunnels already use.
The SAM and I2PControl passwords are stored like the rest of the file (0600, never
logged): a router with authentication on needs them at every start.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.settings import Settings

logger = logging.getLogger(__name__)

_GROUP = "router"
_DEFAULT = RouterPrefs()
_MANAGED = ManagedOptions()
# key -> (type, default); "managed_*" keys map onto ManagedOptions fields
_KEYS: dict[str, tuple[type, Any]] = {
    "mode": (str, _DEFAULT.mode.value),
    "sam_user": (str, _DEFAULT.sam_user),
    "sam_password": (str, _DEFAULT.sam_password),
    "control_address": (str, _DEFAULT.control_address),
    "control_password": (str, _DEFAULT.control_password),
    **{
        f"managed_{f.name}": (type(getattr(_MANAGED, f.name)), getattr(_MANAGED, f.name))
        for f in dataclasses.fields(ManagedOptions)
    },
}
_SECRET = {"sam_password", "control_password"}


def _read(settings: Settings, key: str) -> Any:
    typ, default = _KEYS[key]
    raw = settings.qsettings.value(f"{_GROUP}/{key}", default)
    try:
        return typ(raw)
    except (TypeError, ValueError):
        shown = "(hidden)" if key in _SECRET else repr(raw)
        logger.warning(
            "settings: router/%s=%s is not a %s; using the default", key, shown, typ.__name__
        )
        return default


def load_router_prefs(settings: Settings) -> RouterPrefs:
    mode_text = _read(settings, "mode")
    try:
        mode = RouterMode(mode_text)
    except ValueError:
        logger.warning(
            "settings: router/mode=%r is not external/managed; using external", mode_text
        )
        mode = RouterMode.EXTERNAL
    managed = ManagedOptions(
        **{f.name: _read(settings, f"managed_{f.name}") for f in dataclasses.fields(ManagedOptions)}
    )
    prefs = RouterPrefs(
        mode=mode,
        sam_address=settings.sam_address,
        sam_user=_read(settings, "sam_user"),
        sam_password=_read(settings, "sam_password"),
        control_address=_read(settings, "control_address"),
        control_password=_read(settings, "control_password"),
        managed=managed,
    )
    if managed.problems():  # e.g. a hand-edited port out of range
        logger.warning(
            "settings: managed router options: %s; using the defaults",
            "; ".join(managed.problems()),
        )
        prefs = dataclasses.replace(prefs, managed=ManagedOptions())
    return prefs


def save_router_prefs(settings: Settings, prefs: RouterPrefs) -> None:
    problems = prefs.problems()
    if problems:
        raise ValueError("; ".join(problems))
    q = settings.qsettings
    settings.sam_address = prefs.sam_address
    q.setValue(f"{_GROUP}/mode", prefs.mode.value)
    for key in ("sam_user", "sam_password", "control_address", "control_password"):
        q.setValue(f"{_GROUP}/{key}", getattr(prefs, key))
    for f in dataclasses.fields(ManagedOptions):
        q.setValue(f"{_GROUP}/managed_{f.name}", getattr(prefs.managed, f.name))
    settings.sync()
