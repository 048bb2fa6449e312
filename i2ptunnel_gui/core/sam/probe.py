"""Is the router's SAM bridge there, and which version does it speak?

One short HELLO on a short-lived socket. `Engine.probe_sam()` runs it on the
engine loop, so the GUI loop holds no SAM socket of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass

from i2ptunnel_gui.core.addresses import SpecError, parse_hostport
from i2ptunnel_gui.core.sam.protocol import build_hello, parse_reply

from ..text import Text

MAX_REPLY = 4096


@dataclass(frozen=True, slots=True)
class SamStatus:
    address: str
    reachable: bool
    version: str = ""
    message: str = ""  # why not reachable, or the router's MESSAGE=
    checked_at: float = 0.0


async def probe_sam(
    address: str, *, timeout: float = 3.0, auth: tuple[str, str] | None = None  # noqa: ASYNC109
) -> SamStatus:
    """HELLO the bridge at `address` (with SAM USER/PASSWORD when `auth`, which needs SAM
    3.2); never raises for network trouble."""
    now = time.time()
    try:
        host, port = parse_hostport(address)
    except SpecError as e:
        return SamStatus(address, False, "", Text("bad SAM address: {why}", why=e.message), now)
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port, limit=MAX_REPLY)
            writer.write(build_hello("3.2", "3.3", *auth) if auth else build_hello())
            await writer.drain()
            line = await reader.readline()
    except TimeoutError:
        return SamStatus(address, False, "", Text("no answer from {address} in {seconds:g} s",
                                                  address=address, seconds=timeout), now)
    except (OSError, ValueError) as e:  # ValueError: line longer than MAX_REPLY
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        return SamStatus(address, False, "", Text("{address}: {why}", address=address, why=why),
                         now)
    finally:
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
    if not line:
        return SamStatus(address, False, "",
                         Text("{address} closed the connection", address=address), now)
    try:
        reply = parse_reply(line)
    except Exception as e:  # a non-SAM service on that port: say so, don't crash
        return SamStatus(address, False, "", Text("{address} does not speak SAM ({why})",
                                                  address=address, why=str(e)), now)
    if reply.verb != "HELLO" or not reply.ok:
        msg = reply.message or reply.result or f"{reply.verb} {reply.subverb}"
        return SamStatus(address, False, "", Text("{address}: {why}", address=address, why=msg),
                         now)
    return SamStatus(address, True, reply.args.get("VERSION", ""), "", now)
