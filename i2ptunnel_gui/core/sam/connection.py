"""SAM connections: connect + HELLO negotiation, one command at a time.

`SamConnection` drives a raw non-blocking socket with `loop.sock_*` so that it
can hand the very same socket, plus the bytes read past the last reply line,
to the relay after STREAM CONNECT/ACCEPT (`detach()`). Every await runs under
a deadline; OSError/TimeoutError become SamError subclasses naming host:port,
and the socket is closed on any failure, including cancellation.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
import socket
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..addresses import SpecError, parse_hostport
from ..dial import connect_tcp
from ..text import Text
from .errors import (
    KeyFormatError,
    SamConnectionClosed,
    SamError,
    SamInputError,
    SamNoVersion,
    SamProtocolError,
    SamTimeout,
    SamUnreachable,
)
from .keys import Destination, PrivateKey, parse_destination, parse_private_key
from .protocol import (
    LineFramer,
    SamReply,
    build_dest_generate,
    build_hello,
    build_naming_lookup,
    expect_reply,
    parse_reply,
    redact,
    version_tuple,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")

SamAddress = str | tuple[str, int]
# ask for the newest first; i2pd 2.45.1 answers MIN=3.0 MAX=3.3 with 3.0 (docs/I2PD.md §2)
HELLO_ATTEMPTS: tuple[tuple[str, str], ...] = (("3.1", "3.3"), ("3.0", "3.0"))
STREAM_REPLIES = (("STREAM", "STATUS"),)
NICKNAME_TRIES = 3
_QUICKACK: int | None = getattr(socket, "TCP_QUICKACK", None)  # Linux only


@dataclass(frozen=True, slots=True)
class SamTimeouts:
    connect: float = 5.0
    hello: float = 10.0
    session_create: float = 120.0  # i2pd 2.45.1 answers after ~20 s, congested routers later
    stream_connect: float = 70.0  # the router's own connect timeout is ~60 s
    stream_status: float = 15.0  # STATUS reply to STREAM ACCEPT
    naming: float = 15.0
    dest_generate: float = 30.0
    keepalive_interval: float = 30.0  # PING period (SAM >= 3.2 only); 0 disables
    # a line that has begun must end within this, even when its start may take for ever
    # (a pending ACCEPT): a bridge that stalls mid-line would hold the accept for good
    line_finish: float = 10.0


DEFAULT_TIMEOUTS = SamTimeouts()


def _split_address(address: SamAddress) -> tuple[str, int]:
    if isinstance(address, tuple):
        return address
    try:
        return parse_hostport(address)
    except SpecError as e:
        raise SamInputError(f"SAM address: {e}") from e


def _where(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def new_nickname() -> str:
    return "i2ptg-" + secrets.token_hex(6)


class SamConnection:
    """One socket to the bridge, after a successful HELLO."""

    def __init__(self, sock: socket.socket, where: str, version: str = "") -> None:
        self._sock: socket.socket | None = sock
        self.where = where
        self.version = version
        self.framer = LineFramer()

    @classmethod
    async def open(
        cls,
        address: SamAddress,
        *,
        timeouts: SamTimeouts = DEFAULT_TIMEOUTS,
        user: str | None = None,
        password: str | None = None,
        versions: tuple[tuple[str, str], ...] = HELLO_ATTEMPTS,
    ) -> SamConnection:
        """Connect and negotiate a version (falling back on NOVERSION)."""
        host, port = _split_address(address)
        if user is not None:  # USER/PASSWORD exist from SAM 3.2 only
            versions = (("3.2", "3.3"),)
        for i, (lo, hi) in enumerate(versions):
            hello = build_hello(lo, hi, user, password)  # validates before connecting
            conn = cls(await _connect_socket(host, port, timeouts.connect), _where(host, port))
            try:
                reply = await conn.command(
                    hello, ("HELLO", "REPLY"), time_limit=timeouts.hello, context="HELLO"
                )
                conn.version = reply.args.get("VERSION", lo)
                try:
                    granted = version_tuple(conn.version)
                except SamProtocolError as e:
                    raise SamProtocolError(f"SAM bridge {conn.where}: {e}") from e
                if not (3, 0) <= granted <= (3, 3):
                    raise SamProtocolError(
                        f"SAM bridge {conn.where} granted unsupported version {conn.version}"
                    )
            except SamNoVersion:
                conn.close()
                if i + 1 == len(versions):
                    raise
                continue
            except BaseException:
                conn.close()
                raise
            return conn
        raise SamNoVersion("no SAM version to ask for")  # only with an empty `versions`

    @property
    def sock(self) -> socket.socket:
        if self._sock is None:
            raise SamConnectionClosed(f"SAM bridge {self.where}: connection already closed")
        return self._sock

    async def read_line(
        self, *, time_limit: float | None, context: str, line_finish: float
    ) -> bytes:
        """The next line; None time_limit waits for ever (pending ACCEPT), cancellable,
        but then the rest of the line must come within `line_finish` of its first bytes."""
        line = self.framer.next_line()
        if line is None and time_limit is None:
            if not self.framer.pending:  # else the line began in an earlier read
                await self._guard(self._receive(context), None, context)
                line = self.framer.next_line()
            time_limit, context = line_finish, f"{context}, the rest of a begun line"
        if line is None:
            line = await self._guard(self._read_line(context), time_limit, context)
        logger.debug("SAM %s -> %s", self.where, redact(line))
        return line

    async def command(
        self, data: bytes, *pairs: tuple[str, str], time_limit: float, context: str
    ) -> SamReply:
        """Send one command and read its reply, raising the typed error if not OK.

        The socket stays open on a router refusal (some replies leave it usable);
        it is closed on transport errors, garbage, timeouts and cancellation.
        """
        logger.debug("SAM %s <- %s", self.where, redact(data))
        # one deadline for the round trip, converted to SamTimeout by _guard
        line = await self._guard(self._exchange(data, context), time_limit, context)
        logger.debug("SAM %s -> %s", self.where, redact(line))
        try:
            reply = parse_reply(line)
        except SamProtocolError as e:
            self.close()
            raise SamProtocolError(f"SAM bridge {self.where} ({context}): {e}") from e
        try:
            return expect_reply(reply, *pairs, context=f"{context} at {self.where}")
        except SamProtocolError:
            self.close()
            raise

    def detach(self) -> tuple[socket.socket, bytes]:
        """Hand the socket and any bytes read past the last line to the caller."""
        sock, self._sock = self.sock, None
        return sock, self.framer.take_rest()

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    async def _exchange(self, data: bytes, context: str) -> bytes:
        await asyncio.get_running_loop().sock_sendall(self.sock, data)
        return await self._read_line(context)

    async def _read_line(self, context: str) -> bytes:
        while (line := self.framer.next_line()) is None:
            await self._receive(context)
        return line

    async def _receive(self, context: str) -> None:
        """One read into the framer."""
        data = await asyncio.get_running_loop().sock_recv(self.sock, 65536)
        if not data:
            raise SamConnectionClosed(Text("SAM bridge {where} closed the connection ({context})",
                                           where=self.where, context=context))
        try:
            self.framer.feed(data)
        except SamProtocolError as e:  # the bridge sent an oversized line
            raise SamProtocolError(f"SAM bridge {self.where} ({context}): {e}") from e

    async def _guard(self, aw: Awaitable[T], time_limit: float | None, context: str) -> T:
        try:
            async with asyncio.timeout(time_limit):
                return await aw
        except SamError:
            self.close()
            raise
        except TimeoutError as e:
            self.close()
            raise SamTimeout(Text("SAM bridge {where}: no answer to {context} within {seconds:g} s",
                                  where=self.where, context=context, seconds=time_limit)) from e
        except OSError as e:
            self.close()
            raise SamConnectionClosed(Text("SAM bridge {where}: {context} failed: {why}",
                                           where=self.where, context=context,
                                           why=e.strerror or str(e))) from e
        except BaseException:
            self.close()
            raise


async def _resolve(
    loop: asyncio.AbstractEventLoop, host: str, port: int
) -> list[tuple[Any, Any, int, str, Any]]:
    """An IP literal (the usual SAM address) at once; a name via the loop's resolver,
    a thread-pool hop that cost ~0.3-3 ms per stream open on a busy 2-core machine."""
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    except socket.gaierror:
        return await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def quick_ack(sock: socket.socket) -> None:
    """ACK the router's next segment at once (Linux). i2pd writes a reply line and the
    data after it separately, without TCP_NODELAY: held back by Nagle until our delayed
    ACK (~40 ms) unless we ACK the line straight away (docs/I2PD.md §6)."""
    if _QUICKACK is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)


async def _connect_socket(host: str, port: int, time_limit: float) -> socket.socket:
    """A connected non-blocking TCP socket, or SamUnreachable/SamTimeout naming host:port."""
    loop = asyncio.get_running_loop()
    where = _where(host, port)
    last: OSError | None = None
    try:
        async with asyncio.timeout(time_limit):
            infos = await _resolve(loop, host, port)
            for family, _, _, _, addr in infos:
                try:  # not loop.sock_connect: a thread-pool hop per connection on uvloop
                    sock = await connect_tcp(loop, family, addr)
                except OSError as e:
                    last = e
                    continue
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                return sock
    except TimeoutError as e:
        raise SamTimeout(Text("SAM bridge {where}: no connection within {seconds:g} s",
                              where=where, seconds=time_limit)) from e
    except OSError as e:  # getaddrinfo
        raise SamUnreachable(Text("SAM bridge {where} unreachable: {why}", where=where,
                                  why=e.strerror or str(e))) from e
    reason = (last.strerror or str(last)) if last else Text("no address")
    raise SamUnreachable(Text("SAM bridge {where} unreachable: {why}", where=where, why=reason))


async def _one_shot(
    address: SamAddress,
    line: bytes,
    pair: tuple[str, str],
    *,
    time_limit: float,
    context: str,
    timeouts: SamTimeouts,
    user: str | None,
    password: str | None,
) -> SamReply:
    conn = await SamConnection.open(address, timeouts=timeouts, user=user, password=password)
    try:
        return await conn.command(line, pair, time_limit=time_limit, context=context)
    finally:
        conn.close()


async def naming_lookup(
    address: SamAddress,
    name: str,
    *,
    timeouts: SamTimeouts = DEFAULT_TIMEOUTS,
    user: str | None = None,
    password: str | None = None,
) -> str:
    """NAMING LOOKUP on a fresh socket: the base64 destination of a name or b32."""
    reply = await _one_shot(
        address,
        build_naming_lookup(name),
        ("NAMING", "REPLY"),
        time_limit=timeouts.naming,
        context=f"NAMING LOOKUP {name}",
        timeouts=timeouts,
        user=user,
        password=password,
    )
    value = reply.args.get("VALUE", "")
    try:
        parse_destination(value)
    except KeyFormatError as e:
        raise SamProtocolError(f"NAMING REPLY for {name} has no usable VALUE: {e}") from e
    return value


async def dest_generate(
    address: SamAddress,
    *,
    signature_type: int | str = 7,
    timeouts: SamTimeouts = DEFAULT_TIMEOUTS,
    user: str | None = None,
    password: str | None = None,
) -> PrivateKey:
    """DEST GENERATE: a new private key from the router (checked against PUB)."""
    reply = await _one_shot(
        address,
        build_dest_generate(signature_type),
        ("DEST", "REPLY"),
        time_limit=timeouts.dest_generate,
        context="DEST GENERATE",
        timeouts=timeouts,
        user=user,
        password=password,
    )
    try:
        keys = parse_private_key(reply.args.get("PRIV", ""))
    except KeyFormatError as e:
        raise SamProtocolError(f"DEST REPLY carried an unusable PRIV: {e}") from e
    if reply.args.get("PUB") != keys.destination.b64:
        raise SamProtocolError("DEST REPLY: PUB does not match PRIV")
    return keys


_PORT_PAIR = re.compile(rb"\b(FROM_PORT|TO_PORT)=(\d{1,5})\b")


def peer_line_ports(line: bytes) -> tuple[int, int]:
    """(FROM_PORT, TO_PORT) of an accepted stream's peer line (SAM 3.2+); 0 where not
    given."""
    ports = {k: int(v) for k, v in _PORT_PAIR.findall(line)}
    return ports.get(b"FROM_PORT", 0), ports.get(b"TO_PORT", 0)


def parse_peer_line(line: bytes, where: str) -> Destination:
    """The first line on an accepted stream: `<peer b64> [FROM_PORT=n TO_PORT=n]`."""
    text = line.decode("ascii", "replace").strip()
    if text.startswith(("STREAM STATUS", "SESSION STATUS")):
        # the router gave up on the pending accept (i2pd: router shutting down)
        expect_reply(parse_reply(text), *STREAM_REPLIES, context=f"STREAM ACCEPT at {where}")
        raise SamProtocolError(f"SAM bridge {where}: second STATUS instead of a peer")
    token = text.split(" ", 1)[0]
    try:
        return parse_destination(token)
    except KeyFormatError as e:
        raise SamProtocolError(f"SAM bridge {where}: bad peer line after ACCEPT: {e}") from e
