"""`i2ptunnel-gui client --type http-proxy|socks|irc`: arguments and a real run."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys

import pytest
from fake_router import FakeRouter

from i2ptunnel_gui.commands.cli import build_parser

B32 = "c" * 52 + ".b32.i2p"


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "i2ptunnel_gui", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_defaults_and_repeatable_dest() -> None:
    a = build_parser().parse_args(["client", "--listen", "127.0.0.1:1", "--dest", "x.i2p"])
    assert (a.client_type, a.dest, a.delay_open, a.close_idle) == ("client", ["x.i2p"], False, None)
    a = build_parser().parse_args(
        ["client", "--type", "irc", "--listen", "127.0.0.1:1", "--dest", "a.i2p", "--dest",
         "b.i2p", "--delay-open", "--close-idle", "2.5"]
    )  # fmt: skip
    assert (a.client_type, a.dest, a.delay_open, a.close_idle) == (
        "irc",
        ["a.i2p", "b.i2p"],
        True,
        2.5,
    )


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--type", "http-proxy", "--dest", "x.i2p"], "takes no --dest"),
        (["--type", "socks", "--dest", "x.i2p"], "takes no --dest"),
        (["--type", "irc"], "needs --dest"),
        ([], "needs --dest"),
        (["--dest", "a.i2p", "--dest", "b.i2p"], "one --dest"),
        (["--type", "irc", "--dest", B32, "--outproxy", B32], "--outproxy is for"),
        (["--type", "http-proxy", "--outproxy", "exit.example.org"], "outproxy"),
        (["--type", "http-proxy", "--close-idle", "0"], "more than 0 minutes"),
        (["--type", "gopher"], "invalid choice"),
        (["--type", "irc", "--dest", "A" * 514 + "=="], "not a valid base64 destination"),
    ],
)
def test_bad_client_arguments_one_line_exit_2(argv: list[str], words: str) -> None:
    proc = cli("client", "--listen", "127.0.0.1:0", *argv)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and out == "", (out, err)
    assert words in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_http_proxy_command_ready_refuses_clearnet_and_stops(fake: FakeRouter) -> None:
    proc = cli("client", "--type", "http-proxy", "--listen", "127.0.0.1:0", "--sam", fake.address,
               "--delay-open")  # fmt: skip
    try:
        assert proc.stdout is not None
        ready = proc.stdout.readline().strip()
        assert ready.startswith("READY 127.0.0.1:"), ready
        out = subprocess.run(
            ["curl", "-sS", "-x", f"http://{ready.split()[1]}", "-w", "%{http_code}",
             "http://example.org/"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
        assert out.stdout.endswith("403"), out
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=15)
    assert proc.returncode == 0
