"""On-demand I2P sessions of client tunnels (Standby): when a session is wanted.

- delay open: the session is created on the first local connection; until then
  the tunnel listens and shows STANDBY.
- close when idle: once no connection has been open for `close_idle` seconds the
  session is closed and the tunnel is back in STANDBY; the next connection reopens
  it. "Idle" means no open connection (not merely no bytes): a quiet IRC chat is
  not cut off.
- reduce when idle: fewer tunnels while idle is the router's job (`reduce_options`
  go into SESSION CREATE; Java I2P honours them, routers that do not know them
  ignore them).

A connection that arrives while the session is being created waits for it (up to
its connect timeout) instead of failing: see `SessionGate`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

REDUCE_IDLE_MINUTES = 20.0  # Java I2P's default for its client tunnels
REDUCE_QUANTITY = 1


def reduce_options(
    minutes: float = REDUCE_IDLE_MINUTES, quantity: int = REDUCE_QUANTITY
) -> dict[str, str]:
    """The I2CP options of "reduce tunnel quantity when idle" (Java's names)."""
    return {
        "i2cp.reduceOnIdle": "true",
        "i2cp.reduceIdleTime": str(int(minutes * 60_000)),
        "i2cp.reduceQuantity": str(quantity),
    }


class Demand:
    """Says when a tunnel's session is wanted (a connection came) or idle (no
    connection open for `close_idle` seconds). The tunnel calls `want()` for every
    connection; idleness is sampled from its open-connection count."""

    def __init__(
        self,
        *,
        delay_open: bool,
        close_idle: float | None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.delay_open = delay_open
        self.close_idle = close_idle  # seconds; None = keep the session
        self._clock = clock or asyncio.get_running_loop().time
        self._wanted = asyncio.Event()
        if not delay_open:
            self._wanted.set()

    @property
    def on_demand(self) -> bool:
        return self.delay_open or self.close_idle is not None

    @property
    def wanted(self) -> bool:
        return self._wanted.is_set()

    def want(self) -> None:
        """A local connection arrived: it needs the session."""
        self._wanted.set()

    async def wait_wanted(self) -> None:
        await self._wanted.wait()

    def released(self) -> None:
        """The session was closed for idleness: wanted again at the next connection."""
        self._wanted.clear()

    async def wait_idle(self, active: Callable[[], int]) -> None:
        """Return once `active()` (open connections) has been 0 for `close_idle`
        seconds; never returns when there is no such limit. Sampled every
        `close_idle / 8` (at most 5 s): the limit holds to within that step."""
        limit = self.close_idle
        if limit is None:
            await asyncio.Future()  # forever (cancelled with its owner)
            return
        step = min(5.0, max(0.01, limit / 8))
        idle_since: float | None = None
        while True:
            now = self._clock()
            if active() > 0:
                idle_since = None
            elif idle_since is None:
                idle_since = now
            elif now - idle_since >= limit:
                return
            await asyncio.sleep(step)


class SessionGate:
    """Lets connections wait for a session that is being (re)created: `open()` lets
    them through, `fail()` (an attempt failed, none follows at once) sends them away."""

    def __init__(self) -> None:
        self._open = False
        self._waiters: set[asyncio.Future[bool]] = set()

    def open(self) -> None:
        self._open = True
        self._wake(True)

    def close(self) -> None:
        self._open = False

    def fail(self) -> None:
        self._wake(False)

    def _wake(self, value: bool) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(value)
        self._waiters.clear()

    @property
    def is_open(self) -> bool:
        return self._open

    async def wait(self, time_limit: float) -> bool:
        """True once the session is up; False after `time_limit` seconds without it,
        or when the attempt failed."""
        if self._open:
            return True
        waiter: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            async with asyncio.timeout(time_limit):
                return await waiter
        except TimeoutError:
            return False
        finally:
            self._waiters.discard(waiter)
