"""Share cards: round trips of every valid card, and a clear error naming the field for
every bad one."""

from __future__ import annotations

import base64
import hashlib
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.sam.keys import parse_private_key
from i2ptunnel_gui.core.share_card import (
    MAX_NAME,
    CardError,
    ServiceKind,
    ShareCard,
    card_for,
    client_spec,
    decode_card,
    load_card,
    next_free_port,
    read_card_file,
)
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.spec_checks import validate

B32 = base64.b32encode(hashlib.sha256(b"site").digest()).decode().lower().rstrip("=")
ADDRESS = B32 + ".b32.i2p"
KEY_FILE = Path(__file__).parent.parent / "data" / "i2pd" / "ssh-in.dat"
GOOD = f"i2ptunnelgui:share?v=1&b32={B32}&kind=web&port=8080&name=My%20site"


def b32s() -> st.SearchStrategy[str]:
    return st.binary(min_size=32, max_size=32).map(
        lambda b: base64.b32encode(b).decode().lower().rstrip("="))


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")),
    min_size=1, max_size=MAX_NAME,
).filter(lambda n: n.strip() == n and n.strip() != "")

cards = st.builds(ShareCard, b32=b32s(), kind=st.sampled_from(list(ServiceKind)),
                  port=st.integers(1, 65535), name=names,
                  i2p_port=st.one_of(st.just(0), st.integers(1, 65535)))


@given(cards)
def test_every_card_round_trips_through_link_and_file_text(card: ShareCard) -> None:
    assert decode_card(card.link()) == card
    assert decode_card(card.file_text()) == card
    assert card.link().isascii()  # percent-encoded: fits a QR code's byte mode, any shell


@given(cards)
def test_the_suggested_client_tunnel_is_valid_and_points_at_the_card(card: ShareCard) -> None:
    spec = client_spec(card)
    assert validate(spec) == []
    assert spec.destination == card.address and spec.listen_port == card.port
    assert spec.listen_host == "127.0.0.1" and spec.key_mode is KeyMode.TRANSIENT
    assert spec.i2p_port == card.i2p_port


def test_decoding_the_documented_example() -> None:
    card = decode_card(GOOD)
    assert card == ShareCard(B32, ServiceKind.WEB, 8080, "My site")
    assert card.web_url == f"http://{ADDRESS}/"
    assert decode_card(GOOD.replace("kind=web", "kind=ssh")).web_url == ""
    # the scheme is case-insensitive (RFC 3986); the address may carry its suffix
    assert decode_card(GOOD.replace("i2ptunnelgui:", "I2PTunnelGUI:")) == card
    assert decode_card(GOOD.replace(B32, ADDRESS.upper())) == card


def test_kinds_map_to_client_kinds() -> None:
    assert client_spec(decode_card(GOOD)).kind is TunnelKind.CLIENT
    irc = decode_card(GOOD.replace("kind=web", "kind=irc"))
    assert client_spec(irc).kind is TunnelKind.IRC
    # an IRC tunnel cannot dial one I2P port: a port-restricted IRC server gets a plain client
    assert client_spec(decode_card(GOOD.replace("kind=web", "kind=irc") + "&i2pport=7")
                       ).kind is TunnelKind.CLIENT
    spec = client_spec(decode_card(GOOD), name="Other", port=9000)
    assert (spec.name, spec.listen_port) == ("Other", 9000)


def _field_of(link: str) -> str:
    with pytest.raises(CardError) as info:
        decode_card(link)
    assert str(info.value) and "\n" not in str(info.value)
    return info.value.field


@pytest.mark.parametrize(("link", "field", "words"), [
    ("", "card", "empty"),
    ("https://example.org/?v=1", "scheme", "i2ptunnelgui:"),
    (GOOD.replace("i2ptunnelgui:", "i2ptunnel:"), "scheme", "not a share card"),
    (GOOD.replace(":share?", ":other?"), "card", "unknown card type"),
    (GOOD.replace("v=1", "v=2"), "v", "version 2"),
    (GOOD.replace("v=1", "v=x"), "v", "not a version"),
    (GOOD.replace("v=1&", ""), "v", "missing"),
    (GOOD.replace(B32, B32[:-1]), "b32", "51 characters"),
    (GOOD.replace(B32, B32 + "a"), "b32", "b33"),
    (GOOD.replace(B32, B32 + "aaaa"), "b32", "b33"),
    (GOOD.replace(B32, B32[:-1] + "1"), "b32", "'1'"),
    (GOOD.replace(B32, B32[:-1] + "b"), "b32", "mistyped"),
    (GOOD.replace(B32, ""), "b32", "0 characters"),
    (GOOD.replace("port=8080", "port=0"), "port", "out of range"),
    (GOOD.replace("port=8080", "port=65536"), "port", "out of range"),
    (GOOD.replace("port=8080", "port=" + urllib.parse.quote("٨٠")), "port", "digits 0-9"),
    (GOOD.replace("port=8080", "port=" + urllib.parse.quote("８０")), "port", "digits 0-9"),
    (GOOD.replace("port=8080", "port=-1"), "port", "digits 0-9"),
    (GOOD.replace("port=8080", "port=%2080"), "port", "digits 0-9"),
    (GOOD.replace("port=8080", "port=" + "9" * 5000), "card", "characters long"),
    (GOOD.replace("port=8080", "port=" + "9" * 50), "port", "digits 0-9"),
    (GOOD + "&i2pport=0", "i2pport", "out of range"),
    (GOOD.replace("kind=web", "kind=ftp"), "kind", "unknown service kind 'ftp'"),
    (GOOD.replace("kind=web", "kind=WEB"), "kind", "unknown service kind"),
    (GOOD.replace("name=My%20site", "name=a%0Ab"), "name", "U+000A"),
    (GOOD.replace("name=My%20site", "name=a%00b"), "name", "U+0000"),
    (GOOD.replace("name=My%20site", "name=a%E2%80%AEb"), "name", "U+202E"),  # RLO
    (GOOD.replace("name=My%20site", "name=" + "x" * 65), "name", "65 characters"),
    (GOOD.replace("name=My%20site", "name="), "name", "empty"),
    (GOOD.replace("name=My%20site", "name=%20x"), "name", "spaces"),
    (GOOD.replace("name=My%20site", "name=%FF"), "card", "UTF-8"),
    (GOOD.replace("&name=My%20site", ""), "name", "missing"),
    (GOOD + "&port=9090", "port", "twice"),
    (GOOD + "&key=AAAA", "key", "unknown field"),
    (GOOD + "&&", "card", "malformed"),
    (GOOD + "#top", "card", "'#'"),
    (GOOD + "&" + "k" * 30 + "=1", "k" * 20, "unknown field"),
])
def test_every_bad_card_names_its_field(link: str, field: str, words: str) -> None:
    with pytest.raises(CardError) as info:
        decode_card(link)
    assert info.value.field == field
    assert words in str(info.value)
    assert field == "card" or str(info.value).startswith(f"{field}: ")


@given(st.text(max_size=300))
def test_arbitrary_text_is_a_card_or_a_card_error(text: str) -> None:
    try:
        decode_card(text)
    except CardError as e:
        assert e.field and str(e)


def test_a_server_tunnel_makes_a_card_without_key_material(tmp_path: Path) -> None:
    spec = TunnelSpec.new("Web\u202e site\n" + "x" * 200, TunnelKind.HTTP_SERVER,
                          target_port=80, key_mode=KeyMode.PERSISTENT)
    store = KeyStore(tmp_path)
    key = parse_private_key(KEY_FILE.read_bytes())
    store.save(store.key_path(spec), key.raw)
    secret = key.raw[len(key.destination.raw):]  # the private keys after the destination
    card = card_for(spec, key.b32_address)
    assert (card.kind, card.port, card.address) == (ServiceKind.WEB, 8080, key.b32_address)
    assert len(card.name) <= MAX_NAME and "\u202e" not in card.name and "\n" not in card.name
    for text in (card.link(), card.file_text()):
        fields = urllib.parse.parse_qs(text.strip().partition("?")[2])
        assert set(fields) == {"v", "b32", "kind", "port", "name"}
        for chunk in (key.b64, base64.b64encode(secret).decode(),
                      base64.b32encode(secret).decode(), secret.hex()):
            for i in range(0, len(chunk) - 16, 16):
                assert chunk[i:i + 16].lower() not in text.lower()
        assert str(store.key_path(spec)) not in text


def test_service_kinds_and_ports_from_the_server() -> None:
    ssh = TunnelSpec.new("shell", TunnelKind.SERVER, target_port=22)
    assert (card_for(ssh, ADDRESS).kind, card_for(ssh, ADDRESS).port) == (ServiceKind.SSH, 2222)
    game = TunnelSpec.new("game", TunnelKind.SERVER, target_port=25565, i2p_port=25565)
    card = card_for(game, ADDRESS)
    assert (card.kind, card.port, card.i2p_port) == (ServiceKind.GENERIC, 25565, 25565)
    low = TunnelSpec.new("finger", TunnelKind.SERVER, target_port=79)
    assert card_for(low, ADDRESS).port == 10079  # a user may not bind below 1024
    assert card_for(ssh, ADDRESS, ServiceKind.IRC).port == 6668


def test_a_client_tunnel_has_no_card() -> None:
    client = TunnelSpec.new("c", TunnelKind.CLIENT, listen_port=1234, destination=ADDRESS)
    with pytest.raises(CardError, match="not a server tunnel"):
        card_for(client, ADDRESS)


def test_next_free_port() -> None:
    taken = {8080, 8081}
    assert next_free_port(8080, taken.__contains__) == 8082
    assert next_free_port(9000, taken.__contains__) == 9000
    assert next_free_port(65535, lambda p: True) is None
    assert next_free_port(8080, lambda p: p < 9000, limit=10) is None


def test_card_files_and_file_urls(tmp_path: Path) -> None:
    path = tmp_path / "My site.i2pcard"
    path.write_text("\ufeff" + GOOD + "\r\n\r\n", encoding="utf-8")  # a BOM, CRLF
    card = decode_card(GOOD)
    assert read_card_file(path) == card
    assert load_card(str(path)) == card
    assert load_card(path.as_uri()) == card
    assert load_card(GOOD) == card


@pytest.mark.parametrize(("content", "words"), [
    (b"\xff\xfe binary", "not UTF-8"),
    (b"x" * 5000, "larger than"),
    (b"hello", "not a share card"),
])
def test_bad_card_files(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.i2pcard"
    path.write_bytes(content)
    with pytest.raises(CardError, match=words) as info:
        load_card(str(path))
    assert str(path) in str(info.value)


def test_missing_and_remote_files(tmp_path: Path) -> None:
    with pytest.raises(CardError, match="No such file"):
        load_card(str(tmp_path / "none.i2pcard"))
    with pytest.raises(CardError, match="only local files"):
        load_card("file://example.org/x.i2pcard")
