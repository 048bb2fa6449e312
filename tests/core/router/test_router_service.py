"""RouterService: the router on its own thread, Managed or External, with its health poll."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_i2pd import alive, free_options, install_fake_i2pd

from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.errors import RouterNotFound
from i2ptunnel_gui.core.router.monitor import HealthSample
from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
from i2ptunnel_gui.core.router.service import RouterService
from i2ptunnel_gui.core.router.status import RouterState, RouterStatus


@pytest.fixture
def service(tmp_path: Path) -> Iterator[RouterService]:
    svc = RouterService(RouterPrefs(), root=tmp_path / "router")
    svc.start()
    yield svc
    svc.shutdown()


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_managed_mode_starts_i2pd_off_the_callers_loop_and_shutdown_ends_it(
    service: RouterService, tmp_path: Path
) -> None:
    statuses: list[tuple[RouterState, str]] = []
    health: list[HealthSample] = []
    lines: list[str] = []
    service.on_status(lambda s: statuses.append((s.state, threading.current_thread().name)))
    service.on_health(health.append)
    service.on_log(lines.append)
    prefs = RouterPrefs(mode=RouterMode.MANAGED, managed=free_options(install_fake_i2pd(tmp_path)))

    status = asyncio.run(service.apply(prefs))  # awaited from another loop
    assert status.running and service.sam_address == status.sam_address
    pid = status.pid
    assert pid is not None and alive(pid)
    assert (RouterState.RUNNING, "i2ptunnel-router") in statuses
    wait_until(lambda: bool(lines) and bool(health))
    # the stand-in has no I2PControl: the poll says so instead of failing
    assert health[0].health is None and "I2PControl at 127.0.0.1:" in health[0].error
    assert service.log_lines[0].endswith("starting...")
    # the same preferences again: the running router is kept
    assert service.call(lambda: service._apply(prefs), 10).pid == pid
    service.shutdown()
    assert not alive(pid)


def test_switch_to_external_stops_the_managed_router(
    service: RouterService, tmp_path: Path
) -> None:
    managed = RouterPrefs(
        mode=RouterMode.MANAGED, managed=free_options(install_fake_i2pd(tmp_path))
    )
    pid = service.call(lambda: service._apply(managed), 20).pid
    assert pid is not None
    external = RouterPrefs(sam_address="127.0.0.1:7777")
    status = service.call(lambda: service._apply(external), 20)
    assert status == RouterStatus(state=RouterState.STOPPED, since=status.since)
    assert not alive(pid) and service.sam_address == "127.0.0.1:7777"
    assert service.monitor is None  # no I2PControl address given


def test_managed_mode_without_i2pd_fails_and_external_still_works(
    service: RouterService, tmp_path: Path
) -> None:
    prefs = RouterPrefs(
        mode=RouterMode.MANAGED, managed=ManagedOptions(binary=str(tmp_path / "missing"))
    )
    with pytest.raises(RouterNotFound, match="i2pd not found"):
        service.call(lambda: service._apply(prefs), 10)
    assert service.status.state is RouterState.FAILED
    status = service.call(lambda: service._apply(RouterPrefs()), 10)
    assert status.state is RouterState.STOPPED and service.sam_address == "127.0.0.1:7656"


def test_prefs_problems() -> None:
    assert RouterPrefs().problems() == []
    assert RouterPrefs(sam_address="nowhere").problems() == [
        "SAM address: 'nowhere': expected HOST:PORT"
    ]
    assert RouterPrefs(sam_password="x").problems() == ["a SAM password needs a SAM user"]
    assert RouterPrefs(sam_user="a b", sam_password="p").problems() == [
        "the SAM user cannot contain spaces, quotes or '='"
    ]
    assert RouterPrefs(sam_user="me", sam_password="pw").sam_auth == ("me", "pw")
    assert RouterPrefs(control_address="x:y").problems() == [
        "I2PControl address: 'x:y': port 'y' is not a number (digits 0-9 only)"
    ]
    managed = RouterPrefs(mode=RouterMode.MANAGED, managed=ManagedOptions(share_percent=200))
    assert managed.problems() == ["share 200 % is not between 0 and 100"]
