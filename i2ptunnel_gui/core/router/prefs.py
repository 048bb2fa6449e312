"""Which router the app uses: one the user runs (External) or its own i2pd (Managed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from i2ptunnel_gui.core.addresses import SpecError, parse_hostport
from i2ptunnel_gui.core.router.config import ManagedOptions
from i2ptunnel_gui.core.text import Text

DEFAULT_SAM = "127.0.0.1:7656"


class RouterMode(StrEnum):
    EXTERNAL = "external"  # SAM at host:port of a router the user runs (i2pd, Java I2P)
    MANAGED = "managed"  # the app starts, watches and stops its own i2pd


@dataclass(frozen=True, slots=True)
class RouterPrefs:
    mode: RouterMode = RouterMode.EXTERNAL
    sam_address: str = DEFAULT_SAM  # External only; Managed uses its router's
    sam_user: str = ""  # Java I2P with SAM authentication on; i2pd has none
    sam_password: str = ""
    control_address: str = ""  # an External router's I2PControl ("" = not asked)
    control_password: str = ""
    managed: ManagedOptions = field(default_factory=ManagedOptions)

    @property
    def sam_auth(self) -> tuple[str, str] | None:
        """(user, password) for SAM HELLO, or None when not set."""
        return (self.sam_user, self.sam_password) if self.sam_user else None

    def problems(self) -> list[str]:
        """What keeps these preferences from working, as messages for the user."""
        out = []
        if self.mode is RouterMode.EXTERNAL:
            out += _address_problem(Text("SAM address"), self.sam_address)
            if self.control_address:
                out += _address_problem(Text("I2PControl address"), self.control_address)
            if self.sam_password and not self.sam_user:
                out.append(Text("a SAM password needs a SAM user"))
            for value, why in (
                (self.sam_user, Text("the SAM user cannot contain spaces, quotes or '='")),
                (self.sam_password,
                 Text("the SAM password cannot contain spaces, quotes or '='")),
            ):
                if any(c.isspace() or c in "\"'=" for c in value):
                    out.append(why)
        else:
            out += self.managed.problems()
        return out


def _address_problem(name: str, address: str) -> list[str]:
    try:
        parse_hostport(address)
    except SpecError as e:
        return [Text("{what}: {why}", what=name, why=e.message)]
    return []
