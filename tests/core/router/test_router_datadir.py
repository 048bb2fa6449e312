"""The router data dir: private, one app at a time, a stale i2pd recognised (and only it)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from i2ptunnel_gui.core.router.datadir import DataDirLock, RouterLayout, stale_router_pid
from i2ptunnel_gui.core.router.errors import RouterBusy


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_prepare_makes_a_private_dir_with_what_i2pd_needs(tmp_path: Path) -> None:
    layout = RouterLayout(tmp_path / "data" / "router")
    layout.prepare()
    assert mode(layout.root) == 0o700
    assert layout.tunconf.read_text() == "" and layout.tunnelsdir.is_dir()
    layout.root.chmod(0o755)
    layout.prepare()  # an existing dir is made private again
    assert mode(layout.root) == 0o700


def test_a_second_lock_on_the_same_dir_is_refused_with_the_holder(tmp_path: Path) -> None:
    layout = RouterLayout(tmp_path)
    first, second = DataDirLock(layout), DataDirLock(layout)
    first.acquire()
    with pytest.raises(RouterBusy, match=f"pid {os.getpid()}.*in {tmp_path}"):
        second.acquire()
    first.release()
    second.acquire()  # free again
    assert second.held
    second.release()


def test_lock_is_released_when_its_holder_dies(tmp_path: Path) -> None:
    layout = RouterLayout(tmp_path)
    code = (
        "import sys; from pathlib import Path\n"
        "from i2ptunnel_gui.core.router.datadir import DataDirLock, RouterLayout\n"
        f"DataDirLock(RouterLayout(Path({str(tmp_path)!r}))).acquire()\n"
        "print('held', flush=True); sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        with pytest.raises(RouterBusy, match=f"pid {holder.pid}"):
            DataDirLock(layout).acquire()
    finally:
        holder.kill()
        holder.wait()
    lock = DataDirLock(layout)
    lock.acquire()  # the kernel dropped the dead holder's flock
    lock.release()


@pytest.fixture
def sleeper() -> Iterator[Callable[..., int]]:
    procs: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> int:
        p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", *args])
        procs.append(p)
        return p.pid

    yield start
    for p in procs:
        p.kill()
        p.wait()


def test_stale_router_is_recognised_by_pid_file_and_command_line(
    tmp_path: Path, sleeper: Callable[..., int]
) -> None:
    layout = RouterLayout(tmp_path)
    pid = sleeper(f"--datadir={layout.root}", f"--pidfile={layout.pidfile}")
    layout.pidfile.write_text(f"{pid}\n")
    deadline = time.monotonic() + 5
    while stale_router_pid(layout) is None and time.monotonic() < deadline:
        time.sleep(0.02)  # the child's argv appears once it has exec'd
    assert stale_router_pid(layout) == pid


def test_other_processes_are_never_taken_for_a_stale_router(
    tmp_path: Path, sleeper: Callable[..., int]
) -> None:
    layout = RouterLayout(tmp_path)
    assert stale_router_pid(layout) is None  # no pid file
    unrelated = sleeper("--datadir=/somewhere/else", f"--pidfile={layout.pidfile}")
    layout.pidfile.write_text(f"{unrelated}")
    time.sleep(0.2)
    assert stale_router_pid(layout) is None  # another data dir: someone else's i2pd
    layout.pidfile.write_text(f"{os.getpid()}")
    assert stale_router_pid(layout) is None  # ourselves
    layout.pidfile.write_text("1")
    assert stale_router_pid(layout) is None  # init
    layout.pidfile.write_text("garbage")
    assert stale_router_pid(layout) is None
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    layout.pidfile.write_text(f"{dead.pid}")
    assert stale_router_pid(layout) is None
