"""Session-wide test environment: headless Qt and a throwaway home.

Both must be in place before anything imports Qt: Qt picks its platform plugin and reads
the XDG variables once per process. Subprocesses the tests start inherit them, so no
test (or app it launches) ever touches the real user's settings, keys or display.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

_HOME = Path(tempfile.mkdtemp(prefix="i2ptunnel-gui-test-home-"))
for _var, _sub in {
    "HOME": "",
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CACHE_HOME": ".cache",
    "XDG_STATE_HOME": ".local/state",
    "XDG_RUNTIME_DIR": "run",
}.items():
    _dir = _HOME / _sub
    _dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ[_var] = str(_dir)

# shared fixtures; imported after the environment is set (none of them loads Qt)
from fake_router import FakeRouter  # noqa: E402
from nethelpers import LoopbackServer, echo_handler  # noqa: E402

from i2ptunnel_gui.core.engine import Engine  # noqa: E402


@pytest.fixture
def echo_server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer(echo_handler)
    yield srv
    srv.close()


@pytest.fixture
def engine() -> Iterator[Engine]:
    eng = Engine()
    eng.start()
    yield eng
    eng.shutdown(5)


@pytest.fixture
def fake() -> Iterator[FakeRouter]:
    """A fake SAM router, up, on its own thread."""
    router = FakeRouter()
    yield router
    router.close()


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture
def qloop(qapp: Any) -> Iterator[Any]:
    """A qasync loop that qtbot's waits pump: UI tests and the integration tests that
    drive the window. qasync is imported here, not at the top: most tests load no Qt."""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        # loop.stop() would call app.exit() with no exec() running: Qt's quit flag would
        # then end every later wait at once. Unwind by hand instead.
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
        asyncio.events._set_running_loop(None)
        loop._QEventLoop__is_running = False
        loop._after_run_forever()
        loop.close()
        asyncio.set_event_loop(None)
