"""Two tunnels that listen on the same local address cannot both run.

Java I2P and i2pd accept such configs and then keep one listener (i2pd also swapped
the keys between them), so the app checks at import, at export and in the editor.
A wildcard address (0.0.0.0, ::) overlaps every address of its family on that port;
`::` overlaps IPv4 too, as a dual-stack socket does.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from i2ptunnel_gui.core.spec import TunnelSpec


@dataclass(frozen=True, slots=True)
class ListenClash:
    """`spec` listens where `other` (earlier in the list) already does."""

    spec: TunnelSpec
    other: TunnelSpec

    def __str__(self) -> str:
        return (f"{self.spec.name!r} listens on {listen_address(self.spec)}, "
                f"as {self.other.name!r} does ({listen_address(self.other)})")


def listen_address(spec: TunnelSpec) -> str:
    host = spec.listen_host
    return f"[{host}]:{spec.listen_port}" if ":" in host else f"{host}:{spec.listen_port}"


def _host(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | str:
    t = text.strip().strip("[]").lower()
    if t == "localhost":
        return ipaddress.IPv4Address("127.0.0.1")
    try:
        return ipaddress.ip_address(t)
    except ValueError:
        return t  # a name we do not resolve: equal only to itself


def _overlap(a: str, b: str) -> bool:
    ha, hb = _host(a), _host(b)
    if ha == hb:
        return True
    for x, y in ((ha, hb), (hb, ha)):
        if isinstance(x, ipaddress.IPv6Address) and x.is_unspecified:
            return True  # "::" takes the port on every address
        if isinstance(x, ipaddress.IPv4Address) and x.is_unspecified and not isinstance(
                y, ipaddress.IPv6Address):
            return True
    return False


def clashes_with(spec: TunnelSpec, others: Iterable[TunnelSpec]) -> TunnelSpec | None:
    """The first of `others` (not `spec` itself, by id) that listens where `spec` does.

    For the editor at Save: `others` are the app's other tunnels.
    """
    if not spec.listens or spec.listen_port == 0:
        return None  # port 0 = the system picks one: never a clash
    for o in others:
        if (o.id != spec.id and o.listens and o.listen_port == spec.listen_port
                and _overlap(o.listen_host, spec.listen_host)):
            return o
    return None


def listen_clashes(specs: Iterable[TunnelSpec]) -> list[ListenClash]:
    """Each tunnel that listens where an earlier one in `specs` already does."""
    seen: list[TunnelSpec] = []
    out: list[ListenClash] = []
    for spec in specs:
        other = clashes_with(spec, seen)
        if other is not None:
            out.append(ListenClash(spec, other))
        else:
            seen.append(spec)
    return out
