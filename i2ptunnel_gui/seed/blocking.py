"""What every blocking seed-API tunnel shares (Tunnel, TunnelServer, TunnelClient):
starting through the engine's one door, status, idempotent close and `with`
support, over a tunnel running on an Engine."""

from __future__ import annotations

import contextlib
import socket
from typing import Any

from i2ptunnel_gui.core.context import Dial
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import UnknownTunnel
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.status import TunnelStatus
from i2ptunnel_gui.seed.engine import shared_engine

CALL_TIMEOUT = 15.0  # one engine call from a blocking caller


class BlockingTunnel:
    """Runs `spec` on `engine` (default: the shared one); `start()` blocks until ready."""

    def __init__(self, spec: TunnelSpec, engine: Engine | None) -> None:
        self.spec = spec
        self._engine = engine or shared_engine()
        self._closed = False

    def _start(
        self,
        timeout: float,
        *,
        listener: socket.socket | None = None,
        dial: Dial | None = None,
        nickname: str | None = None,
    ) -> TunnelStatus:
        """Start through the engine's one door (no retry: a seed caller wants the error),
        blocking up to `timeout`."""
        spec, engine = self.spec, self._engine
        return engine.call(
            lambda: engine.start_tunnel(
                spec, retry=False, listener=listener, dial=dial, nickname=nickname
            ),
            timeout,
        )

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


