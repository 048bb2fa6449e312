"""Command-line flags of server policy and I2P ports, and the spec fields they give.

`server`: `--type http` (the HTTP server kind, with `--host-override` and POST
limits), `--allow DEST` / `--deny DEST` (repeatable) and `--access-file FILE`
(one entry a line; they join the allow list, or the deny list when `--deny` is
used), `--max-per-minute N` … `--max-total-per-day N`, `--port N` (the only
I2P port served). `client --type client`: `--dest-port N`. Bad input raises SpecError with a
one-line message naming the flag (and the file line); core.spec_checks.validate then
checks the whole definition as it does for the editor.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from i2ptunnel_gui.core.addresses import SpecError, ascii_number, port_from_text
from i2ptunnel_gui.core.policy.access import (
    AccessListError,
    AccessMode,
    entry_hash,
    parse_entries,
    split_entries,
)
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.post_limits import PostLimits
from i2ptunnel_gui.core.spec import TunnelKind

MAX_ACCESS_FILE = 1 << 20  # bytes; an access file is a list of addresses, not a database

_LIMIT_FLAGS = {
    "client_per_minute": "--max-per-minute",
    "client_per_hour": "--max-per-hour",
    "client_per_day": "--max-per-day",
    "total_per_minute": "--max-total-per-minute",
    "total_per_hour": "--max-total-per-hour",
    "total_per_day": "--max-total-per-day",
}
_POST_FLAGS = {  # field -> (flag, help)
    "max_per_client": ("--max-posts", "POSTs/PUTs per client per window (0 = no limit)"),
    "max_total": ("--max-total-posts", "POSTs/PUTs of all clients per window (0 = no limit)"),
    "window": ("--post-window", "seconds POSTs are counted over"),
    "ban": ("--post-ban", "seconds a client over its limit may not POST"),
    "total_ban": ("--post-total-ban", "seconds nobody may POST after the total limit"),
}


def _count(text: str) -> int:
    if (n := ascii_number(text)) is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number (0 = no limit)")
    return n


def _port(text: str) -> int:
    if (port := port_from_text(text)) is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not an I2P port (1 to 65535)")
    return port


def add_server_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--type",
        choices=("tcp", "http"),
        default="tcp",
        help="http: add X-I2P-DestB32/B64/Hash of the caller to every request",
    )
    p.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="DEST",
        help="only these may connect (b32, base64, name.i2p); repeatable",
    )
    p.add_argument(
        "--deny",
        action="append",
        default=[],
        metavar="DEST",
        help="everyone but these may connect; repeatable",
    )
    p.add_argument(
        "--access-file",
        default=None,
        metavar="FILE",
        help="more entries, one a line ('#' comments): allowed, or denied with --deny",
    )
    for name, flag in _LIMIT_FLAGS.items():
        who, _, span = name.partition("_per_")
        p.add_argument(
            flag,
            dest=name,
            type=_count,
            default=0,
            metavar="N",
            help=f"connections per {span} {'per client' if who == 'client' else 'in total'}",
        )
    p.add_argument(
        "--port",
        dest="i2p_port",
        type=_port,
        default=0,
        metavar="N",
        help="accept only streams to this I2P port (needs SAM 3.2+)",
    )
    p.add_argument(
        "--host-override",
        default="",
        metavar="HOST",
        help="--type http: the Host header the service gets",
    )
    defaults = PostLimits()
    for name, (flag, text) in _POST_FLAGS.items():
        p.add_argument(
            flag,
            dest=f"post_{name}",
            type=_count,
            default=getattr(defaults, name),
            metavar="N",
            help=f"--type http: {text} (default {getattr(defaults, name)})",
        )


def add_dest_port_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--dest-port",
        dest="i2p_port",
        type=_port,
        default=0,
        metavar="N",
        help="--type client: the destination's I2P port (needs SAM 3.2+)",
    )


def server_kind(args: argparse.Namespace) -> TunnelKind:
    return TunnelKind.HTTP_SERVER if args.type == "http" else TunnelKind.SERVER


def read_access_file(path: str) -> list[tuple[int, str]]:
    """(line, entry) of an access file; SpecError names the file and the bad lines."""
    try:
        p = Path(path)
        if p.stat().st_size > MAX_ACCESS_FILE:
            raise SpecError("access_list", f"--access-file {path}: bigger than 1 MiB")
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise SpecError("access_list", f"--access-file {path}: cannot read: {why}") from None
    lines = split_entries(text)
    _, errors = parse_entries(lines)
    if errors:
        raise SpecError("access_list", f"--access-file {path}: " + "; ".join(errors))
    return lines


def server_fields(args: argparse.Namespace) -> dict[str, Any]:
    """TunnelSpec fields from the server flags; SpecError for what is wrong as typed."""
    if args.allow and args.deny:
        raise SpecError(
            "access_mode",
            "--allow and --deny together: an access list either "
            "lets only its entries in or keeps only them out; use one",
        )
    flag = "--deny" if args.deny else "--allow"
    typed = args.deny or args.allow
    for item in typed:
        try:
            entry_hash(item)
        except AccessListError as e:
            raise SpecError("access_list", f"{flag} {item[:60]}: {e}") from None
    entries = list(typed)
    if args.access_file is not None:
        entries += [item for _, item in read_access_file(args.access_file)]
    fields: dict[str, Any] = {
        "conn_limits": ConnLimits(**{name: getattr(args, name) for name in _LIMIT_FLAGS}),
        "i2p_port": args.i2p_port,
    }
    if typed or args.access_file is not None:
        fields["access_mode"] = AccessMode.DENY if args.deny else AccessMode.ALLOW
        fields["access_list"] = tuple(entries)
    http_only = [
        flag
        for name, (flag, _) in _POST_FLAGS.items()
        if getattr(args, f"post_{name}") != getattr(PostLimits(), name)
    ]
    if args.host_override:
        http_only.insert(0, "--host-override")
    if args.type != "http" and http_only:
        raise SpecError("host_override", f"{', '.join(http_only)}: only with --type http")
    if args.type == "http":
        fields["host_override"] = args.host_override
        fields["post_limits"] = PostLimits(
            **{name: getattr(args, f"post_{name}") for name in _POST_FLAGS}
        )
    return fields


def client_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The I2P port of `client --type client`; the proxy and IRC kinds send none."""
    if args.i2p_port and args.client_type != "client":
        raise SpecError("i2p_port", f"--dest-port is for --type client, not {args.client_type}")
    return {"i2p_port": args.i2p_port}
