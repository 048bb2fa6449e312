"""RouterInfo → RouterHealth, how it reads for a user, and the monitor that polls it."""

from __future__ import annotations

import asyncio
import contextlib

from i2ptunnel_gui.core.router.config import Endpoint
from i2ptunnel_gui.core.router.errors import ControlError
from i2ptunnel_gui.core.router.health import I2PD_NET_STATUS, RouterHealth, parse_health
from i2ptunnel_gui.core.router.i2pcontrol import I2pControlClient
from i2ptunnel_gui.core.router.monitor import BandwidthPoint, HealthMonitor, HealthSample


def test_i2pd_figures_are_converted() -> None:
    h = parse_health(
        {
            "i2p.router.version": "2.45.1",
            "i2p.router.uptime": 2500,
            "i2p.router.net.status": 0,
            "i2p.router.netdb.knownpeers": 120,
            "i2p.router.netdb.activepeers": 12,
            "i2p.router.net.tunnels.participating": 3,
            "i2p.router.net.tunnels.successrate": 41,
            "i2p.router.net.bw.inbound.1s": 2048.0,
            "i2p.router.net.bw.outbound.1s": 10.0,
            "i2p.router.net.total.received.bytes": "4096",
        },
        now=5.0,
    )
    assert h == RouterHealth(
        version="2.45.1",
        uptime_s=2.5,
        net_status=0,
        known_peers=120,
        active_peers=12,
        participating_tunnels=3,
        tunnel_success_percent=41,
        bw_in=2048.0,
        bw_out=10.0,
        received_bytes=4096.0,
        sent_bytes=None,
        sampled_at=5.0,
    )
    assert h.summary() == "network OK · peers 12/120 · transit tunnels 3 · ↓ 2.0 KiB/s ↑ 10 B/s"
    assert h.activity() == ""


def test_missing_or_odd_values_count_as_unknown() -> None:
    h = parse_health(
        {
            "i2p.router.version": 2,
            "i2p.router.net.status": True,
            "i2p.router.netdb.knownpeers": "many",
            "i2p.router.uptime": None,
        }
    )
    assert h.version == "" and h.net_status is None and h.known_peers is None
    assert h.uptime_s is None
    assert h.summary() == "network unknown"
    assert RouterHealth(net_status=7).net_status_text == "status 7"


def test_activity_says_what_a_bootstrapping_router_does() -> None:
    assert RouterHealth(known_peers=1, active_peers=0).activity() == "finding peers (reseeding)"
    assert RouterHealth(known_peers=40, active_peers=0).activity() == (
        "connecting to peers (40 known)"
    )
    assert RouterHealth(known_peers=40, active_peers=3, net_status=1).activity() == (
        "testing its reachability"
    )
    assert RouterHealth(known_peers=40, active_peers=3, net_status=2).activity() == ""


class ScriptedClient(I2pControlClient):
    """Answers router_health() from a script: RouterHealth values or ControlErrors."""

    def __init__(self, script: list[RouterHealth | ControlError]) -> None:
        super().__init__(Endpoint("127.0.0.1", 1), "")
        self.script = script

    async def router_health(self) -> RouterHealth:
        step = self.script.pop(0)
        if isinstance(step, ControlError):
            raise step
        return step


async def test_monitor_keeps_bandwidth_history_and_reports_failures() -> None:
    client = ScriptedClient(
        [
            RouterHealth(bw_in=1.0, bw_out=2.0, sampled_at=10.0),
            ControlError("I2PControl at 127.0.0.1:1: Connection refused"),
            RouterHealth(bw_in=None, bw_out=None, sampled_at=12.0),
            RouterHealth(bw_in=3.0, bw_out=4.0, sampled_at=13.0),
        ]
    )
    monitor = HealthMonitor(client, interval=0.01, history=2)
    seen: list[HealthSample] = []
    monitor.subscribe(seen.append)
    samples = [await monitor.poll_once() for _ in range(4)]
    assert samples == seen and monitor.latest == samples[-1]
    assert samples[1] == HealthSample(None, "I2PControl at 127.0.0.1:1: Connection refused")
    assert list(monitor.history) == [BandwidthPoint(10.0, 1.0, 2.0), BandwidthPoint(13.0, 3.0, 4.0)]


async def test_monitor_run_polls_until_cancelled() -> None:
    client = ScriptedClient([RouterHealth(bw_in=float(i), bw_out=0.0) for i in range(100)])
    monitor = HealthMonitor(client, interval=0.01, history=500)
    task = asyncio.get_running_loop().create_task(monitor.run())
    await asyncio.sleep(0.2)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert 3 <= len(monitor.history) < 100


def test_i2pd_status_names_for_the_managed_router() -> None:
    assert parse_health({"i2p.router.net.status": 3}).net_status_text == "status 3"
    i2pd = parse_health({"i2p.router.net.status": 3}, status_names=I2PD_NET_STATUS)
    assert i2pd.net_status_text == "Unknown"
