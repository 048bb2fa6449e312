"""The app-wide router of an engine: SAM USER/PASSWORD passed through, and a router
that moves (Engine.set_router) used by the sessions created afterwards."""

from __future__ import annotations

from pathlib import Path

from fake_router import FAST_BACKOFF, FAST_TIMEOUTS, FakeRouter

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState


def server(**kw: object) -> TunnelSpec:
    return TunnelSpec(
        name="site", kind=TunnelKind.SERVER, target_port=9, key_mode=KeyMode.TRANSIENT, **kw
    )  # type: ignore[arg-type]


def hellos(router: FakeRouter) -> list[str]:
    return [line for line in router.call(lambda: list(router.sam.received)) if "HELLO" in line]


def test_sam_auth_goes_to_the_app_router_only(tmp_path: Path) -> None:
    app_router, own_router = FakeRouter(), FakeRouter()
    for r in (app_router, own_router):
        r.sam.versions = ("3.0", "3.1", "3.2", "3.3")  # USER/PASSWORD need SAM 3.2
    engine = Engine(
        sam_address=app_router.address,
        keystore=KeyStore(tmp_path),
        sam_timeouts=FAST_TIMEOUTS,
        backoff=FAST_BACKOFF,
        sam_auth=("me", "secret"),
    )
    engine.start()
    try:
        status = engine.call(lambda: engine.start_tunnel(server(), retry=False), 10)
        assert status.state is TunnelState.RUNNING
        assert any("USER=me PASSWORD=secret" in h for h in hellos(app_router))
        own = server(sam_address=own_router.address)
        engine.call(lambda: engine.start_tunnel(own, retry=False), 10)
        assert hellos(own_router) and not any("USER=" in h for h in hellos(own_router))
    finally:
        engine.shutdown(10)
        app_router.close()
        own_router.close()


def test_set_router_moves_new_sessions(tmp_path: Path) -> None:
    old, new = FakeRouter(), FakeRouter()
    engine = Engine(sam_address=old.address, sam_timeouts=FAST_TIMEOUTS, backoff=FAST_BACKOFF)
    engine.start()
    try:
        first = engine.call(lambda: engine.start_tunnel(server(), retry=False), 10)
        engine.set_router(new.address)
        engine.call(lambda: engine.stop_tunnel(first.id), 10)
        spec = server()
        status = engine.call(lambda: engine.start_tunnel(spec, retry=False), 10)
        assert status.state is TunnelState.RUNNING
        assert any("SESSION CREATE" in line for line in new.call(lambda: list(new.sam.received)))
        assert engine.sam_address == new.address
    finally:
        engine.shutdown(10)
        old.close()
        new.close()


def test_probe_of_the_app_router_carries_its_sam_auth() -> None:
    router = FakeRouter()
    router.sam.versions = ("3.0", "3.1", "3.2", "3.3")
    engine = Engine(sam_address=router.address, sam_auth=("me", "secret"))
    engine.start()
    try:
        status = engine.call(lambda: engine.probe_sam(router.address), 10)
        assert status.reachable and status.version in ("3.2", "3.3")
        assert any("USER=me PASSWORD=secret" in h for h in hellos(router))
    finally:
        engine.shutdown(10)
        router.close()
