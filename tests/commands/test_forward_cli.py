"""`i2ptunnel-gui forward` as a separate process: READY line, errors, signals."""

from __future__ import annotations

import selectors
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest
from nethelpers import LoopbackServer, connect, recv_exactly, wait_until

FORWARD = [sys.executable, "-m", "i2ptunnel_gui", "forward"]


def read_line(proc: subprocess.Popen[str], timeout: float = 10.0) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            raise TimeoutError("no line from the forward command")
    return proc.stdout.readline()


@pytest.fixture
def forward(echo_server: LoopbackServer) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [*FORWARD, "--listen", "127.0.0.1:0", "--target", f"127.0.0.1:{echo_server.port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=10)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_ready_line_relay_and_clean_stop(forward: subprocess.Popen[str], sig: int) -> None:
    line = read_line(forward)
    assert line.startswith("READY 127.0.0.1:") and line.endswith("\n")
    port = int(line.split(":")[1])
    assert port > 0
    with connect(port) as c:
        c.sendall(b"through the cli")
        assert recv_exactly(c, 15) == b"through the cli"
    forward.send_signal(sig)
    out, err = forward.communicate(timeout=10)
    assert forward.returncode == 0, err
    assert out == "" and err == ""  # READY was the one and only line


def run_forward(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*FORWARD, *args], capture_output=True, text=True, timeout=20, check=False
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


def test_bad_port() -> None:
    r = run_forward("--listen", "127.0.0.1:70000", "--target", "127.0.0.1:80")
    assert_one_line_error(r, 2, "port must be a whole number from 0 to 65535")


def test_port_in_use() -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        r = run_forward("--listen", f"127.0.0.1:{port}", "--target", "127.0.0.1:80")
    assert_one_line_error(r, 1, "address already in use")


def test_unresolvable_target() -> None:
    r = run_forward("--listen", "127.0.0.1:0", "--target", "no-such-host.invalid:80")
    assert_one_line_error(r, 1, "'no-such-host.invalid' cannot be resolved")


def test_public_listen_needs_flag() -> None:
    r = run_forward("--listen", "0.0.0.0:0", "--target", "127.0.0.1:80")
    assert_one_line_error(r, 2, "add --public")


def test_does_not_import_qt() -> None:
    code = (
        "import sys; from i2ptunnel_gui.commands import forward; "
        "import i2ptunnel_gui.tunnel; assert 'PySide6' not in sys.modules"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=False,
    )
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize(("limit", "closed"), [("0.3", True), (None, False)])
def test_half_close_timeout_reaches_the_relay(limit: str | None, closed: bool) -> None:
    """The target ends its side and waits; the client neither sends nor closes. With
    --half-close-timeout 0.3 the relay closes the connection (the target reads EOF)
    well within 2 s; with the default (30 s) it is still open after that."""
    seen: list[bytes | None] = []

    def half_close_then_wait(conn: socket.socket) -> None:
        conn.shutdown(socket.SHUT_WR)
        conn.settimeout(2.0)
        try:
            seen.append(conn.recv(1))
        except TimeoutError:
            seen.append(None)

    target = LoopbackServer(half_close_then_wait)
    extra = [] if limit is None else ["--half-close-timeout", limit]
    proc = subprocess.Popen(
        [*FORWARD, "--listen", "127.0.0.1:0", "--target", f"127.0.0.1:{target.port}", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = int(read_line(proc).split(":")[1])
        with connect(port) as client:
            assert client.recv(1) == b""  # the target's FIN, passed on
            assert wait_until(lambda: bool(seen), timeout=5.0)
    finally:
        proc.kill()
        proc.communicate(timeout=10)
        target.close()
    assert seen == ([b""] if closed else [None])  # EOF read, or still open after 2 s
