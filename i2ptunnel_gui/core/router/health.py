"""The router's health from I2PControl's `RouterInfo`, in the app's words.

Keys and units as i2pd 2.45.1 answers them (measured, docs/I2PD.md): bandwidth in
bytes/s as floats, uptime in ms, `net.status` a number. i2pd leaves out keys it does not
know (Java I2P knows more), so every figure may be missing (None).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# asked for in one RouterInfo call
HEALTH_KEYS = (
    "i2p.router.version",
    "i2p.router.uptime",
    "i2p.router.net.status",
    "i2p.router.netdb.knownpeers",
    "i2p.router.netdb.activepeers",
    "i2p.router.net.tunnels.participating",
    "i2p.router.net.tunnels.successrate",
    "i2p.router.net.bw.inbound.1s",
    "i2p.router.net.bw.outbound.1s",
    "i2p.router.net.total.received.bytes",
    "i2p.router.net.total.sent.bytes",
)

# codes 0-2 mean the same in i2pd and Java I2P; above that they differ, so say the number
NET_STATUS = {0: "OK", 1: "Testing", 2: "Firewalled"}
# i2pd's own (RouterContext.h RouterStatus), for the managed router
I2PD_NET_STATUS = {**NET_STATUS, 3: "Unknown", 4: "Proxy", 5: "Mesh"}


@dataclass(frozen=True, slots=True)
class RouterHealth:
    version: str = ""
    uptime_s: float | None = None
    net_status: int | None = None
    known_peers: int | None = None
    active_peers: int | None = None
    participating_tunnels: int | None = None
    tunnel_success_percent: int | None = None
    bw_in: float | None = None  # bytes/s
    bw_out: float | None = None
    received_bytes: float | None = None
    sent_bytes: float | None = None
    sampled_at: float = field(default_factory=time.time)
    status_names: Mapping[int, str] = field(default_factory=lambda: NET_STATUS, compare=False)

    @property
    def net_status_text(self) -> str:
        if self.net_status is None:
            return "unknown"
        return self.status_names.get(self.net_status, f"status {self.net_status}")

    def activity(self) -> str:
        """What the router is busy with, for tunnels that wait for it ("" = ready)."""
        if self.known_peers is not None and self.known_peers <= 1:  # only itself
            return "finding peers (reseeding)"
        if self.active_peers == 0:
            return f"connecting to peers ({self.known_peers} known)"
        if self.net_status == 1:
            return "testing its reachability"
        return ""

    def summary(self) -> str:
        """One line for a status bar."""
        parts = [f"network {self.net_status_text}"]
        if self.known_peers is not None:
            parts.append(f"peers {self.active_peers or 0}/{self.known_peers}")
        if self.participating_tunnels is not None:
            parts.append(f"transit tunnels {self.participating_tunnels}")
        if self.bw_in is not None and self.bw_out is not None:
            parts.append(f"↓ {_rate(self.bw_in)} ↑ {_rate(self.bw_out)}")
        return " · ".join(parts)


def parse_health(
    result: Mapping[str, Any],
    *,
    now: float | None = None,
    status_names: Mapping[int, str] = NET_STATUS,
) -> RouterHealth:
    """RouterInfo's result → RouterHealth; a value of the wrong type counts as missing."""

    def num(key: str) -> float | None:
        value = result.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            return None
        try:
            return float(value)
        except ValueError:
            return None

    def whole(key: str) -> int | None:
        value = num(key)
        return None if value is None else int(value)

    uptime = num("i2p.router.uptime")
    version = result.get("i2p.router.version")
    return RouterHealth(
        version=version if isinstance(version, str) else "",
        uptime_s=None if uptime is None else uptime / 1000.0,
        net_status=whole("i2p.router.net.status"),
        known_peers=whole("i2p.router.netdb.knownpeers"),
        active_peers=whole("i2p.router.netdb.activepeers"),
        participating_tunnels=whole("i2p.router.net.tunnels.participating"),
        tunnel_success_percent=whole("i2p.router.net.tunnels.successrate"),
        bw_in=num("i2p.router.net.bw.inbound.1s"),
        bw_out=num("i2p.router.net.bw.outbound.1s"),
        received_bytes=num("i2p.router.net.total.received.bytes"),
        sent_bytes=num("i2p.router.net.total.sent.bytes"),
        sampled_at=time.time() if now is None else now,
        status_names=status_names,
    )


def _rate(bps: float) -> str:
    for unit in ("B/s", "KiB/s", "MiB/s"):
        if bps < 1024 or unit == "MiB/s":
            return f"{bps:.0f} {unit}" if unit == "B/s" else f"{bps:.1f} {unit}"
        bps /= 1024
    return ""  # unreachable: the loop returns at MiB/s
