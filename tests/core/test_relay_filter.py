"""The relay's local filter (HTTP server tunnels): every byte from the local side,
pending and early ones included, passes it; its reply goes back; it can end the relay."""

from __future__ import annotations

import asyncio
import socket

import pytest

from i2ptunnel_gui.core.errors import ConfigError
from i2ptunnel_gui.core.relay import CloseReason, Relay, RelayOptions

TIMEOUT = 5.0


async def read_until_eof(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> bytes:
    out = b""
    async with asyncio.timeout(TIMEOUT):
        while chunk := await loop.sock_recv(sock, 65536):
            out += chunk
    return out


@pytest.mark.parametrize("loop_kind", ["asyncio", "uvloop"])
def test_filter_sees_pending_early_and_later_bytes_and_can_end_the_relay(loop_kind: str) -> None:
    if loop_kind == "uvloop":
        uvloop = pytest.importorskip("uvloop")
        runner = asyncio.Runner(loop_factory=uvloop.new_event_loop)
    else:
        runner = asyncio.Runner()
    with runner:
        runner.run(_scenario())


async def _scenario() -> None:
    loop = asyncio.get_running_loop()
    peer, local = socket.socketpair()  # peer = the I2P caller, local = its stream
    remote, service = socket.socketpair()  # remote = our side to the service
    for s in (peer, service):
        s.setblocking(False)
    seen: list[bytes] = []

    def upper(data: bytes) -> tuple[bytes, bytes, bool]:
        seen.append(data)
        if b"stop" in data:
            return data.upper(), b"bye\n", True
        return data.upper(), b"", False

    peer.sendall(b"early ")  # read before the relay starts, at least in part
    relay = Relay(loop)
    options = RelayOptions(local_pending=b"pending ", local_filter=upper)
    task = asyncio.create_task(relay.run(local, remote, options))
    async with asyncio.timeout(TIMEOUT):
        got = b""
        while len(got) < len(b"PENDING EARLY "):
            got += await loop.sock_recv(service, 100)
    assert got == b"PENDING EARLY "
    await loop.sock_sendall(service, b"untouched reply ")
    await loop.sock_sendall(peer, b"more stop")
    assert await read_until_eof(loop, service) == b"MORE STOP"
    assert await read_until_eof(loop, peer) == b"untouched reply bye\n"
    assert await asyncio.wait_for(task, TIMEOUT) is CloseReason.DONE
    assert b"".join(seen) == b"pending early more stop"
    assert relay.bytes_in == len(b"pending early more stop")
    assert relay.bytes_out == len(b"untouched reply bye\n")
    for s in (peer, service):
        s.close()


def test_the_splice_relay_refuses_a_filter_it_could_not_apply() -> None:
    splice = pytest.importorskip("i2ptunnel_gui.core.splice")
    if not splice.available():
        pytest.skip("no os.splice here")
    a, b = socket.socketpair()
    c, d = socket.socketpair()

    async def scenario() -> None:
        relay = splice.SpliceRelay(asyncio.get_running_loop())
        opts = RelayOptions(local_filter=lambda data: (data, b"", False))
        with pytest.raises(ConfigError, match="cannot filter"):
            await relay.start(a, c, opts)

    asyncio.run(scenario())
    assert a.fileno() == -1 and c.fileno() == -1  # it owned them: closed
    b.close()
    d.close()
