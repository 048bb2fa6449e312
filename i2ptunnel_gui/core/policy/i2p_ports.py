"""I2P ports: the 16-bit port numbers inside I2P streams (SAM 3.2+ FROM_PORT/TO_PORT).

A client tunnel may name the port of the destination it connects to (i2pd
`destinationport`); a server tunnel may accept streams to one port only (i2pd
`inport`) and refuse the others. SAM grants ports from version 3.2; i2pd 2.45
grants 3.1 at most and closes the socket on an unknown keyword (FINDINGS §2), so
on such a bridge a tunnel with a port does not start and says why: dropping the
port would connect to another service, or open the server to every port.
"""

from __future__ import annotations

from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.text import Text

PORTS_SINCE = (3, 2)


def ports_granted(version: str) -> bool:
    """True when a bridge that granted `version` understands FROM_PORT/TO_PORT."""
    major, _, minor = version.partition(".")
    try:
        return (int(major), int(minor)) >= PORTS_SINCE
    except ValueError:
        return False


def ports_refused_message(port: int, version: str, *, server: bool) -> str:
    template = (
        "this tunnel is set to accept only I2P port {port}, but the router's SAM bridge "
        "grants version {version} and I2P ports need SAM 3.2 or newer (Java I2P and newer "
        "i2pd grant it); clear the I2P port or use a newer router" if server else
        "this tunnel is set to connect to I2P port {port}, but the router's SAM bridge "
        "grants version {version} and I2P ports need SAM 3.2 or newer (Java I2P and newer "
        "i2pd grant it); clear the I2P port or use a newer router")
    return Text(template, port=port, version=version or "unknown")


def check_ports_granted(port: int, version: str, *, server: bool) -> None:
    """Raise ConfigError when a tunnel with an I2P port meets a bridge without ports."""
    if port and not ports_granted(version):
        raise ConfigError(ports_refused_message(port, version, server=server))
