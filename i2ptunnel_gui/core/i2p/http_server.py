"""HTTP server tunnels ("eepsites"): a server tunnel that tells the service who calls.

It admits streams (core/policy/server_policy.py), dials the service and relays as any
server kind; the relay's local filter is a `HeadRewriter` (core/http_server_head.py)
bound to the caller, with the tunnel's Host override and, when POST limits are
set, the tunnel's `PostThrottle`. A refused POST or a request that cannot be read
ends that stream only; it is counted and logged. Responses are not touched.
The filter needs the Protocol-pair relay: the splice path never sees the bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from i2ptunnel_gui.core.context import EngineContext, StartOptions
from i2ptunnel_gui.core.http_server_head import CallerHeaders, HeadRewriter, Step
from i2ptunnel_gui.core.i2p.server import ServerTunnel
from i2ptunnel_gui.core.policy.post_limits import PostThrottle
from i2ptunnel_gui.core.policy.refusals import Refusal
from i2ptunnel_gui.core.policy.server_policy import Admission
from i2ptunnel_gui.core.relay import LocalFilter, Relay, RelayOptions
from i2ptunnel_gui.core.sam.keys import Destination
from i2ptunnel_gui.core.spec import TunnelSpec


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


class HttpServerTunnel(ServerTunnel):
    """A server tunnel whose service gets X-I2P-DestB64/B32/Hash on every request."""

    def __init__(self, spec: TunnelSpec, ctx: EngineContext, start: StartOptions) -> None:
        super().__init__(spec, ctx, start)
        self._relay_class = Relay  # the head filter sees every byte; splice would not
        self.posts = PostThrottle(spec.post_limits) if spec.post_limits.any else None

    def stream_relay_options(self, admission: Admission, rest: bytes) -> RelayOptions:
        return http_relay_options(
            self.relay_options,
            admission.peer,
            admission.peer_hash,
            host_override=self.spec.host_override,
            posts=self.posts,
            on_refused=lambda step: self._request_refused(admission, step),
            pending=rest,
        )

    def _request_refused(self, admission: Admission, step: Step) -> None:
        """A request was answered with an error and its stream ended (the stream itself
        was admitted: counted per reason, not as a refused connection)."""
        reason = step.refusal or Refusal.BAD_REQUEST
        assert self.gate is not None
        self.gate.refusals.add(reason)
        detail = step.error if reason is Refusal.BAD_REQUEST else ""
        self.log_refusal(admission.peer.b32_address, reason, detail)
