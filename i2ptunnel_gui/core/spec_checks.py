"""What a valid tunnel definition is: `validate()`, the one place that decides it. The
editor shows its messages next to the fields (in the UI's language: they are
core/text.py Texts), the CLI prints them, the engine refuses a spec with any."""

from __future__ import annotations

import re
from dataclasses import dataclass

from i2ptunnel_gui.core.addresses import (
    SpecError,
    check_destination,
    check_host,
    check_port,
    is_loopback_host,
    parse_hostport,
)
from i2ptunnel_gui.core.client_fields import client_field_problems
from i2ptunnel_gui.core.policy.server_policy import policy_problems
from i2ptunnel_gui.core.sam.options import option_problem
from i2ptunnel_gui.core.spec import SIGNATURE_TYPES, TUNNEL_SHAPE_KEYS, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.text import Text

# a hop count or quantity: ASCII digits only (str.isdigit() takes '٣' and '²', int() then
# accepts one and chokes on the other), one optional sign
_SHAPE_NUMBER = re.compile(r"-?[0-9]{1,2}")


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str


def validate(spec: TunnelSpec, *, any_listen_port: bool = False) -> list[FieldError]:
    """Every problem of `spec`, one per field, in the editor's field order.
    `any_listen_port`: listen_port 0 (any free port) is fine; only the engine door
    allows it, for hosts that report the bound port (a saved tunnel needs a real one)."""
    errs: list[FieldError] = []

    def bad(fld: str, msg: str | None) -> None:
        if msg:
            errs.append(FieldError(fld, msg))

    if not spec.name.strip():
        bad("name", Text("name is empty"))
    elif any(c in spec.name for c in "\n\r\0"):
        bad("name", Text("name must be one line"))
    elif len(spec.name) > 100:
        bad("name", Text("name is longer than 100 characters"))

    if spec.listens:
        host_error = check_host(spec.listen_host)
        bad("listen_host", host_error)
        public = host_error is None and not is_loopback_host(spec.listen_host)
        if public and not spec.allow_public_bind:
            bad("listen_host", Text(
                "{host} is not a loopback address: anyone who can reach it can use this "
                "tunnel; allow non-loopback listening explicitly", host=spec.listen_host))
        bad("listen_port", check_port(spec.listen_port, allow_zero=any_listen_port))

    if spec.kind is TunnelKind.FORWARD or spec.serves:
        bad("target_host", check_host(spec.target_host))
        bad("target_port", check_port(spec.target_port))

    if spec.kind is TunnelKind.CLIENT:
        bad("destination", check_destination(spec.destination))
    errs += [FieldError(f, why) for f, why in client_field_problems(  # issue 10
        irc=spec.kind is TunnelKind.IRC, destination=spec.destination, outproxy=spec.outproxy,
        proxy_user=spec.proxy_user, proxy_password=spec.proxy_password,
        close_idle=spec.close_idle)]

    if spec.nconnect == 0 or spec.nconnect < -1:
        bad("nconnect", Text("maximum connections must be -1 (unlimited) or at least 1"))
    if spec.lifetime is not None and not spec.lifetime > 0:
        bad("lifetime", Text("lifetime must be more than 0 seconds (or unlimited)"))
    if spec.idle_timeout is not None and not spec.idle_timeout > 0:
        bad("idle_timeout", Text("idle timeout must be more than 0 seconds (or never)"))
    if spec.half_close_timeout is not None and not spec.half_close_timeout > 0:
        bad("half_close_timeout",
            Text("half-close timeout must be more than 0 seconds (or never)"))
    if not spec.connect_timeout > 0:
        bad("connect_timeout", Text("connect timeout must be more than 0 seconds"))

    if spec.needs_router:
        if spec.sam_address:
            try:
                parse_hostport(spec.sam_address)
            except SpecError as e:
                bad("sam_address", Text("SAM address {why}", why=e.message))
        if spec.signature_type not in SIGNATURE_TYPES:
            bad("signature_type", Text("unknown signature type {code}",
                                       code=spec.signature_type))
        for k, v in spec.options:
            if (why := option_problem(k, v)) is not None:
                bad("options", why)
                break
        opts = spec.options_dict
        for k in TUNNEL_SHAPE_KEYS:
            shape = opts.get(k)
            if shape is not None and not (
                _SHAPE_NUMBER.fullmatch(shape) and -7 <= int(shape) <= 16
            ):
                bad("options", Text("{key} must be a whole number from -7 to 16 (got {value})",
                                    key=k, value=repr(shape)))
                break
    for fld, why in policy_problems(  # issue 11
        serves=spec.serves,
        http=spec.kind is TunnelKind.HTTP_SERVER,
        connects=spec.kind is TunnelKind.CLIENT,
        access_mode=spec.access_mode,
        access_list=spec.access_list,
        conn_limits=spec.conn_limits,
        post_limits=spec.post_limits,
        host_override=spec.host_override,
        i2p_port=spec.i2p_port,
    ):
        bad(fld, why)
    return errs
