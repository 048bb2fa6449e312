"""Tunnel definitions: what a user configures, independent of whether it runs.

`TunnelSpec` is frozen and plain (no Qt, no sockets) so the UI, the settings
store, the importers and the engine can all share it. What a valid definition is
lives in core/spec_checks.py (`validate()`).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from i2ptunnel_gui.core.addresses import (
    SpecError,
)
from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import NO_CONN_LIMITS, ConnLimits
from i2ptunnel_gui.core.policy.post_limits import NO_POST_LIMITS, PostLimits
from i2ptunnel_gui.core.policy.server_policy import policy_from_dict

SCHEMA_VERSION = 1


class TunnelKind(StrEnum):
    FORWARD = "forward"  # local port -> host:port, no router
    SERVER = "server"  # incoming I2P streams -> host:port
    CLIENT = "client"  # local port -> I2P destination
    HTTP_SERVER = "http-server"  # incoming I2P streams -> an HTTP service, caller headers added
    # issue 10: client tunnels that proxy (one I2P session each, see core/i2p/proxies.py)
    HTTP_PROXY = "http-proxy"  # browser proxy: http://x.i2p/ and CONNECT
    SOCKS = "socks"  # SOCKS5 / SOCKS4a to .i2p names
    IRC = "irc"  # local port -> IRC server destination(s), identifying lines filtered


class KeyMode(StrEnum):
    PERSISTENT = "persistent"  # key file kept: the b32 survives restarts
    TRANSIENT = "transient"  # new destination on every start


DEFAULT_SAM = "127.0.0.1:7656"
DEFAULT_SIGNATURE_TYPE = 7  # EdDSA_SHA512_Ed25519; SAM's default (DSA) is unsafe
DEFAULT_IDLE_TIMEOUT = 600.0  # seed security note: accepted sockets must close eventually
DEFAULT_HALF_CLOSE_TIMEOUT = 30.0  # idle limit once one side sent FIN (haproxy's client-fin)
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_I2P_CONNECT_TIMEOUT = 60.0  # router stream connect takes up to ~1 min
DEFAULT_EEPSITE_PORT = 7658  # Java I2P's own web server: where users expect an eepsite
SERVER_KINDS = frozenset({TunnelKind.SERVER, TunnelKind.HTTP_SERVER})  # I2P -> local service

# Advanced I2CP knobs the editor shows as fields; everything else goes in `options`.
TUNNEL_SHAPE_KEYS = (
    "inbound.length",
    "outbound.length",
    "inbound.quantity",
    "outbound.quantity",
    "inbound.lengthVariance",
    "outbound.lengthVariance",
    "inbound.backupQuantity",
    "outbound.backupQuantity",
)




def new_tunnel_id() -> str:
    return uuid.uuid4().hex


def kind_defaults(kind: TunnelKind) -> dict[str, Any]:
    """Defaults that differ by kind, for new definitions (editor, CLI, importers).

    Client tunnels are transient by default (a stable address is only wanted on request)
    and wait longer for the target: a router's stream connect takes up to ~1 min.
    """
    if kind is TunnelKind.CLIENT:
        return {"key_mode": KeyMode.TRANSIENT, "connect_timeout": DEFAULT_I2P_CONNECT_TIMEOUT}
    if kind is TunnelKind.HTTP_SERVER:
        return {
            "key_mode": KeyMode.PERSISTENT,
            "connect_timeout": DEFAULT_CONNECT_TIMEOUT,
            "target_port": DEFAULT_EEPSITE_PORT,
        }
    if kind in PROXY_DEFAULTS:  # issue 10
        return {
            "key_mode": KeyMode.TRANSIENT,
            "connect_timeout": DEFAULT_I2P_CONNECT_TIMEOUT,
            **PROXY_DEFAULTS[kind],
        }
    return {"key_mode": KeyMode.PERSISTENT, "connect_timeout": DEFAULT_CONNECT_TIMEOUT}


@dataclass(frozen=True, slots=True)
class TunnelSpec:
    """One tunnel definition. Field names follow the domain, not a file format."""

    name: str
    kind: TunnelKind
    id: str = field(default_factory=new_tunnel_id)
    description: str = ""
    # where we accept TCP connections (forward, client)
    listen_host: str = "127.0.0.1"
    listen_port: int = 0
    allow_public_bind: bool = False  # non-loopback listen only when asked for
    # where we connect (forward, server)
    target_host: str = "127.0.0.1"
    target_port: int = 0
    # client: b32 / .i2p name / base64 destination
    destination: str = ""
    # limits (the seed's nconnect/timeout, plus idle and connect timeouts)
    nconnect: int = -1  # max simultaneous connections; -1 = unlimited
    lifetime: float | None = None  # max seconds one connection lives; None = forever
    idle_timeout: float | None = DEFAULT_IDLE_TIMEOUT  # None = never (explicit opt-out)
    half_close_timeout: float | None = DEFAULT_HALF_CLOSE_TIMEOUT  # idle limit, half-closed
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    auto_start: bool = False
    # I2P identity
    key_mode: KeyMode = KeyMode.PERSISTENT
    key_file: str = ""  # "" = the app key store decides (by tunnel id)
    sam_address: str = ""  # "" = the app-wide SAM address
    signature_type: int = DEFAULT_SIGNATURE_TYPE
    # free I2CP/streaming options, passed through to SESSION CREATE
    options: tuple[tuple[str, str], ...] = ()
    # -- server policy and I2P ports (issue 11) -------------------------------
    # server kinds: who may connect (entries: b32, base64, hash or .i2p name, as written)
    access_mode: AccessMode = AccessMode.OFF
    access_list: tuple[str, ...] = ()
    conn_limits: ConnLimits = NO_CONN_LIMITS  # server kinds: connections per minute/hour/day
    # HTTP server: Host header the service gets ("" = the caller's), POST/PUT limits
    host_override: str = ""
    post_limits: PostLimits = NO_POST_LIMITS
    i2p_port: int = 0  # client: the destination's port; server: the only port served; 0 = any
    # -- issue 10: proxy kinds and on-demand sessions --------------------------
    outproxy: str = ""  # http-proxy/socks: destination for non-.i2p hosts ("" = refuse them)
    replace_user_agent: bool = True  # http-proxy: send a fixed User-Agent, as Java I2P does
    proxy_user: str = ""  # socks: RFC 1929 user name ("" = no authentication)
    proxy_password: str = ""  # socks: its password
    delay_open: bool = False  # I2P client kinds: session created on the first connection
    close_idle: float | None = None  # ... and closed after this many idle minutes (Standby)

    # -- conveniences -------------------------------------------------------
    @property
    def needs_router(self) -> bool:
        return self.kind is not TunnelKind.FORWARD

    @property
    def serves(self) -> bool:
        """A server kind: incoming I2P streams go to target_host:target_port."""
        return self.kind in SERVER_KINDS

    @property
    def listens(self) -> bool:
        return self.kind is TunnelKind.FORWARD or self.kind in I2P_CLIENT_KINDS

    @property
    def options_dict(self) -> dict[str, str]:
        return dict(self.options)

    def replace(self, **changes: Any) -> TunnelSpec:
        if "options" in changes and isinstance(changes["options"], Mapping):
            changes["options"] = tuple(sorted(changes["options"].items()))
        return dataclasses.replace(self, **changes)

    @classmethod
    def new(cls, name: str, kind: TunnelKind, **fields: Any) -> TunnelSpec:
        """A new definition with the kind's defaults (see `kind_defaults`)."""
        return cls(name=name, kind=kind, **{**kind_defaults(kind), **fields})

    def duplicate(self, name: str) -> TunnelSpec:
        """A copy with a fresh id (and so its own key file)."""
        return dataclasses.replace(self, id=new_tunnel_id(), name=name, key_file="")

    # -- plain-data round trip (settings, export) ---------------------------
    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["kind"] = self.kind.value
        d["key_mode"] = self.key_mode.value
        d["options"] = dict(self.options)
        d["access_mode"] = self.access_mode.value
        d["access_list"] = list(self.access_list)
        return d

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TunnelSpec:
        """Build from plain data, filling defaults; raises SpecError on bad types."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise SpecError("", f"unknown field(s): {', '.join(unknown)}")
        kw: dict[str, Any] = dict(data)
        try:
            kw["kind"] = TunnelKind(kw.get("kind", ""))
        except ValueError:
            raise SpecError("kind", f"unknown tunnel kind {kw.get('kind')!r}") from None
        if "key_mode" in kw:
            try:
                kw["key_mode"] = KeyMode(kw["key_mode"])
            except ValueError:
                raise SpecError("key_mode", f"unknown key mode {kw['key_mode']!r}") from None
        if "options" in kw:
            opts = kw["options"] or {}
            if isinstance(opts, Mapping):
                kw["options"] = tuple(sorted((str(k), str(v)) for k, v in opts.items()))
            else:
                kw["options"] = tuple((str(k), str(v)) for k, v in opts)
        policy_from_dict(kw)
        for name, typ in _FIELD_TYPES.items():
            if name in kw and kw[name] is not None:
                try:
                    kw[name] = _coerce(typ, kw[name])
                except (TypeError, ValueError):
                    msg = f"{name} must be {typ.__name__}, got {kw[name]!r}"
                    raise SpecError(name, msg) from None
        if "name" not in kw:
            raise SpecError("name", "name is missing")
        return cls(**kw)


_FIELD_TYPES: dict[str, type] = {
    "listen_port": int,
    "target_port": int,
    "nconnect": int,
    "signature_type": int,
    "lifetime": float,
    "idle_timeout": float,
    "half_close_timeout": float,
    "connect_timeout": float,
    "allow_public_bind": bool,
    "auto_start": bool,
    "name": str,
    "description": str,
    "listen_host": str,
    "target_host": str,
    "destination": str,
    "key_file": str,
    "sam_address": str,
    "id": str,
    "host_override": str,
    "i2p_port": int,
    # issue 10
    "outproxy": str,
    "replace_user_agent": bool,
    "proxy_user": str,
    "proxy_password": str,
    "delay_open": bool,
    "close_idle": float,
}


def _coerce(typ: type, value: Any) -> Any:
    if typ is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "1", "yes", "false", "0", "no"):
            return value.lower() in ("true", "1", "yes")
        if isinstance(value, int):
            return bool(value)
        raise ValueError(value)
    if typ is int and isinstance(value, float) and not value.is_integer():
        raise ValueError(value)
    if typ is int and isinstance(value, bool):
        raise ValueError(value)
    if typ in (int, float) and isinstance(value, str) and not value.isascii():
        raise ValueError(value)  # int() takes '٣' (Arabic-Indic 3): not a number we wrote
    return typ(value)


# SAM SIGNATURE_TYPE codes accepted for destinations (RSA never is).
SIGNATURE_TYPES: dict[int, str] = {
    0: "DSA_SHA1",
    1: "ECDSA_SHA256_P256",
    2: "ECDSA_SHA384_P384",
    3: "ECDSA_SHA512_P521",
    7: "EdDSA_SHA512_Ed25519",
    11: "RedDSA_SHA512_Ed25519",
}


# -- issue 10: proxy kinds and on-demand sessions ------------------------------

# client kinds: a local listener, one I2P session per tunnel, on-demand capable
I2P_CLIENT_KINDS = frozenset(
    {TunnelKind.CLIENT, TunnelKind.HTTP_PROXY, TunnelKind.SOCKS, TunnelKind.IRC}
)
IRC2P = "irc.postman.i2p,irc.echelon.i2p,irc.dg.i2p"  # Java I2P's default IRC tunnel
PROXY_DEFAULTS: dict[TunnelKind, dict[str, Any]] = {
    TunnelKind.HTTP_PROXY: {"listen_port": 4444},
    TunnelKind.SOCKS: {"listen_port": 4447},
    TunnelKind.IRC: {"listen_port": 6668, "destination": IRC2P},
}
