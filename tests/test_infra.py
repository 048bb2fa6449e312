"""The scripts behind the README's two commands: the loopback-only namespace and setup.sh.

These run inside the suite's own namespace when started by setup.sh; namespaces nest.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_NETNS = ROOT / "scripts" / "in-netns.sh"
SETUP = ROOT / "scripts" / "setup.sh"

_PROBE = """
import errno, json, os, socket, sys
links = sorted(name for _, name in socket.if_nameindex())  # this netns, unlike /sys
s = socket.socket()
s.settimeout(5)
outside = s.connect_ex(("192.0.2.1", 80))  # TEST-NET-1: routed nowhere, even if reachable
with socket.create_server(("127.0.0.1", 0)) as srv, socket.create_connection(
        srv.getsockname(), timeout=5):
    pass
print(json.dumps({"links": links, "outside": errno.errorcode.get(outside, outside),
                  "pid": os.getpid()}))
sys.exit(int(sys.argv[1]))
"""


def can_unshare() -> bool:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return False
    probe = subprocess.run([str(IN_NETNS), "true"], capture_output=True, timeout=30, check=False)
    return probe.returncode == 0


needs_netns = pytest.mark.skipif(
    not can_unshare(), reason="no network namespaces here (needs root or user namespaces)"
)


@needs_netns
def test_in_netns_has_only_loopback_and_passes_exit_code() -> None:
    proc = subprocess.run(
        [str(IN_NETNS), sys.executable, "-c", _PROBE, "3"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 3, proc.stderr  # the command's own status comes back
    seen = json.loads(proc.stdout)
    assert seen["links"] == ["lo"]
    assert seen["outside"] == "ENETUNREACH", f"a packet could leave: {seen['outside']}"
    assert seen["pid"] < 10, "not in a fresh PID namespace"


@needs_netns
def test_in_netns_reaps_everything_it_started() -> None:
    """A daemon left behind by the command dies with the namespace."""
    marker = f"i2ptg-orphan-{os.getpid()}"
    proc = subprocess.run(
        [str(IN_NETNS), "bash", "-c", f"exec -a {marker} sleep 60 & disown; echo started"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert proc.returncode == 0 and "started" in proc.stdout, proc.stderr
    deadline = time.monotonic() + 3  # the kernel's SIGKILLs land asynchronously
    while True:
        left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
        if left.stdout == "" or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert left.stdout == "", f"processes outlived the namespace: {left.stdout}"


def test_in_netns_without_command_is_a_usage_error() -> None:
    proc = subprocess.run([str(IN_NETNS)], capture_output=True, text=True, timeout=10)
    assert proc.returncode == 2 and "usage" in proc.stderr


@pytest.mark.parametrize("argv", [[], ["install"]])
def test_setup_rejects_unknown_modes(argv: list[str]) -> None:
    proc = subprocess.run([str(SETUP), *argv], capture_output=True, text=True, timeout=10)
    assert proc.returncode == 2
    assert "usage:" in proc.stderr and "run" in proc.stderr and "test" in proc.stderr


def test_scripts_parse_and_ci_runs_the_readme_test_command() -> None:
    for script in (SETUP, IN_NETNS, ROOT / "scripts" / "build-pyinstaller.sh", ROOT / ".ci/run"):
        assert os.access(script, os.X_OK), f"{script} is not executable"
        check = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec ./scripts/setup.sh test" in ci
