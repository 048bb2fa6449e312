"""Server policy on the engine, against the fake SAM bridge: access lists, limits,
I2P ports and the HTTP server kind, each refusal before the target is dialled."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_router import FAST_BACKOFF, FAST_TIMEOUTS, FakeRouter
from fake_sam import random_private_key
from nethelpers import IO_TIMEOUT, connect, free_port, local_port, recv_exactly, status, wait_until

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelEvent, TunnelStatus

FORGED = "forgedforgedforgedforgedforgedforgedforgedforged1234.b32.i2p"


class CountingTarget:
    """Echoes what it gets; counts the connections that reach it."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.connections = 0
        self.received = b""
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._echo, args=(conn,), daemon=True).start()

    def _echo(self, conn: socket.socket) -> None:
        with conn:
            while data := conn.recv(65536):
                self.received += data
                conn.sendall(data)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def target() -> Iterator[CountingTarget]:
    t = CountingTarget()
    yield t
    t.close()


@pytest.fixture
def engine(fake: FakeRouter, tmp_path: Path) -> Iterator[Engine]:
    eng = Engine(
        sam_address=fake.address,
        keystore=KeyStore(tmp_path / "keys"),
        sam_timeouts=FAST_TIMEOUTS,
        backoff=FAST_BACKOFF,
    )
    eng.start()
    yield eng
    eng.shutdown(5)
    settle(fake)


def settle(fake: FakeRouter) -> None:
    """Every SAM socket the engine had is seen closed by the fake router before the
    router stops (a handler still running when its loop closes is an error)."""
    assert wait_until(lambda: fake.call(lambda: fake.sam.open_connections) == 0, 5)


def start(engine: Engine, spec: TunnelSpec) -> TunnelStatus:
    return engine.call(lambda: engine.start_tunnel(spec, retry=False), IO_TIMEOUT)


def client(
    engine: Engine, dest: str, tmp_path: Path, name: str, **kw: Any
) -> tuple[TunnelStatus, str]:
    """A client tunnel with a fixed identity (key file written first: b32 known)."""
    key = random_private_key()
    key_file = tmp_path / f"{name}.dat"
    KeyStore(tmp_path).save(key_file, key.raw)
    spec = TunnelSpec(
        name=name,
        kind=TunnelKind.CLIENT,
        listen_port=free_port(),
        destination=dest,
        key_mode=KeyMode.PERSISTENT,
        key_file=str(key_file),
        **kw,
    )
    return start(engine, spec), key.b32_address


def exchange(port: int, payload: bytes) -> bytes:
    with connect(port) as s:
        s.sendall(payload)
        return recv_exactly(s, len(payload))


def closed_without_data(port: int) -> bool:
    with connect(port) as s:
        s.sendall(b"hello?")
        s.settimeout(IO_TIMEOUT)
        try:
            return s.recv(1) == b""
        except ConnectionResetError:
            return True


def refusals(engine: Engine, tunnel_id: str) -> dict[Refusal, int]:
    return dict(status(engine, tunnel_id).refusals)


def test_allow_list_lets_the_friend_in_and_never_dials_for_the_stranger(
    engine: Engine, target: CountingTarget, tmp_path: Path
) -> None:
    friend_key = random_private_key()
    spec = TunnelSpec(
        name="private",
        kind=TunnelKind.SERVER,
        target_port=target.port,
        access_mode=AccessMode.ALLOW,
        access_list=(friend_key.b32_address,),
    )
    srv = start(engine, spec)
    events: list[TunnelEvent] = []
    engine.subscribe(events.append)
    key_file = tmp_path / "friend.dat"
    KeyStore(tmp_path).save(key_file, friend_key.raw)
    friend = start(
        engine,
        TunnelSpec(
            name="friend",
            kind=TunnelKind.CLIENT,
            listen_port=free_port(),
            destination=srv.i2p_address,
            key_mode=KeyMode.PERSISTENT,
            key_file=str(key_file),
        ),
    )
    stranger, stranger_b32 = client(engine, srv.i2p_address, tmp_path, "stranger")
    assert exchange(local_port(friend), b"hi") == b"hi"
    assert target.connections == 1
    assert closed_without_data(local_port(stranger))
    assert wait_until(lambda: refusals(engine, srv.id) == {Refusal.ACCESS_LIST: 1})
    assert target.connections == 1  # the service never saw the stranger
    st = status(engine, srv.id)
    assert st.refused_connections == 1
    assert st.access_entries == (friend_key.b32_address,)
    assert any(e.message == f"refused {stranger_b32}: access list" for e in events)


def test_deny_list_by_name_is_resolved_once_and_shown_resolved(
    engine: Engine, fake: FakeRouter, target: CountingTarget, tmp_path: Path
) -> None:
    foe_key = random_private_key()
    fake.call(lambda: fake.sam.names.__setitem__("foe.i2p", foe_key.destination.b64))
    spec = TunnelSpec(
        name="public",
        kind=TunnelKind.SERVER,
        target_port=target.port,
        access_mode=AccessMode.DENY,
        access_list=("foe.i2p",),
    )
    srv = start(engine, spec)
    assert wait_until(
        lambda: status(engine, srv.id).access_entries == (f"foe.i2p → {foe_key.b32_address}",)
    )
    someone, _ = client(engine, srv.i2p_address, tmp_path, "someone")
    assert exchange(local_port(someone), b"ok") == b"ok"


def test_a_deny_list_name_the_router_does_not_know_stops_the_tunnel(
    engine: Engine, target: CountingTarget
) -> None:
    spec = TunnelSpec(
        name="public",
        kind=TunnelKind.SERVER,
        target_port=target.port,
        access_mode=AccessMode.DENY,
        access_list=("unknown.i2p",),
    )
    srv = start(engine, spec)  # RUNNING once the session is up; then the lookup fails
    assert wait_until(lambda: status(engine, srv.id).state.value == "error")
    assert "cannot resolve unknown.i2p" in status(engine, srv.id).message


def test_per_minute_limit_refuses_the_connection_over_it(
    engine: Engine, target: CountingTarget, tmp_path: Path
) -> None:
    spec = TunnelSpec(
        name="limited",
        kind=TunnelKind.SERVER,
        target_port=target.port,
        conn_limits=ConnLimits(client_per_minute=2),
    )
    srv = start(engine, spec)
    caller, _ = client(engine, srv.i2p_address, tmp_path, "caller")
    assert exchange(local_port(caller), b"1") == b"1"
    assert exchange(local_port(caller), b"2") == b"2"
    assert closed_without_data(local_port(caller))
    assert wait_until(lambda: refusals(engine, srv.id) == {Refusal.CLIENT_MINUTE: 1})
    assert target.connections == 2


def test_max_concurrent_is_counted_as_its_own_reason(
    engine: Engine, target: CountingTarget, tmp_path: Path
) -> None:
    srv = start(
        engine, TunnelSpec(name="one", kind=TunnelKind.SERVER, target_port=target.port, nconnect=1)
    )
    caller, _ = client(engine, srv.i2p_address, tmp_path, "caller")
    with connect(local_port(caller)) as first:
        first.sendall(b"x")
        assert recv_exactly(first, 1) == b"x"
        assert closed_without_data(local_port(caller))
    assert wait_until(lambda: refusals(engine, srv.id) == {Refusal.MAX_CONCURRENT: 1})


def test_http_server_replaces_a_forged_caller_header_on_every_keep_alive_request(
    engine: Engine, target: CountingTarget, tmp_path: Path
) -> None:
    srv = start(
        engine, TunnelSpec(name="site", kind=TunnelKind.HTTP_SERVER, target_port=target.port)
    )
    caller, caller_b32 = client(engine, srv.i2p_address, tmp_path, "caller")
    request = b"GET / HTTP/1.1\r\nHost: x\r\nX-I2P-DestB32: " + FORGED.encode() + b"\r\n\r\n"
    with connect(local_port(caller)) as s:
        for _ in range(3):  # the echo target answers with the request it got
            s.sendall(request)
            got = b""
            while not got.endswith(b"\r\n\r\n"):
                got += s.recv(65536)
            assert f"X-I2P-DestB32: {caller_b32}\r\n".encode() in got
            assert FORGED.encode() not in got
    assert target.connections == 1


@pytest.mark.parametrize("kind", [TunnelKind.SERVER, TunnelKind.CLIENT])
def test_an_i2p_port_on_a_sam_3_1_bridge_stops_the_start_with_the_reason(
    engine: Engine, target: CountingTarget, kind: TunnelKind
) -> None:
    fields: dict[str, Any] = (
        {"target_port": target.port}
        if kind is TunnelKind.SERVER
        else {
            "listen_port": free_port(),
            "destination": random_private_key().b32_address,
            "key_mode": KeyMode.TRANSIENT,
        }
    )
    spec = TunnelSpec(name="ported", kind=kind, i2p_port=80, **fields)
    with pytest.raises(ConfigError, match=r"I2P port 80.*grants version 3\.1.*SAM 3\.2"):
        start(engine, spec)


def test_server_accepts_only_its_i2p_port_on_sam_3_2(
    engine: Engine, fake: FakeRouter, target: CountingTarget, tmp_path: Path
) -> None:
    fake.sam.versions = ("3.0", "3.1", "3.2", "3.3")
    srv = start(
        engine, TunnelSpec(name="web", kind=TunnelKind.SERVER, target_port=target.port, i2p_port=80)
    )
    right, _ = client(engine, srv.i2p_address, tmp_path, "right", i2p_port=80)
    wrong, _ = client(engine, srv.i2p_address, tmp_path, "wrong", i2p_port=81)
    assert exchange(local_port(right), b"in") == b"in"
    assert closed_without_data(local_port(wrong))
    assert wait_until(lambda: refusals(engine, srv.id) == {Refusal.I2P_PORT: 1})
    assert any("TO_PORT=81" in line for line in fake.call(lambda: list(fake.sam.received)))
    assert target.connections == 1


def test_a_router_lost_during_the_name_lookups_is_retried_not_fatal(
    fake: FakeRouter, target: CountingTarget, tmp_path: Path
) -> None:
    foe_key = random_private_key()
    fake.call(lambda: fake.sam.names.__setitem__("foe.i2p", foe_key.destination.b64))
    fake.call(lambda: fake.sam.hang.add("NAMING LOOKUP"))
    eng = Engine(
        sam_address=fake.address,
        keystore=KeyStore(tmp_path / "keys"),
        sam_timeouts=FAST_TIMEOUTS,
        backoff=FAST_BACKOFF,
    )
    eng.start()
    try:
        spec = TunnelSpec(
            name="public",
            kind=TunnelKind.SERVER,
            target_port=target.port,
            access_mode=AccessMode.DENY,
            access_list=("foe.i2p",),
        )
        srv = eng.call(lambda: eng.start_tunnel(spec, retry=True), IO_TIMEOUT)
        nick = next(iter(fake.call(lambda: list(fake.sam.sessions))))
        assert wait_until(
            lambda: any(
                r.startswith("NAMING LOOKUP") for r in fake.call(lambda: list(fake.sam.received))
            )
        )  # the lookup is out, and hangs
        fake.call(lambda: fake.sam.kill_session(nick))  # the router goes meanwhile
        fake.call(lambda: fake.sam.hang.discard("NAMING LOOKUP"))
        want = (f"foe.i2p → {foe_key.b32_address}",)

        def resolved_and_running() -> bool:
            st = status(eng, srv.id)
            return st.access_entries == want and st.state.value == "running"

        assert wait_until(resolved_and_running, 10), status(eng, srv.id)
    finally:
        eng.shutdown(5)
        settle(fake)
