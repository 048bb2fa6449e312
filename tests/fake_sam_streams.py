"""The fake SAM bridge's streams (tests/fake_sam.py): a pending STREAM ACCEPT, and a
STREAM CONNECT piped to one with half-close, as a router joins two destinations."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass

CHUNK = 64 * 1024


@dataclass(eq=False)
class Accept:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    done: asyncio.Future[None]


@dataclass(eq=False)
class Stream:
    writers: tuple[asyncio.StreamWriter, asyncio.StreamWriter]
    sessions: tuple[str, str]


async def pipe(
    streams: set[Stream],
    sessions: tuple[str, str],  # (connecting, accepting) nicknames
    peer_line: bytes,  # what the accepting socket reads first: the connector's destination
    acc: Accept,
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    *,
    coalesce: bool,  # the peer line and the first data in one write
) -> None:
    stream = Stream((writer, acc.writer), sessions)
    streams.add(stream)
    try:
        writer.write(b"STREAM STATUS RESULT=OK\n")
        await writer.drain()
        if coalesce:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(1):
                    peer_line += await reader.read(CHUNK)
        acc.writer.write(peer_line)
        await acc.writer.drain()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(_pump(reader, acc.writer))
            tg.create_task(_pump(acc.reader, writer))
    except* (ConnectionError, OSError):
        pass
    finally:
        streams.discard(stream)
        acc.writer.close()
        writer.close()
        if not acc.done.done():
            acc.done.set_result(None)


async def _pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
    while data := await src.read(CHUNK):
        dst.write(data)
        await dst.drain()
    if dst.can_write_eof() and not dst.is_closing():
        dst.write_eof()
