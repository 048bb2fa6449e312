"""Linux fast path: move bytes socket -> pipe -> socket with os.splice (zero copy).

Same interface and semantics as `relay.Relay` (counters, half-close, idle and lifetime
timeouts, abort), so a runtime can use either; bytes never enter Python. A direction
holds a pipe from the loop's small pool only while bytes sit in it (its destination is
full: its source is not read meanwhile, the backpressure), so an idle connection costs
its two sockets. The sockets are watched by the loop's `SpliceHub` (one epoll,
core/splice_hub.py; what for: core/splice_ends.py). `ready()` handles an event with as
few Python calls as the common case allows: per connection they are most of what the
relay costs beyond its system calls (docs/BENCHMARKS.md "Per-connection cost").

A socket that cannot carry a half-close (`*_half_close=False`, a SAM stream) is never
shut down for writing; its own EOF ends the connection once its bytes are passed on.
"""

from __future__ import annotations

import _socket
import asyncio
import os
import socket
import sys
from collections.abc import Callable

from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.pipe_pool import CHUNK, Pipe, close_pipe, give_pipe, take_pipe
from i2ptunnel_gui.core.relay import DEFAULT_OPTIONS, CloseReason, RelayOptions
from i2ptunnel_gui.core.splice_ends import (
    EOF_IN,
    EOF_OUT,
    FIN_BOTH,
    FIN_IN,
    FIN_OUT,
    NOT_READING_LOCAL,
    NOT_READING_REMOTE,
    STUCK_IN,
    STUCK_OUT,
    leave,
    rewatch,
)
from i2ptunnel_gui.core.splice_hub import BROKEN, READ, WRITE, SpliceHub, hub_of
from i2ptunnel_gui.core.splice_start import send_pending, start_timers

_FLAGS = getattr(os, "SPLICE_F_MOVE", 1) | getattr(os, "SPLICE_F_NONBLOCK", 2)
_BURST = 8  # splices per wake-up before yielding to other connections
_BOTH_HALF_CLOSE = (True, True)  # shared: most connections carry a half-close both ways
_close_socket = _socket.socket.close  # without socket.socket's Python-level wrapper
_splice = os.splice


def available() -> bool:
    return sys.platform == "linux" and hasattr(os, "splice")


def no_delay(sock: _socket.socket) -> None:
    """No Nagle delay on relayed bytes (as asyncio's transports). Not TCP: the call fails,
    cheaper than sock.family's enum lookups (and try/except than contextlib.suppress).
    On a listener it is set once for all: Linux copies it to every accepted socket."""
    try:  # noqa: SIM105
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError:
        pass


class SpliceRelay:
    """Drop-in for `relay.Relay` on Linux (see module doc). "in" is local -> remote
    (counted as bytes_in), "out" remote -> local; each direction's state is a pipe
    (None while empty) and bits of `_ends`. The local side may be a bare fd
    (`start_now`): an accepted connection needs no socket object until it is shut
    down for writing."""

    __slots__ = (
        "_done", "_ends", "_half_close", "_hub", "_lfd", "_local", "_pipe_in", "_pipe_out",
        "_remote", "_rfd", "_sending", "_timers", "_watched", "bytes_in", "bytes_out",
        "closed", "created", "error", "last_activity", "loop", "on_finished", "pipes",
        "reason", "started",
    )

    def __init__(self, loop: asyncio.AbstractEventLoop, hub: SpliceHub | None = None) -> None:
        self.loop = loop
        hub = self._hub = hub or hub_of(loop)  # a listener passes its loop's, found once
        self.pipes = hub.pipes
        self.bytes_in = 0
        self.bytes_out = 0
        self.created = self.last_activity = loop.time()
        self.started = False
        self.closed = False
        self.reason: CloseReason | None = None
        self.error: Exception | None = None
        self._local: _socket.socket | None = None  # None with a bare fd (start_now)
        self._remote: _socket.socket | None = None
        self._lfd = self._rfd = -1
        self._pipe_in: Pipe | None = None
        self._pipe_out: Pipe | None = None
        self._ends = 0  # _EOF_* / _FIN_* / _STUCK_* bits
        self._watched = 0  # the `_ends` whose interest the hub has (see _rewatch)
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
        return self._ends & FIN_BOTH in (FIN_IN, FIN_OUT)  # one way over, not both

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
                await self.done_future()  # cancelled with us: the finally closes everything
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
        try:
            for sock in (local_sock, remote_sock):
                if sock.gettimeout() != 0.0:  # no syscall when already non-blocking
                    sock.setblocking(False)
                no_delay(sock)
            start_timers(self, options)
            if options.local_pending:
                self.bytes_in += len(options.local_pending)
                await send_pending(self, remote_sock, options.local_pending)
            if options.remote_pending:
                self.bytes_out += len(options.remote_pending)
                await send_pending(self, local_sock, options.remote_pending)
        except BaseException:
            self._close(CloseReason.CLOSED)
            self._close_sockets()
            raise
        if self.closed:  # a timeout hit while the pending bytes waited
            self._close_sockets()
            return
        self.last_activity = self.loop.time()  # live tables show the state change
        self._join(local_sock.fileno(), remote_sock.fileno())

    def start_now(self, local_fd: int, remote_sock: socket.socket) -> None:
        """`start()` with no options and nothing to await: a listener joins a freshly
        accepted fd and a freshly connected socket without a task, a coroutine or a
        socket object for the accepted side. Owns both. Both are non-blocking already
        and `local_fd` comes from a listener with TCP_NODELAY set (`no_delay`), which
        accepted sockets inherit."""
        self._remote = remote_sock
        self._lfd = local_fd  # closed by _close_sockets from here on
        try:
            no_delay(remote_sock)
            # joined in the callback that made us: last_activity (shared with
            # `created`, one float less per connection) is still current
            self._join(local_fd, remote_sock.fileno())
        except BaseException:
            self._close(CloseReason.CLOSED)
            self._close_sockets()
            raise

    def _join(self, lfd: int, rfd: int) -> None:
        self._lfd, self._rfd = lfd, rfd
        self._hub.join(lfd, rfd, self, READ)
        self.started = True

    def done_future(self) -> asyncio.Future[None]:
        """Resolved once closed (made on first use)."""
        if self._done is None:
            self._done = self.loop.create_future()
            if self.closed:
                self._done.set_result(None)
        return self._done

    def add_timer(self, timer: asyncio.TimerHandle) -> None:
        if self._timers is None:
            self._timers = []
        self._timers.append(timer)

    def sending(self, task: asyncio.Task[None] | None) -> None:
        """Pending bytes are being written by `task` (None: done): the socket is the
        loop's meanwhile, so a close leaves it to the task."""
        self._sending = task

    async def wait_closed(self) -> None:
        """Closing is synchronous here (no transports): nothing to wait for."""

    # -- moving bytes: the hub's calls ---------------------------------------------
    def ready(self, fd: int, events: int) -> None:
        """`fd` is readable, writable or broken (an error, a hang-up): splice what it
        has on to the other socket, or what is stuck on its way to it."""
        local = fd == self._lfd
        ends = self._ends
        if ends & (STUCK_OUT if local else STUCK_IN) and events & (WRITE | BROKEN):
            self._drain(not local)  # a broken fd makes the splice fail
            if self.closed:
                return
            ends = self._ends
        if ends & (NOT_READING_LOCAL if local else NOT_READING_REMOTE) or not events & (
                READ | BROKEN):
            return
        dst = self._rfd if local else self._lfd
        pipes = self.pipes
        # the pool's list directly: this runs for every event, and take_pipe/give_pipe
        # are two calls more each (with the _ended fast path below, +4 % CPU per
        # connection, measured); the pool cannot grow here, the pipe goes back to it
        pipe = pipes.pop() if pipes else take_pipe(pipes)
        moved = 0
        burst = _BURST
        while burst:
            burst -= 1
            try:
                n = _splice(fd, pipe.w, CHUNK, flags=_FLAGS)
            except BlockingIOError:
                break
            except OSError as e:
                pipes.append(pipe)  # empty
                self.fail(e)
                return
            if n == 0:
                pipes.append(pipe)
                if moved:
                    self._count(local, moved)
                self._ended(local)  # last_activity too
                return
            moved += n
            left = n
            try:
                while left:
                    left -= _splice(pipe.r, dst, left, flags=_FLAGS)
            except BlockingIOError:  # dst is full: stop reading fd, wait for dst
                pipe.queued = left
                self._count(local, moved)
                self._stuck(local, pipe)
                return
            except OSError as e:
                close_pipe(pipe)  # holds bytes: never back to the pool
                self.fail(e)
                return
            if n < CHUNK:
                # the socket had less than a chunk: drained for now, skip the EAGAIN call
                # (the watch is level-triggered: a short read that left bytes is re-reported)
                break
        pipes.append(pipe)
        if moved:
            self._count(local, moved)

    def _count(self, inbound: bool, n: int) -> None:
        self.last_activity = self.loop.time()
        if inbound:
            self.bytes_in += n
        else:
            self.bytes_out += n

    def _stuck(self, inbound: bool, pipe: Pipe) -> None:
        if inbound:
            self._pipe_in = pipe
        else:
            self._pipe_out = pipe
        self._ends |= STUCK_IN if inbound else STUCK_OUT
        self._rewatch()

    def _drain(self, inbound: bool) -> None:
        """The stuck direction's destination is writable (or broken): move on its bytes."""
        pipe = self._pipe_in if inbound else self._pipe_out
        assert pipe is not None  # only bytes stuck in the pipe wait for dst
        dst = self._rfd if inbound else self._lfd
        try:
            while pipe.queued:
                pipe.queued -= _splice(pipe.r, dst, pipe.queued, flags=_FLAGS)
                self.last_activity = self.loop.time()  # a slow reader is not idle
        except BlockingIOError:
            return
        except OSError as e:
            self.fail(e)
            return
        if inbound:
            self._pipe_in = None
        else:
            self._pipe_out = None
        give_pipe(self.pipes, pipe)  # empty: back to the pool, which keeps a few
        # its source is read again (a stuck source is not read, so no EOF waits here)
        self._ends &= ~(STUCK_IN if inbound else STUCK_OUT)
        self._rewatch()

    def _ended(self, inbound: bool) -> None:
        """A source's EOF, read with nothing stuck on its way: half-close its destination."""
        self._ends |= (EOF_IN | FIN_IN) if inbound else (EOF_OUT | FIN_OUT)
        self.last_activity = self.loop.time()  # now half-closed: live tables show it
        src_half_close, dst_half_close = (
            self._half_close if inbound else (self._half_close[1], self._half_close[0])
        )
        if not src_half_close or self._ends & FIN_BOTH == FIN_BOTH:
            # its stream is over both ways, or both ways are over: close() sends dst its
            # FIN (its receive side drained, its EOF read), one syscall less than shutdown()
            self._close(CloseReason.DONE)
            return
        if dst_half_close:
            dst = self._remote if inbound else self._local_socket()
            assert dst is not None
            try:  # noqa: SIM105 (see no_delay)
                dst.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        if self._ends & (STUCK_OUT if inbound else STUCK_IN):
            self._rewatch()
        else:  # the common case, `_rewatch` in one call: only the source leaves the epoll
            # (it was read until now, as every change of `_ends` is watched at once)
            self._watched = self._ends
            self._hub.forget(self._lfd if inbound else self._rfd, closing=False)

    def _local_socket(self) -> _socket.socket:
        """The local side as a socket object, made when first needed (start_now)."""
        if self._local is None:  # family from the fd (one getsockname), the rest known
            self._local = _socket.socket(-1, socket.SOCK_STREAM, 0, self._lfd)
        return self._local

    def _rewatch(self) -> None:
        """`_ends` changed: tell the hub what each socket is watched for now."""
        rewatch(self._hub, self, (self._lfd, self._rfd), self._watched, self._ends)
        self._watched = self._ends

    # -- ending ------------------------------------------------------------------------
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
        closing = self._sending is None  # else sock_sendall still has the fd registered
        if self.started:
            self._release(closing and reason is CloseReason.DONE)
        if closing:
            self._close_sockets()
        if self._done is not None and not self._done.done():
            self._done.set_result(None)
        if self.on_finished is not None:
            self.on_finished()

    def _release(self, closing: bool) -> None:
        """Leave the hub and drop the pipes. `closing`: the sockets are closed now and
        ended normally, so closing them takes them out of the epoll. An aborted relay
        takes them out itself: a socket it was given may live on in a duplicate (the
        HTTP proxy's 504 page), whose events would otherwise keep coming."""
        leave(self._hub, (self._lfd, self._rfd), self._watched, closing=closing)
        for pipe in (self._pipe_in, self._pipe_out):
            if pipe is not None:
                close_pipe(pipe)  # may hold bytes: never back to the pool
        self._pipe_in = self._pipe_out = None

    def _close_sockets(self) -> None:
        if self._local is not None:
            _close_socket(self._local)
        elif self._lfd >= 0:  # a bare accepted fd (start_now)
            os.close(self._lfd)
        self._lfd = -1
        if self._remote is not None:
            _close_socket(self._remote)
