"""The one door: what `Engine.start_tunnel` accepts from a host besides the spec,
and the SAM probe run on the engine loop."""

from __future__ import annotations

import socket
import threading

import pytest
from fake_router import FakeRouter
from nethelpers import (
    IO_TIMEOUT,
    LoopbackServer,
    connect,
    forward_spec,
    free_port,
    local_port,
    recv_exactly,
)

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec


def test_listen_port_zero_binds_any_port_and_reports_it(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    spec = forward_spec(echo_server.port, listen_port=0)
    port = local_port(engine.call(lambda: engine.start_tunnel(spec), IO_TIMEOUT))
    assert port > 0
    with connect(port) as s:
        s.sendall(b"any port")
        assert recv_exactly(s, 8) == b"any port"


def test_an_adopted_listener_serves(engine: Engine, echo_server: LoopbackServer) -> None:
    lsock = socket.create_server(("127.0.0.1", 0))
    port = lsock.getsockname()[1]
    spec = forward_spec(echo_server.port, listen_port=port)
    status = engine.call(lambda: engine.start_tunnel(spec, listener=lsock), IO_TIMEOUT)
    assert local_port(status) == port
    with connect(port) as s:
        s.sendall(b"adopted")
        assert recv_exactly(s, 7) == b"adopted"
    engine.call(lambda: engine.stop_tunnel(spec.id), IO_TIMEOUT)
    assert lsock.fileno() == -1  # the tunnel owned it and closed it


def test_dial_opens_the_target_and_the_target_fields_are_unused(
    engine: Engine, echo_server: LoopbackServer
) -> None:
    dialed = threading.Event()

    async def dial() -> socket.socket:
        dialed.set()
        sock = socket.create_connection(("127.0.0.1", echo_server.port), timeout=IO_TIMEOUT)
        sock.setblocking(False)
        return sock

    spec = TunnelSpec(name="dialed", kind=TunnelKind.FORWARD, listen_port=0)  # no target
    port = local_port(engine.call(lambda: engine.start_tunnel(spec, dial=dial), IO_TIMEOUT))
    with connect(port) as s:
        s.sendall(b"dial")
        assert recv_exactly(s, 4) == b"dial"
    assert dialed.is_set()


@pytest.mark.parametrize(("spec", "keywords", "words"), [
    (TunnelSpec(name="s", kind=TunnelKind.SERVER, target_port=80), {"dial": "x"},
     "dial= needs a forward tunnel"),
    (TunnelSpec(name="s", kind=TunnelKind.SERVER, target_port=80), {"listener": "x"},
     "does not listen"),
    (TunnelSpec(name="f", kind=TunnelKind.FORWARD, target_port=80), {"nickname": "n"},
     "forward tunnels have none"),
    (TunnelSpec(name="f", kind=TunnelKind.FORWARD, listen_port=0), {},
     "target_port"),  # without dial the target must be valid
])
def test_keywords_that_do_not_fit_the_kind_are_refused(
    engine: Engine, spec: TunnelSpec, keywords: dict[str, object], words: str
) -> None:
    with pytest.raises(ConfigError, match=words):
        engine.call(lambda: engine.start_tunnel(spec, **keywords), IO_TIMEOUT)  # type: ignore[arg-type]
    assert engine.call(lambda: engine.snapshot(), IO_TIMEOUT).tunnels == ()


def test_nickname_names_the_sam_session(fake: FakeRouter) -> None:
    engine = Engine(sam_address=fake.address)
    engine.start()
    try:
        spec = TunnelSpec(name="nick", kind=TunnelKind.SERVER, target_port=free_port(),
                          key_mode=KeyMode.TRANSIENT)
        status = engine.call(lambda: engine.start_tunnel(spec, nickname="seed-nick"),
                             IO_TIMEOUT)
        assert "seed-nick" in fake.sam.sessions
        assert status.destination and status.i2p_address.endswith(".b32.i2p")
    finally:
        engine.shutdown(5)


def test_probe_sam_runs_on_the_engine(engine: Engine, fake: FakeRouter) -> None:
    up = engine.call(lambda: engine.probe_sam(fake.address, timeout=2), IO_TIMEOUT)
    assert up.reachable and up.version.startswith("3.")
    dead = f"127.0.0.1:{free_port()}"
    down = engine.call(lambda: engine.probe_sam(dead, timeout=2), IO_TIMEOUT)
    assert not down.reachable and dead in down.message
