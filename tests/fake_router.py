"""A FakeSam router on its own loop thread (like a router in another process), and
the short SAM limits and backoff that tests hand to their engines."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from fake_sam import FakeSam

from i2ptunnel_gui.core.context import Backoff
from i2ptunnel_gui.core.sam.connection import SamTimeouts

T = TypeVar("T")
FAST_TIMEOUTS = SamTimeouts(
    connect=2, hello=2, session_create=3, stream_connect=3, stream_status=3, naming=2
)
FAST_BACKOFF = Backoff(first=0.05, max=0.2, accept_retry=0.05)


class FakeRouter:
    """A FakeSam on its own loop thread; `run(coro_fn)` executes on that loop.

    `port`: listen there (a router that comes up later on a known port); `start`:
    False leaves it down until `run(router.sam.start)`."""

    def __init__(self, port: int = 0, *, start: bool = True) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.sam = FakeSam()
        self.sam.port = port
        if start:
            self.run(self.sam.start)

    def run(self, fn: Callable[[], Coroutine[Any, Any, T]], timeout: float = 10) -> T:
        return asyncio.run_coroutine_threadsafe(fn(), self.loop).result(timeout)

    def call(self, fn: Callable[[], T]) -> T:
        async def wrapper() -> T:
            return fn()

        return self.run(wrapper)

    @property
    def address(self) -> str:
        return self.sam.address

    def close(self) -> None:
        self.run(self.sam.stop)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()
