"""Both relays (Protocol pair and Linux splice) must keep every relay promise.

The tests are the relay tests themselves, imported so pytest runs them again
here once per relay, chosen with $I2PTUNNEL_RELAY.
"""

from __future__ import annotations

import pytest
from test_engine import test_stop_frees_every_fd
from test_forward import (
    test_idle_timeout_closes_quiet_connection_only,
    test_lifetime_closes_busy_connection,
    test_nconnect_refuses_excess_and_counts_it,
)
from test_relay import (
    test_16mib_random_echo_is_byte_exact,
    test_awaited_relay_path_keeps_every_promise,
    test_backpressure_bounds_buffering,
    test_half_close_client_to_target,
    test_half_close_target_to_client,
    test_peer_reset_ends_the_connection,
)

from i2ptunnel_gui.core import splice
from i2ptunnel_gui.core.relay import Relay
from i2ptunnel_gui.core.runtime import RELAY_ENV, relay_class

__all__ = [
    "test_16mib_random_echo_is_byte_exact",
    "test_awaited_relay_path_keeps_every_promise",
    "test_backpressure_bounds_buffering",
    "test_half_close_client_to_target",
    "test_half_close_target_to_client",
    "test_idle_timeout_closes_quiet_connection_only",
    "test_lifetime_closes_busy_connection",
    "test_nconnect_refuses_excess_and_counts_it",
    "test_peer_reset_ends_the_connection",
    "test_stop_frees_every_fd",
]


@pytest.fixture(autouse=True, params=["protocol", "splice"])
def relay_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "splice" and not splice.available():
        pytest.skip("os.splice is Linux-only")
    monkeypatch.setenv(RELAY_ENV, request.param)
    return str(request.param)


def test_env_selects_relay(relay_mode: str) -> None:
    expected = splice.SpliceRelay if relay_mode == "splice" else Relay
    assert relay_class() is expected


def test_default_and_bad_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(RELAY_ENV)
    assert relay_class() is (splice.SpliceRelay if splice.available() else Relay)
    with pytest.raises(ValueError, match="must be 'protocol' or 'splice'"):
        relay_class("sendfile")
