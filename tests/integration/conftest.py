"""The real-router suite: one offline i2pd for the whole run (tests/integration/).

The test command runs pytest inside `scripts/in-netns.sh` (a network namespace with
nothing but `lo`); outside such a namespace the `i2pd` fixture FAILS with a one-line
reason instead of starting a router that would reseed and dial public peers.
SESSION CREATE takes ~20 s on i2pd 2.45.1 (docs/I2PD.md §4): tests create their sessions
in parallel and modules share them. Every SAM socket is closed (engines shut down)
before the router is stopped, or 2.45.1 deadlocks on SIGTERM.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator

import pytest
from i2pd_router import I2pdRouter, RouterError, check_isolated


@pytest.fixture(scope="session")
def i2pd() -> Iterator[I2pdRouter]:
    problem = _isolation_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
    with tempfile.TemporaryDirectory(prefix="i2pd-test-") as workdir:
        router = I2pdRouter(workdir)
        problem = _start_problem(router)
        if problem:
            pytest.fail(f"i2pd did not start: {problem}", pytrace=False)
        try:
            yield router
        finally:
            router.stop()
            if router.needed_sigkill:  # a SAM socket was left open by some test
                print("\ni2pd ignored SIGTERM (a SAM socket was still open): SIGKILLed")


def _isolation_problem() -> str:
    try:
        check_isolated()
    except RouterError as e:
        return str(e)
    return ""


def _start_problem(router: I2pdRouter) -> str:
    try:
        router.start()
    except RouterError as e:
        return str(e)
    return ""
