"""The app's address book (hosts.txt) and the proxy's name resolution."""

from __future__ import annotations

import os
import random
import stat
from pathlib import Path

import pytest

from i2ptunnel_gui.core.proxy.addressbook import (
    AddressBook,
    AddressBookError,
    check_name,
    parse_hosts,
)
from i2ptunnel_gui.core.proxy.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure
from i2ptunnel_gui.core.sam.errors import (
    SamConnectionClosed,
    SamInvalidKey,
    SamKeyNotFound,
    SamRouterError,
    SamTimeout,
)
from i2ptunnel_gui.core.sam.keys import build_destination

_rng = random.Random(7)


def new_dest() -> str:
    return build_destination(_rng.randbytes(256), _rng.randbytes(32), sig_type=7).b64


D1, D2, D3 = new_dest(), new_dest(), new_dest()


def test_parse_hosts_text() -> None:
    text = (
        "# a subscription\n"
        f"Forum.I2P={D1}\n"
        f"\n  wiki.i2p = {D2} #!added=1700000000#src=x\n"
        "broken line\n"
        f"{'a' * 52}.b32.i2p={D3}\n"
        "bad_name.i2p=" + D3 + "\n"
        "short.i2p=AAAA\n"
    )
    entries, problems = parse_hosts(text)
    assert [(n, d.b64) for n, d in entries] == [("forum.i2p", D1), ("wiki.i2p", D2)]
    assert [p.line for p in problems] == [5, 6, 7, 8]
    assert "name=destination" in problems[0].text
    assert "b32 address" in problems[1].text
    assert "not an .i2p host name" in problems[2].text
    assert "short.i2p" in problems[3].text


def test_check_name() -> None:
    assert check_name("a-b.c.i2p") is None
    assert check_name("-a.i2p") is not None
    assert check_name("a" * 64 + ".i2p") is not None
    assert check_name("example.org") is not None


def test_add_lookup_persist_and_reload(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "hosts.txt"
    book = AddressBook(path)
    assert book.lookup("forum.i2p") is None
    assert book.add("Forum.i2p", D1) == "forum.i2p"
    assert book.add("forum.i2p", D1) == "forum.i2p"  # same again: nothing changes
    with pytest.raises(AddressBookError, match="another destination"):
        book.add("forum.i2p", D2)
    with pytest.raises(AddressBookError):
        book.add("forum.i2p", "not-a-destination")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert path.read_text() == f"forum.i2p={D1}\n"
    again = AddressBook(path)
    assert again.lookup("FORUM.I2P.") == D1 and len(again) == 1


def test_append_after_hand_edited_file_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "hosts.txt"
    path.write_text(f"a.i2p={D1}")
    book = AddressBook(path)
    book.add("b.i2p", D2)
    assert path.read_text().splitlines() == [f"a.i2p={D1}", f"b.i2p={D2}"]
    assert AddressBook(path).names() == ["a.i2p", "b.i2p"]


def test_import_keeps_existing_names(tmp_path: Path) -> None:
    book = AddressBook(tmp_path / "hosts.txt")
    book.add("a.i2p", D1)
    result = book.import_text(f"a.i2p={D2}\nb.i2p={D2}\nc.i2p={D3}\nb.i2p={D1}\njunk\n")
    assert result.added == ["b.i2p", "c.i2p"]
    assert result.conflicts == ["a.i2p", "b.i2p"]
    assert [p.line for p in result.problems] == [5]
    assert book.lookup("a.i2p") == D1
    assert AddressBook(tmp_path / "hosts.txt").names() == ["a.i2p", "b.i2p", "c.i2p"]


def test_memory_only_book() -> None:
    book = AddressBook(None)
    book.add("x.i2p", D1)
    assert book.lookup("x.i2p") == D1


class FakeRouter:
    def __init__(self, answers: dict[str, str | BaseException]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    async def __call__(self, name: str) -> str:
        self.asked.append(name)
        a = self.answers.get(name, SamInvalidKey("NAMING LOOKUP: INVALID_KEY"))
        if isinstance(a, BaseException):
            raise a
        return a


async def test_b32_goes_straight_and_names_are_cached() -> None:
    now = [0.0]
    router = FakeRouter({"forum.i2p": D1})
    r = NameResolver(router, None, ttl=60, clock=lambda: now[0])
    b32 = "b" * 52 + ".b32.i2p"
    assert await r.resolve(b32.upper()) == b32
    assert await r.resolve("forum.i2p") == D1
    assert await r.resolve("Forum.i2p.") == D1
    assert router.asked == ["forum.i2p"] and (r.hits, r.lookups) == (1, 1)
    now[0] = 61
    assert await r.resolve("forum.i2p") == D1
    assert router.asked == ["forum.i2p", "forum.i2p"]
    r.forget("forum.i2p")
    assert r.cached("forum.i2p") is None


async def test_cache_is_bounded() -> None:
    router = FakeRouter({f"n{i}.i2p": D1 for i in range(5)})
    r = NameResolver(router, None, size=3)
    for i in range(5):
        await r.resolve(f"n{i}.i2p")
    assert r.cached("n0.i2p") is None and r.cached("n4.i2p") == D1


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("example.org", FailureKind.NOT_I2P),
        ("10.0.0.1", FailureKind.IP_ADDRESS),
        ("[::1]", FailureKind.IP_ADDRESS),
        (".i2p", FailureKind.NOT_I2P),
        ("short.b32.i2p", FailureKind.BAD_REQUEST),
    ],
)
async def test_non_i2p_hosts_never_reach_the_router(host: str, kind: FailureKind) -> None:
    router = FakeRouter({})
    with pytest.raises(ProxyFailure) as info:
        await NameResolver(router).resolve(host)
    assert info.value.kind is kind and router.asked == []


async def test_router_first_then_address_book() -> None:
    book = AddressBook(None)
    book.add("saved.i2p", D2)
    book.add("both.i2p", D3)
    router = FakeRouter({"both.i2p": D1})
    r = NameResolver(router, book)
    assert await r.resolve("both.i2p") == D1
    assert await r.resolve("saved.i2p") == D2
    assert r.cached("saved.i2p") == D2


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (SamInvalidKey("x"), FailureKind.UNKNOWN_HOST),
        (SamKeyNotFound("x"), FailureKind.UNKNOWN_HOST),
        (SamConnectionClosed("gone"), FailureKind.ROUTER_DOWN),
        (SamTimeout("slow"), FailureKind.TIMEOUT),
        (SamRouterError("boom"), FailureKind.LOOKUP_FAILED),
    ],
)
async def test_lookup_failures_are_classified(error: Exception, kind: FailureKind) -> None:
    r = NameResolver(FakeRouter({"x.i2p": error}))
    with pytest.raises(ProxyFailure) as info:
        await r.resolve("x.i2p")
    assert info.value.kind is kind
    assert "x.i2p" in info.value.message


async def test_pinned_name_wins_over_the_router() -> None:
    router = FakeRouter({"a.i2p": D1})
    r = NameResolver(router)
    r.pin("A.i2p", D2)
    assert await r.resolve("a.i2p") == D2 and router.asked == []
