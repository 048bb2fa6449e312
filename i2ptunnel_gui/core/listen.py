"""Tunnels that listen locally: binding with a real backlog (and a clear reason when
binding fails), the batched accept loop, and `ListenerTunnel`, the runtime base of
every kind that accepts local TCP connections (forward, I2P client)."""

from __future__ import annotations

import asyncio
import errno
import fcntl
import os
import socket
import struct
import termios
from collections.abc import Callable
from typing import Any, ClassVar

from i2ptunnel_gui.core.connection import Connection
from i2ptunnel_gui.core.context import EngineContext, StartOptions
from i2ptunnel_gui.core.errors import ListenError
from i2ptunnel_gui.core.relay import DEFAULT_OPTIONS
from i2ptunnel_gui.core.runtime import TunnelRuntime
from i2ptunnel_gui.core.spec import TunnelSpec
from i2ptunnel_gui.core.splice import SpliceRelay, no_delay
from i2ptunnel_gui.core.status import Direction, TunnelState
from i2ptunnel_gui.core.text import Text

LISTEN_BACKLOG = 1024  # socat's 5 drops SYNs under load (docs/DECISIONS.md 1.1)
ACCEPT_BATCH = 64  # accepts per wake-up before other callbacks get a turn
_NONBLOCK = getattr(socket, "SOCK_NONBLOCK", 0)
_ACCEPT_PAUSE = 0.1  # seconds without accepting after an accept error (EMFILE...)
_ON = struct.pack("i", 1)  # FIONBIO's argument: non-blocking on


def format_address(addr: Any) -> str:
    """'host:port' / '[v6]:port' from a socket address tuple."""
    host, port = addr[0], addr[1]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def open_listener(host: str, port: int, *, backlog: int = LISTEN_BACKLOG) -> socket.socket:
    """A bound, listening, non-blocking socket; ListenError with the reason otherwise."""
    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        infos = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as e:
        raise ListenError(Text("cannot listen on {where}: unknown host ({why})", where=where,
                               why=e.strerror)) from None
    last: OSError | None = None
    for family, type_, proto, _, addr in infos:
        sock = socket.socket(family, type_, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(addr)
            sock.listen(backlog)
            sock.setblocking(False)
            return sock
        except OSError as e:
            sock.close()
            last = e
    reason: str = last.strerror if last is not None and last.strerror else str(last)
    if last is not None and last.errno == errno.EADDRINUSE:
        reason = Text("address already in use (another program listens on this port)")
    elif last is not None and last.errno == errno.EACCES and 0 < port < 1024:
        reason = Text("permission denied (ports below 1024 need privileges)")
    raise ListenError(Text("cannot listen on {where}: {why}", where=where, why=reason))


async def accept_forever(
    loop: asyncio.AbstractEventLoop,
    lsock: socket.socket,
    handle: Callable[[socket.socket, Any], None],
    warn: Callable[[OSError], None],
) -> None:
    """Hand each connection accepted on `lsock` to `handle(sock, addr)` (a
    non-blocking socket it then owns) until cancelled. One reader for the
    listener's life and up to ACCEPT_BATCH accepts per wake-up: loop.sock_accept
    costs a future and a reader (de)registration per connection. An accept error
    (EMFILE...) goes to `warn` and pauses accepting briefly; an exception from
    `handle` ends the loop with it."""
    await _accept_loop(loop, lsock, listener_kind(lsock), handle, warn)


async def accept_fds_forever(
    loop: asyncio.AbstractEventLoop,
    lsock: socket.socket,
    handle: Callable[[int, Any], None],
    warn: Callable[[OSError], None],
) -> None:
    """`accept_forever` handing bare non-blocking fds to `handle(fd, addr)`, which
    owns the fd, also when it raises. A socket object built from an fd costs a
    `getsockname` (CPython checks the fd) and Python-level wrappers per connection,
    which a connection relayed by `splice` never needs."""
    await _accept_loop(loop, lsock, None, handle, warn)


def listener_kind(lsock: socket.socket) -> tuple[int, int, int]:
    """The accepted sockets' kind, as ints once: socket.accept() converts it to enums
    for every connection (~5 % of the engine thread's time per connection)."""
    return int(lsock.family), int(lsock.type), lsock.proto


async def _accept_loop(
    loop: asyncio.AbstractEventLoop,
    lsock: socket.socket,
    kind: tuple[int, int, int] | None,
    handle: Callable[[Any, Any], None],
    warn: Callable[[OSError], None],
) -> None:
    while True:
        stalled: asyncio.Future[OSError] = loop.create_future()
        loop.add_reader(lsock, _accept_ready, lsock, kind, handle, stalled)
        try:
            err = await stalled
        finally:
            loop.remove_reader(lsock)
        warn(err)
        await asyncio.sleep(_ACCEPT_PAUSE)


def _accept_ready(
    lsock: socket.socket,
    kind: tuple[int, int, int] | None,
    handle: Callable[[Any, Any], None],
    stalled: asyncio.Future[OSError],
) -> None:
    """Up to ACCEPT_BATCH accepts; `kind` None: bare fds (accept_fds_forever)."""
    for _ in range(ACCEPT_BATCH):
        if stalled.done():  # the reader is removed on the accept loop's next turn
            return
        try:
            # what socket.accept() does, less its enum conversions and timeout checks;
            # the fd is blocking (accept4 without SOCK_NONBLOCK), so setblocking below
            fd, addr = lsock._accept()  # type: ignore[attr-defined]
        except (BlockingIOError, InterruptedError):
            return
        except OSError as e:
            stalled.set_result(e)
            return
        if kind is None:
            try:
                fcntl.ioctl(fd, termios.FIONBIO, _ON)  # what setblocking(False) does
            except OSError as e:
                os.close(fd)
                stalled.set_result(e)
                return
            try:
                handle(fd, addr)  # owns fd
            except Exception as e:
                stalled.set_exception(e)
                return
            continue
        try:
            sock = socket.socket(*kind, fd)
        except OSError as e:
            os.close(fd)
            stalled.set_result(e)
            return
        try:
            sock.setblocking(False)
            handle(sock, addr)
        except Exception as e:
            sock.close()
            stalled.set_exception(e)
            return


class ListenerTunnel(TunnelRuntime):
    """A tunnel that accepts local TCP connections and opens a target for each.

    `start.listener`: an already bound, listening socket to adopt (a host that
    reports port 0's real port, the seed API); otherwise `serve()` binds
    `spec.listen_host:listen_port` with backlog LISTEN_BACKLOG. A kind writes
    `open_target(peer)`, and may hook `prepare()` and `listening()`.
    """

    # True: connections relay on loop callbacks alone (`relay_detached`); a kind
    # that wraps `relay()` per connection (the I2P client's first-byte check) sets
    # False so each connection keeps its task through `relay()`.
    detached_relay: ClassVar[bool] = True

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        self._listener = start.listener
        self._join_now = False  # set by serve(): accepted pairs may be joined at once
        self._fd_kind = (0, 0, 0)  # the listener's kind, for a join-at-accept's socket

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        """A connected non-blocking socket to the target and bytes already read from
        it. Runs under `spec.connect_timeout`; must close what it opened on failure
        or cancellation. Raise TargetError / OSError: only this connection fails."""
        raise NotImplementedError

    def open_target_now(self) -> tuple[socket.socket, bool] | None:
        """Start opening the target without awaiting: (socket, True) when connected
        already, (socket, False) while connecting (`finish_target` completes it), None
        when the kind cannot (then `open_target` runs). A loopback target connects at
        once, so its connection needs no task, coroutine or timeout scope."""
        return None

    async def finish_target(self, connecting: socket.socket) -> tuple[socket.socket, bytes]:
        """`open_target` for a socket `open_target_now` left connecting."""
        raise NotImplementedError

    async def prepare(self) -> None:
        """Hook before listening (e.g. resolve the target, check the destination)."""

    async def listening(self) -> None:
        """Hook once the listener is open (`local_address` set): the tunnel runs."""
        self.set_state(TunnelState.RUNNING, Text("listening on {address}",
                                                 address=self.local_address))

    async def serve(self) -> None:
        await self.prepare()
        lsock = self._listener
        if lsock is None:
            lsock = open_listener(self.spec.listen_host, self.spec.listen_port)
        self._listener = lsock
        try:
            lsock.setblocking(False)
            self.local_address = format_address(lsock.getsockname())
            await self.listening()
            # joined at accept time: the splice relay under the default options only, and
            # not for a kind that joins its own way (overrides relay_detached)
            self._join_now = (self.detached_relay and self._relay_class is SpliceRelay
                              and self.relay_options == DEFAULT_OPTIONS
                              and type(self).relay_detached is TunnelRuntime.relay_detached)
            if self._join_now:  # once here, not per connection: accepted sockets inherit it
                no_delay(lsock)
                self._fd_kind = listener_kind(lsock)
                await accept_fds_forever(self.loop, lsock, self._accepted_fd,
                                         self._accept_failed)
            else:
                await accept_forever(self.loop, lsock, self._accepted, self._accept_failed)
        finally:
            lsock.close()

    def _accept_failed(self, e: OSError) -> None:  # EMFILE...: keep serving, slow down a little
        self.event(f"accept failed: {e}", level="warning")

    def _accepted(self, sock: socket.socket, addr: Any) -> None:
        peer = format_address(addr) if isinstance(addr, tuple) else str(addr)
        conn = self.admit(peer, Direction.OUTBOUND)
        if conn is None:
            sock.close()  # refused: nconnect reached
            return
        conn.task = self.spawn(self._serve_connection(conn, sock))

    def _accepted_fd(self, fd: int, addr: Any) -> None:
        """A connection of a join-at-accept listener, as a bare non-blocking fd (owned,
        also when this raises): joined with its target at once when that connected
        at once, else made a socket and opened on a task."""
        try:
            conn = self.admit(format_address(addr), Direction.OUTBOUND)  # a TCP listener's
            started = None if conn is None else self.open_target_now()
        except BaseException:
            os.close(fd)
            raise
        if conn is None:
            os.close(fd)  # refused: nconnect reached
            return
        if started is not None and started[1]:
            self.relay_now(fd, started[0], conn=conn)
            return
        sock: socket.socket | None = None
        try:
            family, type_, proto = self._fd_kind  # non-blocking: the kernel's fd is
            sock = socket.socket(family, type_ | _NONBLOCK, proto, fd)
            conn.task = self.spawn(self._serve_connection(conn, sock) if started is None
                                   else self._join_when_connected(conn, sock, started[0]))
        except BaseException:
            if sock is None:
                os.close(fd)
            else:
                sock.close()
            if started is not None:
                started[0].close()
            self._forget(conn)
            raise

    async def _join_when_connected(
        self, conn: Connection, sock: socket.socket, connecting: socket.socket
    ) -> None:
        opened = await self.open_other_side(conn, sock, self.finish_target(connecting))
        if opened is not None:
            await self.relay_detached(sock, opened[0], conn=conn)

    async def _serve_connection(self, conn: Connection, sock: socket.socket) -> None:
        opened = await self.open_other_side(conn, sock, self.open_target(conn.peer))
        if opened is None:
            return
        remote, pending = opened
        options = self.relay_options.with_pending(remote=pending)
        if self.detached_relay:
            await self.relay_detached(sock, remote, conn=conn, options=options)
        else:
            await self.relay(sock, remote, conn=conn, options=options)
