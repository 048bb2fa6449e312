"""`i2ptunnel-gui server` / `client` as subprocesses against a real i2pd."""

from __future__ import annotations

import hashlib
import signal
import time
from pathlib import Path

import pytest
from i2pd_helpers import (
    ACCEPTING,
    CONNECTING,
    BulkTarget,
    cli,
    exchange,
    new_server_key,
    option_args,
    random_bytes,
    read_line,
)
from i2pd_router import I2pdRouter

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]


def test_cli_server_and_client_print_ready_and_carry_traffic(
    i2pd: I2pdRouter, tmp_path: Path
) -> None:
    size = 512 * 1024
    target = BulkTarget(random_bytes(size), up_len=size)
    keys = tmp_path / "keys" / "server.dat"
    b32 = new_server_key(i2pd.sam_address, keys)  # known now: both sessions in parallel
    sam = ["--sam", i2pd.sam_address]
    server = cli(
        "server",
        "--target",
        f"127.0.0.1:{target.port}",
        "--keys",
        str(keys),
        *sam,
        *option_args(ACCEPTING),
    )
    client = cli("client", "--listen", "127.0.0.1:0", "--dest", b32, *sam, *option_args(CONNECTING))
    try:
        assert read_line(server, 90) == f"READY {b32}"
        ready = read_line(client, 90)
        assert ready.startswith("READY 127.0.0.1:"), ready
        port = int(ready.rpartition(":")[2])
        up = random_bytes(size)
        assert exchange(port, up, size) == target.down
        deadline = time.monotonic() + 10
        while hashlib.sha256(up).hexdigest() not in target.received:
            assert time.monotonic() < deadline, "upload never arrived complete"
            time.sleep(0.05)
        for proc in (client, server):
            proc.send_signal(signal.SIGTERM)
        for proc in (client, server):
            assert proc.wait(15) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        for proc in (client, server):
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()
        target.close()
