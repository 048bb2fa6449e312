"""Generated hostile input for the sans-I/O SAM layer (CI profile of bench/fuzz_sam.py).

Replies, peer lines and key material may only raise the typed errors; every command a
builder produces is one line i2pd reads as exactly the parameters meant. The bench run
does >= 100 000 cases; this profile does a few thousand in a few seconds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))

import fuzz_sam

from i2ptunnel_gui.core.sam import protocol
from i2ptunnel_gui.core.sam.connection import parse_peer_line
from i2ptunnel_gui.core.sam.errors import SamProtocolError

CI_CASES = {"replies": 1500, "peers": 1000, "keys": 1000, "commands": 1500}


@pytest.mark.parametrize("name", sorted(CI_CASES))
def test_generated_input_gives_only_typed_errors(name: str) -> None:
    slowest = fuzz_sam.Slowest()
    fn, strategies = fuzz_sam.targets(slowest)[name]
    ran = fuzz_sam.run_target(fn, strategies, CI_CASES[name], run_seed=14)
    assert ran == CI_CASES[name]
    assert slowest.seconds < 0.5  # no input makes one case slow (lines are capped)


# the cases the issue measured, kept as plain regressions
BAD_KEY = "AAAA=AAA"


@pytest.mark.parametrize(
    "line",
    [
        f"SESSION STATUS RESULT=OK DESTINATION={BAD_KEY}".encode(),
        f"NAMING REPLY RESULT=OK NAME=x.i2p VALUE={BAD_KEY}".encode(),
        f"DEST REPLY PUB={BAD_KEY} PRIV={BAD_KEY}".encode(),
        b"HELLO REPLY RESULT=OK VERSION=\xd9\xa3.\xd9\xa1",
    ],
)
def test_issue_replies_are_consumed_without_leaks(line: bytes) -> None:
    fuzz_sam.check_reply(line, [3, 7])


@pytest.mark.parametrize(
    "line", [BAD_KEY.encode(), b"=" * 8, fuzz_sam.KEY.destination.b64[:-4].encode() + b"A=AA"]
)
def test_bad_peer_line_is_a_protocol_error(line: bytes) -> None:
    with pytest.raises(SamProtocolError, match="bad peer line after ACCEPT"):
        parse_peer_line(line + b" FROM_PORT=0 TO_PORT=0", "127.0.0.1:7656")


def test_good_peer_line_still_parses() -> None:
    dest = fuzz_sam.KEY.destination
    assert parse_peer_line(dest.b64.encode() + b" FROM_PORT=0 TO_PORT=0", "w") == dest
    assert protocol.parse_reply(b"STREAM STATUS RESULT=OK").ok
