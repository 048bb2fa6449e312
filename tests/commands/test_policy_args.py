"""Server-policy and I2P-port flags: what they give, and one-line errors naming the flag."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from i2ptunnel_gui.commands.client_kinds import add_client_arguments
from i2ptunnel_gui.commands.policy_args import (
    add_dest_port_argument,
    add_server_arguments,
    client_fields,
    server_fields,
    server_kind,
)
from i2ptunnel_gui.core.addresses import SpecError
from i2ptunnel_gui.core.policy.access import AccessMode
from i2ptunnel_gui.core.policy.conn_limits import ConnLimits
from i2ptunnel_gui.core.policy.post_limits import PostLimits
from i2ptunnel_gui.core.spec import TunnelKind

B32 = "testvjtq2sfj5a6m7dwecpuxwbpwglgrma4i2iisxg2g5bnogm5a.b32.i2p"


class RefusedError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise RefusedError(message)


def server(*argv: str) -> argparse.Namespace:
    p = Parser()
    add_server_arguments(p)
    return p.parse_args(argv)


def test_http_server_with_allow_list_limits_and_posts() -> None:
    args = server(
        "--type",
        "http",
        "--allow",
        B32,
        "--allow",
        "friend.i2p",
        "--max-per-minute",
        "3",
        "--max-total-per-day",
        "100",
        "--port",
        "80",
        "--host-override",
        "site.i2p",
        "--max-posts",
        "5",
        "--post-window",
        "60",
    )
    assert server_kind(args) is TunnelKind.HTTP_SERVER
    assert server_fields(args) == {
        "access_mode": AccessMode.ALLOW,
        "access_list": (B32, "friend.i2p"),
        "conn_limits": ConnLimits(client_per_minute=3, total_per_day=100),
        "i2p_port": 80,
        "host_override": "site.i2p",
        "post_limits": PostLimits(max_per_client=5, window=60),
    }


def test_plain_server_defaults_give_an_open_tunnel() -> None:
    args = server()
    assert server_kind(args) is TunnelKind.SERVER
    assert server_fields(args) == {"conn_limits": ConnLimits(), "i2p_port": 0}


def test_access_file_joins_the_deny_list_with_lines_checked(tmp_path: Path) -> None:
    f = tmp_path / "deny.txt"
    f.write_text(f"# foes\n{B32}\n\nfoe.i2p\n", encoding="utf-8")
    fields = server_fields(server("--deny", "x.i2p", "--access-file", str(f)))
    assert fields["access_mode"] is AccessMode.DENY
    assert fields["access_list"] == ("x.i2p", B32, "foe.i2p")
    f.write_text(f"{B32}\nnot a dest\n", encoding="utf-8")
    with pytest.raises(SpecError, match=rf"--access-file {f}: line 2: 'not'"):
        server_fields(server("--access-file", str(f)))
    with pytest.raises(SpecError, match="cannot read"):
        server_fields(server("--access-file", str(tmp_path / "missing")))


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("--allow", B32, "--deny", "foe.i2p"), "--allow and --deny together"),
        (("--allow", "nonsense"), "--allow nonsense: "),
        (("--host-override", "a.i2p"), "--host-override: only with --type http"),
        (("--max-posts", "3"), "--max-posts: only with --type http"),
    ],
)
def test_flags_that_do_not_fit_are_named(argv: tuple[str, ...], words: str) -> None:
    with pytest.raises(SpecError) as info:
        server_fields(server(*argv))
    assert words in info.value.message and "\n" not in info.value.message


@pytest.mark.parametrize(
    "argv",
    [("--port", "0"), ("--port", "70000"), ("--max-per-minute", "-1"), ("--type", "udp")],
)
def test_bad_values_are_refused_by_the_parser(argv: tuple[str, ...]) -> None:
    with pytest.raises(RefusedError):
        server(*argv)


def test_client_dest_port() -> None:
    p = Parser()
    add_client_arguments(p)
    add_dest_port_argument(p)
    assert client_fields(p.parse_args(["--dest-port", "8080"])) == {"i2p_port": 8080}
    assert client_fields(p.parse_args([])) == {"i2p_port": 0}
    assert client_fields(p.parse_args(["--type", "socks"])) == {"i2p_port": 0}
    for kind in ("http-proxy", "socks", "irc"):  # they name their peers themselves
        with pytest.raises(SpecError, match=f"--dest-port is for --type client, not {kind}"):
            client_fields(p.parse_args(["--type", kind, "--dest-port", "80"]))


@pytest.mark.parametrize("value", ["٨٠", "８０", "²"])
def test_i2p_port_and_limits_take_ascii_digits_only(value: str) -> None:
    with pytest.raises(RefusedError):
        server("--port", value)
    with pytest.raises(RefusedError):
        server("--max-per-minute", value)
