"""The benchmark harness itself (bench/): its measuring tools must measure what they claim.

These are not timed tests: they check counts, bytes, process bookkeeping and the report
plumbing with real sockets and real processes, on loopback only.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import loadgen  # noqa: E402
import procstat  # noqa: E402
import relays  # noqa: E402
import report  # noqa: E402
from relay_bench import Child  # noqa: E402
from relay_format import targets  # noqa: E402


@pytest.fixture
def backend() -> Iterator[tuple[int, int]]:
    child = Child("backend.py")
    try:
        bulk_port, echo_port = map(int, child.readline(15.0).split()[1:3])
        yield bulk_port, echo_port
    finally:
        child.close()
    assert child.proc.returncode == 0


@pytest.mark.parametrize("direction", ["up", "down"])
def test_bulk_moves_exactly_the_bytes_asked(backend: tuple[int, int], direction: str) -> None:
    res = loadgen.bulk(backend[0], direction, 3 * loadgen.CHUNK + 12345)
    assert res["bytes"] == 3 * loadgen.CHUNK + 12345
    assert res["seconds"] > 0


def test_bulk_on_a_short_download_is_an_error() -> None:
    """A peer that closes early must not count as a finished transfer."""
    a, b = socket.socketpair()
    with a, b:
        b.sendall(b"x" * 10)
        b.shutdown(socket.SHUT_WR)
        with pytest.raises(ConnectionError, match="EOF after 10 of 100 bytes"):
            loadgen.bulk_on(a, "down", 100, time.perf_counter())


def test_rate_open_echo_close_count_real_connections(backend: tuple[int, int]) -> None:
    echo_port = backend[1]
    load = loadgen.Load()

    async def scenario() -> None:
        rate = await load.rate(echo_port, conns=60, concurrency=7)
        assert (rate["ok"], rate["errors"]) == (60, 0)
        opened = await load.open(echo_port, conns=40, concurrency=8)
        assert (opened["opened"], opened["failed"]) == (40, 0)
        echo = await load.echo(rounds=2, concurrency=5, size=32)
        assert (echo["samples"], echo["errors"]) == (80, 0)
        assert 0 < echo["p50_ms"] <= echo["p99_ms"] <= echo["max_ms"]

    asyncio.run(scenario())
    fds_before = procstat.fd_count(os.getpid(), False)
    assert load.close()["closed"] == 40
    assert procstat.fd_count(os.getpid(), False) == fds_before - 40


def test_rate_over_a_time_window_counts_only_what_finished_inside_it(
        backend: tuple[int, int]) -> None:
    res = asyncio.run(loadgen.Load().rate(backend[1], concurrency=4, seconds=0.3))
    assert res["errors"] == 0 and res["ok"] > 0
    assert res["seconds"] >= 0.3
    assert 0 < res["conns_per_s"] * 0.3 <= res["ok"]
    with pytest.raises(ValueError, match="exactly one"):
        asyncio.run(loadgen.Load().rate(backend[1], concurrency=1))


def test_rate_counts_refused_connections_as_errors() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: connects are refused
        res = asyncio.run(loadgen.Load().rate(port, concurrency=2, conns=5))
    assert (res["ok"], res["errors"]) == (0, 5)
    assert res["error_kinds"] == {"ConnectionRefusedError": 5}


def test_procstat_sees_children_cpu_and_fds() -> None:
    busy = "import time\nt=time.process_time()\nwhile time.process_time()-t<0.3: pass\n" \
           "input()"
    child = subprocess.Popen([sys.executable, "-c", busy], stdin=subprocess.PIPE)
    try:
        assert child.pid in procstat.children(os.getpid())
        deadline = time.monotonic() + 10
        while procstat.cpu_seconds(child.pid, False) < 0.25:
            assert time.monotonic() < deadline, "child CPU time never showed up"
            time.sleep(0.05)
        assert procstat.rss_kib(child.pid) > 1000
        assert procstat.pss_kib(child.pid, False) > 0
    finally:
        child.communicate(b"\n", timeout=10)
    mine = procstat.fd_count(os.getpid(), False)
    a, b = socket.socketpair()
    assert procstat.fd_count(os.getpid(), False) == mine + 2
    a.close()
    b.close()


def test_raise_nofile_reaches_the_hard_limit() -> None:
    import resource

    procstat.raise_nofile()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert soft == hard or hard == resource.RLIM_INFINITY


@pytest.mark.skipif(shutil.which("socat") is None, reason="socat is not installed")
@pytest.mark.parametrize("name", ["socat", "floor", "floor-bare"])
def test_peer_relays_forward_and_stop(backend: tuple[int, int], name: str) -> None:
    """socat and the floors (bench/floor_relay.py) relay real connections, so their
    figures count, and stop when told."""
    relay = relays.start(name, backend[1])
    try:
        res = asyncio.run(loadgen.Load().rate(relay.port, conns=100, concurrency=5))
        assert (res["ok"], res["errors"]) == (100, 0)
    finally:
        relay.stop()
    assert relay.proc is not None and relay.proc.returncode is not None


def test_unknown_relay_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown relay 'nginx'"):
        relays.start("nginx", 1)


def test_targets_are_ratios_to_the_same_run() -> None:
    base = {"bulk_up_MBps": 100.0, "bulk_down_MBps": 100.0, "cpu_s_per_GiB_up": None,
            "cpu_s_per_GiB_down": None, "conn_rate_conc": 100.0, "conn_rate_conc_batch": 100.0,
            "conn_errors": 0}
    results = {
        "direct": {**base, "bulk_up_MBps": 1000.0, "bulk_down_MBps": 1000.0},
        "socat": base,
        "ours": {**base, "bulk_up_MBps": 250.0, "bulk_down_MBps": 249.0,
                 "cpu_s_per_GiB_up": 0.3, "cpu_s_per_GiB_down": 0.31,
                 "conn_rate_conc": 500.0, "conn_rate_conc_batch": 499.0, "conn_errors": 1},
    }
    got = {(t.name, t.limit, t.stretch): t.passed
           for t in targets(results, ["direct", "socat", "ours"])["ours"]}
    assert got[("bulk up ×socat", 2.5, False)] is True
    assert got[("bulk down ×socat", 2.5, False)] is False
    assert got[("CPU-s/GiB up", 0.3, True)] is True
    assert got[("CPU-s/GiB down", 0.3, True)] is False
    assert got[("100 concurrent conns/s ×socat (time window)", 5.0, False)] is True
    assert got[("100 concurrent conns/s ×socat (fixed batch)", 5.0, False)] is False
    assert got[("connection errors (rate phase)", 0, False)] is False


def test_a_missing_figure_fails_its_target() -> None:
    assert not report.Target("x", None, 1.0, True).passed
    assert "**FAIL**" in report.Target("x", None, 1.0, True).line()


def test_docs_section_rewrite_keeps_everything_else(tmp_path: Path) -> None:
    doc = tmp_path / "B.md"
    doc.write_text("head\n<!-- s:begin -->\nold\n<!-- s:end -->\ntail\n", encoding="utf-8")
    report.rewrite_doc_section("s", "new figures\n", doc)
    assert doc.read_text(encoding="utf-8") == (
        "head\n<!-- s:begin -->\nnew figures\n<!-- s:end -->\ntail\n")
    with pytest.raises(SystemExit, match="markers"):
        report.rewrite_doc_section("other", "x", doc)


def test_the_real_docs_have_both_markers() -> None:
    text = report.DOC.read_text(encoding="utf-8")
    for marker in ("relay-bench", "i2p-bench"):
        assert f"<!-- {marker}:begin -->" in text and f"<!-- {marker}:end -->" in text


def test_i2p_bench_refuses_outside_a_loopback_only_namespace() -> None:
    if [n for _, n in socket.if_nameindex()] == ["lo"]:
        pytest.skip("already inside a loopback-only namespace")
    import i2p_bench

    with pytest.raises(SystemExit, match="refusing to run"):
        i2p_bench.check_namespace()


def test_raw_sam_readline_leaves_the_stream_data_unread() -> None:
    """The peer-destination line is followed by data at once: none of it may be eaten."""
    import rawsam

    a, b = socket.socketpair()
    with a, b:
        b.sendall(b"STREAM STATUS RESULT=OK\nPEERDEST\npayload")
        assert rawsam.readline(a) == "STREAM STATUS RESULT=OK"
        assert rawsam.readline(a) == "PEERDEST"
        assert a.recv(100) == b"payload"
        b.sendall(b"x" * 5000)
        with pytest.raises(ConnectionError, match="longer than 4096"):
            rawsam.readline(a)


@pytest.mark.skipif(shutil.which("socat") is None, reason="socat is not installed")
def test_every_phase_end_to_end_on_a_tiny_run(backend: tuple[int, int]) -> None:
    """The driver's phases with real relays (direct and socat), at toy sizes."""
    import relay_bench

    # 64 MiB: enough socat CPU (~90 ms) to show in 10 ms clock ticks
    tiny = relay_bench.Mode("tiny", 64 << 20, 1, 0.2, 0.3, 200, 10, 1, 50, 10, 1, 5)
    load = Child("loadgen.py")
    try:
        bulk = relay_bench.phase_bulk(tiny, ["direct", "socat"], load, backend[0])
        assert bulk["direct"]["bulk_up_MBps"] > 0 and bulk["socat"]["bulk_down_MBps"] > 0
        assert bulk["direct"]["cpu_s_per_GiB_up"] is None  # no relay process to measure
        assert bulk["socat"]["cpu_s_per_GiB_up"] > 0  # its forked child did the copying
        rate = relay_bench.phase_rate(tiny, ["direct"], load, backend[1])
        assert rate["direct"]["conn_errors"] == 0 and rate["direct"]["conn_rate_seq"] > 0
        opened = relay_bench.phase_open(tiny, "socat", load, backend[1])
    finally:
        load.close()
    assert (opened["open_ok"], opened["open_failed"]) == (50, 0)
    assert opened["echo"]["samples"] == 50
    assert opened["with_open"]["procs"] == opened["idle"]["procs"] + 50  # one child per conn
    assert opened["kib_per_conn_rss"] is None and opened["kib_per_conn_pss"] > 0
    assert opened["fd_release_s"] is not None


def test_i2p_targets_say_when_the_noise_cannot_settle_them() -> None:
    import i2p_bench

    def path(up: list[float], opens: list[float]) -> dict[str, object]:
        return {"up_MBps": sorted(up)[len(up) // 2], "down_MBps": 10.0,
                "open_ms_median": sorted(opens)[len(opens) // 2] * 1e3,
                "runs": {"up": up, "down": [10.0] * 5, "open_s": opens}}

    bimodal = [9.0, 9.1, 30.0, 9.2, 41.0, 18.0, 9.0]
    got = i2p_bench._targets({"raw": path(bimodal, [0.0027] * 5 + [0.003]),
                              "ours": path(bimodal[::-1], [0.0075] * 5 + [0.008])})
    up, down, opened = got
    assert "not settled" in up.note
    assert down.passed and "not settled" not in down.note
    assert not opened.passed and "not settled" not in opened.note
