"""Hostile answers a fake SAM bridge can give (tests/fake_sam.py `sam.misbehave`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

PEER_LINE = "STREAM ACCEPT peer"  # key: what an accepting socket gets after STATUS OK


@dataclass(frozen=True)
class Misbehave:
    """One hostile answer: `data` is sent (one byte per `drip` seconds when > 0), then
    the socket is closed ("close") or held open in silence until the client leaves
    ("hang"). Misbehave() alone is an early close; Misbehave(after="hang") is silence."""

    data: bytes = b""
    drip: float = 0.0
    after: str = "close"


async def misbehave(
    fault: Misbehave, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    if fault.drip > 0:
        for i in range(len(fault.data)):
            writer.write(fault.data[i : i + 1])
            await writer.drain()
            await asyncio.sleep(fault.drip)
    elif fault.data:
        writer.write(fault.data)
        await writer.drain()
    if fault.after == "hang":
        await reader.read()  # until the client gives up
