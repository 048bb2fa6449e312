"""I2P base64/base32, Destination and private-key blobs, b32 addresses.

Layout (REFERENCE.md 4.6, common-structures): a Destination is 384 bytes of
key material (crypto key at the start, signing key aligned at the end), a
certificate (type, 2-byte length, payload) and nothing else. A private key blob
(SAM `PRIV=`/`DESTINATION=`, i2pd `.dat`, Java `eepPriv.dat`) is the Destination
followed by the crypto private key and the signing private key; an all-zero
signing key means an offline-signed key with a transient section after it.
The b32 address is computed here from the Destination bytes, never asked of
the router.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

from .errors import KeyFormatError

KEYS_AREA = 384
CERT_NULL = 0
CERT_KEY = 5
B32_SUFFIX = ".b32.i2p"


@dataclass(frozen=True, slots=True)
class SigType:
    code: int
    name: str
    public_len: int
    private_len: int
    signature_len: int


SIG_TYPES: dict[int, SigType] = {
    t.code: t
    for t in (
        SigType(0, "DSA_SHA1", 128, 20, 40),
        SigType(1, "ECDSA_SHA256_P256", 64, 32, 64),
        SigType(2, "ECDSA_SHA384_P384", 96, 48, 96),
        SigType(3, "ECDSA_SHA512_P521", 132, 66, 132),
        SigType(4, "RSA_SHA256_2048", 256, 512, 256),
        SigType(5, "RSA_SHA384_3072", 384, 768, 384),
        SigType(6, "RSA_SHA512_4096", 512, 1024, 512),
        SigType(7, "EdDSA_SHA512_Ed25519", 32, 32, 64),
        SigType(8, "EdDSA_SHA512_Ed25519ph", 32, 32, 64),
        SigType(11, "RedDSA_SHA512_Ed25519", 32, 32, 64),
    )
}
# crypto type -> (public key length, private key length)
CRYPTO_TYPES: dict[int, tuple[int, int]] = {
    0: (256, 256),
    1: (64, 32),
    2: (96, 48),
    3: (132, 66),
    4: (32, 32),
}

_I2P_B64 = re.compile(r"^[A-Za-z0-9\-~]*={0,2}$")
_B32_ADDR = re.compile(r"^([a-z2-7]{52})\.b32\.i2p$")


# ---------------------------------------------------------------- encodings


def b64encode(data: bytes) -> str:
    """I2P base64: standard alphabet with + -> - and / -> ~, padding kept."""
    return base64.b64encode(data, altchars=b"-~").decode("ascii")


def b64decode(text: str, what: str = "key") -> bytes:
    text = text.strip()
    if not text:
        raise KeyFormatError(f"{what} is empty")
    if not _I2P_B64.fullmatch(text):
        bad = next((c for c in text if not (c.isalnum() and c.isascii()) and c not in "-~="), "")
        if not bad:  # every character is allowed, so an '=' sits before the end
            raise KeyFormatError(f"{what} is not I2P base64: '=' may only pad its end")
        raise KeyFormatError(f"{what} is not I2P base64: character {bad!r} is not allowed")
    if len(text) % 4:
        raise KeyFormatError(f"{what} is not I2P base64: length {len(text)} is not a multiple of 4")
    try:
        return base64.b64decode(text, altchars=b"-~", validate=True)
    except binascii.Error as e:
        raise KeyFormatError(f"{what} is not valid base64: {e}") from e


def b32encode(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").lower().rstrip("=")


def b32decode(text: str) -> bytes:
    if not text.isascii():  # str.upper() would also turn 'ß' into 'SS'
        raise KeyFormatError(f"{text[:60]!r} is not base32: only ASCII letters and digits")
    t = text.upper()
    try:
        return base64.b32decode(t + "=" * (-len(t) % 8))
    except binascii.Error as e:
        raise KeyFormatError(f"{text[:60]!r} is not base32: {e}") from e


# ---------------------------------------------------------------- structures


@dataclass(frozen=True, slots=True)
class Destination:
    """A public I2P destination (KeysAndCert)."""

    raw: bytes
    sig_type: SigType
    crypto_type: int
    cert_type: int

    @property
    def b64(self) -> str:
        return b64encode(self.raw)

    @property
    def b32(self) -> str:
        """The 52-character hash, without `.b32.i2p`."""
        return b32encode(hashlib.sha256(self.raw).digest())

    @property
    def b32_address(self) -> str:
        return self.b32 + B32_SUFFIX

    @property
    def signing_public_key(self) -> bytes:
        n = self.sig_type.public_len
        if n <= KEYS_AREA - 256:
            return self.raw[KEYS_AREA - n : KEYS_AREA]
        # larger keys: 128 bytes in place, the excess in the KEY certificate
        return self.raw[KEYS_AREA - 128 : KEYS_AREA] + self.raw[391 : 391 + n - 128]

    def __str__(self) -> str:
        return self.b32_address


@dataclass(frozen=True, slots=True)
class OfflineSignature:
    expires: int  # seconds since the epoch
    transient_sig_type: SigType


@dataclass(frozen=True, slots=True)
class PrivateKey:
    """A private key blob as SAM and router key files store it."""

    raw: bytes
    destination: Destination
    offline: OfflineSignature | None = None

    @property
    def b64(self) -> str:
        return b64encode(self.raw)

    @property
    def b32_address(self) -> str:
        return self.destination.b32_address

    def __repr__(self) -> str:  # never print key material
        return f"PrivateKey({self.destination.b32_address}, {len(self.raw)} bytes)"


def _as_bytes(data: bytes | str, what: str) -> bytes:
    return b64decode(data, what) if isinstance(data, str) else bytes(data)


def _read_destination(raw: bytes, what: str) -> Destination:
    """Parse the Destination at the start of `raw` (which may continue)."""
    if len(raw) < KEYS_AREA + 3:
        raise KeyFormatError(
            f"{what} is too short: {len(raw)} bytes, a destination needs at least 387"
        )
    cert_type = raw[KEYS_AREA]
    cert_len = int.from_bytes(raw[385:387], "big")
    end = 387 + cert_len
    if len(raw) < end:
        raise KeyFormatError(
            f"{what} is truncated: its certificate needs {cert_len} bytes, {len(raw) - 387} left"
        )
    sig_code, crypto = 0, 0
    if cert_type == CERT_KEY:
        if cert_len < 4:
            raise KeyFormatError(f"{what}: key certificate is {cert_len} bytes, needs at least 4")
        sig_code = int.from_bytes(raw[387:389], "big")
        crypto = int.from_bytes(raw[389:391], "big")
    elif cert_type > CERT_KEY:
        raise KeyFormatError(f"{what}: unknown certificate type {cert_type}")
    sig = SIG_TYPES.get(sig_code)
    if sig is None:
        raise KeyFormatError(f"{what}: unknown signature type {sig_code}")
    if crypto not in CRYPTO_TYPES:
        raise KeyFormatError(f"{what}: unknown crypto type {crypto}")
    if sig.code in (4, 5, 6):
        raise KeyFormatError(f"{what}: RSA signature type {sig.name} is not used in destinations")
    excess = max(0, sig.public_len - 128) + max(0, CRYPTO_TYPES[crypto][0] - 256)
    if cert_type == CERT_KEY and cert_len < 4 + excess:
        raise KeyFormatError(f"{what}: key certificate too short for {sig.name}")
    return Destination(raw[:end], sig, crypto, cert_type)


def parse_destination(data: bytes | str) -> Destination:
    """A public destination from bytes or I2P base64; trailing bytes are an error."""
    raw = _as_bytes(data, "destination")
    dest = _read_destination(raw, "destination")
    if len(raw) != len(dest.raw):
        raise KeyFormatError(
            f"destination has {len(raw) - len(dest.raw)} unexpected bytes after it "
            "(is this a private key?)"
        )
    return dest


def parse_private_key(data: bytes | str) -> PrivateKey:
    """A private key blob from bytes or I2P base64, checked to the last byte."""
    raw = _as_bytes(data, "private key")
    dest = _read_destination(raw, "private key")
    pos = len(dest.raw)
    crypto_priv = CRYPTO_TYPES[dest.crypto_type][1]
    need = pos + crypto_priv + dest.sig_type.private_len
    if len(raw) < need:
        what = "a destination, not a private key" if len(raw) == pos else "truncated"
        raise KeyFormatError(
            f"private key is {what}: {len(raw)} bytes, {dest.sig_type.name} needs {need}"
        )
    signing = raw[pos + crypto_priv : need]
    offline = None
    pos = need
    if not any(signing):
        # offline-signed: expires | transient sig type | transient pubkey | signature | privkey
        if len(raw) < pos + 6:
            raise KeyFormatError("private key: offline signature section is truncated")
        expires = int.from_bytes(raw[pos : pos + 4], "big")
        tcode = int.from_bytes(raw[pos + 4 : pos + 6], "big")
        tsig = SIG_TYPES.get(tcode)
        if tsig is None:
            raise KeyFormatError(f"private key: unknown transient signature type {tcode}")
        pos += 6 + tsig.public_len + dest.sig_type.signature_len + tsig.private_len
        if len(raw) < pos:
            raise KeyFormatError("private key: offline signature section is truncated")
        offline = OfflineSignature(expires, tsig)
    if len(raw) != pos:
        raise KeyFormatError(f"private key has {len(raw) - pos} unexpected bytes at its end")
    return PrivateKey(raw, dest, offline)


def b32_address(dest_or_priv: bytes | str | Destination | PrivateKey) -> str:
    """`<52 chars>.b32.i2p` of a destination or private key (base64, bytes or parsed).

    Only the Destination prefix is hashed, so a private key gives its public address.
    """
    if isinstance(dest_or_priv, PrivateKey):
        return dest_or_priv.b32_address
    if isinstance(dest_or_priv, Destination):
        return dest_or_priv.b32_address
    raw = _as_bytes(dest_or_priv, "destination")
    return _read_destination(raw, "destination").b32_address


def is_b32_address(text: str) -> bool:
    return _B32_ADDR.fullmatch(text) is not None


def build_destination(
    crypto_public: bytes,
    signing_public: bytes,
    *,
    sig_type: int = 7,
    crypto_type: int = 0,
    padding: bytes = b"",
) -> Destination:
    """Assemble a Destination with a KEY certificate (no excess key bytes)."""
    sig = SIG_TYPES[sig_type]
    crypto_len = CRYPTO_TYPES[crypto_type][0]
    if len(crypto_public) != crypto_len or len(signing_public) != sig.public_len:
        raise KeyFormatError("key lengths do not match the requested types")
    if sig.public_len > 128 or crypto_len > 256:
        raise KeyFormatError("keys with excess certificate bytes are not supported here")
    pad_len = KEYS_AREA - crypto_len - sig.public_len
    pad = (padding * (pad_len // max(1, len(padding)) + 1))[:pad_len] if padding else bytes(pad_len)
    cert = bytes([CERT_KEY]) + (4).to_bytes(2, "big")
    cert += sig_type.to_bytes(2, "big") + crypto_type.to_bytes(2, "big")
    return parse_destination(crypto_public + pad + signing_public + cert)


def build_private_key(
    dest: Destination, crypto_private: bytes, signing_private: bytes
) -> PrivateKey:
    return parse_private_key(dest.raw + crypto_private + signing_private)
