"""HTTP server tunnel request heads: caller headers on every request, no forgeries."""

from __future__ import annotations

import os

import h11
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i2ptunnel_gui.core.http_server_head import CallerHeaders, HeadRewriter, Step
from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.sam.keys import build_destination

DEST = build_destination(os.urandom(256), os.urandom(32), sig_type=7)
CALLER = CallerHeaders.of(DEST)
FORGED = "forgedforgedforgedforgedforgedforgedforgedforged1234.b32.i2p"


def service_view(data: bytes) -> list[tuple[bytes, bytes, list[tuple[bytes, bytes]], bytes]]:
    """What an HTTP service reads from `data`: (method, target, headers, body) per request."""
    out = []
    while data:
        conn = h11.Connection(h11.SERVER)
        conn.receive_data(data)
        req = conn.next_event()
        assert isinstance(req, h11.Request), req
        body = b""
        while True:
            ev = conn.next_event()
            if isinstance(ev, h11.Data):
                body += ev.data
            elif isinstance(ev, h11.EndOfMessage):
                break
            else:
                raise AssertionError(ev)
        out.append((req.method, req.target, list(req.headers), body))
        data = bytes(conn.trailing_data[0])
    return out


def caller_values(headers: list[tuple[bytes, bytes]]) -> dict[bytes, list[bytes]]:
    vals: dict[bytes, list[bytes]] = {}
    for n, v in headers:
        if n.replace(b"_", b"-").startswith(b"x-i2p-"):
            vals.setdefault(n, []).append(v)
    return vals


EXPECTED = {
    b"x-i2p-destb32": [DEST.b32_address.encode()],
    b"x-i2p-destb64": [DEST.b64.encode()],
}


def feed_all(rw: HeadRewriter, *pieces: bytes) -> Step:
    service, peer, close = b"", b"", False
    for p in pieces:
        s = rw.feed(p)
        service += s.to_service
        peer += s.to_peer
        close = close or s.close
    return Step(service, peer, close)


def test_one_request_gets_the_callers_headers_and_loses_forged_ones() -> None:
    req = (
        b"GET /x HTTP/1.1\r\nHost: site.i2p\r\nX-I2P-DestB32: " + FORGED.encode() + b"\r\n"
        b"x-i2p-desthash: AAAA\r\nX_I2P_DestB64: forged\r\nAccept: */*\r\n\r\n"
    )
    step = HeadRewriter(CALLER).feed(req)
    assert not step.to_peer and not step.close
    [(method, target, headers, body)] = service_view(step.to_service)
    assert (method, target, body) == (b"GET", b"/x", b"")
    vals = caller_values(headers)
    assert vals[b"x-i2p-destb32"] == EXPECTED[b"x-i2p-destb32"]
    assert vals[b"x-i2p-destb64"] == EXPECTED[b"x-i2p-destb64"]
    assert len(vals[b"x-i2p-desthash"]) == 1 and len(vals[b"x-i2p-desthash"][0]) == 44
    assert set(vals) == {b"x-i2p-destb32", b"x-i2p-destb64", b"x-i2p-desthash"}
    assert (b"accept", b"*/*") in headers and (b"host", b"site.i2p") in headers
    assert FORGED.encode() not in step.to_service


def test_every_keep_alive_request_is_rewritten_however_the_bytes_arrive() -> None:
    reqs = b"".join(
        b"GET /%d HTTP/1.1\r\nHost: s\r\nX-I2P-DestB32: %s\r\n\r\n" % (i, FORGED.encode())
        for i in range(3)
    )
    for pieces in ([reqs], [bytes([b]) for b in reqs]):
        rw = HeadRewriter(CALLER)
        seen = service_view(feed_all(rw, *pieces).to_service)
        assert [t for _, t, _, _ in seen] == [b"/0", b"/1", b"/2"]
        assert all(
            caller_values(h)[b"x-i2p-destb32"] == EXPECTED[b"x-i2p-destb32"] for _, _, h, _ in seen
        )
        assert rw.requests == 3


def test_a_length_body_passes_byte_for_byte_even_if_it_looks_like_a_request() -> None:
    inner = b"GET /evil HTTP/1.1\r\nX-I2P-DestB32: " + FORGED.encode() + b"\r\n\r\n"
    req = b"POST /up HTTP/1.1\r\nHost: s\r\nContent-Length: %d\r\n\r\n" % len(inner) + inner
    nxt = b"GET /next HTTP/1.1\r\nHost: s\r\n\r\n"
    rw = HeadRewriter(CALLER)
    out = feed_all(rw, req[:40], req[40:70], req[70:] + nxt[:5], nxt[5:]).to_service
    seen = service_view(out)
    assert seen[0][3] == inner  # the body, untouched
    assert seen[1][1] == b"/next" and caller_values(seen[1][2]) != {}
    big = os.urandom(100_000)
    rw = HeadRewriter(CALLER)
    head = rw.feed(b"PUT /f HTTP/1.1\r\nHost: s\r\nContent-Length: 100000\r\n\r\n")
    chunk = big[:65536]
    assert rw.feed(chunk).to_service is chunk  # the bulk path: passed on, not copied
    assert service_view(head.to_service + chunk + rw.feed(big[65536:]).to_service)[0][3] == big


def test_chunked_bodies_are_rechunked_and_trailers_and_length_filtered() -> None:
    req = (
        b"POST /c HTTP/1.1\r\nHost: s\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
        b"5\r\nhello\r\n6\r\n world\r\n0\r\nX-I2P-DestB32: " + FORGED.encode() + b"\r\n"
        b"Expires: never\r\n\r\nGET /after HTTP/1.1\r\nHost: s\r\n\r\n"
    )
    for pieces in ([req], [req[i : i + 7] for i in range(0, len(req), 7)]):
        out = feed_all(HeadRewriter(CALLER), *pieces).to_service
        assert b"content-length" not in out.lower().split(b"\r\n\r\n", 1)[0]
        assert FORGED.encode() not in out and b"Expires: never" in out
        seen = service_view(out)
        assert seen[0][3] == b"hello world"
        assert seen[1][1] == b"/after" and caller_values(seen[1][2])


def test_host_override_replaces_or_adds_host() -> None:
    rw = HeadRewriter(CALLER, host_override="mysite.i2p")
    out = feed_all(
        rw,
        b"GET / HTTP/1.1\r\nHost: xyz.b32.i2p\r\n\r\n",
        b"GET / HTTP/1.0\r\n\r\n",
    ).to_service
    seen = service_view(out)
    assert [[v for n, v in h if n == b"host"] for _, _, h, _ in seen] == [
        [b"mysite.i2p"],
        [b"mysite.i2p"],
    ]


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"NOT HTTP AT ALL\r\n\r\n", b"400"),
        (b"GET / HTTP/1.1\r\n\r\n", b"400"),  # 1.1 without Host
        (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", b"400"),
        (b"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + b"x" * 40_000 + b"\r\n\r\n", b"431"),
        (b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", b"501"),
    ],
)
def test_a_request_h11_refuses_gets_an_error_and_ends_the_stream(
    data: bytes, status: bytes
) -> None:
    rw = HeadRewriter(CALLER)
    step = rw.feed(data)
    assert step.close and step.to_peer.startswith(b"HTTP/1.1 " + status)
    assert b"Connection: close" in step.to_peer and step.error
    assert step.to_service == b""
    assert rw.feed(b"GET / HTTP/1.1\r\nHost: s\r\n\r\n") == Step()  # nothing after that


def test_a_good_request_before_a_bad_one_still_reaches_the_service() -> None:
    step = HeadRewriter(CALLER).feed(b"GET /ok HTTP/1.1\r\nHost: s\r\n\r\nBAD\r\n\r\n")
    assert step.close and service_view(step.to_service)[0][1] == b"/ok"


def test_post_over_its_limit_gets_429_and_its_body_never_reaches_the_service() -> None:
    answers = iter([None, Refusal.POST_LIMIT])
    rw = HeadRewriter(CALLER, post_gate=lambda: next(answers))
    ok = rw.feed(b"POST /a HTTP/1.1\r\nHost: s\r\nContent-Length: 2\r\n\r\nhi")
    assert service_view(ok.to_service)[0][3] == b"hi"
    assert rw.feed(b"GET /free HTTP/1.1\r\nHost: s\r\n\r\n").to_service  # GETs are not gated
    refused = rw.feed(b"POST /b HTTP/1.1\r\nHost: s\r\nContent-Length: 6\r\n\r\nsecret")
    assert refused.refusal is Refusal.POST_LIMIT and refused.close
    assert refused.to_peer.startswith(b"HTTP/1.1 429 ") and b"Retry-After" in refused.to_peer
    assert b"secret" not in refused.to_service and refused.to_service == b""


def test_websocket_upgrade_turns_the_stream_opaque() -> None:
    rw = HeadRewriter(CALLER)
    up = rw.feed(
        b"GET /ws HTTP/1.1\r\nHost: s\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
    )
    assert caller_values(service_view(up.to_service)[0][2])
    frame = b"\x81\x85" + os.urandom(4) + b"hello" + b"\r\n\r\n"
    assert rw.feed(frame).to_service == frame and rw.opaque
    assert rw.feed(b"GET / HTTP/1.1\r\nX-I2P-DestB32: x\r\n\r\n").to_service.startswith(b"GET")


def test_a_declined_upgrade_keeps_rewriting_the_following_requests() -> None:
    rw = HeadRewriter(CALLER)
    rw.feed(b"GET /ws HTTP/1.1\r\nHost: s\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\n")
    out = rw.feed(b"GET /b HTTP/1.1\r\nHost: s\r\nX-I2P-DestB32: x\r\n\r\n").to_service
    assert not rw.opaque
    assert caller_values(service_view(out)[0][2])[b"x-i2p-destb32"] == EXPECTED[b"x-i2p-destb32"]


REQUEST = st.builds(
    lambda path, body, forged: (
        b"POST /%s HTTP/1.1\r\nHost: s\r\nX-I2P-DestB32: %s\r\nContent-Length: %d\r\n\r\n%s"
        % (path.encode(), forged.encode(), len(body), body)
    ),
    st.text(alphabet="abcxyz019", max_size=8),
    st.binary(max_size=64),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz234567.", min_size=1, max_size=60),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(REQUEST, min_size=1, max_size=5), st.lists(st.integers(1, 40), max_size=30))
def test_any_split_of_a_pipelined_stream_gives_the_same_requests(
    reqs: list[bytes], cuts: list[int]
) -> None:
    data = b"".join(reqs)
    pieces, pos = [], 0
    for c in cuts:
        pieces.append(data[pos : pos + c])
        pos += c
    pieces.append(data[pos:])
    whole = HeadRewriter(CALLER).feed(data).to_service
    assert feed_all(HeadRewriter(CALLER), *pieces).to_service == whole
    seen = service_view(whole)
    assert len(seen) == len(reqs)
    for _, _, headers, _ in seen:
        assert caller_values(headers)[b"x-i2p-destb32"] == EXPECTED[b"x-i2p-destb32"]
