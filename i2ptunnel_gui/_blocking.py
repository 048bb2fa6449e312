"""What every blocking seed-API tunnel shares (Tunnel, TunnelServer, TunnelClient):
status, idempotent close and `with` support, over a tunnel running on an Engine.

A module of its own so tunnel.py and tunnel_i2p.py both use it without importing
each other at import time.
"""

from __future__ import annotations

import contextlib
from typing import Any

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import UnknownTunnel
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.status import TunnelStatus

CALL_TIMEOUT = 15.0  # one engine call from a blocking caller


class BlockingTunnel:
    """Subclasses set `spec`, `_engine` and `_closed = False`, then start the tunnel."""

    spec: TunnelSpec
    _engine: Engine
    _closed: bool

    def status(self) -> TunnelStatus:
        """Counters and state (active/refused/failed connections, bytes)."""
        snap = self._engine.call(
            lambda: self._engine.snapshot(self.spec.id, connections=False), CALL_TIMEOUT
        )
        return snap.tunnels[0]

    def close(self) -> None:
        """Close every connection and what the tunnel listens on. Idempotent."""
        if self._closed:
            return
        self._closed = True
        if not self._engine.running:
            return
        with contextlib.suppress(UnknownTunnel):  # already stopped with its engine
            self._engine.call(lambda: self._engine.stop_tunnel(self.spec.id), CALL_TIMEOUT)

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
