"""`i2ptunnel-gui server` / `client` subprocesses against the fake SAM bridge."""

from __future__ import annotations

import select
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

from fake_router import FakeRouter
from headless_helpers import write_settings
from nethelpers import LoopbackServer, free_port, recv_exactly

from i2ptunnel_gui.core.sam.keys import parse_private_key


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "i2ptunnel_gui", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 15) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate(timeout=5)
        raise AssertionError(f"{proc.args!r} did not exit: {err}") from None
    return proc.returncode, out, err


def read_line(proc: subprocess.Popen[str], timeout: float = 15) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, f"no output within {timeout} s"
    return proc.stdout.readline().strip()


def one_line_error(proc: subprocess.Popen[str], code: int) -> str:
    rc, out, err = finish(proc)
    assert (rc, out) == (code, ""), (rc, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_server_and_client_ready_lines_traffic_and_sigterm(
    fake: FakeRouter, echo_server: LoopbackServer, tmp_path: Path
) -> None:
    keys = tmp_path / "k" / "server.dat"
    server = cli(
        "server", "--target", f"127.0.0.1:{echo_server.port}", "--keys", str(keys),
        "--sam", fake.address,
    )
    client = None
    try:
        ready = read_line(server)
        b32 = parse_private_key(keys.read_bytes()).b32_address
        assert ready == f"READY {b32}"
        assert stat.S_IMODE(keys.stat().st_mode) == 0o600
        client = cli("client", "--listen", "127.0.0.1:0", "--dest", b32, "--sam", fake.address)
        ready = read_line(client)
        assert ready.startswith("READY 127.0.0.1:")
        with socket.create_connection(("127.0.0.1", int(ready.rpartition(":")[2])), 10) as s:
            s.sendall(b"through the CLI tunnels")
            assert recv_exactly(s, 23) == b"through the CLI tunnels"
        for proc in (client, server):
            proc.send_signal(signal.SIGTERM)
            assert finish(proc)[0] == 0
    finally:
        for proc in (client, server):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate(timeout=5)


def test_server_keeps_its_address_across_runs(fake: FakeRouter, tmp_path: Path) -> None:
    keys = tmp_path / "server.dat"
    lines = []
    for _ in range(2):
        proc = cli("server", "--target", "127.0.0.1:9", "--keys", str(keys), "--sam", fake.address)
        lines.append(read_line(proc))
        proc.send_signal(signal.SIGINT)
        assert finish(proc)[0] == 0
    assert lines[0] == lines[1] and lines[0].endswith(".b32.i2p")


def test_server_keeps_its_default_key_in_the_settings_keys_folder(
    fake: FakeRouter, tmp_path: Path
) -> None:
    settings = tmp_path / "app.ini"
    write_settings(settings, [])  # its keys folder: tmp_path / "keys"
    proc = cli("--settings", str(settings), "server", "--target", "127.0.0.1:9",
               "--sam", fake.address)
    ready = read_line(proc)
    proc.send_signal(signal.SIGINT)
    rc, _, err = finish(proc)
    assert rc == 0, err
    key_file = tmp_path / "keys" / "cli-server-127.0.0.1-9.dat"
    assert ready == "READY " + parse_private_key(key_file.read_bytes()).b32_address
    assert f"key file: {key_file}" in err


def test_unreachable_router_is_one_line_and_nonzero() -> None:
    dead = f"127.0.0.1:{free_port()}"
    line = one_line_error(cli("server", "--target", "127.0.0.1:80", "--sam", dead), 1)
    assert dead in line and "unreachable" in line


def test_malformed_destination_is_one_line_and_nonzero() -> None:
    dead = ("--sam", f"127.0.0.1:{free_port()}")  # never reached: input is checked first
    proc = cli("client", "--listen", "127.0.0.1:0", "--dest", "not a destination!", *dead)
    assert "destination" in one_line_error(proc, 2)
    proc = cli("client", "--listen", "127.0.0.1:0", "--dest", "1" * 52 + ".b32.i2p", *dead)
    assert ".b32.i2p address" in one_line_error(proc, 2)
    proc = cli("client", "--listen", "127.0.0.1:0", "--dest", "A" * 600, *dead)
    assert "not a valid base64 destination" in one_line_error(proc, 2)


def test_port_taken_is_one_line_and_nonzero(fake: FakeRouter) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        proc = cli(
            "client",
            "--listen",
            f"127.0.0.1:{port}",
            "--dest",
            "a" * 52 + ".b32.i2p",
            "--sam",
            fake.address,
        )
        assert "already in use" in one_line_error(proc, 1)
    assert fake.sam.sessions == {}  # failed before asking the router for anything


def test_bad_target_and_option_are_input_errors() -> None:
    dead = ("--sam", f"127.0.0.1:{free_port()}")
    assert "--target" in one_line_error(cli("server", "--target", "nowhere", *dead), 2)
    proc = cli("server", "--target", "127.0.0.1:80", "--option", "bad key=1", *dead)
    assert "option" in one_line_error(proc, 2)


def test_sigint_while_the_router_is_slow_stops_cleanly(fake: FakeRouter) -> None:
    fake.sam.hang.add("SESSION CREATE")
    proc = cli("server", "--target", "127.0.0.1:80", "--transient", "--sam", fake.address)
    deadline = time.monotonic() + 10
    while not any(r.startswith("SESSION CREATE") for r in fake.sam.received):
        assert time.monotonic() < deadline, "the CLI never asked for a session"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    rc, out, _ = finish(proc, 10)
    assert (rc, out) == (0, "")
