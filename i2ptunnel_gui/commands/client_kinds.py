"""`i2ptunnel-gui client --type client|http-proxy|socks|irc`: the client tunnel
definition from the command line (the command itself: commands/i2p.py).

- client (default): one `--dest`;
- http-proxy: no `--dest`; `--outproxy DEST` (an HTTP proxy on I2P) for non-.i2p hosts;
- socks: no `--dest`; `--outproxy DEST` (a SOCKS server on I2P) for non-.i2p names;
- irc: one or more `--dest` (IRC servers, tried in order).
All: `--delay-open` (session on the first connection, Standby until then) and
`--close-idle MINUTES` (session closed after that long without connections).
"""

from __future__ import annotations

import argparse
from typing import Any

from i2ptunnel_gui.commands.common import check_public, parse_listen
from i2ptunnel_gui.core.addresses import SpecError, check_destination
from i2ptunnel_gui.core.sam.errors import KeyFormatError
from i2ptunnel_gui.core.sam.keys import parse_destination
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec

CLIENT_TYPES = ("client", "http-proxy", "socks", "irc")


def add_client_arguments(c: argparse.ArgumentParser) -> None:
    """The client command's kind-specific arguments (cli.py builds the parser)."""
    c.add_argument(
        "--type", dest="client_type", choices=CLIENT_TYPES, default="client",
        help="client (default): a local port to one destination; http-proxy: a "
        "browser's proxy (default port 4444); socks: SOCKS5/4a (4447); irc: an IRC "
        "client tunnel with identifying lines filtered (6668)",
    )  # fmt: skip
    c.add_argument(
        "--dest", action="append", default=[], metavar="DEST",
        help="b32 address, .i2p name or base64 destination (client: exactly one; irc: "
        "repeat for several servers, tried in order)",
    )  # fmt: skip
    c.add_argument("--outproxy", default="", metavar="DEST",
                   help="http-proxy / socks: the destination (an HTTP proxy / a SOCKS "
                   "server on I2P) that takes non-.i2p hosts")  # fmt: skip
    c.add_argument(
        "--delay-open",
        action="store_true",
        help="create the I2P session on the first connection (Standby until then)",
    )
    c.add_argument("--close-idle", type=_minutes, default=None, metavar="MINUTES",
                   help="close the session after MINUTES without connections; the next "
                   "connection reopens it")  # fmt: skip


def _minutes(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if not v > 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0 minutes")
    return v


def client_spec(args: argparse.Namespace, common: dict[str, Any]) -> TunnelSpec:
    """The definition for `client --type ...`; SpecError names the bad argument."""
    kind = TunnelKind(args.client_type)
    host, port = parse_listen(args.listen)
    check_public(host, args.public)
    dests = [d.strip() for d in args.dest if d.strip()]
    if kind in (TunnelKind.HTTP_PROXY, TunnelKind.SOCKS):
        if dests:
            raise SpecError("dest", f"--type {kind.value} takes no --dest: each request "
                            "names its own destination")  # fmt: skip
    elif not dests:
        raise SpecError("dest", f"--type {kind.value} needs --dest")
    elif kind is TunnelKind.CLIENT and len(dests) > 1:
        raise SpecError("dest", "--type client takes one --dest (irc takes several)")
    if args.outproxy and kind not in (TunnelKind.HTTP_PROXY, TunnelKind.SOCKS):
        raise SpecError("outproxy", "--outproxy is for --type http-proxy or socks")
    for dest in [*dests, args.outproxy.strip()]:
        _check_base64(dest)
    common = dict(common)
    common.setdefault("key_mode", KeyMode.TRANSIENT)
    if args.connect_timeout:
        common["connect_timeout"] = args.connect_timeout
    what = {TunnelKind.CLIENT: "I2P", TunnelKind.IRC: "IRC"}.get(kind, kind.value)
    return TunnelSpec.new(
        f"{kind.value} {args.listen} -> {what}",
        kind,
        listen_host=host,
        listen_port=port,  # 0: any free port, READY says which
        allow_public_bind=bool(args.public),
        destination=",".join(dests),
        outproxy=args.outproxy.strip(),
        delay_open=bool(args.delay_open),
        close_idle=args.close_idle,
        **common,
    )


def _check_base64(dest: str) -> None:
    """A value with the alphabet and length of base64 must really be a destination."""
    if dest and not dest.lower().endswith(".i2p") and check_destination(dest) is None:
        try:
            parse_destination(dest)
        except KeyFormatError as e:
            raise SpecError(
                "dest", f"{dest[:20]}… is not a valid base64 destination: {e}"
            ) from None
