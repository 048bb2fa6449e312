"""i2pd tunnels.conf and tunnels.d/*.conf (boost property_tree INI, REFERENCE.md 3.1).

One `[section]` per tunnel, named by the section. Lines starting with `;` or `#`
are comments; there are no inline comments (boost keeps `22 # ssh` as the value,
and so do we, which then fails as a port with a clear message). A duplicate
section or key makes boost reject the whole file, so both are errors here too.
One leniency: a value wrapped in double quotes loses one pair of them.
"""

from __future__ import annotations

from pathlib import Path

from i2ptunnel_gui.core.addresses import ascii_number, is_loopback_host
from i2ptunnel_gui.core.spec import SERVER_KINDS, KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.interop import client_proxies
from i2ptunnel_gui.interop.common import RawTunnel, build_spec, find_key, read_text
from i2ptunnel_gui.interop.model import (
    FoundTunnel,
    ImportResult,
    Problem,
    Skipped,
    TunnelProblem,
    ext_options,
)
from i2ptunnel_gui.interop.server_policy import i2pd_policy_fields, i2pd_policy_keys

UNSUPPORTED = {
    "irc": client_proxies.I2PD_IRC_SERVER,
    "udpclient": "UDP tunnels are not provided (this app relays TCP streams)",
    "udpserver": "UDP tunnels are not provided (this app relays TCP streams)",
    "websocks": "websocks: deprecated and not started by i2pd either",
}
_KNOWN = {"type", "port", "address", "destination", "destinationport", "keys",
          "signaturetype", "cryptotype", "host", "inport", "accesslist", "whitelist", "gzip",
          "enableuniquelocal", "ssl", "matchtunnels", "connecttimeout", "keepaliveinterval",
          "hostoverride", "i2pheaders", "webircpassword", "explicitPeers"
          } | client_proxies.I2PD_KEYS
_FIELD_KEYS = {"listen_host": "address", "listen_port": "port", "destination": "destination",
               "target_host": "host", "target_port": "port", "signature_type": "signaturetype",
               "access_list": "accesslist", "host_override": "hostoverride"}
# the proxy kinds: interop/client_proxies.py
_KINDS = {"client": TunnelKind.CLIENT, "server": TunnelKind.SERVER,
          "http": TunnelKind.HTTP_SERVER, **client_proxies.I2PD_KINDS}
_TYPES = {kind: itype for itype, kind in _KINDS.items()}


def parse_ini(path: Path, result: ImportResult) -> list[RawTunnel]:
    lines, problem = read_text(path)
    if lines is None:
        assert problem is not None
        result.errors.append(problem)
        return []
    sections: list[RawTunnel] = []
    by_name: dict[str, RawTunnel] = {}
    current: RawTunnel | None = None
    broken = False
    file_errors = len(result.errors)
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s or s[0] in ";#":
            continue
        if s.startswith("["):
            end = s.find("]")
            name = s[1:end].strip() if end > 0 else ""
            if end < 0:
                result.errors.append(Problem(f"{path}:{n}", f"unclosed section header {s!r}"))
            elif not name:
                result.errors.append(Problem(f"{path}:{n}", "empty section name []"))
            elif name in by_name:
                result.errors.append(Problem(
                    f"{path}:{n}", f"duplicate section [{name}] (first at line "
                    f"{by_name[name].line}); i2pd rejects the whole file"))
            else:
                current = RawTunnel(path, n, f"[{name}]")
                by_name[name] = current
                sections.append(current)
                broken = False
                continue
            current = None
            broken = True  # its keys belong to the broken section: no extra noise
            continue
        key, sep, value = s.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            result.errors.append(Problem(f"{path}:{n}", f"expected KEY = VALUE, got {s!r}"))
            continue
        if current is None and broken:
            continue
        if current is None:
            result.warnings.append(Problem(f"{path}:{n}", f"{key}: outside any [tunnel]; "
                                           "ignored"))
            continue
        if key in current.values:
            result.errors.append(Problem(f"{path}:{n}", (
                f"duplicate key {key} in {current.label} (first at line "
                f"{current.values[key][1]}); i2pd rejects the whole file")))
            continue
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        current.values[key] = (value, n)
    if len(result.errors) > file_errors:
        del sections[:]  # i2pd would load nothing from this file; so do we
        result.errors.append(Problem(str(path), "not imported: fix the lines above first"))
    return sections


def load_file(path: Path, result: ImportResult, datadir: Path) -> None:
    for raw in parse_ini(path, result):
        name = raw.label[1:-1]
        try:
            result.tunnels.append(map_tunnel(raw, name, datadir))
        except TunnelProblem as e:
            result.skipped.append(Skipped(name, raw.get("type"), e.where, e.reason,
                                          error=e.error))


def map_tunnel(raw: RawTunnel, name: str, datadir: Path) -> FoundTunnel:
    itype = raw.require("type")
    if itype in UNSUPPORTED:
        raise TunnelProblem(raw.where("type"), UNSUPPORTED[itype], error=False)
    if itype not in _KINDS:
        raise TunnelProblem(raw.where("type"), f"unknown tunnel type {itype!r}")
    kind = _KINDS[itype]
    warnings: list[Problem] = []
    fields: dict[str, object] = {"name": name}
    options: dict[str, tuple[str, str]] = {}
    for key, (value, _n) in raw.values.items():
        if key == "ssl" and value.lower() == "true":
            raise TunnelProblem(raw.where(key), "ssl: TLS tunnels are not supported",
                                error=False)
        if key == "explicitPeers" or "." in key:  # I2CP/streaming and our i2ptunnelgui.*
            options[key] = (value, key)
        elif key not in _KNOWN:
            warnings.append(Problem(raw.where(key), f"{key}: not used by this app; ignored"))
    try:
        if raw.has("signaturetype"):
            n = raw.get("signaturetype")
            if n in ("4", "5", "6"):
                warnings.append(Problem(raw.where("signaturetype"),
                                        "RSA signature type: i2pd uses 7 instead, so do we"))
                n = "7"
            fields["signature_type"] = raw.sigtype("signaturetype", n)
        if raw.get("cryptotype", "0") not in ("0", ""):
            warnings.append(Problem(raw.where("cryptotype"), "cryptotype: ignored; the router "
                                    "chooses the encryption"))
        if kind not in SERVER_KINDS:  # every client kind
            fields.update(client_proxies.on_demand_fields(raw, options, warnings))
            fields["listen_host"] = raw.get("address") or "127.0.0.1"
            fields["listen_port"] = raw.port("port")
            if not is_loopback_host(str(fields["listen_host"])):
                fields["allow_public_bind"] = True  # the source config asked for it
                warnings.append(Problem(raw.where("address"), (
                    f"listens on {fields['listen_host']} (not loopback), as the source "
                    "config does: anyone who can reach it can use the tunnel")))
            if kind is TunnelKind.CLIENT:
                fields["destination"] = raw.require("destination")
            else:
                fields.update(client_proxies.i2pd_proxy_fields(raw, itype, options, warnings))
            _client_extras(raw, fields, warnings)
        else:
            fields["target_host"] = raw.require("host")
            fields["target_port"] = raw.port("port")
            if raw.has("address"):
                warnings.append(Problem(raw.where("address"), "address (local bind for "
                                        "outgoing connections) is not supported; ignored"))
            _server_extras(raw, warnings)
        _map_policy(raw, kind, fields, warnings)  # accesslist, inport/destinationport, ...
    except ValueError as e:
        raise TunnelProblem(raw.where(), str(e)) from None
    key_source, key_mode = _key(raw, kind, datadir, warnings)
    fields["key_mode"] = key_mode
    return build_spec(raw, kind, fields, options, dict(_FIELD_KEYS), warnings, key_source)


def _map_policy(raw: RawTunnel, kind: TunnelKind, fields: dict[str, object],
                warnings: list[Problem]) -> None:
    """Access list, I2P port, hostoverride: kept, named, or the tunnel refused (a list
    that cannot be read must not turn into "everyone may connect")."""
    mapped = i2pd_policy_fields(kind, {k: v for k, (v, _n) in raw.values.items()})
    if mapped.refusal is not None:
        key, why = mapped.refusal
        raise TunnelProblem(raw.where(key), why if why.startswith(key) else f"{key}: {why}")
    fields.update(mapped.fields)
    warnings += [Problem(raw.where(key), f"{key}: {why}") for key, why in mapped.warnings]


def _true(raw: RawTunnel, key: str) -> bool:
    return raw.get(key).strip().lower() in ("true", "1")  # boost's bool parser


def _client_extras(raw: RawTunnel, fields: dict[str, object], warnings: list[Problem]) -> None:
    """Client keys of ClientContext.cpp: connecttimeout maps; the others are named."""
    if raw.has("connecttimeout"):
        text = raw.get("connecttimeout").strip()
        seconds = ascii_number(text)
        if seconds is None:
            warnings.append(Problem(raw.where("connecttimeout"), (
                f"connecttimeout={text}: not a whole number of seconds; the default is kept")))
        elif seconds > 0:  # 0 = i2pd's default
            fields["connect_timeout"] = float(seconds)
    if raw.get("keepaliveinterval", "0").strip() not in ("0", ""):
        warnings.append(Problem(raw.where("keepaliveinterval"), (
            "keepaliveinterval: this app does not ping the destination to keep the "
            "connection warm; ignored")))
    if _true(raw, "matchtunnels"):
        warnings.append(Problem(raw.where("matchtunnels"), (
            "matchtunnels: this app does not match its tunnels to the destination's; "
            "ignored")))


def _server_extras(raw: RawTunnel, warnings: list[Problem]) -> None:
    """Server keys of ClientContext.cpp this app does not do: named, not dropped silently."""
    if raw.has("connecttimeout"):
        warnings.append(Problem(raw.where("connecttimeout"), (
            "connecttimeout: i2pd uses it for client tunnels only; ignored")))
    if _true(raw, "gzip"):
        warnings.append(Problem(raw.where("gzip"), (
            "gzip: this app does not compress streams; ignored")))
    if _true(raw, "enableuniquelocal"):
        warnings.append(Problem(raw.where("enableuniquelocal"), (
            "enableuniquelocal: connections reach the target from the app's own address, "
            "not from a 127.x.y.z address per I2P peer; ignored")))


def _key(raw: RawTunnel, kind: TunnelKind, datadir: Path,
         warnings: list[Problem]) -> tuple[Path | None, KeyMode]:
    keys = raw.get("keys")
    if kind in SERVER_KINDS and not raw.has("keys"):
        raise TunnelProblem(raw.where(), "keys is missing (i2pd requires it for servers)")
    if keys == "shareddest":  # i2pd's own shared local destination, not a file
        persistent = kind in SERVER_KINDS
        warnings.append(Problem(raw.where("keys"), (
            "keys = shareddest: i2pd's shared destination cannot be carried over; this "
            "tunnel gets a key of its own, so a different address" +
            (" (kept from its first start)" if persistent else ""))))
        return None, KeyMode.PERSISTENT if persistent else KeyMode.TRANSIENT
    if not keys or keys.startswith("transient"):
        return None, KeyMode.TRANSIENT
    return find_key(keys, datadir, raw.where("keys"), warnings), KeyMode.PERSISTENT


def datadir_for(conf: Path) -> Path:
    """i2pd resolves `keys` against its data dir: the folder holding tunnels.conf/tunnels.d."""
    parent = conf.parent
    return parent.parent if parent.name == "tunnels.d" else parent


# -- export -------------------------------------------------------------------

_EXT_I2PD = ("description", "auto_start", "nconnect", "lifetime", "idle_timeout",
             "half_close_timeout", "connect_timeout", "allow_public_bind", "sam_address")


def format_section(spec: TunnelSpec, key_path: Path | None) -> tuple[str, list[str]]:
    """The `[name]` section for `spec`, and what i2pd cannot hold (ValueError: not
    exported at all)."""
    if spec.kind is TunnelKind.FORWARD:
        raise ValueError(f"{spec.name}: i2pd has no plain TCP forward tunnel; not exported")
    if "]" in spec.name or spec.name != spec.name.strip() or spec.name[:1] in ";#[":
        raise ValueError(f"{spec.name!r}: i2pd section names cannot hold ']' or start with "
                         "; # [ or a space; rename the tunnel to export it")
    extra = client_proxies.i2pd_export(spec)  # proxy kinds (not IRC), on-demand settings
    rows: list[tuple[str, str]] = [("type", _TYPES[spec.kind])]
    if not spec.serves:  # every client kind
        rows += [("address", spec.listen_host), ("port", str(spec.listen_port))]
        if spec.kind is TunnelKind.CLIENT:
            rows.append(("destination", spec.destination))
        rows += extra
    else:
        rows += [("host", spec.target_host), ("port", str(spec.target_port))]
    if spec.key_mode is KeyMode.PERSISTENT and key_path is not None:
        rows.append(("keys", str(key_path)))
    else:
        rows.append(("keys", "transient"))
    rows.append(("signaturetype", str(spec.signature_type)))
    rows += list(spec.options)
    rows += ext_options(spec, _EXT_I2PD)
    policy, warnings = i2pd_policy_keys(spec)
    rows += policy
    body = "".join(f"{k} = {_quote(v)}\n" for k, v in rows)
    return f"[{spec.name}]\n{body}", warnings


def _quote(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"{value!r}: i2pd config values cannot hold line breaks")
    if value != value.strip() or (len(value) >= 2 and value[0] == value[-1] == '"'):
        return f'"{value}"'  # the reader strips exactly one pair
    return value

