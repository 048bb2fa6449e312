"""Addresses a tunnel definition names: hosts, ports, I2P destinations.

The checks return None or why not (the editor shows that next to the field);
`parse_hostport` raises SpecError. Import them from here (spec.py only uses them).
"""

from __future__ import annotations

import ipaddress
import re

from i2ptunnel_gui.core.text import Text

_LABEL = r"[A-Za-z0-9]([A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_HOSTNAME = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*\.?$")
_B32 = re.compile(r"^[a-z2-7]{52}\.b32\.i2p$")
_B33 = re.compile(r"^[a-z2-7]{56,}\.b32\.i2p$")
_I2P_NAME = re.compile(r"^(?=.{1,255}$)([a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?\.)+i2p$")
_B64 = re.compile(r"^[A-Za-z0-9\-~]+={0,2}$")


class SpecError(ValueError):
    """A definition is invalid; `field` names the TunnelSpec field ('' = whole spec)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def is_loopback_host(host: str) -> bool:
    if host in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str) -> str | None:
    """None if `host` is a plausible IP literal or DNS name, else why not."""
    if not host:
        return Text("host is empty")
    h = host.strip()
    if h != host or any(c.isspace() for c in host):
        return Text("host must not contain spaces")
    try:
        ipaddress.ip_address(h.strip("[]"))
        return None
    except ValueError:
        pass
    if not _HOSTNAME.fullmatch(h):
        return Text("{host} is not a valid host name or IP address", host=repr(host))
    return None


def check_port(port: int, *, allow_zero: bool = False) -> str | None:
    lo = 0 if allow_zero else 1
    if not isinstance(port, int) or isinstance(port, bool) or not lo <= port <= 65535:
        return Text("port must be a whole number from {low} to 65535", low=lo)
    return None


def ascii_number(text: str, max_digits: int = 9) -> int | None:
    """`text` (stripped) as a whole number if it is 1 to `max_digits` ASCII digits, else None.

    The one digit rule for ports and counts typed or read from files: int() alone also
    reads Arabic-Indic and fullwidth digits ('٨٠٨١' -> 8081), str.isdigit() also takes '²'
    (which int() then refuses), and int() refuses more than 4 300 digits."""
    t = text.strip()
    return int(t) if t.isascii() and t.isdigit() and len(t) <= max_digits else None


def port_from_text(text: str, *, allow_zero: bool = False) -> int | None:
    """The port `text` names (ASCII digits, 1 to 65535, or 0 with `allow_zero`), else None."""
    port = ascii_number(text, 5)
    return port if port is not None and check_port(port, allow_zero=allow_zero) is None else None


def parse_hostport(
    text: str, *, default_host: str | None = None, allow_any_port: bool = False
) -> tuple[str, int]:
    """'host:port', '[v6]:port' or (with default_host) ':port' / 'port'. Raises SpecError.

    `allow_any_port`: port 0 (let the system pick) is accepted, for listen addresses.
    """
    t = text.strip()
    if not t:
        raise SpecError("", Text("address is empty; expected HOST:PORT"))
    if t.startswith("["):
        end = t.find("]")
        if end < 0 or t[end + 1 : end + 2] != ":":
            raise SpecError("", Text("{text}: expected [IPv6]:PORT", text=repr(text)))
        host, port_s = t[1:end], t[end + 2 :]
    elif ":" in t:
        host, _, port_s = t.rpartition(":")
        if ":" in host:
            raise SpecError("", Text("{text}: write IPv6 addresses as [ADDR]:PORT",
                                    text=repr(text)))
    elif default_host is not None:
        host, port_s = default_host, t
    else:
        raise SpecError("", Text("{text}: expected HOST:PORT", text=repr(text)))
    if not host:
        if default_host is None:
            raise SpecError("", Text("{text}: host is missing", text=repr(text)))
        host = default_host
    # ASCII digits only: int() also reads Arabic-Indic and fullwidth digits ('٨٠٨١')
    if not (port_s.isascii() and port_s.isdigit()):
        raise SpecError("", Text("{text}: port {port} is not a number (digits 0-9 only)",
                                text=repr(text), port=repr(port_s)))
    port = int(port_s) if len(port_s) <= 5 else 65536  # int() refuses > 4300 digits
    if (why := check_port(port, allow_zero=allow_any_port)) is not None:
        raise SpecError("", Text("{text}: {why}", text=repr(text), why=why))
    if (why := check_host(host)) is not None:
        raise SpecError("", Text("{text}: {why}", text=repr(text), why=why))
    return host, port


def check_destination(dest: str) -> str | None:
    """None if `dest` looks like a b32/b33 address, an .i2p name or a base64 destination."""
    d = dest.strip()
    if not d:
        return Text("destination is empty")
    if d != dest or any(c.isspace() for c in dest):
        return Text("destination must not contain spaces")
    low = d.lower()
    if low.endswith(".b32.i2p"):
        if _B32.fullmatch(low) or _B33.fullmatch(low):
            return None
        return Text("a .b32.i2p address has 52 (or 56+) letters a-z and digits 2-7 before "
                    ".b32.i2p")
    if low.endswith(".i2p"):
        if _I2P_NAME.fullmatch(low):
            return None
        return Text("{dest} is not a valid .i2p host name", dest=repr(dest))
    if len(d) >= 516 and _B64.fullmatch(d):
        return None
    if _B64.fullmatch(d):
        return Text("base64 destination is too short ({n} characters, at least 516 expected)",
                    n=len(d))
    return Text("expected a .b32.i2p address, an .i2p name or a base64 destination")
