"""Session options and command values: nothing that splits, escapes or overflows."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.sam import errors, options, protocol

KEY = "A" * 896 + "BQAEAAcAAA=="  # shape of a private key


@pytest.mark.parametrize(
    "value",
    [
        "my tunnel",  # i2pd 2.45 splits on it even inside quotes
        '"a b" DESTINATION=x',
        'x" DESTINATION="y',
        "a\tb",
        "a\\b",
        "a\u00a0b",  # no-break space
        "a\u2028b",  # line separator
        "a\x7fb",
        "",
    ],
)
def test_option_values_that_could_split_or_escape_are_refused(value: str) -> None:
    with pytest.raises(errors.SamInputError, match=r"outbound\.nickname value"):
        protocol.build_session_create("n", options={"outbound.nickname": value})
    assert options.option_problem("outbound.nickname", value) is not None


def test_plain_option_values_pass_verbatim() -> None:
    opts = {"outbound.nickname": "my-tunnel_ü", "i2cp.leaseSetEncType": "4,0", "k": "a=b"}
    line = protocol.build_session_create("n", options=opts).decode()
    assert line.endswith(" outbound.nickname=my-tunnel_ü i2cp.leaseSetEncType=4,0 k=a=b\n")
    options.check_session_options(opts)


@pytest.mark.parametrize(
    "key", ["DESTINATION", "destination", "Id", "STYLE", "SIGNATURE_TYPE", "FROM_PORT", "SILENT"]
)
def test_reserved_keys_are_refused_up_front_and_in_the_builder(key: str) -> None:
    assert options.option_problem(key, "1") == (
        f"option {key} is a SAM parameter the client sets itself"
    )
    with pytest.raises(errors.SamInputError, match=f"option {key} is a SAM parameter"):
        options.check_session_options({"inbound.length": "0", key: "1"})
    with pytest.raises(errors.SamInputError, match="SAM parameter"):
        protocol.build_session_create("n", options={key: "1"})


def test_option_sizes_and_command_line_are_capped_with_the_limit_named() -> None:
    long_value = "v" * (options.MAX_OPTION_VALUE + 1)
    assert options.option_problem("k", "v" * options.MAX_OPTION_VALUE) is None
    with pytest.raises(errors.SamInputError, match=f"the limit is {options.MAX_OPTION_VALUE}"):
        protocol.build_session_create("n", options={"k": long_value})
    long_key = "k" * (options.MAX_OPTION_KEY + 1)
    assert "1-128" in (options.option_problem(long_key, "1") or "")
    # each option fits, together they do not: the whole line is capped below i2pd's 8 KiB
    many = {f"opt.n{i}": "v" * 1000 for i in range(5)}
    options.check_session_options(many)
    with pytest.raises(errors.SamInputError, match=f"limit is {protocol.MAX_COMMAND}") as info:
        protocol.build_session_create("n", KEY, options=many)
    assert "SESSION CREATE would be" in str(info.value)
    assert len(protocol.build_session_create("n", KEY, options={"opt": "v" * 1000})) < 4096
    with pytest.raises(errors.SamInputError, match="limit is 4096"):
        protocol.build_naming_lookup("a" * 5000 + ".i2p")
