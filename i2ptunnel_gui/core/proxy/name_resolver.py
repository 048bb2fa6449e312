"""Which I2P destination a proxy connects to for a host name. Never DNS.

- `*.b32.i2p`: the address itself (the router finds the LeaseSet by its hash).
- other `*.i2p`: a destination the user chose from a jump link (`pin`), a cached
  answer, else the router (`NAMING LOOKUP`), else the app's address book. Router
  answers are cached for `ttl` seconds (bounded, oldest out).
- anything else: `ProxyFailure(NOT_I2P)` or `IP_ADDRESS`; the caller decides whether
  an outproxy takes it instead.

The router lookup is injected (`lookup(name) -> base64`), so this runs without a
router in tests; the tunnel passes its session's `naming_lookup`.
"""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from i2ptunnel_gui.core.proxy.addressbook import AddressBook
from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure, as_failure, classify
from i2ptunnel_gui.core.sam.keys import is_b32_address

Lookup = Callable[[str], Awaitable[str]]

CACHE_TTL = 3600.0  # seconds a router answer is reused
CACHE_SIZE = 1024  # names


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def check_i2p_host(host: str) -> None:
    """ProxyFailure unless `host` is a `.i2p` name or a b32 address."""
    h = host.lower().rstrip(".")
    if is_ip_literal(h):
        raise ProxyFailure(FailureKind.IP_ADDRESS, f"{host} is an IP address, not an I2P host")
    if not h.endswith(".i2p") or h == ".i2p":
        raise ProxyFailure(FailureKind.NOT_I2P, f"{host} is not an .i2p address")
    if h.endswith(".b32.i2p") and not is_b32_address(h) and not _is_b33(h):
        raise ProxyFailure(FailureKind.BAD_REQUEST, f"{host} is not a valid .b32.i2p address")


def _is_b33(host: str) -> bool:  # encrypted LeaseSet addresses: 56+ base32 characters
    label = host[: -len(".b32.i2p")]
    return len(label) >= 56 and all(c in "abcdefghijklmnopqrstuvwxyz234567" for c in label)


class NameResolver:
    """Host name -> what STREAM CONNECT takes (b32 or base64), cached."""

    def __init__(
        self,
        lookup: Lookup,
        book: AddressBook | None = None,
        *,
        ttl: float = CACHE_TTL,
        size: int = CACHE_SIZE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lookup = lookup
        self.book = book
        self._ttl = ttl
        self._size = size
        self._clock = clock
        self._cache: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._pinned: dict[str, str] = {}  # chosen by the user: until the tunnel stops
        self.hits = 0
        self.lookups = 0

    def cached(self, host: str) -> str | None:
        """A destination known without asking the router (cache or address book)."""
        h = host.lower().rstrip(".")
        if h in self._pinned:
            return self._pinned[h]
        entry = self._cache.get(h)
        if entry is not None and self._clock() < entry[0]:
            return entry[1]
        return self.book.lookup(h) if self.book is not None else None

    def pin(self, host: str, dest: str) -> None:
        """Use `dest` for `host` from now on, whatever the router says (a jump link
        the user confirmed)."""
        self._pinned[host.lower().rstrip(".")] = dest

    async def resolve(self, host: str) -> str:
        """The destination to connect to for `host`; ProxyFailure when there is none."""
        check_i2p_host(host)
        h = host.lower().rstrip(".")
        if h.endswith(".b32.i2p"):
            return h
        if h in self._pinned:
            self.hits += 1
            return self._pinned[h]
        entry = self._cache.get(h)
        if entry is not None:
            if self._clock() < entry[0]:
                self._cache.move_to_end(h)
                self.hits += 1
                return entry[1]
            del self._cache[h]
        self.lookups += 1
        try:
            dest = await self._lookup(h)
        except Exception as e:
            saved = self.book.lookup(h) if self.book is not None else None
            if saved is not None:
                return saved
            kind = classify(e)
            if kind is FailureKind.UNKNOWN_HOST:
                why = f"{h} is not known to the router or the address book"
                raise ProxyFailure(kind, why) from None
            if kind is FailureKind.ROUTER_DOWN:
                raise as_failure(e, f"looking up {h}") from e
            if kind is FailureKind.TIMEOUT:
                raise ProxyFailure(kind, f"looking up {h}: no answer in time") from e
            raise ProxyFailure(FailureKind.LOOKUP_FAILED, f"looking up {h}: {e}") from e
        self._cache[h] = (self._clock() + self._ttl, dest)
        if len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return dest

    def forget(self, host: str) -> None:
        """Drop a cached answer (its destination stopped answering)."""
        self._cache.pop(host.lower().rstrip("."), None)
