"""i2pd.conf for the managed router, from three layers with a fixed precedence.

Lowest first: the app's BASE (SAM, web console and I2PControl on loopback ports the
app picked; I2CP, BOB, HTTP proxy and SOCKS proxy off), then the preferences
(bandwidth, share), then the user's own lines (the Preferences text box or
`--router-conf FILE`), which win. The user may change anything except what the app
passes on i2pd's command line (i2pd lets the command line win, so such a line would be
silently ignored: it is refused instead); the merged result is then checked: SAM must
stay on, and every control service must listen on a loopback address.

i2pd reads its config with boost::program_options: `[sam]` + `port = 1` is the option
`sam.port`, `#` starts a comment anywhere, and a key given twice is a start-up error.
So every layer becomes a map of dotted keys and each key is written exactly once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from i2ptunnel_gui.core.addresses import is_loopback_host
from i2ptunnel_gui.core.router.errors import RouterConfigError
from i2ptunnel_gui.core.text import Text, text_of

# Set by the app on i2pd's command line (core/router/process.py): a conf line cannot
# change them. `daemon`/`service` would fork the router away from the app.
COMMAND_LINE_KEYS = frozenset(
    {"datadir", "conf", "tunconf", "tunnelsdir", "pidfile", "log", "logfile", "daemon", "service"}
)
# Services that hand out control over the router: never beyond loopback.
CONTROL_SECTIONS = ("sam", "i2pcontrol", "http", "i2cp", "bob")
CONSOLE_USER = "i2ptunnel-gui"
_TRUE = {"true", "1", "yes", "on"}
_KEY = re.compile(r"^[A-Za-z0-9_.\-]+$")
_SECTION = re.compile(r"^\[\s*([A-Za-z0-9_.\-]+)\s*\]$")


PORT_NAMES = {  # ManagedOptions field -> its name in messages
    "sam_port": Text("SAM port"),
    "control_port": Text("I2PControl port"),
    "console_port": Text("web console port"),
}


@dataclass(frozen=True, slots=True)
class ManagedOptions:
    """The managed router's preferences (saved by the host; see settings.py)."""

    binary: str = ""  # "" = `i2pd` on PATH (or /usr/sbin/i2pd)
    sam_port: int = 7656  # preferred; another free port when busy
    control_port: int = 7650  # I2PControl, preferred
    console_port: int = 7070  # web console, preferred
    bandwidth_kbps: int = 0  # 0 = i2pd's default
    share_percent: int = 100  # share of the bandwidth for transit tunnels
    extra_conf: str = ""  # the user's i2pd.conf lines; win over everything above

    def problems(self) -> list[str]:
        """What is wrong with these values, as messages for the user."""
        out: list[str] = []
        for name in ("sam_port", "control_port", "console_port"):
            port = getattr(self, name)
            if not 1 <= port <= 65535:
                out.append(Text("{what} {port} is not between 1 and 65535",
                                what=PORT_NAMES[name], port=port))
        if self.bandwidth_kbps < 0:
            out.append(Text("bandwidth {kbps} KB/s is negative", kbps=self.bandwidth_kbps))
        if not 0 <= self.share_percent <= 100:
            out.append(Text("share {percent} % is not between 0 and 100",
                            percent=self.share_percent))
        try:
            parse_conf_lines(self.extra_conf)
        except RouterConfigError as e:
            out.append(text_of(e))
        return out


@dataclass(frozen=True, slots=True)
class RouterPorts:
    sam: int
    control: int
    console: int


@dataclass(frozen=True, slots=True)
class Endpoint:
    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class RouterConf:
    """The merged config: its text and what the app needs to reach the router."""

    values: Mapping[str, str]
    sam: Endpoint
    control: Endpoint | None  # None: the user turned I2PControl off
    control_password: str
    console: Endpoint | None
    console_password: str
    user_keys: frozenset[str] = field(default_factory=frozenset)  # set by the user's lines

    @property
    def text(self) -> str:
        return render_conf(self.values)


def parse_conf_lines(text: str, *, source: str = "router conf") -> dict[str, str]:
    """i2pd.conf syntax → {dotted key: value}; RouterConfigError names the bad line."""
    values: dict[str, str] = {}
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith(";"):
            continue
        where = f"{source}, line {number}"
        header = _SECTION.match(line)
        if header:
            section = header.group(1)
            continue
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not _KEY.match(key):
            raise RouterConfigError(Text("{where}: expected 'key = value' or '[section]': {line}",
                                         where=where, line=raw.strip()))
        dotted = f"{section}.{key}" if section else key
        if dotted in COMMAND_LINE_KEYS:
            raise RouterConfigError(Text(
                "{where}: '{key}' is set by the app for the managed router and cannot be "
                "changed here", where=where, key=dotted))
        if dotted in values:
            raise RouterConfigError(Text("{where}: '{key}' is set twice", where=where,
                                         key=dotted))
        values[dotted] = value.strip()
    return values


def base_values(
    ports: RouterPorts, *, control_password: str, console_password: str, certsdir: str = ""
) -> dict[str, str]:
    """What the app needs from its router: control services on loopback, proxies off."""
    values = {
        "loglevel": "info",
        "http.enabled": "true",
        "http.address": "127.0.0.1",
        "http.port": str(ports.console),
        # the console can stop the router: other local users need the password
        "http.auth": "true",
        "http.user": CONSOLE_USER,
        "http.pass": console_password,
        "httpproxy.enabled": "false",
        "socksproxy.enabled": "false",
        "sam.enabled": "true",
        "sam.address": "127.0.0.1",
        "sam.port": str(ports.sam),
        "bob.enabled": "false",
        "i2cp.enabled": "false",
        "i2pcontrol.enabled": "true",
        "i2pcontrol.address": "127.0.0.1",
        "i2pcontrol.port": str(ports.control),
        "i2pcontrol.password": control_password,
    }
    if certsdir:  # reseed certificates of a distribution's package
        values["certsdir"] = certsdir
    return values


def preference_values(options: ManagedOptions) -> dict[str, str]:
    values = {}
    if options.bandwidth_kbps:
        values["bandwidth"] = str(options.bandwidth_kbps)
    if options.share_percent != 100:
        values["share"] = str(options.share_percent)
    return values


def merge_conf(
    ports: RouterPorts,
    options: ManagedOptions,
    *,
    control_password: str,
    console_password: str,
    certsdir: str = "",
    conf_file_text: str = "",
) -> RouterConf:
    """BASE < preferences < the preference lines < `--router-conf` lines; then checked."""
    user = parse_conf_lines(options.extra_conf, source="router preferences")
    user.update(parse_conf_lines(conf_file_text, source="--router-conf"))
    values = base_values(
        ports,
        control_password=control_password,
        console_password=console_password,
        certsdir=certsdir,
    )
    values.update(preference_values(options))
    values.update(user)
    for section in CONTROL_SECTIONS:
        if _enabled(values, section):
            _check_loopback(values, section)
    if not _enabled(values, "sam"):
        raise RouterConfigError(Text(
            "the managed router needs its SAM bridge: remove 'sam.enabled = {value}' from "
            "the router conf lines", value=values.get("sam.enabled", "")))
    sam = _service(values, "sam")
    assert sam is not None
    return RouterConf(
        values=values,
        sam=sam,
        control=_service(values, "i2pcontrol"),
        control_password=values.get("i2pcontrol.password", "itoopie"),  # i2pd's default
        console=_service(values, "http"),
        console_password=values.get("http.pass", ""),
        user_keys=frozenset(user),
    )


def _service(values: Mapping[str, str], section: str) -> Endpoint | None:
    """Where an enabled service listens; None when it is off."""
    if not _enabled(values, section):
        return None
    port_text = values.get(f"{section}.port", "")
    try:
        port = int(port_text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise RouterConfigError(Text("'{section}.port = {value}' is not a port (1-65535)",
                                     section=section, value=port_text))
    return Endpoint(values.get(f"{section}.address", "127.0.0.1"), port)


def _enabled(values: Mapping[str, str], section: str) -> bool:
    return values.get(f"{section}.enabled", "false").lower() in _TRUE


def _check_loopback(values: Mapping[str, str], section: str) -> None:
    host = values.get(f"{section}.address", "127.0.0.1")
    if not is_loopback_host(host):
        raise RouterConfigError(Text(
            "'{section}.address = {host}' would let other machines control the router: "
            "the managed router's control services stay on a loopback address",
            section=section, host=host))


def render_conf(values: Mapping[str, str]) -> str:
    """One `key = value` per option: global keys first, then one block per section."""
    top = [(k, v) for k, v in values.items() if "." not in k]
    sections: dict[str, list[tuple[str, str]]] = {}
    for key, value in values.items():
        if "." in key:
            section, name = key.split(".", 1)
            sections.setdefault(section, []).append((name, value))
    lines = [
        "## written by i2ptunnel-gui for its managed router: edits are overwritten;",
        "## add your own lines in Preferences or with --router-conf",
    ]
    lines += _pairs(top)
    for section, pairs in sections.items():
        lines += ["", f"[{section}]", *_pairs(pairs)]
    return "\n".join(lines) + "\n"


def _pairs(pairs: Iterable[tuple[str, str]]) -> list[str]:
    return [f"{k} = {v}" if v else f"{k} =" for k, v in pairs]
