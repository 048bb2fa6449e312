"""`?i2paddresshelper=` jump links, confirmed by the user before a name is kept.

As in Java I2P's proxy: a link `http://name.i2p/path?i2paddresshelper=<base64>`
gets a page from the proxy itself asking whether to save `name` (the proxy never
saves a name because a page said so). The page's buttons point at
`http://proxy.i2p/add?token=…&save=1|0`, which only the proxy answers; the token is
random and single-use, so another site cannot make the browser save a name. Then
the browser is redirected to the link without the helper parameter.

- name already known with the same destination: straight redirect, no question;
- known with another destination: a warning page; saving is not offered;
- "continue without saving": the name leads there until the tunnel stops.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from i2ptunnel_gui.core.proxy.addressbook import AddressBook, AddressBookError, check_name
from i2ptunnel_gui.core.proxy.http_proxy_head import LOCAL_HOST, HostKind, ProxyRequest
from i2ptunnel_gui.core.proxy.name_resolver import NameResolver
from i2ptunnel_gui.core.proxy.proxy_pages import confirm_page, error_page, redirect
from i2ptunnel_gui.core.sam.errors import KeyFormatError
from i2ptunnel_gui.core.sam.keys import b32_address, parse_destination

PENDING_MAX = 64  # unanswered confirmation pages kept (oldest dropped)


@dataclass(frozen=True, slots=True)
class Pending:
    host: str
    dest: str  # base64
    url: str  # where to go afterwards


class JumpLinks:
    """Answers jump links and the proxy's own `proxy.i2p` confirmation URLs."""

    def __init__(
        self,
        resolver: NameResolver,
        book: AddressBook | None,
        *,
        token: Callable[[], str] = lambda: secrets.token_urlsafe(18),
    ) -> None:
        self.resolver = resolver
        self.book = book
        self._token = token
        self._pending: OrderedDict[str, Pending] = OrderedDict()
        self.saved: list[str] = []  # names saved through this proxy (log, tests)

    def offer(self, request: ProxyRequest) -> bytes:
        """The response to a request that carries `?i2paddresshelper=`."""
        helper = request.address_helper or ""
        if request.host_kind is not HostKind.I2P_NAME or check_name(request.host):
            return redirect(request.url)  # b32 or odd host: the helper means nothing
        try:
            dest = parse_destination(helper)
        except KeyFormatError as e:
            msg = f"The jump link for {request.host} does not carry a destination: {e}"
            if helper.lower().endswith(".b32.i2p"):
                msg = (
                    f"The jump link gives {request.host} as {helper}, a b32 address, "
                    "which cannot be saved as a name; open that address directly."
                )
            return error_page(400, "Unusable jump link", msg)
        known = self.resolver.cached(request.host)
        if known == dest.b64:
            return redirect(request.url)
        token = self._token()
        self._pending[token] = Pending(request.host, dest.b64, request.url)
        while len(self._pending) > PENDING_MAX:
            self._pending.popitem(last=False)
        base = f"http://{LOCAL_HOST}/add?token={token}"
        saved_b32 = b32_address(known) if known is not None else None
        return confirm_page(
            request.host,
            dest.b32_address,
            base + "&save=1",
            base + "&save=0",
            saved_b32=saved_b32,
        )

    def answer_local(self, request: ProxyRequest) -> bytes:
        """The response to a request for `http://proxy.i2p/…`."""
        parts = urlsplit(request.path)
        if parts.path != "/add":
            return error_page(404, "Not found", f"The proxy has no page {parts.path}.")
        query = parse_qs(parts.query)
        pending = self._pending.pop(query.get("token", [""])[0], None)
        if pending is None:
            return error_page(
                400,
                "Link expired",
                "This confirmation link is unknown or was already used. Follow the "
                "original jump link again.",
            )
        save = query.get("save", ["0"])[0] == "1"
        if save and self.resolver.cached(pending.host) is not None:
            save = False  # a conflict is never saved over (the page did not offer it)
        if save and self.book is not None:
            try:
                self.book.add(pending.host, pending.dest)
            except (AddressBookError, OSError) as e:
                return error_page(500, "Not saved", f"{pending.host} was not saved: {e}")
            self.saved.append(pending.host)
        self.resolver.pin(pending.host, pending.dest)
        return redirect(pending.url)
