"""Access lists of server tunnels: who may open a stream to the service.

An *allow* list lets only its entries in, a *deny* list lets everyone in but
its entries. Entries are written as a b32 address, a base64 destination, a
44-character base64 destination hash (what Java's `i2cp.accessList` stores) or
an `.i2p` name; they all come down to the 32-byte hash of a destination, and
the check compares the hash of the peer destination SAM hands over with
STREAM ACCEPT, before the target is dialled. Names need the router: they are
resolved once when the tunnel starts (`resolve_access`) and the result is kept
and shown. An empty allow list would lock everyone out and is refused.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from i2ptunnel_gui.core.sam.errors import KeyFormatError
from i2ptunnel_gui.core.sam.keys import (
    B32_SUFFIX,
    b32decode,
    b32encode,
    b64decode,
    parse_destination,
)
from i2ptunnel_gui.core.text import Text, joined, text_of

HASH_LEN = 32
_SPLIT = re.compile(r"[\s,;]+")  # Java writes the list comma-separated; users paste lines
_B32 = re.compile(r"^[a-z2-7]{52}$")
_NAME = re.compile(r"^(?=.{1,255}$)([a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?\.)+i2p$")
_B64_HASH = re.compile(r"^[A-Za-z0-9\-~]{43}=$")
LOOKUP_TIMEOUT = 30.0  # seconds for all names of one list (one NAMING LOOKUP each)

EMPTY_ALLOW_LIST = Text(
    "the allow list is empty: it would refuse every client; add at least one "
    "destination or switch the access list off"
)


class AccessMode(StrEnum):
    OFF = "off"  # everyone may connect
    ALLOW = "allow"  # only the listed destinations ("whitelist")
    DENY = "deny"  # everyone but the listed destinations ("blacklist")


class AccessListError(ValueError):
    """An access list that cannot be used; the message names the line."""


@dataclass(frozen=True, slots=True)
class AccessEntry:
    """One entry as written, and the destination hash it stands for.

    `hash` is None for an `.i2p` name until `resolve_access` has looked it up.
    """

    text: str
    line: int  # 1-based line of the text it came from
    hash: bytes | None

    @property
    def b32(self) -> str:
        """The entry as a b32 address ('' for a name not resolved yet)."""
        return b32encode(self.hash) + B32_SUFFIX if self.hash is not None else ""


def entry_hash(text: str) -> bytes | None:
    """The destination hash an entry stands for; None for an `.i2p` name (needs a
    lookup). Raises AccessListError saying what the entry is not."""
    t = text.strip()
    low = t.lower()
    if low.endswith(B32_SUFFIX):
        head = low[: -len(B32_SUFFIX)]
        if _B32.fullmatch(head):
            return b32decode(head)
        if len(head) >= 56:
            raise AccessListError(Text(
                "{entry} is an encrypted-LeaseSet (b33) address; callers are known by "
                "their plain destination, list that one instead", entry=repr(t)))
        raise AccessListError(Text("{entry} is not a b32 address (52 letters a-z and digits "
                                   "2-7)", entry=repr(t)))
    if low.endswith(".i2p"):
        if _NAME.fullmatch(low):
            return None
        raise AccessListError(Text("{entry} is not a valid .i2p host name", entry=repr(t)))
    if _B64_HASH.fullmatch(t):
        return b64decode(t, "destination hash")
    if _B32.fullmatch(t):
        return b32decode(t)  # i2pd's accesslist writes b32 without the suffix
    try:
        return hashlib.sha256(parse_destination(t).raw).digest()
    except KeyFormatError as e:
        raise AccessListError(Text(
            "{entry} is not a destination (b32 address, base64 destination, destination "
            "hash or .i2p name): {why}", entry=repr(t[:60]), why=text_of(e))) from None


def split_entries(text: str) -> list[tuple[int, str]]:
    """(line number, entry) for every entry; blank lines and `#` comments skipped."""
    out: list[tuple[int, str]] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        body = raw.split("#", 1)[0]
        out.extend((n, item) for item in _SPLIT.split(body) if item)
    return out


def parse_entries(lines: Iterable[tuple[int, str]]) -> tuple[list[AccessEntry], list[str]]:
    """Entries and one message per bad entry ('line 3: ...'); duplicates kept once."""
    entries: list[AccessEntry] = []
    errors: list[str] = []
    seen: set[str] = set()
    for line, item in lines:
        try:
            h = entry_hash(item)
        except AccessListError as e:
            errors.append(Text("line {line}: {why}", line=line, why=text_of(e)))
            continue
        key = h.hex() if h is not None else item.lower()
        if key not in seen:
            seen.add(key)
            entries.append(AccessEntry(item, line, h))
    return entries, errors


def parse_access_text(text: str) -> list[AccessEntry]:
    """Entries of a pasted list or access file; AccessListError names every bad line."""
    entries, errors = parse_entries(split_entries(text))
    if errors:
        raise AccessListError("; ".join(errors))
    return entries


def check_access(mode: AccessMode, entries: Iterable[str]) -> list[str]:
    """Why a definition's access list cannot be used, one message each ([] = usable).

    `entries` are the stored entries, one per item, numbered from 1 in messages.
    """
    items = [e for e in entries if e.strip()]
    _, errors = parse_entries(enumerate(items, start=1))
    if mode is AccessMode.ALLOW and not items:
        errors.insert(0, EMPTY_ALLOW_LIST)
    return errors  # a list kept while switched off is checked too: it may be switched on


@dataclass(frozen=True, slots=True)
class AccessPolicy:
    """The check a running tunnel does per incoming stream."""

    mode: AccessMode
    hashes: frozenset[bytes]

    def permits(self, peer_hash: bytes) -> bool:
        if self.mode is AccessMode.ALLOW:
            return peer_hash in self.hashes
        if self.mode is AccessMode.DENY:
            return peer_hash not in self.hashes
        return True


OPEN_POLICY = AccessPolicy(AccessMode.OFF, frozenset())

Lookup = Callable[[str], Awaitable[str]]  # .i2p name -> base64 destination


@dataclass(frozen=True, slots=True)
class ResolvedAccess:
    policy: AccessPolicy
    entries: tuple[AccessEntry, ...]  # names now carry their hash
    unresolved: tuple[tuple[str, str], ...]  # (name, why) for names the router did not know


async def resolve_access(
    mode: AccessMode,
    entries: Iterable[str],
    lookup: Lookup,
    *,
    time_limit: float = LOOKUP_TIMEOUT,
) -> ResolvedAccess:
    """Parse the stored entries and look up the names once, under one `time_limit`.

    A name the router does not know cannot let anyone in, so an allow list goes on
    without it (reported in `unresolved`); on a deny list it would let its owner
    in unnoticed, so that raises AccessListError instead.
    """
    if mode is AccessMode.OFF:
        return ResolvedAccess(OPEN_POLICY, (), ())
    items = [e for e in entries if e.strip()]
    if mode is AccessMode.ALLOW and not items:
        raise AccessListError(EMPTY_ALLOW_LIST)
    parsed, errors = parse_entries(enumerate(items, start=1))
    if errors:
        raise AccessListError(Text("access list: {problems}", problems=joined(errors)))
    done: list[AccessEntry] = []
    unresolved: list[tuple[str, str]] = []
    async with asyncio.timeout(time_limit):
        for e in parsed:
            if e.hash is not None:
                done.append(e)
                continue
            try:
                dest = parse_destination(await lookup(e.text.lower()))
            except (KeyFormatError, LookupError, ValueError, OSError) as exc:
                unresolved.append((e.text, str(exc) or type(exc).__name__))
                continue
            done.append(AccessEntry(e.text, e.line, hashlib.sha256(dest.raw).digest()))
    if unresolved and mode is AccessMode.DENY:
        names = ", ".join(f"{n} ({why})" for n, why in unresolved)
        raise AccessListError(Text("deny list: cannot resolve {names}; refusing to start "
                                   "without it", names=names))
    hashes = frozenset(e.hash for e in done if e.hash is not None)
    return ResolvedAccess(AccessPolicy(mode, hashes), tuple(done), tuple(unresolved))


def describe_entry(entry: AccessEntry) -> str:
    """'name.i2p → xxxx.b32.i2p', or the b32 alone when that is what was written."""
    if entry.hash is None:
        return f"{entry.text} (not resolved)"
    b32 = entry.b32
    return b32 if entry.text.lower() == b32 else f"{entry.text} → {b32}"
