"""`async_slot`: qasync's asyncSlot with a type mypy can check.

qasync's decorator is untyped, so every slot it wraps would become untyped too (and
mypy would stop checking their bodies and callers). The wrapper keeps the slot's own
parameters and says what qasync really returns: the Task it scheduled on the loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, cast

from qasync import asyncSlot

P = ParamSpec("P")
SlotBody = Callable[P, Coroutine[Any, Any, None]]


def async_slot(*signal_types: type) -> Callable[[SlotBody[P]], Callable[P, asyncio.Task[None]]]:
    """Decorate a coroutine method as a Qt slot run on the asyncio loop (qasync)."""
    decorate = asyncSlot(*signal_types)

    def typed(body: SlotBody[P]) -> Callable[P, asyncio.Task[None]]:
        return cast(Callable[P, "asyncio.Task[None]"], decorate(body))

    return typed
