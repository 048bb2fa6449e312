"""Headless mode keeps waiting for a router that is down and comes up later (fake SAM)."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fake_router import FakeRouter
from headless_helpers import subprocess_env, write_settings
from nethelpers import free_port

from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec

B32 = "2qstpgdz7jdxa3fs6mgbnksf6htz67qfylxyxl4cq45qordjgfw2.b32.i2p"


class Lines:
    """Collects a pipe's lines in a thread; `wait_for` is bounded."""

    def __init__(self, pipe: object) -> None:
        self.q: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(pipe,), daemon=True).start()

    def _read(self, pipe: object) -> None:
        for line in pipe:  # type: ignore[attr-defined]
            self.q.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float) -> str:
        import time
        end = time.monotonic() + timeout
        while (left := end - time.monotonic()) > 0:
            try:
                line = self.q.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(line)
            if text in line:
                return line
        pytest.fail(f"{text!r} not seen within {timeout} s; got:\n" + "\n".join(self.seen))


def test_headless_waits_for_the_router_then_runs(tmp_path: Path) -> None:
    sam_port = free_port()  # nothing listens here yet: the router is "down"
    listen = free_port()
    settings = tmp_path / "s.ini"
    write_settings(settings, [TunnelSpec(
        name="late router", kind=TunnelKind.CLIENT, listen_port=listen, destination=B32,
        key_mode=KeyMode.TRANSIENT, auto_start=True, sam_address=f"127.0.0.1:{sam_port}")])
    proc = subprocess.Popen(
        [sys.executable, "-m", "i2ptunnel_gui", "--headless", "--settings", str(settings)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(tmp_path),
        cwd=tmp_path)
    sam = FakeRouter(sam_port, start=False)
    try:
        err = Lines(proc.stderr)
        err.wait_for("late router: reconnecting", 30)
        err.wait_for("1 of 1 tunnel(s) up", 10)  # still serving, not exited
        assert proc.poll() is None
        sam.run(sam.sam.start)  # the router comes up
        err.wait_for("late router: running", 30)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
        err.wait_for("late router: stopped", 5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        sam.close()
