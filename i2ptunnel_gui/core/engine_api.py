"""The one door into the engine, declared once.

Every host (the GUI bridge, headless mode, the CLI commands, the seed API) talks to
the engine through this protocol and nothing else; the UI tests' fake engine
satisfies it too, so mypy proves the fake and the real engine offer the same calls.
A tunnel starts only through `start_tunnel(spec)`: callers never build runtimes.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Mapping
from typing import Protocol

from i2ptunnel_gui.core.context import Dial
from i2ptunnel_gui.core.live_rows import LiveSnapshot
from i2ptunnel_gui.core.sam.probe import SamStatus
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.status import EngineSnapshot, TunnelEvent, TunnelStatus


class EngineAPI(Protocol):
    """What a host may ask of the engine. Coroutines may be awaited from any loop."""

    def start(self) -> None:
        """Start the engine's worker thread and loop; returns once the loop runs."""

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop every tunnel, stop the loop and join the thread (blocking)."""

    async def start_tunnel(
        self,
        spec: TunnelSpec,
        *,
        retry: bool = True,
        listener: socket.socket | None = None,
        dial: Dial | None = None,
        nickname: str | None = None,
    ) -> TunnelStatus:
        """Start `spec`. `listener`: an already bound listening socket the tunnel takes
        over (a host that must report port 0's real port binds first). `dial`: opens
        each connection's target instead of the spec's (forward; the seed API).
        `nickname`: the SAM session nickname (I2P kinds; random otherwise)."""

    async def stop_tunnel(self, tunnel_id: str) -> None: ...

    async def snapshot(
        self, tunnel_id: str | None = None, connections: bool = True
    ) -> EngineSnapshot: ...

    async def live_sample(self, watch: Mapping[str, float | None] | None = None) -> LiveSnapshot:
        """Status of every tunnel plus live connection rows (deltas for watched tunnels)."""

    async def close_connection(self, tunnel_id: str, conn_id: int) -> bool: ...

    def set_router(self, sam_address: str, sam_auth: tuple[str, str] | None = None) -> None:
        """The app-wide router (SAM address, USER/PASSWORD) for sessions created from now on."""

    async def probe_sam(self, address: str, *, timeout: float = 3.0) -> SamStatus:  # noqa: ASYNC109
        """HELLO the SAM bridge at `address` from the engine loop; never raises."""

    def subscribe(self, callback: Callable[[TunnelEvent], None]) -> Callable[[], None]:
        """`callback` runs on the engine thread for every TunnelEvent; returns unsubscribe."""

    async def aclose(self) -> None:
        """Stop every tunnel (the engine keeps running)."""
