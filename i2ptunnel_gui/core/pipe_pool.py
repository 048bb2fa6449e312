"""The splice relay's pipes: a small pool per event loop (the loop's `SpliceHub` keeps it),
so a connection holds a pipe only while bytes sit in it (its destination is full) and an
idle or tiny connection creates none. A pipe carries its direction's queued byte count,
so the relay keeps no per-direction object for a connection with nothing stuck."""

from __future__ import annotations

import contextlib
import fcntl
import os

CHUNK = 1 << 20  # bytes per splice call; the pipe is grown to match
_F_SETPIPE_SZ = 1031
_POOL_KEEP = 4  # idle pipes kept per loop


class Pipe:
    """A pipe and the bytes sitting in it."""

    __slots__ = ("queued", "r", "w")

    def __init__(self, r: int, w: int) -> None:
        self.r = r
        self.w = w
        self.queued = 0  # bytes in the pipe


def take_pipe(pool: list[Pipe]) -> Pipe:
    if pool:
        return pool.pop()
    r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    with contextlib.suppress(OSError):  # a smaller pipe still works
        fcntl.fcntl(w, _F_SETPIPE_SZ, CHUNK)
    return Pipe(r, w)


def give_pipe(pool: list[Pipe], pipe: Pipe) -> None:
    if len(pool) < _POOL_KEEP:
        pool.append(pipe)
    else:
        close_pipe(pipe)


def close_pipe(pipe: Pipe) -> None:
    os.close(pipe.r)
    os.close(pipe.w)

