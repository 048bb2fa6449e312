"""Ports for the managed router: preferred when free, another (distinct) one when busy."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from i2ptunnel_gui.core.router.config import ManagedOptions, RouterPorts
from i2ptunnel_gui.core.router.ports import ephemeral_port, pick_port, pick_ports, sam_port_free


@pytest.fixture
def busy_tcp() -> Iterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        yield s.getsockname()[1]


def free_pair() -> int:
    """A TCP port whose port-1 is free for UDP too."""
    while True:
        port = ephemeral_port()
        if sam_port_free(port):
            return port


def test_preferred_port_is_used_when_free() -> None:
    port = free_pair()
    assert pick_port(port, sam=True) == port


def test_busy_port_gives_another(busy_tcp: int) -> None:
    other = pick_port(busy_tcp)
    assert other != busy_tcp and other > 1024
    assert pick_port(busy_tcp, sam=True) != busy_tcp


def test_sam_port_counts_as_busy_when_its_datagram_port_is() -> None:
    port = free_pair()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", port - 1))
        assert pick_port(port) == port  # a plain TCP service would not care
        assert pick_port(port, sam=True) != port


def test_ports_are_distinct_and_previous_ones_are_kept() -> None:
    one = free_pair()
    opts = ManagedOptions(sam_port=one, control_port=one, console_port=one - 1)
    ports = pick_ports(opts)
    assert ports.sam == one
    assert len({ports.sam, ports.sam - 1, ports.control, ports.console}) == 4
    assert pick_ports(opts, previous=ports) == ports


def test_busy_previous_sam_port_is_replaced(busy_tcp: int) -> None:
    previous = RouterPorts(sam=busy_tcp, control=free_pair(), console=free_pair())
    ports = pick_ports(ManagedOptions(), previous=previous)
    assert ports.sam != busy_tcp and sam_port_free(ports.sam)
