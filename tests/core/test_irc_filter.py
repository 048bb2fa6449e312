"""IRC client tunnel filter: what reaches the server and what reaches the program."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i2ptunnel_gui.core.proxy.irc_filter import REAL_NAME, IrcFilter


@pytest.mark.parametrize(
    ("line", "out"),
    [
        ("NICK alice", "NICK alice"),
        ("JOIN #i2p", "JOIN #i2p"),
        ("PRIVMSG #i2p :hello there", "PRIVMSG #i2p :hello there"),
        ("PRIVMSG #i2p :\x01ACTION waves\x01", "PRIVMSG #i2p :\x01ACTION waves\x01"),
        ("PRIVMSG bob :\x01DCC SEND f 3232235777 5000 10\x01", None),
        ("PRIVMSG bob :\x01VERSION\x01", None),
        ("NOTICE bob :\x01VERSION HexChat 2.16 / Linux 6.1\x01", None),
        ("NOTICE bob :\x01TIME Mon Dec 1 10:00:00 2026 CET\x01", None),
        ("PRIVMSG bob :\x01PING 1234\x01", None),
        ("PRIVMSG bob :hi \x01DCC CHAT chat 10.0.0.1 4000\x01", None),
        ("PRIVMSG bob :\x01ACTION x\x01\x01DCC SEND\x01", None),
        ("USER alice 0 * :Alice Realname", f"USER alice hostname localhost :{REAL_NAME}"),
        ("USER alice desktop.lan irc.server :Alice", f"USER alice hostname localhost :{REAL_NAME}"),
        ("QUIT :HexChat 2.16 on Linux", "QUIT :leaving"),
        ("PART #i2p :weechat 4.0", "PART #i2p :leaving"),
        (":alice!a@desktop.lan PRIVMSG #i2p :spoof", None),
        ("PONG 192.168.1.5", "PONG 127.0.0.1"),
        ("PONG irc.postman.i2p", "PONG irc.postman.i2p"),
        ("WHOIS bob", "WHOIS bob"),
        ("CAP LS 302", "CAP LS 302"),
        ("PASS secret", "PASS secret"),
        ("MODE alice +i", "MODE alice +i"),
        ("PROTOCTL NAMESX", None),
        ("", None),
        ("DCC SEND x", None),
    ],
)
def test_outbound(line: str, out: str | None) -> None:
    assert IrcFilter().outbound(line) == out


def test_ping_token_hidden_and_only_expected_pong_passes() -> None:
    f = IrcFilter()
    assert f.outbound("PING 192.168.1.5") == "PING 127.0.0.1"
    assert f.outbound("PING LAG1700000000") == "PING LAG1700000000"
    assert f.outbound("PING desktop.example.org") == "PING 127.0.0.1"
    assert f.inbound(":irc.postman.i2p PONG irc.postman.i2p :LAG1700000000") is not None
    assert f.inbound(":irc.postman.i2p PONG irc.postman.i2p :LAG1700000000") is None
    assert f.inbound(":irc.postman.i2p PONG irc.postman.i2p :127.0.0.1") is not None
    assert f.inbound(":irc.postman.i2p PONG irc.postman.i2p :never-sent") is None


@pytest.mark.parametrize(
    ("line", "passes"),
    [
        (":irc.postman.i2p 001 alice :Welcome", True),
        (":irc.postman.i2p 353 alice = #i2p :alice bob", True),
        ("PING :irc.postman.i2p", True),
        (":bob!b@i2p PRIVMSG #i2p :hello", True),
        (":bob!b@i2p PRIVMSG #i2p :\x01ACTION waves\x01", True),
        (":bob!b@i2p PRIVMSG alice :\x01VERSION\x01", False),
        (":bob!b@i2p PRIVMSG alice :\x01DCC SEND evil 1 2 3\x01", False),
        (":bob!b@i2p NOTICE alice :\x01TIME\x01", False),
        (":bob!b@i2p NOTICE alice :plain notice", True),
        ("@time=2026-12-03T10:00:00Z :bob!b@i2p JOIN #i2p", True),
        (":bob!b@i2p KICK #i2p alice :bye", True),
        (":irc.postman.i2p ERROR :Closing link", True),
        (":irc.server SQUERY x", False),
        ("", False),
    ],
)
def test_inbound(line: str, passes: bool) -> None:
    out = IrcFilter().inbound(line)
    assert (out == line) if passes else out is None


def test_dropped_lines_are_counted() -> None:
    f = IrcFilter()
    f.outbound("PRIVMSG x :\x01VERSION\x01")
    f.inbound(":a PRIVMSG b :\x01DCC SEND\x01")
    f.outbound("NICK ok")
    assert f.dropped == 2


@settings(deadline=None)  # a busy CI machine must not fail a correct run
@given(
    cmd=st.sampled_from(["PRIVMSG", "NOTICE", "privmsg", "Notice"]),
    target=st.from_regex(r"[#a-z][a-z0-9]{0,8}", fullmatch=True),
    text=st.text(alphabet=st.sampled_from("\x01 ACTIONDCCVERSIONab:"), max_size=40),
    lead=st.sampled_from(["", ":me!u@host "]),
)
def test_no_ctcp_other_than_action_ever_leaves(cmd: str, target: str, text: str, lead: str) -> None:
    """Whatever message the program writes, a forwarded one carries no prefix and no
    CTCP but a single ACTION."""
    out = IrcFilter().outbound(f"{lead}{cmd} {target} :{text}")
    if out is None:
        return
    assert not lead
    if "\x01" in text:
        assert text.startswith("\x01ACTION ") and text.count("\x01") <= 2
