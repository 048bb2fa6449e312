"""Who a server tunnel lets through to its service, and the checks on those settings.

`ServerGate` is the per-stream decision of a running server tunnel, taken on the
peer destination SAM hands over with STREAM ACCEPT and before the target is
dialled: the I2P port, the access list, then the connection-rate limits. A
refused stream is closed at once by the caller; the gate counts it per reason.
`policy_problems` checks the same settings in a definition (core/spec.py calls
it with plain values, so this module does not import the spec).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from i2ptunnel_gui.core.addresses import SpecError, check_host, check_port, parse_hostport
from i2ptunnel_gui.core.policy.access import AccessMode, AccessPolicy, check_access
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits, ConnThrottle
from i2ptunnel_gui.core.policy.post_limits import PostLimits
from i2ptunnel_gui.core.policy.refusals import Refusal, RefusalCounter
from i2ptunnel_gui.core.sam.keys import Destination
from i2ptunnel_gui.core.text import Text, joined


@dataclass(frozen=True, slots=True)
class Admission:
    """A stream let through: its peer, and the peer's hash (for POST limits)."""

    peer: Destination
    peer_hash: bytes


class ServerGate:
    """Sans-IO admission of incoming streams; lives as long as its tunnel."""

    def __init__(self, access: AccessPolicy, limits: ConnLimits, *, i2p_port: int = 0) -> None:
        self.access = access
        self.throttle = ConnThrottle(limits) if limits.any else None
        self.i2p_port = i2p_port
        self.refusals = RefusalCounter()

    def check(
        self, peer: Destination, to_port: int = 0, *, full: bool = False
    ) -> Admission | Refusal:
        """Admission, or the reason the stream must be closed (already counted).

        `to_port`: the TO_PORT of the stream (0 when the bridge gives none); with
        ports configured, SAM 3.2+ is required at start (core/policy/i2p_ports.py).
        `full`: the tunnel has its maximum of concurrent connections open; checked
        before the rates, so a stream refused for that does not use up a rate.
        """
        peer_hash = hashlib.sha256(peer.raw).digest()
        why: Refusal | None = None
        if self.i2p_port and to_port != self.i2p_port:
            why = Refusal.I2P_PORT
        elif not self.access.permits(peer_hash):
            why = Refusal.ACCESS_LIST
        elif full:
            why = Refusal.MAX_CONCURRENT
        elif self.throttle is not None:
            why = self.throttle.admit(peer_hash)
        if why is not None:
            self.refusals.add(why)
            return why
        return Admission(peer, peer_hash)


def check_host_override(text: str) -> str | None:
    """None if `text` is a host or host:port a Host header may carry, else why not."""
    if not text:
        return None
    if ":" in text:  # host:port or [v6]:port
        try:
            parse_hostport(text)
        except SpecError as e:
            return Text("Host override: {why}", why=e.message)
        return None
    why = check_host(text)
    return Text("Host override: {why}", why=why) if why else None


def policy_problems(
    *,
    serves: bool,
    http: bool,
    connects: bool,
    access_mode: AccessMode,
    access_list: tuple[str, ...],
    conn_limits: ConnLimits,
    post_limits: PostLimits,
    host_override: str,
    i2p_port: int,
) -> list[tuple[str, str]]:
    """(field, why) for each problem of a definition's server-policy settings.

    `serves`: a server kind (I2P streams into a local service); `http`: the HTTP
    server kind; `connects`: a client kind (connects to an I2P destination).
    """
    out: list[tuple[str, str]] = []
    if serves:
        if access_errors := check_access(access_mode, access_list):
            out.append(("access_list", joined(access_errors)))  # one message per field
        out += [("conn_limits", why) for _, why in conn_limits.problems()]
    else:
        if access_mode is not AccessMode.OFF:
            out.append(("access_mode", Text("only server tunnels have an access list")))
        if conn_limits.any:
            out.append(("conn_limits", Text("only server tunnels have connection-rate limits")))
    if http:
        out += post_limits.problems()
        if (why := check_host_override(host_override)) is not None:
            out.append(("host_override", why))
    else:
        if post_limits.any:
            out.append(("post_limits", Text("only HTTP server tunnels have POST limits")))
        if host_override:
            out.append(("host_override", Text("only HTTP server tunnels rewrite the Host header")))
    if i2p_port:
        if not (serves or connects):
            # a proxy or IRC tunnel: each connection or server list names its own peer
            out.append(("i2p_port", Text("only I2P server and client tunnels have an I2P port")))
        elif (why := check_port(i2p_port)) is not None:
            out.append(("i2p_port", Text("I2P {why} (0 = any)", why=why)))
    return out


def _whole(value: Any) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(value)
    return int(value)


def policy_from_dict(kw: dict[str, Any]) -> None:
    """The policy fields of a TunnelSpec from plain data (settings JSON), in place;
    SpecError names the bad field."""
    if "access_mode" in kw:
        try:
            kw["access_mode"] = AccessMode(kw["access_mode"])
        except ValueError:
            raise SpecError("access_mode", f"unknown access mode {kw['access_mode']!r}") from None
    if "access_list" in kw:
        items = kw["access_list"] or ()
        if isinstance(items, str) or not all(isinstance(i, str) for i in items):
            raise SpecError("access_list", "access_list must be a list of strings")
        kw["access_list"] = tuple(items)
    limit_types: tuple[tuple[str, type[ConnLimits] | type[PostLimits]], ...] = (
        ("conn_limits", ConnLimits),
        ("post_limits", PostLimits),
    )
    for name, cls in limit_types:
        data = kw.get(name)
        if data is None or isinstance(data, cls):
            continue
        known = {f.name for f in dataclasses.fields(cls)}
        if not isinstance(data, Mapping) or set(data) - known:
            raise SpecError(name, f"{name} must be a mapping of {', '.join(sorted(known))}")
        try:
            kw[name] = cls(**{k: _whole(v) for k, v in data.items()})
        except (TypeError, ValueError):
            raise SpecError(name, f"{name}: every value must be a whole number") from None
