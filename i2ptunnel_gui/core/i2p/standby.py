"""A client tunnel's session, on demand: STANDBY until a connection wants it, closed
again after `close_idle` minutes without connections (core/on_demand.py).

`run_on_demand` wraps `SessionKeeper.run`: the keeper still re-creates a lost
session with backoff; this adds the waiting before it and the idle close after it.
`SessionGate` is open while a session is up, so connections that arrive during
session creation wait for it (up to their connect timeout) instead of failing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from i2ptunnel_gui.core.i2p.session import SessionKeeper, is_connectivity_error
from i2ptunnel_gui.core.on_demand import Demand, SessionGate
from i2ptunnel_gui.core.runtime import TunnelRuntime
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.errors import SamError
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.core.text import Text, text_of


class _IdleClose(Exception):  # noqa: N818 -- a signal, not an error
    """Leaves the keeper's loop: the session was idle long enough (not an error)."""


async def run_on_demand(
    rt: TunnelRuntime,
    keeper: SessionKeeper,
    demand: Demand,
    gate: SessionGate,
    serve_session: Callable[[SamSession], Coroutine[Any, Any, None]],
) -> None:
    """Forever: wait until wanted (STANDBY), keep the session until it is idle."""

    async def serve(session: SamSession) -> None:
        gate.open()
        try:
            async with asyncio.TaskGroup() as tg:
                serving = tg.create_task(serve_session(session), name="session")
                idle = tg.create_task(demand.wait_idle(lambda: rt.active_connections))
                done, _ = await asyncio.wait((serving, idle), return_when=asyncio.FIRST_COMPLETED)
                serving.cancel()
                idle.cancel()
            if idle in done and not idle.cancelled():
                raise _IdleClose
        finally:
            gate.close()

    while True:
        if not demand.wanted:
            rt.i2p_address = ""
            rt.set_state(
                TunnelState.STANDBY,
                Text("listening on {address}; the I2P session opens on the first connection",
                     address=rt.local_address),
            )
            await demand.wait_wanted()
            rt.set_state(TunnelState.STARTING, Text("a connection came: opening the I2P session"))
        try:
            await keeper.run(serve)
        except SamError as e:
            # without retries (a command line tunnel) a router that is away when a
            # connection comes must not end an on-demand tunnel: that connection
            # fails, the next one tries again
            if not (demand.on_demand and is_connectivity_error(e)):
                raise
            gate.fail()
            demand.released()
            rt.event(Text("the I2P session could not be opened: {why}", why=text_of(e)),
                     level="warning")
        except _IdleClose:
            minutes = (demand.close_idle or 0) / 60
            rt.event(Text("no connection for {minutes:g} min: I2P session closed",
                          minutes=minutes))
            demand.released()
