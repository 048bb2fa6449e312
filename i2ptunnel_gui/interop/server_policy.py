"""Server policy in Java and i2pd tunnel configs, both ways: access lists,
connection-rate and POST limits, the Host override and I2P ports.

Pure mappings over one tunnel's keys (no files, no line numbers): the readers in
java.py / i2pd.py call `*_policy_fields` with the tunnel's values and get the
TunnelSpec fields and what could not be kept (each
reason names its key, so the reader can point at its line); the writers call
`*_policy_keys` with a spec and get the keys plus what the format cannot hold.
Nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from i2ptunnel_gui.core.addresses import ascii_number, port_from_text
from i2ptunnel_gui.core.policy.access import AccessListError, AccessMode, entry_hash, split_entries
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.post_limits import PostLimits
from i2ptunnel_gui.core.sam.keys import B32_SUFFIX, b32encode
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec

# Java: i2ptunnel.config keys under option. (TunnelController / I2PTunnelHTTPServer)
JAVA_ENABLE_ALLOW = "i2cp.enableAccessList"
JAVA_ENABLE_DENY = "i2cp.enableBlackList"
JAVA_ACCESS_LIST = "i2cp.accessList"
JAVA_LIMIT_KEYS = {
    "client_per_minute": "i2p.streaming.maxConnsPerMinute",
    "client_per_hour": "i2p.streaming.maxConnsPerHour",
    "client_per_day": "i2p.streaming.maxConnsPerDay",
    "total_per_minute": "i2p.streaming.maxTotalConnsPerMinute",
    "total_per_hour": "i2p.streaming.maxTotalConnsPerHour",
    "total_per_day": "i2p.streaming.maxTotalConnsPerDay",
}
JAVA_POST_KEYS = {
    "max_per_client": "maxPosts",
    "max_total": "maxTotalPosts",
    "window": "postCheckTime",
    "ban": "postBanTime",
    "total_ban": "postTotalBanTime",
}
JAVA_SPOOFED_HOST = "spoofedHost"  # a top-level key, not an option
JAVA_POLICY_OPTIONS = frozenset(
    {JAVA_ENABLE_ALLOW, JAVA_ENABLE_DENY, JAVA_ACCESS_LIST}
    | set(JAVA_LIMIT_KEYS.values())
    | set(JAVA_POST_KEYS.values())
)

PORT_NOTE = (
    "kept as the tunnel's I2P port; it needs a router granting SAM 3.2+ "
    "(i2pd 2.45 grants 3.1: there the tunnel does not start until the port is cleared)"
)

# i2pd: tunnels.conf keys
I2PD_ACCESS_KEYS = ("accesslist", "whitelist")  # whitelist: i2pd's older name


@dataclass(slots=True)
class Mapped:
    """What one tunnel's policy keys became."""

    fields: dict[str, Any] = field(default_factory=dict)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    refusal: tuple[str, str] | None = None  # (key, reason): the tunnel must not be imported


def _true(text: str) -> bool:
    return text.strip().lower() == "true"


def _count(key: str, text: str) -> int:
    t = text.strip()
    if (n := ascii_number(t.removeprefix("-"))) is None:
        raise ValueError(f"{key}: {text!r} is not a whole number")
    return 0 if t.startswith("-") else n  # Java treats 0 and negatives as "no limit"


def _access_entries(text: str) -> list[str]:
    return [item for _, item in split_entries(text)]


def _bad_entries(key: str, entries: list[str]) -> tuple[str, str] | None:
    errors = []
    for item in entries:
        try:
            entry_hash(item)
        except AccessListError as e:
            errors.append(str(e))
    return (key, "; ".join(errors)) if errors else None


# -- Java ------------------------------------------------------------------------


def java_policy_fields(
    kind: TunnelKind, options: Mapping[str, str], spoofed_host: str = ""
) -> Mapped:
    """Policy fields of a Java tunnel from its `option.*` values (without the prefix)."""
    m = Mapped()
    serves = kind in (TunnelKind.SERVER, TunnelKind.HTTP_SERVER)
    allow = _true(options.get(JAVA_ENABLE_ALLOW, ""))
    deny = _true(options.get(JAVA_ENABLE_DENY, ""))
    entries = _access_entries(options.get(JAVA_ACCESS_LIST, ""))
    if allow and deny:
        m.refusal = (
            JAVA_ENABLE_ALLOW,
            "both the access list and the black list are on; "
            "Java uses the access list only: turn one off first",
        )
        return m
    if serves and (allow or deny):
        if (bad := _bad_entries(JAVA_ACCESS_LIST, entries)) is not None:
            m.refusal = bad  # a list that cannot be read must not become "everyone"
            return m
        if allow and not entries:
            m.refusal = (
                JAVA_ENABLE_ALLOW,
                "the access list is on but empty: Java lets "
                "nobody in; importing it would lock everyone out here too",
            )
            return m
        m.fields["access_mode"] = AccessMode.ALLOW if allow else AccessMode.DENY
        m.fields["access_list"] = tuple(entries)
    try:
        limits = {
            name: _count(key, options[key])
            for name, key in JAVA_LIMIT_KEYS.items()
            if key in options
        }
        posts = {
            name: _count(key, options[key])
            for name, key in JAVA_POST_KEYS.items()
            if key in options
        }
    except ValueError as e:
        m.refusal = (str(e).split(":", 1)[0], str(e))
        return m
    if serves and any(limits.values()):
        m.fields["conn_limits"] = ConnLimits(**limits)
    elif any(limits.values()):
        m.warnings.append(
            (
                JAVA_LIMIT_KEYS["client_per_minute"],
                "connection limits apply to server tunnels only; ignored",
            )
        )
    if kind is TunnelKind.HTTP_SERVER:
        if posts.get("max_per_client") or posts.get("max_total"):
            m.fields["post_limits"] = PostLimits(**posts)
        if spoofed_host.strip():
            m.fields["host_override"] = spoofed_host.strip()
    else:
        if spoofed_host.strip():
            m.warnings.append((JAVA_SPOOFED_HOST, "only HTTP server tunnels use it; ignored"))
        if posts.get("max_per_client") or posts.get("max_total"):
            m.warnings.append(
                (
                    JAVA_POST_KEYS["max_per_client"],
                    "POST limits apply to HTTP server tunnels only; ignored",
                )
            )
    return m


def java_policy_keys(spec: TunnelSpec) -> tuple[dict[str, str], list[str]]:
    """Java keys (unprefixed: `option.` included where Java wants it) and warnings."""
    p: dict[str, str] = {}
    warnings: list[str] = []
    if spec.access_mode is not AccessMode.OFF:
        p[f"option.{JAVA_ENABLE_ALLOW}"] = str(spec.access_mode is AccessMode.ALLOW).lower()
        p[f"option.{JAVA_ENABLE_DENY}"] = str(spec.access_mode is AccessMode.DENY).lower()
        p[f"option.{JAVA_ACCESS_LIST}"] = ",".join(spec.access_list)
    limits = spec.conn_limits
    for name, key in JAVA_LIMIT_KEYS.items():
        if getattr(limits, name):
            p[f"option.{key}"] = str(getattr(limits, name))
    if spec.kind is TunnelKind.HTTP_SERVER:
        if spec.host_override:
            p[JAVA_SPOOFED_HOST] = spec.host_override
        if spec.post_limits.any:
            for name, key in JAVA_POST_KEYS.items():
                p[f"option.{key}"] = str(getattr(spec.post_limits, name))
    if spec.i2p_port and spec.serves:
        warnings.append(
            f"{spec.name}: Java server tunnels accept every I2P port; the "
            f"limit to port {spec.i2p_port} is not kept"
        )
    return p, warnings


def java_client_destination(spec: TunnelSpec) -> str:
    """Java's targetDestination: the destination, with `:port` when one is set."""
    return f"{spec.destination}:{spec.i2p_port}" if spec.i2p_port else spec.destination


# -- i2pd ------------------------------------------------------------------------


def i2pd_policy_fields(kind: TunnelKind, values: Mapping[str, str]) -> Mapped:
    """Policy fields of an i2pd section (`type` already mapped to `kind`)."""
    m = Mapped()
    serves = kind in (TunnelKind.SERVER, TunnelKind.HTTP_SERVER)
    for key in I2PD_ACCESS_KEYS:
        text = values.get(key, "")
        if not text.strip():
            continue
        entries = _access_entries(text)
        if (bad := _bad_entries(key, entries)) is not None:
            m.refusal = bad
            return m
        m.fields["access_mode"] = AccessMode.ALLOW
        m.fields["access_list"] = tuple(entries)
        break
    port_key = "inport" if serves else "destinationport"  # (enableuniquelocal: i2pd.py)
    text = values.get(port_key, "").strip()
    # i2pd's server takes `port` as its inport when none is set: the same number written
    # out is that default, not a choice (and would stop the tunnel on a SAM 3.1 bridge)
    implied = serves and text == values.get("port", "").strip()
    if text and text != "0" and not implied:
        if not (serves or kind is TunnelKind.CLIENT):  # a proxy names its peer per request
            m.warnings.append((port_key, "a proxy tunnel connects to no fixed port; ignored"))
        elif (port := port_from_text(text)) is None:
            m.refusal = (port_key, f"{port_key}: {text!r} is not a port (1-65535)")
            return m
        else:
            m.fields["i2p_port"] = port
            m.warnings.append((port_key, PORT_NOTE))
    if kind is not TunnelKind.HTTP_SERVER and values.get("hostoverride", "").strip():
        m.warnings.append(("hostoverride", "i2pd uses it for http tunnels only; ignored"))
    if kind is TunnelKind.HTTP_SERVER:
        if values.get("hostoverride", "").strip():
            m.fields["host_override"] = values["hostoverride"].strip()
        if values.get("i2pheaders", "true").strip().lower() == "false":
            m.warnings.append(
                (
                    "i2pheaders",
                    "the X-I2P headers are always added (they "
                    "cannot be forged); i2pheaders = false is not kept",
                )
            )
    return m


def i2pd_policy_keys(spec: TunnelSpec) -> tuple[list[tuple[str, str]], list[str]]:
    """i2pd keys for `spec`'s policy, and what i2pd cannot hold."""
    rows: list[tuple[str, str]] = []
    warnings: list[str] = []
    if spec.access_mode is AccessMode.ALLOW:
        hashes, names = _i2pd_entries(spec.access_list)
        if names:
            warnings.append(
                f"{spec.name}: i2pd's accesslist takes b32 addresses only; "
                f"{', '.join(names)} not exported (fewer callers get in)"
            )
        if not hashes:  # an empty accesslist lets everyone in: never write that
            raise ValueError(
                f"{spec.name}: its allow list has only names, which i2pd "
                "cannot read; not exported (it would let everyone in)"
            )
        rows.append(("accesslist", ",".join(hashes)))
    elif spec.access_mode is AccessMode.DENY:
        warnings.append(
            f"{spec.name}: i2pd has allow lists only; the deny list of "
            f"{len(spec.access_list)} destinations is not exported, so i2pd "
            "would let them in"
        )
    if spec.conn_limits.any:
        warnings.append(f"{spec.name}: i2pd has no connection-rate limits; not exported")
    if spec.kind is TunnelKind.HTTP_SERVER:
        if spec.host_override:
            rows.append(("hostoverride", spec.host_override))
        if spec.post_limits.any:
            warnings.append(f"{spec.name}: i2pd has no POST limits; not exported")
    if spec.i2p_port:
        rows.append(("inport" if spec.serves else "destinationport", str(spec.i2p_port)))
    return rows, warnings


def _i2pd_entries(entries: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(bare 52-character b32 hashes as i2pd reads them, the names it cannot read).
    A b32 is written as it was typed (minus `.b32.i2p`), so it reads back the same."""
    hashes, names = [], []
    for text in entries:
        try:
            h = entry_hash(text)
        except AccessListError:
            names.append(text)  # validate() refuses these; kept out all the same
            continue
        if h is None:
            names.append(text)
            continue
        typed = text.strip().lower().removesuffix(B32_SUFFIX)
        hashes.append(typed if len(typed) == 52 else b32encode(h))
    return hashes, names
