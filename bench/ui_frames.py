"""UI frame times with thousands of live connections in the connection table.

Real components end to end: the app's main window (build_shell) over the REAL engine,
one TCP forward tunnel, and a separate load process holding N loopback connections
through it to an echo server, each sending a small message every PERIOD seconds (so
counters change on every sample). The window shows that tunnel's connection table,
sorted by a counter column (the model re-sorts on every tick), while a 16 ms
Qt.PreciseTimer measures how late the GUI thread gets to it: frame time = the interval
between two ticks. Target: p99 ≤ 25 ms with 5 000 connections.

With graphs (the default; --no-graphs to leave them out) the traffic graphs are on
screen too: the tunnel table's Activity sparklines, the details panel showing the busy
tunnel with its bandwidth graph (in its own window beside the table: in the app both
share the lower tabs), and the Traffic window with all tunnels' graph. Their history
is first filled with five minutes of made-up past samples, so the graphs draw as many
points as after five minutes of use (a 30 s run would otherwise draw ~100).

    .venv/bin/python bench/ui_frames.py [--conns 5000] [--seconds 10] [--period 2]
                                        [--no-graphs]

Everything is on 127.0.0.1 with ephemeral ports; the load process is ended by closing
its stdin (and killed by PID if it does not exit). The same window is first measured idle
(no connections) for the same time: on a shared machine that is the noise floor.
The result also gives GC pauses by generation, the model's merge time per sample and
the CPU share of the GUI thread and of the whole process (less noisy than frame times).
Knobs for experiments: BENCH_SWITCH=<seconds> (sys.setswitchinterval) and
BENCH_GC=<g0,g1,g2> (gc.set_threshold), applied after startup.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from procstat import raise_nofile  # noqa: E402

OPEN_CONCURRENCY = 100
NET_TIMEOUT = 10.0


# -- the load process -----------------------------------------------------------------
async def _load(conns: int, period: float) -> None:
    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(4096):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    print(json.dumps({"echo_port": port}), flush=True)
    loop = asyncio.get_running_loop()
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    line = await stdin.readline()
    listen = json.loads(line)["listen_port"]
    sem = asyncio.Semaphore(OPEN_CONCURRENCY)
    opened: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    failed = 0

    async def open_one() -> None:
        nonlocal failed
        async with sem:
            try:
                async with asyncio.timeout(NET_TIMEOUT):
                    opened.append(await asyncio.open_connection("127.0.0.1", listen))
            except (OSError, TimeoutError):
                failed += 1

    t0 = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        for _ in range(conns):
            tg.create_task(open_one())
    print(json.dumps({"opened": len(opened), "failed": failed,
                      "seconds": round(time.perf_counter() - t0, 2)}), flush=True)

    async def chat(i: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(period * i / max(1, len(opened)))  # spread the messages out
        with contextlib.suppress(OSError, TimeoutError, asyncio.IncompleteReadError):
            while True:
                writer.write(b"m" * 64)
                async with asyncio.timeout(NET_TIMEOUT):
                    await reader.readexactly(64)
                await asyncio.sleep(period)

    async with asyncio.TaskGroup() as tg:
        chats = [tg.create_task(chat(i, r, w)) for i, (r, w) in enumerate(opened)]
        await stdin.read()  # the parent closes our stdin: done
        for c in chats:
            c.cancel()
    for _r, w in opened:
        w.close()
    server.close()


# -- the UI process -------------------------------------------------------------------
def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(conns: int, seconds: float, period: float, sort_column: int,
            graphs: bool = True) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY")
                          else "xcb")
    tmp = Path(tempfile.mkdtemp(prefix="ui-frames-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    import qasync
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from i2ptunnel_gui.core.engine import Engine
    from i2ptunnel_gui.core.keystore import KeyStore
    from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
    from i2ptunnel_gui.settings import Settings
    from i2ptunnel_gui.ui.app import build_shell

    load = subprocess.Popen([sys.executable, __file__, "--load", "--conns", str(conns),
                             "--period", str(period)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, preexec_fn=raise_nofile)
    assert load.stdin is not None and load.stdout is not None
    app = QApplication([sys.argv[0]])
    engine = Engine(sam_address="127.0.0.1:9", keystore=KeyStore(tmp / "keys"))
    engine.start()
    result: dict[str, object] = {"conns": conns, "period_s": period,
                                 "platform": app.platformName(), "loop": engine.loop_name,
                                 "graphs": graphs}
    try:
        echo_port = json.loads(load.stdout.readline())["echo_port"]
        settings = Settings.open(tmp / "bench.ini")
        spec = TunnelSpec(name="bench", kind=TunnelKind.FORWARD, listen_port=_free_port(),
                          target_port=echo_port, idle_timeout=None)
        settings.save_tunnels([spec])
        shell = build_shell(settings, engine, tray_available=False)
        win = shell.window
        if graphs:
            fill_history(win.tunnel_model.history, spec, conns)
        win.resize(1280, 800)

        async def run() -> None:
            shell.bridge.start()
            gc.freeze()  # as app.amain does after building the window
            if os.environ.get("BENCH_SWITCH"):
                sys.setswitchinterval(float(os.environ["BENCH_SWITCH"]))
            if os.environ.get("BENCH_GC"):
                gc.set_threshold(*map(int, os.environ["BENCH_GC"].split(",")))
            win.show()
            if not await shell.controller.start(spec.id):
                raise RuntimeError("tunnel did not start")
            win.tunnel_table.selectRow(0)
            win.connection_table.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
            if graphs:
                show_graphs(win)
            idle = await frame_times(win, seconds)  # same window, no connections yet
            result.update(idle_frame_p50_ms=round(statistics.median(idle), 1),
                          idle_frame_p99_ms=round(_pct(idle, 0.99), 1))
            load.stdin.write(json.dumps({"listen_port": spec.listen_port}) + "\n")
            load.stdin.flush()
            opened = json.loads(await asyncio.to_thread(load.stdout.readline))
            result["load"] = opened
            async with asyncio.timeout(60):
                while win.connection_model.rowCount() < opened["opened"]:
                    await asyncio.sleep(0.1)
            await asyncio.sleep(2 * period)  # every connection has talked: live counters
            applies: list[float] = []
            model = win.connection_model
            # the model's per-sample merge: full samples (_merge_full) and deltas
            # (_merge_delta, since live samples carry only what changed)
            for merge in ("_merge_full", "_merge_delta"):
                if not hasattr(model, merge):
                    continue
                original = getattr(model, merge)

                def timed(*a: object, _original: Any = original) -> None:
                    t = time.perf_counter()
                    _original(*a)
                    applies.append(time.perf_counter() - t)

                setattr(model, merge, timed)
            gc_pauses: list[tuple[int, float]] = []
            gc_start = [0.0]

            def gc_watch(phase: str, info: dict[str, int]) -> None:
                if phase == "start":
                    gc_start[0] = time.perf_counter()
                else:
                    gc_pauses.append((info["generation"], time.perf_counter() - gc_start[0]))

            gc.callbacks.append(gc_watch)
            # CPU time is far less sensitive than frame times to other processes on a
            # shared machine: the GUI thread's own, and the whole process's (+ engine)
            cpu0, gui0 = time.process_time(), time.thread_time()
            ms = await frame_times(win, seconds)
            result["gui_thread_cpu_pct"] = round((time.thread_time() - gui0) / seconds * 100, 1)
            result["process_cpu_pct"] = round((time.process_time() - cpu0) / seconds * 100, 1)
            gc.callbacks.remove(gc_watch)
            result["gc_tracked"] = {"gen2": len(gc.get_objects(2)),
                                    "frozen": gc.get_freeze_count()}
            gen2 = [d * 1000 for g, d in gc_pauses if g == 2]
            result["gc_max_by_gen_ms"] = [round(max([d * 1000 for g, d in gc_pauses if g == k],
                                                    default=0.0), 1) for k in range(3)]
            result.update(gc_collections=len(gc_pauses), gc_gen2=len(gen2),
                          gc_gen2_max_ms=round(max(gen2, default=0.0), 1),
                          gc_total_ms=round(sum(d for _g, d in gc_pauses) * 1000, 1))
            if graphs:  # the graphs did follow the samples
                result["graph_points"] = len(win.details.traffic.points)
            result.update(rows=model.rowCount(), frames=len(ms),
                          frame_p50_ms=round(statistics.median(ms), 1),
                          frame_p99_ms=round(_pct(ms, 0.99), 1),
                          frame_max_ms=round(max(ms), 1),
                          samples=len(applies),
                          apply_p50_ms=round(statistics.median(applies) * 1000, 1),
                          apply_p99_ms=round(_pct(applies, 0.99) * 1000, 1))
            await shell.controller.stop_all()
            await shell.bridge.aclose()

        def show_graphs(win: Any) -> None:
            from i2ptunnel_gui.ui.traffic_graph import TrafficWindow

            win.tabs.removeTab(win.tabs.indexOf(win.details))
            win.details.setParent(None)
            win.details.resize(700, 600)
            win.details.show()
            traffic = TrafficWindow(shell.controller)
            traffic.show()
            windows.extend((win.details, traffic))
            assert win.details.traffic.isVisible() and traffic.graph.isVisible()
            activity = win.tunnel_model.COL_ACTIVITY
            assert not win.tunnel_table.isColumnHidden(activity)
            result["graph_points"] = 0

        windows: list[Any] = []

        async def frame_times(win: Any, seconds: float) -> list[float]:
            frames: list[float] = []
            last = [time.perf_counter()]

            def frame() -> None:
                now = time.perf_counter()
                frames.append(now - last[0])
                last[0] = now
                win.connection_table.viewport().update()  # a repaint every frame

            timer = QTimer()
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.timeout.connect(frame)
            timer.start(16)
            await asyncio.sleep(seconds)
            timer.stop()
            return [f * 1000 for f in frames[1:]]

        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(run())
    finally:
        with contextlib.suppress(OSError):
            load.stdin.close()
        try:
            load.wait(15)
        except subprocess.TimeoutExpired:
            load.kill()
            load.wait(5)
        engine.shutdown(timeout=10)
    result["load_avg_1m"] = round(os.getloadavg()[0], 1)
    return result


def fill_history(history: Any, spec: Any, conns: int) -> None:
    """Five minutes of samples at the bridge's 4 Hz, ending now: rates swinging around
    the bench's own (conns × 64 B each way per period), connections rising to `conns`."""
    import math

    from i2ptunnel_gui.core.status import TunnelState, TunnelStatus
    from i2ptunnel_gui.ui.traffic_history import SPAN_S

    now, step = time.time(), 0.25
    n = int(SPAN_S / step)
    bytes_in = 0
    for i in range(n):
        bytes_in += int(conns * 64 / 2.0 * step * (1 + 0.5 * math.sin(i / 40)))
        history.add_sample(now - (n - i) * step, [TunnelStatus(
            id=spec.id, name=spec.name, kind=spec.kind.value, state=TunnelState.RUNNING,
            active_connections=conns * i // n, bytes_in=bytes_in, bytes_out=bytes_in)])


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--conns", type=int, default=5000)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--period", type=float, default=2.0, help="seconds between messages")
    p.add_argument("--sort-column", type=int, default=4, help="4 = Bytes in")
    p.add_argument("--output", default=None,
                   help="also write the JSON result here (e.g. bench/results/ui-frames.json)")
    p.add_argument("--graphs", action=argparse.BooleanOptionalAction, default=True,
                   help="traffic graphs and sparklines on screen (default: on)")
    p.add_argument("--load", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    raise_nofile()
    if args.load:
        asyncio.run(_load(args.conns, args.period))
        return
    result = measure(args.conns, args.seconds, args.period, args.sort_column, args.graphs)
    result["when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print(json.dumps(result))
    if args.output:
        Path(args.output).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
