"""Import/export of the proxy client kinds (HTTP proxy, SOCKS, IRC) and of the
on-demand settings of every client kind, for the Java and i2pd readers/writers.

Java I2P: `httpclient` and `connectclient` -> HTTP proxy (a CONNECT-only proxy's
clients work with ours unchanged), `sockstunnel` -> SOCKS, `ircclient` -> IRC
(every `targetDestination`, in order). `proxyList` (its first entry) is the
outproxy (HTTP proxy and SOCKS); `i2ptunnel.httpclient.sendUserAgent` keeps the
browser's User-Agent; `i2cp.delayOpen` / `i2cp.closeOnIdle` + `i2cp.closeIdleTime`
are delay-open and close-when-idle (Java I2P implements them too);
`i2cp.reduceOnIdle`, `i2cp.reduceIdleTime`, `i2cp.reduceQuantity` stay session options.
i2pd: `httpproxy` -> HTTP proxy (`outproxy` URL, `addresshelper`), `socks` -> SOCKS.
i2pd's `irc` type is an IRC *server* tunnel and stays unsupported; i2pd has no
filtering IRC client, so an IRC tunnel is not exported to i2pd (a plain client
would pass on what the filter removes). What cannot be mapped is named.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from i2ptunnel_gui.core.addresses import ascii_number
from i2ptunnel_gui.core.client_fields import destination_list
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.interop.common import RawTunnel
from i2ptunnel_gui.interop.model import EXT, Problem, TunnelProblem

JAVA_KINDS = {
    "httpclient": TunnelKind.HTTP_PROXY,
    "connectclient": TunnelKind.HTTP_PROXY,
    "sockstunnel": TunnelKind.SOCKS,
    "ircclient": TunnelKind.IRC,
}
JAVA_TYPES = {  # export (httpclient, not connectclient)
    TunnelKind.HTTP_PROXY: "httpclient",
    TunnelKind.SOCKS: "sockstunnel",
    TunnelKind.IRC: "ircclient",
}
JAVA_UNSUPPORTED = {
    "socksirctunnel": "SOCKS IRC proxy: a SOCKS proxy that filters IRC is not provided; "
    "use an IRC client tunnel to the same servers instead",
}
JAVA_KEYS = {"proxyList"}  # top-level keys these kinds add
NO_OUTPROXY = "false.i2p"  # Java's and i2pd's placeholder for "none"
I2PD_KINDS = {"httpproxy": TunnelKind.HTTP_PROXY, "socks": TunnelKind.SOCKS}
I2PD_KEYS = {"outproxy", "outproxyport", "addresshelper"}
I2PD_IRC_SERVER = (
    "i2pd's irc type is an IRC server tunnel (it publishes a server and rewrites the "
    "caller's host with WEBIRC), which this app does not do; for an IRC client use "
    "the IRC client tunnel kind"
)

_HTTPCLIENT = "i2ptunnel.httpclient."
# Java proxy options we cannot honour, and what happens instead
_JAVA_IGNORED = {
    _HTTPCLIENT + "sendReferer": "Referer is sent only when it names the requested host",
    _HTTPCLIENT + "sendVia": "Via is always removed",
    _HTTPCLIENT + "sendAccept": "Accept headers are passed unchanged",
    _HTTPCLIENT + "allowInternalSSL": "CONNECT to .i2p hosts is always allowed",
    _HTTPCLIENT + "SSLOutproxies": "CONNECT goes to the outproxy of proxyList",
    _HTTPCLIENT + "useLocalOutproxy": "outproxy plugins are not provided",
    _HTTPCLIENT + "jumpServers": "jump servers are not offered; ?i2paddresshelper= links work",
    _HTTPCLIENT + "disableAddressHelper": "jump links always ask before a name is saved",
    "outproxyAuth": "outproxy authentication is not provided",
    "proxyAuth": "proxy authentication: only SOCKS user name/password (set it in the editor)",
    "ircclient.enableDCC": "DCC is always filtered out",
}
_ON_DEMAND_KEYS = ("i2cp.delayOpen", "i2cp.closeOnIdle", "i2cp.closeIdleTime")
JAVA_CLOSE_IDLE_DEFAULT_MS = 30 * 60_000  # Java's i2cp.closeIdleTime default
# our own keys for i2pd, which has no equivalent (i2pd ignores unknown keys)
_EXT_DELAY, _EXT_CLOSE, _EXT_UA = EXT + "delayOpen", EXT + "closeIdleMinutes", EXT + "sendUserAgent"


def _true(text: str) -> bool:
    return text.strip().lower() == "true"


def on_demand_fields(
    raw: RawTunnel, options: dict[str, tuple[str, str]], warnings: list[Problem]
) -> dict[str, object]:
    """delay_open / close_idle from Java's i2cp.* keys or our i2pd keys; the keys
    used are taken out of `options` (which become session options otherwise)."""
    fields: dict[str, object] = {}
    got = {k: options.pop(k) for k in (*_ON_DEMAND_KEYS, _EXT_DELAY, _EXT_CLOSE) if k in options}
    if "i2cp.delayOpen" in got or _EXT_DELAY in got:
        value, _src = got.get("i2cp.delayOpen") or got[_EXT_DELAY]
        fields["delay_open"] = _true(value)
    if "i2cp.closeOnIdle" in got and _true(got["i2cp.closeOnIdle"][0]):
        value, src = got.get("i2cp.closeIdleTime", (str(JAVA_CLOSE_IDLE_DEFAULT_MS), ""))
        try:
            ms = int(value)
        except ValueError:
            raise TunnelProblem(raw.where(src), f"{src}: {value!r} is not milliseconds") from None
        if ms <= 0:
            raise TunnelProblem(raw.where(src), f"{src}: must be more than 0")
        fields["close_idle"] = ms / 60_000
    elif _EXT_CLOSE in got:
        value, src = got[_EXT_CLOSE]
        try:
            fields["close_idle"] = float(value)
        except ValueError:
            raise TunnelProblem(raw.where(src), f"{src}: {value!r} is not minutes") from None
    return fields


def java_proxy_fields(
    raw: RawTunnel,
    jtype: str,
    options: dict[str, tuple[str, str]],
    warnings: list[Problem],
) -> dict[str, object]:
    """The fields of a Java proxy-kind tunnel beyond listen address and key; the
    options used are taken out of `options`."""
    kind = JAVA_KINDS[jtype]
    fields: dict[str, object] = {}
    if jtype == "connectclient":
        warnings.append(Problem(raw.where("type"), "CONNECT proxy imported as an HTTP proxy "
                                "(it serves CONNECT the same way, and plain requests too)"))
    if kind is TunnelKind.IRC:
        dests = []
        for entry in destination_list(raw.require("targetDestination")):
            host, sep, port = entry.rpartition(":")
            if sep and ascii_number(port) is not None:
                warnings.append(Problem(raw.where("targetDestination"),
                                        f"{entry}: destination port {port} is not used"))
                entry = host
            dests.append(entry)
        fields["destination"] = ",".join(dests)
    listed = raw.get("proxyList").replace(" ", ",").split(",")
    # "false.i2p" is Java's placeholder for "no outproxy"
    proxies = [p.strip() for p in listed if p.strip() and p.strip() != NO_OUTPROXY]
    if proxies:
        if kind is TunnelKind.IRC:
            warnings.append(Problem(raw.where("proxyList"), "an IRC tunnel has no outproxy; "
                                    "proxyList ignored"))
        else:
            fields["outproxy"] = proxies[0].rpartition(":")[0] if _has_port(proxies[0]) else (
                proxies[0])
            if len(proxies) > 1:
                warnings.append(Problem(raw.where("proxyList"), f"{len(proxies)} outproxies "
                                        f"listed; this app uses the first ({proxies[0]})"))
    ua = options.pop(_HTTPCLIENT + "sendUserAgent", None)
    if ua is not None:
        fields["replace_user_agent"] = not _true(ua[0])
    for key in list(options):
        why = _JAVA_IGNORED.get(key)
        if why is None and key.startswith(("proxyUsername", "proxyPassword", "outproxyUser",
                                           "outproxyPass")):
            why = "proxy passwords are not imported (Java keeps them hashed); set them again"
        if why is not None:
            _value, src = options.pop(key)
            warnings.append(Problem(raw.where(src), f"{key}: not imported: {why}"))
    return fields


def _has_port(entry: str) -> bool:
    host, sep, port = entry.rpartition(":")
    return bool(sep and host and ascii_number(port) is not None)


def i2pd_proxy_fields(
    raw: RawTunnel, itype: str, options: dict[str, tuple[str, str]], warnings: list[Problem]
) -> dict[str, object]:
    """The fields of an i2pd httpproxy/socks section beyond address, port and keys; our
    own keys used are taken out of `options`."""
    fields: dict[str, object] = {}
    out = raw.get("outproxy").strip()
    if out and itype == "httpproxy":
        host = urlsplit(out).hostname if "://" in out else out.partition(":")[0]
        if host and host.endswith(".i2p") and host != NO_OUTPROXY:
            fields["outproxy"] = host
        elif host != NO_OUTPROXY:
            warnings.append(Problem(raw.where("outproxy"), f"outproxy {out}: only an I2P "
                                    "destination can be an outproxy here; ignored"))
    elif out:
        warnings.append(Problem(raw.where("outproxy"), f"outproxy {out}: i2pd's SOCKS "
                                "outproxy is a clearnet proxy, which this app does not use"))
    if raw.get("addresshelper", "true").lower() == "false":
        warnings.append(Problem(raw.where("addresshelper"), "addresshelper = false: jump links "
                                "are always offered here, and always ask before saving"))
    ua = options.pop(_EXT_UA, None)
    if ua is not None:
        fields["replace_user_agent"] = not _true(ua[0])
    return fields


# -- export -------------------------------------------------------------------


def java_export(spec: TunnelSpec, warnings: list[str]) -> dict[str, str]:
    """Unprefixed Java keys for a proxy kind and for any client kind's on-demand settings
    (`type`: JAVA_TYPES, written by java.py)."""
    p: dict[str, str] = {}
    if spec.outproxy:
        p["proxyList"] = spec.outproxy
    if spec.kind is TunnelKind.HTTP_PROXY:
        p[f"option.{_HTTPCLIENT}sendUserAgent"] = "false" if spec.replace_user_agent else "true"
    if spec.proxy_user:
        warnings.append(f"{spec.name}: the SOCKS user name and password are not exported "
                        "(Java I2P keeps hashed passwords); set them again there")
    if spec.delay_open:
        p["option.i2cp.delayOpen"] = "true"
    if spec.close_idle is not None:
        p["option.i2cp.closeOnIdle"] = "true"
        p["option.i2cp.closeIdleTime"] = str(round(spec.close_idle * 60_000))
    return p


def i2pd_export(spec: TunnelSpec) -> list[tuple[str, str]]:
    """i2pd rows for a proxy kind and any client kind's on-demand settings (our own keys:
    i2pd has none); `type` is written by i2pd.py. ValueError for what i2pd
    cannot run."""
    if spec.kind is TunnelKind.IRC:
        raise ValueError(f"{spec.name}: i2pd has no IRC client tunnel that filters; a plain "
                         "client would pass on what the filter removes; not exported")
    if spec.kind is TunnelKind.SOCKS and spec.outproxy:
        raise ValueError(f"{spec.name}: i2pd's SOCKS outproxy is a clearnet proxy, not an I2P "
                         "destination; not exported")
    rows: list[tuple[str, str]] = []
    if spec.kind is TunnelKind.HTTP_PROXY:
        if spec.outproxy and not spec.outproxy.lower().endswith(".i2p"):
            raise ValueError(f"{spec.name}: i2pd takes the outproxy as a URL: give its "
                             ".b32.i2p address instead of the base64 destination to export")
        if spec.outproxy:
            rows.append(("outproxy", f"http://{spec.outproxy}"))
        if not spec.replace_user_agent:
            rows.append((_EXT_UA, "true"))
    if spec.delay_open:
        rows.append((_EXT_DELAY, "true"))
    if spec.close_idle is not None:
        rows.append((_EXT_CLOSE, repr(spec.close_idle)))
    return rows
