"""On-demand session policy: delay open, close when idle, waiting for a session."""

from __future__ import annotations

import asyncio

from i2ptunnel_gui.core.on_demand import Demand, SessionGate, reduce_options


async def test_delay_open_waits_for_the_first_connection() -> None:
    d = Demand(delay_open=True, close_idle=None)
    assert d.on_demand and not d.wanted
    waiter = asyncio.ensure_future(d.wait_wanted())
    await asyncio.sleep(0.01)
    assert not waiter.done()
    d.want()
    await asyncio.wait_for(waiter, 1)


async def test_without_delay_the_session_is_wanted_at_once() -> None:
    d = Demand(delay_open=False, close_idle=None)
    assert d.wanted and not d.on_demand
    await asyncio.wait_for(d.wait_wanted(), 1)
    idle = asyncio.ensure_future(d.wait_idle(lambda: 0))
    await asyncio.sleep(0.05)
    assert not idle.done()  # no limit: never idle
    idle.cancel()


async def test_idle_counts_from_when_the_last_connection_ended() -> None:
    loop = asyncio.get_running_loop()
    d = Demand(delay_open=False, close_idle=0.2)
    active = [1]
    t0 = loop.time()
    idle = asyncio.ensure_future(d.wait_idle(lambda: active[0]))
    await asyncio.sleep(0.3)
    assert not idle.done()  # a connection is open: never idle
    active[0] = 0
    t_closed = loop.time()
    await asyncio.wait_for(idle, 2)
    assert loop.time() - t_closed >= 0.19 and loop.time() - t0 >= 0.5
    d.released()
    assert not d.wanted  # back to standby until the next connection
    d.want()
    assert d.wanted


async def test_a_connection_in_between_restarts_the_idle_time() -> None:
    loop = asyncio.get_running_loop()
    d = Demand(delay_open=True, close_idle=0.2)
    active = [0]
    idle = asyncio.ensure_future(d.wait_idle(lambda: active[0]))
    await asyncio.sleep(0.15)
    active[0] = 1
    await asyncio.sleep(0.06)
    active[0] = 0
    t = loop.time()
    await asyncio.wait_for(idle, 2)
    assert loop.time() - t >= 0.15


async def test_gate() -> None:
    gate = SessionGate()
    assert not await gate.wait(0.05)
    waiter = asyncio.ensure_future(gate.wait(2))
    await asyncio.sleep(0.01)
    gate.open()
    assert await waiter and gate.is_open
    gate.close()
    assert not gate.is_open


def test_reduce_options() -> None:
    assert reduce_options(15, 2) == {
        "i2cp.reduceOnIdle": "true",
        "i2cp.reduceIdleTime": "900000",
        "i2cp.reduceQuantity": "2",
    }


async def test_gate_fail_sends_waiters_away_at_once() -> None:
    loop = asyncio.get_running_loop()
    gate = SessionGate()
    t0 = loop.time()
    waiters = [asyncio.ensure_future(gate.wait(5)) for _ in range(3)]
    await asyncio.sleep(0.01)
    gate.fail()
    assert await asyncio.gather(*waiters) == [False, False, False]
    assert loop.time() - t0 < 1
    gate.open()
    assert await gate.wait(0.01)
