"""Run a coroutine on the test's qasync loop from a sync pytest-qt test.

A module of its own (not conftest): `from conftest import ...` is ambiguous when
several test folders have a conftest.py on sys.path.
"""

from __future__ import annotations

import asyncio
from typing import Any


def run_async(qtbot: Any, loop: asyncio.AbstractEventLoop, coro: Any, timeout: float = 10.0
              ) -> Any:
    """Run `coro` as a task on the qasync loop and pump Qt until it is done."""
    task = loop.create_task(coro)  # owned here: awaited via waitUntil + result()
    qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
    return task.result()
