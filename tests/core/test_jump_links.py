"""Jump links (?i2paddresshelper=) and the proxy's own pages."""

from __future__ import annotations

import random
import re
from pathlib import Path

import h11

from i2ptunnel_gui.core.proxy.addressbook import AddressBook
from i2ptunnel_gui.core.proxy.http_proxy_head import HeadReader, ProxyRequest
from i2ptunnel_gui.core.proxy.jump_links import PENDING_MAX, JumpLinks
from i2ptunnel_gui.core.proxy.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure
from i2ptunnel_gui.core.proxy.proxy_pages import failure_page, head_error_page
from i2ptunnel_gui.core.sam.keys import b32_address, build_destination

_rng = random.Random(11)
D1 = build_destination(_rng.randbytes(256), _rng.randbytes(32), sig_type=7).b64
D2 = build_destination(_rng.randbytes(256), _rng.randbytes(32), sig_type=7).b64


async def _never(name: str) -> str:
    raise AssertionError("no router lookup expected")


def get(url: str) -> ProxyRequest:
    req = HeadReader().feed(f"GET {url} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert req is not None
    return req


def parse_response(data: bytes) -> tuple[int, dict[bytes, bytes], bytes]:
    conn = h11.Connection(h11.CLIENT)
    conn.send(h11.Request(method="GET", target="/", headers=[("Host", "x")]))
    conn.receive_data(data)
    resp = conn.next_event()
    assert isinstance(resp, h11.Response)
    body = b""
    while True:
        ev = conn.next_event()
        if isinstance(ev, h11.Data):
            body += ev.data
        else:
            assert isinstance(ev, h11.EndOfMessage)
            break
    return resp.status_code, {k: v for k, v in resp.headers}, body


def links(body: bytes) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', body.decode())]


def make(tmp_path: Path) -> tuple[JumpLinks, AddressBook, NameResolver]:
    book = AddressBook(tmp_path / "hosts.txt")
    resolver = NameResolver(_never, book)
    return JumpLinks(resolver, book), book, resolver


def test_confirm_then_save_then_redirect(tmp_path: Path) -> None:
    jl, book, _ = make(tmp_path)
    status, _, body = parse_response(jl.offer(get(f"http://new.i2p/p?q=1&i2paddresshelper={D1}")))
    assert status == 200
    assert b32_address(D1).encode() in body and b"Save new.i2p" in body
    save, _once = links(body)
    assert save.startswith("http://proxy.i2p/add?token=") and save.endswith("&save=1")
    assert book.lookup("new.i2p") is None  # nothing saved by the link alone

    status, hdrs, _ = parse_response(jl.answer_local(get(save)))
    assert status == 302 and hdrs[b"location"] == b"http://new.i2p/p?q=1"
    assert book.lookup("new.i2p") == D1 and jl.saved == ["new.i2p"]
    assert f"new.i2p={D1}" in (tmp_path / "hosts.txt").read_text()
    # the token was single-use
    status, _, body = parse_response(jl.answer_local(get(save)))
    assert status == 400 and b"expired" in body
    # the same link again: known now, straight redirect
    status, hdrs, _ = parse_response(jl.offer(get(f"http://new.i2p/?i2paddresshelper={D1}")))
    assert status == 302 and hdrs[b"location"] == b"http://new.i2p/"


def test_continue_without_saving_pins_for_the_tunnel_only(tmp_path: Path) -> None:
    jl, book, resolver = make(tmp_path)
    _, _, body = parse_response(jl.offer(get(f"http://tmp.i2p/?i2paddresshelper={D1}")))
    _, once = links(body)
    status, _, _ = parse_response(jl.answer_local(get(once)))
    assert status == 302
    assert book.lookup("tmp.i2p") is None and resolver.cached("tmp.i2p") == D1
    assert not (tmp_path / "hosts.txt").exists()


def test_conflicting_destination_is_warned_and_never_saved(tmp_path: Path) -> None:
    jl, book, _ = make(tmp_path)
    book.add("bank.i2p", D1)
    status, _, body = parse_response(jl.offer(get(f"http://bank.i2p/?i2paddresshelper={D2}")))
    assert status == 200 and b"another destination" in body
    assert b32_address(D1).encode() in body and b32_address(D2).encode() in body
    hrefs = links(body)
    assert hrefs[0] == "http://bank.i2p/"
    forged = hrefs[1].replace("save=0", "save=1")
    parse_response(jl.answer_local(get(forged)))
    assert book.lookup("bank.i2p") == D1  # never saved over


def test_unusable_helpers(tmp_path: Path) -> None:
    jl, _, _ = make(tmp_path)
    status, _, body = parse_response(jl.offer(get("http://x.i2p/?i2paddresshelper=zzz")))
    assert status == 400 and b"does not carry a destination" in body
    b32 = "c" * 52 + ".b32.i2p"
    status, _, body = parse_response(jl.offer(get(f"http://x.i2p/?i2paddresshelper={b32}")))
    assert status == 400 and b"b32 address" in body
    # on a b32 host the helper means nothing: redirect without it
    status, hdrs, _ = parse_response(jl.offer(get(f"http://{b32}/a?i2paddresshelper={D1}")))
    assert status == 302 and hdrs[b"location"] == f"http://{b32}/a".encode()


def test_local_pages_and_pending_bound(tmp_path: Path) -> None:
    jl, _, _ = make(tmp_path)
    status, _, _ = parse_response(jl.answer_local(get("http://proxy.i2p/other")))
    assert status == 404
    first = links(parse_response(jl.offer(get(f"http://a.i2p/?i2paddresshelper={D1}")))[2])[0]
    for i in range(PENDING_MAX):
        jl.offer(get(f"http://n{i}.i2p/?i2paddresshelper={D1}"))
    status, _, _ = parse_response(jl.answer_local(get(first)))
    assert status == 400  # the oldest confirmation was dropped


def test_pages_escape_and_carry_status() -> None:
    page = failure_page(ProxyFailure(FailureKind.UNKNOWN_HOST, "<script>x</script>.i2p unknown"))
    status, hdrs, body = parse_response(page)
    assert status == 404 and hdrs[b"connection"] == b"close"
    assert b"<script>" not in body and b"&lt;script&gt;" in body
    assert b"Unknown I2P host" in body
    for code in (400, 408, 431, 501):
        assert parse_response(head_error_page(code, "why"))[0] == code
    for kind in FailureKind:
        assert parse_response(failure_page(ProxyFailure(kind, "m")))[0] == kind.http_status
