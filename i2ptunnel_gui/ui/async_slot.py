"""`async_slot`: qasync's asyncSlot with a type mypy can check and an owner for its tasks.

qasync's decorator is untyped, so every slot it wraps would become untyped too (and
mypy would stop checking their bodies and callers). The wrapper keeps the slot's own
parameters and says what qasync really returns: the Task it scheduled on the loop.

qasync keeps no reference to that Task. Here the running slot tasks are held in one
set, and `end_slot_tasks()` (the app's shutdown, before the bridge closes) cancels
and awaits them, so no slot goes on against a closed bridge or is left to the loop's
own teardown.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, cast

from qasync import asyncSlot

P = ParamSpec("P")
SlotBody = Callable[P, Coroutine[Any, Any, None]]

_running: set[asyncio.Task[Any]] = set()  # the slot tasks not yet finished


def async_slot(*signal_types: type) -> Callable[[SlotBody[P]], Callable[P, asyncio.Task[None]]]:
    """Decorate a coroutine method as a Qt slot run on the asyncio loop (qasync)."""
    decorate = asyncSlot(*signal_types)

    def typed(body: SlotBody[P]) -> Callable[P, asyncio.Task[None]]:
        @functools.wraps(body)  # qasync binds Qt's arguments against body's signature
        async def owned(*args: P.args, **kwargs: P.kwargs) -> None:
            task = asyncio.current_task()
            if task is not None:
                _running.add(task)
                task.add_done_callback(_running.discard)
            await body(*args, **kwargs)

        return cast(Callable[P, "asyncio.Task[None]"], decorate(owned))

    return typed


def running_slot_tasks() -> int:
    return len(_running)


async def end_slot_tasks(time_limit: float) -> None:
    """Cancel the unfinished slot tasks and wait for them, at most `time_limit` seconds."""
    tasks = [t for t in _running if not t.done()]
    for t in tasks:
        t.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=time_limit)
