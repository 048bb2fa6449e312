"""SOCKS5 / SOCKS4a server handshake (sans-IO)."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind
from i2ptunnel_gui.core.proxy.socks import (
    SOCKS4_GRANTED,
    SOCKS4_REJECTED,
    Socks5Reply,
    SocksError,
    SocksNegotiation,
    SocksRequest,
)

HOST = b"forum.i2p"


def connect5(host: bytes = HOST, port: int = 80, cmd: int = 1) -> bytes:
    return bytes([5, cmd, 0, 3, len(host)]) + host + struct.pack(">H", port)


def test_socks5_no_auth_connect_in_one_go() -> None:
    neg = SocksNegotiation()
    step = neg.feed(b"\x05\x01\x00" + connect5() + b"GET /")
    assert step.reply == b"\x05\x00"
    assert step.request == SocksRequest(5, "forum.i2p", 80)
    assert step.rest == b"GET /"
    assert neg.success() == b"\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00"
    assert neg.failure(FailureKind.TIMEOUT)[1] == Socks5Reply.TTL_EXPIRED
    assert neg.failure(FailureKind.UNKNOWN_HOST)[1] == Socks5Reply.HOST_UNREACHABLE
    with pytest.raises(SocksError):
        neg.feed(b"more")


def test_socks5_byte_by_byte() -> None:
    neg = SocksNegotiation()
    data = b"\x05\x02\x00\x02" + connect5(b"A.B32.I2P.", 8080)
    replies = b""
    request = None
    for i in range(len(data)):
        step = neg.feed(data[i : i + 1])
        replies += step.reply
        assert not step.closed
        if step.request:
            request = step.request
            assert i == len(data) - 1
    assert replies == b"\x05\x00"
    assert request == SocksRequest(5, "a.b32.i2p", 8080)


def test_socks5_user_password() -> None:
    neg = SocksNegotiation(credentials=("alice", "s3cret"))
    assert neg.feed(b"\x05\x02\x00\x02").reply == b"\x05\x02"
    step = neg.feed(b"\x01\x05alice\x06s3cret" + connect5())
    assert step.reply == b"\x01\x00"
    assert step.request == SocksRequest(5, "forum.i2p", 80, user="alice")


@pytest.mark.parametrize("pw", [b"wrong!", b"s3cre", b""])
def test_socks5_wrong_password_refused(pw: bytes) -> None:
    neg = SocksNegotiation(credentials=("alice", "s3cret"))
    neg.feed(b"\x05\x01\x02")
    step = neg.feed(b"\x01\x05alice" + bytes([len(pw)]) + pw)
    assert step.reply == b"\x01\x01" and step.closed and step.request is None
    assert "authentication failed" in step.error


def test_socks5_client_without_the_needed_method() -> None:
    step = SocksNegotiation(credentials=("a", "b")).feed(b"\x05\x01\x00")
    assert step.reply == b"\x05\xff" and step.closed
    step = SocksNegotiation().feed(b"\x05\x01\x02")
    assert step.reply == b"\x05\xff" and step.closed
    step = SocksNegotiation().feed(b"\x05\x00")
    assert step.reply == b"\x05\xff" and step.closed


@pytest.mark.parametrize(
    ("request_bytes", "code", "why"),
    [
        (
            bytes([5, 1, 0, 1, 10, 0, 0, 1, 0, 80]),
            Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED,
            "10.0.0.1",
        ),
        (
            bytes([5, 1, 0, 4]) + bytes(15) + b"\x01\x00\x50",
            Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED,
            "::1",
        ),
        (connect5(cmd=2), Socks5Reply.COMMAND_NOT_SUPPORTED, "BIND"),
        (connect5(cmd=3), Socks5Reply.COMMAND_NOT_SUPPORTED, "UDP ASSOCIATE"),
        (connect5(cmd=9), Socks5Reply.COMMAND_NOT_SUPPORTED, "command 9"),
        (bytes([5, 1, 0, 7, 0]), Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED, "address type 7"),
        (connect5(host=b"a b.i2p"), Socks5Reply.GENERAL_FAILURE, "not text"),
        (connect5(host=b"\xff.i2p"), Socks5Reply.GENERAL_FAILURE, "not text"),
        (b"\x04" + connect5()[1:], Socks5Reply.GENERAL_FAILURE, "version 4"),
    ],
)
def test_socks5_refusals_use_the_protocol_codes(
    request_bytes: bytes, code: Socks5Reply, why: str
) -> None:
    neg = SocksNegotiation()
    neg.feed(b"\x05\x01\x00")
    step = neg.feed(request_bytes)
    assert step.closed and step.request is None
    assert step.reply[:2] == bytes([5, code]) and len(step.reply) == 10
    assert why in step.error


def socks4(cmd: int, ip: bytes, user: bytes = b"me", host: bytes | None = None) -> bytes:
    out = bytes([4, cmd]) + struct.pack(">H", 6668) + ip + user + b"\0"
    return out + (host + b"\0" if host is not None else b"")


def test_socks4a_connect() -> None:
    neg = SocksNegotiation()
    step = neg.feed(socks4(1, b"\0\0\0\x01", host=b"irc.postman.i2p") + b"NICK x\r\n")
    assert step.request == SocksRequest(4, "irc.postman.i2p", 6668, user="me")
    assert step.reply == b"" and step.rest == b"NICK x\r\n"
    assert neg.success() == bytes([0, SOCKS4_GRANTED, 0, 0, 0, 0, 0, 0])
    assert neg.failure(FailureKind.UNREACHABLE) == bytes([0, SOCKS4_REJECTED]) + bytes(6)


def test_socks4_split_and_refusals() -> None:
    neg = SocksNegotiation()
    data = socks4(1, b"\0\0\0\x07", user=b"", host=b"x.i2p")
    for i in range(len(data) - 1):
        assert neg.feed(data[i : i + 1]).request is None
    assert neg.feed(data[-1:]).request == SocksRequest(4, "x.i2p", 6668)

    step = SocksNegotiation().feed(socks4(1, bytes([10, 0, 0, 1])))
    assert step.closed and step.reply == bytes([0, SOCKS4_REJECTED]) + bytes(6)
    assert "10.0.0.1 is an IP address" in step.error
    step = SocksNegotiation().feed(socks4(2, b"\0\0\0\x01", host=b"x.i2p"))
    assert step.closed and "BIND" in step.error
    step = SocksNegotiation().feed(b"\x04\x01\x00\x50\x00\x00\x00\x01" + b"u" * 300)
    assert step.closed and "too long" in step.error


def test_not_socks_is_closed_without_reply() -> None:
    step = SocksNegotiation().feed(b"GET / HTTP/1.1\r\n")
    assert step.closed and step.reply == b"" and "not SOCKS" in step.error


@settings(deadline=None)  # a busy CI machine must not fail a correct run
@given(st.binary(max_size=64))
def test_garbage_never_raises_and_only_known_replies(data: bytes) -> None:
    neg = SocksNegotiation()
    step = neg.feed(data)
    if step.request is not None:
        assert step.request.host and not step.closed
    for reply in (step.reply,):
        assert reply[:1] in (b"", b"\x05", b"\x00", b"\x01")


@settings(deadline=None)  # a busy CI machine must not fail a correct run
@given(
    host=st.from_regex(r"[a-z0-9]{1,20}\.(b32\.)?i2p", fullmatch=True),
    port=st.integers(0, 65535),
    cut=st.integers(1, 30),
)
def test_any_split_gives_the_same_request(host: str, port: int, cut: int) -> None:
    data = b"\x05\x01\x00" + connect5(host.encode(), port)
    neg = SocksNegotiation()
    first = neg.feed(data[:cut])
    second = neg.feed(data[cut:]) if first.request is None else first
    assert (first.reply + (second.reply if second is not first else b"")) == b"\x05\x00"
    assert second.request == SocksRequest(5, host, port)
