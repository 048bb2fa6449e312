"""HTTP proxy request heads: parsing (h11), target handling, privacy filtering."""

from __future__ import annotations

import h11
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i2ptunnel_gui.core.proxy.http_proxy_head import (
    MAX_HEAD,
    USER_AGENT,
    HeadReader,
    HostKind,
    ProxyHeadError,
    ProxyRequest,
    classify_host,
    connect_head,
    forward_head,
    split_authority,
    strip_address_helper,
)

B32 = "a" * 52 + ".b32.i2p"


def read(head: bytes) -> ProxyRequest:
    req = HeadReader().feed(head)
    assert req is not None
    return req


def headers_of(head: bytes) -> list[tuple[bytes, bytes]]:
    """Parse a forwarded head back with h11, as the server would."""
    conn = h11.Connection(h11.SERVER)
    conn.receive_data(head)
    ev = conn.next_event()
    assert isinstance(ev, h11.Request)
    return [(bytes(k), bytes(v)) for k, v in ev.headers.raw_items()]


def test_absolute_uri_get_is_parsed_and_sent_in_origin_form() -> None:
    req = read(
        b"GET http://Forum.I2P/t/1?x=2 HTTP/1.1\r\nHost: forum.i2p\r\nAccept: text/html\r\n\r\n"
    )
    assert (req.method, req.host, req.port, req.path) == ("GET", "forum.i2p", 80, "/t/1?x=2")
    assert req.host_kind is HostKind.I2P_NAME
    out = forward_head(req)
    assert out.startswith(b"GET /t/1?x=2 HTTP/1.1\r\n")
    hdrs = headers_of(out)
    assert (b"Host", b"forum.i2p") in hdrs
    assert (b"Accept", b"text/html") in hdrs
    assert hdrs[-1] == (b"Connection", b"close")


def test_head_arrives_in_pieces_and_body_prefix_is_kept() -> None:
    data = (
        b"POST http://" + B32.encode() + b":8080/up HTTP/1.1\r\nHost: x\r\n"
        b"Content-Length: 11\r\n\r\nhello world"
    )
    reader = HeadReader()
    for i in range(len(data) - 15):
        assert reader.feed(data[i : i + 1]) is None
    req = reader.feed(data[len(data) - 15 :])
    assert req is not None
    assert req.body_prefix == b"hello world"
    assert (req.host, req.port, req.host_kind) == (B32, 8080, HostKind.B32)
    assert (b"Host", f"{B32}:8080".encode()) in headers_of(forward_head(req))


def test_chunked_body_bytes_pass_untouched() -> None:
    req = read(
        b"POST http://a.i2p/ HTTP/1.1\r\nHost: a.i2p\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\nhello\r\n0\r\n\r\n"
    )
    assert req.body_prefix == b"5\r\nhello\r\n0\r\n\r\n"
    assert (b"Transfer-Encoding", b"chunked") in headers_of(forward_head(req))


def test_connect_target_and_rest() -> None:
    reader = HeadReader()
    req = reader.feed(b"CONNECT " + B32.encode() + b":443 HTTP/1.1\r\nHost: x\r\n\r\n\x16\x03")
    assert req is not None and req.is_connect
    assert (req.host, req.port, req.body_prefix) == (B32, 443, b"\x16\x03")
    with pytest.raises(ValueError, match="CONNECT"):
        forward_head(req)
    assert connect_head(req) == f"CONNECT {B32}:443 HTTP/1.1\r\nHost: {B32}:443\r\n\r\n".encode()


@pytest.mark.parametrize(
    ("head", "status", "match"),
    [
        (b"GARBAGE\r\n\r\n", 400, "malformed"),
        (b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n", 400, "not a web server"),
        (b"GET https://a.i2p/ HTTP/1.1\r\nHost: a.i2p\r\n\r\n", 501, "CONNECT"),
        (b"GET ftp://a.i2p/ HTTP/1.1\r\nHost: a.i2p\r\n\r\n", 501, "only http"),
        (b"GET http://u:p@a.i2p/ HTTP/1.1\r\nHost: a.i2p\r\n\r\n", 400, "passwords"),
        (b"CONNECT a.i2p HTTP/1.1\r\nHost: a.i2p\r\n\r\n", 400, "host:port"),
        (b"CONNECT a.i2p:99999 HTTP/1.1\r\nHost: a.i2p\r\n\r\n", 400, "bad port"),
        (b"GET http://a.i2p/ HTTP/1.1\r\n\r\n", 400, "Host"),
        (b"GET http://a.i2p/ HTTP/1.1\r\nBad Header: x\r\n\r\n", 400, "malformed"),
        (
            b"POST http://a.i2p/ HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n"
            b"Content-Length: 2\r\n\r\n",
            400,
            "malformed",
        ),
    ],
)
def test_bad_heads_get_their_status(head: bytes, status: int, match: str) -> None:
    with pytest.raises(ProxyHeadError, match=match) as info:
        HeadReader().feed(head)
    assert info.value.status == status


def test_oversized_head_is_431_before_it_ends() -> None:
    reader = HeadReader()
    reader.feed(b"GET http://a.i2p/ HTTP/1.1\r\nHost: a.i2p\r\n")
    with pytest.raises(ProxyHeadError) as info:
        for _ in range(MAX_HEAD // 100 + 2):
            reader.feed(b"X-Filler: " + b"y" * 88 + b"\r\n")
    assert info.value.status == 431


def test_oversized_head_in_one_piece_is_431() -> None:
    head = b"GET http://a.i2p/ HTTP/1.1\r\nHost: a.i2p\r\nX: " + b"y" * MAX_HEAD + b"\r\n\r\n"
    with pytest.raises(ProxyHeadError) as info:
        HeadReader().feed(head + b"body")
    assert info.value.status == 431
    assert HeadReader(max_head=len(head)).feed(head + b"body") is not None


def test_close_mid_head_is_400() -> None:
    reader = HeadReader()
    assert reader.feed(b"GET http://a.i2p/ HT") is None
    with pytest.raises(ProxyHeadError) as info:
        reader.feed(b"")
    assert info.value.status == 400


def test_privacy_filtering() -> None:
    req = read(
        b"GET http://site.i2p/p HTTP/1.1\r\n"
        b"Host: evil.example\r\n"
        b"User-Agent: Mozilla/5.0 (X11; Linux) Firefox/128\r\n"
        b"Via: 1.1 myproxy\r\nX-Forwarded-For: 10.1.2.3\r\nX-Forwarded-Host: me\r\n"
        b"Forwarded: for=10.1.2.3\r\nFrom: me@example.org\r\nX-Real-IP: 10.1.2.3\r\n"
        b"Proxy-Authorization: Basic eDp5\r\nProxy-Connection: keep-alive\r\n"
        b"Connection: keep-alive, X-Secret\r\nX-Secret: 1\r\nKeep-Alive: 300\r\n"
        b"Referer: http://other.i2p/page\r\nCookie: a=b\r\n\r\n"
    )
    hdrs = dict((k.lower(), v) for k, v in headers_of(forward_head(req)))
    assert hdrs[b"host"] == b"site.i2p"
    assert hdrs[b"user-agent"] == USER_AGENT.encode()
    assert hdrs[b"cookie"] == b"a=b"
    assert hdrs[b"connection"] == b"close"
    for gone in (
        b"via", b"x-forwarded-for", b"x-forwarded-host", b"forwarded", b"from", b"x-real-ip",
        b"proxy-authorization", b"proxy-connection", b"keep-alive", b"x-secret", b"referer",
    ):  # fmt: skip
        assert gone not in hdrs, gone


def test_same_host_referer_kept_and_user_agent_can_be_kept() -> None:
    req = read(
        b"GET http://site.i2p/b HTTP/1.1\r\nHost: site.i2p\r\nUser-Agent: curl/8\r\n"
        b"Referer: http://site.i2p/a\r\n\r\n"
    )
    hdrs = headers_of(forward_head(req, replace_user_agent=False))
    assert (b"User-Agent", b"curl/8") in hdrs
    assert (b"Referer", b"http://site.i2p/a") in hdrs
    assert sum(1 for k, _ in hdrs if k.lower() == b"user-agent") == 1


def test_http10_without_host_gets_one() -> None:
    req = read(b"GET http://site.i2p/ HTTP/1.0\r\n\r\n")
    out = forward_head(req)
    assert out.startswith(b"GET / HTTP/1.0\r\nHost: site.i2p\r\n")


def test_outproxy_head_keeps_absolute_uri_and_host() -> None:
    req = read(b"GET http://example.org/x HTTP/1.1\r\nHost: example.org\r\nVia: me\r\n\r\n")
    assert req.host_kind is HostKind.OTHER
    out = forward_head(req, to_outproxy=True)
    assert out.startswith(b"GET http://example.org/x HTTP/1.1\r\n")
    hdrs = headers_of(out)
    assert (b"Host", b"example.org") in hdrs
    assert not any(k.lower() == b"via" for k, _ in hdrs)


def test_address_helper_is_taken_out_of_the_url() -> None:
    req = read(
        b"GET http://new.i2p/a?x=1&i2paddresshelper=AAAA~-%3D&y=2 HTTP/1.1\r\nHost: new.i2p\r\n\r\n"
    )
    assert req.address_helper == "AAAA~-="
    assert req.path == "/a?x=1&y=2"
    assert req.url == "http://new.i2p/a?x=1&y=2"
    assert b"i2paddresshelper" not in forward_head(req)


def test_strip_address_helper_cases() -> None:
    assert strip_address_helper("") == ("", None)
    assert strip_address_helper("a=1") == ("a=1", None)
    assert strip_address_helper("I2PAddressHelper=abc") == ("", "abc")
    assert strip_address_helper("i2paddresshelper=") == ("", "")
    assert strip_address_helper("i2paddresshelper=a&i2paddresshelper=b&k") == ("k", "a")


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        (B32, HostKind.B32),
        ("forum.i2p", HostKind.I2P_NAME),
        ("proxy.i2p", HostKind.LOCAL),
        ("example.org", HostKind.OTHER),
        ("i2p", HostKind.OTHER),
        ("127.0.0.1", HostKind.OTHER),
    ],
)
def test_classify_host(host: str, kind: HostKind) -> None:
    assert classify_host(host) is kind


def test_split_authority() -> None:
    assert split_authority("[::1]:8080", default_port=None) == ("::1", 8080)
    assert split_authority("A.I2P.", default_port=80) == ("a.i2p", 80)
    for bad in ("[::1", "[zz]:1", ":80", "[::1]x"):
        with pytest.raises(ProxyHeadError):
            split_authority(bad, default_port=80)


def test_header_lookup_and_url_of_connect() -> None:
    req = read(b"CONNECT a.i2p:443 HTTP/1.1\r\nHOST: a.i2p:443\r\n\r\n")
    assert req.header("host") == "a.i2p:443"
    assert req.header("missing") is None
    assert req.url == "a.i2p:443"


_token = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=12)


@settings(deadline=None)  # a busy CI machine must not fail a correct run
@given(
    name=_token,
    value=st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40),
)
def test_generated_headers_never_leak_identifying_ones(name: str, value: str) -> None:
    """Whatever other headers come along, identifying ones never get through and the
    head stays parseable."""
    value = value.strip()
    head = (
        f"GET http://s.i2p/ HTTP/1.1\r\nHost: s.i2p\r\n{name}: {value}\r\n"
        "X-Forwarded-For: 10.0.0.1\r\nVia: x\r\n\r\n"
    ).encode()
    req = read(head)
    hdrs = headers_of(forward_head(req))
    names = [k.lower() for k, _ in hdrs]
    assert b"x-forwarded-for" not in names and b"via" not in names
    assert names.count(b"host") == 1 and names[-1] == b"connection"


@settings(deadline=None)  # a busy CI machine must not fail a correct run
@given(st.binary(max_size=300))
def test_random_bytes_either_parse_need_more_or_fail_with_status(data: bytes) -> None:
    try:
        HeadReader().feed(data)
    except ProxyHeadError as e:
        assert e.status in (400, 431, 501)
