"""The request head an HTTP proxy tunnel reads from a browser, and the head it sends on.

Sans-IO: `HeadReader.feed(bytes)` returns a `ProxyRequest` once the head is complete
(parsed by h11, not by hand) or None for "more bytes"; it raises `ProxyHeadError`
with the HTTP status to answer (400 malformed, 431 head too large, 501 scheme). Only
the head is parsed: the body and the response are relayed as bytes by the engine
(`ProxyRequest.body_prefix` holds body bytes that came with the head).

`forward_head(request, ...)` writes the head for the I2P side, privacy-filtered as the
routers' proxies do (see `DROPPED_HEADERS` and `forward_headers`). Towards I2P the
proxy always sends `Connection: close`: one request per I2P stream, so a second
request on the browser's connection can never reach the first request's host, and
the engine relays the response untouched (no response parsing for keep-alive).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, replace
from enum import StrEnum
from urllib.parse import SplitResult, parse_qsl, urlsplit, urlunsplit

import h11

from i2ptunnel_gui.core.addresses import port_from_text

MAX_HEAD = 16 * 1024  # bytes; a larger head is answered 431 (h11's default limit too)
HEAD_TIMEOUT = 30.0  # seconds for the whole head: a slow sender is closed after this
USER_AGENT = "MYOB/6.66 (AN/ON)"  # what Java I2P's proxy sends: all users look alike
ADDRESS_HELPER = "i2paddresshelper"
LOCAL_HOST = "proxy.i2p"  # answered by the proxy itself (address helper confirmations)

# Headers never sent on (compared lower-case): hop-by-hop headers (RFC 9110 §7.6.1;
# the proxy sets its own Connection) and headers that identify the user or the
# route (Java I2P's and i2pd's proxies drop the same). `Upgrade` goes too:
# `Connection: close` rules out a protocol switch.
DROPPED_HEADERS = frozenset(
    {
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "upgrade",
        "proxy-connection",
        "proxy-authorization",
        "proxy-authenticate",
        "via",
        "forwarded",
        "from",
        "x-real-ip",
        "x-client-ip",
        "client-ip",
    }
)
DROPPED_PREFIXES = ("x-forwarded-", "proxy-")


class HostKind(StrEnum):
    B32 = "b32"  # <52+ base32>.b32.i2p: the destination's hash, no lookup needed
    I2P_NAME = "i2p name"  # any other .i2p name: router lookup, then the address book
    LOCAL = "local"  # proxy.i2p: pages of the proxy itself
    OTHER = "other"  # not I2P: refused unless an outproxy is configured


class ProxyHeadError(Exception):
    """The head cannot be served; `status` is the HTTP status of the error page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class ProxyRequest:
    """One request head as the browser sent it, with its target taken apart."""

    method: str
    target: str  # as received: absolute URI, or host:port for CONNECT
    http_version: str  # "1.0" / "1.1"
    headers: tuple[tuple[bytes, bytes], ...]  # names as sent (case kept)
    host: str  # lower-case, without a trailing dot or brackets
    port: int
    path: str  # origin form ("/x?q") to send on; "" for CONNECT
    scheme: str  # "http", or "" for CONNECT
    address_helper: str | None = None  # ?i2paddresshelper= value, removed from `path`
    body_prefix: bytes = b""  # bytes after the head that came with it

    @property
    def is_connect(self) -> bool:
        return self.method == "CONNECT"

    @property
    def host_kind(self) -> HostKind:
        return classify_host(self.host)

    @property
    def url(self) -> str:
        """The URL without the address helper (for redirects, pages and the log)."""
        if self.is_connect:
            return f"{self.host}:{self.port}"
        return f"{self.scheme}://{self.authority}{self.path}"

    @property
    def authority(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == 80 else f"{host}:{self.port}"

    def header(self, name: str) -> str | None:
        """The first value of header `name` (any case), latin-1 decoded."""
        low = name.lower().encode()
        for k, v in self.headers:
            if k.lower() == low:
                return v.decode("latin-1")
        return None


def classify_host(host: str) -> HostKind:
    h = host.lower()
    if h == LOCAL_HOST:
        return HostKind.LOCAL
    if h.endswith(".b32.i2p"):
        return HostKind.B32
    if h.endswith(".i2p") and h != ".i2p":
        return HostKind.I2P_NAME
    return HostKind.OTHER


class HeadReader:
    """Feed bytes from the browser until a whole request head is there."""

    def __init__(self, max_head: int = MAX_HEAD) -> None:
        self._h11 = h11.Connection(h11.SERVER, max_incomplete_event_size=max_head)
        self._max_head = max_head
        self._fed = 0
        self._done = False

    def feed(self, data: bytes) -> ProxyRequest | None:
        """The parsed head, or None when more bytes are needed. `b""` = the browser
        closed: raises ProxyHeadError(400) if a head had begun."""
        if self._done:
            raise RuntimeError("the head was already read")
        self._h11.receive_data(data)
        self._fed += len(data)
        try:
            event = self._h11.next_event()
        except h11.RemoteProtocolError as e:
            status = e.error_status_hint
            if status == 431:
                raise ProxyHeadError(431, "the request head is too large") from None
            raise ProxyHeadError(400, f"malformed request: {e}") from None
        if event is h11.NEED_DATA:
            return None
        if isinstance(event, h11.ConnectionClosed):
            raise ProxyHeadError(400, "the connection closed before a request was sent")
        if not isinstance(event, h11.Request):  # pragma: no cover - h11 gives Request first
            raise ProxyHeadError(400, "malformed request")
        self._done = True
        rest, _closed = self._h11.trailing_data
        if self._fed - len(rest) > self._max_head:  # h11 only caps a head still incomplete
            raise ProxyHeadError(431, "the request head is too large")
        return parse_request(event, bytes(rest))


def parse_request(event: h11.Request, body_prefix: bytes = b"") -> ProxyRequest:
    """Take a request's target apart: CONNECT authority or absolute http URI."""
    method = event.method.decode("ascii")
    target = event.target.decode("ascii")  # h11 allows visible ASCII only
    base = ProxyRequest(
        method=method,
        target=target,
        http_version=event.http_version.decode("ascii"),
        headers=tuple((bytes(k), bytes(v)) for k, v in event.headers.raw_items()),
        host="",
        port=0,
        path="",
        scheme="",
        body_prefix=body_prefix,
    )
    if method == "CONNECT":
        host, port = split_authority(target, default_port=None)
        return replace(base, host=host, port=port)
    if target.startswith("/") or target == "*":
        raise ProxyHeadError(
            400,
            "this is an HTTP proxy, not a web server: set it as the browser's proxy "
            "and open an http://….i2p address",
        )
    try:
        url = urlsplit(target)
    except ValueError as e:
        raise ProxyHeadError(400, f"malformed URL {target!r}: {e}") from None
    scheme = url.scheme.lower()
    if scheme != "http":
        why = "https:// goes through CONNECT" if scheme == "https" else "only http:// URLs"
        raise ProxyHeadError(501, f"scheme {url.scheme!r} is not supported here ({why})")
    if url.username is not None or url.password is not None:
        raise ProxyHeadError(400, "user names or passwords in URLs are not passed on")
    host, port = split_authority(url.netloc, default_port=80)
    query, helper = strip_address_helper(url.query)
    path = urlunsplit(SplitResult("", "", url.path or "/", query, ""))
    return replace(base, host=host, port=port, path=path, scheme="http", address_helper=helper)


def split_authority(authority: str, *, default_port: int | None) -> tuple[str, int]:
    """'host[:port]' or '[v6][:port]' -> (lower-case host, port); ProxyHeadError(400)."""
    text = authority
    port_s = ""
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise ProxyHeadError(400, f"malformed address {authority!r}")
        host, after = text[1:end], text[end + 1 :]
        if after:
            if not after.startswith(":"):
                raise ProxyHeadError(400, f"malformed address {authority!r}")
            port_s = after[1:]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise ProxyHeadError(400, f"malformed IPv6 address {host!r}") from None
    else:
        host, sep, port_s = text.rpartition(":")
        if not sep:
            host, port_s = text, ""
    host = host.lower().rstrip(".")
    if not host:
        raise ProxyHeadError(400, f"no host in {authority!r}")
    if not port_s:
        if default_port is None:
            raise ProxyHeadError(400, f"CONNECT needs host:port, got {authority!r}")
        return host, default_port
    if (port := port_from_text(port_s)) is None:
        raise ProxyHeadError(400, f"bad port in {authority!r}")
    return host, port


def strip_address_helper(query: str) -> tuple[str, str | None]:
    """(query without `i2paddresshelper=`, its value or None). Other parameters keep
    their bytes and order; the name matches case-insensitively, as Java's does."""
    if ADDRESS_HELPER not in query.lower():
        return query, None
    kept: list[str] = []
    helper: str | None = None
    for part in query.split("&"):
        name = part.partition("=")[0]
        if name.lower() == ADDRESS_HELPER:
            if helper is None:
                pairs = parse_qsl(part, keep_blank_values=True)
                helper = pairs[0][1].strip() if pairs else ""
            continue
        kept.append(part)
    return "&".join(kept), helper


def same_host(referer: str, host: str) -> bool:
    """Whether a Referer URL names `host` (so it may be sent on)."""
    try:
        ref = urlsplit(referer)
        return (ref.hostname or "").rstrip(".").lower() == host
    except ValueError:
        return False


def forward_headers(
    request: ProxyRequest, *, replace_user_agent: bool = True, keep_host: bool = False
) -> list[tuple[bytes, bytes]]:
    """The headers to send on, in their order, filtered:
    - `DROPPED_HEADERS`, `X-Forwarded-*`/`Proxy-*`, and every header the browser's
      own `Connection` header names (hop-by-hop by declaration);
    - `Referer` unless it names the requested host;
    - `User-Agent` replaced by `USER_AGENT` unless `replace_user_agent` is off;
    - `Host` set from the URL (`keep_host`: as sent, for an outproxy);
    - `Connection: close` added last."""
    hop: set[bytes] = set()
    for k, v in request.headers:
        if k.lower() == b"connection":
            hop.update(t.strip().lower() for t in v.split(b",") if t.strip())
    out: list[tuple[bytes, bytes]] = []
    host_value = request.authority.encode("ascii")
    saw_host = False
    for k, v in request.headers:
        name = k.lower()
        text = name.decode("latin-1")
        if text in DROPPED_HEADERS or text.startswith(DROPPED_PREFIXES) or name in hop:
            continue
        if name == b"referer" and not same_host(v.decode("latin-1"), request.host):
            continue
        if name == b"user-agent" and replace_user_agent:
            continue  # added below, once
        if name == b"host":
            if saw_host:
                continue
            saw_host = True
            if not keep_host:
                v = host_value
        out.append((k, v))
    if not saw_host:
        out.insert(0, (b"Host", host_value))
    if replace_user_agent:
        out.append((b"User-Agent", USER_AGENT.encode("ascii")))
    out.append((b"Connection", b"close"))
    return out


def forward_head(
    request: ProxyRequest, *, replace_user_agent: bool = True, to_outproxy: bool = False
) -> bytes:
    """The request head for the I2P side: origin-form target to an I2P site; the
    absolute URI (or CONNECT authority) to an outproxy, which is itself a proxy."""
    if request.is_connect:
        raise ValueError("CONNECT has no head to send on (the tunnel carries raw bytes)")
    target = request.url if to_outproxy else request.path
    version = request.http_version if request.http_version in ("1.0", "1.1") else "1.1"
    lines = [f"{request.method} {target} HTTP/{version}".encode("ascii")]
    headers = forward_headers(request, replace_user_agent=replace_user_agent, keep_host=to_outproxy)
    lines.extend(k + b": " + v for k, v in headers)
    return b"\r\n".join(lines) + b"\r\n\r\n"


def connect_head(request: ProxyRequest) -> bytes:
    """A CONNECT head for an outproxy (the tunnel to an I2P host needs none)."""
    authority = f"{request.host}:{request.port}"
    return f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n\r\n".encode("ascii")

