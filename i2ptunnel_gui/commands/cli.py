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
from i2ptunnel_gui.commands.policy_args import add_client_arguments, add_server_arguments
from i2ptunnel_gui.core.spec import DEFAULT_IDLE_TIMEOUT, DEFAULT_SAM


def _positive_float(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not v > 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0")
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
    return key, value


class _Parser(argparse.ArgumentParser):
    """One-line errors (the contract: exit non-zero with a one-line reason)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def _limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--nconnect", type=_nconnect, default=-1,
                   help="max simultaneous connections (-1 = unlimited; excess are refused)")
    p.add_argument("--timeout", type=_positive_float, default=None,
                   help="max lifetime of one connection in seconds (default: unlimited)")
    p.add_argument("--idle-timeout", type=_positive_float, default=DEFAULT_IDLE_TIMEOUT,
                   help=f"close a connection idle this many seconds "
                        f"(default {DEFAULT_IDLE_TIMEOUT:g})")
    p.add_argument("--connect-timeout", type=_positive_float, default=None,
                   help="seconds to wait for the target to accept")


def _i2p(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sam", default=DEFAULT_SAM, metavar="HOST:PORT",
                   help=f"SAM bridge of the router (default {DEFAULT_SAM})")
    p.add_argument("--option", action="append", type=_option, default=[], metavar="K=V",
                   help="I2CP/streaming session option, repeatable (e.g. inbound.length=2)")
    p.add_argument("--keys", default=None, metavar="FILE",
                   help="private key file (created 0600 if missing); the b32 stays stable")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="i2ptunnel-gui", description="I2P tunnel manager (SAM v3).")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--headless", action="store_true",
                   help="run the saved auto-start tunnels without a window until SIGINT/SIGTERM")
    p.add_argument("--minimized", action="store_true", help="start hidden in the tray")
    p.add_argument("--settings", default=None, metavar="FILE",
                   help="use this settings file (INI) instead of the user's")
    p.add_argument("-v", "--verbose", action="count", default=0)
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

    c = sub.add_parser("client", help="I2P client tunnel: listen HOST:PORT -> I2P destination")
    c.add_argument("--listen", required=True, metavar="HOST:PORT")
    c.add_argument("--dest", required=True, metavar="DEST",
                   help="b32 address, .i2p name or base64 destination")
    c.add_argument("--public", action="store_true",
                   help="allow listening on a non-loopback address")
    _i2p(c)
    _limits(c)
    add_client_arguments(c)

    im = sub.add_parser("import", help="import Java I2P or i2pd tunnel configs into the settings")
    im.add_argument("path",
                    help="i2ptunnel.config, i2ptunnel.config.d/, tunnels.conf or tunnels.d/")
    im.add_argument("--dry-run", action="store_true", help="only list what would be imported")
    im.add_argument("--yes", action="store_true",
                    help="import the valid tunnels even when some entries have errors")

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
    return p


_COMMANDS = {
    "forward": "i2ptunnel_gui.commands.forward",
    "server": "i2ptunnel_gui.commands.i2p",
    "client": "i2ptunnel_gui.commands.i2p",
    "import": "i2ptunnel_gui.commands.interop",
    "export": "i2ptunnel_gui.commands.interop",
    "convert": "i2ptunnel_gui.commands.interop",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is not None:
        module = _COMMANDS[args.command]
    elif args.headless:
        module = "i2ptunnel_gui.commands.headless"
    else:
        module = "i2ptunnel_gui.ui.app"
    run = importlib.import_module(module).run
    return int(run(args))
