"""SAM v3 wire format, sans I/O: command builders, reply parser, line framer.

Nothing here touches a socket. Builders validate every value *before* producing
bytes (the value rules are in options.py), so a value can never smuggle a second
command or parameter onto the wire, and no command is longer than MAX_COMMAND, half
of i2pd's 8 KiB command buffer. The parser is a small tokenizer that
honours `KEY="a b"` with `\\"` and `\\\\` escapes, because router MESSAGE= texts
contain spaces. Every parse failure is a SamProtocolError. `LineFramer` never
assumes one read is one line and keeps the bytes after a reply line: after
STREAM CONNECT/ACCEPT those are stream data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import SamInputError, SamProtocolError, error_for_result
from .options import check_session_options, value_problem

MAX_LINE = 16 * 1024  # a 908-char key plus options fits many times over
MAX_COMMAND = 4096  # bytes per command line we send, newline included
MAX_PING_TEXT = 1024  # a router's PING text, echoed back in our PONG
SUPPORTED_VERSIONS = ("3.0", "3.1", "3.2", "3.3")
DEFAULT_SESSION_OPTIONS: Mapping[str, str] = {"i2cp.leaseSetEncType": "4,0"}

# IDs: what i2pd accepts minus anything shell-, quote- or path-like (it rejects < > " ' /)
_NICKNAME = re.compile(r"^[A-Za-z0-9_.\-~+]{1,128}$")
_B64_TEXT = re.compile(r"^[A-Za-z0-9\-~]+={0,2}$")
# a CONNECT/lookup target: base64 destination, b32/b33 address or .i2p hostname
_DESTINATION = re.compile(r"^[A-Za-z0-9\-~.]+={0,2}$")
_VERSION = re.compile(r"^([0-9]{1,4})\.([0-9]{1,4})$")  # ASCII only: int() takes '٣'
_VERB = re.compile(r"^[A-Z][A-Z0-9_]*$")
_FORBIDDEN = ("\n", "\r", "\x00")


@dataclass(frozen=True, slots=True)
class SamReply:
    """One parsed line from the bridge: `VERB SUBVERB KEY=VALUE ...`."""

    verb: str
    subverb: str
    args: Mapping[str, str] = field(default_factory=dict)
    text: str = ""  # free text after PING/PONG

    @property
    def result(self) -> str:
        return self.args.get("RESULT", "")

    @property
    def message(self) -> str:
        return self.args.get("MESSAGE", "")

    @property
    def ok(self) -> bool:
        return self.result == "OK"

    def raise_for_result(self, context: str = "") -> SamReply:
        """Return self when RESULT=OK, else raise the typed error with MESSAGE kept."""
        if not self.ok:
            if "RESULT" not in self.args:
                pair = f"{self.verb} {self.subverb}"
                raise SamProtocolError(f"{context}: reply without RESULT: {pair}")
            raise error_for_result(self.result, self.message, context=context)
        return self


# ---------------------------------------------------------------- parsing


def tokenize(line: str) -> list[str]:
    """Split on spaces outside double quotes; `\\"` and `\\\\` escape inside quotes."""
    tokens: list[str] = []
    buf: list[str] = []
    in_token = in_quotes = False
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if in_quotes:
            if ch == "\\" and i + 1 < n and line[i + 1] in '"\\':
                buf.append(line[i + 1])
                i += 1
            elif ch == '"':
                in_quotes = False
            else:
                buf.append(ch)
        elif ch == '"':
            in_quotes = in_token = True
        elif ch in " \t":
            if in_token:
                tokens.append("".join(buf))
                buf, in_token = [], False
        else:
            buf.append(ch)
            in_token = True
        i += 1
    if in_quotes:
        raise SamProtocolError(f"unbalanced quote in reply: {redact(line)!r}")
    if in_token:
        tokens.append("".join(buf))
    return tokens


def parse_reply(line: bytes | str) -> SamReply:
    """Parse one reply line (without or with its trailing newline)."""
    if isinstance(line, bytes):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as e:
            raise SamProtocolError(f"reply is not UTF-8 text: {line[:60]!r}") from e
    else:
        text = line
    text = text.rstrip("\r\n")
    if any(c in text for c in _FORBIDDEN):
        raise SamProtocolError(f"reply contains control characters: {redact(text)!r}")
    stripped = text.strip()
    if stripped.split(" ", 1)[0] in ("PING", "PONG"):
        verb, _, rest = stripped.partition(" ")
        if len(rest.encode()) > MAX_PING_TEXT:  # we echo it in our PONG: keep it sendable
            raise SamProtocolError(f"{verb} text longer than {MAX_PING_TEXT} bytes")
        return SamReply(verb, "", {}, rest)
    tokens = tokenize(stripped)
    if len(tokens) < 2 or not _VERB.fullmatch(tokens[0]) or not _VERB.fullmatch(tokens[1]):
        raise SamProtocolError(f"not a SAM reply: {redact(text)[:120]!r}")
    args: dict[str, str] = {}
    for tok in tokens[2:]:
        key, _, value = tok.partition("=")
        if not key:
            raise SamProtocolError(f"empty key in reply: {redact(text)[:120]!r}")
        args[key] = value
    return SamReply(tokens[0], tokens[1], args)


def expect_reply(reply: SamReply, *pairs: tuple[str, str], context: str) -> SamReply:
    """Check the verb pair and RESULT. Error replies may use any known pair:
    i2pd answers STREAM commands with `SESSION STATUS RESULT=I2P_ERROR` (docs/I2PD.md §7)."""
    pair = (reply.verb, reply.subverb)
    if pair not in pairs:
        known_error = pair in _STATUS_PAIRS and reply.result not in ("", "OK")
        if not known_error:
            want = " or ".join(" ".join(p) for p in pairs)
            raise SamProtocolError(f"{context}: expected {want}, got {reply.verb} {reply.subverb}")
    if pair == ("DEST", "REPLY") and "RESULT" not in reply.args:
        return reply  # success is `DEST REPLY PUB=... PRIV=...`, without RESULT
    return reply.raise_for_result(context)


_STATUS_PAIRS = {
    ("HELLO", "REPLY"),
    ("SESSION", "STATUS"),
    ("STREAM", "STATUS"),
    ("NAMING", "REPLY"),
    ("DEST", "REPLY"),
}


class LineFramer:
    """Bytes in, complete lines out, with a size cap; keeps what follows a line."""

    def __init__(self, max_line: int = MAX_LINE) -> None:
        self.max_line = max_line
        self._buf = bytearray()

    def feed(self, data: bytes) -> None:
        self._buf += data
        if b"\n" not in self._buf and len(self._buf) > self.max_line:
            raise SamProtocolError(f"reply line longer than {self.max_line} bytes")

    def next_line(self) -> bytes | None:
        """The next complete line without its newline (CR stripped), or None."""
        end = self._buf.find(b"\n")
        if end < 0:
            return None
        if end > self.max_line:
            raise SamProtocolError(f"reply line longer than {self.max_line} bytes")
        line = bytes(self._buf[:end]).rstrip(b"\r")
        del self._buf[: end + 1]
        return line

    def take_rest(self) -> bytes:
        """Bytes after the last line taken (stream data after CONNECT/ACCEPT)."""
        rest = bytes(self._buf)
        self._buf.clear()
        return rest

    @property
    def pending(self) -> int:
        return len(self._buf)


# ---------------------------------------------------------------- building


def _check_plain(what: str, value: str) -> None:
    for bad in _FORBIDDEN:
        if bad in value:
            raise SamInputError(f"{what} contains a forbidden control character {bad!r}")


def check_nickname(nickname: str) -> str:
    _check_plain("session nickname", nickname)
    if not _NICKNAME.fullmatch(nickname):
        raise SamInputError(
            f"session nickname {nickname!r} must be 1-128 characters of A-Z a-z 0-9 _ . - ~ +"
        )
    return nickname


def check_private_key_text(key: str) -> str:
    _check_plain("private key", key)
    if not _B64_TEXT.fullmatch(key):
        raise SamInputError("private key must be I2P base64 (A-Z a-z 0-9 - ~ and = padding)")
    return key


def check_destination_text(dest: str) -> str:
    _check_plain("destination", dest)
    if not dest or not _DESTINATION.fullmatch(dest):
        raise SamInputError(
            f"destination {redact_value(dest)!r} must be a base64 destination, "
            "a .b32.i2p address or an .i2p name (no spaces or quotes)"
        )
    return dest


def check_version(version: str) -> str:
    if not _VERSION.fullmatch(version):
        raise SamInputError(f"SAM version {version!r} must look like 3.1")
    return version


def _value(what: str, value: str) -> str:
    if (why := value_problem(what, value)) is not None:
        raise SamInputError(why)
    return value


def _line(*parts: str) -> bytes:
    try:
        data = (" ".join(parts) + "\n").encode("utf-8")
    except UnicodeEncodeError as e:  # a lone surrogate, e.g. from undecodable argv bytes
        bad = e.object[e.start : e.end]
        raise SamInputError(f"SAM command {parts[0]} contains a non-text character {bad!r}") from e
    if len(data) > MAX_COMMAND:
        raise SamInputError(
            f"SAM command {parts[0]} {parts[1]} would be {len(data)} bytes, "
            f"the limit is {MAX_COMMAND} (shorten the options)"
        )
    return data


def build_hello(
    min_version: str = "3.1",
    max_version: str = "3.3",
    user: str | None = None,
    password: str | None = None,
) -> bytes:
    parts = ["HELLO", "VERSION", f"MIN={check_version(min_version)}"]
    parts.append(f"MAX={check_version(max_version)}")
    if (user is None) != (password is None):
        raise SamInputError("SAM USER and PASSWORD must be given together")
    if user is not None and password is not None:
        parts += [f"USER={_value('SAM user', user)}"]
        parts += [f"PASSWORD={_value('SAM password', password)}"]
    return _line(*parts)


def session_options(
    options: Mapping[str, str | None] | None = None,
    defaults: Mapping[str, str] = DEFAULT_SESSION_OPTIONS,
) -> dict[str, str]:
    """Defaults merged with the caller's options; a value of None or "" removes a key.

    `i2cp.leaseSetType=1` (needed by i2pd 2.45.1 accepting sessions, docs/I2PD.md §5)
    drops the default leaseSetEncType: an LS1 cannot carry an ECIES key and i2pd
    would silently force LS2 again. An explicit leaseSetEncType is kept.
    """
    merged = dict(defaults)
    given = dict(options or {})
    if given.get("i2cp.leaseSetType") == "1" and "i2cp.leaseSetEncType" not in given:
        merged.pop("i2cp.leaseSetEncType", None)
    for key, value in given.items():
        if value is None or value == "":
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def build_session_create(
    nickname: str,
    private_key: str | None = None,
    *,
    signature_type: int | str = 7,
    options: Mapping[str, str] | None = None,
    style: str = "STREAM",
) -> bytes:
    """SESSION CREATE; `private_key` None means TRANSIENT. `options` go verbatim
    (use session_options() for the defaults)."""
    parts = ["SESSION", "CREATE", f"STYLE={style}", f"ID={check_nickname(nickname)}"]
    if style not in ("STREAM", "DATAGRAM", "RAW", "PRIMARY", "MASTER"):
        raise SamInputError(f"session style {style!r} is not a SAM style")
    if private_key is None:
        parts.append("DESTINATION=TRANSIENT")
        # SIGNATURE_TYPE only applies to TRANSIENT; the key already names its type
        sig = str(signature_type)
        if not re.fullmatch(r"[A-Za-z0-9_]{1,40}", sig):
            raise SamInputError(f"signature type {sig!r} must be a number or a type name")
        parts.append(f"SIGNATURE_TYPE={sig}")
    else:
        parts.append(f"DESTINATION={check_private_key_text(private_key)}")
    given = dict(options or {})
    check_session_options(given)
    parts += [f"{key}={value}" for key, value in given.items()]
    return _line(*parts)


def build_stream_connect(
    nickname: str, destination: str, *, silent: bool = False, to_port: int = 0
) -> bytes:
    """`to_port`: the destination's I2P port (SAM 3.2+: the caller checks); 0 = none."""
    parts = [
        "STREAM",
        "CONNECT",
        f"ID={check_nickname(nickname)}",
        f"DESTINATION={check_destination_text(destination)}",
        f"SILENT={'true' if silent else 'false'}",
    ]
    if to_port:
        if isinstance(to_port, bool) or not 0 < to_port <= 65535:
            raise SamInputError(f"I2P port {to_port!r} must be 1 to 65535")
        parts.append(f"TO_PORT={to_port}")
    return _line(*parts)


def build_stream_accept(nickname: str, *, silent: bool = False) -> bytes:
    return _line(
        "STREAM", "ACCEPT", f"ID={check_nickname(nickname)}", f"SILENT={str(silent).lower()}"
    )


def build_naming_lookup(name: str) -> bytes:
    if name != "ME":
        check_destination_text(name)
    return _line("NAMING", "LOOKUP", f"NAME={name}")


def build_dest_generate(signature_type: int | str = 7) -> bytes:
    sig = str(signature_type)
    if not re.fullmatch(r"[A-Za-z0-9_]{1,40}", sig):
        raise SamInputError(f"signature type {sig!r} must be a number or a type name")
    return _line("DEST", "GENERATE", f"SIGNATURE_TYPE={sig}")


def build_ping(text: str = "") -> bytes:
    _check_plain("PING text", text)
    return _line("PING", text) if text else b"PING\n"


def build_pong(text: str = "") -> bytes:
    _check_plain("PONG text", text)
    return _line("PONG", text) if text else b"PONG\n"


def version_tuple(version: str) -> tuple[int, int]:
    m = _VERSION.fullmatch(version)
    if m is None:
        raise SamProtocolError(f"bridge sent an invalid VERSION {version[:40]!r}")
    return int(m.group(1)), int(m.group(2))


# ---------------------------------------------------------------- redaction

_SECRET_KEYS = re.compile(r'\b(PRIV|DESTINATION|PASSWORD|VALUE|PUB)=("(?:[^"\\]|\\.)*"|\S+)')
_LONG_B64 = re.compile(r"[A-Za-z0-9\-~]{100,}={0,2}")


def redact_value(value: str) -> str:
    if len(value) <= 16:
        return value
    return f"{value[:6]}…<{len(value)} chars>"


def redact(line: str | bytes) -> str:
    """A log-safe version of a SAM line: keys, destinations and passwords elided."""
    text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
    text = text.rstrip("\r\n")

    def _key(m: re.Match[str]) -> str:
        value = m.group(2)
        if m.group(1) == "DESTINATION" and value == "TRANSIENT":
            return m.group(0)
        if m.group(1) in ("PRIV", "PASSWORD"):
            return f"{m.group(1)}=<redacted>"
        return f"{m.group(1)}={redact_value(value)}"

    text = _SECRET_KEYS.sub(_key, text)
    return _LONG_B64.sub(lambda m: redact_value(m.group(0)), text)
