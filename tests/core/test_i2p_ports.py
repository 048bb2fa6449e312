"""I2P ports: which SAM versions grant them, the refusal text, peer-line ports."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.policy.i2p_ports import check_ports_granted, ports_granted
from i2ptunnel_gui.core.sam.connection import peer_line_ports


@pytest.mark.parametrize(
    ("version", "granted"),
    [("3.0", False), ("3.1", False), ("3.2", True), ("3.3", True), ("4.0", True), ("", False)],
)
def test_ports_need_sam_3_2(version: str, granted: bool) -> None:
    assert ports_granted(version) is granted


def test_a_port_on_a_3_1_bridge_stops_the_start_with_a_clear_reason() -> None:
    with pytest.raises(ConfigError) as info:
        check_ports_granted(80, "3.1", server=True)
    msg = str(info.value)
    assert "accept only I2P port 80" in msg and "grants version 3.1" in msg
    assert "SAM 3.2" in msg and "clear the I2P port" in msg
    with pytest.raises(ConfigError, match="connect to I2P port 8080"):
        check_ports_granted(8080, "3.0", server=False)
    check_ports_granted(0, "3.1", server=True)  # no port: nothing to refuse
    check_ports_granted(80, "3.3", server=False)


def test_peer_line_ports() -> None:
    assert peer_line_ports(b"AAAA~ FROM_PORT=1234 TO_PORT=80\n") == (1234, 80)
    assert peer_line_ports(b"AAAA~\n") == (0, 0)
    assert peer_line_ports(b"AAAA~ TO_PORT=443") == (0, 443)
