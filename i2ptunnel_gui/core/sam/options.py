"""Session options we may send as `KEY=VALUE` on SESSION CREATE, and the value rules
every builder applies.

i2pd 2.45 splits a command on spaces and ignores quotes, so a quoted value with spaces
overrode DESTINATION=: values may hold no whitespace, quotes, backslashes or control
characters. Its command buffer is 8 KiB; a 9 000-byte option made it go silent and grow
to 1.25 GB, so keys and values are capped. SAM's own parameters are reserved. The
command line and the editor call option_problem() up front; the builder enforces it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..text import Text
from .errors import SamInputError

MAX_OPTION_KEY = 128
MAX_OPTION_VALUE = 1024
# set by the client itself or meaningful to SAM, never passed as a user option
RESERVED_OPTION_KEYS = frozenset(
    {
        "STYLE", "ID", "DESTINATION", "SIGNATURE_TYPE", "CRYPTO_TYPE", "SILENT",
        "FROM_PORT", "TO_PORT", "PROTOCOL", "HEADER", "HOST", "PORT", "USER",
        "PASSWORD", "MIN", "MAX", "NAME", "RESULT", "MESSAGE", "VERSION",
    }
)  # fmt: skip
_OPTION_KEY = re.compile(r"^[A-Za-z0-9_.:\-]+$")


def value_problem(what: str, value: str) -> str | None:
    """None if `value` can go on the wire as one unquoted token, else why not."""
    if not value:
        return Text("{what} is empty", what=what)
    if len(value) > MAX_OPTION_VALUE:
        return Text("{what} is {n} characters long, the limit is {limit}", what=what,
                    n=len(value), limit=MAX_OPTION_VALUE)
    bad = next((c for c in value if c.isspace() or not c.isprintable() or c in '"\\'), "")
    if bad:
        return Text("{what} must not contain spaces, quotes, backslashes or control "
                    "characters", what=what)
    return None


def option_problem(key: str, value: str) -> str | None:
    """None if `key=value` may be sent as a session option, else why not; the
    command line and the editor call it up front, the builder enforces it."""
    if not key or len(key) > MAX_OPTION_KEY or not _OPTION_KEY.fullmatch(key):
        shown = key if len(key) <= 40 else key[:40] + "…"
        return Text("option name {name} must be 1-{limit} letters, digits and _ . : -",
                    name=repr(shown), limit=MAX_OPTION_KEY)
    if key.upper() in RESERVED_OPTION_KEYS:
        return Text("option {key} is a SAM parameter the client sets itself", key=key)
    return value_problem(Text("option {key} value", key=key), value)


def check_session_options(options: Mapping[str, str]) -> None:
    """Raise SamInputError naming the first option that may not be sent."""
    for key, value in options.items():
        if (why := option_problem(key, value)) is not None:
            raise SamInputError(why)
