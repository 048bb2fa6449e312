"""Reading a relay's CPU time, memory and open fds from /proc (Linux only).

socat forks one child per connection, so every figure can be taken over the process
tree (the relay and its descendants); our relay is one process with threads, for
which the tree is just itself.
"""

from __future__ import annotations

import os
import resource

_CLK_TCK = os.sysconf("SC_CLK_TCK")
_PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def raise_nofile() -> int:
    """Raise this process's soft RLIMIT_NOFILE to its hard limit; returns the new soft limit.

    Used as a Popen preexec_fn too, so children (relay, backend, load) get it.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 1 << 20
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def _stat_fields(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        raw = f.read()
    # comm (field 2) may contain spaces and parentheses: split after the last ')'
    return raw[raw.rindex(")") + 2:].split()


def children(pid: int) -> list[int]:
    """Direct and indirect children of pid (one /proc scan)."""
    parent_of: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            parent_of[int(name)] = int(_stat_fields(int(name))[1])
        except (OSError, ValueError):
            continue  # exited during the scan
    found: list[int] = []
    frontier = {pid}
    while frontier:
        nxt = {c for c, p in parent_of.items() if p in frontier}
        found.extend(nxt)
        frontier = nxt
    return found


def tree(pid: int, forks: bool) -> list[int]:
    return [pid, *children(pid)] if forks else [pid]


def cpu_seconds(pid: int, forks: bool) -> float:
    """user+system CPU of the tree, including children already reaped by the root."""
    total = 0
    for i, p in enumerate(tree(pid, forks)):
        try:
            f = _stat_fields(p)
        except OSError:
            continue
        # fields after ')' start at index 0 = state; utime=11 stime=12 cutime=13 cstime=14
        total += int(f[11]) + int(f[12])
        if i == 0 and forks:
            total += int(f[13]) + int(f[14])
    return total / _CLK_TCK


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * _PAGE_KIB


def pss_kib(pid: int, forks: bool) -> int:
    """Proportional set size summed over the tree (shared pages counted once overall)."""
    total = 0
    for p in tree(pid, forks):
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def fd_count(pid: int, forks: bool) -> int:
    total = 0
    for p in tree(pid, forks):
        try:
            total += len(os.listdir(f"/proc/{p}/fd"))
        except OSError:
            continue
    return total


def loadavg() -> tuple[float, float, float]:
    with open("/proc/loadavg", encoding="ascii") as f:
        a, b, c = f.read().split()[:3]
    return float(a), float(b), float(c)


def cpu_busy_percent(seconds: float = 2.0) -> float:
    """Share of all cores busy over `seconds` (from /proc/stat): other work on the machine.

    Better than the load average, which 5 000 exiting socat children inflate for minutes.
    """
    import time

    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + v[4]  # idle + iowait
        return sum(v) - idle, sum(v)

    b0, t0 = sample()
    time.sleep(seconds)
    b1, t1 = sample()
    return 100.0 * (b1 - b0) / max(t1 - t0, 1)
