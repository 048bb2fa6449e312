"""One epoll per engine loop for the splice relays' sockets.

Registering each socket with the loop (`add_reader`) costs, on uvloop, a libuv poll
handle per fd whose set-up checks the fd with an epoll ADD+DEL pair before the real ADD,
and deletes it again whenever a reader is removed: 12 `epoll_ctl` per forwarded
connection, ~1.2 KiB of handles and ~3 µs of loop calls per registration
(docs/BENCHMARKS.md "Per-connection cost"). The hub registers its own epoll with the loop
once; a relay adds each socket to it once (level-triggered), changes the interest only
when a direction ends or a destination fills up, and the kernel forgets a socket when it
is closed. A readiness event costs one `dict` lookup and a call.
"""

from __future__ import annotations

import asyncio
import select
import weakref
from typing import Protocol

from i2ptunnel_gui.core.pipe_pool import Pipe, close_pipe

# epoll's values (Linux, where splice exists); the module still imports elsewhere
READ = getattr(select, "EPOLLIN", 0x001)
WRITE = getattr(select, "EPOLLOUT", 0x004)
BROKEN = getattr(select, "EPOLLERR", 0x008) | getattr(select, "EPOLLHUP", 0x010)  # always
_MAX_EVENTS = 512  # per wake-up; the rest stay ready (level-triggered) for the next


class Watcher(Protocol):
    def ready(self, fd: int, events: int) -> None:
        """`fd` (one of the watcher's) is ready for `events` (READ, WRITE, BROKEN bits)."""


class SpliceHub:
    """The epoll and the fd -> watcher map of one loop (see module doc)."""

    __slots__ = ("__weakref__", "_ep", "_loop", "pipes", "watchers")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._ep = select.epoll()
        self._loop = weakref.ref(loop)  # the loop holds the hub (its reader), not back
        self.watchers: dict[int, Watcher] = {}
        self.pipes: list[Pipe] = []  # the loop's idle pipes (pipe_pool.take_pipe/give_pipe)
        loop.add_reader(self._ep.fileno(), _dispatch, self)

    def add(self, fd: int, watcher: Watcher, events: int) -> None:
        self._ep.register(fd, events)
        self.watchers[fd] = watcher

    def join(self, a: int, b: int, watcher: Watcher, events: int) -> None:
        """`add` for both sockets of a relay; neither is added when one cannot be."""
        self.add(a, watcher, events)
        try:
            self.add(b, watcher, events)
        except BaseException:
            self.forget(a, closing=False)
            raise

    def watch(self, fd: int, events: int) -> None:
        """Change what `fd` is watched for (an fd left with nothing to watch is
        forgotten instead: see splice_ends.rewatch)."""
        self._ep.modify(fd, events)

    def forget(self, fd: int, *, closing: bool) -> None:
        """`fd` is no longer the watcher's. `closing`: the caller closes it now, which
        removes it from the epoll (one syscall less); otherwise it is removed here (an
        fd that stays open, or whose file lives on in a duplicate, would keep firing)."""
        del self.watchers[fd]
        if not closing:
            try:  # noqa: SIM105 (contextlib.suppress: an object and two calls per connection)
                self._ep.unregister(fd)
            except OSError:  # already closed by its owner
                pass

    def close(self) -> None:
        loop = self._loop()
        if loop is not None and not loop.is_closed():
            loop.remove_reader(self._ep.fileno())
        self._ep.close()
        self.watchers.clear()
        for pipe in self.pipes:
            close_pipe(pipe)
        self.pipes.clear()


def _dispatch(hub: SpliceHub) -> None:
    watchers = hub.watchers
    for fd, events in hub._ep.poll(0, _MAX_EVENTS):
        watcher = watchers.get(fd)
        if watcher is not None:  # None: closed by an earlier event of this batch
            watcher.ready(fd, events)


_hubs: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, SpliceHub] = (
    weakref.WeakKeyDictionary()
)


def hub_of(loop: asyncio.AbstractEventLoop) -> SpliceHub:
    """The loop's hub, made on first use (looked up once per relay)."""
    hub = _hubs.get(loop)
    if hub is None:
        hub = _hubs[loop] = SpliceHub(loop)
    return hub


def close_hub(loop: asyncio.AbstractEventLoop) -> None:
    """Close the loop's hub and its idle pipes (the engine calls this before its loop
    closes)."""
    hub = _hubs.pop(loop, None)
    if hub is not None:
        hub.close()
