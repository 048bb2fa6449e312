"""Running the engine for a host without a window: headless mode and the CLI commands.

    async with EngineHost(Engine(...)) as host:
        status = await host.engine.start_tunnel(spec)
        await host.stop_requested.wait()      # SIGINT / SIGTERM

Entering starts the engine and turns SIGINT/SIGTERM into `stop_requested`;
leaving normally closes every tunnel within `stop_timeout` (TimeoutError past
it), and leaving either way shuts the engine down and restores the signals.
`run_until_exit` is the same for blocking hosts (the seed API). The GUI has its
own bootstrap (Qt owns the signals and the loop there).
"""

from __future__ import annotations

import asyncio
import atexit
import signal
from types import TracebackType

from i2ptunnel_gui.core.engine_api import EngineAPI

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
STOP_TIMEOUT = 10.0  # seconds to close every tunnel, and again to join the engine


class EngineHost:
    """Owns `engine` for the life of an `async with` block on the host's loop."""

    def __init__(self, engine: EngineAPI, *, stop_timeout: float = STOP_TIMEOUT) -> None:
        self.engine = engine
        self.stop_timeout = stop_timeout
        self.stop_requested = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    async def __aenter__(self) -> EngineHost:
        loop = asyncio.get_running_loop()
        for sig in STOP_SIGNALS:
            loop.add_signal_handler(sig, self.stop_requested.set)
        self._loop = loop
        try:
            self.engine.start()
        except BaseException:
            self._remove_signals()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc is None:
                async with asyncio.timeout(self.stop_timeout):
                    await self.engine.aclose()
        finally:
            self.engine.shutdown(self.stop_timeout)  # closes what is left in any case
            self._remove_signals()

    def _remove_signals(self) -> None:
        if self._loop is not None:
            for sig in STOP_SIGNALS:
                self._loop.remove_signal_handler(sig)
            self._loop = None


def run_until_exit(engine: EngineAPI, *, stop_timeout: float = STOP_TIMEOUT) -> None:
    """For blocking hosts with no loop of their own (the seed API): start `engine`
    now and shut it down when the interpreter exits."""
    engine.start()
    atexit.register(engine.shutdown, stop_timeout)
