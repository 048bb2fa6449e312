"""What an HTTP server tunnel adds to a server tunnel, per accepted stream.

The server tunnel admits the stream (core/server_policy.py), dials the service and
relays as for any server kind; for the HTTP kind the relay's local filter is a
`HeadRewriter` (core/http_server_head.py) bound to the caller, with the tunnel's
Host override and, when POST limits are set, the tunnel's `PostThrottle`. A
refused POST or a request that cannot be read is reported through `on_refused`
(counted and logged by the tunnel) and ends that stream only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from i2ptunnel_gui.core.http_server_head import CallerHeaders, HeadRewriter, Step
from i2ptunnel_gui.core.post_limits import PostThrottle
from i2ptunnel_gui.core.relay import LocalFilter, RelayOptions
from i2ptunnel_gui.core.sam.keys import Destination


def http_relay_options(
    base: RelayOptions,
    caller: Destination,
    peer_hash: bytes,
    *,
    host_override: str,
    posts: PostThrottle | None,
    on_refused: Callable[[Step], None],
    pending: bytes = b"",
) -> RelayOptions:
    """`base` with the caller's request-head filter (and bytes already read past the
    SAM peer line, which are the start of the first request)."""
    gate = (lambda: posts.admit(peer_hash)) if posts is not None else None
    rewriter = HeadRewriter(CallerHeaders.of(caller), host_override=host_override, post_gate=gate)

    def head_filter(data: bytes) -> tuple[bytes, bytes, bool]:
        step = rewriter.feed(data)
        if step.close:
            on_refused(step)
        return step.to_service, step.to_peer, step.close

    local_filter: LocalFilter = head_filter
    return replace(base, local_pending=pending, local_filter=local_filter)
