"""What every tunnel command shares: exit codes, one-line errors, --listen parsing
and the loopback guard (running the engine: core/host.py)."""

from __future__ import annotations

import sys

from i2ptunnel_gui.core.addresses import SpecError, is_loopback_host, parse_hostport

EXIT_BAD_INPUT = 2
EXIT_CANNOT_START = 1


def fail(prog: str, message: str, code: int) -> int:
    """One line on stderr (the CLI contract), and the exit code to return."""
    sys.stderr.write(f"i2ptunnel-gui {prog}: error: {message}\n")
    sys.stderr.flush()
    return code


def parse_listen(text: str) -> tuple[str, int]:
    """--listen HOST:PORT; port 0 (any free port) is fine here."""
    try:
        return parse_hostport(text, allow_any_port=True)
    except SpecError as e:
        raise SpecError("listen", f"--listen {e.message}") from None


def check_public(host: str, public: bool) -> None:
    """Non-loopback listening only with --public: anyone who reaches it uses the tunnel."""
    if not public and not is_loopback_host(host):
        raise SpecError(
            "listen",
            f"--listen {host} is not a loopback address: anyone who can reach it could "
            "use this tunnel; add --public to allow that",
        )
