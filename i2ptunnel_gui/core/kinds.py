"""The registry of tunnel kinds: which runtime class serves each `TunnelKind`.

`Engine.start_tunnel(spec)` builds `KINDS[spec.kind](spec, ctx, start)`. A new
kind is one class and one line here.
"""

from __future__ import annotations

from i2ptunnel_gui.core.forward import ForwardTunnel
from i2ptunnel_gui.core.i2p.client import ClientTunnel
from i2ptunnel_gui.core.i2p.http_server import HttpServerTunnel
from i2ptunnel_gui.core.i2p.irc import IrcTunnel
from i2ptunnel_gui.core.i2p.proxies import HttpProxyTunnel, SocksTunnel
from i2ptunnel_gui.core.i2p.server import ServerTunnel
from i2ptunnel_gui.core.runtime import TunnelRuntime
from i2ptunnel_gui.core.spec import TunnelKind

KINDS: dict[TunnelKind, type[TunnelRuntime]] = {
    TunnelKind.FORWARD: ForwardTunnel,
    TunnelKind.SERVER: ServerTunnel,
    TunnelKind.CLIENT: ClientTunnel,
    TunnelKind.HTTP_SERVER: HttpServerTunnel,
    TunnelKind.HTTP_PROXY: HttpProxyTunnel,
    TunnelKind.SOCKS: SocksTunnel,
    TunnelKind.IRC: IrcTunnel,
}
