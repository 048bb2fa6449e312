"""Which relay moves the bytes: $I2PTUNNEL_RELAY picks the Protocol pair or splice.

The relay promises themselves are kept by the tests that use the `relay_mode`
fixture (conftest.py), which run once per relay.
"""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core import splice
from i2ptunnel_gui.core.connection import RELAY_ENV, relay_class
from i2ptunnel_gui.core.relay import Relay


def test_env_selects_relay(relay_mode: str) -> None:
    expected = splice.SpliceRelay if relay_mode == "splice" else Relay
    assert relay_class() is expected


def test_default_and_bad_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(RELAY_ENV, raising=False)
    assert relay_class() is (splice.SpliceRelay if splice.available() else Relay)
    with pytest.raises(ValueError, match="must be 'protocol' or 'splice'"):
        relay_class("sendfile")


_WITHOUT_EPOLL = """
import select, sys
for name in ("epoll", "EPOLLIN", "EPOLLOUT", "EPOLLERR", "EPOLLHUP"):
    delattr(select, name)
from i2ptunnel_gui.core.connection import relay_class
import i2ptunnel_gui.core.engine
print(relay_class("protocol").__name__)
"""


def test_the_engine_imports_where_there_is_no_epoll() -> None:
    """The splice path and its hub are Linux's; elsewhere (no select.epoll) the engine
    must still import and run the Protocol pair."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _WITHOUT_EPOLL], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Relay"
