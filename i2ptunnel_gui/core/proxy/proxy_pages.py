"""The HTTP responses the proxy writes itself: error pages, redirects, confirmations.

Small self-contained HTML (no external resources, no scripts), every inserted text
escaped, `Connection: close` and `Cache-Control: no-store` so a browser never keeps
a proxy page in place of the site's.
"""

from __future__ import annotations

from html import escape
from http import HTTPStatus

from i2ptunnel_gui.core.proxy.proxy_failure import FailureKind, ProxyFailure

CONNECT_OK = b"HTTP/1.1 200 Connection established\r\n\r\n"

_STYLE = (
    "body{font-family:sans-serif;max-width:40em;margin:3em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.4em}code{background:#eee;padding:0 .2em;word-break:break-all}"
    ".warn{color:#a00}a.button{display:inline-block;margin:.5em 1em .5em 0;padding:.4em 1em;"
    "border:1px solid #555;border-radius:4px;text-decoration:none;color:#222}"
)


def response(status: int, body_html: str, *, title: str, headers: tuple[str, ...] = ()) -> bytes:
    """A complete HTTP/1.1 response with an HTML page (`body_html` is already escaped)."""
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body_html}<hr><small>i2ptunnel-gui HTTP proxy</small></body></html>"
    ).encode()
    reason = _reason(status)
    head = [
        f"HTTP/1.1 {status} {reason}",
        "Content-Type: text/html; charset=utf-8",
        f"Content-Length: {len(page)}",
        "Cache-Control: no-store",
        "Connection: close",
        *headers,
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + page


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def error_page(status: int, title: str, message: str, hint: str = "") -> bytes:
    body = f"<h1>{escape(title)}</h1><p>{escape(message)}</p>"
    if hint:
        body += f"<p>{escape(hint)}</p>"
    return response(status, body, title=title)


def failure_page(failure: ProxyFailure) -> bytes:
    kind = failure.kind
    return error_page(kind.http_status, kind.title, failure.message, kind.hint)


def head_error_page(status: int, message: str) -> bytes:
    """The page for a request head that could not be read (400, 408, 431, 501)."""
    titles = {
        408: ("Request timed out", "The browser sent its request too slowly."),
        431: ("Request head too large", "Remove some cookies or shorten the address."),
        501: ("Not supported", FailureKind.UNSUPPORTED.hint),
    }
    title, hint = titles.get(status, (FailureKind.BAD_REQUEST.title, FailureKind.BAD_REQUEST.hint))
    return error_page(status, title, message, hint)


def redirect(url: str) -> bytes:
    """302 to `url` (an http URL the proxy built from the request)."""
    safe = escape(url, quote=True)
    body = f'<h1>Moved</h1><p><a href="{safe}">{escape(url)}</a></p>'
    return response(302, body, title="Moved", headers=(f"Location: {_header_safe(url)}",))


def _header_safe(text: str) -> str:
    return "".join(c for c in text if c.isprintable() and c not in "\r\n")


def confirm_page(
    host: str, b32: str, save_url: str, once_url: str, *, saved_b32: str | None = None
) -> bytes:
    """Ask before a jump link's name is used. `saved_b32`: the address book already has
    another destination for `host`: then only 'use it this time' is offered."""
    h, b = escape(host), escape(b32)
    if saved_b32 is None:
        body = (
            f"<h1>Save {h} to the address book?</h1>"
            f"<p>The link you followed says <b>{h}</b> is <code>{b}</code>.</p>"
            "<p>Save it only if you trust the site that gave you the link: from then on "
            f"<b>{h}</b> always leads there.</p>"
            f'<a class="button" href="{escape(save_url, quote=True)}">Save and continue</a>'
            f'<a class="button" href="{escape(once_url, quote=True)}">Continue without '
            "saving</a>"
        )
        title = f"Save {host}?"
    else:
        body = (
            f'<h1 class="warn">{h}: the link names another destination</h1>'
            f"<p>Your address book has <b>{h}</b> as <code>{escape(saved_b32)}</code>, "
            f"but the link you followed says <code>{b}</code>. Someone may be "
            "impersonating the site.</p>"
            f'<a class="button" href="http://{h}/">Go to the saved {h}</a>'
            f'<a class="button" href="{escape(once_url, quote=True)}">Use the link\'s '
            "destination this time</a>"
        )
        title = f"{host}: conflicting destination"
    return response(200, body, title=title)
