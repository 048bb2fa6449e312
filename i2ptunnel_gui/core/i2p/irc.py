"""IRC client tunnel: a local port to an IRC server on I2P, lines filtered both ways
as Java I2P's IRC client does (core/proxy/irc_filter.py, docs/PROXIES.md). Several server
destinations may be listed; each connection tries them in order."""

from __future__ import annotations

import logging
import socket

from i2ptunnel_gui.core.client_fields import destination_list
from i2ptunnel_gui.core.context import EngineContext, StartOptions
from i2ptunnel_gui.core.errors import ConfigError, TargetError
from i2ptunnel_gui.core.i2p.client import ClientTunnel
from i2ptunnel_gui.core.proxy.irc_relay import IrcRelay
from i2ptunnel_gui.core.sam.errors import KeyFormatError, SamError
from i2ptunnel_gui.core.sam.keys import parse_destination
from i2ptunnel_gui.core.spec import TunnelSpec

logger = logging.getLogger(__name__)


class IrcTunnel(ClientTunnel):
    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        self.destinations = destination_list(spec.destination)
        self._relay_class = IrcRelay  # lines through the filter, not the byte pump

    async def prepare(self) -> None:
        for dest in self.destinations:
            if dest.lower().endswith(".i2p"):
                continue
            try:
                parse_destination(dest)
            except KeyFormatError as e:
                raise ConfigError(f"IRC server {dest[:40]}… is not a destination: {e}") from None

    async def open_target(self, peer: str) -> tuple[socket.socket, bytes]:
        """The first of the servers that accepts a stream; each gets an equal share
        of the connect timeout."""
        share = self.spec.connect_timeout / max(1, len(self.destinations))
        failures: list[str] = []
        for dest in self.destinations:
            try:
                return await self.stream_to(dest, time_limit=share)
            except (SamError, TimeoutError) as e:
                failures.append(f"{dest}: {e or 'no answer'}")
                logger.info("IRC tunnel %s: %s failed: %s", self.spec.name, dest, e)
        raise TargetError("no IRC server answered (" + "; ".join(failures) + ")")
