"""Join two connected sockets with a pair of asyncio Protocols (docs/DECISIONS.md 1.1).

Each socket gets one `_Pipe` protocol; what one reads it writes to the other's
transport. Backpressure: when a transport's write buffer passes its high-water
mark (`pause_writing`), the *other* side stops reading until it drains. EOF on
one side becomes `write_eof()` on the other (half-close); the relay finishes
when both directions have seen EOF, or when either side fails, and then closes
both transports. A side started with `*_half_close=False` (a SAM stream: i2pd
ends both directions on a FIN) never gets that `write_eof()`; it keeps sending
to the other side, and its own EOF ends the whole connection. Counters are
plain ints on the `Relay` object, bumped on the engine thread only; snapshots
copy them. No streams, no per-byte callbacks.

On Linux the runtime uses `splice.SpliceRelay` by default (same interface,
zero-copy, fewer CPU-s/GiB); this Protocol pair is the portable path and the
one chosen with I2PTUNNEL_RELAY=protocol (see connection.relay_class).

Direction words: the *local* socket is the side that came to us (an accepted
TCP client, or an incoming I2P stream), the *remote* socket is the side we
opened (the target). `bytes_in` = read from local, `bytes_out` = written to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import cast

# A closed relay reports why, so the UI/log can say "idle timeout" etc.


_CLOSE_WAIT = 1.0  # seconds to wait for aborted transports to release their fds

LocalFilter = Callable[[bytes], tuple[bytes, bytes, bool]]
"""Rewrites what the local side sends before the remote side gets it (HTTP server
tunnels, core/http_server_head.py): returns (bytes for the remote side, a reply
for the local side, end the connection once both are flushed)."""


class CloseReason(StrEnum):
    DONE = "done"  # both directions finished (EOF both ways)
    RESET = "reset"  # a side failed (reset, broken pipe)
    IDLE = "idle timeout"
    LIFETIME = "lifetime reached"
    HALF_CLOSED = "half-close timeout"  # one side sent FIN, the other stayed idle
    CLOSED = "closed"  # closed on request (tunnel stop, close_connection)


@dataclass(frozen=True, slots=True)
class RelayOptions:
    """How one relay runs (see `Relay.run`). Immutable, so a tunnel builds one and
    shares it; only connections with pending bytes get their own (`with_pending`)."""

    local_pending: bytes = b""
    remote_pending: bytes = b""
    idle_timeout: float | None = None
    lifetime: float | None = None
    local_half_close: bool = True
    remote_half_close: bool = True
    local_filter: LocalFilter | None = None  # one per connection: it keeps parser state

    def with_pending(self, *, local: bytes = b"", remote: bytes = b"") -> RelayOptions:
        """These options plus bytes already read; `self` when there are none."""
        if not local and not remote:
            return self
        local, remote = local or self.local_pending, remote or self.remote_pending
        return replace(self, local_pending=local, remote_pending=remote)


DEFAULT_OPTIONS = RelayOptions()


class _Pipe(asyncio.Protocol):
    """One socket of the pair. `other` is the pipe of the opposite socket."""

    __slots__ = (
        "early", "eof", "filter", "half_close", "is_local", "lost", "other", "read_paused",
        "relay", "transport",
    )  # fmt: skip

    def __init__(self, relay: Relay, is_local: bool) -> None:
        self.relay = relay
        self.is_local = is_local
        self.half_close = True  # our socket can carry a half-close (see module doc)
        self.other: _Pipe
        self.transport: asyncio.Transport | None = None
        self.eof = False  # we read EOF from our socket
        self.lost = False
        self.read_paused = False  # our *peer's* write buffer is full
        self.early = b""  # read before the relay started (uvloop reads on connect)
        self.filter: LocalFilter | None = None  # local side only (RelayOptions.local_filter)

    # -- asyncio.Protocol --------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not asyncio.Transport subclasses, same API
        self.transport = cast(asyncio.Transport, transport)
        # Hold reads until both sides exist and pending bytes are queued;
        # Relay._start resumes them.
        self.transport.pause_reading()

    def data_received(self, data: bytes) -> None:
        relay = self.relay
        relay.last_activity = relay.loop.time()
        if self.is_local:
            relay.bytes_in += len(data)
        else:
            relay.bytes_out += len(data)
        if not relay.started:
            self.early += data
            if self.transport is not None:
                self.transport.pause_reading()
            return
        if self.filter is not None:
            self.forward_filtered(data)
            return
        peer = self.other.transport
        if peer is not None and not self.other.lost:
            peer.write(data)

    def forward_filtered(self, data: bytes) -> None:
        """Pass `data` through the filter; its reply goes back, and it may end the relay."""
        assert self.filter is not None
        data, reply, end = self.filter(data)
        peer = self.other.transport
        if data and peer is not None and not self.other.lost:
            peer.write(data)
        if reply and self.transport is not None and not self.lost:
            self.relay.bytes_out += len(reply)
            self.transport.write(reply)
        if end:
            self.relay._finish(CloseReason.DONE)

    def eof_received(self) -> bool:
        self.eof = True
        if not self.relay.started:
            return True  # Relay._start passes it on after the early bytes
        self.relay.last_activity = self.relay.loop.time()
        if not self.half_close:  # our stream is over both ways: flush what we sent, close
            self.relay._finish(CloseReason.DONE)
            return True
        other = self.other
        peer = other.transport
        if other.half_close and peer is not None and not other.lost and peer.can_write_eof():
            # if the peer is going away, its connection_lost finishes the relay
            with contextlib.suppress(OSError, RuntimeError):
                peer.write_eof()
        if other.eof:
            self.relay._finish(CloseReason.DONE)
        return True  # keep our write side open: the other direction may still flow

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        relay = self.relay
        if exc is not None and relay.reason is None:
            relay.error = exc
            relay._finish(CloseReason.RESET)
        elif not self.other.lost:
            relay._finish(relay.reason or CloseReason.RESET)
        if self.other.lost or self.other.transport is None:
            relay._lost()

    def pause_writing(self) -> None:
        self.other._pause_reading()

    def resume_writing(self) -> None:
        self.other._resume_reading()

    # -- backpressure helpers ----------------------------------------------
    def _pause_reading(self) -> None:
        self.read_paused = True
        if self.transport is not None and not self.eof and self.relay.started:
            self.transport.pause_reading()

    def _resume_reading(self) -> None:
        self.read_paused = False
        if self.transport is not None and not self.eof and self.relay.started and not self.lost:
            self.transport.resume_reading()


class Relay:
    """Counters and lifecycle of one joined pair. Create, then `await run(...)`."""

    __slots__ = (
        "_done",
        "_finished",
        "_local",
        "_remote",
        "_timers",
        "bytes_in",
        "bytes_out",
        "created",
        "error",
        "last_activity",
        "loop",
        "on_finished",
        "reason",
        "started",
    )

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.bytes_in = 0
        self.bytes_out = 0
        self.created = self.last_activity = loop.time()
        self.started = False
        self.reason: CloseReason | None = None
        self.error: Exception | None = None
        self._local = _Pipe(self, True)
        self._remote = _Pipe(self, False)
        self._local.other = self._remote
        self._remote.other = self._local
        self._done: asyncio.Future[None] = loop.create_future()
        self._finished = False  # both transports lost (_done may be cancelled instead)
        self._timers: list[asyncio.TimerHandle] = []
        self.on_finished: Callable[[], None] | None = None  # set by detached users

    @property
    def finished(self) -> bool:
        """Both sides are closed (or about to be, after an abort)."""
        return self._finished

    @property
    def half_closed(self) -> bool:
        return self._local.eof != self._remote.eof

    async def run(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        options: RelayOptions = DEFAULT_OPTIONS,
    ) -> CloseReason:
        """Relay until done; owns and closes both sockets. Returns why it ended.

        `options.local_pending` was already read from `local_sock` and goes to the
        remote first; `remote_pending` was read from `remote_sock` (past a SAM
        handshake) and goes to the local side first. `local_half_close=False` /
        `remote_half_close=False`: that socket cannot carry a half-close (a SAM
        stream): EOF from the other side is not passed to it, and its own EOF ends
        the connection. Cancelling closes both sides at once.
        """
        try:
            await self.start(local_sock, remote_sock, options)
            await self._done
        finally:
            if not self._finished:
                await self._close_now(local_sock, remote_sock)
        return self.reason or CloseReason.DONE

    async def start(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        options: RelayOptions = DEFAULT_OPTIONS,
    ) -> None:
        """Join the sockets and return: the relay then runs on loop callbacks alone
        (no task), calls `on_finished()` when both sides are closed. Owns both
        sockets from here on, also when this raises."""
        self._local.half_close = options.local_half_close
        self._remote.half_close = options.remote_half_close
        self._local.filter = options.local_filter
        try:
            await self._start(
                local_sock, remote_sock, options.local_pending, options.remote_pending
            )
        except BaseException:
            await self._close_now(local_sock, remote_sock)
            raise
        if options.lifetime is not None:
            self._timers.append(
                self.loop.call_later(options.lifetime, self.abort, CloseReason.LIFETIME)
            )
        if options.idle_timeout is not None:
            self._arm_idle(options.idle_timeout)

    async def wait_closed(self) -> None:
        """After abort(): transports release their fds on the next loop turns."""
        if self._finished:
            return
        if self._done.done():  # cancelled along with an awaiting task
            self._done = self.loop.create_future()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(_CLOSE_WAIT):
                await self._done

    async def _close_now(self, local_sock: socket.socket, remote_sock: socket.socket) -> None:
        self.abort(CloseReason.CLOSED)
        # a transport owns (and closes) its socket; close the others here
        if self._local.transport is None:
            local_sock.close()
        if self._remote.transport is None:
            remote_sock.close()
        self._check_lost()
        with contextlib.suppress(asyncio.CancelledError):  # cancelled twice: give up waiting
            await self.wait_closed()

    async def _start(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        local_pending: bytes,
        remote_pending: bytes,
    ) -> None:
        loop = self.loop
        local_sock.setblocking(False)
        remote_sock.setblocking(False)
        try:
            await loop.connect_accepted_socket(lambda: self._local, local_sock)
            await loop.connect_accepted_socket(lambda: self._remote, remote_sock)
        except BaseException:
            for pipe, sock in ((self._local, local_sock), (self._remote, remote_sock)):
                if pipe.transport is not None:
                    pipe.transport.abort()
                else:
                    sock.close()
            raise
        lt, rt = self._local.transport, self._remote.transport
        assert lt is not None and rt is not None
        # asyncio calls connection_made via call_soon; connect_accepted_socket
        # awaits it, so both transports exist and are paused here.
        self.started = True
        self.last_activity = self.loop.time()  # live tables show the state change
        if local_pending:
            self.bytes_in += len(local_pending)
            if self._local.filter is not None:  # pending and early bytes are requests too
                self._local.forward_filtered(local_pending)
            else:
                rt.write(local_pending)
        if remote_pending:
            self.bytes_out += len(remote_pending)
            lt.write(remote_pending)
        for pipe in (self._local, self._remote):
            if pipe.early:
                early, pipe.early = pipe.early, b""
                if pipe.filter is not None:
                    pipe.forward_filtered(early)
                else:
                    pipe.other.transport.write(early)  # type: ignore[union-attr]
        for pipe in (self._local, self._remote):
            if pipe.eof:
                pipe.eof = False
                pipe.eof_received()
        for pipe in (self._local, self._remote):
            if not pipe.read_paused and not pipe.lost and not pipe.eof:
                pipe.transport.resume_reading()  # type: ignore[union-attr]

    def _arm_idle(self, idle: float) -> None:
        def check() -> None:
            if self._finished:
                return
            remaining = self.last_activity + idle - self.loop.time()
            if remaining <= 0:
                self.abort(CloseReason.IDLE)
            else:
                self._timers.append(self.loop.call_later(remaining, check))

        self._timers.append(self.loop.call_later(idle, check))

    def abort(self, reason: CloseReason = CloseReason.CLOSED) -> None:
        """Close both sides now, dropping buffered data (timeouts, user close)."""
        if self.reason is None:
            self.reason = reason
        for pipe in (self._local, self._remote):
            if pipe.transport is not None and not pipe.lost:
                pipe.transport.abort()
        self._check_lost()

    def _finish(self, reason: CloseReason) -> None:
        """Both directions done or one side failed: flush what is queued and close."""
        if self.reason is None:
            self.reason = reason
        for pipe in (self._local, self._remote):
            if pipe.transport is not None and not pipe.lost:
                pipe.transport.close()

    def _check_lost(self) -> None:
        sides = (self._local, self._remote)
        if all(p.lost or p.transport is None for p in sides):
            self._lost()

    def _lost(self) -> None:
        if self._finished:
            return
        self._finished = True
        for t in self._timers:
            t.cancel()
        if not self._done.done():
            self._done.set_result(None)
        if self.on_finished is not None:
            self.on_finished()
