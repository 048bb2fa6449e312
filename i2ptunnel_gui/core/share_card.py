"""Share cards: a server tunnel's public facts as one link, file or QR code.

A card says "this service is at <b32>, it is a web site / SSH / IRC / something else,
and a local port and name you may use for it". Another copy of the app opens it and
creates the matching client tunnel after the user confirmed it. The link is

    i2ptunnelgui:share?v=1&b32=<52 chars>&kind=web&port=8080&name=My%20site

and a `.i2pcard` file holds the same link on one line. `i2pport=N` is added when the
server answers on one I2P port only (the client must dial it). The scheme is the app's own
name (`i2ptunnel` alone is Java I2P's component). A card carries no key material:
only the public b32 hash, so sharing it gives away nothing but the address.

Decoding is strict: every problem raises `CardError` naming the field. Addresses
are 52-character b32 only; b33 (encrypted lease set) addresses are refused because
reaching them may need a secret or a per-client key, and a card must never carry one.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.text import Text

SCHEME = "i2ptunnelgui"
CARD_PATH = "share"
CARD_VERSION = 1
FILE_SUFFIX = ".i2pcard"
MIME_TYPE = "application/x-i2ptunnelgui-card"
MAX_LINK = 1024  # characters: a card is about 150; anything far longer is not a card
MAX_FILE = 4096  # bytes read from a card file (a BOM, blank lines, CRLF fit easily)
MAX_NAME = 64  # characters of the suggested name (spec names allow 100)
B32_LEN = 52  # base32 of a SHA-256 hash: 256 bits in 52 characters, 4 padding bits
B32_SUFFIX = ".b32.i2p"
FIELDS = ("v", "b32", "kind", "port", "name")
OPTIONAL_FIELDS = ("i2pport",)  # the only I2P port the server answers on, when it has one

_B32_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyz234567")
_PORT = re.compile(r"[0-9]{1,5}")
_VERSION = re.compile(r"[0-9]{1,3}")


class ServiceKind(StrEnum):
    WEB = "web"  # a web site: reached with a browser
    SSH = "ssh"
    IRC = "irc"  # an IRC server: an IRC client tunnel (identifying lines filtered)
    GENERIC = "generic"  # any other TCP service


# the local port a card suggests when the service's own port says nothing useful
SUGGESTED_PORTS = {ServiceKind.WEB: 8080, ServiceKind.SSH: 2222, ServiceKind.IRC: 6668}
_WELL_KNOWN = {22: ServiceKind.SSH, 6667: ServiceKind.IRC, 6697: ServiceKind.IRC}


class CardError(ValueError):
    """A card that cannot be used; `field` is the card field at fault ('card' = the whole)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(Text("{field}: {why}", field=field, why=message) if field != "card"
                         else message)
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class ShareCard:
    b32: str  # the 52 base32 characters, lower case, without .b32.i2p
    kind: ServiceKind
    port: int  # suggested local port, 1 to 65535
    name: str  # suggested tunnel name, one line, at most MAX_NAME characters
    i2p_port: int = 0  # the I2P port to dial (a server restricted to one port); 0 = any

    def __post_init__(self) -> None:
        _check_b32(self.b32)
        _check_port_value(self.port)
        _check_name(self.name)
        if self.i2p_port:
            _check_port_value(self.i2p_port, "i2pport")

    @property
    def address(self) -> str:
        return self.b32 + B32_SUFFIX

    @property
    def web_url(self) -> str:
        """`http://<b32>.b32.i2p/` for phone browsers with I2P; '' for other kinds."""
        return f"http://{self.address}/" if self.kind is ServiceKind.WEB else ""

    def link(self) -> str:
        query = urllib.parse.urlencode(
            [("v", str(CARD_VERSION)), ("b32", self.b32), ("kind", self.kind.value),
             ("port", str(self.port)), ("name", self.name)]
            + ([("i2pport", str(self.i2p_port))] if self.i2p_port else []),
            quote_via=urllib.parse.quote, safe="",
        )
        return f"{SCHEME}:{CARD_PATH}?{query}"

    def file_text(self) -> str:
        return self.link() + "\n"


# -- making a card -------------------------------------------------------------------


def service_kind_of(spec: TunnelSpec) -> ServiceKind:
    """The kind a server tunnel most likely serves (the share dialog lets the user change it)."""
    if spec.kind is TunnelKind.HTTP_SERVER:
        return ServiceKind.WEB
    return _WELL_KNOWN.get(spec.target_port, ServiceKind.GENERIC)


def suggested_port(kind: ServiceKind, target_port: int) -> int:
    """Web, SSH and IRC get their customary unprivileged ports; anything else the service's
    own port when a user may bind it (≥ 1024), else that port + 10000."""
    if kind in SUGGESTED_PORTS:
        return SUGGESTED_PORTS[kind]
    if 1024 <= target_port <= 65535:
        return target_port
    return target_port + 10000 if 1 <= target_port < 1024 else 10000


def card_for(spec: TunnelSpec, address: str, kind: ServiceKind | None = None) -> ShareCard:
    """The card for server tunnel `spec` running at `address` (`….b32.i2p`)."""
    if not spec.serves:
        raise CardError("card", Text("{name} is not a server tunnel: only servers are shared",
                                     name=repr(spec.name)))
    b32 = address.removesuffix(B32_SUFFIX)
    chosen = kind if kind is not None else service_kind_of(spec)
    return ShareCard(b32=b32, kind=chosen, port=suggested_port(chosen, spec.target_port),
                     name=_card_name(spec.name), i2p_port=spec.i2p_port)


def _card_name(name: str) -> str:
    """A spec name made fit for a card: control characters dropped, cut to MAX_NAME."""
    kept = "".join(c for c in name if unicodedata.category(c) not in _BAD_CATEGORIES)
    return kept.strip()[:MAX_NAME].strip() or "I2P service"


# -- reading a card -----------------------------------------------------------------


def decode_card(text: str) -> ShareCard:
    """The card in `text` (a link, as pasted or read from a file); CardError otherwise."""
    link = text.strip()
    if not link:
        raise CardError("card", Text("the card is empty"))
    if len(link) > MAX_LINK:
        raise CardError("card", Text("the card is {n} characters long, at most {limit} "
                                     "expected", n=len(link), limit=MAX_LINK))
    scheme, colon, rest = link.partition(":")
    if not colon or scheme.lower() != SCHEME:
        raise CardError("scheme", Text("not a share card: it must start with {scheme}:",
                                       scheme=SCHEME))
    path, _, query = rest.partition("?")
    if "#" in query:  # the app writes '#' as %23: a raw one was added on the way
        raise CardError("card", Text("unexpected '#' in the card (was something appended?)"))
    if path != CARD_PATH:
        raise CardError("card", Text("unknown card type {found}, expected {expected}",
                                     found=repr(path[:40]), expected=repr(CARD_PATH)))
    fields = _fields(query)
    version = _version(fields.get("v"))
    if version != CARD_VERSION:
        raise CardError("v", Text("card version {version} is not understood by this app (it "
                                  "reads version {reads}); update the app", version=version,
                                  reads=CARD_VERSION))
    unknown = sorted(set(fields) - set(FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise CardError(unknown[0][:20], Text("unknown field in a version 1 card"))
    for name in FIELDS:
        if name not in fields:
            raise CardError(name, Text("missing"))
    i2p_port = _port(fields["i2pport"], "i2pport") if "i2pport" in fields else 0
    return ShareCard(b32=_b32(fields["b32"]), kind=_kind(fields["kind"]),
                     port=_port(fields["port"]), name=fields["name"], i2p_port=i2p_port)


def load_card(argument: str) -> ShareCard:
    """A card given as a link, a `file://` URL or the path of a card file."""
    text = argument.strip()
    if text.lower().startswith(SCHEME + ":"):
        return decode_card(text)
    if text.lower().startswith("file:"):
        parts = urllib.parse.urlsplit(text)
        if parts.netloc not in ("", "localhost"):
            raise CardError("card", Text("{link}: only local files can be opened",
                                         link=repr(text[:80])))
        return read_card_file(Path(urllib.parse.unquote(parts.path)))
    return read_card_file(Path(argument))


def read_card_file(path: Path) -> ShareCard:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE + 1)
    except OSError as e:
        raise CardError("card", Text("{path}: {why}", path=str(path),
                                     why=e.strerror or str(e))) from None
    if len(data) > MAX_FILE:
        raise CardError("card", Text("{path}: larger than {limit} bytes: not a card file",
                                     path=str(path), limit=MAX_FILE))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CardError("card", Text("{path}: not a text file (not UTF-8)",
                                     path=str(path))) from None
    try:
        return decode_card(text)
    except CardError as e:
        raise CardError(e.field, Text("{why} (in {path})", why=e.message,
                                       path=str(path))) from None


# -- the client tunnel a card suggests ---------------------------------------------


CLIENT_KINDS = {ServiceKind.IRC: TunnelKind.IRC}  # others: a plain client tunnel


def client_spec(card: ShareCard, *, name: str | None = None, port: int | None = None,
                options: tuple[tuple[str, str], ...] = ()) -> TunnelSpec:
    """The client tunnel `card` suggests: 127.0.0.1:`port` (default the card's) → its b32.

    Web sites get a plain client tunnel too: a browser opens http://127.0.0.1:port/ and the
    site answers as it does for any I2P visitor."""
    # an IRC client tunnel dials no I2P port: a port-restricted IRC server gets a plain one
    kind = TunnelKind.CLIENT if card.i2p_port else CLIENT_KINDS.get(card.kind, TunnelKind.CLIENT)
    return TunnelSpec.new(
        name if name is not None else card.name, kind,
        listen_host="127.0.0.1",
        listen_port=port if port is not None else card.port,
        destination=card.address,
        key_mode=KeyMode.TRANSIENT,
        description=f"opened from a share card ({card.kind.value})",
        i2p_port=card.i2p_port,
        options=options,
    )


def next_free_port(port: int, taken: Callable[[int], bool], limit: int = 200) -> int | None:
    """The first port from `port` up (at most `limit` tried, never past 65535) that is not
    `taken`; None if all are."""
    for candidate in range(port, min(port + limit, 65536)):
        if not taken(candidate):
            return candidate
    return None


# -- field checks --------------------------------------------------------------------

# control, format (bidi overrides that reorder what the user reads), line/paragraph breaks
_BAD_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _fields(query: str) -> dict[str, str]:
    try:
        pairs = urllib.parse.parse_qsl(query, keep_blank_values=True, strict_parsing=True,
                                       errors="strict", max_num_fields=len(FIELDS) + 4)
    except UnicodeDecodeError:
        raise CardError("card", Text("a field is not valid UTF-8 after percent-decoding")
                        ) from None
    except ValueError as e:
        raise CardError("card", Text("malformed card fields: {why}", why=str(e))) from None
    out: dict[str, str] = {}
    for key, value in pairs:
        if key in out:
            raise CardError(key[:20], Text("given twice"))
        out[key] = value
    return out


def _version(text: str | None) -> int:
    if text is None:
        raise CardError("v", Text("missing (the card version)"))
    if not _VERSION.fullmatch(text):
        raise CardError("v", Text("{text} is not a version number", text=repr(text[:20])))
    return int(text)


def _b32(text: str) -> str:
    b32 = text.lower().removesuffix(B32_SUFFIX)
    _check_b32(b32)
    return b32


def _check_b32(b32: str) -> None:
    bad = next((c for c in b32 if c not in _B32_ALPHABET), None)
    if bad is not None:
        raise CardError("b32", Text("{char} is not a base32 character (a-z and 2-7 only)",
                                    char=repr(bad)))
    if len(b32) > B32_LEN:
        raise CardError("b32", Text("{n} characters: a b33 address (encrypted lease set) "
                                    "cannot be shared on a card; share a plain b32 address",
                                    n=len(b32)))
    if len(b32) != B32_LEN:
        raise CardError("b32", Text("{n} characters, a b32 address has {length}", n=len(b32),
                                    length=B32_LEN))
    if b32[-1] not in "aq":  # the last character's 4 low bits are padding: always zero
        raise CardError("b32", Text("the address is mistyped (its last character cannot end "
                                    "one)"))


def _kind(text: str) -> ServiceKind:
    try:
        return ServiceKind(text)
    except ValueError:
        known = ", ".join(k.value for k in ServiceKind)
        raise CardError("kind", Text("unknown service kind {kind} (known: {known})",
                                     kind=repr(text[:20]), known=known)) from None


def _port(text: str, field: str = "port") -> int:
    if not _PORT.fullmatch(text):  # ASCII digits only: int() also reads '٨٠' as 80
        raise CardError(field, Text("{text} is not a port number (digits 0-9 only)",
                                    text=repr(text[:20])))
    port = int(text)
    _check_port_value(port, field)
    return port


def _check_port_value(port: int, field: str = "port") -> None:
    if isinstance(port, bool) or not 1 <= port <= 65535:
        raise CardError(field, Text("{port} is out of range: a port is 1 to 65535", port=port))


def _check_name(name: str) -> None:
    if not name.strip():
        raise CardError("name", Text("empty"))
    if len(name) > MAX_NAME:
        raise CardError("name", Text("{n} characters long, at most {limit}", n=len(name),
                                     limit=MAX_NAME))
    bad = next((c for c in name if unicodedata.category(c) in _BAD_CATEGORIES), None)
    if bad is not None:
        raise CardError("name", Text("contains the control character U+{code:04X}",
                                     code=ord(bad)))
    if name != name.strip():
        raise CardError("name", Text("starts or ends with spaces"))
