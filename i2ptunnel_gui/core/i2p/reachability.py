"""Is a server tunnel reachable from I2P? Dial its own b32 from a separate session.

The check (`ServerTunnel.check_reachability`) creates a short-lived TRANSIENT session
with the tunnel's own options (zero-hop settings and all, so it also works on an
offline test router), registers that session's b32 with the server tunnel, opens a
stream to the tunnel's b32 and sends a random token. The server tunnel recognises
the prober's b32 and echoes the token itself instead of connecting its target: the
check proves the LeaseSet can be found, the tunnels carry data both ways and the
accept loop serves, without touching the user's service. A STREAM CONNECT OK alone
would prove little: i2pd answers it before the peer is up (docs/ENGINE.md).
"""

from __future__ import annotations

import asyncio
import secrets
import socket
import time

from i2ptunnel_gui.core.errors import TargetError
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.errors import SamError
from i2ptunnel_gui.core.text import Text

TOKEN_BYTES = 16
ECHO_LIMIT = 30.0  # seconds the server side waits for a prober's token


def new_token() -> bytes:
    return secrets.token_hex(TOKEN_BYTES // 2).encode()


async def dial_and_echo(session: SamSession, b32: str, token: bytes, *, time_limit: float) -> float:
    """Open a stream from `session` to `b32`, send `token`, read it back: the echo's
    round trip in seconds. TargetError (or a SamError) when it does not come back."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(time_limit):
            sock, got = await session.stream_connect(b32, time_limit=time_limit)
            try:
                sent = time.monotonic()
                await loop.sock_sendall(sock, token)
                while len(got) < len(token):
                    data = await loop.sock_recv(sock, len(token) - len(got))
                    if not data:
                        raise TargetError(Text("the stream closed before the echo came back"))
                    got += data
                round_trip = time.monotonic() - sent
            finally:
                sock.close()
    except (SamError, TargetError):  # the router's words / ours (some are OSErrors too)
        raise
    except TimeoutError:
        raise TargetError(Text("no echo within {seconds:g} s", seconds=time_limit)) from None
    except OSError as e:
        raise TargetError(Text("the stream failed: {why}", why=e.strerror or str(e))) from None
    if got != token:
        raise TargetError(Text("something else answered at this address (wrong echo)"))
    return round_trip


async def answer_probe(
    loop: asyncio.AbstractEventLoop, sock: socket.socket, pending: bytes, token: bytes
) -> None:
    """Server side: read the prober's token and send it back; always closes `sock`."""
    try:
        async with asyncio.timeout(ECHO_LIMIT):
            got = pending
            while len(got) < len(token):
                data = await loop.sock_recv(sock, len(token) - len(got))
                if not data:
                    return
                got += data
            if got[: len(token)] == token:
                await loop.sock_sendall(sock, token)
    except (TimeoutError, OSError):
        pass
    finally:
        sock.close()
