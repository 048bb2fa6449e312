"""What the engine reports: tunnel states, connection rows, events.

Plain frozen dataclasses produced on the engine thread and handed to other
threads as immutable snapshots (no live objects cross threads).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from i2ptunnel_gui.core.policy.refusals import RefusalCounts


class TunnelState(StrEnum):
    STOPPED = "stopped"
    STARTING = "starting"
    RUNNING = "running"
    STANDBY = "standby"  # listening, no I2P session until a connection wants one
    RECONNECTING = "reconnecting"  # router gone, retrying with backoff
    DEGRADED = "degraded"  # running, but peers cannot reach it / its opens fail: repairing
    ERROR = "error"  # gave up; message kept

    @property
    def active(self) -> bool:
        return self in (
            TunnelState.STARTING,
            TunnelState.RUNNING,
            TunnelState.STANDBY,
            TunnelState.RECONNECTING,
            TunnelState.DEGRADED,
        )


class Direction(StrEnum):
    INBOUND = "in"  # a peer connected to us (server tunnels: from I2P)
    OUTBOUND = "out"  # a local app connected to our listener (forward, client)


class ConnState(StrEnum):
    CONNECTING = "connecting"  # accepted, opening the other side
    OPEN = "open"
    HALF_CLOSED = "half-closed"  # one direction finished (EOF passed on)
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class ConnectionInfo:
    id: int  # unique per engine
    tunnel_id: str
    peer: str  # b32 for I2P peers, host:port for TCP peers
    direction: Direction
    opened_at: float  # time.time()
    bytes_in: int  # bytes received from the peer side
    bytes_out: int  # bytes sent to the peer side
    state: ConnState
    closed_at: float | None = None


@dataclass(frozen=True, slots=True)
class Reachability:
    """One check of a server tunnel: its own b32 dialled from a separate session."""

    tunnel_id: str
    reachable: bool | None  # None: not checked (no session, router unavailable)
    round_trip_ms: float | None  # one echo through I2P, once the stream was open
    message: str
    time: float


@dataclass(frozen=True, slots=True)
class TunnelStatus:
    id: str
    name: str
    kind: str
    state: TunnelState
    message: str = ""  # last error / router MESSAGE=, verbatim
    local_address: str = ""  # host:port actually bound ("" if none)
    i2p_address: str = ""  # b32 of our destination (server/client), "" otherwise
    destination: str = ""  # our full base64 destination (server/client), "" otherwise
    sam_version: str = ""
    active_connections: int = 0
    total_connections: int = 0
    refused_connections: int = 0  # nconnect reached -> refused
    failed_connections: int = 0  # target refused/reset/timed out
    bytes_in: int = 0
    bytes_out: int = 0
    started_at: float | None = None
    next_retry_at: float | None = None  # while RECONNECTING
    reachability: Reachability | None = None  # last check (server tunnels)
    # -- server policy (issue 11) ---------------------------------------------
    refusals: RefusalCounts = ()  # streams turned away, per reason (core/policy/refusals.py)
    access_entries: tuple[str, ...] = ()  # the access list as resolved at start


@dataclass(frozen=True, slots=True)
class TunnelEvent:
    """A state change or notable error of one tunnel (also the per-tunnel log)."""

    tunnel_id: str
    state: TunnelState
    message: str
    time: float
    level: str = "info"  # info | warning | error


@dataclass(frozen=True, slots=True)
class EngineSnapshot:
    time: float
    tunnels: tuple[TunnelStatus, ...]
    connections: tuple[ConnectionInfo, ...] = field(default=())
