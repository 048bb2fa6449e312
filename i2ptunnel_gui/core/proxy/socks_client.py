"""The SOCKS5 client side, sans-IO: what a SOCKS tunnel says to its outproxy (a SOCKS
server on I2P) to reach a host outside I2P. No authentication; the target is sent as
a name (the outproxy resolves it: nothing is looked up locally)."""

from __future__ import annotations

import struct

from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind
from i2ptunnel_gui.core.proxy.socks import Socks5AddressType, Socks5Reply

GREETING = b"\x05\x01\x00"  # version 5, one method: no authentication
METHOD_OK = b"\x05\x00"


class OutproxyError(Exception):
    """The outproxy refused or spoke something else; `kind` says how to report it."""

    def __init__(self, kind: FailureKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def connect_request(host: str, port: int) -> bytes:
    name = host.encode("ascii")
    if not 0 < len(name) <= 255:
        raise ValueError(f"host name {host!r} cannot be sent over SOCKS5")
    return bytes([5, 1, 0, Socks5AddressType.DOMAIN, len(name)]) + name + struct.pack(">H", port)


def reply_length(buf: bytes) -> int | None:
    """Length of the complete CONNECT reply at the start of `buf`, None if incomplete.
    Raises OutproxyError for a reply that is not SOCKS5."""
    if len(buf) < 5:
        return None
    if buf[0] != 5:
        raise OutproxyError(FailureKind.UNREACHABLE, "the outproxy does not speak SOCKS5")
    atyp = buf[3]
    sizes: dict[int, int] = {Socks5AddressType.IPV4: 4, Socks5AddressType.IPV6: 16}
    if atyp == Socks5AddressType.DOMAIN:
        size = 4 + 1 + buf[4] + 2
    elif atyp in sizes:
        size = 4 + sizes[atyp] + 2
    else:
        raise OutproxyError(FailureKind.UNREACHABLE, f"outproxy reply has address type {atyp}")
    return size if len(buf) >= size else None


_KINDS: dict[int, FailureKind] = {
    Socks5Reply.NOT_ALLOWED: FailureKind.NOT_I2P,
    Socks5Reply.TTL_EXPIRED: FailureKind.TIMEOUT,
    Socks5Reply.COMMAND_NOT_SUPPORTED: FailureKind.UNSUPPORTED,
    Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED: FailureKind.UNSUPPORTED,
}


def check_reply(reply: bytes, host: str) -> None:
    """OutproxyError unless `reply` (complete) says the connection is up."""
    code = reply[1]
    if code == Socks5Reply.SUCCEEDED:
        return
    try:
        what = Socks5Reply(code).name.replace("_", " ").lower()
    except ValueError:
        what = f"code {code}"
    raise OutproxyError(_KINDS.get(code, FailureKind.UNREACHABLE),
                        f"the outproxy could not reach {host}: {what}")  # fmt: skip
