"""Port numbers in HOST:PORT text: ASCII digits only, clear errors, no leaks."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.addresses import SpecError, ascii_number, parse_hostport, port_from_text
from i2ptunnel_gui.core.proxy.http_proxy_head import ProxyHeadError, split_authority


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


@pytest.mark.parametrize("text", ["٨٠", "８０", "²", "", "-1", "1" * 5000, "0", "65536"])
def test_port_from_text_takes_ascii_ports_only(text: str) -> None:
    assert port_from_text(text) is None


def test_port_from_text_and_ascii_number_read_plain_digits() -> None:
    assert port_from_text(" 8080 ") == 8080
    assert port_from_text("0", allow_zero=True) == 0
    assert ascii_number("123456789") == 123456789
    assert ascii_number("1234567890") is None  # longer than the default 9 digits
    assert ascii_number("٣") is None and ascii_number("²") is None


@pytest.mark.parametrize("authority", ["site.i2p:٨٠", "site.i2p:²", "site.i2p:" + "9" * 5000])
def test_http_proxy_refuses_a_port_that_is_not_ascii_digits(authority: str) -> None:
    with pytest.raises(ProxyHeadError) as err:  # not a ValueError out of int()
        split_authority(authority, default_port=80)
    assert err.value.status == 400
