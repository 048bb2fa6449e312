"""The control socket of a live session: liveness, keepalive, in-order replies.

A reader *callback* (loop.add_reader), not a task, watches the socket, so the
router closing the session is noticed at once with nobody awaiting anything
and no task to own. It answers the router's PING, tracks our own PING's PONG
(sent only when the caller enables it: SAM >= 3.2) and hands other reply lines
to waiting requests in order.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections import deque

from ..text import Text
from .errors import SamConnectionClosed, SamError, SamTimeout
from .protocol import LineFramer, SamReply, build_ping, build_pong, parse_reply, redact

logger = logging.getLogger(__name__)


class ControlChannel:
    def __init__(
        self, sock: socket.socket, where: str, label: str, *, keepalive_interval: float = 0.0
    ) -> None:
        self._sock = sock
        self.where = where
        self.label = label
        self._framer = LineFramer()
        self._waiters: deque[asyncio.Future[SamReply]] = deque()
        self._lock = asyncio.Lock()
        self._loop = asyncio.get_running_loop()
        self._interval = keepalive_interval
        self._keepalive: asyncio.TimerHandle | None = None
        self._pong_due = False
        self.closed = asyncio.Event()
        self.close_reason: SamError | None = None
        self._loop.add_reader(sock.fileno(), self._on_readable)
        if keepalive_interval > 0:
            self._keepalive = self._loop.call_later(keepalive_interval, self._ping)

    async def request(self, line: bytes, *, time_limit: float, context: str) -> SamReply:
        """Send a command on the control socket and wait for its reply line."""
        async with self._lock:
            self.check_open()
            fut: asyncio.Future[SamReply] = self._loop.create_future()
            self._waiters.append(fut)
            self._send(line)
            try:
                async with asyncio.timeout(time_limit):
                    return await fut
            except TimeoutError as e:
                # replies are matched in order: a lost one leaves the socket unusable
                err = SamTimeout(Text("SAM bridge {where}: no answer to {context} on {label}",
                                      where=self.where, context=context, label=self.label))
                self.shutdown(err)
                raise err from e

    def check_open(self) -> None:
        if self.closed.is_set():
            raise self.close_reason or SamConnectionClosed(Text("{label} is closed",
                                                                label=self.label))

    def shutdown(self, reason: SamError | None) -> None:
        """Close the socket (idempotent); `reason` None means closed on purpose."""
        if self.closed.is_set():
            return
        if reason is not None:
            logger.warning("SAM %s lost: %s", self.label, reason)
        self.close_reason = reason
        if self._keepalive is not None:
            self._keepalive.cancel()
        self._loop.remove_reader(self._sock.fileno())
        self._sock.close()
        err = reason or SamConnectionClosed(Text("{label} closed", label=self.label))
        while self._waiters:
            fut = self._waiters.popleft()
            if not fut.done():
                fut.set_exception(err)
        self.closed.set()

    def _send(self, data: bytes) -> None:
        # control lines are tiny; a full send buffer means the router stopped reading
        logger.debug("SAM %s <- %s", self.where, redact(data))
        try:
            sent = self._sock.send(data)
        except OSError as e:
            sent, reason = -1, e.strerror or str(e)
        else:
            reason = Text("send buffer full")
        if sent != len(data):
            err = SamConnectionClosed(Text("SAM bridge {where}: {label}: {why}", where=self.where,
                                           label=self.label, why=reason))
            self.shutdown(err)
            raise err

    def _on_readable(self) -> None:
        try:
            data = self._sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as e:
            reason = e.strerror or str(e)
            self.shutdown(SamConnectionClosed(Text("SAM bridge {where}: {label}: {why}",
                                                   where=self.where, label=self.label,
                                                   why=reason)))
            return
        if not data:
            self.shutdown(SamConnectionClosed(Text("SAM bridge {where} closed {label}",
                                                   where=self.where, label=self.label)))
            return
        try:
            self._framer.feed(data)
            while not self.closed.is_set() and (line := self._framer.next_line()) is not None:
                self._dispatch(line)
        except SamError as e:
            self.shutdown(e)

    def _dispatch(self, line: bytes) -> None:
        logger.debug("SAM %s -> %s", self.where, redact(line))
        reply = parse_reply(line)
        if reply.verb == "PING":
            self._send(build_pong(reply.text))
        elif reply.verb == "PONG":
            self._pong_due = False
        elif self._waiters:
            self._waiters.popleft().set_result(reply)
        else:
            logger.warning(
                "SAM %s: unexpected line on %s: %s", self.where, self.label, redact(line)
            )

    def _ping(self) -> None:
        if self._pong_due:
            self.shutdown(SamTimeout(Text("SAM bridge {where}: no PONG on {label}",
                                          where=self.where, label=self.label)))
            return
        self._pong_due = True
        try:
            self._send(build_ping(str(int(time.time()))))
        except SamError:
            return
        self._keepalive = self._loop.call_later(self._interval, self._ping)
