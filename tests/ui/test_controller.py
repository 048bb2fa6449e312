"""TunnelController as the one owner of tunnel state: states enter the table from the
engine's events and samples, and from a refused start; views hear of them afterwards."""

from __future__ import annotations

from qtasync import run_async
from samples import SSH, WEB

from i2ptunnel_gui.core.errors import ListenError
from i2ptunnel_gui.core.status import TunnelState


def test_each_event_is_in_the_model_before_views_hear_of_it(qtbot, qloop, shell) -> None:
    controller = shell.controller
    seen = []
    controller.tunnel_event.connect(
        lambda ev: seen.append((ev.state, controller.model.state_of(ev.tunnel_id))))
    assert run_async(qtbot, qloop, controller.start(WEB.id)) is True
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
    assert seen == [(TunnelState.STARTING, TunnelState.STARTING),
                    (TunnelState.RUNNING, TunnelState.RUNNING)]
    assert run_async(qtbot, qloop, controller.stop(WEB.id)) is True
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=2000)
    assert seen[-1] == (TunnelState.STOPPED, TunnelState.STOPPED)


def test_a_refused_start_is_entered_as_error_with_the_engine_message(qtbot, qloop, shell,
                                                                    fake_engine) -> None:
    controller = shell.controller
    fake_engine.fail_start[SSH.id] = ListenError("127.0.0.1:18022: address already in use")
    failures = []
    controller.start_failed.connect(lambda name, why: failures.append((name, why)))
    assert run_async(qtbot, qloop, controller.start(SSH.id)) is False
    assert controller.model.state_of(SSH.id) is TunnelState.ERROR
    assert controller.status_of(SSH.id).message == "127.0.0.1:18022: address already in use"
    assert failures == [("ssh", "127.0.0.1:18022: address already in use")]


def test_a_sample_stops_a_tunnel_the_engine_no_longer_runs(qtbot, qloop, shell,
                                                         fake_engine) -> None:
    controller = shell.controller
    run_async(qtbot, qloop, controller.start(WEB.id))
    qtbot.waitUntil(lambda: controller.is_active(WEB.id), timeout=2000)
    del fake_engine.statuses[WEB.id]  # gone from the engine without an event
    controller.refresh()
    qtbot.waitUntil(lambda: controller.model.state_of(WEB.id) is TunnelState.STOPPED,
                    timeout=2000)
