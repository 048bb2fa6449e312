"""Connection-rate limits and POST limits: sliding windows, reasons, bans, memory."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i2ptunnel_gui.core.policy.conn_limits import DAY, ConnLimits, ConnThrottle, RateWindow
from i2ptunnel_gui.core.policy.post_limits import PostLimits, PostThrottle
from i2ptunnel_gui.core.policy.refusals import Refusal, RefusalCounter, RefusalLog, format_refusals

A, B, C = b"a" * 32, b"b" * 32, b"c" * 32


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_per_client_minute_limit_refuses_the_one_over_and_frees_after_60_s() -> None:
    clock = Clock()
    t = ConnThrottle(ConnLimits(client_per_minute=2), clock=clock)
    assert t.admit(A) is None
    clock.now += 10
    assert t.admit(A) is None
    assert t.admit(A) is Refusal.CLIENT_MINUTE
    assert t.admit(B) is None  # another caller has its own allowance
    clock.now += 50  # the first one is exactly 60 s old: out of the window
    assert t.admit(A) is None
    assert t.admit(A) is Refusal.CLIENT_MINUTE


def test_refused_attempts_do_not_use_up_the_allowance() -> None:
    clock = Clock()
    t = ConnThrottle(ConnLimits(client_per_minute=1), clock=clock)
    assert t.admit(A) is None
    for _ in range(100):
        assert t.admit(A) is Refusal.CLIENT_MINUTE
    clock.now += 60.001
    assert t.admit(A) is None


def test_total_limits_count_everyone_and_client_reasons_come_first() -> None:
    clock = Clock()
    t = ConnThrottle(ConnLimits(client_per_hour=2, total_per_minute=3), clock=clock)
    assert [t.admit(h) for h in (A, B, C)] == [None, None, None]
    assert t.admit(C) is Refusal.TOTAL_MINUTE
    clock.now += 61
    assert t.admit(A) is None
    assert t.admit(A) is Refusal.CLIENT_HOUR  # A's own hourly limit, before the total
    clock.now += 3600
    assert t.admit(A) is None


def test_day_limit_and_reason_of_each_window() -> None:
    clock = Clock()
    t = ConnThrottle(ConnLimits(client_per_day=1, total_per_hour=5, total_per_day=2), clock=clock)
    assert t.admit(A) is None
    assert t.admit(A) is Refusal.CLIENT_DAY
    assert t.admit(B) is None
    assert t.admit(C) is Refusal.TOTAL_DAY
    clock.now += DAY
    assert t.admit(C) is None


def test_no_limits_admits_everything_and_tracks_nobody() -> None:
    t = ConnThrottle(ConnLimits())
    assert not ConnLimits().any and ConnLimits(total_per_day=1).any
    assert all(t.admit(bytes([i]) * 32) is None for i in range(200))
    assert t.tracked_clients == 0


def test_idle_clients_are_forgotten() -> None:
    clock = Clock()
    t = ConnThrottle(ConnLimits(client_per_minute=5), clock=clock)
    for i in range(50):
        t.admit(bytes([i]) * 32)
    assert t.tracked_clients == 50
    clock.now += 61
    t.admit(A)  # the sweep runs at most once a minute, on the next stream
    assert t.tracked_clients == 1


def test_negative_limits_are_named() -> None:
    probs = ConnLimits(client_per_minute=-1, total_per_day=-2).problems()
    assert [f for f, _ in probs] == ["client_per_minute", "total_per_day"]
    assert "0 (no limit)" in probs[0][1]


@settings(max_examples=60, deadline=None)
@given(
    limit=st.integers(1, 5),
    gaps=st.lists(st.floats(0, 30, allow_nan=False), min_size=1, max_size=40),
)
def test_window_never_admits_more_than_limit_in_any_period(limit: int, gaps: list[float]) -> None:
    w, now, admitted = RateWindow(limit, 60.0), 0.0, []
    for g in gaps:
        now += g
        if not w.full(now):
            w.add(now)
            admitted.append(now)
    for i, t0 in enumerate(admitted):  # any 60 s span holds at most `limit` admissions
        assert sum(1 for t in admitted[i:] if t - t0 < 60.0) <= limit


def test_post_limit_bans_the_client_for_the_ban_time() -> None:
    clock = Clock()
    p = PostThrottle(PostLimits(max_per_client=2, window=60, ban=300), clock=clock)
    assert p.admit(A) is None and p.admit(A) is None
    assert p.admit(A) is Refusal.POST_LIMIT
    assert p.admit(B) is None
    clock.now += 120  # the window is over, but the ban runs for 300 s
    assert p.admit(A) is Refusal.POST_LIMIT
    clock.now += 181
    assert p.admit(A) is None


def test_post_total_limit_bans_everyone() -> None:
    clock = Clock()
    p = PostThrottle(PostLimits(max_total=2, window=60, total_ban=100), clock=clock)
    assert p.admit(A) is None and p.admit(B) is None
    assert p.admit(C) is Refusal.POST_LIMIT
    clock.now += 99
    assert p.admit(A) is Refusal.POST_LIMIT
    clock.now += 2
    assert p.admit(A) is None


@pytest.mark.parametrize(
    ("limits", "words"),
    [
        (PostLimits(max_per_client=-1), "0 (no limit)"),
        (PostLimits(window=0), "at least 1 second"),
        (PostLimits(ban=-5), "ban times"),
    ],
)
def test_bad_post_limits_are_named(limits: PostLimits, words: str) -> None:
    assert any(words in why for _, why in limits.problems())


def test_refusal_counter_snapshots_in_declared_order() -> None:
    c = RefusalCounter()
    for r in (Refusal.TOTAL_DAY, Refusal.ACCESS_LIST, Refusal.ACCESS_LIST):
        c.add(r)
    snap = c.snapshot()
    assert snap == ((Refusal.ACCESS_LIST, 2), (Refusal.TOTAL_DAY, 1))
    assert c.total == 3
    assert format_refusals(snap) == "access list 2, total per day 1"
    assert format_refusals(()) == ""


def test_refusal_log_names_the_caller_and_holds_back_a_flood() -> None:
    clock = Clock()
    log = RefusalLog(1.0, clock=clock)
    assert log.line("a.b32.i2p", Refusal.ACCESS_LIST) == "refused a.b32.i2p: access list"
    assert log.line("b.b32.i2p", Refusal.ACCESS_LIST) is None
    assert log.line("c.b32.i2p", Refusal.TOTAL_MINUTE) is None
    clock.now += 1.0
    assert log.line("d.b32.i2p", Refusal.CLIENT_DAY) == (
        "refused d.b32.i2p: client per day (2 more refused before it)"
    )
