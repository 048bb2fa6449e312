"""Why a proxied request failed, once, for every proxy kind.

An HTTP proxy answers a `ProxyFailure` with an error page of `kind.http_status`,
a SOCKS tunnel with `kind.socks5_reply` (SOCKS4 has one code for every failure).
`classify(exc)` maps what the SAM layer raised to a kind, keeping its text.
"""

from __future__ import annotations

from enum import Enum

from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.sam.errors import (
    SamError,
    SamInvalidId,
    SamInvalidKey,
    SamKeyNotFound,
    SamLeaseSetNotFound,
    SamPeerNotFound,
    SamPeerUnreachable,
    SamTimeout,
    SamUnreachable,
)


class FailureKind(Enum):
    """(HTTP status, SOCKS5 reply code RFC 1928 §6, title, what to try)."""

    BAD_REQUEST = (
        400,
        0x01,
        "Bad request",
        "Check the address; the browser sent something this proxy cannot read.",
    )
    NOT_I2P = (
        403,
        0x02,
        "Not an I2P address",
        "This proxy only reaches .i2p sites. "
        "Configure an outproxy for this tunnel to reach other addresses.",
    )
    IP_ADDRESS = (
        403,
        0x08,
        "IP addresses are not reachable through I2P",
        "Use an .i2p or .b32.i2p name: addresses are never resolved or dialled locally.",
    )
    UNSUPPORTED = (
        501,
        0x07,
        "Not supported",
        "Only CONNECT (and plain HTTP requests through the HTTP proxy) are supported.",
    )
    UNKNOWN_HOST = (
        404,
        0x04,
        "Unknown I2P host",
        "The router and the address book do "
        "not know this name. Use its .b32.i2p address, or a jump link "
        "(?i2paddresshelper=) from a site you trust.",
    )
    LOOKUP_FAILED = (
        502,
        0x04,
        "Name lookup failed",
        "The router could not be asked for this name. Try again in a moment.",
    )
    UNREACHABLE = (
        502,
        0x04,
        "Destination unreachable",
        "The site is not online or not "
        "reachable yet; a newly started site can take a few minutes to appear.",
    )
    TIMEOUT = (
        504,
        0x06,
        "Timed out",
        "The destination did not answer in time. I2P sites can be slow; try again.",
    )
    ROUTER_DOWN = (
        503,
        0x01,
        "I2P router unavailable",
        "Check that the I2P router is "
        "running and its SAM bridge is enabled; the tunnel reconnects by itself.",
    )

    def __init__(self, http_status: int, socks5_reply: int, title: str, hint: str) -> None:
        self.http_status = http_status
        self.socks5_reply = socks5_reply
        self.title = title
        self.hint = hint


class ProxyFailure(TunnelError):  # noqa: N818 -- reads as a domain noun
    """One proxied request cannot be served; the tunnel goes on."""

    def __init__(self, kind: FailureKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def classify(exc: BaseException) -> FailureKind:
    """The failure kind of an exception raised while resolving or connecting."""
    if isinstance(exc, ProxyFailure):
        return exc.kind
    if isinstance(exc, SamKeyNotFound | SamInvalidKey):  # i2pd: INVALID_KEY for names
        return FailureKind.UNKNOWN_HOST
    if isinstance(exc, SamPeerUnreachable | SamPeerNotFound | SamLeaseSetNotFound):
        return FailureKind.UNREACHABLE
    if isinstance(exc, TimeoutError):  # SamTimeout too
        return FailureKind.TIMEOUT
    if isinstance(exc, SamUnreachable | SamInvalidId):  # router gone, session forgotten
        return FailureKind.ROUTER_DOWN
    if isinstance(exc, SamError):
        return FailureKind.UNREACHABLE
    if isinstance(exc, ConnectionError | OSError):
        return FailureKind.ROUTER_DOWN
    return FailureKind.UNREACHABLE


def as_failure(exc: BaseException, what: str) -> ProxyFailure:
    """`exc` as a ProxyFailure whose text names `what` (host or destination)."""
    if isinstance(exc, ProxyFailure):
        return exc
    kind = classify(exc)
    text = str(exc) or type(exc).__name__
    if isinstance(exc, TimeoutError) and not isinstance(exc, SamTimeout) and not str(exc):
        text = "no answer in time"
    return ProxyFailure(kind, f"{what}: {text}")
