"""The managed router (core/router) driven from plain test code, with the offline conf.

`ManagedRouter` is asyncio; the tests are synchronous (as the engine's are), so each
`RouterHost` runs one router on its own loop thread, the way an app host would.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from i2pd_router import check_isolated

from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.router.errors import ControlError
from i2ptunnel_gui.core.router.health import RouterHealth
from i2ptunnel_gui.core.router.i2pcontrol import I2pControlClient
from i2ptunnel_gui.core.router.status import RouterStatus
from i2ptunnel_gui.core.router.supervisor import ManagedRouter

OFFLINE_CONF = Path(__file__).parent.parent / "data" / "i2pd-offline-router.conf"
T = TypeVar("T")


class RouterHost:
    def __init__(self, root: Path, options: ManagedOptions | None = None, **kw: Any) -> None:
        check_isolated()  # the managed router must never run with a way out
        self.router = ManagedRouter(
            options or ManagedOptions(),
            root=root,
            conf_file_text=OFFLINE_CONF.read_text(),
            **kw,
        )
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 90.0) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def start(self) -> RouterStatus:
        return self.run(self.router.start())

    @property
    def status(self) -> RouterStatus:
        return self.router.status

    def health(self, within: float = 30.0) -> RouterHealth:
        """The router's first I2PControl answer within `within` s. Right after SAM
        answers, i2pd may still be starting I2PControl (a loaded CI machine took over
        5 s once); the app's monitor polls, so one early timeout is not a failure."""
        conf = self.router.conf
        assert conf is not None and conf.control is not None
        cert = self.router.layout.control_cert
        client = I2pControlClient(conf.control, conf.control_password, cert=cert)
        deadline = time.monotonic() + within
        while True:
            try:
                return self.run(client.router_health(), 15)
            except ControlError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def wait_running(self, *, not_pid: int | None, timeout: float = 60.0) -> RouterStatus:
        deadline = time.monotonic() + timeout
        while True:
            st = self.router.status
            if st.running and st.pid != not_pid:
                return st
            assert time.monotonic() < deadline, f"managed router never came back: {st}"
            time.sleep(0.05)

    def close(self) -> None:
        try:
            self.run(self.router.aclose(), 30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
            self.loop.close()
