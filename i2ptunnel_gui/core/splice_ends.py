"""A splice relay's two directions as bits of one int (`SpliceRelay._ends`), and what
each of its sockets is watched for in the hub given them. An int instead of an object
per direction: 5 000 open connections keep no per-direction state (docs/BENCHMARKS.md
"Per-connection cost").

"in" is local -> remote, "out" remote -> local. A direction's source EOF read (EOF_*),
passed on to its destination (FIN_*), bytes stuck in its pipe until the destination is
writable (STUCK_*: the source is not read meanwhile, so no EOF is read behind them).
"""

from __future__ import annotations

from i2ptunnel_gui.core.splice_hub import READ, WRITE, SpliceHub, Watcher

EOF_IN, EOF_OUT, FIN_IN, FIN_OUT, STUCK_IN, STUCK_OUT = 1, 2, 4, 8, 16, 32
FIN_BOTH = FIN_IN | FIN_OUT
NOT_READING_LOCAL, NOT_READING_REMOTE = EOF_IN | STUCK_IN, EOF_OUT | STUCK_OUT


def local_interest(ends: int) -> int:
    """The local socket: read while its direction runs, written while "out" is stuck."""
    return (0 if ends & NOT_READING_LOCAL else READ) | (WRITE if ends & STUCK_OUT else 0)


def remote_interest(ends: int) -> int:
    return (0 if ends & NOT_READING_REMOTE else READ) | (WRITE if ends & STUCK_IN else 0)


def rewatch(hub: SpliceHub, relay: Watcher, fds: tuple[int, int], before: int,
            ends: int) -> None:
    """`ends` replaced `before`: tell the hub what the (local, remote) sockets are
    watched for now. A socket with nothing to watch leaves the epoll: there, an error
    or a hang-up would be reported (level-triggered) for as long as it lasts."""
    for fd, interest in ((fds[0], local_interest), (fds[1], remote_interest)):
        was, now = interest(before), interest(ends)
        if was == now:
            continue
        if not was:
            hub.add(fd, relay, now)
        elif not now:
            hub.forget(fd, closing=False)
        else:
            hub.watch(fd, now)


def leave(hub: SpliceHub, fds: tuple[int, int], watched: int, *, closing: bool) -> None:
    """Take the (local, remote) sockets watched for `watched` out of the hub."""
    if local_interest(watched):
        hub.forget(fds[0], closing=closing)
    if remote_interest(watched):
        hub.forget(fds[1], closing=closing)
