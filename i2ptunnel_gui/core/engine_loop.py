"""The engine thread's loop and process limits: uvloop or stock asyncio, and enough
open files for two sockets per relayed connection.

`I2PTUNNEL_LOOP=asyncio` (or `use_uvloop=False`) forces stock asyncio; uvloop is
used whenever importable otherwise.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os

from i2ptunnel_gui.core.errors import ConfigError

logger = logging.getLogger(__name__)

LOOP_ENV = "I2PTUNNEL_LOOP"


def uvloop_wanted(use_uvloop: bool | None = None) -> bool:
    """Explicit argument, else $I2PTUNNEL_LOOP, else uvloop whenever importable."""
    if use_uvloop is None:
        choice = os.environ.get(LOOP_ENV, "").strip().lower()
        if choice not in ("", "asyncio", "uvloop"):
            raise ConfigError(f"{LOOP_ENV} must be 'asyncio' or 'uvloop', not {choice!r}")
        use_uvloop = choice != "asyncio"
    if not use_uvloop:
        return False
    try:
        importlib.import_module("uvloop")
    except ImportError:
        return False
    return True


def raise_fd_limit(want: int = 65536) -> int:
    """Lift the soft open-files limit toward the hard one: every relayed
    connection holds two sockets, and desktops default to a soft limit of 1024."""
    try:
        import resource
    except ImportError:  # not on POSIX
        return -1
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = want if hard == resource.RLIM_INFINITY else min(want, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as e:
            logger.warning("cannot raise the open-files limit to %d: %s", target, e)
    return int(soft)


def new_loop(loop_name: str) -> asyncio.AbstractEventLoop:
    """A fresh loop of the kind `uvloop_wanted` chose ("uvloop" or "asyncio")."""
    if loop_name == "uvloop":
        uvloop = importlib.import_module("uvloop")
        loop: asyncio.AbstractEventLoop = uvloop.new_event_loop()
        return loop
    return asyncio.new_event_loop()
