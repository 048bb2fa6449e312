"""`i2ptunnel-gui router` as a separate process, on the stand-in i2pd (tests/fake_i2pd.py):
READY line, clean stop on SIGINT/SIGTERM with no i2pd left, one-line errors."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_i2pd import alive, free_options, install_fake_i2pd
from fake_router import FakeRouter

ROUTER = [sys.executable, "-m", "i2ptunnel_gui", "router"]


def read_line(proc: subprocess.Popen[str], timeout: float = 20.0) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            raise TimeoutError("no line from the router command")
    return proc.stdout.readline()


@pytest.fixture
def router_args(tmp_path: Path) -> list[str]:
    """The stand-in i2pd on ports free now (pinned by conf lines, as a user could)."""
    options = free_options(install_fake_i2pd(tmp_path / "bin"))
    conf = tmp_path / "ports.conf"
    conf.write_text(
        f"[sam]\nport = {options.sam_port}\n[i2pcontrol]\nport = {options.control_port}\n"
        f"[http]\nport = {options.console_port}\n"
    )
    return [
        "--i2pd",
        options.binary,
        "--router-conf",
        str(conf),
        "--router-dir",
        str(tmp_path / "router"),
    ]


@pytest.fixture
def started(router_args: list[str]) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [*ROUTER, *router_args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    yield proc
    if proc.poll() is None:
        proc.terminate()  # SIGTERM: the command stops its i2pd (SIGKILL would orphan it)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    proc.communicate(timeout=10)
    pid_file = Path(router_args[-1]) / "i2pd.pid"
    if pid_file.exists() and alive(pid := i2pd_pid(Path(router_args[-1]))):
        os.kill(pid, signal.SIGKILL)  # our own stand-in, left by a command that was killed
        pytest.fail(f"the router command left its i2pd (pid {pid}) running")


def i2pd_pid(router_dir: Path) -> int:
    return int((router_dir / "i2pd.pid").read_text())


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_ready_then_clean_stop_leaves_no_i2pd(
    started: subprocess.Popen[str], router_args: list[str], sig: int
) -> None:
    line = read_line(started)
    assert line.startswith("READY 127.0.0.1:") and line.endswith("\n")
    pid = i2pd_pid(Path(router_args[-1]))
    assert alive(pid)
    started.send_signal(sig)
    assert started.wait(15) == 0
    assert not alive(pid)


def test_second_router_on_the_same_dir_is_refused_in_one_line(
    started: subprocess.Popen[str], router_args: list[str]
) -> None:
    read_line(started)
    second = subprocess.run([*ROUTER, *router_args], capture_output=True, text=True, timeout=20)
    assert second.returncode == 1 and second.stdout == ""
    assert second.stderr.count("\n") == 1
    assert second.stderr.startswith("i2ptunnel-gui router: error: another i2ptunnel-gui (pid ")


def test_bad_input_exits_2_and_a_missing_i2pd_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.conf"
    bad.write_text("[sam]\nenabled = false\n")
    cases = [
        (["--router-conf", str(tmp_path / "none.conf")], 2, "--router-conf"),
        (["--router-conf", str(bad), "--i2pd", sys.executable], 2, "needs its SAM bridge"),
        (["--i2pd", str(tmp_path / "no-i2pd")], 1, "i2pd not found at"),
    ]
    for args, code, text in cases:
        done = subprocess.run(
            [*ROUTER, *args, "--router-dir", str(tmp_path / "r")],
            capture_output=True,
            text=True,
            timeout=20,
        )
        assert done.returncode == code, (args, done.stderr)
        assert done.stderr.count("\n") == 1 and text in done.stderr


def test_server_on_the_managed_router(router_args: list[str], monkeypatch) -> None:
    """`server --router managed`: the stand-in i2pd (serving the fake SAM bridge) starts
    first, the tunnel gets its b32 there, SIGTERM stops both."""
    monkeypatch.setenv("FAKE_I2PD_MODE", "fakesam")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "i2ptunnel_gui",
            "server",
            "--target",
            "127.0.0.1:9",
            "--transient",
            "--router",
            "managed",
            *router_args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = read_line(proc)
        assert line.endswith(".b32.i2p\n") and line.startswith("READY ")
        pid = i2pd_pid(Path(router_args[-1]))
        assert alive(pid)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
        assert not alive(pid)
        assert "managed router ready (SAM 127.0.0.1:" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)


def test_server_with_a_missing_i2pd_says_so_and_external_still_works(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "i2ptunnel_gui",
            "server",
            "--target",
            "127.0.0.1:9",
            "--router",
            "managed",
            "--i2pd",
            str(tmp_path / "none"),
            "--router-dir",
            str(tmp_path / "r"),
        ],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "i2pd not found at" in done.stderr and "External" in done.stderr
    router = FakeRouter()  # a router the user runs
    try:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "i2ptunnel_gui",
                "server",
                "--target",
                "127.0.0.1:9",
                "--transient",
                "--sam",
                router.address,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert read_line(proc).endswith(".b32.i2p\n")
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(20) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.communicate(timeout=10)
    finally:
        router.close()


def test_router_mode_is_kept_wherever_it_is_given_and_refused_where_it_means_nothing() -> None:
    from i2ptunnel_gui.commands.cli import build_parser, main

    parser = build_parser()
    before = parser.parse_args(["--router", "managed", "server", "--target", "127.0.0.1:9"])
    after = parser.parse_args(["server", "--target", "127.0.0.1:9", "--router", "managed"])
    assert before.router == after.router == "managed"
    assert parser.parse_args(["client", "--listen", ":1", "--dest", "x.i2p"]).router is None
    for argv in (["--router", "managed", "forward", "--listen", ":1", "--target", "h:2"],
                 ["--router", "external"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
