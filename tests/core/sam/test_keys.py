"""I2P base64/base32, destination and private-key parsing, b32 with the known vector."""

from __future__ import annotations

import hashlib
import os

import pytest

from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.sam import keys
from i2ptunnel_gui.core.sam.errors import KeyFormatError

# l-n-s/i2plib test/test_address.py (REFERENCE.md 4.7): Ed25519 destination, KEY cert
VECTOR_B32 = "testvjtq2sfj5a6m7dwecpuxwbpwglgrma4i2iisxg2g5bnogm5a"
VECTOR_DEST = (
    "Q8VZ41jSRFutjRYDbnDioTfMitFMAMINRqrgcwISQ3ObOyzjBX9Kz~OJz7ShyGqdILTxgeDYkGTpYEp4HIleUHwX"
    "UVaX8tEjEYQPYMTZr-ol-biPwokefgUtOG5MKB7d3pPN9z5j6wFaYfUhSuXq6eVkMqxE9S3MGP5D8l2ihYhvlKrL"
    "5uTW0up8GnO~o0e7SXoYRUES1TuA78GkB10qOJKEW4ow0YFr2m1I7gL7mrJu44XfvAALOmyKuJxvXxpevAeeW1TW"
    "EWONP9skUC9N3mvQsGRBCzIeZEgSlT0Vkdg8e5r8nUYAWxZmeY4U-vW2lchCb4hz4Tnuj9nWsMdj4bjnuBe51SE4"
    "G93Fw73o3w4PHL2blh0yVLGOlVzHOv6kz2TPg4dnjioI0sFTnFv4CyARPHHJtKMQi7JF6SucMSO4F2u~XdSIMnV8"
    "45OIL1W52097~LqX9uW7sg-pbueB1FSUIyv4GpwZo2XKxSm6EQ5tv2tYs9LowPDQzPZhXAAUBQAEAAcAAA=="
)


def vector_key_blob() -> bytes:
    """The 679-byte layout of test.dat: dest (391) | ElGamal priv (256) | Ed25519 priv (32)."""
    dest = keys.b64decode(VECTOR_DEST)
    return dest + os.urandom(256) + os.urandom(31) + b"\x01"


def test_vector_destination() -> None:
    assert len(VECTOR_DEST) == 524 and VECTOR_DEST.endswith("BQAEAAcAAA==")
    dest = keys.parse_destination(VECTOR_DEST)
    assert len(dest.raw) == 391
    assert dest.cert_type == keys.CERT_KEY and dest.crypto_type == 0
    assert dest.sig_type.name == "EdDSA_SHA512_Ed25519"
    assert dest.b32 == VECTOR_B32
    assert dest.b32_address == VECTOR_B32 + ".b32.i2p"
    assert dest.b64 == VECTOR_DEST
    assert dest.signing_public_key == dest.raw[352:384]


def test_vector_private_key_blob() -> None:
    blob = vector_key_blob()
    assert len(blob) == 679
    pk = keys.parse_private_key(blob)
    assert len(pk.b64) == 908
    assert pk.destination.b64 == VECTOR_DEST
    assert pk.offline is None
    assert keys.b32_address(blob) == VECTOR_B32 + ".b32.i2p"
    assert keys.b32_address(pk.b64) == VECTOR_B32 + ".b32.i2p"
    assert keys.b32_address(VECTOR_DEST) == VECTOR_B32 + ".b32.i2p"
    assert keys.b32_address(pk) == keys.b32_address(pk.destination)
    assert VECTOR_B32 in repr(pk) and pk.b64[:50] not in repr(pk)


def test_b32_is_sha256_of_destination_only() -> None:
    blob = vector_key_blob()
    digest = hashlib.sha256(blob[:391]).digest()
    assert keys.b32encode(digest) == VECTOR_B32
    assert keys.b32decode(VECTOR_B32) == digest
    assert keys.is_b32_address(VECTOR_B32 + ".b32.i2p")
    assert not keys.is_b32_address(VECTOR_B32 + ".b32.i2p\n")


def test_i2p_base64_alphabet() -> None:
    data = bytes([0xFB, 0xFF, 0xBF]) * 4
    text = keys.b64encode(data)
    assert "-" in text or "~" in text
    assert "+" not in text and "/" not in text
    assert keys.b64decode(text) == data


def test_null_cert_dsa_private_key_663_bytes() -> None:
    # no SIGNATURE_TYPE on SESSION CREATE gives DSA_SHA1 + NULL cert (docs/I2PD.md §4)
    dest = os.urandom(384) + b"\x00\x00\x00"
    blob = dest + os.urandom(256) + os.urandom(19) + b"\x01"
    pk = keys.parse_private_key(blob)
    assert len(blob) == 663 and len(pk.b64) == 884
    assert pk.destination.sig_type.name == "DSA_SHA1" and pk.destination.cert_type == 0


def test_p521_destination_with_excess_key_bytes() -> None:
    cert = b"\x05\x00\x08" + (3).to_bytes(2, "big") + b"\x00\x00" + os.urandom(4)
    raw = os.urandom(384) + cert
    dest = keys.parse_destination(raw)
    assert dest.sig_type.public_len == 132
    assert dest.signing_public_key == raw[256:384] + raw[391:395]


def test_offline_signature_section() -> None:
    dest = keys.b64decode(VECTOR_DEST)
    transient = (7).to_bytes(2, "big")
    offline = (1_900_000_000).to_bytes(4, "big") + transient + os.urandom(32) + os.urandom(64)
    blob = dest + os.urandom(256) + bytes(32) + offline + os.urandom(32)
    pk = keys.parse_private_key(blob)
    assert pk.offline is not None
    assert pk.offline.expires == 1_900_000_000
    assert pk.offline.transient_sig_type.code == 7
    with pytest.raises(KeyFormatError, match="offline"):
        keys.parse_private_key(blob[:-40])


def test_build_destination_round_trip() -> None:
    dest = keys.build_destination(os.urandom(256), os.urandom(32))
    assert len(dest.raw) == 391 and dest.b64.endswith("BQAEAAcAAA==")
    pk = keys.build_private_key(dest, os.urandom(256), os.urandom(32))
    assert keys.parse_private_key(pk.raw) == pk


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ("", "empty"),
        ("abc!", "character '!'"),
        ("abc+defg", "character '\\+'"),
        ("abcde", "multiple of 4"),
        # every character allowed but '=' mid-value: leaked StopIteration (RuntimeError)
        ("AAAA=AAA", "'=' may only pad its end"),
        ("=AAA", "'=' may only pad its end"),
        (VECTOR_DEST[:200] + "=" + VECTOR_DEST[201:], "'=' may only pad its end"),
        ("AAAA===", "'=' may only pad its end"),
        ("AA٣A", "character '٣'"),
        ("AAAA", "too short"),
        (VECTOR_DEST[:100], "too short"),
        (VECTOR_DEST[:-8] + "AAAAAAAA", None),  # cert length field changed -> truncated/unknown
    ],
)
def test_malformed_destinations_have_clear_errors(data: str, match: str | None) -> None:
    with pytest.raises(KeyFormatError, match=match) as info:
        keys.parse_destination(data)
    assert isinstance(info.value, ConfigError) and isinstance(info.value, ValueError)


def test_destination_vs_private_key_confusion_is_explained() -> None:
    blob = vector_key_blob()
    with pytest.raises(KeyFormatError, match="private key"):
        keys.parse_destination(blob)
    with pytest.raises(KeyFormatError, match="a destination, not a private key"):
        keys.parse_private_key(VECTOR_DEST)
    with pytest.raises(KeyFormatError, match="truncated"):
        keys.parse_private_key(blob[:-1])
    with pytest.raises(KeyFormatError, match="unexpected bytes"):
        keys.parse_private_key(blob + b"\x00")


def test_unknown_types_rejected() -> None:
    raw = bytearray(keys.b64decode(VECTOR_DEST))
    raw[387:389] = (99).to_bytes(2, "big")
    with pytest.raises(KeyFormatError, match="signature type 99"):
        keys.parse_destination(bytes(raw))
    raw[387:389] = (7).to_bytes(2, "big")
    raw[389:391] = (42).to_bytes(2, "big")
    with pytest.raises(KeyFormatError, match="crypto type 42"):
        keys.parse_destination(bytes(raw))
    raw[384] = 9
    with pytest.raises(KeyFormatError, match="certificate type 9"):
        keys.parse_destination(bytes(raw))


@pytest.mark.parametrize("text", ["aaßa", "ａｂ", "abc=def", "ab\x00c", "1" * 9])
def test_b32decode_errors_are_key_format_errors(text: str) -> None:
    with pytest.raises(KeyFormatError, match="is not base32"):
        keys.b32decode(text)
