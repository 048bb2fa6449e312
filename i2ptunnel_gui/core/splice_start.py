"""What a splice relay's options ask of it before its sockets are joined: the lifetime
and idle timers of a relay run on its own (`relay.RelayOptions`; a tunnel's relays use
its one sweeper instead), and bytes read past a handshake, written first."""

from __future__ import annotations

import asyncio
import socket
from typing import Protocol

from i2ptunnel_gui.core.relay import CloseReason, RelayOptions


class Starting(Protocol):
    """The part of `splice.SpliceRelay` that starting it under options uses."""

    loop: asyncio.AbstractEventLoop
    closed: bool
    last_activity: float

    def abort(self, reason: CloseReason = CloseReason.CLOSED) -> None: ...

    def add_timer(self, timer: asyncio.TimerHandle) -> None: ...

    def sending(self, task: asyncio.Task[None] | None) -> None: ...

    def done_future(self) -> asyncio.Future[None]: ...


def start_timers(relay: Starting, options: RelayOptions) -> None:
    loop = relay.loop
    if options.lifetime is not None:
        relay.add_timer(loop.call_later(options.lifetime, relay.abort, CloseReason.LIFETIME))
    idle = options.idle_timeout
    if idle is None:
        return

    def check() -> None:
        if relay.closed:
            return
        remaining = relay.last_activity + idle - loop.time()
        if remaining <= 0:
            relay.abort(CloseReason.IDLE)
        else:
            relay.add_timer(loop.call_later(remaining, check))

    relay.add_timer(loop.call_later(idle, check))


async def send_pending(relay: Starting, sock: socket.socket, data: bytes) -> None:
    """Write bytes read past a handshake, unless a timeout closes the relay first."""
    loop = relay.loop
    sending = loop.create_task(loop.sock_sendall(sock, data))
    relay.sending(sending)
    try:
        await asyncio.wait({sending, relay.done_future()}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not sending.done():
            sending.cancel()
            await asyncio.wait({sending})
        relay.sending(None)
    if not sending.cancelled() and (exc := sending.exception()) is not None:
        raise exc
