"""Java I2P i2ptunnel.config (monolithic, `tunnel.N.*`) and i2ptunnel.config.d/ (split).

Syntax as DataHelper.loadProps reads it (REFERENCE.md 2.5): UTF-8, `#` starts a
comment anywhere, `;` only in column 1, `=` separates, values are trimmed, no
escapes. We also trim keys (a hand-edited `name = x` should not silently fail).
"""

from __future__ import annotations

import re
from pathlib import Path

from i2ptunnel_gui.core.addresses import ascii_number, is_loopback_host
from i2ptunnel_gui.core.spec import SERVER_KINDS, KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.interop import client_proxies
from i2ptunnel_gui.interop.common import RawTunnel, build_spec, find_key, read_text
from i2ptunnel_gui.interop.model import (
    EXT,
    FoundTunnel,
    ImportResult,
    Problem,
    Skipped,
    TunnelProblem,
    ext_options,
)
from i2ptunnel_gui.interop.server_policy import (
    JAVA_ACCESS_LIST,
    JAVA_POLICY_OPTIONS,
    JAVA_SPOOFED_HOST,
    PORT_NOTE,
    Mapped,
    java_client_destination,
    java_policy_fields,
    java_policy_keys,
)

_TUNNEL_KEY = re.compile(r"^tunnel\.(\d+)\.(.+)$")

# Java types this app does not provide, and why (never dropped silently).
UNSUPPORTED = {
    "httpbidirserver": "HTTP bidir server: needs Host-header rewriting and a local proxy port",
    "ircserver": "IRC server: rewrites the client's host name, which this app does not do",
    "streamrclient": "Streamr client: UDP streaming is not provided",
    "streamrserver": "Streamr server: UDP streaming is not provided",
    **client_proxies.JAVA_UNSUPPORTED,  # the proxy kinds: interop/client_proxies.py
}
_IGNORED_KEYS = {"sharedClient", "configFile", "i2cpHost", "i2cpPort", "i2ptunnel.gzip"}
_KNOWN = {
    "type", "name", "description", "startOnLoad", "interface", "listenPort",
    "targetDestination", "targetHost", "targetPort", "privKeyFile", JAVA_SPOOFED_HOST,
} | _IGNORED_KEYS | client_proxies.JAVA_KEYS
# the proxy kinds: interop/client_proxies.py
_KINDS = {"client": TunnelKind.CLIENT, "server": TunnelKind.SERVER,
          "httpserver": TunnelKind.HTTP_SERVER, **client_proxies.JAVA_KINDS}
_TYPES = {kind: jtype for jtype, kind in _KINDS.items()} | client_proxies.JAVA_TYPES
_TRANSIENT_SERVER = EXT + "transientServerKey"
_DROPPED_OPTIONS = {"inbound.nickname", "outbound.nickname"}  # the SAM layer names sessions
_FIELD_KEYS = {
    "name": "name", "description": "description", "listen_host": "interface",
    "listen_port": "listenPort", "destination": "targetDestination",
    "target_host": "targetHost", "target_port": "targetPort", "auto_start": "startOnLoad",
    "signature_type": "option.i2cp.destination.sigType",
    "access_list": f"option.{JAVA_ACCESS_LIST}", "host_override": JAVA_SPOOFED_HOST,
    "i2p_port": "targetDestination",
}


def parse_properties(
    path: Path, result: ImportResult
) -> dict[str, tuple[str, int]] | None:
    """key -> (value, line); None if the file is unreadable (reported in `result`)."""
    lines, problem = read_text(path)
    if lines is None:
        assert problem is not None
        result.errors.append(problem)
        return None
    props: dict[str, tuple[str, int]] = {}
    for n, line in enumerate(lines, 1):
        if line.startswith(";"):
            continue
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        key, sep, value = body.partition("=")
        key = key.strip()
        if not sep:
            result.errors.append(Problem(f"{path}:{n}", f"expected KEY=VALUE, got {line!r}"))
            continue
        if not key:
            result.errors.append(Problem(f"{path}:{n}", "key is empty"))
            continue
        if key in props:
            result.warnings.append(Problem(
                f"{path}:{n}", f"{key} repeats line {props[key][1]}; this later value wins"))
        props[key] = (value.strip(), n)
    return props


def load_monolithic(path: Path, props: dict[str, tuple[str, int]], result: ImportResult) -> None:
    tunnels: dict[int, RawTunnel] = {}
    for key, (value, n) in props.items():
        m = _TUNNEL_KEY.match(key)
        if m is None or str(int(m.group(1))) != m.group(1):
            result.warnings.append(Problem(f"{path}:{n}", f"{key}: not a tunnel.N.* key; ignored"))
            continue
        idx = int(m.group(1))
        raw = tunnels.setdefault(idx, RawTunnel(path, n, f"tunnel.{idx}"))
        raw.line = min(raw.line, n)
        raw.values[m.group(2)] = (value, n)
    gap = 0
    while gap in tunnels:
        gap += 1
    for idx in sorted(tunnels):
        raw = tunnels[idx]
        if idx > gap:
            result.skipped.append(Skipped(
                raw.get("name"), raw.get("type"), raw.where(),
                f"tunnel.{idx} comes after a gap in the numbering (there is no tunnel.{gap}); "
                "Java I2P stops loading at the first gap, so it never runs this tunnel"))
            continue
        _map_into(raw, path.parent, result)


def load_split_file(path: Path, props: dict[str, tuple[str, int]], result: ImportResult,
                    config_dir: Path) -> None:
    first = min((n for _, n in props.values()), default=1)
    raw = RawTunnel(path, first, path.name, dict(props))
    _map_into(raw, config_dir, result)


def _map_into(raw: RawTunnel, config_dir: Path, result: ImportResult) -> None:
    try:
        result.tunnels.append(map_tunnel(raw, config_dir))
    except TunnelProblem as e:
        result.skipped.append(Skipped(raw.get("name"), raw.get("type"), e.where, e.reason,
                                      error=e.error))


def map_tunnel(raw: RawTunnel, config_dir: Path) -> FoundTunnel:
    jtype = raw.require("type")
    if jtype in UNSUPPORTED:
        raise TunnelProblem(raw.where("type"), UNSUPPORTED[jtype], error=False)
    if jtype not in _KINDS:
        raise TunnelProblem(raw.where("type"), f"unknown tunnel type {jtype!r}")
    kind = _KINDS[jtype]
    name = raw.require("name")
    warnings: list[Problem] = []
    fields: dict[str, object] = {"name": name, "description": raw.get("description")}
    try:
        fields["auto_start"] = _start_on_load(raw, warnings)
        if kind is TunnelKind.CLIENT and raw.get("sharedClient").strip().lower() == "true":
            warnings.append(Problem(raw.where("sharedClient"), (
                "sharedClient=true: Java I2P lets shared client tunnels use one "
                "destination; this app gives this tunnel its own")))
        for key in raw.values:
            if key not in _KNOWN and not key.startswith("option."):
                warnings.append(Problem(raw.where(key), f"{key}: not used by this app; ignored"))
        options: dict[str, tuple[str, str]] = {}
        policy: dict[str, str] = {}  # access list, limits: interop/server_policy.py
        for key, (value, _n) in raw.values.items():
            if not key.startswith("option."):
                continue
            okey = key[len("option."):]
            if okey in JAVA_POLICY_OPTIONS:
                policy[okey] = value
                continue
            if okey == "useSSL" and value == "true":
                raise TunnelProblem(raw.where(key), "useSSL: TLS tunnels are not supported",
                                    error=False)
            if okey == "i2cp.destination.sigType":
                fields["signature_type"] = raw.sigtype(key, value)
            elif okey in _DROPPED_OPTIONS or okey in ("persistentClientKey", _TRANSIENT_SERVER):
                continue
            else:
                options[okey] = (value, key)
        if kind not in SERVER_KINDS:  # every client kind
            fields.update(client_proxies.on_demand_fields(raw, options, warnings))
            fields["listen_host"] = raw.get("interface", "127.0.0.1") or "127.0.0.1"
            fields["listen_port"] = raw.port("listenPort")
            if not is_loopback_host(str(fields["listen_host"])):
                fields["allow_public_bind"] = True  # the source config asked for it
                warnings.append(Problem(raw.where("interface"), (
                    f"listens on {fields['listen_host']} (not loopback), as the source "
                    "config does: anyone who can reach it can use the tunnel")))
            if kind is TunnelKind.CLIENT:
                fields["destination"], fields["i2p_port"] = _first_destination(raw, warnings)
            else:
                fields.update(client_proxies.java_proxy_fields(raw, jtype, options, warnings))
        else:
            fields["target_host"] = raw.require("targetHost")
            fields["target_port"] = raw.port("targetPort")
        _map_policy(raw, java_policy_fields(kind, policy, raw.get(JAVA_SPOOFED_HOST)),
                    fields, warnings)
    except ValueError as e:
        raise TunnelProblem(raw.where(), str(e)) from None
    key_source, key_mode = _key(raw, kind, config_dir, warnings)
    fields["key_mode"] = key_mode
    return build_spec(raw, kind, fields, options, dict(_FIELD_KEYS), warnings, key_source)


def _start_on_load(raw: RawTunnel, warnings: list[Problem]) -> bool:
    """Java: Boolean.parseBoolean(startOnLoad, default "true"): only "true" is true."""
    text = raw.get("startOnLoad", "true").strip()
    if text.lower() not in ("true", "false"):
        warnings.append(Problem(raw.where("startOnLoad"), (
            f"startOnLoad={text}: Java I2P takes only 'true' as true, so it does not start "
            "this tunnel by itself; neither will this app")))
    return text.lower() == "true"


def _map_policy(raw: RawTunnel, mapped: Mapped, fields: dict[str, object],
                warnings: list[Problem]) -> None:
    """Access list, limits, spoofedHost: kept, named, or the tunnel refused (a list that
    cannot be read must not turn into "everyone may connect")."""
    def where(key: str) -> str:
        return raw.where(key if key in raw.values else f"option.{key}")

    if mapped.refusal is not None:
        key, why = mapped.refusal
        raise TunnelProblem(where(key), f"{key}: {why}" if not why.startswith(key) else why)
    fields.update(mapped.fields)
    warnings += [Problem(where(key), f"{key}: {why}") for key, why in mapped.warnings]


def _first_destination(raw: RawTunnel, warnings: list[Problem]) -> tuple[str, int]:
    """The destination and its I2P port (`dest:port`, 0 when none is written)."""
    text = raw.require("targetDestination")
    dests = [d.strip() for d in text.split(",") if d.strip()]
    if not dests:
        raise TunnelProblem(raw.where("targetDestination"), "targetDestination is empty")
    if len(dests) > 1:
        warnings.append(Problem(raw.where("targetDestination"), (
            f"{len(dests)} destinations listed; this app connects to the first only "
            f"({dests[0]})")))
    dest = dests[0]
    host, sep, port = dest.rpartition(":")
    if sep and (number := ascii_number(port)) is not None:
        warnings.append(Problem(raw.where("targetDestination"), f"port {port}: {PORT_NOTE}"))
        return host, number  # an I2P port: validate() checks its range
    return dest, 0


def _key(raw: RawTunnel, kind: TunnelKind, config_dir: Path,
         warnings: list[Problem]) -> tuple[Path | None, KeyMode]:
    if raw.get(f"option.{_TRANSIENT_SERVER}") == "true":
        return None, KeyMode.TRANSIENT  # our export of a transient server, see tunnel_props
    persistent = kind in SERVER_KINDS or (
        raw.get("option.persistentClientKey").lower() == "true")
    if not persistent:
        return None, KeyMode.TRANSIENT
    key_text = raw.get("privKeyFile")
    if not key_text:
        warnings.append(Problem(raw.where(), "no privKeyFile: a new key (and a new .b32 "
                                "address) will be generated on first start"))
        return None, KeyMode.PERSISTENT
    found = find_key(key_text, config_dir, raw.where("privKeyFile"), warnings)
    return found, KeyMode.PERSISTENT


# -- export -------------------------------------------------------------------

_EXT_JAVA = ("nconnect", "lifetime", "idle_timeout", "half_close_timeout", "connect_timeout",
             "allow_public_bind", "sam_address")


def tunnel_props(spec: TunnelSpec, key_path: Path | None) -> tuple[dict[str, str], list[str]]:
    """Unprefixed Java keys for `spec`, and warnings about what Java cannot hold."""
    warnings: list[str] = []
    if spec.kind is TunnelKind.FORWARD:
        raise ValueError(f"{spec.name}: Java I2P has no plain TCP forward tunnel; not exported")
    p: dict[str, str] = {"type": _TYPES[spec.kind], "name": _clean(spec.name, "name", warnings)}
    if spec.description:
        p["description"] = _clean(spec.description, "description", warnings)
    p["startOnLoad"] = "true" if spec.auto_start else "false"
    if not spec.serves:  # every client kind
        p["interface"] = spec.listen_host
        p["listenPort"] = str(spec.listen_port)
        if spec.destination and spec.kind in (TunnelKind.CLIENT, TunnelKind.IRC):
            p["targetDestination"] = java_client_destination(spec)  # `:port` for a client
        p["sharedClient"] = "false"  # one session per tunnel, as this app runs it
        p.update(client_proxies.java_export(spec, warnings))
    else:
        p["targetHost"] = spec.target_host
        p["targetPort"] = str(spec.target_port)
    if spec.key_mode is KeyMode.PERSISTENT:
        if key_path is not None:
            p["privKeyFile"] = str(key_path)
        if not spec.serves:
            p["option.persistentClientKey"] = "true"
    elif spec.serves:
        # Java servers refuse to start without a key file: give Java a fresh one to
        # generate, and mark it so our import reads the tunnel back as transient
        p["privKeyFile"] = f"i2ptunnel-gui-transient-{spec.id}.dat"
        p[f"option.{_TRANSIENT_SERVER}"] = "true"
        warnings.append(f"{spec.name}: Java I2P server tunnels always keep a key file; this "
                        "transient server gets a new one that Java I2P will keep")
    p["option.i2cp.destination.sigType"] = str(spec.signature_type)
    for k, v in list(spec.options) + ext_options(spec, _EXT_JAVA):
        p[f"option.{k}"] = v
    policy, policy_warnings = java_policy_keys(spec)
    p.update(policy)
    return p, warnings + policy_warnings


def _clean(text: str, what: str, warnings: list[str]) -> str:
    # '#' starts a comment in Java's format and cannot be escaped
    if "#" in text or "\n" in text:
        warnings.append(f"{text!r}: Java config cannot hold '#' or line breaks in the {what}; "
                        "replaced by a space")
        text = text.replace("#", " ").replace("\n", " ")
    return text.strip()


HEADER = "# NOTE: This I2P config file must use UTF-8 encoding\n"


def format_props(props: dict[str, str]) -> str:
    return HEADER + "".join(f"{k}={v}\n" for k, v in sorted(props.items()))


_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u2028\u2029]')


def split_file_name(index: int, name: str) -> str:
    """`NN-<name>-i2ptunnel.config` as Java's migration names them."""
    return f"{index:02d}-{_UNSAFE_NAME.sub('_', name)}-i2ptunnel.config"
