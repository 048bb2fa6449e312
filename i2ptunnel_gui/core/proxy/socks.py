"""SOCKS server handshake, sans-IO: SOCKS5 (RFC 1928, RFC 1929 auth) and SOCKS4/4a.

    neg = SocksNegotiation(credentials=None)      # or ("user", "password")
    step = neg.feed(data)        # send step.reply; step.request once the target is known
    ...                          # resolve / connect step.request.host
    neg.success() / neg.failure(FailureKind)      # the final reply bytes

The first byte tells the version, so both share one listener. Targets are returned
as names; IP address targets and commands other than CONNECT are answered with the
protocol's error codes right away (`step.reply`, then `step.closed`): an address is
never resolved or dialled locally. The bound address in replies is 0.0.0.0:0 (an
I2P stream has none).
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from enum import IntEnum

from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind

MAX_FIELD = 255  # SOCKS5 lengths are one byte; SOCKS4 strings are capped to the same


class Socks5Method(IntEnum):
    NO_AUTH = 0x00
    USER_PASSWORD = 0x02
    NONE_ACCEPTABLE = 0xFF


class Socks5Command(IntEnum):
    CONNECT = 0x01
    BIND = 0x02
    UDP_ASSOCIATE = 0x03


class Socks5AddressType(IntEnum):
    IPV4 = 0x01
    DOMAIN = 0x03
    IPV6 = 0x04


class Socks5Reply(IntEnum):
    SUCCEEDED = 0x00
    GENERAL_FAILURE = 0x01
    NOT_ALLOWED = 0x02
    NETWORK_UNREACHABLE = 0x03
    HOST_UNREACHABLE = 0x04
    CONNECTION_REFUSED = 0x05
    TTL_EXPIRED = 0x06
    COMMAND_NOT_SUPPORTED = 0x07
    ADDRESS_TYPE_NOT_SUPPORTED = 0x08


SOCKS4_GRANTED = 90
SOCKS4_REJECTED = 91


class SocksError(Exception):
    """The client sent something that is not a usable SOCKS handshake."""


@dataclass(frozen=True, slots=True)
class SocksRequest:
    version: int  # 4 or 5
    host: str  # lower-case name
    port: int
    user: str = ""  # SOCKS5 user name after auth, or the SOCKS4 user id


@dataclass(frozen=True, slots=True)
class SocksStep:
    reply: bytes = b""  # to send to the client now
    request: SocksRequest | None = None  # the CONNECT target, once complete
    closed: bool = False  # refused: send `reply`, then close
    error: str = ""  # why it was refused (for the log)
    rest: bytes = b""  # bytes after the request (the client's first data)


def _reply5(code: int) -> bytes:
    return bytes([5, code, 0, Socks5AddressType.IPV4, 0, 0, 0, 0, 0, 0])


def _reply4(code: int) -> bytes:
    return bytes([0, code, 0, 0, 0, 0, 0, 0])


class SocksNegotiation:
    """One client's handshake. Feed every byte read; act on each returned step."""

    def __init__(self, credentials: tuple[str, str] | None = None) -> None:
        self._credentials = credentials
        self._buf = bytearray()
        self._stage = "start"
        self._version = 0
        self._user = ""
        self.request: SocksRequest | None = None

    @property
    def version(self) -> int:
        return self._version

    def feed(self, data: bytes) -> SocksStep:
        """Process `data`; the step says what to send and whether the target is known.
        An incomplete message returns an empty step. After a `closed` step or a
        request, further feeding is an error."""
        if self._stage in ("done", "closed"):
            raise SocksError("the handshake is already over")
        self._buf += data
        replies = b""
        while True:
            step = self._advance()
            if step is None:
                return SocksStep(reply=replies)
            replies += step.reply
            if step.closed or step.request is not None:
                self._stage = "closed" if step.closed else "done"
                rest = bytes(self._buf)
                self._buf.clear()
                return SocksStep(replies, step.request, step.closed, step.error, rest)

    # a step per complete message; None = need more bytes
    def _advance(self) -> SocksStep | None:
        if self._stage == "start":
            if not self._buf:
                return None
            self._version = self._buf[0]
            if self._version == 5:
                self._stage = "greeting"
            elif self._version == 4:
                self._stage = "socks4"
            else:
                # not SOCKS (an HTTP request on the wrong port?): no reply format fits
                return SocksStep(closed=True, error=f"not SOCKS (first byte {self._buf[0]})")
        if self._stage == "socks4":
            return self._socks4()
        if self._stage == "greeting":
            return self._greeting()
        if self._stage == "auth":
            return self._auth()
        if self._stage == "request":
            return self._request5()
        return None

    def _take(self, n: int) -> bytes:
        out = bytes(self._buf[:n])
        del self._buf[:n]
        return out

    def _greeting(self) -> SocksStep | None:
        if len(self._buf) < 2 or len(self._buf) < 2 + self._buf[1]:
            return None
        n = self._buf[1]
        methods = set(self._take(2 + n)[2:])
        if n == 0:
            return SocksStep(
                bytes([5, Socks5Method.NONE_ACCEPTABLE]),
                closed=True,
                error="SOCKS5 greeting lists no authentication method",
            )
        want = Socks5Method.USER_PASSWORD if self._credentials else Socks5Method.NO_AUTH
        if want not in methods:
            why = "user name/password" if self._credentials else "no authentication"
            return SocksStep(
                bytes([5, Socks5Method.NONE_ACCEPTABLE]),
                closed=True,
                error=f"the SOCKS5 client does not offer {why}",
            )
        self._stage = "auth" if self._credentials else "request"
        return SocksStep(bytes([5, want]))

    def _auth(self) -> SocksStep | None:  # RFC 1929
        b = self._buf
        if len(b) < 2 or len(b) < 3 + b[1] or len(b) < 3 + b[1] + b[2 + b[1]]:
            return None
        if b[0] != 1:
            return SocksStep(bytes([1, 1]), closed=True, error=f"bad SOCKS5 auth version {b[0]}")
        ulen = b[1]
        plen = b[2 + ulen]
        msg = self._take(3 + ulen + plen)
        user, password = msg[2 : 2 + ulen], msg[3 + ulen :]
        assert self._credentials is not None
        want_user, want_pw = (s.encode() for s in self._credentials)
        ok = hmac.compare_digest(user, want_user) & hmac.compare_digest(password, want_pw)
        if not ok:
            return SocksStep(bytes([1, 1]), closed=True, error="SOCKS5 authentication failed")
        self._user = user.decode("utf-8", "replace")
        self._stage = "request"
        return SocksStep(bytes([1, 0]))

    def _request5(self) -> SocksStep | None:
        b = self._buf
        if len(b) < 5:
            return None
        atyp = b[3]
        if atyp == Socks5AddressType.IPV4:
            size = 4 + 4 + 2
        elif atyp == Socks5AddressType.IPV6:
            size = 4 + 16 + 2
        elif atyp == Socks5AddressType.DOMAIN:
            size = 4 + 1 + b[4] + 2
        else:
            return self._refuse5(
                Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED, f"unknown SOCKS5 address type {atyp}"
            )
        if len(b) < size:
            return None
        msg = self._take(size)
        ver, cmd = msg[0], msg[1]
        if ver != 5:
            return self._refuse5(Socks5Reply.GENERAL_FAILURE, f"bad SOCKS5 request version {ver}")
        port = int.from_bytes(msg[-2:], "big")
        if atyp == Socks5AddressType.DOMAIN:
            host = _name(msg[5:-2])
        else:
            host = str(ipaddress.ip_address(msg[4:-2]))
        if cmd != Socks5Command.CONNECT:
            what = {2: "BIND", 3: "UDP ASSOCIATE"}.get(cmd, f"command {cmd}")
            return self._refuse5(Socks5Reply.COMMAND_NOT_SUPPORTED, f"{what} is not supported")
        if atyp != Socks5AddressType.DOMAIN:
            return self._refuse5(
                Socks5Reply.ADDRESS_TYPE_NOT_SUPPORTED,
                f"{host} is an IP address: only .i2p names are reachable",
            )
        if host is None:
            return self._refuse5(Socks5Reply.GENERAL_FAILURE, "the target name is not text")
        return SocksStep(request=SocksRequest(5, host, port, self._user))

    def _refuse5(self, code: Socks5Reply, why: str) -> SocksStep:
        return SocksStep(_reply5(code), closed=True, error=why)

    def _socks4(self) -> SocksStep | None:
        b = self._buf
        if len(b) < 9:
            return None
        end_user = b.find(0, 8)
        if end_user < 0:
            return self._too_long4(len(b) - 8)
        ip = bytes(b[4:8])
        socks4a = ip[:3] == b"\0\0\0" and ip[3] != 0
        end = end_user
        if socks4a:
            end = b.find(0, end_user + 1)
            if end < 0:
                return self._too_long4(len(b) - end_user - 1)
        msg = self._take(end + 1)
        cmd, port = msg[1], int.from_bytes(msg[2:4], "big")
        user = msg[8:end_user].decode("utf-8", "replace")
        if cmd != 1:
            return SocksStep(
                _reply4(SOCKS4_REJECTED), closed=True, error="SOCKS4 BIND is not supported"
            )
        if not socks4a:
            return SocksStep(
                _reply4(SOCKS4_REJECTED),
                closed=True,
                error=f"{ipaddress.ip_address(ip)} is an IP address: "
                "only .i2p names are reachable (use SOCKS4a or SOCKS5)",
            )
        host = _name(msg[end_user + 1 : end])
        if host is None:
            return SocksStep(
                _reply4(SOCKS4_REJECTED), closed=True, error="the target name is not text"
            )
        return SocksStep(request=SocksRequest(4, host, port, user))

    def _too_long4(self, pending: int) -> SocksStep | None:
        if pending <= MAX_FIELD:
            return None
        return SocksStep(
            _reply4(SOCKS4_REJECTED), closed=True, error="SOCKS4 user id or name is too long"
        )

    # -- final replies ---------------------------------------------------------
    def success(self) -> bytes:
        return _reply4(SOCKS4_GRANTED) if self._version == 4 else _reply5(Socks5Reply.SUCCEEDED)

    def failure(self, kind: FailureKind) -> bytes:
        """The refusal for a target that could not be reached (then close)."""
        if self._version == 4:
            return _reply4(SOCKS4_REJECTED)
        return _reply5(kind.socks5_reply)


def _name(raw: bytes) -> str | None:
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        return None
    if not text or not text.isprintable() or any(c.isspace() for c in text):
        return None
    return text.lower().rstrip(".")
