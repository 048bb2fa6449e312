"""The client kinds' own fields (issue 10), checked as plain values: an IRC tunnel's
server list, the proxies' outproxy and SOCKS login, close-when-idle.

Pure (no spec import): core.spec_checks.validate calls `client_field_problems` with the
definition's values, as it calls core.server_policy for the server kinds.
"""

from __future__ import annotations

from i2ptunnel_gui.core.addresses import check_destination
from i2ptunnel_gui.core.text import Text


def destination_list(text: str) -> list[str]:
    """The destinations of an IRC tunnel, in the order they are tried (comma-separated,
    as Java's `targetDestination`)."""
    return [d.strip() for d in text.split(",") if d.strip()]


def client_field_problems(
    *,
    irc: bool,
    destination: str,
    outproxy: str,
    proxy_user: str,
    proxy_password: str,
    close_idle: float | None,
) -> list[tuple[str, str]]:
    """(field, why) for each problem; `irc`: `destination` is a list of IRC servers."""
    out: list[tuple[str, str]] = []
    if irc:
        dests = destination_list(destination)
        if not dests:
            out.append(("destination", Text("give at least one IRC server destination")))
        for d in dests:
            if (why := check_destination(d)) is not None:
                out.append(("destination", why))
                break
    if outproxy and (why := check_destination(outproxy)) is not None:
        out.append(("outproxy", Text("outproxy: {why}", why=why)))
    for fld, text in (("proxy_user", proxy_user), ("proxy_password", proxy_password)):
        if len(text.encode()) > 255 or any(not c.isprintable() for c in text):
            out.append((fld, Text("must be at most 255 bytes of printable text")))
    if bool(proxy_user) != bool(proxy_password):
        out.append(("proxy_password", Text("give a user name and a password, or neither")))
    if close_idle is not None and not close_idle > 0:
        out.append(("close_idle", Text("close-when-idle must be more than 0 minutes")))
    return out
