"""TunnelSpec: validation messages, plain-data round trip, address parsing."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.addresses import (
    SpecError,
    check_destination,
    is_loopback_host,
    parse_hostport,
)
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate

B32 = "testvjtq2sfj5a6m7dwecpuxwbpwglgrma4i2iisxg2g5bnogm5a.b32.i2p"


def fields(spec: TunnelSpec) -> dict[str, str]:
    return {e.field: e.message for e in validate(spec)}


def fwd(**kw: object) -> TunnelSpec:
    base: dict[str, object] = dict(
        name="web", kind=TunnelKind.FORWARD, listen_port=8080, target_port=80
    )
    base.update(kw)
    return TunnelSpec(**base)  # type: ignore[arg-type]


def test_valid_specs_of_every_kind_have_no_errors() -> None:
    assert validate(fwd()) == []
    assert validate(TunnelSpec(name="s", kind=TunnelKind.SERVER, target_port=22)) == []
    assert validate(
        TunnelSpec(name="c", kind=TunnelKind.CLIENT, listen_port=2222, destination=B32)
    ) == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "empty"),
        ({"name": "a\nb"}, "name", "one line"),
        ({"listen_port": 0}, "listen_port", "1 to 65535"),
        ({"listen_port": 70000}, "listen_port", "1 to 65535"),
        ({"target_port": -1}, "target_port", "1 to 65535"),
        ({"target_host": "bad host"}, "target_host", "spaces"),
        ({"target_host": "-x-.example"}, "target_host", "not a valid host"),
        ({"listen_host": "0.0.0.0"}, "listen_host", "not a loopback"),
        ({"nconnect": 0}, "nconnect", "-1"),
        ({"nconnect": -5}, "nconnect", "-1"),
        ({"lifetime": 0.0}, "lifetime", "more than 0"),
        ({"idle_timeout": -1.0}, "idle_timeout", "more than 0"),
        ({"connect_timeout": 0.0}, "connect_timeout", "more than 0"),
    ],
)
def test_each_bad_field_gets_its_own_message(changes: dict, field: str, words: str) -> None:
    errs = fields(fwd(**changes))
    assert field in errs, errs
    assert words in errs[field]
    assert len(errs) == 1, errs


def test_non_loopback_listen_allowed_only_when_asked() -> None:
    assert "listen_host" in fields(fwd(listen_host="192.0.2.10"))
    assert fields(fwd(listen_host="192.0.2.10", allow_public_bind=True)) == {}
    assert fields(fwd(listen_host="::1")) == {}
    assert is_loopback_host("127.8.9.10") and is_loopback_host("localhost")
    assert not is_loopback_host("example.org")


@pytest.mark.parametrize(
    ("dest", "ok"),
    [
        (B32, True),
        (B32.upper(), True),
        ("a" * 60 + ".b32.i2p", True),  # b33 (blinded)
        ("zzz.i2p", True),
        ("sub.forum.i2p", True),
        ("A" * 516, True),
        ("A" * 515 + "=", True),
        ("abc.b32.i2p", False),
        ("a1" * 26 + ".b32.i2p", False),  # '1' is not base32
        ("A" * 100, False),
        ("", False),
        ("zzz.i2p\nSESSION CREATE", False),
        ("example.com", False),
    ],
)
def test_destination_forms(dest: str, ok: bool) -> None:
    assert (check_destination(dest) is None) is ok


def test_client_requires_destination_and_checks_options() -> None:
    spec = TunnelSpec(name="c", kind=TunnelKind.CLIENT, listen_port=1)
    assert "destination" in fields(spec)
    bad = spec.replace(destination=B32, options={"inbound.length": "x"})
    assert "whole number" in fields(bad)["options"]
    inj = spec.replace(destination=B32, options={"i2cp.foo": "a b"})
    assert "spaces" in fields(inj)["options"]
    assert "sam_address" in fields(spec.replace(destination=B32, sam_address="nope"))


@pytest.mark.parametrize("shape", ["--3", "-", "٣", "²", "3\n", " 3", "17", "-8", "+3"])
def test_tunnel_shape_option_is_an_ascii_whole_number_in_range(shape: str) -> None:
    """isdigit() takes Unicode digits, and '--3' once reached int(): a field error each."""
    spec = TunnelSpec(name="s", kind=TunnelKind.SERVER, target_port=80)
    problems = fields(spec.replace(options={"inbound.length": shape}))
    assert problems == {
        "options": f"inbound.length must be a whole number from -7 to 16 (got {shape!r})"
    }


@pytest.mark.parametrize("shape", ["0", "3", "-7", "16"])
def test_tunnel_shape_option_in_range_is_valid(shape: str) -> None:
    spec = TunnelSpec(name="s", kind=TunnelKind.SERVER, target_port=80)
    assert fields(spec.replace(options={"inbound.length": shape})) == {}


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("STYLE", "RAW", "SAM parameter"),  # reserved: would override the session's own
        ("i2cp.x", "a\\b", "backslashes"),
        ("i2cp.x", "v" * 1025, "the limit is 1024"),
        ("k" * 129, "1", "must be 1-128"),
    ],
)
def test_spec_options_follow_the_session_option_rules(key: str, value: str, text: str) -> None:
    spec = TunnelSpec(name="s", kind=TunnelKind.SERVER, target_port=80)
    assert text in fields(spec.replace(options={key: value}))["options"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("127.0.0.1:80", ("127.0.0.1", 80)),
        ("localhost:65535", ("localhost", 65535)),
        ("[::1]:8080", ("::1", 8080)),
        (" example.org:1 ", ("example.org", 1)),
    ],
)
def test_parse_hostport_accepts(text: str, expected: tuple[str, int]) -> None:
    assert parse_hostport(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("127.0.0.1", "expected HOST:PORT"),
        ("127.0.0.1:http", "not a number"),
        ("127.0.0.1:0", "1 to 65535"),
        ("127.0.0.1:99999", "1 to 65535"),
        ("::1:80", "[ADDR]:PORT"),
        ("[::1]80", "[IPv6]:PORT"),
        (":80", "host is missing"),
    ],
)
def test_parse_hostport_rejects_with_reason(text: str, words: str) -> None:
    with pytest.raises(SpecError) as e:
        parse_hostport(text)
    assert words in str(e.value)


def test_parse_hostport_default_host() -> None:
    assert parse_hostport("8080", default_host="127.0.0.1") == ("127.0.0.1", 8080)


def test_dict_round_trip_and_defaults() -> None:
    spec = TunnelSpec(
        name="srv",
        kind=TunnelKind.SERVER,
        target_port=22,
        lifetime=30.0,
        key_mode=KeyMode.TRANSIENT,
        options=(("inbound.length", "2"),),
    )
    d = spec.to_dict()
    assert d["kind"] == "server" and d["options"] == {"inbound.length": "2"}
    assert TunnelSpec.from_dict(d) == spec
    # missing keys take defaults; INI-style strings are coerced
    loaded = TunnelSpec.from_dict(
        {"name": "x", "kind": "forward", "listen_port": "81", "auto_start": "true"}
    )
    assert loaded.listen_port == 81 and loaded.auto_start is True
    assert loaded.listen_host == "127.0.0.1" and loaded.idle_timeout == 600.0


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "x", "kind": "httpserver"}, "kind"),
        ({"name": "x", "kind": "forward", "listen_port": "eighty"}, "listen_port"),
        ({"name": "x", "kind": "forward", "listen_port": 1.5}, "listen_port"),
        ({"name": "x", "kind": "forward", "auto_start": "maybe"}, "auto_start"),
        ({"name": "x", "kind": "forward", "key_mode": "sometimes"}, "key_mode"),
        ({"kind": "forward"}, "name"),
        ({"name": "x", "kind": "forward", "colour": "red"}, ""),
    ],
)
def test_from_dict_errors_name_the_field(data: dict, field: str) -> None:
    with pytest.raises(SpecError) as e:
        TunnelSpec.from_dict(data)
    assert e.value.field == field


def test_duplicate_gets_new_id_and_own_key() -> None:
    spec = TunnelSpec(name="a", kind=TunnelKind.SERVER, target_port=1, key_file="/k/a.dat")
    dup = spec.duplicate("a (copy)")
    assert dup.id != spec.id and dup.key_file == "" and dup.target_port == 1


@pytest.mark.parametrize(
    "value",
    ["inbound.length\n", "zzz.i2p\n", "a" * 52 + ".b32.i2p\n", "A" * 516 + "\n", "host\n"],
)
def test_trailing_newline_never_validates(value: str) -> None:
    """`$` matches before a final newline; a newline must never reach the SAM bridge."""
    from i2ptunnel_gui.core.addresses import check_host
    from i2ptunnel_gui.core.sam.options import option_problem

    assert option_problem(value, "1") is not None
    assert check_destination(value) is not None
    assert check_host(value) is not None


@pytest.mark.parametrize("sig", ["--3", "٣", "²", "7.5", ""])
def test_signature_type_from_plain_data_must_be_an_ascii_integer(sig: str) -> None:
    with pytest.raises(SpecError) as info:
        TunnelSpec.from_dict({"name": "s", "kind": "server", "signature_type": sig})
    assert info.value.field == "signature_type"
    assert info.value.message == f"signature_type must be int, got {sig!r}"
