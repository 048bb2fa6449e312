#!/usr/bin/env python3
"""The floor of the engine's design: the smallest relay built like it (uvloop, one epoll
of its own registered with the loop, level-triggered, splice through pooled pipes,
half-close), with none of its bookkeeping (no Connection rows, admission, timeouts,
counters, backpressure or error accounting). Not for use: it measures what a Python
relay of this shape costs per connection, so the engine's own overhead can be told
from the design's (docs/BENCHMARKS.md "Per-connection cost", third round).

    floor_relay.py TARGET_PORT [--bare]   # prints "READY 127.0.0.1:PORT", relays until killed

`--bare` drops the event loop too: the thread blocks in its own epoll, which also
watches the listener (one epoll_wait per wake-up instead of uvloop's plus the hub's,
and no loop callbacks). No engine can run that way, since its SAM sessions, proxies and
timers need a loop; it measures what a Python relay could reach at best.
"""

from __future__ import annotations

import _socket
import fcntl
import os
import select
import socket
import sys

import uvloop

_FLAGS = os.SPLICE_F_MOVE | os.SPLICE_F_NONBLOCK
_CHUNK = 1 << 20


class Pair:
    __slots__ = ("ended", "lfd", "local", "remote", "rfd")
    ended: int
    lfd: int
    rfd: int
    local: _socket.socket
    remote: _socket.socket


def main() -> None:
    target = ("127.0.0.1", int(sys.argv[1]))
    lsock = socket.create_server(("127.0.0.1", 0), backlog=4096)
    lsock.setblocking(False)
    lsock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # inherited on accept
    ep = select.epoll()
    pairs: dict[int, Pair] = {}
    pipes: list[tuple[int, int]] = []

    def pipe() -> tuple[int, int]:
        if pipes:
            return pipes.pop()
        r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        fcntl.fcntl(w, 1031, _CHUNK)  # F_SETPIPE_SZ
        return r, w

    def pump(pair: Pair, src: int, dst: int, inbound: bool) -> None:
        p = pipe()
        try:
            n = os.splice(src, p[1], _CHUNK, flags=_FLAGS)
        except BlockingIOError:
            pipes.append(p)
            return
        if n:
            while n:  # the floor: a small echo never fills the destination
                n -= os.splice(p[0], dst, n, flags=_FLAGS)
            pipes.append(p)
            return
        pipes.append(p)
        pair.ended |= 1 if inbound else 2
        if pair.ended == 3:
            del pairs[pair.lfd], pairs[pair.rfd]
            pair.local.close()
            pair.remote.close()
            return
        ep.unregister(src)
        (pair.remote if inbound else pair.local).shutdown(socket.SHUT_WR)

    def accept_ready() -> None:
        while True:
            try:
                fd, _ = lsock._accept()  # type: ignore[attr-defined]
            except BlockingIOError:
                return
            pair = Pair()
            pair.local = _socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK,
                                        0, fd)
            pair.remote = _socket.socket(socket.AF_INET,
                                         socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
            pair.remote.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            pair.remote.connect_ex(target)
            pair.lfd, pair.rfd, pair.ended = fd, pair.remote.fileno(), 0
            pairs[fd] = pairs[pair.rfd] = pair
            ep.register(fd, select.EPOLLIN)
            ep.register(pair.rfd, select.EPOLLIN)

    def events() -> None:
        for fd, _ in ep.poll(0, 512):
            pair = pairs.get(fd)
            if pair is not None:
                if fd == pair.lfd:
                    pump(pair, fd, pair.rfd, True)
                else:
                    pump(pair, fd, pair.lfd, False)

    if "--bare" in sys.argv[2:]:
        lfd = lsock.fileno()
        ep.register(lfd, select.EPOLLIN)
        print(f"READY 127.0.0.1:{lsock.getsockname()[1]}", flush=True)
        while True:
            for fd, _ in ep.poll(-1, 512):
                if fd == lfd:
                    accept_ready()
                elif (pair := pairs.get(fd)) is not None:
                    if fd == pair.lfd:
                        pump(pair, fd, pair.rfd, True)
                    else:
                        pump(pair, fd, pair.lfd, False)
    loop = uvloop.new_event_loop()
    loop.add_reader(lsock.fileno(), accept_ready)
    loop.add_reader(ep.fileno(), events)
    print(f"READY 127.0.0.1:{lsock.getsockname()[1]}", flush=True)
    loop.run_forever()


if __name__ == "__main__":
    main()
