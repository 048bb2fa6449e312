"""The relay of an IRC client tunnel: lines, not bytes, each through `IrcFilter`.

IRC is a few lines a second, so this reads and writes with plain `sock_recv` /
`sock_sendall` in two tasks instead of the engine's zero-copy path. It is a `Relay`
to the engine's bookkeeping (counters, `started`, `last_activity`, `abort`,
`wait_closed`), so live tables, idle timeouts and "close connection" work as for
every other kind; it is run with `run()` only (never detached). Bytes are decoded with
surrogateescape: a non-UTF-8 client's text passes through unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Callable

from i2ptunnel_gui.core.proxy.irc_filter import MAX_LINE, IrcFilter
from i2ptunnel_gui.core.relay import DEFAULT_OPTIONS, CloseReason, Relay, RelayOptions

logger = logging.getLogger(__name__)

RECV_SIZE = 16384
SEND_TIMEOUT = 60.0  # a peer that takes no data for this long is gone


class IrcRelay(Relay):
    """Filter lines between the local IRC program (local) and the server (remote)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(loop)  # counters, started, reason, on_finished (the pipes stay unused)
        self.filter = IrcFilter()
        self._task: asyncio.Task[None] | None = None
        self._closed = asyncio.Event()

    async def start(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        options: RelayOptions = DEFAULT_OPTIONS,
    ) -> None:
        raise NotImplementedError("an IRC relay runs in its connection's task: use run()")

    async def run(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        options: RelayOptions = DEFAULT_OPTIONS,
    ) -> CloseReason:
        """Relay until a side ends; owns and closes both sockets."""
        local_sock.setblocking(False)
        remote_sock.setblocking(False)
        self.started = True
        self.last_activity = self.loop.time()
        task = asyncio.current_task()
        try:
            async with asyncio.TaskGroup() as tg:
                up = tg.create_task(
                    self._pump(local_sock, remote_sock, self.filter.outbound, True,
                               options.local_pending)
                )  # fmt: skip
                down = tg.create_task(
                    self._pump(remote_sock, local_sock, self.filter.inbound, False,
                               options.remote_pending)
                )  # fmt: skip
                self._task = task
                await asyncio.wait((up, down), return_when=asyncio.FIRST_COMPLETED)
                up.cancel()
                down.cancel()
        except asyncio.CancelledError:
            if self.reason is None or task is None:
                raise  # the tunnel is stopping
            task.uncancel()  # our own abort(): a normal end
        finally:
            local_sock.close()
            remote_sock.close()
            self._ended()
        return self.reason or CloseReason.DONE

    async def _pump(
        self,
        src: socket.socket,
        dst: socket.socket,
        line_filter: Callable[[str], str | None],
        from_local: bool,
        pending: bytes,
    ) -> None:
        try:
            await self._lines(src, dst, line_filter, from_local, pending)
        except OSError as e:  # reset, broken pipe, send timeout: this connection ends
            self.error = e
            if self.reason is None:
                self.reason = CloseReason.RESET

    async def _lines(
        self,
        src: socket.socket,
        dst: socket.socket,
        line_filter: Callable[[str], str | None],
        from_local: bool,
        pending: bytes,
    ) -> None:
        buf = bytearray(pending)
        skipping = False  # inside an over-long line: drop up to its end
        while True:
            while (nl := buf.find(b"\n")) >= 0:
                raw = bytes(buf[:nl]).rstrip(b"\r")
                del buf[: nl + 1]
                if skipping:
                    skipping = False
                    continue
                out = line_filter(raw.decode("utf-8", "surrogateescape"))
                if out is not None:
                    data = out.encode("utf-8", "surrogateescape") + b"\r\n"
                    async with asyncio.timeout(SEND_TIMEOUT):
                        await self.loop.sock_sendall(dst, data)
                    if not from_local:
                        self.bytes_out += len(data)
            if len(buf) > MAX_LINE:
                buf.clear()
                skipping = True
                self.filter.dropped += 1
            data = await self.loop.sock_recv(src, RECV_SIZE)
            if not data:
                return
            self.last_activity = self.loop.time()
            if from_local:
                self.bytes_in += len(data)
            buf += data

    def abort(self, reason: CloseReason = CloseReason.CLOSED) -> None:
        if self.reason is None:
            self.reason = reason
        if self._task is not None and not self._task.done():
            self._task.cancel()

    async def wait_closed(self) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(1.0):
                await self._closed.wait()

    def _ended(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._closed.set()
        if self.on_finished is not None:
            self.on_finished()
