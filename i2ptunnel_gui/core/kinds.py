"""Tunnel kinds: what a runtime gets from its engine, and the registry of kinds.

`engine.start_tunnel(spec)` builds `KINDS[spec.kind](spec, ctx, retry=...)`;
kinds register themselves with `@register_kind(kind)` when their module loads
(the engine imports core.forward and, lazily, core.i2p).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from i2ptunnel_gui.core.spec import TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelEvent

if TYPE_CHECKING:
    from i2ptunnel_gui.core.runtime import TunnelRuntime


@dataclass
class EngineContext:
    """What a runtime may use from its engine (all on the engine thread)."""

    loop: asyncio.AbstractEventLoop
    emit: Callable[[TunnelEvent], None]  # deliver an event to the engine's subscribers
    sam_address: str = "127.0.0.1:7656"  # app-wide; spec.sam_address overrides when set
    keystore: Any = None  # core.keystore.KeyStore, or None (transient keys only)
    connection_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))


RuntimeFactory = Callable[[TunnelSpec, EngineContext], "TunnelRuntime"]
KINDS: dict[TunnelKind, RuntimeFactory] = {}


def register_kind(kind: TunnelKind) -> Callable[[type[TunnelRuntime]], type[TunnelRuntime]]:
    """Class decorator: `engine.start_tunnel(spec)` builds `cls(spec, ctx)` for `kind`."""

    def deco(cls: type[TunnelRuntime]) -> type[TunnelRuntime]:
        KINDS[kind] = cls
        return cls

    return deco
