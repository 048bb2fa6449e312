"""Linux fast path: move bytes socket -> pipe -> socket with os.splice (zero copy).

Same interface and semantics as `relay.Relay` (counters, half-close, idle and
lifetime timeouts, abort), so a runtime can use either. Bytes never enter
Python: each direction splices from its source socket into a pipe and from the
pipe into the destination socket. Pipes come from a small per-loop pool and
are held by a direction only while bytes sit in them (its destination is
full), so an idle connection costs its two sockets and no pipe.

Backpressure: a direction with bytes stuck in its pipe stops reading its
source (remove_reader) and waits for its destination to be writable.

A socket that cannot carry a half-close (`*_half_close=False`, a SAM stream) is
never shut down for writing; its own EOF ends the connection once its bytes
are passed on (see relay.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
from collections.abc import Callable

from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.pipe_pool import CHUNK, Pipe, close_pipe, give_pipe, pool_of, take_pipe
from i2ptunnel_gui.core.relay import DEFAULT_OPTIONS, CloseReason, RelayOptions

_FLAGS = getattr(os, "SPLICE_F_MOVE", 1) | getattr(os, "SPLICE_F_NONBLOCK", 2)
_BURST = 8  # splices per wake-up before yielding to other connections
_BOTH_HALF_CLOSE = (True, True)  # shared: most connections carry a half-close both ways
# SpliceRelay._ends: a source's EOF read (_EOF_*), passed on to its destination (_FIN_*)
_EOF_IN, _EOF_OUT, _FIN_IN, _FIN_OUT = 1, 2, 4, 8
_FIN_BOTH = _FIN_IN | _FIN_OUT


def available() -> bool:
    return sys.platform == "linux" and hasattr(os, "splice")


def no_delay(sock: socket.socket) -> None:
    """No Nagle delay on relayed bytes (asyncio's transports do the same). Not TCP (a
    Unix socket): the call fails, which is cheaper than sock.family's enum lookups.
    On a listener it is set once for all: Linux copies it to every accepted socket."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class SpliceRelay:
    """Drop-in for `relay.Relay` on Linux (see module doc). "in" is local -> remote
    (counted as bytes_in), "out" remote -> local; each direction's state is a pipe
    (None while empty) and two bits of `_ends`."""

    __slots__ = (
        "_done",
        "_ends",
        "_half_close",
        "_lfd",
        "_local",
        "_pipe_in",
        "_pipe_out",
        "_remote",
        "_rfd",
        "_sending",
        "_timers",
        "bytes_in",
        "bytes_out",
        "closed",
        "created",
        "error",
        "last_activity",
        "loop",
        "on_finished",
        "pipes",
        "reason",
        "started",
    )

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.pipes = pool_of(loop)
        self.bytes_in = 0
        self.bytes_out = 0
        self.created = self.last_activity = loop.time()
        self.started = False
        self.closed = False
        self.reason: CloseReason | None = None
        self.error: Exception | None = None
        self._local: socket.socket | None = None
        self._remote: socket.socket | None = None
        self._lfd = self._rfd = -1
        self._pipe_in: Pipe | None = None
        self._pipe_out: Pipe | None = None
        self._ends = 0  # _EOF_* / _FIN_* bits
        self._half_close = _BOTH_HALF_CLOSE  # (local, remote) can carry a half-close
        # made only when awaited (run(), pending bytes): a detached relay never is, and
        # 5 000 futures and timer lists are ~0.2 KiB per connection (bench/profile_conn.py)
        self._done: asyncio.Future[None] | None = None
        self._timers: list[asyncio.TimerHandle] | None = None
        self._sending: asyncio.Task[None] | None = None
        self.on_finished: Callable[[], None] | None = None  # set by detached users

    @property
    def finished(self) -> bool:
        return self.closed

    @property
    def half_closed(self) -> bool:
        return self._ends & _FIN_BOTH in (_FIN_IN, _FIN_OUT)  # one way over, not both

    async def run(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        options: RelayOptions = DEFAULT_OPTIONS,
    ) -> CloseReason:
        """Relay until done; owns and closes both sockets (see relay.Relay.run)."""
        try:
            await self.start(local_sock, remote_sock, options)
            if not self.closed:
                await self._done_future()  # cancelled with us: the finally closes everything
        finally:
            self._close(CloseReason.CLOSED)
        return self.reason or CloseReason.DONE

    async def start(
        self,
        local_sock: socket.socket,
        remote_sock: socket.socket,
        options: RelayOptions = DEFAULT_OPTIONS,
    ) -> None:
        """Join the sockets and return; from then on loop callbacks alone move the
        bytes and `on_finished()` is called once closed. Owns both sockets, also
        when this raises."""
        self._local, self._remote = local_sock, remote_sock
        if options.local_filter is not None:  # bytes we never see cannot be rewritten
            local_sock.close()
            remote_sock.close()
            raise ConfigError("the splice relay cannot filter a stream; use relay.Relay")
        if not (options.local_half_close and options.remote_half_close):
            self._half_close = (options.local_half_close, options.remote_half_close)
        local_pending, remote_pending = options.local_pending, options.remote_pending
        try:
            for sock in (local_sock, remote_sock):
                if sock.gettimeout() != 0.0:  # no syscall when already non-blocking
                    sock.setblocking(False)
                no_delay(sock)
            if options.lifetime is not None:
                self._add_timer(
                    self.loop.call_later(options.lifetime, self.abort, CloseReason.LIFETIME)
                )
            if options.idle_timeout is not None:
                self._arm_idle(options.idle_timeout)
            if local_pending:
                self.bytes_in += len(local_pending)
                await self._send_pending(remote_sock, local_pending)
            if remote_pending:
                self.bytes_out += len(remote_pending)
                await self._send_pending(local_sock, remote_pending)
        except BaseException:
            self._close(CloseReason.CLOSED)
            self._close_sockets()
            raise
        if self.closed:  # a timeout hit while the pending bytes waited
            self._close_sockets()
            return
        self.last_activity = self.loop.time()  # live tables show the state change
        self._join()

    def start_now(self, local_sock: socket.socket, remote_sock: socket.socket) -> None:
        """`start()` with no options and nothing to await: a listener joins a freshly
        connected pair without a task or a coroutine. Owns both sockets. Both are
        non-blocking already (accept / connect paths) and `local_sock` comes from a
        listener with TCP_NODELAY set (`no_delay`), which accepted sockets inherit."""
        self._local, self._remote = local_sock, remote_sock
        try:
            no_delay(remote_sock)
        except BaseException:
            self._close(CloseReason.CLOSED)
            self._close_sockets()
            raise
        self._join()

    def _join(self) -> None:
        assert self._local is not None and self._remote is not None
        self._lfd, self._rfd = self._local.fileno(), self._remote.fileno()
        # start_now() joins in the callback that made us: last_activity (shared with
        # `created`, one float less per connection) is still current
        self.started = True
        self.loop.add_reader(self._lfd, _local_readable, self)
        self.loop.add_reader(self._rfd, _remote_readable, self)

    def _done_future(self) -> asyncio.Future[None]:
        if self._done is None:
            self._done = self.loop.create_future()
            if self.closed:
                self._done.set_result(None)
        return self._done

    def _add_timer(self, timer: asyncio.TimerHandle) -> None:
        if self._timers is None:
            self._timers = []
        self._timers.append(timer)

    async def wait_closed(self) -> None:
        """Closing is synchronous here (no transports): nothing to wait for."""

    async def _send_pending(self, sock: socket.socket, data: bytes) -> None:
        """Write bytes read past a handshake, unless a timeout closes us first."""
        sending = self.loop.create_task(self.loop.sock_sendall(sock, data))
        self._sending = sending
        try:
            await asyncio.wait({sending, self._done_future()}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if not sending.done():
                sending.cancel()
                await asyncio.wait({sending})
            self._sending = None
        if not sending.cancelled() and (exc := sending.exception()) is not None:
            raise exc

    def _arm_idle(self, idle: float) -> None:
        def check() -> None:
            if self.closed:
                return
            remaining = self.last_activity + idle - self.loop.time()
            if remaining <= 0:
                self.abort(CloseReason.IDLE)
            else:
                self._add_timer(self.loop.call_later(remaining, check))

        self._add_timer(self.loop.call_later(idle, check))

    def _pump(self, inbound: bool, src: int, dst: int) -> None:
        """src -> pipe -> dst for one readable event, the pipe held only while non-empty."""
        if self.closed:  # closed earlier in this loop turn
            return
        loop = self.loop
        pipe = self._pipe_in if inbound else self._pipe_out
        if pipe is None:
            pipe = take_pipe(self.pipes)
            if inbound:
                self._pipe_in = pipe
            else:
                self._pipe_out = pipe
        for _ in range(_BURST):
            try:
                n = os.splice(src, pipe.w, CHUNK, flags=_FLAGS)
            except BlockingIOError:
                break
            except OSError as e:
                self.fail(e)
                return
            if n == 0:
                self._ends |= _EOF_IN if inbound else _EOF_OUT
                loop.remove_reader(src)
                break
            pipe.queued += n
            self.last_activity = loop.time()
            if inbound:
                self.bytes_in += n
            else:
                self.bytes_out += n
            if not self._flush(pipe, dst):
                if self.closed:
                    return
                loop.remove_reader(src)  # dst is full: stop reading src
                loop.add_writer(dst, _remote_writable if inbound else _local_writable, self)
                return
            if n < CHUNK:
                break  # the socket had less than a chunk: it is drained, skip the EAGAIN call
        self._settle(inbound, pipe)

    def _drain(self, inbound: bool, src: int, dst: int) -> None:
        pipe = self._pipe_in if inbound else self._pipe_out
        assert pipe is not None  # the writer waits only for bytes stuck in the pipe
        if self._flush(pipe, dst) and not self.closed:
            self.loop.remove_writer(dst)
            if not self._ends & (_EOF_IN if inbound else _EOF_OUT):
                self.loop.add_reader(src, _local_readable if inbound else _remote_readable, self)
            self._settle(inbound, pipe)

    def _flush(self, pipe: Pipe, dst: int) -> bool:
        """Move the pipe's bytes to dst; True when the pipe is empty."""
        while pipe.queued:
            try:
                n = os.splice(pipe.r, dst, pipe.queued, flags=_FLAGS)
            except BlockingIOError:
                return False
            except OSError as e:
                self.fail(e)
                return False
            pipe.queued -= n
            self.last_activity = self.loop.time()  # a slow reader is not idle
        return True

    def _settle(self, inbound: bool, pipe: Pipe) -> None:
        """The pipe is empty: back to the pool, and a source's EOF passed on."""
        if self.closed:
            return
        give_pipe(self.pipes, pipe)
        eof, fin = (_EOF_IN, _FIN_IN) if inbound else (_EOF_OUT, _FIN_OUT)
        if inbound:
            self._pipe_in = None
        else:
            self._pipe_out = None
        if self._ends & eof and not self._ends & fin:
            self._ends |= fin
            self._passed_eof(inbound)

    def _passed_eof(self, inbound: bool) -> None:
        """A source ended and its bytes are out: half-close its destination."""
        self.last_activity = self.loop.time()  # now half-closed: live tables show it
        src_half_close, dst_half_close = (
            self._half_close if inbound else (self._half_close[1], self._half_close[0])
        )
        if not src_half_close:  # its stream is over both ways: so is the connection
            self._close(CloseReason.DONE)
            return
        if self._ends & _FIN_BOTH == _FIN_BOTH:
            # both ways over: close() sends dst its FIN (its receive side is drained, its
            # EOF read), so a shutdown() first would be one syscall more per connection
            self._close(CloseReason.DONE)
            return
        dst = self._remote if inbound else self._local
        if dst_half_close and dst is not None:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)

    def fail(self, exc: Exception) -> None:
        self.error = exc
        self._close(CloseReason.RESET)

    def abort(self, reason: CloseReason = CloseReason.CLOSED) -> None:
        self._close(reason)

    def _close(self, reason: CloseReason) -> None:
        if self.closed:
            return
        self.closed = True
        if self.reason is None:
            self.reason = reason
        if self._timers is not None:
            for t in self._timers:
                t.cancel()
        if self.started:
            self._release()
        if self._sending is None:  # else sock_sendall still has the fd registered
            self._close_sockets()
        if self._done is not None and not self._done.done():
            self._done.set_result(None)
        if self.on_finished is not None:
            self.on_finished()

    def _release(self) -> None:
        """Drop the loop registrations and pipes. Only what is registered: each call
        on uvloop costs a few µs per connection."""
        loop, ends = self.loop, self._ends
        if not ends & _EOF_IN:  # EOF removed the reader
            loop.remove_reader(self._lfd)
        if not ends & _EOF_OUT:
            loop.remove_reader(self._rfd)
        for pipe, dst in ((self._pipe_in, self._rfd), (self._pipe_out, self._lfd)):
            if pipe is not None:
                if pipe.queued:  # the writer waits only for bytes stuck in the pipe
                    loop.remove_writer(dst)
                close_pipe(pipe)  # may hold bytes: never back to the pool
        self._pipe_in = self._pipe_out = None

    def _close_sockets(self) -> None:
        if self._local is not None:
            self._local.close()
        if self._remote is not None:
            self._remote.close()


# Loop callbacks, the relay as their argument: a registration then keeps a 1-tuple
# alive in the loop (48 B) where a bound method would be 64 B (two per connection).
def _local_readable(relay: SpliceRelay) -> None:
    relay._pump(True, relay._lfd, relay._rfd)


def _remote_readable(relay: SpliceRelay) -> None:
    relay._pump(False, relay._rfd, relay._lfd)


def _remote_writable(relay: SpliceRelay) -> None:
    relay._drain(True, relay._lfd, relay._rfd)


def _local_writable(relay: SpliceRelay) -> None:
    relay._drain(False, relay._rfd, relay._lfd)
