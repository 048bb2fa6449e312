"""The splice relays' one epoll per loop (core/splice_hub.py): sockets join it once,
leave it when nothing is left to watch (an error or hang-up would otherwise be reported
for as long as it lasts) and when closed, and a socket kept alive by a duplicate after an
abort does not keep waking the loop. Real socket pairs, stock asyncio and uvloop."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
import uvloop
from nethelpers import IO_TIMEOUT, sock_recv_exactly

from i2ptunnel_gui.core import splice, splice_hub
from i2ptunnel_gui.core.relay import CloseReason
from i2ptunnel_gui.core.splice import SpliceRelay

pytestmark = pytest.mark.skipif(not splice.available(), reason="os.splice is Linux only")

LOOPS: dict[str, Callable[[], asyncio.AbstractEventLoop]] = {
    "asyncio": asyncio.new_event_loop, "uvloop": uvloop.new_event_loop}


def run_on(loop_name: str, coro: Coroutine[Any, Any, Any]) -> Any:
    with asyncio.Runner(loop_factory=LOOPS[loop_name]) as runner:
        return runner.run(coro)


def pairs() -> tuple[socket.socket, socket.socket, socket.socket, socket.socket]:
    """(local, local_peer, remote, remote_peer): the relay gets local and remote."""
    local, local_peer = socket.socketpair()
    remote, remote_peer = socket.socketpair()
    for s in (local, remote, local_peer, remote_peer):
        s.setblocking(False)
    return local, local_peer, remote, remote_peer


def count_dispatches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    dispatch = splice_hub._dispatch

    def counted(hub: splice_hub.SpliceHub) -> None:
        calls[0] += 1
        dispatch(hub)

    monkeypatch.setattr(splice_hub, "_dispatch", counted)
    return calls


@pytest.mark.parametrize("loop_name", LOOPS)
def test_sockets_leave_the_hub_when_done(loop_name: str) -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        local, local_peer, remote, remote_peer = pairs()
        relay = SpliceRelay(loop)
        hub = splice_hub.hub_of(loop)
        ran = asyncio.ensure_future(relay.run(local, remote))
        await loop.sock_sendall(local_peer, b"up")
        assert await sock_recv_exactly(remote_peer, 2) == b"up"
        assert set(hub.watchers) == {local.fileno(), remote.fileno()}
        local_peer.shutdown(socket.SHUT_WR)  # local's EOF: nothing left to watch on it
        assert await sock_recv_exactly(remote_peer, 1) == b""
        assert set(hub.watchers) == {remote.fileno()}
        remote_peer.shutdown(socket.SHUT_WR)
        assert await asyncio.wait_for(ran, IO_TIMEOUT) == CloseReason.DONE
        assert hub.watchers == {}
        for s in (local_peer, remote_peer):
            s.close()

    run_on(loop_name, main())


@pytest.mark.parametrize("loop_name", LOOPS)
def test_an_aborted_relay_whose_socket_lives_on_in_a_duplicate_goes_quiet(
    loop_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The HTTP proxy keeps a duplicate of the browser's socket to answer after an
    abort: that file stays open and readable, and must not stay in the epoll."""
    calls = count_dispatches(monkeypatch)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        local, local_peer, remote, remote_peer = pairs()
        relay = SpliceRelay(loop)
        relay_task = asyncio.ensure_future(relay.run(local, remote))
        await asyncio.sleep(0)  # joined
        kept = local.dup()
        relay.abort(CloseReason.RESET)
        await asyncio.wait_for(relay_task, IO_TIMEOUT)
        await loop.sock_sendall(local_peer, b"GET / HTTP/1.1\r\n\r\n")  # kept is readable now
        before = calls[0]
        await asyncio.sleep(0.2)
        assert calls[0] - before <= 1  # level-triggered, still registered: thousands
        assert splice_hub.hub_of(loop).watchers == {}
        for s in (kept, local_peer, remote_peer):
            s.close()

    run_on(loop_name, main())


@pytest.mark.parametrize("loop_name", LOOPS)
def test_a_stuck_direction_with_its_source_hung_up_waits_without_spinning(
    loop_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The remote ended its side first (FIN passed to local), then the local side sent
    more than the remote reads and its FIN: local is now shut both ways (a hang-up the
    epoll reports whatever the interest) while its bytes wait. The relay must not spin
    on it, and every byte and the EOF arrive once the remote reads."""
    calls = count_dispatches(monkeypatch)
    payload = b"z" * (8 << 20)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        local, local_peer, remote, remote_peer = pairs()
        relay = SpliceRelay(loop)
        ran = asyncio.ensure_future(relay.run(local, remote))
        remote_peer.shutdown(socket.SHUT_WR)
        assert await sock_recv_exactly(local_peer, 1) == b""  # FIN passed on
        sending = asyncio.ensure_future(loop.sock_sendall(local_peer, payload))
        async with asyncio.timeout(IO_TIMEOUT):
            while not relay._pipe_in:  # the remote does not read: stuck
                await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)
        before = calls[0]
        await asyncio.sleep(0.3)
        assert calls[0] - before <= 2, "woken again and again while stuck"
        got = bytearray()

        async def read_remote() -> None:
            while chunk := await loop.sock_recv(remote_peer, 1 << 16):
                got.extend(chunk)

        reading = asyncio.ensure_future(read_remote())
        await asyncio.wait_for(sending, IO_TIMEOUT)
        local_peer.shutdown(socket.SHUT_WR)
        await asyncio.wait_for(reading, IO_TIMEOUT)
        assert bytes(got) == payload
        assert await asyncio.wait_for(ran, IO_TIMEOUT) == CloseReason.DONE
        assert relay.bytes_in == len(payload)
        assert splice_hub.hub_of(loop).watchers == {}
        for s in (local_peer, remote_peer):
            s.close()

    run_on(loop_name, main())


@pytest.mark.parametrize("loop_name", LOOPS)
def test_a_destination_reset_while_bytes_are_stuck_ends_the_relay(loop_name: str) -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        local, local_peer, remote, remote_peer = pairs()
        relay = SpliceRelay(loop)
        ran = asyncio.ensure_future(relay.run(local, remote))
        sending = asyncio.ensure_future(loop.sock_sendall(local_peer, b"y" * (8 << 20)))
        async with asyncio.timeout(IO_TIMEOUT):
            while not relay._pipe_in:
                await asyncio.sleep(0.01)
        remote_peer.close()  # unread bytes: the peer resets
        assert await asyncio.wait_for(ran, IO_TIMEOUT) == CloseReason.RESET
        assert isinstance(relay.error, OSError)
        sending.cancel()
        await asyncio.wait([sending])
        assert splice_hub.hub_of(loop).watchers == {}
        local_peer.close()

    run_on(loop_name, main())


def test_the_pool_keeps_a_few_pipes_after_many_stuck_directions() -> None:
    payload = b"p" * (4 << 20)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        runs, peers, sends = [], [], []
        for _ in range(12):
            local, local_peer, remote, remote_peer = pairs()
            relay = SpliceRelay(loop)
            runs.append(asyncio.ensure_future(relay.run(local, remote)))
            peers.append((relay, local_peer, remote_peer))
            sends.append(loop.create_task(loop.sock_sendall(local_peer, payload)))
        async with asyncio.timeout(IO_TIMEOUT):
            while not all(r._pipe_in for r, _, _ in peers):
                await asyncio.sleep(0.01)
        for _relay, _local_peer, remote_peer in peers:  # drained: the pipes come back
            assert await sock_recv_exactly(remote_peer, len(payload)) == payload
        await asyncio.wait_for(asyncio.gather(*sends), IO_TIMEOUT)
        for relay, local_peer, remote_peer in peers:
            assert relay._pipe_in is None
            local_peer.close()
            remote_peer.close()
        await asyncio.wait_for(asyncio.gather(*runs), IO_TIMEOUT)
        assert len(splice_hub.hub_of(loop).pipes) <= 4  # the rest closed, not hoarded

    asyncio.run(main())
