"""The managed router's lifetime against a stand-in i2pd (tests/fake_i2pd.py)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import stat
import subprocess
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from fake_i2pd import alive, free_options, install_fake_i2pd

from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.datadir import RouterLayout
from i2ptunnel_gui.core.router.errors import (
    RouterBusy,
    RouterConfigError,
    RouterNotFound,
    RouterStartError,
)
from i2ptunnel_gui.core.router.ports import pick_port
from i2ptunnel_gui.core.router.process import command_line
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus
from i2ptunnel_gui.core.router.supervisor import ManagedRouter
from i2ptunnel_gui.core.sam.probe import probe_sam

Factory = Callable[..., ManagedRouter]


@pytest.fixture
def binary(tmp_path: Path) -> Path:
    return install_fake_i2pd(tmp_path / "bin")


@pytest.fixture
async def make_router(tmp_path: Path, binary: Path) -> AsyncIterator[Factory]:
    routers: list[ManagedRouter] = []

    def make(**kw: object) -> ManagedRouter:
        options = kw.pop("options", None) or free_options(binary)
        kw.setdefault("root", tmp_path / "router")
        kw.setdefault("stop_grace", 2.0)
        router = ManagedRouter(options, **kw)  # type: ignore[arg-type]
        routers.append(router)
        return router

    yield make
    for router in routers:
        await router.aclose()


async def wait_for(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.02)


async def test_start_runs_i2pd_until_sam_answers_and_aclose_ends_it(
    make_router: Factory, tmp_path: Path
) -> None:
    router = make_router()
    seen: list[RouterStatus] = []
    router.subscribe(seen.append)
    status = await router.start()
    assert status.state is RouterState.RUNNING and status.pid == router.pid
    assert status.sam_address == f"127.0.0.1:{router.options.sam_port}"
    assert (await probe_sam(status.sam_address)).reachable
    layout = router.layout
    assert stat.S_IMODE(layout.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(layout.conf.stat().st_mode) == 0o600  # holds the passwords
    assert "i2pcontrol.password" not in layout.conf.read_text()  # sectioned, not dotted
    assert f"password = {router.conf.control_password}" in layout.conf.read_text()
    pid = router.pid
    assert pid is not None and os.getpgid(pid) == pid  # its own process group
    await wait_for(lambda: any("starting" in line for line in router.log.lines))
    assert "\x1b" not in "".join(router.log.lines)

    await router.aclose()
    assert not alive(pid)
    assert router.status.state is RouterState.STOPPED
    assert [s.state for s in seen] == ["starting", "running", "stopped"]
    assert not (await probe_sam(status.sam_address, timeout=1)).reachable
    again = make_router()  # the data dir is free again
    await again.start()


async def test_busy_sam_port_gives_another_port(make_router: Factory, binary: Path) -> None:
    options = free_options(binary)
    with socket.socket() as busy:
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past TIME_WAIT
        busy.bind(("127.0.0.1", options.sam_port))
        busy.listen(1)
        router = make_router(options=options)
        status = await router.start()
    assert status.sam_address != f"127.0.0.1:{options.sam_port}"
    assert (await probe_sam(status.sam_address)).reachable


async def test_killed_router_is_restarted_with_the_same_address_and_identity(
    make_router: Factory,
) -> None:
    router = make_router(backoff=(0.2, 1.0))
    seen: list[RouterStatus] = []
    router.subscribe(seen.append)
    first = await router.start()
    keys = router.layout.router_keys.read_bytes()
    old = first.pid
    assert old is not None
    os.kill(old, signal.SIGKILL)
    await wait_for(lambda: router.status.running and router.status.pid != old)
    assert router.status.sam_address == first.sam_address
    assert router.status.restarts == 1
    restarting = [s for s in seen if s.state is RouterState.RESTARTING]
    assert [s.message for s in restarting] == ["i2pd was killed by SIGKILL; restarting in 0.2 s"]
    assert router.layout.router_keys.read_bytes() == keys
    assert (await probe_sam(router.status.sam_address)).reachable


async def test_second_instance_on_the_same_data_dir_is_refused(make_router: Factory) -> None:
    await make_router().start()
    other = make_router()
    with pytest.raises(RouterBusy, match=f"pid {os.getpid()}"):
        await other.start()
    assert other.status.state is RouterState.FAILED


async def test_stale_i2pd_of_a_crashed_app_is_ended(
    make_router: Factory, binary: Path, tmp_path: Path
) -> None:
    layout = RouterLayout(tmp_path / "router")
    crashed = make_router()
    await crashed.start()
    stale = crashed.pid
    assert stale is not None
    crashed._lock.release()  # as if the app had died: i2pd keeps running, the flock is gone
    crashed._task.cancel()  # type: ignore[union-attr]
    crashed._task = None
    crashed._proc = None
    router = make_router()
    await router.start()
    assert router.ended_stale == stale and not alive(stale)
    assert router.pid != stale and router.layout == layout
    assert "ending i2pd pid" in router.log.tail(50)


async def test_i2pd_exiting_at_start_is_reported_with_its_log(
    make_router: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_I2PD_MODE", "exit")
    router = make_router()
    with pytest.raises(RouterStartError, match=r"exited with status 3.*Failed to start Transports"):
        await router.start()
    assert router.status.state is RouterState.FAILED
    assert router.pid is None
    monkeypatch.delenv("FAKE_I2PD_MODE")
    await router.start()  # nothing held on to the data dir


async def test_sam_never_answering_times_out_and_leaves_nothing(
    make_router: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_I2PD_MODE", "silent")
    router = make_router(ready_timeout=0.5)
    with pytest.raises(RouterStartError, match=r"did not answer within 0.5 s"):
        await router.start()
    starts = router.layout.root.joinpath("fake-starts.log").read_text().split()
    assert [p for p in map(int, starts) if alive(p)] == []


async def test_i2pd_ignoring_sigterm_is_killed_after_the_bound(
    make_router: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_I2PD_MODE", "stubborn")
    router = make_router(stop_grace=0.3)
    await router.start()
    pid = router.pid
    assert pid is not None
    loop = asyncio.get_running_loop()
    began = loop.time()
    await router.aclose()
    assert not alive(pid) and loop.time() - began < 3


async def test_missing_binary_and_bad_lines_fail_before_anything_starts(
    make_router: Factory, tmp_path: Path, binary: Path
) -> None:
    router = make_router(options=ManagedOptions(binary=str(tmp_path / "no-i2pd")))
    with pytest.raises(RouterNotFound, match=r"i2pd not found at"):
        await router.start()
    assert router.status.state is RouterState.FAILED and "apt install i2pd" in router.status.message
    bad = make_router(options=free_options(binary), conf_file_text="[sam]\nenabled = false\n")
    with pytest.raises(RouterConfigError, match=r"needs its SAM bridge"):
        await bad.start()
    assert not bad.layout.conf.exists()  # nothing was written or started


async def test_stale_check_spares_a_process_started_with_another_data_dir(
    make_router: Factory, binary: Path, tmp_path: Path
) -> None:
    other = RouterLayout(tmp_path / "elsewhere")
    other.prepare()
    other.conf.write_text(f"[sam]\nport = {pick_port(28656, sam=True)}\n")
    proc = subprocess.Popen(command_line(binary, other), stdout=subprocess.DEVNULL)
    try:
        await wait_for(lambda: other.pidfile.exists() and other.pidfile.read_text() != "")
        router = make_router()
        router.layout.prepare()
        router.layout.pidfile.write_text(other.pidfile.read_text())  # a pid that is not ours
        await router.start()
        assert router.ended_stale is None and proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(5)
