"""i2pd.conf for the managed router: layers, precedence, refusals, rendering."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.router.config import (
    CONSOLE_USER,
    Endpoint,
    ManagedOptions,
    RouterPorts,
    merge_conf,
    parse_conf_lines,
    render_conf,
)
from i2ptunnel_gui.core.router.errors import RouterConfigError

PORTS = RouterPorts(sam=17656, control=17650, console=17070)


def merged(options: ManagedOptions = ManagedOptions(), conf_file: str = ""):  # noqa: B008
    return merge_conf(
        PORTS,
        options,
        control_password="ctl-pw",
        console_password="web-pw",
        conf_file_text=conf_file,
    )


def test_base_puts_control_services_on_loopback_and_turns_the_rest_off() -> None:
    conf = merged()
    v = conf.values
    assert conf.sam == Endpoint("127.0.0.1", 17656)
    assert conf.control == Endpoint("127.0.0.1", 17650) and conf.control_password == "ctl-pw"
    assert conf.console == Endpoint("127.0.0.1", 17070) and conf.console_password == "web-pw"
    assert v["http.auth"] == "true" and v["http.user"] == CONSOLE_USER
    for off in ("bob", "i2cp", "httpproxy", "socksproxy"):
        assert v[f"{off}.enabled"] == "false"
    assert "bandwidth" not in v and "share" not in v  # router defaults unless chosen
    assert conf.user_keys == frozenset()


def test_precedence_preferences_then_preference_lines_then_conf_file() -> None:
    opts = ManagedOptions(bandwidth_kbps=500, share_percent=50)
    assert merged(opts).values["bandwidth"] == "500"
    assert merged(opts).values["share"] == "50"
    opts = ManagedOptions(bandwidth_kbps=500, extra_conf="bandwidth = 800\n[sam]\nport = 9000")
    conf = merged(opts)
    assert conf.values["bandwidth"] == "800" and conf.sam.port == 9000
    conf = merged(opts, conf_file="[sam]\nport = 9100\n")
    assert conf.sam.port == 9100 and conf.values["bandwidth"] == "800"
    assert conf.user_keys == {"bandwidth", "sam.port"}


def test_user_lines_can_add_sections_and_turn_i2pcontrol_off() -> None:
    conf = merged(conf_file="floodfill = true\n[reseed]\nurls =\n[i2pcontrol]\nenabled = false\n")
    assert conf.values["reseed.urls"] == "" and conf.values["floodfill"] == "true"
    assert conf.control is None
    text = conf.text
    assert "\n[reseed]\nurls =\n" in text and "\nfloodfill = true\n" in text


def test_render_writes_every_key_once_and_parses_back() -> None:
    conf = merged(ManagedOptions(extra_conf="loglevel = warn\n[exploratory]\ninbound.length = 0"))
    text = conf.text
    assert parse_conf_lines(text) == dict(conf.values)
    keys = [line.split("=")[0].strip() for line in text.splitlines() if "=" in line]
    sections = [line for line in text.splitlines() if line.startswith("[")]
    assert len(sections) == len(set(sections))
    assert "inbound.length" in keys  # the part after the section's dot
    assert conf.values["loglevel"] == "warn"  # the user's line replaced the base one


def test_parse_strips_comments_and_reads_dotted_and_sectioned_keys_alike() -> None:
    assert parse_conf_lines("# c\n; c\n[sam]\nport = 1 # trailing\n\n") == {"sam.port": "1"}
    with pytest.raises(RouterConfigError, match=r"line 3: 'sam.port' is set twice"):
        parse_conf_lines("sam.port = 1\n[sam]\nport = 2\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[sam]\njust words\n", "line 2: expected 'key = value' or '\\[section\\]': just words"),
        ("bad key = 1", "line 1: expected"),
        ("daemon = true", "'daemon' is set by the app"),
        ("pidfile = /tmp/x", "'pidfile' is set by the app"),
        ("datadir = /tmp", "'datadir' is set by the app"),
        ("log = file", "'log' is set by the app"),
    ],
)
def test_bad_lines_are_refused_with_the_line_number(text: str, message: str) -> None:
    with pytest.raises(RouterConfigError, match=message):
        parse_conf_lines(text, source="--router-conf")
    with pytest.raises(RouterConfigError, match=r"--router-conf, line"):
        merged(conf_file=text)


def test_sam_cannot_be_turned_off() -> None:
    with pytest.raises(RouterConfigError, match=r"needs its SAM bridge.*sam.enabled = false"):
        merged(conf_file="[sam]\nenabled = false\n")


@pytest.mark.parametrize("section", ["sam", "i2pcontrol", "http"])
def test_control_services_stay_on_loopback(section: str) -> None:
    with pytest.raises(RouterConfigError, match=f"'{section}.address = 0.0.0.0' would let"):
        merged(conf_file=f"[{section}]\naddress = 0.0.0.0\n")
    assert merged(conf_file=f"[{section}]\naddress = ::1\n").values[f"{section}.address"] == "::1"


def test_a_proxy_may_listen_beyond_loopback_when_the_user_says_so() -> None:
    conf = merged(conf_file="[httpproxy]\nenabled = true\naddress = 0.0.0.0\n")
    assert conf.values["httpproxy.address"] == "0.0.0.0"


def test_bad_port_is_refused() -> None:
    with pytest.raises(RouterConfigError, match=r"'sam.port = 70000' is not a port"):
        merged(conf_file="[sam]\nport = 70000\n")
    with pytest.raises(RouterConfigError, match=r"'i2pcontrol.port = x' is not a port"):
        merged(conf_file="[i2pcontrol]\nport = x\n")


def test_ipv6_endpoint_prints_with_brackets() -> None:
    assert str(Endpoint("::1", 7656)) == "[::1]:7656"
    assert str(Endpoint("127.0.0.1", 7656)) == "127.0.0.1:7656"


def test_option_problems_are_listed_for_the_user() -> None:
    assert ManagedOptions().problems() == []
    problems = ManagedOptions(
        sam_port=0, bandwidth_kbps=-1, share_percent=101, extra_conf="nonsense"
    ).problems()
    assert problems == [
        "SAM port 0 is not between 1 and 65535",
        "bandwidth -1 KB/s is negative",
        "share 101 % is not between 0 and 100",
        "router conf, line 1: expected 'key = value' or '[section]': nonsense",
    ]


def test_render_keeps_empty_values_as_i2pd_wants_them() -> None:
    assert render_conf({"reseed.urls": "", "floodfill": "true"}).endswith(
        "floodfill = true\n\n[reseed]\nurls =\n"
    )
