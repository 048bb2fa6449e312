"""The command line surface: argument errors are one line and exit 2."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.commands.cli import build_parser


def parse(*argv: str):
    return build_parser().parse_args(list(argv))


def test_forward_defaults() -> None:
    a = parse("forward", "--listen", "127.0.0.1:1", "--target", "127.0.0.1:2")
    assert a.command == "forward" and a.nconnect == -1 and a.timeout is None
    assert a.idle_timeout == 600.0 and a.half_close_timeout == 30.0


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["forward", "--listen", "127.0.0.1:1"], "--target"),
        (["forward", "--listen", "a:1", "--target", "b:2", "--nconnect", "0"], "at least 1"),
        (["forward", "--listen", "a:1", "--target", "b:2", "--timeout", "-3"], "out of range"),
        (["forward", "--listen", "a:1", "--target", "b:2", "--idle-timeout", "x"], "not a number"),
        (["server", "--target", "a:1", "--option", "novalue"], "KEY=VALUE"),
        (["export", "--format", "yaml"], "invalid choice"),
    ],
)
def test_bad_arguments_give_one_line(capsys, argv: list[str], words: str) -> None:
    with pytest.raises(SystemExit) as e:
        parse(*argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert words in err
    assert len(err.strip().splitlines()) == 1, err


def test_i2p_options_collect() -> None:
    a = parse("client", "--listen", "127.0.0.1:1", "--dest", "x.i2p",
              "--option", "inbound.length=1", "--option", "outbound.length=2")
    assert a.option == [("inbound.length", "1"), ("outbound.length", "2")]
    assert a.sam == "127.0.0.1:7656"


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e-9", "0", "1e12"])
@pytest.mark.parametrize("flag", ["--timeout", "--idle-timeout", "--half-close-timeout",
                                  "--connect-timeout"])
def test_timeouts_must_be_finite_and_sensible(capsys, flag: str, value: str) -> None:
    with pytest.raises(SystemExit) as e:
        parse("forward", "--listen", "127.0.0.1:1", "--target", "127.0.0.1:2", f"{flag}={value}")
    assert e.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert flag in err and "from 0.1 to 31536000" in err, err


def test_timeout_bounds_themselves_are_accepted() -> None:
    a = parse("forward", "--listen", "127.0.0.1:1", "--target", "127.0.0.1:2",
              "--timeout", "0.1", "--idle-timeout", "31536000")
    assert (a.timeout, a.idle_timeout) == (0.1, 31536000.0)


@pytest.mark.parametrize("key", ["DESTINATION", "destination", "ID", "STYLE", "SIGNATURE_TYPE"])
def test_reserved_sam_keys_are_refused_as_options(capsys, key: str) -> None:
    with pytest.raises(SystemExit) as e:
        parse("server", "--target", "127.0.0.1:2", "--option", f"{key}=TRANSIENT")
    assert e.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"option {key} is a SAM parameter" in err, err
