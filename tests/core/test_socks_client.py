"""The SOCKS5 client side a SOCKS tunnel speaks to its outproxy."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind
from i2ptunnel_gui.core.proxy.socks_client import (
    OutproxyError,
    check_reply,
    connect_request,
    reply_length,
)


def test_connect_request_sends_the_name() -> None:
    assert connect_request("example.org", 443) == b"\x05\x01\x00\x03\x0bexample.org\x01\xbb"
    with pytest.raises(ValueError):
        connect_request("x" * 256, 1)


def test_reply_length_for_each_address_type() -> None:
    ipv4 = bytes([5, 0, 0, 1]) + bytes(6)
    assert reply_length(ipv4[:9]) is None and reply_length(ipv4 + b"data") == 10
    ipv6 = bytes([5, 0, 0, 4]) + bytes(18)
    assert reply_length(ipv6) == 22
    name = bytes([5, 0, 0, 3, 3]) + b"abc" + b"\x00\x50"
    assert reply_length(name) == 10 and reply_length(name[:7]) is None
    with pytest.raises(OutproxyError):
        reply_length(b"HTTP/1.1 400")
    with pytest.raises(OutproxyError):
        reply_length(bytes([5, 0, 0, 9, 0]))


@pytest.mark.parametrize(
    ("code", "kind"),
    [(2, FailureKind.NOT_I2P), (4, FailureKind.UNREACHABLE), (6, FailureKind.TIMEOUT),
     (7, FailureKind.UNSUPPORTED), (0x77, FailureKind.UNREACHABLE)],
)  # fmt: skip
def test_refusals_map_to_failure_kinds(code: int, kind: FailureKind) -> None:
    check_reply(bytes([5, 0, 0, 1]), "x.org")
    with pytest.raises(OutproxyError) as info:
        check_reply(bytes([5, code, 0, 1]), "x.org")
    assert info.value.kind is kind and "x.org" in str(info.value)
