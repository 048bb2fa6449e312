"""Managed router: app start → SAM READY, memory with the router running, stop time.

Runs `i2ptunnel-gui router` (the managed i2pd in the foreground) with the offline
conf lines of the tests, inside a loopback-only network namespace (it refuses
otherwise), N times on a fresh data dir (first start: new router identity) and N
times on the same one (later starts: router.keys reused):

    scripts/in-netns.sh .venv/bin/python bench/router_bench.py [--runs 5]

For each start: seconds from exec to the `READY <sam>` line, the RSS of the app
process and of its i2pd 3 s after READY, and the seconds from SIGTERM to the exit of
both (no i2pd may be left). Prints a markdown table; writes
bench/results/managed-router-<UTC>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "integration"))
sys.path.insert(0, str(ROOT / "bench"))

from i2pd_router import check_isolated  # noqa: E402
from procstat import children, rss_kib  # noqa: E402

CONF = ROOT / "tests" / "data" / "i2pd-offline-router.conf"
READY_TIMEOUT = 60.0
SETTLE = 3.0


def one_start(router_dir: Path) -> dict[str, float]:
    argv = [
        sys.executable,
        "-m",
        "i2ptunnel_gui",
        "router",
        "--router-conf",
        str(CONF),
        "--router-dir",
        str(router_dir),
    ]
    began = time.monotonic()
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    ready_s = time.monotonic() - began
    if not line.startswith("READY "):
        proc.kill()
        raise SystemExit(f"no READY line: {line!r} {proc.stderr.read() if proc.stderr else ''}")
    time.sleep(SETTLE)
    kids = children(proc.pid)
    if len(kids) != 1:
        raise SystemExit(f"expected one i2pd child, found {kids}")
    app_rss, i2pd_rss = rss_kib(proc.pid), rss_kib(kids[0])
    stop_began = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(30)
    stop_s = time.monotonic() - stop_began
    if code != 0:
        raise SystemExit(f"router command exited {code} on SIGTERM")
    if Path(f"/proc/{kids[0]}").exists():
        raise SystemExit(f"i2pd {kids[0]} still there after the app stopped")
    return {
        "ready_s": ready_s,
        "app_rss_mib": app_rss / 1024,
        "i2pd_rss_mib": i2pd_rss / 1024,
        "stop_s": stop_s,
    }


def one_gui_start(home: Path) -> dict[str, float]:
    """The desktop app (offscreen) with Managed saved in its settings: exec → its i2pd's
    SAM answers, RSS of both 3 s later, SIGTERM → both gone."""
    from PySide6.QtCore import QSettings

    from i2ptunnel_gui.core.router.config import ManagedOptions
    from i2ptunnel_gui.core.router.prefs import RouterMode, RouterPrefs
    from i2ptunnel_gui.router_settings import save_router_prefs
    from i2ptunnel_gui.settings import Settings

    settings = home / "settings.ini"
    prefs = RouterPrefs(
        mode=RouterMode.MANAGED, managed=ManagedOptions(extra_conf=CONF.read_text())
    )
    save_router_prefs(Settings(QSettings(str(settings), QSettings.Format.IniFormat)), prefs)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(home),
    }
    began = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "i2ptunnel_gui", "--settings", str(settings)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    sam = ""
    deadline = began + READY_TIMEOUT
    while not sam:
        kids = children(proc.pid)
        conf = home / "data" / "i2ptunnel-gui" / "router" / "i2pd.conf"
        if kids and conf.exists():
            port = _sam_port(conf.read_text())
            if port and _hello(port):
                sam = f"127.0.0.1:{port}"
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise SystemExit(f"the app's router never answered: {proc.stderr.read()!r}")
        time.sleep(0.02)
    ready_s = time.monotonic() - began
    time.sleep(SETTLE)
    kids = children(proc.pid)
    app_rss, i2pd_rss = rss_kib(proc.pid), rss_kib(kids[0])
    stop_began = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(30)
    stop_s = time.monotonic() - stop_began
    if code != 0 or Path(f"/proc/{kids[0]}").exists():
        raise SystemExit(
            f"app exited {code}; i2pd {kids[0]} left: {Path(f'/proc/{kids[0]}').exists()}"
        )
    return {
        "ready_s": ready_s,
        "app_rss_mib": app_rss / 1024,
        "i2pd_rss_mib": i2pd_rss / 1024,
        "stop_s": stop_s,
    }


def _sam_port(conf: str) -> int:
    section = ""
    for line in conf.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "sam" and line.startswith("port"):
            return int(line.split("=", 1)[1])
    return 0


def _hello(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"HELLO VERSION MIN=3.0 MAX=3.3\n")
            return s.recv(64).startswith(b"HELLO REPLY RESULT=OK")
    except OSError:
        return False


def summary(rows: list[dict[str, float]], key: str) -> str:
    values = [r[key] for r in rows]
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    check_isolated()
    results: dict[str, list[dict[str, float]]] = {"first": [], "later": [], "gui": []}
    with tempfile.TemporaryDirectory(prefix="router-bench-") as tmp:
        for i in range(args.runs):
            results["first"].append(one_start(Path(tmp) / f"fresh-{i}"))
        reused = Path(tmp) / "reused"
        one_start(reused)  # makes the identity
        for _ in range(args.runs):
            results["later"].append(one_start(reused))
        for i in range(args.runs):
            results["gui"].append(one_gui_start(Path(tmp) / f"gui-{i}"))
    print(f"Managed router, offline, {args.runs} runs each: median (min–max)\n")
    print("| start | exec → SAM READY s | app RSS MiB | i2pd RSS MiB | SIGTERM → gone s |")
    print("|---|---|---|---|---|")
    for name, rows in results.items():
        label = {
            "first": "`router` command, first start (new identity)",
            "later": "`router` command, later start (router.keys reused)",
            "gui": "desktop app (offscreen), Managed saved, first start",
        }[name]
        cells = [summary(rows, k) for k in ("ready_s", "app_rss_mib", "i2pd_rss_mib", "stop_s")]
        print(f"| {label} | " + " | ".join(cells) + " |")
    out = (
        ROOT
        / "bench"
        / "results"
        / f"managed-router-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    )
    out.write_text(json.dumps({"runs": args.runs, "results": results}, indent=1))
    print(f"\n{out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
