"""IRC line filter of the IRC client tunnel, after Java I2P's `IRCFilter`.

Every line between the local IRC program and the IRC server is passed, rewritten or
dropped here; the tunnel relays lines, not bytes. What is filtered and why:

From the program to the server (`outbound`):
- a line with a `:prefix` is dropped: it could carry the local host name;
- `USER`: user name kept; the host and server fields become `hostname localhost`
  and the real name becomes `REALNAME` (stricter than Java, which keeps it);
- `PING x` becomes `PING <x>` only if x is no address (`127.0.0.1` otherwise) and the
  server's PONG is answered as the program expects; `PONG` becomes `PONG 127.0.0.1`;
- `QUIT` / `PART` messages are replaced by "leaving" (they often name the client);
- `PRIVMSG` / `NOTICE`: CTCP (`\\x01…\\x01`) is dropped except `ACTION` (/me): DCC
  (which sends the local IP), VERSION, TIME, FINGER, USERINFO, CLIENTINFO and CTCP
  PING all reveal the program, the time zone or the address;
- the commands in `OUTBOUND_ALLOWED` pass unchanged; anything else is dropped.

From the server to the program (`inbound`):
- numeric replies and the commands in `INBOUND_ALLOWED` pass;
- `PING` is answered by the program (passed on), `PONG` only when we expect one;
- `PRIVMSG` / `NOTICE` with CTCP other than `ACTION` are dropped, so the program
  never auto-answers a CTCP VERSION/TIME/DCC request;
- anything else is dropped.
"""

from __future__ import annotations

import ipaddress
import re

MAX_LINE = 8192  # bytes; IRC allows 512, IRCv3 tags up to 8191: longer is dropped
CTCP = "\x01"
REAL_NAME = "REALNAME"

OUTBOUND_ALLOWED = frozenset(
    {
        "ADMIN", "AUTHENTICATE", "AWAY", "CAP", "HELPME", "INFO", "INVITE", "ISON",
        "JOIN", "KICK", "LINKS", "LIST", "LUSERS", "MAP", "MODE", "MOTD", "NAMES",
        "NICK", "OPER", "PASS", "RULES", "SILENCE", "STATS", "TIME", "TOPIC",
        "USERHOST", "VERSION", "WHO", "WHOIS", "WHOWAS",
    }
)  # fmt: skip
INBOUND_ALLOWED = frozenset(
    {
        "ACCOUNT", "AUTHENTICATE", "AWAY", "CAP", "CHGHOST", "ERROR", "INVITE",
        "JOIN", "KICK", "MODE", "NICK", "PART", "PING", "QUIT", "TOPIC", "WALLOPS",
    }
)  # fmt: skip

_NUMERIC = re.compile(r"^\d{3}$")


def _split(line: str) -> tuple[str, str, list[str]]:
    """(tags+prefix text, COMMAND upper-case, parameters); the trailing one keeps spaces."""
    rest = line
    lead = ""
    if rest.startswith("@"):  # IRCv3 message tags
        tags, _, rest = rest.partition(" ")
        lead = tags + " "
    if rest.startswith(":"):
        prefix, _, rest = rest.partition(" ")
        lead += prefix + " "
    cmd, _, rest = rest.lstrip(" ").partition(" ")
    params: list[str] = []
    while rest:
        rest = rest.lstrip(" ")
        if rest.startswith(":"):
            params.append(rest[1:])
            break
        word, _, rest = rest.partition(" ")
        if word:
            params.append(word)
    return lead, cmd.upper(), params


def _ctcp_allowed(text: str) -> bool:
    """No CTCP marker, or an ACTION only."""
    if CTCP not in text:
        return True
    return text.startswith(CTCP + "ACTION ") and text.count(CTCP) <= 2


def _looks_like_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return "." in text and not text.lower().endswith(".i2p")
    return True


class IrcFilter:
    """One connection's filter state (the PONG it expects)."""

    def __init__(self) -> None:
        self._expected_pongs: list[str] = []
        self.dropped = 0  # lines dropped (both directions), for the log

    def outbound(self, line: str) -> str | None:
        """The line to send to the server for `line` from the program; None = drop."""
        out = self._outbound(line)
        if out is None:
            self.dropped += 1
        return out

    def inbound(self, line: str) -> str | None:
        """The line to pass to the program for `line` from the server; None = drop."""
        out = self._inbound(line)
        if out is None:
            self.dropped += 1
        return out

    def _outbound(self, line: str) -> str | None:
        if not line.strip():
            return None
        lead, cmd, params = _split(line)
        if lead.lstrip().startswith(":"):
            return None  # a prefix from the program may carry its host name
        if cmd in ("PRIVMSG", "NOTICE"):
            if len(params) < 2:
                return line
            return line if _ctcp_allowed(params[1]) else None
        if cmd == "USER":
            if not params:
                return None
            return f"USER {params[0]} hostname localhost :{REAL_NAME}"
        if cmd == "PING":
            token = params[0] if params else ""
            if not token or _looks_like_address(token):
                token = "127.0.0.1"
            if len(self._expected_pongs) < 16:
                self._expected_pongs.append(token)
            return f"PING {token}"
        if cmd == "PONG":
            return "PONG 127.0.0.1" if not params else f"PONG {_safe_token(params[-1])}"
        if cmd == "QUIT":
            return "QUIT :leaving"
        if cmd == "PART":
            return f"PART {params[0]} :leaving" if params else None
        if cmd in OUTBOUND_ALLOWED:
            return line
        return None

    def _inbound(self, line: str) -> str | None:
        if not line.strip():
            return None
        _lead, cmd, params = _split(line)
        if _NUMERIC.fullmatch(cmd) or cmd in INBOUND_ALLOWED:
            return line
        if cmd == "PONG":
            token = params[-1] if params else ""
            if token in self._expected_pongs:
                self._expected_pongs.remove(token)
                return line
            return None
        if cmd in ("PRIVMSG", "NOTICE"):
            if len(params) < 2:
                return line
            return line if _ctcp_allowed(params[1]) else None
        return None


def _safe_token(token: str) -> str:
    """A PONG's token, unless it is an address (then the neutral 127.0.0.1)."""
    return "127.0.0.1" if _looks_like_address(token) else token
