"""HTTP server tunnels, access lists and connection limits through a real i2pd 2.45.1.

Two client identities with key files made before the run (so their b32s are known):
`friend` is on the eepsite's allow list, `stranger` is not. A second HTTP server
tunnel allows two connections per client per minute; a third client uses it. All
five sessions are created in parallel (~20-40 s); every test shares them.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from i2pd_helpers import (
    ACCEPTING,
    CONNECTING,
    IO_TIMEOUT,
    START_TIMEOUT,
    free_port,
    new_server_key,
)
from i2pd_router import I2pdRouter

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import TunnelError
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.sam.keys import parse_private_key
from i2ptunnel_gui.core.spec import DEFAULT_I2P_CONNECT_TIMEOUT, KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelStatus

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]

FORGED = "forgedforgedforgedforgedforgedforgedforgedforged1234.b32.i2p"


@dataclass
class HeaderEcho:
    """A keep-alive HTTP/1.1 service that records every request's headers and how
    many connections reached it, and answers with the X-I2P-DestB32 it got."""

    sock: socket.socket = field(default_factory=lambda: socket.create_server(("127.0.0.1", 0)))
    requests: list[dict[str, list[str]]] = field(default_factory=list)
    connections: int = 0

    def __post_init__(self) -> None:
        self.port: int = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        buf = b""
        with conn, contextlib.suppress(OSError):
            conn.settimeout(IO_TIMEOUT)
            while True:
                while b"\r\n\r\n" not in buf:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buf += data
                head, buf = buf.split(b"\r\n\r\n", 1)
                headers: dict[str, list[str]] = {}
                for line in head.decode("latin-1").split("\r\n")[1:]:
                    name, _, value = line.partition(":")
                    headers.setdefault(name.strip().lower(), []).append(value.strip())
                self.requests.append(headers)
                body = ",".join(headers.get("x-i2p-destb32", [])).encode()
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))

    def close(self) -> None:
        self.sock.close()


@dataclass
class Site:
    engine: Engine
    echo: HeaderEcho
    statuses: dict[str, TunnelStatus]
    b32: dict[str, str]  # client name -> its known b32
    key_files: dict[str, Path]

    def port(self, name: str) -> int:
        return int(self.statuses[name].local_address.rpartition(":")[2])

    def status(self, name: str) -> TunnelStatus:
        tid = self.statuses[name].id
        return self.engine.call(lambda: self.engine.snapshot(tid), 10).tunnels[0]


def get(port: int, count: int = 1, extra: bytes = b"") -> list[bytes]:
    """`count` GETs on one connection through a client tunnel; the bodies (b"" once
    the stream was closed without an answer)."""
    bodies: list[bytes] = []
    with socket.create_connection(("127.0.0.1", port), timeout=IO_TIMEOUT) as s:
        s.settimeout(IO_TIMEOUT)
        buf = b""
        for i in range(count):
            s.sendall(b"GET /%d HTTP/1.1\r\nHost: site.i2p\r\n%s\r\n" % (i, extra))
            while b"\r\n\r\n" not in buf:
                data = s.recv(65536)
                if not data:
                    return [*bodies, b""]
                buf += data
            head, buf = buf.split(b"\r\n\r\n", 1)
            length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            while len(buf) < length:
                buf += s.recv(65536)
            bodies.append(buf[:length])
            buf = buf[length:]
    return bodies


def _client(name: str, dest: str, sam: str, tmp: Path) -> tuple[TunnelSpec, str]:
    key_file = tmp / f"{name}.dat"
    b32 = new_server_key(sam, key_file)  # a fixed identity: its b32 is known up front
    spec = TunnelSpec(
        name=name,
        kind=TunnelKind.CLIENT,
        listen_port=free_port(),
        destination=dest,
        key_mode=KeyMode.PERSISTENT,
        key_file=str(key_file),
        connect_timeout=DEFAULT_I2P_CONNECT_TIMEOUT,
        options=tuple(CONNECTING.items()),
    )
    return spec, b32


@pytest.fixture(scope="module")
def site(i2pd: I2pdRouter, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("eepsite")
    keys = KeyStore(tmp / "store")
    echo = HeaderEcho()
    sam = i2pd.sam_address
    private = TunnelSpec(
        name="private site",
        kind=TunnelKind.HTTP_SERVER,
        target_port=echo.port,
        options=tuple(ACCEPTING.items()),
    )
    limited = TunnelSpec(
        name="limited site",
        kind=TunnelKind.HTTP_SERVER,
        target_port=echo.port,
        options=tuple(ACCEPTING.items()),
        conn_limits=ConnLimits(client_per_minute=2),
    )
    site_b32 = {s.name: new_server_key(sam, Path(keys.key_path(s))) for s in (private, limited)}
    friend, friend_b32 = _client("friend", site_b32["private site"], sam, tmp)
    stranger, stranger_b32 = _client("stranger", site_b32["private site"], sam, tmp)
    caller, caller_b32 = _client("caller", site_b32["limited site"], sam, tmp)
    private = private.replace(access_mode=AccessMode.ALLOW, access_list=(friend_b32,))
    specs = [private, limited, friend, stranger, caller]
    engine = Engine(sam_address=sam, keystore=keys)
    engine.start()
    try:
        started = engine.call(
            lambda: asyncio.gather(*(engine.start_tunnel(s, retry=False) for s in specs)),
            START_TIMEOUT,
        )
        statuses = {s.name: st for s, st in zip(specs, started, strict=True)}
        assert statuses["private site"].i2p_address == site_b32["private site"]
        b32 = {"friend": friend_b32, "stranger": stranger_b32, "caller": caller_b32}
        yield Site(engine, echo, statuses, b32, {n: tmp / f"{n}.dat" for n in b32})
    finally:
        engine.shutdown(10)  # every SAM socket closed before the router stops
        echo.close()


def test_the_service_gets_the_callers_real_b32_even_when_a_forged_one_is_sent(site: Site) -> None:
    before = len(site.echo.requests)
    [body] = get(site.port("friend"), extra=b"X-I2P-DestB32: " + FORGED.encode() + b"\r\n")
    assert body.decode() == site.b32["friend"]
    seen = site.echo.requests[before]
    assert seen["x-i2p-destb32"] == [site.b32["friend"]]
    assert len(seen["x-i2p-destb64"]) == 1 and len(seen["x-i2p-desthash"]) == 1
    friend_key = parse_private_key(site.key_files["friend"].read_bytes())
    assert seen["x-i2p-destb64"] == [friend_key.destination.b64]


def test_keep_alive_requests_all_carry_the_headers(site: Site) -> None:
    conns, before = site.echo.connections, len(site.echo.requests)
    bodies = get(site.port("friend"), count=5, extra=b"x-i2p-destb32: " + FORGED.encode() + b"\r\n")
    assert bodies == [site.b32["friend"].encode()] * 5
    assert site.echo.connections == conns + 1  # one stream, five requests
    assert all(r["x-i2p-destb32"] == [site.b32["friend"]] for r in site.echo.requests[before:])


def test_a_caller_not_on_the_allow_list_never_reaches_the_service(site: Site) -> None:
    conns = site.echo.connections
    refused_before = dict(site.status("private site").refusals).get(Refusal.ACCESS_LIST, 0)
    assert get(site.port("stranger")) == [b""]  # the stream is closed at once
    deadline = time.monotonic() + 10
    while dict(site.status("private site").refusals).get(Refusal.ACCESS_LIST, 0) == refused_before:
        assert time.monotonic() < deadline, "the refusal was never counted"
        time.sleep(0.1)
    assert site.echo.connections == conns  # the service never saw it


def test_a_per_minute_limit_refuses_the_connection_over_it(site: Site) -> None:
    conns = site.echo.connections
    assert get(site.port("caller")) == [site.b32["caller"].encode()]
    assert get(site.port("caller")) == [site.b32["caller"].encode()]
    assert get(site.port("caller")) == [b""]
    st = site.status("limited site")
    assert dict(st.refusals) == {Refusal.CLIENT_MINUTE: 1}
    assert site.echo.connections == conns + 2


def test_an_i2p_port_on_a_sam_3_1_router_is_refused_at_start(site: Site) -> None:
    spec = TunnelSpec(
        name="ported",
        kind=TunnelKind.SERVER,
        target_port=site.echo.port,
        key_mode=KeyMode.TRANSIENT,
        i2p_port=80,
    )
    with pytest.raises(TunnelError, match=r"I2P port 80.*SAM 3\.2"):
        site.engine.call(lambda: site.engine.start_tunnel(spec, retry=False), 30)
