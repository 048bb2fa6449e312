#!/usr/bin/env python3
"""Fuzz the sans-I/O SAM layer: generated bridge replies, peer lines, keys and commands.

    python bench/fuzz_sam.py                  # 100 000 cases (about 25 % per target)
    python bench/fuzz_sam.py --cases 400000 --seed 7

Properties, checked case by case (tests/core/sam/test_fuzz.py runs the same targets
with a CI profile of a few thousand cases):
  replies   any bytes a bridge may send, framed in random chunks, parsed and consumed as
            the client consumes them (verb pair + RESULT, VERSION, DESTINATION/PRIV/VALUE
            keys): only SamError (typed protocol/router errors) or, from the key
            parsers the client wraps, KeyFormatError
  peers     the first line of an accepted stream: only SamError
  keys      base64/base32/binary key material: only KeyFormatError
  commands  every builder with generated values: SamInputError, or exactly one line
            under MAX_COMMAND whose space-split tokens (how i2pd 2.45 reads it, quotes
            ignored) carry exactly the parameters the builder meant
Reports cases, wall time, the slowest single case and peak RSS; exits 1 on a failure.
Needs `hypothesis` (the test extra).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from procstat import rss_kib

from i2ptunnel_gui.core.sam import keys, options, protocol
from i2ptunnel_gui.core.sam.connection import parse_peer_line
from i2ptunnel_gui.core.sam.errors import (
    RESULT_ERRORS,
    KeyFormatError,
    SamError,
    SamInputError,
)

CHUNK_CASES = 5000  # generated cases per hypothesis run

# ---------------------------------------------------------------- material

_rng = random.Random(14)  # fixed: the mutated keys are the same every run


def _real_key() -> keys.PrivateKey:
    dest = keys.build_destination(_rng.randbytes(256), _rng.randbytes(32), sig_type=7)
    return keys.build_private_key(dest, _rng.randbytes(256), _rng.randbytes(31) + b"\x01")


KEY = _real_key()
REAL_B64 = (KEY.b64, KEY.destination.b64, keys.b64encode(KEY.raw[:-1]))
B64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-~"
PAIRS = [" ".join(p) for p in sorted(protocol._STATUS_PAIRS)]
ARG_KEYS = ["RESULT", "MESSAGE", "VERSION", "DESTINATION", "VALUE", "PUB", "PRIV", "NAME"]

# every code point, surrogates included (argv with bad UTF-8 arrives as surrogates)
any_text = st.text(st.characters(blacklist_categories=()), max_size=40)
b64ish = st.text(st.sampled_from(B64_CHARS + "="), max_size=48)


@st.composite
def mutated_key(draw: st.DrawFn) -> str:
    """A real key or destination with one edit: '=' inside, a cut, a foreign character."""
    text = draw(st.sampled_from(REAL_B64))
    at = draw(st.integers(0, len(text)))
    edit = draw(st.sampled_from(["eq", "cut", "char", "pad", "keep"]))
    if edit == "eq":
        return text[:at] + "=" + text[at + 1 :]
    if edit == "cut":
        return text[:at]
    if edit == "char":
        return text[:at] + draw(st.characters(blacklist_categories=())) + text[at + 1 :]
    if edit == "pad":
        return text + "=" * draw(st.integers(1, 3))
    return text


values = st.one_of(
    b64ish,
    mutated_key(),
    any_text,
    st.sampled_from(["3.1", "3.3", "٣.١", "３.１", "3.", "99999.1", "OK", "TRANSIENT", ""]),
)


def _quote(value: str, style: int) -> str:
    if style == 0:
        return value
    if style == 1:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return '"' + value  # unbalanced


@st.composite
def reply_lines(draw: st.DrawFn) -> bytes:
    """A bridge line: mostly reply-shaped with hostile values, sometimes raw bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200))
    head = draw(st.sampled_from([*PAIRS, "PING", "PONG", "HELLO", "X Y", "hello reply", ""]))
    if head == "PING" and draw(st.booleans()):
        head += " " + "p" * draw(st.integers(1000, 5000))  # PONG echoes it: over the cap?
    parts = [head]
    for _ in range(draw(st.integers(0, 5))):
        key = draw(st.sampled_from(ARG_KEYS) | st.text(st.sampled_from("AZaz_=:. "), max_size=5))
        results = st.sampled_from([*RESULT_ERRORS, "OK", "BOGUS"])
        value = draw(results if key == "RESULT" else values)
        parts.append(f"{key}={_quote(value, draw(st.integers(0, 2)))}")
    sep = draw(st.sampled_from([" ", "  ", "\t", " \t"]))
    text = sep.join(parts)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\x00", b"\xff", b"\r", b"\xc3"])) + data[at:]
    return data


# ---------------------------------------------------------------- targets


def _typed(allowed: tuple[type[BaseException], ...], fn: Callable[..., Any], *args: Any) -> Any:
    """Call fn; an allowed (typed) error is an answer, anything else propagates."""
    try:
        return fn(*args)
    except allowed:
        return None


def _expect(reply: protocol.SamReply, pair: tuple[str, str]) -> None:
    protocol.expect_reply(reply, pair, context="fuzz")


def check_reply(line: bytes, cuts: list[int]) -> None:
    """Frame `line` (+ newline) in the given chunks, then parse and consume it."""
    framer = protocol.LineFramer()
    data = line + b"\n"
    got: list[bytes] = []
    try:
        start = 0
        for end in [*sorted(c % (len(data) + 1) for c in cuts), len(data)]:
            framer.feed(data[start:end])
            start = max(start, end)
            while (one := framer.next_line()) is not None:
                got.append(one)
    except SamError:
        return
    for one in got:
        reply = _typed((SamError,), protocol.parse_reply, one)
        _typed((SamError,), parse_peer_line, one, "fuzz")
        protocol.redact(one)
        if reply is None:
            continue
        if reply.verb == "PING":  # the control channel answers it: must always be sendable
            protocol.build_pong(reply.text)
        for pair in protocol._STATUS_PAIRS:
            _typed((SamError,), _expect, reply, pair)
        _typed((SamError,), protocol.version_tuple, reply.args.get("VERSION", "3.1"))
        for key in ("DESTINATION", "PRIV"):
            _typed((KeyFormatError,), keys.parse_private_key, reply.args.get(key, ""))
        for key in ("VALUE", "PUB"):
            _typed((KeyFormatError,), keys.parse_destination, reply.args.get(key, ""))


def check_peer_line(line: bytes) -> None:
    _typed((SamError,), parse_peer_line, line, "fuzz")


def check_key(text: str, raw: bytes) -> None:
    ok = (KeyFormatError,)
    for fn in (keys.parse_destination, keys.parse_private_key, keys.b32_address):
        _typed(ok, fn, text)
        _typed(ok, fn, raw)
    _typed(ok, keys.b64decode, text)
    _typed(ok, keys.b32decode, text)


def _i2pd_view(line: bytes) -> dict[str, str]:
    """Parameters as i2pd 2.45 sees them: split on spaces, quotes not special."""
    assert line.endswith(b"\n") and line.count(b"\n") == 1, line
    assert b"\r" not in line and b"\x00" not in line, line
    assert len(line) <= protocol.MAX_COMMAND, len(line)
    tokens = line[:-1].decode("utf-8").split(" ")
    assert all(tokens), line  # no empty token: no double or trailing space
    params: dict[str, str] = {}
    for tok in tokens[2:]:
        key, eq, value = tok.partition("=")
        assert eq and key not in params, (tok, line)
        params[key] = value
    return params


def check_commands(nick: str, dest: str, opts: dict[str, str], cred: str, text: str) -> None:
    def expect(build: Callable[[], bytes], want: dict[str, str | None]) -> None:
        try:
            line = build()
        except SamInputError:
            return
        got = _i2pd_view(line)
        assert set(got) == set(want), (got, want)
        for k, v in want.items():
            assert v is None or got[k] == v, (k, got[k], v)

    sam_keys = {"STYLE": "STREAM", "ID": nick, "DESTINATION": dest}
    expect(
        lambda: protocol.build_session_create(nick, dest, options=opts),
        {**sam_keys, **opts},
    )
    expect(
        lambda: protocol.build_session_create(nick, None, signature_type=text, options=opts),
        {**sam_keys, "DESTINATION": "TRANSIENT", "SIGNATURE_TYPE": text, **opts},
    )
    expect(
        lambda: protocol.build_stream_connect(nick, dest),
        {"ID": nick, "DESTINATION": dest, "SILENT": "false"},
    )
    expect(lambda: protocol.build_stream_accept(nick), {"ID": nick, "SILENT": "false"})
    expect(lambda: protocol.build_naming_lookup(dest), {"NAME": dest})
    expect(lambda: protocol.build_dest_generate(text), {"SIGNATURE_TYPE": text})
    expect(
        lambda: protocol.build_hello("3.2", "3.3", cred, text),
        {"MIN": "3.2", "MAX": "3.3", "USER": cred, "PASSWORD": text},
    )
    for build_echo in (protocol.build_ping, protocol.build_pong):
        try:
            line = build_echo(text)
        except SamInputError:
            continue
        assert line.count(b"\n") == 1 and line.endswith(b"\n") and b"\r" not in line, line
    # the up-front check agrees with option_problem, one option at a time
    problems = [why for k, v in opts.items() if (why := options.option_problem(k, v))]
    try:
        options.check_session_options(opts)
    except SamInputError as e:
        assert problems and str(e) == problems[0], (e, problems)
    else:
        assert not problems, problems


@st.composite
def peer_lines(draw: st.DrawFn) -> bytes:
    """`<peer destination>[ FROM_PORT=n TO_PORT=n]`, the destination mutated."""
    tail = draw(st.sampled_from([b"", b" FROM_PORT=0 TO_PORT=0", b"\t", b" \xff", b"\x00"]))
    return draw(mutated_key()).encode("utf-8", "surrogatepass") + tail


option_keys = st.one_of(
    st.text(st.sampled_from("abcdefgIJK.:_-"), min_size=1, max_size=12),
    st.sampled_from(["DESTINATION", "destination", "ID", "STYLE", "inbound.length", "a b"]),
    any_text,
)
option_values = st.one_of(
    st.text(st.sampled_from("abc019,.=-~ü"), min_size=1, max_size=12),
    st.text(st.sampled_from("ab c"), max_size=3000),
    any_text,
)
NICKS = st.one_of(st.text(st.sampled_from("ab-_.~+"), min_size=1, max_size=8), any_text)
DESTS = st.one_of(mutated_key(), b64ish, any_text, st.just("host.i2p"))
OPTIONS = st.dictionaries(option_keys, option_values, max_size=4)


# ---------------------------------------------------------------- running


class Slowest:
    """The longest single case seen (a per-case bound on time)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def timed(self, fn: Callable[..., None]) -> Callable[..., None]:
        def run(*args: Any) -> None:
            t0 = time.perf_counter()
            try:
                fn(*args)
            finally:
                self.seconds = max(self.seconds, time.perf_counter() - t0)

        return run


def targets(slowest: Slowest) -> dict[str, tuple[Callable[..., None], tuple[Any, ...]]]:
    """Each target with its strategies; test_fuzz.py wraps them the same way."""
    return {
        "replies": (
            slowest.timed(check_reply),
            (reply_lines(), st.lists(st.integers(0, 10_000), max_size=4)),
        ),
        "peers": (slowest.timed(check_peer_line), (st.one_of(reply_lines(), peer_lines()),)),
        "keys": (
            slowest.timed(check_key),
            (st.one_of(mutated_key(), b64ish, any_text), st.binary(max_size=1200)),
        ),
        "commands": (
            slowest.timed(check_commands),
            (NICKS, DESTS, OPTIONS, st.one_of(NICKS, values), st.one_of(values, any_text)),
        ),
    }


def run_target(
    fn: Callable[..., None], strategies: tuple[Any, ...], cases: int, run_seed: int
) -> int:
    """Run `cases` generated examples of one target; returns how many ran."""
    count = 0

    @settings(
        max_examples=cases,
        database=None,
        deadline=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @seed(run_seed)
    @given(st.tuples(*strategies))
    def case(args: tuple[Any, ...]) -> None:
        nonlocal count
        count += 1
        fn(*args)

    case()
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100_000, help="total generated cases")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args(argv)
    slowest = Slowest()
    all_targets = targets(slowest)
    per = max(1, args.cases // len(all_targets))
    t0 = time.perf_counter()
    total = 0
    rss: list[int] = []  # after each chunk: flat means the SAM layer keeps nothing
    for name, (fn, strategies) in all_targets.items():
        t1 = time.perf_counter()
        n = 0
        # chunks with their own seeds: hypothesis's own bookkeeping is freed between
        # them, so RSS growth across chunks would be ours
        for i, size in enumerate(_chunks(per, CHUNK_CASES)):
            try:
                n += run_target(fn, strategies, size, args.seed * 1000 + i)
            except Exception as e:  # hypothesis re-raises the shrunk failing case
                print(f"FAIL {name}: {type(e).__name__}: {e}", file=sys.stderr)
                return 1
            gc.collect()
            rss.append(rss_kib(os.getpid()))
        total += n
        print(f"{name:9} {n:7d} cases  {time.perf_counter() - t1:6.1f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"total     {total:7d} cases  {time.perf_counter() - t0:6.1f} s; slowest case "
        f"{slowest.seconds * 1000:.1f} ms; RSS after first chunk {rss[0] / 1024:.0f} MiB, "
        f"at end {rss[-1] / 1024:.0f} MiB, peak {peak / 1024:.0f} MiB; no untyped exception"
    )
    return 0


def _chunks(total: int, size: int) -> list[int]:
    return [min(size, total - start) for start in range(0, total, size)]


if __name__ == "__main__":
    sys.exit(main())
