"""EngineBridge: queued events from the engine thread, sampling timer, SAM probe."""

from __future__ import annotations

import itertools
import threading

import pytest
from fake_sam import FakeSam
from nethelpers import free_port
from PySide6.QtCore import QThread
from qtasync import run_async

from i2ptunnel_gui.core.sam.probe import probe_sam
from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelState
from i2ptunnel_gui.ui.bridge import EngineBridge

SPEC = TunnelSpec(name="web", kind=TunnelKind.FORWARD, listen_port=18080, target_port=80)


@pytest.fixture
def bridge(qtbot, qloop, fake_engine):
    b = EngineBridge(fake_engine, sam_address=f"127.0.0.1:{free_port()}", interval_ms=100,
                     probe_interval=0.2, idle_linger=0.5)
    b.start()
    yield b
    run_async(qtbot, qloop, b.aclose())


def test_engine_thread_events_arrive_on_gui_thread(qtbot, bridge, fake_engine) -> None:
    seen = []
    bridge.tunnel_event.connect(
        lambda ev: seen.append((ev.state, QThread.currentThread() is bridge.thread())))
    with qtbot.waitSignal(bridge.tunnel_event, timeout=3000):
        fake_engine.emit_from_thread(SPEC.id, TunnelState.ERROR, "boom")
    assert seen == [(TunnelState.ERROR, True)]
    assert threading.current_thread() is threading.main_thread()


def test_sampling_runs_while_active_and_stops_when_idle(qtbot, qloop, bridge,
                                                        fake_engine) -> None:
    snaps = []
    bridge.snapshot_ready.connect(snaps.append)
    status = run_async(qtbot, qloop, bridge.start_tunnel(SPEC))
    assert status.state is TunnelState.RUNNING and bridge.polling
    fake_engine.add_connections(SPEC.id, 3)
    qtbot.waitUntil(lambda: len(snaps) >= 3 and SPEC.id in snaps[-1].rows
                    and len(snaps[-1].rows[SPEC.id].rows) == 3, timeout=3000)
    times = [s.time for s in snaps[-3:]]
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.09  # ≤ 10 Hz
    run_async(qtbot, qloop, bridge.stop_tunnel(SPEC.id))
    n = len(snaps)
    qtbot.waitUntil(lambda: not bridge.polling, timeout=3000)
    assert snaps[-1].tunnels == ()  # a last sample after the stop shows it gone
    # ... and a few more for idle_linger (0.5 s): greyed connection rows can leave
    assert len(snaps) - n >= 3
    n = len(snaps)
    qtbot.wait(350)
    assert len(snaps) == n  # idle: no more sampling


def test_sam_probe_reports_unreachable_then_reachable(qtbot, qloop, bridge) -> None:
    with qtbot.waitSignal(bridge.sam_status, timeout=3000) as blocker:
        pass
    assert blocker.args[0].reachable is False
    sam = run_async(qtbot, qloop, FakeSam().start())
    try:
        bridge.set_sam_address(sam.address)
        qtbot.waitUntil(lambda: bridge.last_sam_status is not None
                        and bridge.last_sam_status.reachable, timeout=3000)
        assert bridge.last_sam_status.version.startswith("3.")
        assert bridge.last_sam_status.address == sam.address
    finally:
        run_async(qtbot, qloop, sam.stop())


def test_probe_names_the_problem(qtbot, qloop) -> None:
    st = run_async(qtbot, qloop, probe_sam("nonsense"))
    assert not st.reachable and "bad SAM address" in st.message
    port = free_port()
    st = run_async(qtbot, qloop, probe_sam(f"127.0.0.1:{port}", timeout=1.0))
    assert not st.reachable and f"127.0.0.1:{port}" in st.message


def test_interval_over_10hz_is_refused(fake_engine) -> None:
    with pytest.raises(ValueError, match="10 Hz"):
        EngineBridge(fake_engine, sam_address="127.0.0.1:7656", interval_ms=50)
