"""The seed's `make_send()` as the engine's `dial`: a blocking socket factory run
off the engine loop.

`make_send()` may block (DNS, a SAM handshake...) so each call runs in its own
daemon thread (at most `max_threads` at once): a slow call never stalls the
engine loop or other connections, and a stuck one never blocks interpreter exit
(a ThreadPoolExecutor's workers are joined at exit). The socket it returns may
still be connecting (non-blocking connect): we wait until it is writable and
check SO_ERROR.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

from i2ptunnel_gui.core.context import Dial
from i2ptunnel_gui.core.dial import wait_writable
from i2ptunnel_gui.core.errors import TargetError

MAX_THREADS = 32  # make_send() calls running at once per tunnel


def thread_dial(make_send: Callable[[], socket.socket], max_threads: int = MAX_THREADS) -> Dial:
    """A `dial` for `Engine.start_tunnel` that opens each target with `make_send()`."""
    threads: asyncio.Semaphore | None = None  # made on the engine loop, on first use

    async def dial() -> socket.socket:
        nonlocal threads
        if threads is None:
            threads = asyncio.Semaphore(max_threads)
        loop = asyncio.get_running_loop()
        async with threads:
            try:
                sock = await _call_in_daemon_thread(loop, make_send)
            except Exception as e:
                raise TargetError(f"make_send() failed: {e!r}") from e
        if not isinstance(sock, socket.socket):
            with contextlib.suppress(Exception):
                sock.close()
            raise TargetError(f"make_send() returned {type(sock).__name__}, not a socket")
        try:
            sock.setblocking(False)
            await _wait_connected(loop, sock)
            return sock
        except BaseException:
            sock.close()
            raise

    return dial


async def _call_in_daemon_thread(
    loop: asyncio.AbstractEventLoop, fn: Callable[[], socket.socket]
) -> socket.socket:
    """`fn()` in a new daemon thread; if we stop waiting, its socket is closed."""
    result: asyncio.Future[socket.socket] = loop.create_future()

    def deliver(value: Any, failed: bool) -> None:
        if result.cancelled():
            if not failed:
                value.close()  # nobody wants it any more
        elif failed:
            result.set_exception(value)
        else:
            result.set_result(value)

    def work() -> None:
        try:
            value: Any = fn()
            failed = False
        except BaseException as e:
            value, failed = e, True
        try:
            loop.call_soon_threadsafe(deliver, value, failed)
        except RuntimeError:  # the engine loop is gone
            if not failed:
                value.close()

    threading.Thread(target=work, name="make_send", daemon=True).start()
    return await result


async def _wait_connected(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
    """Wait for a non-blocking connect to finish; TargetError if it failed."""
    await wait_writable(loop, sock)
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err:
        raise TargetError(f"connect failed: {os.strerror(err)}")
    try:
        sock.getpeername()
    except OSError:
        raise TargetError("make_send() returned a socket that is not connecting") from None
