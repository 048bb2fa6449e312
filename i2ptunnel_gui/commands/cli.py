"""Command line entry point (`i2ptunnel-gui`): the window, headless mode, ad-hoc tunnels.

Argument definitions live here (one place to read the whole CLI); each command's
work lives in `i2ptunnel_gui.commands.<name>.run(args) -> int`, imported lazily
so `i2ptunnel-gui forward` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from i2ptunnel_gui import __version__
from i2ptunnel_gui.commands.client_kinds import add_client_arguments
from i2ptunnel_gui.commands.policy_args import add_dest_port_argument, add_server_arguments
from i2ptunnel_gui.core.sam.options import option_problem
from i2ptunnel_gui.core.spec import DEFAULT_HALF_CLOSE_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_SAM

# seconds a timeout may be: a finite, sensible span (unlimited: leave the option out)
MIN_SECONDS, MAX_SECONDS = 0.1, 365 * 24 * 3600.0


def _seconds(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not MIN_SECONDS <= v <= MAX_SECONDS:  # also refuses inf and nan
        raise argparse.ArgumentTypeError(
            f"{text!r} is out of range: seconds must be from {MIN_SECONDS:g} to "
            f"{MAX_SECONDS:.0f} (a year)"
        )
    return v


def _nconnect(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if v == 0 or v < -1:
        raise argparse.ArgumentTypeError("must be -1 (unlimited) or at least 1")
    return v


def _option(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"{text!r}: expected KEY=VALUE")
    if (why := option_problem(key, value)) is not None:  # reserved keys, size, spaces...
        raise argparse.ArgumentTypeError(why)
    return key, value


class _Parser(argparse.ArgumentParser):
    """One-line errors (the contract: exit non-zero with a one-line reason)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def _limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--nconnect", type=_nconnect, default=-1,
                   help="max simultaneous connections (-1 = unlimited; excess are refused)")
    p.add_argument("--timeout", type=_seconds, default=None,
                   help="max lifetime of one connection in seconds (default: unlimited)")
    p.add_argument("--idle-timeout", type=_seconds, default=DEFAULT_IDLE_TIMEOUT,
                   help=f"close a connection idle this many seconds "
                        f"(default {DEFAULT_IDLE_TIMEOUT:g})")
    p.add_argument("--half-close-timeout", type=_seconds, default=DEFAULT_HALF_CLOSE_TIMEOUT,
                   help=f"close a connection one side of which has ended (sent its FIN) "
                        f"once idle this many seconds (default {DEFAULT_HALF_CLOSE_TIMEOUT:g})")
    p.add_argument("--connect-timeout", type=_seconds, default=None,
                   help="seconds to wait for the target to accept")


def _i2p(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sam", default=DEFAULT_SAM, metavar="HOST:PORT",
                   help=f"SAM bridge of the router (default {DEFAULT_SAM})")
    p.add_argument("--option", action="append", type=_option, default=[], metavar="K=V",
                   help="I2CP/streaming session option, repeatable (e.g. inbound.length=2)")
    p.add_argument("--keys", default=None, metavar="FILE",
                   help="private key file (created 0600 if missing); the b32 stays stable")
    _router_mode(p, top=False)  # --router managed: the app's own i2pd instead of --sam


def _router_mode(p: argparse.ArgumentParser, *, top: bool) -> None:
    """`--router external|managed` plus the managed router's options. Given at the top
    (for --headless) or after `server`/`client`: the subcommand's copies default to
    SUPPRESS, so a top-level value is not overwritten by an unset one."""
    default = None if top else argparse.SUPPRESS
    p.add_argument(
        "--router",
        choices=("external", "managed"),
        default=default,
        help="external: the router at --sam (default for server/client); managed: the app "
        "starts its own i2pd (--headless: the settings' choice by default)",
    )
    _router_options(p, default=default)


def _router_options(p: argparse.ArgumentParser, *, default: str | None = None) -> None:
    """The managed router's options, shared by `router` and `--router managed`."""
    p.add_argument(
        "--router-conf",
        metavar="FILE",
        default=default,
        help="extra i2pd.conf lines for the managed router (they win over the app's)",
    )
    p.add_argument("--i2pd", metavar="PATH", default=default,
                   help="the i2pd program (default: i2pd on PATH)")
    p.add_argument(
        "--router-dir",
        metavar="DIR",
        default=default,
        help="the managed router's data dir (default: the app's; holds its identity)",
    )


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="i2ptunnel-gui", description="I2P tunnel manager (SAM v3).")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--headless", action="store_true",
                   help="run the saved auto-start tunnels without a window until SIGINT/SIGTERM")
    p.add_argument("--minimized", action="store_true", help="start hidden in the tray")
    p.add_argument("--settings", default=None, metavar="FILE",
                   help="use this settings file (INI) instead of the user's")
    p.add_argument("-v", "--verbose", action="count", default=0)
    _router_mode(p, top=True)  # --headless: the settings' router unless given
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    f = sub.add_parser("forward", help="TCP forward: listen HOST:PORT -> target HOST:PORT")
    f.add_argument("--listen", required=True, metavar="HOST:PORT")
    f.add_argument("--target", required=True, metavar="HOST:PORT")
    f.add_argument("--public", action="store_true",
                   help="allow listening on a non-loopback address")
    _limits(f)

    s = sub.add_parser("server", help="I2P server tunnel: incoming I2P streams -> HOST:PORT")
    s.add_argument("--target", required=True, metavar="HOST:PORT")
    s.add_argument("--transient", action="store_true", help="new address every start")
    _i2p(s)
    _limits(s)
    add_server_arguments(s)

    c = sub.add_parser("client", help="I2P client tunnel: listen HOST:PORT -> I2P "
                       "(one destination, or an HTTP proxy, SOCKS or IRC tunnel: --type)")
    c.add_argument("--listen", required=True, metavar="HOST:PORT")
    add_client_arguments(c)  # --type, --dest, --outproxy, --delay-open, --close-idle
    c.add_argument("--public", action="store_true",
                   help="allow listening on a non-loopback address")
    _i2p(c)
    _limits(c)
    add_dest_port_argument(c)

    im = sub.add_parser("import", help="import Java I2P or i2pd tunnel configs into the settings")
    im.add_argument("path",
                    help="i2ptunnel.config, i2ptunnel.config.d/, tunnels.conf or tunnels.d/")
    im.add_argument("--dry-run", action="store_true", help="only list what would be imported")
    im.add_argument("--yes", action="store_true",
                    help="import the valid tunnels even when some entries have errors")

    r = sub.add_parser("router", help="run the app's managed i2pd in the foreground "
                                      "(prints READY <sam host:port>)")
    _router_options(r, default=argparse.SUPPRESS)

    ex = sub.add_parser("export", help="export the saved tunnels as Java I2P or i2pd config")
    ex.add_argument("--format", required=True, choices=("java", "i2pd"))
    ex.add_argument("--output", default=None, metavar="PATH",
                    help="file (default: stdout), or a folder (ending in /) for the config "
                    "plus copies of its key files")

    cv = sub.add_parser("convert", help="convert a Java I2P or i2pd config to the other format")
    cv.add_argument("source", help="i2ptunnel.config(.d) or tunnels.conf / tunnels.d")
    cv.add_argument("--to", required=True, choices=("java", "i2pd"))
    cv.add_argument("--output", required=True, metavar="PATH",
                    help="file, or a folder (ending in /) for the config plus its key files")

    h = sub.add_parser("hosts", help="the address book the HTTP proxy and SOCKS tunnels use")
    hs = h.add_subparsers(dest="hosts_command", metavar="ACTION", required=True,
                          parser_class=_Parser)
    hi = hs.add_parser("import", help="add the names of a hosts.txt (name=base64 lines)")
    hi.add_argument("file", metavar="FILE")

    oc = sub.add_parser("open", help="open a share card: confirm, then create its client tunnel")
    oc.add_argument("card", metavar="CARD", help="i2ptunnelgui:share?… link, or .i2pcard file")
    return p


_COMMANDS = {
    "forward": "i2ptunnel_gui.commands.forward",
    "server": "i2ptunnel_gui.commands.i2p",
    "client": "i2ptunnel_gui.commands.i2p",
    "import": "i2ptunnel_gui.commands.interop",
    "export": "i2ptunnel_gui.commands.interop",
    "convert": "i2ptunnel_gui.commands.interop",
    "hosts": "i2ptunnel_gui.commands.hosts",
    "router": "i2ptunnel_gui.commands.router",
    "open": "i2ptunnel_gui.commands.open_card",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    runs_tunnels = args.command in ("server", "client") or (args.command is None and args.headless)
    if args.router is not None and not runs_tunnels:
        parser.error("--router goes with server, client or --headless (the window: "
                     "Settings > Preferences)")
    if args.command is not None:
        module = _COMMANDS[args.command]
    elif args.headless:
        module = "i2ptunnel_gui.commands.headless"
    else:
        module = "i2ptunnel_gui.ui.app"
    run = importlib.import_module(module).run
    return int(run(args))
