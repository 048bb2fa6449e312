"""The churn soak's CI profile: 60 s of open/echo/close, RST, half-close, slowloris and
bursts beyond nconnect through a real `i2ptunnel-gui forward` process (bench/soak.py;
the bench run is 10 minutes). The forward's idle fds and RSS must stay flat."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import soak


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_churn_soak_keeps_fds_and_rss_flat() -> None:
    result = asyncio.run(soak.soak(60.0))
    print(soak.summary(result))
    assert result.check() == []
    assert result.rounds >= 8 and result.connections > 1000
    # every burst went beyond nconnect: the excess was refused, the rest served
    assert result.outcomes["burst-refused"] == 16 * result.rounds
    assert result.outcomes["burst-served"] == soak.NCONNECT * result.rounds


def test_flatness_check_catches_growth() -> None:
    ok = {k: 1 for k in soak.GOOD}
    grown = soak.SoakResult(idle_fds=[16, 16, 16 + soak.FD_SLACK + 1], idle_rss_kib=[1, 1, 1])
    grown.outcomes.update(ok)
    assert any("idle fds grew" in why for why in grown.check())
    fat = soak.SoakResult(idle_fds=[16, 16], idle_rss_kib=[20_000, 20_000 + soak.RSS_SLACK_KIB + 1])
    fat.outcomes.update(ok)
    assert any("RSS grew" in why for why in fat.check())
    flat = soak.SoakResult(idle_fds=[16, 18], idle_rss_kib=[20_000, 20_500])
    flat.outcomes.update(ok)
    assert flat.check() == []
