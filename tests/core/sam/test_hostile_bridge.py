"""A hostile SAM bridge: every misbehaviour is a clear typed error in bounded time,
and a server tunnel keeps serving the next good stream after a bad one.

Client level: SamSession.create / naming / DEST GENERATE against tests/fake_sam.py with
one-shot `misbehave` faults. Tunnel level: a server tunnel started through
`Engine.start_tunnel`, its accepting socket fed garbage, and then a client tunnel's
stream must still get through.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from fake_router import FAST_BACKOFF, FakeRouter
from fake_sam import FakeSam
from i2p_helpers import client_spec, round_trip, server_spec, start
from misbehave import PEER_LINE, Misbehave
from nethelpers import LoopbackServer, local_port, status
from sam_helpers import FAST

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.sam import errors
from i2ptunnel_gui.core.sam.client import SamSession
from i2ptunnel_gui.core.sam.connection import dest_generate, naming_lookup
from i2ptunnel_gui.core.sam.protocol import MAX_LINE
from i2ptunnel_gui.core.spec import KeyMode
from i2ptunnel_gui.core.status import TunnelState

BAD_B64 = b"AAAA=AAA"  # every character allowed, '=' in the middle
TEN_MB = b"A" * (10 * 1024 * 1024)  # no newline
GOOD_STATUS_OK = b"SESSION STATUS RESULT=OK DESTINATION=" + b"A" * 880 + b"\n"


@pytest.fixture
async def sam() -> AsyncIterator[FakeSam]:
    async with FakeSam() as fake:
        yield fake


# (command, fault, error class, message part, upper bound in seconds)
CREATE_FAULTS = [
    ("HELLO VERSION", Misbehave(b"\x89PNG\r\n\x1a\n"), errors.SamProtocolError, "not UTF-8", 1),
    ("HELLO VERSION", Misbehave(b"garbage garbage\n"), errors.SamProtocolError, "not a SAM", 1),
    ("HELLO VERSION", Misbehave(TEN_MB), errors.SamProtocolError, f"longer than {MAX_LINE}", 2),
    (
        "HELLO VERSION",
        Misbehave(b"HELLO REPLY RESULT=OK\x00 VERSION=3.1\n"),
        errors.SamProtocolError,
        "control characters",
        1,
    ),
    (
        "HELLO VERSION",
        Misbehave(b"HELLO REPLY RESULT=OK VERSION=9.9\n"),
        errors.SamProtocolError,
        "unsupported version 9.9",
        1,
    ),
    (
        "HELLO VERSION",
        Misbehave("HELLO REPLY RESULT=OK VERSION=٣.١\n".encode()),
        errors.SamProtocolError,
        "invalid VERSION",
        1,
    ),
    ("HELLO VERSION", Misbehave(), errors.SamConnectionClosed, "closed the connection", 1),
    ("HELLO VERSION", Misbehave(after="hang"), errors.SamTimeout, "no answer to HELLO", 2.5),
    (
        "SESSION CREATE",
        Misbehave(GOOD_STATUS_OK, drip=0.01),  # ~9 s to finish: past the 2 s deadline
        errors.SamTimeout,
        "no answer to SESSION CREATE within 2 s",
        3.5,
    ),
    ("SESSION CREATE", Misbehave(after="hang"), errors.SamTimeout, "SESSION CREATE", 3.5),
    ("SESSION CREATE", Misbehave(), errors.SamConnectionClosed, "SESSION CREATE", 1),
    (
        "SESSION CREATE",
        Misbehave(b"SESSION STATUS RESULT=OK DESTINATION=" + BAD_B64 + b"\n"),
        errors.SamProtocolError,
        "'=' may only pad its end",
        1,
    ),
    (
        "SESSION CREATE",
        Misbehave(b"SESSION STATUS RESULT=OK DESTINATION=" + TEN_MB),
        errors.SamProtocolError,
        "longer than",
        2,
    ),
    (
        "SESSION CREATE",
        Misbehave(b'SESSION STATUS RESULT=I2P_ERROR MESSAGE="no \\"way\\""\n'),
        errors.SamRouterError,
        'router error (no "way")',
        1,
    ),
]


@pytest.mark.parametrize(
    ("cmd", "fault", "error", "text", "bound"),
    CREATE_FAULTS,
    ids=[f"{c}-{i}" for i, (c, *_) in enumerate(CREATE_FAULTS)],
)
async def test_session_create_against_a_hostile_bridge(
    sam: FakeSam, cmd: str, fault: Misbehave, error: type[Exception], text: str, bound: float
) -> None:
    sam.misbehave[cmd] = [fault]
    t0 = time.monotonic()
    with pytest.raises(error) as info:
        await SamSession.create(sam.address, timeouts=FAST)
    elapsed = time.monotonic() - t0
    assert text in str(info.value)
    assert sam.address in str(info.value)  # says which bridge misbehaved
    assert elapsed < bound, f"{elapsed:.2f} s"
    # the fault was one-shot and nothing is left open: the next create works
    async with await SamSession.create(sam.address, timeouts=FAST) as good:
        assert good.b32.endswith(".b32.i2p")


async def test_naming_and_dest_generate_bad_keys_are_protocol_errors(sam: FakeSam) -> None:
    sam.misbehave["NAMING LOOKUP"] = [
        Misbehave(b"NAMING REPLY RESULT=OK NAME=a.i2p VALUE=" + BAD_B64 + b"\n")
    ]
    with pytest.raises(errors.SamProtocolError, match=r"no usable VALUE.*may only pad its end"):
        await naming_lookup(sam.address, "a.i2p", timeouts=FAST)
    sam.misbehave["DEST GENERATE"] = [
        Misbehave(b"DEST REPLY PUB=" + BAD_B64 + b" PRIV=" + BAD_B64 + b"\n")
    ]
    with pytest.raises(errors.SamProtocolError, match=r"unusable PRIV.*may only pad its end"):
        await dest_generate(sam.address, timeouts=FAST)


# ---------------------------------------------------------------- server tunnel


@pytest.fixture
def engine(fake: FakeRouter) -> Iterator[Engine]:
    # a begun peer line gets half a second (the "stall mid-line" case waits it out)
    timeouts = dataclasses.replace(FAST, line_finish=0.5)
    eng = Engine(sam_address=fake.address, sam_timeouts=timeouts, backoff=FAST_BACKOFF)
    eng.start()
    yield eng
    eng.shutdown(5)


PEER_FAULTS = {  # what the accepting socket gets, and what the log must say
    "bad base64": (Misbehave(BAD_B64 + b" FROM_PORT=0 TO_PORT=0\n"), "may only pad its end"),
    "garbage": (Misbehave(b"\x00\xff garbage\n"), "bad peer line after ACCEPT"),
    "NUL bytes": (Misbehave(b"\x00" * 600 + b"\n"), "bad peer line after ACCEPT"),
    "10 MB line": (Misbehave(TEN_MB), f"longer than {MAX_LINE} bytes"),
    "early close": (Misbehave(), "closed the connection"),
    "second status": (
        Misbehave(b"STREAM STATUS RESULT=I2P_ERROR MESSAGE=stopping\n"),
        "router error (stopping)",
    ),
    "slow drip": (Misbehave(b"A" * 30 + b"=" + b"A" * 29 + b"\n", drip=0.005), "pad its end"),
    # a peer may take for ever to come, but a begun line must end (SamTimeouts.line_finish)
    "stall mid-line": (Misbehave(b"AAAA", after="hang"), "the rest of a begun line within 0.5 s"),
}


@pytest.mark.parametrize(("fault", "text"), PEER_FAULTS.values(), ids=PEER_FAULTS.keys())
def test_server_tunnel_serves_the_next_stream_after_a_bad_peer_line(
    engine: Engine,
    fake: FakeRouter,
    echo_server: LoopbackServer,
    fault: Misbehave,
    text: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # the first accepted stream gets the fault, then the router behaves again
    fake.call(lambda: fake.sam.misbehave.setdefault(PEER_LINE, []).append(fault))
    caplog.set_level(logging.INFO, logger="i2ptunnel_gui.core.i2p")
    srv = start(engine, server_spec(echo_server.port, key_mode=KeyMode.TRANSIENT))
    cli = start(engine, client_spec(srv.i2p_address))
    t0 = time.monotonic()
    assert round_trip(local_port(cli), b"good stream") == b"good stream"
    assert time.monotonic() - t0 < 5
    assert fake.call(lambda: fake.sam.misbehave[PEER_LINE]) == []  # the fault was used
    assert status(engine, srv.id).state is TunnelState.RUNNING
    failed = [r.getMessage() for r in caplog.records if "accept failed" in r.getMessage()]
    assert len(failed) == 1 and text in failed[0], failed
