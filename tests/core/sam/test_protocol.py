"""The sans-IO SAM layer: reply forms, quoting, RESULT mapping, framing, injection."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.errors import ConfigError, TunnelError
from i2ptunnel_gui.core.sam import errors, protocol

KEY = "A" * 896 + "BQAEAAcAAA=="  # shape of a private key, never logged


# ---------------------------------------------------------------- reply forms


@pytest.mark.parametrize(
    ("line", "verb", "args"),
    [
        (b"HELLO REPLY RESULT=OK VERSION=3.1\n", ("HELLO", "REPLY"), {"VERSION": "3.1"}),
        (b"HELLO REPLY RESULT=NOVERSION\n", ("HELLO", "REPLY"), {}),
        (
            b"SESSION STATUS RESULT=OK DESTINATION=abc~-==\n",
            ("SESSION", "STATUS"),
            {"DESTINATION": "abc~-=="},
        ),
        (b"STREAM STATUS RESULT=OK\r\n", ("STREAM", "STATUS"), {}),
        (
            b"NAMING REPLY RESULT=OK NAME=ME VALUE=xyz\n",
            ("NAMING", "REPLY"),
            {"NAME": "ME", "VALUE": "xyz"},
        ),
        (b"NAMING REPLY RESULT=INVALID_KEY NAME=\n", ("NAMING", "REPLY"), {"NAME": ""}),
        (b"DEST REPLY PUB=p PRIV=q\n", ("DEST", "REPLY"), {"PUB": "p", "PRIV": "q"}),
        (
            b'NAMING REPLY RESULT=OK NAME=a.i2p VALUE=v OPTION:x="y z"\n',
            ("NAMING", "REPLY"),
            {"OPTION:x": "y z"},
        ),
        (b"STREAM STATUS  RESULT=OK   FLAG\n", ("STREAM", "STATUS"), {"FLAG": ""}),
    ],
)
def test_reply_forms(line: bytes, verb: tuple[str, str], args: dict[str, str]) -> None:
    reply = protocol.parse_reply(line)
    assert (reply.verb, reply.subverb) == verb
    for k, v in args.items():
        assert reply.args[k] == v


@pytest.mark.parametrize(
    "line",
    [
        b"hello reply RESULT=OK",
        "HÉLLO REPLY RESULT=OK".encode(),  # isupper() is True for it
        b"HELLO 3 RESULT=OK",
        b"=A B",
        b"HELLO",
    ],
)
def test_verbs_are_ascii_capitals(line: bytes) -> None:
    with pytest.raises(errors.SamProtocolError, match="not a SAM reply"):
        protocol.parse_reply(line)


@pytest.mark.parametrize(
    "version", ["٣.١", "３.１", "3", "3.", ".1", " 3.1", "+3.1", "3_0.1", "9" * 5000]
)
def test_versions_must_be_ascii_numbers(version: str) -> None:
    with pytest.raises(errors.SamProtocolError, match="invalid VERSION"):
        protocol.version_tuple(version)
    with pytest.raises(errors.SamInputError):
        protocol.check_version(version)


def test_quoted_message_with_escapes_and_spaces() -> None:
    reply = protocol.parse_reply(
        b'SESSION STATUS RESULT=I2P_ERROR MESSAGE="Already \\"accepting\\" \\\\ now"\n'
    )
    assert reply.result == "I2P_ERROR"
    assert reply.message == 'Already "accepting" \\ now'


def test_empty_quoted_value_and_quote_inside_token() -> None:
    reply = protocol.parse_reply('X Y A="" B=pre"a b"post')
    assert reply.args == {"A": "", "B": "prea bpost"}


def test_ping_pong_keep_text() -> None:
    assert protocol.parse_reply(b"PING 12 34\n").text == "12 34"
    pong = protocol.parse_reply(b"PONG\n")
    assert (pong.verb, pong.text) == ("PONG", "")


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"garbage",
        b"hello reply RESULT=OK",  # protocol is case-sensitive
        b'HELLO REPLY MESSAGE="unterminated',
        b"HELLO REPLY =x",
        b"\xff\xfe HELLO",
        b"HELLO REPLY RESULT=OK\x00X=1",
    ],
)
def test_malformed_replies_raise_protocol_error(line: bytes) -> None:
    with pytest.raises(errors.SamProtocolError):
        protocol.parse_reply(line)


# ---------------------------------------------------------------- RESULT mapping

RESULTS = {
    "CANT_REACH_PEER": (errors.SamPeerUnreachable, ConnectionError),
    "DUPLICATED_DEST": (errors.SamDuplicatedDest, errors.SamError),
    "DUPLICATED_ID": (errors.SamDuplicatedId, errors.SamError),
    "I2P_ERROR": (errors.SamRouterError, errors.SamError),
    "INVALID_KEY": (errors.SamInvalidKey, ValueError),
    "INVALID_ID": (errors.SamInvalidId, LookupError),
    "KEY_NOT_FOUND": (errors.SamKeyNotFound, LookupError),
    "PEER_NOT_FOUND": (errors.SamPeerNotFound, LookupError),
    "TIMEOUT": (errors.SamTimeout, TimeoutError),
    "LEASESET_NOT_FOUND": (errors.SamLeaseSetNotFound, LookupError),
    "NOVERSION": (errors.SamNoVersion, errors.SamError),
}


@pytest.mark.parametrize("result", sorted(RESULTS))
def test_every_result_maps_to_typed_error_keeping_message(result: str) -> None:
    cls, builtin = RESULTS[result]
    reply = protocol.parse_reply(f'STREAM STATUS RESULT={result} MESSAGE="router says no"')
    with pytest.raises(cls) as info:
        protocol.expect_reply(reply, ("STREAM", "STATUS"), context="STREAM CONNECT")
    err = info.value
    assert isinstance(err, builtin) and isinstance(err, TunnelError)
    assert type(err) is cls
    assert err.result == result and err.message == "router says no"
    assert "router says no" in str(err) and "STREAM CONNECT" in str(err)


def test_unknown_result_is_plain_sam_error() -> None:
    reply = protocol.parse_reply("STREAM STATUS RESULT=WHATEVER")
    with pytest.raises(errors.SamError) as info:
        reply.raise_for_result("x")
    assert type(info.value) is errors.SamError and info.value.result == "WHATEVER"
    assert "WHATEVER" in str(info.value)


def test_ok_passes_and_missing_result_is_protocol_error() -> None:
    assert protocol.parse_reply("STREAM STATUS RESULT=OK").raise_for_result().ok
    with pytest.raises(errors.SamProtocolError):
        protocol.parse_reply("STREAM STATUS").raise_for_result("x")


def test_i2pd_session_status_error_to_stream_command() -> None:
    # docs/I2PD.md §7: i2pd answers STREAM commands with SESSION STATUS on errors
    reply = protocol.parse_reply('SESSION STATUS RESULT=I2P_ERROR MESSAGE="Socket already in use"')
    with pytest.raises(errors.SamRouterError, match="Socket already in use"):
        protocol.expect_reply(reply, ("STREAM", "STATUS"), context="STREAM CONNECT")


def test_wrong_verb_pair_for_ok_reply_is_protocol_error() -> None:
    with pytest.raises(errors.SamProtocolError, match="expected STREAM STATUS"):
        protocol.expect_reply(
            protocol.parse_reply("NAMING REPLY RESULT=OK"), ("STREAM", "STATUS"), context="c"
        )
    with pytest.raises(errors.SamProtocolError):
        protocol.expect_reply(
            protocol.parse_reply("FOO BAR RESULT=I2P_ERROR"), ("STREAM", "STATUS"), context=""
        )


# ---------------------------------------------------------------- framing


def test_framer_reassembles_lines_split_across_reads_and_keeps_rest() -> None:
    f = protocol.LineFramer()
    for ch in [b"STREAM STA", b"TUS RESULT=OK", b"\r", b"\nraw", b" data\n\x00more"]:
        f.feed(ch)
    assert f.next_line() == b"STREAM STATUS RESULT=OK"
    # data after the reply belongs to the stream: the framer must not eat it as lines
    assert f.take_rest() == b"raw data\n\x00more"
    assert f.next_line() is None and f.pending == 0


def test_framer_two_lines_in_one_read() -> None:
    f = protocol.LineFramer()
    f.feed(b"STREAM STATUS RESULT=OK\nPEERDEST\nxyz")
    assert f.next_line() == b"STREAM STATUS RESULT=OK"
    assert f.next_line() == b"PEERDEST"
    assert f.next_line() is None
    assert f.take_rest() == b"xyz"


def test_framer_caps_line_size() -> None:
    f = protocol.LineFramer(max_line=100)
    f.feed(b"x" * 100)
    with pytest.raises(errors.SamProtocolError, match="longer than 100"):
        f.feed(b"y")
    g = protocol.LineFramer(max_line=100)
    g.feed(b"z" * 150 + b"\n")
    with pytest.raises(errors.SamProtocolError):
        g.next_line()


# ---------------------------------------------------------------- builders


def test_hello_builder_and_credentials() -> None:
    assert protocol.build_hello() == b"HELLO VERSION MIN=3.1 MAX=3.3\n"
    line = protocol.build_hello("3.2", "3.3", user="me", password="p=w~d")
    assert line == b"HELLO VERSION MIN=3.2 MAX=3.3 USER=me PASSWORD=p=w~d\n"
    assert protocol.parse_reply(line.replace(b"HELLO VERSION", b"X Y")).args["PASSWORD"] == "p=w~d"
    with pytest.raises(errors.SamInputError, match="together"):
        protocol.build_hello(user="me")
    # i2pd ignores quotes: a password with a space would split into two parameters
    with pytest.raises(errors.SamInputError, match="SAM password must not contain spaces"):
        protocol.build_hello("3.2", "3.3", user="me", password='p "w" d')


def test_session_create_transient_with_defaults_and_free_options() -> None:
    opts = protocol.session_options({"inbound.length": "0", "i2p.streaming.profile": "2"})
    line = protocol.build_session_create("nick-1", options=opts).decode()
    assert line.startswith("SESSION CREATE STYLE=STREAM ID=nick-1 DESTINATION=TRANSIENT ")
    assert " SIGNATURE_TYPE=7 " in line and line.endswith("\n")
    assert " i2cp.leaseSetEncType=4,0" in line and " inbound.length=0" in line
    assert " i2p.streaming.profile=2" in line


def test_session_create_with_key_omits_signature_type() -> None:
    line = protocol.build_session_create("n", KEY, options={}).decode()
    assert f"DESTINATION={KEY}" in line and "SIGNATURE_TYPE" not in line


def test_session_options_override_remove_and_ls1() -> None:
    assert protocol.session_options({"i2cp.leaseSetEncType": "4"}) == {"i2cp.leaseSetEncType": "4"}
    assert protocol.session_options({"i2cp.leaseSetEncType": None}) == {}
    assert protocol.session_options({"i2cp.leaseSetEncType": ""}) == {}
    # LS1 (needed by accepting sessions on i2pd 2.45.1) cannot carry ECIES: default dropped
    assert protocol.session_options({"i2cp.leaseSetType": "1"}) == {"i2cp.leaseSetType": "1"}
    both = {"i2cp.leaseSetType": "1", "i2cp.leaseSetEncType": "0"}
    assert protocol.session_options(both) == both


def test_stream_and_utility_builders() -> None:
    assert protocol.build_stream_connect("n", "abc.b32.i2p") == (
        b"STREAM CONNECT ID=n DESTINATION=abc.b32.i2p SILENT=false\n"
    )
    assert protocol.build_stream_connect("n", "abc.b32.i2p", to_port=80) == (
        b"STREAM CONNECT ID=n DESTINATION=abc.b32.i2p SILENT=false TO_PORT=80\n"
    )
    for bad_port in (-1, 65536, True):
        with pytest.raises(errors.SamInputError, match="I2P port"):
            protocol.build_stream_connect("n", "abc.b32.i2p", to_port=bad_port)
    assert protocol.build_stream_accept("n") == b"STREAM ACCEPT ID=n SILENT=false\n"
    assert protocol.build_naming_lookup("ME") == b"NAMING LOOKUP NAME=ME\n"
    assert protocol.build_dest_generate() == b"DEST GENERATE SIGNATURE_TYPE=7\n"
    assert protocol.build_ping("1") == b"PING 1\n" and protocol.build_pong() == b"PONG\n"


INJECTIONS = [
    "x\nSESSION CREATE STYLE=STREAM ID=evil DESTINATION=TRANSIENT",
    "x\r",
    "x\x00",
    "a b",
    'a"b',
    "a=b",
    "",
    "a/b",
]


@pytest.mark.parametrize("bad", INJECTIONS)
def test_injection_in_ids_rejected_before_sending(bad: str) -> None:
    for build in (
        lambda: protocol.build_session_create(bad),
        lambda: protocol.build_stream_accept(bad),
        lambda: protocol.build_stream_connect(bad, "a.i2p"),
    ):
        with pytest.raises(errors.SamInputError) as info:
            build()
        assert isinstance(info.value, ValueError) and isinstance(info.value, ConfigError)


@pytest.mark.parametrize("bad", [*INJECTIONS, 'x" EVIL="1'])
def test_injection_in_destinations_and_keys_rejected(bad: str) -> None:
    with pytest.raises(errors.SamInputError):
        protocol.build_stream_connect("n", bad)
    with pytest.raises(errors.SamInputError):
        protocol.build_naming_lookup(bad)
    with pytest.raises(errors.SamInputError):
        protocol.build_session_create("n", bad)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("a b", "1"),
        ("a\n", "1"),
        ("k", "v\nPING"),
        ("k", "v\r"),
        ("k", "v\x00"),
        ("ID", "x"),
        ("DESTINATION", "TRANSIENT"),
        ("", "v"),
    ],
)
def test_injection_in_options_rejected(key: str, value: str) -> None:
    with pytest.raises(errors.SamInputError):
        protocol.build_session_create("n", options={key: value})


def test_router_ping_text_is_capped_so_our_pong_always_fits() -> None:
    text = "p" * protocol.MAX_PING_TEXT
    reply = protocol.parse_reply(f"PING {text}".encode())
    assert protocol.build_pong(reply.text) == f"PONG {text}\n".encode()
    with pytest.raises(errors.SamProtocolError, match="PING text longer than 1024 bytes"):
        protocol.parse_reply(f"PING {text}p".encode())


def test_lone_surrogates_are_input_errors_not_encode_errors() -> None:
    with pytest.raises(errors.SamInputError, match="non-text character"):
        protocol.build_ping("a\udcff")
    with pytest.raises(errors.SamInputError, match="value must not contain"):
        protocol.build_session_create("n", options={"outbound.nickname": "a\udcff"})


def test_signature_type_and_version_validated() -> None:
    with pytest.raises(errors.SamInputError):
        protocol.build_dest_generate("7 X=1")
    with pytest.raises(errors.SamInputError):
        protocol.build_session_create("n", signature_type="7\n")
    with pytest.raises(errors.SamInputError):
        protocol.build_hello("3.1 X", "3.3")
    assert protocol.build_dest_generate("EdDSA_SHA512_Ed25519").endswith(b"=EdDSA_SHA512_Ed25519\n")


# ---------------------------------------------------------------- redaction


def test_redaction_hides_keys_destinations_and_passwords() -> None:
    lines = [
        f"SESSION STATUS RESULT=OK DESTINATION={KEY}",
        f"SESSION CREATE STYLE=STREAM ID=n DESTINATION={KEY} SIGNATURE_TYPE=7",
        f"DEST REPLY PUB={KEY[:524]} PRIV={KEY}",
        f"NAMING REPLY RESULT=OK NAME=ME VALUE={KEY[:524]}",
        f"{KEY[:524]} FROM_PORT=0 TO_PORT=0",
        'HELLO VERSION MIN=3.2 MAX=3.3 USER=u PASSWORD="se cr\\"et"',
    ]
    for line in lines:
        out = protocol.redact(line)
        assert KEY[:100] not in out and "se cr" not in out and 'et"' not in out.split("USER")[-1]
        assert len(out) < 200
    assert "DESTINATION=TRANSIENT" in protocol.redact(b"SESSION CREATE DESTINATION=TRANSIENT\n")
    assert protocol.redact("PRIV=short") == "PRIV=<redacted>"
