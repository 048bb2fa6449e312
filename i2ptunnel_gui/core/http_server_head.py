"""Request heads of an HTTP server tunnel: who is calling, told to the service.

Sans-IO: `HeadRewriter.feed(bytes)` takes what the I2P caller sent and returns
what the service gets (plus, on a bad request, what the caller gets back). Every
request of the stream, keep-alive and pipelined ones included, gets
`X-I2P-DestB64`, `X-I2P-DestB32` and `X-I2P-DestHash` for the calling
destination, and any copy the caller sent is removed first, also under the
`X_I2P_...` spelling that CGI-style servers map to the same variable, so they
cannot be forged. The Host header may be replaced (Java `spoofedHost`, i2pd
`hostoverride`). POST/PUT requests pass a gate (core/policy/post_limits.py).

Heads are parsed by h11, one parser per request, because the responses never
pass here (they go straight through the relay, untouched). A body with a
Content-Length is counted through byte for byte; a chunked body goes through
h11 and is re-chunked (trailers filtered like headers). After a CONNECT or an
Upgrade request the next byte decides: a letter starts another request (the
service declined), anything else is the upgraded protocol (a WebSocket frame
never starts with a letter) and the rest of the stream passes unparsed.
A request h11 refuses gets an error reply and the stream ends: a head we
cannot read is a head we cannot vouch for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

import h11

from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.sam.keys import Destination, b64encode

MAX_HEAD = 32 * 1024  # bytes of request line + headers (Java's MAX_TOTAL_HEADER_SIZE)

DEST_B64 = b"X-I2P-DestB64"
DEST_B32 = b"X-I2P-DestB32"
DEST_HASH = b"X-I2P-DestHash"
_CALLER_NAMES = frozenset(n.lower() for n in (DEST_B64, DEST_B32, DEST_HASH))

_REASONS = {
    400: b"Bad Request",
    413: b"Content Too Large",
    429: b"Too Many Requests",
    431: b"Request Header Fields Too Large",
    501: b"Not Implemented",
    505: b"HTTP Version Not Supported",
}


def is_caller_header(name: bytes) -> bool:
    """True for any spelling of the three caller headers (case, '_' for '-')."""
    return name.lower().replace(b"_", b"-") in _CALLER_NAMES


@dataclass(frozen=True, slots=True)
class CallerHeaders:
    """The three header lines for one calling destination, built once per stream."""

    lines: bytes

    @classmethod
    def of(cls, dest: Destination) -> CallerHeaders:
        dest_hash = b64encode(hashlib.sha256(dest.raw).digest())
        lines = b"".join(
            name + b": " + value.encode("ascii") + b"\r\n"
            for name, value in (
                (DEST_HASH, dest_hash),
                (DEST_B64, dest.b64),
                (DEST_B32, dest.b32_address),
            )
        )
        return cls(lines)


def error_reply(status: int, text: str) -> bytes:
    reason = _REASONS.get(status, b"Bad Request")
    body = f"{status} {reason.decode()}: {text}\n".encode("utf-8", "replace")
    head = (
        b"HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: %d\r\nConnection: close\r\n" % (status, reason, len(body))
    )
    if status == 429:
        head += b"Retry-After: 600\r\n"
    return head + b"\r\n" + body


@dataclass(frozen=True, slots=True)
class Step:
    """What one `feed` produced."""

    to_service: bytes = b""
    to_peer: bytes = b""  # an error reply; `close` is then True
    close: bool = False  # end the stream once `to_peer` is sent
    refusal: Refusal | None = None  # POST_LIMIT or BAD_REQUEST when `close` is set
    error: str = ""  # why the request was refused (for the tunnel log)


class _State(Enum):
    HEAD = auto()  # reading a request head (h11)
    LENGTH_BODY = auto()  # counting a Content-Length body through
    CHUNKED_BODY = auto()  # a chunked body, through h11
    AFTER_UPGRADE = auto()  # the first byte after CONNECT/Upgrade decides
    OPAQUE = auto()  # upgraded: pass everything
    CLOSED = auto()  # refused: drop everything


PostGate = Callable[[], Refusal | None]  # asked per POST/PUT; bound to the caller


class HeadRewriter:
    """One per I2P stream; only ever sees the caller -> service direction."""

    def __init__(
        self,
        caller: CallerHeaders,
        *,
        host_override: str = "",
        post_gate: PostGate | None = None,
        max_head: int = MAX_HEAD,
    ) -> None:
        self._caller = caller.lines
        self._host = host_override.encode("ascii") if host_override else b""
        self._post_gate = post_gate
        self._max_head = max_head
        self._state = _State.HEAD
        self._parser = self._new_parser()
        self._fed = 0  # bytes given to the current parser (to measure the head)
        self._remaining = 0  # of a Content-Length body
        self._upgrading = False
        self.requests = 0  # heads rewritten so far

    def _new_parser(self) -> h11.Connection:
        return h11.Connection(h11.SERVER, max_incomplete_event_size=self._max_head)

    @property
    def opaque(self) -> bool:
        """True once the stream is upgraded (the rest passes unparsed)."""
        return self._state is _State.OPAQUE

    def feed(self, data: bytes) -> Step:
        state = self._state
        if state is _State.OPAQUE:
            return Step(data)
        if state is _State.LENGTH_BODY and len(data) <= self._remaining:
            self._remaining -= len(data)  # the bulk case: no copy, no parsing
            if not self._remaining:
                self._end_of_request()
            return Step(data)
        if state is _State.CLOSED:
            return Step()
        out: list[bytes] = []
        try:
            step = self._run(data, out)
        except h11.RemoteProtocolError as e:
            self._state = _State.CLOSED
            status = e.error_status_hint if e.error_status_hint in _REASONS else 400
            why = str(e) or "malformed request"
            return Step(b"".join(out), error_reply(status, why), True, Refusal.BAD_REQUEST, why)
        if step is not None:
            return Step(b"".join(out), step.to_peer, step.close, step.refusal, step.error)
        return Step(b"".join(out))

    def _run(self, data: bytes, out: list[bytes]) -> Step | None:
        while data or self._state in (_State.HEAD, _State.CHUNKED_BODY):
            state = self._state
            if state is _State.OPAQUE:
                out.append(data)
                return None
            if state is _State.LENGTH_BODY:
                if len(data) <= self._remaining:
                    out.append(data)
                    self._remaining -= len(data)
                    if not self._remaining:
                        self._end_of_request()
                    return None
                out.append(data[: self._remaining])
                data = data[self._remaining :]
                self._remaining = 0
                self._end_of_request()
                continue
            if state is _State.AFTER_UPGRADE:
                if data[:1].isalpha():
                    self._state = _State.HEAD
                    continue
                self._state = _State.OPAQUE
                continue
            parser = self._parser
            if data:
                parser.receive_data(data)
                self._fed += len(data)
                data = b""
            event = parser.next_event()
            if event is h11.NEED_DATA or event is h11.PAUSED:
                return None
            if isinstance(event, h11.Request):
                # h11 bounds only an unfinished head; one that came whole is measured here
                if self._fed - len(parser.trailing_data[0]) > self._max_head:
                    raise h11.RemoteProtocolError("request head is too large", 431)
                refused = self._gate(event)
                if refused is not None:
                    return refused
                data = self._start_body(event, out)
            elif isinstance(event, h11.Data):
                if event.data:
                    out.append(b"%x\r\n%s\r\n" % (len(event.data), event.data))
            elif isinstance(event, h11.EndOfMessage):
                out.append(self._trailers(event))
                data = bytes(parser.trailing_data[0])
                self._end_of_request()
        return None

    def _gate(self, req: h11.Request) -> Step | None:
        gate = self._post_gate
        if gate is None or req.method not in (b"POST", b"PUT"):
            return None
        refusal = gate()
        if refusal is None:
            return None
        self._state = _State.CLOSED
        why = f"{req.method.decode()} refused: too many from this client or in total"
        return Step(to_peer=error_reply(429, why), close=True, refusal=refusal, error=why)

    def _start_body(self, req: h11.Request, out: list[bytes]) -> bytes:
        """Write the rewritten head; return the bytes after it this method took over."""
        chunked = False
        length = 0
        for name, value in req.headers:
            if name == b"transfer-encoding":
                chunked = True  # h11 accepts only "chunked" here
            elif name == b"content-length":
                length = int(value)
        out.append(self._head(req, chunked))
        self.requests += 1
        connection = {
            t.strip().lower() for n, v in req.headers if n == b"connection" for t in v.split(b",")
        }
        self._upgrading = req.method == b"CONNECT" or (
            b"upgrade" in connection and any(n == b"upgrade" for n, _ in req.headers)
        )
        if chunked:
            self._state = _State.CHUNKED_BODY
            return b""
        rest = bytes(self._parser.trailing_data[0])
        if length:
            self._state = _State.LENGTH_BODY
            self._remaining = length
            return rest
        self._end_of_request()
        return rest

    def _head(self, req: h11.Request, chunked: bool) -> bytes:
        parts = [req.method, b" ", req.target, b" HTTP/", req.http_version, b"\r\n"]
        host_done = False
        for name, value in req.headers.raw_items():
            low = name.lower()
            if is_caller_header(low) or (chunked and low == b"content-length"):
                continue  # a Content-Length beside chunked could desync the service
            if low == b"host" and self._host:
                if host_done:
                    continue
                value, host_done = self._host, True
            parts += (name, b": ", value, b"\r\n")
        if self._host and not host_done:
            parts += (b"Host: ", self._host, b"\r\n")
        parts += (self._caller, b"\r\n")
        return b"".join(parts)

    @staticmethod
    def _trailers(end: h11.EndOfMessage) -> bytes:
        if not end.headers:
            return b"0\r\n\r\n"
        lines = [
            name + b": " + value + b"\r\n"
            for name, value in end.headers.raw_items()
            if not is_caller_header(name)
        ]
        return b"0\r\n" + b"".join(lines) + b"\r\n"

    def _end_of_request(self) -> None:
        self._parser = self._new_parser()
        self._fed = 0
        self._state = _State.AFTER_UPGRADE if self._upgrading else _State.HEAD
        self._upgrading = False
