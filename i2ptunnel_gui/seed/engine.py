"""The one engine every seed-API tunnel runs on unless the caller passes its own."""

from __future__ import annotations

import threading

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.host import run_until_exit

SHUTDOWN_TIMEOUT = 5.0  # at interpreter exit

_shared: Engine | None = None
_shared_lock = threading.Lock()


def shared_engine() -> Engine:
    """The engine all seed-API tunnels run on; started on first use, shut down at exit."""
    global _shared
    with _shared_lock:
        if _shared is None or not _shared.running:
            _shared = Engine()
            run_until_exit(_shared, stop_timeout=SHUTDOWN_TIMEOUT)
        return _shared
