"""The command line surface: argument errors are one line and exit 2."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.commands.cli import build_parser


def parse(*argv: str):
    return build_parser().parse_args(list(argv))


def test_forward_defaults() -> None:
    a = parse("forward", "--listen", "127.0.0.1:1", "--target", "127.0.0.1:2")
    assert a.command == "forward" and a.nconnect == -1 and a.timeout is None
    assert a.idle_timeout == 600.0


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["forward", "--listen", "127.0.0.1:1"], "--target"),
        (["forward", "--listen", "a:1", "--target", "b:2", "--nconnect", "0"], "at least 1"),
        (["forward", "--listen", "a:1", "--target", "b:2", "--timeout", "-3"], "more than 0"),
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
