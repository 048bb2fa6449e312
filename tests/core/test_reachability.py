"""A server tunnel checks that it is reachable from I2P (fake router)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_router import FakeRouter
from fake_sam import random_private_key
from health_helpers import (
    Events,
    client_spec,
    make_engine,
    server_spec,
    session_creates,
    start,
    wait_state,
)
from nethelpers import IO_TIMEOUT, LoopbackServer, status, wait_until

from i2ptunnel_gui.core.context import Health
from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.errors import ConfigError, UnknownTunnel
from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.spec import KeyMode
from i2ptunnel_gui.core.status import Reachability, TunnelState


@pytest.fixture
def engine(fake: FakeRouter, tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(fake, tmp_path / "keys")
    yield eng
    eng.shutdown(5)


def check(engine: Engine, tunnel_id: str) -> Reachability:
    return engine.call(lambda: engine.check_reachability(tunnel_id), IO_TIMEOUT)


def server_nick(fake: FakeRouter, b32: str) -> str:
    return fake.call(
        lambda: next(n for n, s in fake.sam.sessions.items() if s.key.b32_address == b32)
    )


def test_a_running_server_is_reachable_with_a_round_trip_and_its_target_untouched(
    engine: Engine, fake: FakeRouter, echo_server: LoopbackServer
) -> None:
    srv = start(engine, server_spec(echo_server.port))
    result = check(engine, srv.id)
    assert result.reachable is True and result.round_trip_ms is not None
    assert result.message.startswith("reachable from I2P (round trip ")
    st = status(engine, srv.id)
    assert st.state is TunnelState.RUNNING and st.reachability == result
    # the tunnel echoed the probe itself: no connection to the user's service
    assert echo_server.accepted == 0 and st.total_connections == 0
    # the probe session is gone (the bridge notices the closed socket a moment later)
    assert wait_until(lambda: fake.call(lambda: len(fake.sam.sessions)) == 1, 5)


def test_a_server_whose_streams_do_not_arrive_is_degraded_and_repairs_itself(
    engine: Engine, fake: FakeRouter, echo_server: LoopbackServer
) -> None:
    events = Events(engine)
    srv = start(engine, server_spec(echo_server.port))
    nick = server_nick(fake, srv.i2p_address)
    creates = session_creates(fake)

    def deafen() -> None:  # the router holds the session, but no stream reaches us
        fake.sam.accept_wait = 0.2
        fake.sam.hang.add("STREAM ACCEPT")
        fake.sam.sessions[nick].accepts.clear()
        fake.sam.delay["SESSION CREATE"] = 0.5  # time to heal before the repair

    fake.call(deafen)
    result = check(engine, srv.id)
    assert result.reachable is False and result.round_trip_ms is None, result
    assert result.message.startswith("not reachable from I2P: "), result
    st = status(engine, srv.id)
    assert st.state is TunnelState.DEGRADED
    assert "re-creating the I2P session" in st.message
    fake.call(lambda: fake.sam.hang.discard("STREAM ACCEPT"))
    wait_state(engine, srv.id, TunnelState.RUNNING)  # re-created, checked again, fine
    st = status(engine, srv.id)
    assert st.i2p_address == srv.i2p_address  # same key
    assert st.reachability is not None and st.reachability.reachable is True
    assert session_creates(fake) >= creates + 3  # probe, the repair, the second probe
    log = [(e.state, e.message) for e in events.of(srv.id)]
    degraded = [m for s, m in log if s is TunnelState.DEGRADED]
    assert any(m.startswith("not reachable from I2P") for m in degraded), log
    assert any(m.startswith("I2P session re-created") for m in degraded), log
    assert log[-1][0] is TunnelState.RUNNING and "reachable from I2P" in log[-1][1]


def test_no_check_without_a_session_and_none_for_other_kinds(
    engine: Engine, fake: FakeRouter, echo_server: LoopbackServer
) -> None:
    srv = start(engine, server_spec(echo_server.port))
    cli = start(engine, client_spec(srv.i2p_address))
    with pytest.raises(ConfigError, match="only server tunnels"):
        check(engine, cli.id)
    with pytest.raises(UnknownTunnel):
        check(engine, "nope")
    fake.run(fake.sam.stop)
    wait_state(engine, srv.id, TunnelState.RECONNECTING)
    result = check(engine, srv.id)
    assert result.reachable is None and "not checked" in result.message
    assert status(engine, srv.id).state is TunnelState.RECONNECTING  # not Degraded


def test_periodic_checks_for_persistent_servers_only(
    fake: FakeRouter, tmp_path: Path, echo_server: LoopbackServer
) -> None:
    eng = make_engine(fake, tmp_path / "keys", health=Health(reach_interval=0.3, reach_timeout=3))
    try:
        kept = start(eng, server_spec(echo_server.port))
        fresh = start(eng, server_spec(echo_server.port, key_mode=KeyMode.TRANSIENT))
        assert wait_until(lambda: status(eng, kept.id).reachability is not None, 5)
        first = status(eng, kept.id).reachability
        assert first is not None and first.reachable is True
        assert wait_until(lambda: status(eng, kept.id).reachability != first, 5)  # again
        assert status(eng, fresh.id).reachability is None  # transient: off
    finally:
        eng.shutdown(5)


def test_the_probe_passes_an_allow_list_an_i2p_port_and_limits_it_is_not_on(
    engine: Engine, fake: FakeRouter, echo_server: LoopbackServer
) -> None:
    fake.sam.versions = ("3.0", "3.1", "3.2", "3.3")  # I2P ports need SAM 3.2
    guarded = server_spec(
        echo_server.port,
        access_mode=AccessMode.ALLOW,
        access_list=(random_private_key().b32_address,),  # not the prober
        i2p_port=80,  # the probe dials no port
        conn_limits=ConnLimits(total_per_day=1),
    )
    srv = start(engine, guarded)
    for _ in range(2):  # a second check would be over the day's limit
        result = check(engine, srv.id)
        assert result.reachable is True, result
    st = status(engine, srv.id)
    # echoed before the gate: nothing refused, counted or passed to the service
    assert st.refusals == () and st.refused_connections == 0 and st.total_connections == 0
    assert echo_server.accepted == 0
