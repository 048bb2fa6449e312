"""Spare SAM sockets: connected and past HELLO, ready for the next STREAM CONNECT.

A client tunnel opens one SAM socket per local connection. Doing the TCP connect
and the HELLO round trip while the local client waits cost ~0.4-0.5 ms of a
~3 ms stream open through i2pd 2.45.1 (bench/i2p_bench.py); with a spare ready
the connection only waits for STREAM CONNECT. `fill()` runs in the tunnel's
TaskGroup for as long as the session lives and tops the pool up after each
`take()`; `close()` drops what is left when the session ends.

A router may drop a socket that sat idle after HELLO: spares older than
`max_age` are replaced, `take()` skips one whose peer has closed (a non-blocking
peek), and the caller retries on a fresh socket if a spare still fails before
its STREAM CONNECT got an answer (SamConnectionClosed).
"""

from __future__ import annotations

import asyncio
import collections
import logging
import socket
import time

from .client import SamSession
from .connection import SamConnection
from .errors import SamError

logger = logging.getLogger(__name__)

SPARES = 2  # sockets kept ready: sequential opens need 1, a short burst a few more
MAX_AGE = 30.0  # seconds a spare may idle before it is replaced
RETRY_DELAY = 1.0  # after a failed HELLO: the session's own keeper handles a dead router
# after a take(), wait this long before the next HELLO: done at once, it competes with
# the stream being opened for the router and the CPU (measured: +0.5-1 ms per open)
REFILL_DELAY = 0.01


class SpareSockets:
    """Up to `size` HELLO'd sockets on `session`'s bridge, oldest first."""

    def __init__(
        self,
        session: SamSession,
        size: int = SPARES,
        max_age: float = MAX_AGE,
        refill_delay: float = REFILL_DELAY,
    ) -> None:
        self.session = session
        self.size = size
        self.max_age = max_age
        self.refill_delay = refill_delay
        self._ready: collections.deque[tuple[SamConnection, float]] = collections.deque()
        self._wanted = asyncio.Event()
        self._wanted.set()
        self._closed = False
        self._taken = False  # a take() happened: refills wait refill_delay

    def take(self) -> SamConnection | None:
        """A live spare (the caller owns it), or None: open a fresh socket then."""
        self._wanted.set()
        self._taken = True
        if self.session.closed.is_set():
            self.close()
            return None
        now = time.monotonic()
        while self._ready:
            conn, born = self._ready.popleft()
            if now - born < self.max_age and _alive(conn.sock):
                return conn
            conn.close()
        return None

    async def fill(self) -> None:
        """Keep the pool full until cancelled (run it in the tunnel's TaskGroup and
        cancel it when the session ends) or close()d."""
        try:
            while not self._closed and not self.session.closed.is_set():
                self._drop_expired()
                if len(self._ready) >= self.size:
                    self._wanted.clear()
                    oldest = self._ready[0][1] if self._ready else time.monotonic()
                    wait = max(0.0, oldest + self.max_age - time.monotonic())
                    try:
                        async with asyncio.timeout(wait):
                            await self._wanted.wait()
                    except TimeoutError:
                        pass
                    continue
                await asyncio.sleep(self.refill_delay if self._ready or self._taken else 0.0)
                try:
                    conn = await self.session.stream_socket()
                except SamError as e:  # the router is away; its session will say so
                    logger.debug("spare SAM socket: %s", e)
                    await asyncio.sleep(RETRY_DELAY)
                    continue
                if self._closed:
                    conn.close()
                    return
                self._ready.append((conn, time.monotonic()))
        finally:
            self.close()

    def close(self) -> None:
        self._closed = True
        while self._ready:
            self._ready.popleft()[0].close()

    def __len__(self) -> int:
        return len(self._ready)

    def _drop_expired(self) -> None:
        now = time.monotonic()
        while self._ready and now - self._ready[0][1] >= self.max_age:
            self._ready.popleft()[0].close()


def _alive(sock: socket.socket) -> bool:
    """Nothing to read and no EOF: the router still holds its end open."""
    try:
        sock.recv(1, socket.MSG_PEEK)
    except (BlockingIOError, InterruptedError):
        return True
    except OSError:
        return False
    return False  # EOF, or bytes nobody asked for: not a clean spare
