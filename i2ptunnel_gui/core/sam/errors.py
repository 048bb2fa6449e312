"""SAM errors: one class per router RESULT, plus transport and input errors.

Dual inheritance (python-socks style) lets callers catch builtins too:
`except TimeoutError` catches both our own deadline and `RESULT=TIMEOUT`,
`except ConnectionError` catches an unreachable bridge and `CANT_REACH_PEER`.
Every instance keeps the router's `MESSAGE=` text in `.message`; show it to
users, never branch on it (REFERENCE.md 4.5).
"""

# ruff: noqa: N818 -- names fixed by the contract (SamTimeout, SamUnreachable, ...)
from __future__ import annotations

from ..errors import ConfigError, TunnelError
from ..text import Text


class SamError(TunnelError):
    """Base of everything the SAM layer raises."""

    result: str = ""  # the RESULT= value, "" for errors that are not router replies

    def __init__(self, text: str, *, result: str | None = None, message: str = "") -> None:
        # one positional arg only: OSError subclasses treat (errno, strerror) specially
        super().__init__(text)
        if result is not None:
            self.result = result
        self.message = message

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.result


class SamInputError(ConfigError):
    """A value we were asked to send is unsafe or malformed; nothing was sent."""


class KeyFormatError(ConfigError):
    """A destination or private key (base64 or binary) is malformed."""


class SamProtocolError(SamError):
    """The bridge sent something that is not SAM (garbage, oversized, wrong reply)."""


class SamUnreachable(SamError, ConnectionError):
    """The SAM bridge could not be reached (refused, no route, DNS)."""


class SamConnectionClosed(SamUnreachable):
    """The bridge closed the socket (router stopped, session destroyed)."""


class SamTimeout(SamError, TimeoutError):
    """No answer in time, from our deadline or the router's RESULT=TIMEOUT."""


class SamNoVersion(SamError):
    """RESULT=NOVERSION: no common SAM version."""


class SamRouterError(SamError):
    """RESULT=I2P_ERROR: a generic refusal; `.message` says why."""


class SamPeerUnreachable(SamError, ConnectionError):
    """RESULT=CANT_REACH_PEER: the remote destination did not answer."""


class SamDuplicatedDest(SamError):
    """RESULT=DUPLICATED_DEST: that private key is already in use on the router."""


class SamDuplicatedId(SamError):
    """RESULT=DUPLICATED_ID: the session nickname is taken; pick another."""


class SamInvalidKey(SamError, ValueError):
    """RESULT=INVALID_KEY: the router rejected a key, destination or name."""


class SamInvalidId(SamError, LookupError):
    """RESULT=INVALID_ID: no session with that nickname (it may have died)."""


class SamKeyNotFound(SamError, LookupError):
    """RESULT=KEY_NOT_FOUND: the name is unknown to the router."""


class SamPeerNotFound(SamError, LookupError):
    """RESULT=PEER_NOT_FOUND."""


class SamLeaseSetNotFound(SamError, LookupError):
    """RESULT=LEASESET_NOT_FOUND: the destination is not published now."""


RESULT_ERRORS: dict[str, type[SamError]] = {
    "NOVERSION": SamNoVersion,
    "I2P_ERROR": SamRouterError,
    "CANT_REACH_PEER": SamPeerUnreachable,
    "DUPLICATED_DEST": SamDuplicatedDest,
    "DUPLICATED_ID": SamDuplicatedId,
    "INVALID_KEY": SamInvalidKey,
    "INVALID_ID": SamInvalidId,
    "KEY_NOT_FOUND": SamKeyNotFound,
    "PEER_NOT_FOUND": SamPeerNotFound,
    "TIMEOUT": SamTimeout,
    "LEASESET_NOT_FOUND": SamLeaseSetNotFound,
}

_RESULT_TEXT = {
    "NOVERSION": Text("no common SAM version"),
    "I2P_ERROR": Text("router error"),
    "CANT_REACH_PEER": Text("peer unreachable"),
    "DUPLICATED_DEST": Text("destination already in use"),
    "DUPLICATED_ID": Text("session nickname already in use"),
    "INVALID_KEY": Text("invalid key or destination"),
    "INVALID_ID": Text("no such session"),
    "KEY_NOT_FOUND": Text("name not found"),
    "PEER_NOT_FOUND": Text("peer not found"),
    "TIMEOUT": Text("router timed out"),
    "LEASESET_NOT_FOUND": Text("destination not published"),
}


def error_for_result(result: str, message: str = "", *, context: str = "") -> SamError:
    """The typed exception for a non-OK RESULT; unknown values give a plain SamError."""
    cls = RESULT_ERRORS.get(result, SamError)
    what = _RESULT_TEXT.get(result) or Text("unexpected RESULT={result}", result=result)
    text = Text("{context}: {what}", context=context, what=what) if context else what
    if message:  # the router's own words, as it sent them
        text = Text("{text} ({message})", text=text, message=message)
    return cls(text, result=result, message=message)
