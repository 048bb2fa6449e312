"""An in-process fake SAM v3 bridge for fast tests and fault injection.

    async with FakeSam() as sam:                 # listens on 127.0.0.1:<ephemeral>
        session = await SamSession.create(sam.address)
        ...
        sam.kill_session(session.nickname)       # router drops the session (+ its streams)
        sam.drop_streams()                       # every piped stream is aborted
        await sam.stop(); await sam.start()      # router restart on the same port

Behaves like i2pd 2.45.1 by default (docs/I2PD.md §2-§7): grants SAM 3.0/3.1, answers
STREAM errors with the right verb pair, closes the socket without a reply on
unknown commands and on PING below 3.2 (destroying a session), one session per
control socket, sessions die with their control socket. `versions=` widens it.
Faults, keyed by command name ("HELLO VERSION", "SESSION CREATE", "STREAM CONNECT",
"STREAM ACCEPT", "NAMING LOOKUP", "DEST GENERATE", "PING"):
    sam.replies[cmd] = [b"...\n", ...]   # next replies sent verbatim instead (garbage,
                                          # errors, oversized); the command has no effect
    sam.hang.add(cmd)                     # never answer
    sam.delay[cmd] = 2.0                  # answer late
    sam.close_on.add(cmd)                 # close the socket instead of answering
    sam.coalesce_peer_line = True         # ACCEPT: peer line + first data in one write
One-shot hostile answers (tests/misbehave.py), used in order; the key PEER_LINE is what
an accepting socket gets after its STATUS OK:
    sam.misbehave[cmd] = [Misbehave(b"\x00junk\n"), Misbehave(b"A" * 10**7, drip=0.01), ...]
Streams between two fake sessions are piped with half-close (tests/fake_sam_streams.py).
Commands received are in `sam.received` (one string per line).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
from dataclasses import dataclass, field

from fake_sam_streams import Accept, Stream, pipe
from misbehave import PEER_LINE, Misbehave, misbehave

from i2ptunnel_gui.core.sam import keys
from i2ptunnel_gui.core.sam.errors import KeyFormatError

IN_USE = b'SESSION STATUS RESULT=I2P_ERROR MESSAGE="Socket already in use"\n'


def random_private_key() -> keys.PrivateKey:
    """A real-looking Ed25519/ElGamal private key blob (random bytes: not usable for signing)."""
    dest = keys.build_destination(os.urandom(256), os.urandom(32), sig_type=7, crypto_type=0)
    return keys.build_private_key(dest, os.urandom(256), os.urandom(31) + b"\x01")


@dataclass(eq=False)
class FakeSession:
    nickname: str
    key: keys.PrivateKey
    control: asyncio.StreamWriter
    accepts: list[Accept] = field(default_factory=list)


class FakeSam:
    def __init__(
        self, *, versions: tuple[str, ...] = ("3.0", "3.1"), accept_wait: float = 5.0
    ) -> None:
        self.versions = versions
        self.accept_wait = accept_wait
        self.replies: dict[str, list[bytes]] = {}
        self.hang: set[str] = set()
        self.delay: dict[str, float] = {}
        self.close_on: set[str] = set()
        self.misbehave: dict[str, list[Misbehave]] = {}
        self.coalesce_peer_line = False
        self.allow_shared_dest = False  # i2pd allows it; Java says DUPLICATED_DEST
        self.names: dict[str, str] = {}  # hostname -> b64, for NAMING/CONNECT by name
        self.received: list[str] = []
        self.sessions: dict[str, FakeSession] = {}
        self.connections = 0
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._streams: set[Stream] = set()
        # one task per client (start_server keeps none): stop() ends them on their loop,
        # not the GC after it closed (their finally would call into a closed loop)
        self._handlers: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------ lifecycle

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def open_connections(self) -> int:
        """Client sockets the fake still holds open (0 once every client closed)."""
        return len(self._writers)

    async def start(self) -> FakeSam:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        """The router goes away: listener closed, every session and socket dropped."""
        if self._server is not None:
            self._server.close()
        for nick in list(self.sessions):
            self.kill_session(nick)
        for w in list(self._writers):
            w.close()
        if handlers := list(self._handlers):
            for task in handlers:
                task.cancel()
            await asyncio.wait(handlers, timeout=2)
        if self._server is not None:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(2):
                    await self._server.wait_closed()
            self._server = None
        await asyncio.sleep(0)

    async def __aenter__(self) -> FakeSam:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def kill_session(self, nickname: str) -> None:
        """Close a session's control socket, its streams and pending accepts."""
        s = self.sessions.pop(nickname, None)
        if s is None:
            return
        s.control.close()
        for acc in s.accepts:
            acc.writer.close()
            if not acc.done.done():
                acc.done.set_result(None)
        s.accepts.clear()
        for st in list(self._streams):
            if nickname in st.sessions:
                for w in st.writers:
                    w.transport.abort()

    def drop_streams(self) -> None:
        for st in list(self._streams):
            for w in st.writers:
                w.transport.abort()

    async def wait_accepts(self, nickname: str, count: int, time_limit: float = 5.0) -> None:
        """Wait until `count` STREAM ACCEPTs are pending on a session."""
        async with asyncio.timeout(time_limit):
            while len(getattr(self.sessions.get(nickname), "accepts", ())) < count:
                await asyncio.sleep(0.005)

    # ------------------------------------------------------------ protocol

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writers.add(writer)
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            await self._serve(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError, asyncio.CancelledError):
            pass
        finally:
            self._handlers.discard(task)
            self._writers.discard(writer)
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        version: str | None = None
        session: FakeSession | None = None
        try:
            while line := await reader.readline():
                text = line.decode("utf-8", "replace").rstrip("\r\n")
                self.received.append(text)
                try:
                    words = shlex.split(text)
                except ValueError:
                    return  # unbalanced quotes: i2pd just drops the socket
                cmd = words[0] if words[:1] in (["PING"], ["PONG"]) else " ".join(words[:2])
                args = dict(w.partition("=")[::2] for w in words[2:])
                if self.misbehave.get(cmd):
                    await misbehave(self.misbehave[cmd].pop(0), reader, writer)
                    return
                if cmd in self.hang:
                    await reader.read()  # until the client gives up
                    return
                if cmd in self.close_on:
                    return
                if self.delay.get(cmd):
                    await asyncio.sleep(self.delay[cmd])
                if self.replies.get(cmd):
                    writer.write(self.replies[cmd].pop(0))
                    await writer.drain()
                    continue
                if version is None:
                    if cmd != "HELLO VERSION":
                        return  # i2pd: no reply, socket closed
                    version = self._hello(args)
                    writer.write(
                        f"HELLO REPLY RESULT=OK VERSION={version}\n".encode()
                        if version
                        else b"HELLO REPLY RESULT=NOVERSION\n"
                    )
                    await writer.drain()
                    if not version:
                        return
                    continue
                if cmd in ("PING", "PONG"):
                    if version < "3.2":
                        return  # 2.45.1: PING is unknown -> socket closed (session dies)
                    if cmd == "PING":
                        writer.write(f"PONG {text[5:]}".rstrip().encode() + b"\n")
                elif cmd == "SESSION CREATE" and session is None:
                    session = await self._session_create(args, writer)
                    if session is None:
                        return
                elif cmd == "NAMING LOOKUP":
                    writer.write(self._naming(args.get("NAME", ""), session))
                elif cmd == "DEST GENERATE":
                    k = random_private_key()
                    writer.write(f"DEST REPLY PUB={k.destination.b64} PRIV={k.b64}\n".encode())
                elif session is not None:
                    writer.write(IN_USE)
                    await writer.drain()
                    return
                elif cmd == "STREAM CONNECT":
                    await self._stream_connect(args, reader, writer, version)
                    return
                elif cmd == "STREAM ACCEPT":
                    await self._stream_accept(args, reader, writer)
                    return
                else:
                    return  # unknown command: no reply
                await writer.drain()
        finally:
            if session is not None and self.sessions.get(session.nickname) is session:
                self.kill_session(session.nickname)

    def _hello(self, args: dict[str, str]) -> str:
        lo, hi = args.get("MIN", "3.0"), args.get("MAX", self.versions[-1])
        ok = [v for v in self.versions if lo <= v <= hi]
        return ok[-1] if ok else ""

    async def _session_create(
        self, args: dict[str, str], writer: asyncio.StreamWriter
    ) -> FakeSession | None:
        nick, dest = args.get("ID", ""), args.get("DESTINATION", "")
        if args.get("STYLE") != "STREAM":
            writer.write(b'SESSION STATUS RESULT=I2P_ERROR MESSAGE="Unknown STYLE"\n')
            return None
        if nick in self.sessions:
            writer.write(b"SESSION STATUS RESULT=DUPLICATED_ID\n")
            return None
        if dest == "TRANSIENT":
            key = random_private_key()
        else:
            try:
                key = keys.parse_private_key(dest)
            except KeyFormatError:
                writer.write(b"SESSION STATUS RESULT=INVALID_KEY\n")
                return None
            if not self.allow_shared_dest and self._find(key.destination.raw):
                writer.write(b"SESSION STATUS RESULT=DUPLICATED_DEST\n")
                return None
        session = FakeSession(nick, key, writer)
        self.sessions[nick] = session
        writer.write(f"SESSION STATUS RESULT=OK DESTINATION={key.b64}\n".encode())
        await writer.drain()
        return session

    def _find(self, raw: bytes) -> FakeSession | None:
        return next((s for s in self.sessions.values() if s.key.destination.raw == raw), None)

    def _resolve(self, name: str) -> FakeSession | str | None:
        """The target session, None if unknown but valid, or an error RESULT."""
        name = self.names.get(name, name)
        if keys.is_b32_address(name):
            return next((s for s in self.sessions.values() if s.key.b32_address == name), None)
        try:
            return self._find(keys.parse_destination(name).raw)
        except KeyFormatError:
            return "INVALID_KEY"

    def _naming(self, name: str, session: FakeSession | None) -> bytes:
        if name == "ME" and session is not None:
            return f"NAMING REPLY RESULT=OK NAME=ME VALUE={session.key.destination.b64}\n".encode()
        target = self._resolve(name) if name else "INVALID_KEY"
        value = target.key.destination.b64 if isinstance(target, FakeSession) else None
        if target is None and not keys.is_b32_address(name):  # a valid b64 resolves to itself,
            value = self.names.get(name, name)  # a name in the address book to its b64
        if value is not None:
            return f"NAMING REPLY RESULT=OK NAME={name} VALUE={value}\n".encode()
        return f"NAMING REPLY RESULT=INVALID_KEY NAME={name}\n".encode()  # i2pd style

    async def _stream_accept(
        self, args: dict[str, str], reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        session = self.sessions.get(args.get("ID", ""))
        if session is None:
            writer.write(b"STREAM STATUS RESULT=INVALID_ID\n")
            await writer.drain()
            return
        writer.write(b"STREAM STATUS RESULT=OK\n")
        await writer.drain()
        if self.misbehave.get(PEER_LINE):
            await misbehave(self.misbehave[PEER_LINE].pop(0), reader, writer)
            return
        acc = Accept(reader, writer, asyncio.get_running_loop().create_future())
        session.accepts.append(acc)
        # done when a connector has piped through us or the session died; a client
        # giving up on its pending accept shows as EOF (the transport keeps reading)
        while not acc.done.done():
            if acc in session.accepts and reader.at_eof():
                session.accepts.remove(acc)
                return
            await asyncio.wait([acc.done], timeout=0.05)

    async def _stream_connect(
        self,
        args: dict[str, str],
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        version: str,
    ) -> None:
        me = self.sessions.get(args.get("ID", ""))
        target = self._resolve(args.get("DESTINATION", ""))
        if me is None:
            writer.write(b"STREAM STATUS RESULT=INVALID_ID\n")
        elif isinstance(target, str):
            writer.write(f"STREAM STATUS RESULT={target}\n".encode())
        elif target is None:
            writer.write(b"STREAM STATUS RESULT=CANT_REACH_PEER\n")
        else:
            acc = await self._take_accept(target)
            if acc is None:
                writer.write(b"STREAM STATUS RESULT=CANT_REACH_PEER\n")
            else:
                ports = f" FROM_PORT=0 TO_PORT={args.get('TO_PORT', 0)}" if version >= "3.2" else ""
                peer_line = f"{me.key.destination.b64}{ports}\n".encode()
                await pipe(self._streams, (me.nickname, target.nickname), peer_line, acc,
                           reader, writer, coalesce=self.coalesce_peer_line)
                return
        await writer.drain()

    async def _take_accept(self, target: FakeSession) -> Accept | None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.accept_wait
        while loop.time() < deadline and target.nickname in self.sessions:
            while target.accepts:
                acc = target.accepts.pop(0)
                if not acc.writer.is_closing() and not acc.reader.at_eof():
                    return acc
            await asyncio.sleep(0.005)
        return None
