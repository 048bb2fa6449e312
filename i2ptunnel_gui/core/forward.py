"""TCP forward tunnels: a local listener relayed to host:port, no router needed.

A host may pass `dial` (`Engine.start_tunnel(..., dial=)`): it then opens each
connection's target instead of target_host:target_port (the seed API's
`make_send()`); the spec's target fields are unused then.
"""

from __future__ import annotations

import socket

from i2ptunnel_gui.core.context import EngineContext, StartOptions
from i2ptunnel_gui.core.dial import TcpTarget
from i2ptunnel_gui.core.listen import ListenerTunnel
from i2ptunnel_gui.core.spec import TunnelSpec


class ForwardTunnel(ListenerTunnel):
    """listen_host:listen_port -> target_host:target_port (or `dial()`) over plain TCP."""

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        self.target = TcpTarget(spec.target_host, spec.target_port)
        self._dial = start.dial

    async def prepare(self) -> None:
        if self._dial is None:
            await self.target.resolve()

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        if self._dial is not None:
            return await self._dial(), b""
        return await self.target.connect(self.loop), b""

    def open_target_now(self) -> tuple[socket.socket, bool] | None:
        if self._dial is not None:
            return None
        return self.target.connect_now()

    async def finish_target(self, connecting: socket.socket) -> tuple[socket.socket, bytes]:
        return await self.target.connect(self.loop, connecting), b""
