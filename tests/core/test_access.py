"""Access lists: entry forms, per-line errors, the empty allow list, name lookups."""

from __future__ import annotations

import asyncio
import hashlib
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i2ptunnel_gui.core.policy.access import (
    EMPTY_ALLOW_LIST,
    AccessListError,
    AccessMode,
    AccessPolicy,
    check_access,
    describe_entry,
    entry_hash,
    parse_access_text,
    resolve_access,
)
from i2ptunnel_gui.core.sam.errors import SamKeyNotFound
from i2ptunnel_gui.core.sam.keys import b32encode, b64encode, build_destination


def new_dest():  # type: ignore[no-untyped-def]
    return build_destination(os.urandom(256), os.urandom(32), sig_type=7)


def digest(dest) -> bytes:  # type: ignore[no-untyped-def]
    return hashlib.sha256(dest.raw).digest()


def test_every_written_form_of_one_destination_gives_its_hash() -> None:
    d = new_dest()
    h = digest(d)
    assert entry_hash(d.b32_address) == h
    assert entry_hash(d.b32_address.upper()) == h  # pasted in capitals
    assert entry_hash(d.b32) == h  # i2pd's accesslist: b32 without the suffix
    assert entry_hash(d.b64) == h
    assert entry_hash(b64encode(h)) == h  # Java's i2cp.accessList stores hashes
    assert entry_hash("  " + d.b32_address + " ") == h
    assert entry_hash("friend.i2p") is None  # a name: looked up at start


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("abc.b32.i2p", "not a b32 address"),
        ("a" * 60 + ".b32.i2p", "b33"),
        ("-bad-.i2p", "not a valid .i2p host name"),
        ("example.com", "not a destination"),
        ("AAAA", "not a destination"),
        ("1.2.3.4", "not a destination"),
    ],
)
def test_an_entry_that_is_not_a_destination_says_what_it_is_not(text: str, words: str) -> None:
    with pytest.raises(AccessListError, match=words):
        entry_hash(text)


def test_pasted_text_splits_lines_commas_and_comments_and_names_bad_lines() -> None:
    a, b = new_dest(), new_dest()
    text = f"# friends\n{a.b32_address}\n\n{b.b64}, friend.i2p  # Bob\n{a.b32}\n"
    entries = parse_access_text(text)
    assert [e.line for e in entries] == [2, 4, 4]  # the repeat of a (line 5) kept once
    assert entries[0].hash == digest(a) and entries[1].hash == digest(b)
    assert entries[2].hash is None and entries[2].text == "friend.i2p"
    with pytest.raises(AccessListError) as info:
        parse_access_text(f"{a.b32_address}\nnot-a-dest\n{b.b32_address}\nxyz.b32.i2p\n")
    msg = str(info.value)
    assert "line 2: 'not-a-dest'" in msg and "line 4: " in msg and "line 1" not in msg


def test_an_empty_allow_list_is_refused_but_an_empty_deny_list_is_not() -> None:
    assert check_access(AccessMode.ALLOW, []) == [EMPTY_ALLOW_LIST]
    assert check_access(AccessMode.ALLOW, ["  "]) == [EMPTY_ALLOW_LIST]
    assert "refuse every client" in EMPTY_ALLOW_LIST
    assert check_access(AccessMode.DENY, []) == []
    assert check_access(AccessMode.OFF, []) == []
    assert check_access(AccessMode.ALLOW, [new_dest().b32_address]) == []
    errs = check_access(AccessMode.OFF, ["x.b32.i2p"])  # kept while off: still checked
    assert errs and errs[0].startswith("line 1: ")


def test_policy_decides_on_the_peer_hash() -> None:
    a, b = new_dest(), new_dest()
    allow = AccessPolicy(AccessMode.ALLOW, frozenset({digest(a)}))
    deny = AccessPolicy(AccessMode.DENY, frozenset({digest(a)}))
    assert allow.permits(digest(a)) and not allow.permits(digest(b))
    assert not deny.permits(digest(a)) and deny.permits(digest(b))
    assert AccessPolicy(AccessMode.OFF, frozenset({digest(a)})).permits(digest(a))


@given(st.binary(min_size=32, max_size=32), st.sampled_from(["b32", "addr", "hash"]))
def test_any_hash_written_any_way_round_trips(h: bytes, form: str) -> None:
    text = {"b32": b32encode(h), "addr": b32encode(h) + ".b32.i2p", "hash": b64encode(h)}[form]
    assert entry_hash(text) == h


@given(st.text(max_size=80))
def test_arbitrary_text_is_an_entry_a_name_or_a_clear_error(text: str) -> None:
    try:
        h = entry_hash(text)
    except AccessListError as e:
        assert str(e)
    else:
        assert h is None or len(h) == 32


async def test_names_are_resolved_once_and_shown_resolved() -> None:
    a, friend = new_dest(), new_dest()
    asked: list[str] = []

    async def lookup(name: str) -> str:
        asked.append(name)
        if name == "friend.i2p":
            return friend.b64
        raise SamKeyNotFound("name not found")

    r = await resolve_access(AccessMode.ALLOW, [a.b32_address, "Friend.i2p", "gone.i2p"], lookup)
    assert asked == ["friend.i2p", "gone.i2p"]
    assert r.policy.permits(digest(friend)) and r.policy.permits(digest(a))
    assert not r.policy.permits(digest(new_dest()))
    assert [n for n, _ in r.unresolved] == ["gone.i2p"]
    shown = [describe_entry(e) for e in r.entries]
    assert shown == [a.b32_address, f"Friend.i2p → {friend.b32_address}"]


async def test_a_deny_list_name_that_cannot_be_resolved_stops_the_start() -> None:
    async def lookup(name: str) -> str:
        raise SamKeyNotFound("name not found")

    with pytest.raises(AccessListError, match=r"deny list: cannot resolve foe\.i2p"):
        await resolve_access(AccessMode.DENY, ["foe.i2p"], lookup)


async def test_resolution_errors_and_limits() -> None:
    async def never(name: str) -> str:
        await asyncio.sleep(10)
        return ""

    with pytest.raises(TimeoutError):
        await resolve_access(AccessMode.ALLOW, ["slow.i2p"], never, time_limit=0.05)
    with pytest.raises(AccessListError, match="empty"):
        await resolve_access(AccessMode.ALLOW, [], never)
    with pytest.raises(AccessListError, match="line 2"):
        await resolve_access(AccessMode.DENY, [new_dest().b32_address, "nope"], never)
    off = await resolve_access(AccessMode.OFF, ["nope"], never)
    assert off.policy.permits(b"\0" * 32)
