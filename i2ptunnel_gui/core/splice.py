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
import fcntl
import os
import socket
import sys
from collections.abc import Callable

from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.relay import DEFAULT_OPTIONS, CloseReason, RelayOptions

CHUNK = 1 << 20  # bytes per splice call; the pipe is grown to match
_F_SETPIPE_SZ = 1031
_FLAGS = getattr(os, "SPLICE_F_MOVE", 1) | getattr(os, "SPLICE_F_NONBLOCK", 2)
_POOL_KEEP = 4  # idle pipes kept per loop
_BURST = 8  # splices per wake-up before yielding to other connections
_pools: dict[int, list[tuple[int, int]]] = {}
_BOTH_HALF_CLOSE = (True, True)  # shared: most connections carry a half-close both ways


def available() -> bool:
    return sys.platform == "linux" and hasattr(os, "splice")


def _pool_of(loop: asyncio.AbstractEventLoop) -> list[tuple[int, int]]:
    """The loop's idle pipes: looked up once per relay, not per splice (8 lookups and
    8 throwaway lists per connection otherwise)."""
    pool = _pools.get(id(loop))
    if pool is None:
        pool = _pools[id(loop)] = []
    return pool


def _take_pipe(pool: list[tuple[int, int]]) -> tuple[int, int]:
    if pool:
        return pool.pop()
    r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    with contextlib.suppress(OSError):  # a smaller pipe still works
        fcntl.fcntl(w, _F_SETPIPE_SZ, CHUNK)
    return r, w


def _give_pipe(pool: list[tuple[int, int]], pipe: tuple[int, int]) -> None:
    if len(pool) < _POOL_KEEP:
        pool.append(pipe)
    else:
        os.close(pipe[0])
        os.close(pipe[1])


def close_pool(loop: asyncio.AbstractEventLoop) -> None:
    """Close the loop's idle pipes (the engine calls this when its loop ends)."""
    for r, w in _pools.pop(id(loop), []):
        os.close(r)
        os.close(w)


def _no_delay(sock: socket.socket) -> None:
    """No Nagle delay on relayed bytes (asyncio's transports do the same). Not TCP (a
    Unix socket): the call fails, which is cheaper than sock.family's enum lookups."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _Direction:
    """src socket -> pipe -> dst socket, with the pipe held only while non-empty."""

    __slots__ = ("count_in", "dst", "eof", "finished", "pipe", "queued", "relay", "src")

    def __init__(self, relay: SpliceRelay, src: int, dst: int, count_in: bool) -> None:
        self.relay = relay
        self.src = src
        self.dst = dst
        self.count_in = count_in  # bytes from the local side count as bytes_in
        self.pipe: tuple[int, int] | None = None
        self.queued = 0  # bytes in the pipe
        self.eof = False
        self.finished = False  # EOF passed on (dst shut down for writing)

    def start(self) -> None:
        self.relay.loop.add_reader(self.src, self.on_readable)

    def on_readable(self) -> None:
        relay = self.relay
        loop = relay.loop
        for _ in range(_BURST):
            if relay.closed:
                return
            if self.pipe is None:
                self.pipe = _take_pipe(relay.pipes)
            try:
                n = os.splice(self.src, self.pipe[1], CHUNK, flags=_FLAGS)
            except BlockingIOError:
                break
            except OSError as e:
                relay.fail(e)
                return
            if n == 0:
                self.eof = True
                loop.remove_reader(self.src)
                break
            self.queued += n
            relay.last_activity = loop.time()
            if self.count_in:
                relay.bytes_in += n
            else:
                relay.bytes_out += n
            if not self.flush():
                if relay.closed:
                    return
                loop.remove_reader(self.src)  # dst is full: stop reading src
                loop.add_writer(self.dst, self.on_writable)
                return
            if n < CHUNK:
                break  # the socket had less than a chunk: it is drained, skip the EAGAIN call
        self._settle()

    def on_writable(self) -> None:
        if self.flush() and not self.relay.closed:
            self.relay.loop.remove_writer(self.dst)
            if not self.eof:
                self.relay.loop.add_reader(self.src, self.on_readable)
            self._settle()

    def flush(self) -> bool:
        """Move the pipe's bytes to dst; True when the pipe is empty."""
        assert self.pipe is not None
        while self.queued:
            try:
                n = os.splice(self.pipe[0], self.dst, self.queued, flags=_FLAGS)
            except BlockingIOError:
                return False
            except OSError as e:
                self.relay.fail(e)
                return False
            self.queued -= n
            self.relay.last_activity = self.relay.loop.time()  # a slow reader is not idle
        return True

    def _settle(self) -> None:
        if self.queued == 0 and self.pipe is not None and not self.relay.closed:
            _give_pipe(self.relay.pipes, self.pipe)
            self.pipe = None
        if self.eof and self.queued == 0 and not self.finished:
            self.finished = True
            self.relay.passed_eof(self)

    def release(self) -> None:
        loop = self.relay.loop
        # only what is registered: each call on uvloop costs a few µs per connection
        if not self.eof:  # EOF removed the reader
            loop.remove_reader(self.src)
        if self.queued:  # the writer waits only for bytes stuck in the pipe
            loop.remove_writer(self.dst)
        if self.pipe is not None:
            os.close(self.pipe[0])  # may hold bytes: never back to the pool
            os.close(self.pipe[1])
            self.pipe = None


class SpliceRelay:
    """Drop-in for `relay.Relay` on Linux (see module doc)."""

    __slots__ = (
        "_dirs",
        "_done",
        "_half_close",
        "_sending",
        "_socks",
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
        self.pipes = _pool_of(loop)
        self.bytes_in = 0
        self.bytes_out = 0
        self.created = self.last_activity = loop.time()
        self.started = False
        self.closed = False
        self.reason: CloseReason | None = None
        self.error: Exception | None = None
        self._socks: tuple[socket.socket, socket.socket] | None = None
        self._dirs: tuple[_Direction, _Direction] | None = None
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
        return self._dirs is not None and self._dirs[0].finished != self._dirs[1].finished

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
        self._socks = (local_sock, remote_sock)
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
                _no_delay(sock)
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
        self._join(local_sock, remote_sock)

    def start_now(self, local_sock: socket.socket, remote_sock: socket.socket) -> None:
        """`start()` with no options and nothing to await: a listener joins a freshly
        connected pair without a task or a coroutine. Owns both sockets."""
        self._socks = (local_sock, remote_sock)
        try:
            _no_delay(local_sock)  # both non-blocking already (accept / connect paths)
            _no_delay(remote_sock)
        except BaseException:
            self._close(CloseReason.CLOSED)
            self._close_sockets()
            raise
        self._join(local_sock, remote_sock)

    def _join(self, local_sock: socket.socket, remote_sock: socket.socket) -> None:
        lfd, rfd = local_sock.fileno(), remote_sock.fileno()
        self._dirs = (_Direction(self, lfd, rfd, True), _Direction(self, rfd, lfd, False))
        self.started = True
        self.last_activity = self.loop.time()  # live tables show the state change
        for d in self._dirs:
            d.start()

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

    def passed_eof(self, d: _Direction) -> None:
        """`d`'s source ended and its bytes are out: half-close its destination."""
        assert self._socks is not None and self._dirs is not None
        self.last_activity = self.loop.time()  # now half-closed: live tables show it
        src, dst = (0, 1) if d.count_in else (1, 0)
        if not self._half_close[src]:  # its stream is over both ways: so is the connection
            self._close(CloseReason.DONE)
            return
        if all(x.finished for x in self._dirs):
            # both ways over: close() sends dst its FIN (its receive side is drained, its
            # EOF read), so a shutdown() first would be one syscall more per connection
            self._close(CloseReason.DONE)
            return
        if self._half_close[dst]:
            with contextlib.suppress(OSError):
                self._socks[dst].shutdown(socket.SHUT_WR)

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
        if self._dirs is not None:
            for d in self._dirs:
                d.release()
        if self._sending is None:  # else sock_sendall still has the fd registered
            self._close_sockets()
        if self._done is not None and not self._done.done():
            self._done.set_result(None)
        if self.on_finished is not None:
            self.on_finished()

    def _close_sockets(self) -> None:
        if self._socks is not None:
            for s in self._socks:
                s.close()
