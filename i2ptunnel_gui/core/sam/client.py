"""Asyncio SAM v3 client for the engine loop: connections, sessions, streams.

Usage (on the engine loop; every call has its own deadline, see SamTimeouts)::

    from i2ptunnel_gui.core.sam.client import SamSession
    from i2ptunnel_gui.core.sam.connection import dest_generate, naming_lookup

    session = await SamSession.create("127.0.0.1:7656", private_key=blob_or_None,
                                      options={"inbound.length": "0"})
    session.b32            # "<52 chars>.b32.i2p", computed locally from the key
    session.destination    # public base64 (524 chars for Ed25519)
    session.private_key    # raw blob: KeyStore.save(path, session.private_key)
    sock, data = await session.stream_connect("peer.b32.i2p")   # or .i2p name / base64
    sock, peer, data = await session.stream_accept()             # waits for a peer
    # `sock` is a connected, non-blocking socket.socket owned by the caller;
    # `data` holds bytes the router already sent past the SAM header: send them
    # on first (relay remote_pending). `peer` is a keys.Destination (.b32_address).
    # stream_connect(dest, time_limit=70 s default); stream_accept(time_limit=None
    # = wait until a peer comes; cancel the task to stop waiting).
    # i2pd answers CONNECT OK once the LeaseSet is found, before the peer answers:
    # keep a connect/first-byte timeout in the tunnel (docs/I2PD.md §5).
    await session.wait_closed()    # returns when the router drops the session
    session.close_reason           # SamError, or None after session.close()
    session.close()

Errors are SamError subclasses (errors.py): SamUnreachable/SamConnectionClosed and
SamTimeout mean "router gone or slow: retry with backoff"; SamInvalidKey,
SamDuplicatedDest, SamRouterError at create mean "refused: show the message".
DUPLICATED_ID is handled here (new random nickname). Sockets are closed on every
failure, including cancellation.

Concurrent pending STREAM ACCEPTs on one session are allowed by the spec from
SAM 3.2 (`session.concurrent_accepts`). i2pd 2.45.1 grants at most 3.1 and, although
it served 50 pending ACCEPTs in a quiet test, under load it crossed streams between
them (two streams on one socket, others never served; docs/I2PD.md §5), so server
tunnels keep one pending ACCEPT below 3.2: the router queues what arrives meanwhile.
Tests: `tests/fake_sam.py` (FakeSam) is a scriptable in-process bridge with
fault injection (kill_session, drop_streams, stop/start, replies/hang/delay).

PING keepalive is only sent when the granted version is >= 3.2: i2pd 2.45.1
destroys the session on PING.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable, Mapping
from types import TracebackType

from ..text import Text
from .connection import (
    DEFAULT_TIMEOUTS,
    NICKNAME_TRIES,
    STREAM_REPLIES,
    SamAddress,
    SamConnection,
    SamTimeouts,
    naming_lookup,
    new_nickname,
    parse_peer_line,
    peer_line_ports,
    quick_ack,
)
from .control import ControlChannel
from .errors import (
    KeyFormatError,
    SamDuplicatedId,
    SamError,
    SamInputError,
    SamProtocolError,
)
from .keys import Destination, PrivateKey, parse_private_key
from .protocol import (
    build_naming_lookup,
    build_session_create,
    build_stream_accept,
    build_stream_connect,
    expect_reply,
    session_options,
    version_tuple,
)

logger = logging.getLogger(__name__)


class SamSession:
    """A STREAM session: lives exactly as long as its control socket."""

    def __init__(
        self,
        conn: SamConnection,
        address: SamAddress,
        nickname: str,
        keys: PrivateKey,
        *,
        timeouts: SamTimeouts,
        user: str | None,
        password: str | None,
        keepalive: bool,
    ) -> None:
        self.address = address
        self.nickname = nickname
        self.keys = keys
        self.version = conn.version
        self.timeouts = timeouts
        self._user, self._password = user, password
        where = conn.where
        sock, _ = conn.detach()
        interval = timeouts.keepalive_interval if keepalive and self.supports_ping else 0.0
        self._control = ControlChannel(
            sock, where, Text("session {nickname}", nickname=nickname),
            keepalive_interval=interval
        )

    @classmethod
    async def create(
        cls,
        address: SamAddress,
        *,
        private_key: bytes | str | PrivateKey | None = None,
        signature_type: int | str = 7,
        options: Mapping[str, str | None] | None = None,
        nickname: str | None = None,
        timeouts: SamTimeouts = DEFAULT_TIMEOUTS,
        user: str | None = None,
        password: str | None = None,
        keepalive: bool = True,
        on_hello: Callable[[], None] | None = None,
    ) -> SamSession:
        """SESSION CREATE STYLE=STREAM with a stored key (same b32) or TRANSIENT.

        `options` pass through (I2CP/streaming); they are merged over
        `i2cp.leaseSetEncType=4,0` and a value of None or "" removes a default.
        `on_hello`: called once the bridge answered HELLO, before SESSION CREATE (the
        long wait: the router builds tunnels), so callers can say what is awaited.
        """
        given: PrivateKey | None = None
        if private_key is not None:
            try:
                given = (
                    private_key
                    if isinstance(private_key, PrivateKey)
                    else parse_private_key(private_key)
                )
            except KeyFormatError as e:
                raise SamInputError(f"stored private key is unusable: {e}") from e
        opts = session_options(options)
        for attempt in range(NICKNAME_TRIES):
            nick = nickname if (nickname and attempt == 0) else new_nickname()
            line = build_session_create(
                nick, given.b64 if given else None, signature_type=signature_type, options=opts
            )
            conn = await SamConnection.open(
                address, timeouts=timeouts, user=user, password=password
            )
            try:
                if on_hello is not None:
                    on_hello()
                reply = await conn.command(
                    line,
                    ("SESSION", "STATUS"),
                    time_limit=timeouts.session_create,
                    context="SESSION CREATE",
                )
                keys = parse_private_key(reply.args.get("DESTINATION", ""))
                if given is not None and keys.destination.raw != given.destination.raw:
                    raise SamProtocolError(
                        f"SAM bridge {conn.where} created the session with another key "
                        f"({keys.b32_address}, expected {given.b32_address})"
                    )
            except SamDuplicatedId:
                conn.close()
                if attempt + 1 == NICKNAME_TRIES:
                    raise
                logger.info("SAM nickname %s taken, retrying with a new one", nick)
                continue
            except KeyFormatError as e:
                conn.close()
                raise SamProtocolError(f"SESSION STATUS at {conn.where}: unusable key: {e}") from e
            except BaseException:
                conn.close()
                raise
            logger.info(
                "SAM session %s ready on %s (SAM %s): %s",
                nick,
                conn.where,
                conn.version,
                keys.b32_address,
            )
            return cls(
                conn,
                address,
                nick,
                keys,
                timeouts=timeouts,
                user=user,
                password=password,
                keepalive=keepalive,
            )
        raise AssertionError("unreachable")

    # ------------------------------------------------------------ identity

    @property
    def destination(self) -> str:
        """Public destination, I2P base64."""
        return self.keys.destination.b64

    @property
    def private_key(self) -> bytes:
        return self.keys.raw

    @property
    def b32(self) -> str:
        """`<52 chars>.b32.i2p`, computed locally."""
        return self.keys.b32_address

    @property
    def supports_ping(self) -> bool:
        return version_tuple(self.version) >= (3, 2)

    @property
    def concurrent_accepts(self) -> bool:
        """Spec-level guarantee (3.2+); see the module docstring for i2pd 2.45.1."""
        return version_tuple(self.version) >= (3, 2)

    # ------------------------------------------------------------ streams

    async def stream_socket(self) -> SamConnection:
        """A fresh socket after HELLO, for one STREAM command (see stream_connect `via`)."""
        self._control.check_open()
        # reuse the granted version: one HELLO round trip, no fallback dance
        return await SamConnection.open(
            self.address,
            timeouts=self.timeouts,
            user=self._user,
            password=self._password,
            versions=((self.version, self.version),),
        )

    async def stream_connect(
        self,
        destination: str,
        *,
        time_limit: float | None = None,
        via: SamConnection | None = None,
        to_port: int = 0,
    ) -> tuple[socket.socket, bytes]:
        """STREAM CONNECT to a base64 destination, b32 address or .i2p name, on `via`
        (a socket from stream_socket(), consumed: closed on failure) or a new one.
        `to_port`: the destination's I2P port (SAM 3.2+: the caller checks the version).

        Note: i2pd answers OK once the LeaseSet is found, before the peer answers
        (docs/I2PD.md §5): callers need their own first-byte/idle timeout.
        """
        line = build_stream_connect(self.nickname, destination, to_port=to_port)
        conn = via if via is not None else await self.stream_socket()
        try:
            await conn.command(
                line,
                *STREAM_REPLIES,
                time_limit=time_limit or self.timeouts.stream_connect,
                context="STREAM CONNECT",
            )
            quick_ack(conn.sock)  # the peer's first bytes must not wait for our ACK
            return conn.detach()
        except BaseException:
            conn.close()
            raise

    async def stream_accept(
        self, *, time_limit: float | None = None
    ) -> tuple[socket.socket, Destination, bytes]:
        """Wait for one incoming stream; `time_limit` None waits until a peer comes
        (cancel it to stop). Returns (socket, peer destination, bytes after the peer line)."""
        sock, peer, rest, _ = await self.stream_accept_with_port(time_limit=time_limit)
        return sock, peer, rest

    async def stream_accept_with_port(
        self, *, time_limit: float | None = None
    ) -> tuple[socket.socket, Destination, bytes, int]:
        """`stream_accept`, and the I2P port the peer connected to (its TO_PORT, SAM
        3.2+; 0 when the bridge names none)."""
        line = build_stream_accept(self.nickname)
        conn = await self.stream_socket()
        try:
            await conn.command(
                line,
                *STREAM_REPLIES,
                time_limit=self.timeouts.stream_status,
                context="STREAM ACCEPT",
            )
            # i2pd writes the peer line and the first data separately, Nagle on: ACK
            # the line at once or the data waits for our delayed ACK (up to ~40 ms)
            quick_ack(conn.sock)
            first = await conn.read_line(
                time_limit=time_limit,
                context="STREAM ACCEPT (peer)",
                line_finish=self.timeouts.line_finish,
            )
            quick_ack(conn.sock)
            peer = parse_peer_line(first, conn.where)
            _, to_port = peer_line_ports(first)
            sock, rest = conn.detach()
            return sock, peer, rest, to_port
        except BaseException:
            conn.close()
            raise

    async def naming_lookup(self, name: str) -> str:
        """Resolve a name to a base64 destination. ME is answered on the control
        socket; other names on a fresh socket so a slow lookup cannot stall it."""
        self._control.check_open()
        if name != "ME":
            return await naming_lookup(
                self.address, name, timeouts=self.timeouts, user=self._user, password=self._password
            )
        reply = await self._control.request(
            build_naming_lookup(name), time_limit=self.timeouts.naming, context="NAMING LOOKUP ME"
        )
        where = self._control.where
        expect_reply(reply, ("NAMING", "REPLY"), context=f"NAMING LOOKUP at {where}")
        return reply.args.get("VALUE", "")

    # ------------------------------------------------------------ lifetime

    @property
    def closed(self) -> asyncio.Event:
        """Set when the session ended: router closed it, keepalive failed, or close()."""
        return self._control.closed

    @property
    def close_reason(self) -> SamError | None:
        """Why the router side ended it; None after a deliberate close()."""
        return self._control.close_reason

    async def wait_closed(self) -> None:
        await self._control.closed.wait()

    def close(self) -> None:
        """Close the control socket, which ends the session on the router."""
        self._control.shutdown(None)

    async def __aenter__(self) -> SamSession:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
