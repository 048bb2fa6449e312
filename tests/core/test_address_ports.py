"""Port numbers in HOST:PORT text: ASCII digits only, clear errors, no leaks."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.addresses import SpecError, parse_hostport


@pytest.mark.parametrize(
    "text",
    [
        "127.0.0.1:٨٠٨١",  # Arabic-Indic: int() reads it as 8081
        "127.0.0.1:８０８１",  # fullwidth
        "127.0.0.1:۸۰۸۱",  # extended Arabic-Indic
        "127.0.0.1:8０81",
        "[::1]:٨٠",
    ],
)
def test_non_ascii_digits_are_not_a_port(text: str) -> None:
    with pytest.raises(SpecError, match="is not a number \\(digits 0-9 only\\)"):
        parse_hostport(text)


@pytest.mark.parametrize("port", ["9" * 5000, "65536", "000000080", "-1", "+80", " 80"])
def test_out_of_range_and_signed_ports_are_refused(port: str) -> None:
    with pytest.raises(SpecError, match="port"):
        parse_hostport(f"127.0.0.1:{port}")


def test_ascii_ports_still_parse() -> None:
    assert parse_hostport("127.0.0.1:08081") == ("127.0.0.1", 8081)
    assert parse_hostport("[::1]:65535") == ("::1", 65535)
    assert parse_hostport("0", default_host="127.0.0.1", allow_any_port=True) == ("127.0.0.1", 0)
