"""The .b32 address of a persistent tunnel read from its key file on disk.

A stopped server's address is known without a router: it is the hash of the
destination in its key file (core/sam/keys.py). The table and the details show it
while the tunnel is stopped; no file yet (it is made at the first start) or an
unreadable one is said plainly instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from i2ptunnel_gui.core.keystore import KeyStore, KeyStoreError
from i2ptunnel_gui.core.sam.keys import b32_address
from i2ptunnel_gui.core.spec import KeyMode, TunnelSpec
from i2ptunnel_gui.ui.core_texts import shown


@dataclass(frozen=True, slots=True)
class KeyAddress:
    b32: str = ""  # "<52 chars>.b32.i2p", or "" when there is none (see `problem`)
    problem: str = ""  # why there is no address, in a sentence (the details panel)
    short: str = ""  # the same in a few words (the table's address column)


def read_key_address(store: KeyStore, spec: TunnelSpec) -> KeyAddress | None:
    """The address in `spec`'s key file; None when it has no key of its own to show
    (a TCP forward, or a transient key: a new address on every start)."""
    if not spec.needs_router or spec.key_mode is not KeyMode.PERSISTENT:
        return None
    path = store.key_path(spec)
    try:
        blob = store.load(path)
    except KeyStoreError as e:  # insecure, not a key, not readable: say which and why
        return KeyAddress(
            problem=QCoreApplication.translate(
                "KeyAddress", "The key file cannot be used: {why}").format(why=shown(e)),
            short=QCoreApplication.translate("KeyAddress", "key file unusable"))
    if blob is None:
        return KeyAddress(
            problem=QCoreApplication.translate(
                "KeyAddress", "No key file yet ({path}): the address is made at the "
                              "first start.").format(path=path),
            short=QCoreApplication.translate("KeyAddress", "no key file yet"))
    return KeyAddress(b32=b32_address(blob))
