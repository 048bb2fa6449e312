"""The IRC client tunnel's line relay: filtering both ways, counters, ends, abort."""

from __future__ import annotations

import asyncio
import socket

from i2ptunnel_gui.core.proxy.irc_relay import IrcRelay
from i2ptunnel_gui.core.relay import CloseReason, RelayOptions


async def read_until(sock: socket.socket, end: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    got = b""
    async with asyncio.timeout(5):
        while not got.endswith(end):
            chunk = await loop.sock_recv(sock, 65536)
            if not chunk:
                break
            got += chunk
    return got


async def test_lines_are_filtered_both_ways_and_counted() -> None:
    loop = asyncio.get_running_loop()
    program, local = socket.socketpair()
    remote, server = socket.socketpair()
    for s in (program, server):
        s.setblocking(False)
    relay = IrcRelay(loop)
    task = loop.create_task(
        relay.run(local, remote, RelayOptions(local_pending=b"NICK alice\r\nUSER a b c :Real"))
    )
    await loop.sock_sendall(
        program,
        b" Name\r\nPRIVMSG bob :\x01VERSION\x01\r\nPRIVMSG #c :h\xe9llo\r\n"
        + b"X" * 9000
        + b"\r\nQUIT :my client v1\r\n",
    )
    up = await read_until(server, b"QUIT :leaving\r\n")
    assert up == (
        b"NICK alice\r\nUSER a hostname localhost :REALNAME\r\n"
        b"PRIVMSG #c :h\xe9llo\r\nQUIT :leaving\r\n"
    )
    await loop.sock_sendall(
        server,
        b":s 001 alice :Welcome\r\n:bob!b@x PRIVMSG alice :\x01DCC SEND f 1 2 3\x01\r\n"
        b":bob!b@x PRIVMSG alice :\x01ACTION waves\x01\n",
    )
    down = await read_until(program, b"waves\x01\r\n")
    assert down == b":s 001 alice :Welcome\r\n:bob!b@x PRIVMSG alice :\x01ACTION waves\x01\r\n"
    assert relay.bytes_out == len(down) and relay.bytes_in > 9000
    assert relay.filter.dropped == 3  # VERSION, the over-long line, DCC
    server.close()  # the server ends: the program's side closes too
    assert await asyncio.wait_for(task, 5) is CloseReason.DONE
    assert await loop.sock_recv(program, 10) == b""
    assert relay.finished
    program.close()


async def test_abort_closes_both_sides() -> None:
    loop = asyncio.get_running_loop()
    program, local = socket.socketpair()
    remote, server = socket.socketpair()
    relay = IrcRelay(loop)
    finished: list[bool] = []
    relay.on_finished = lambda: finished.append(True)
    task = loop.create_task(relay.run(local, remote))
    await asyncio.sleep(0.05)
    assert relay.started
    relay.abort(CloseReason.IDLE)
    assert await asyncio.wait_for(task, 5) is CloseReason.IDLE
    await relay.wait_closed()
    assert finished == [True] and local.fileno() == -1 and remote.fileno() == -1
    program.close()
    server.close()


async def test_cancel_from_outside_propagates() -> None:
    loop = asyncio.get_running_loop()
    program, local = socket.socketpair()
    remote, server = socket.socketpair()
    relay = IrcRelay(loop)
    task = loop.create_task(relay.run(local, remote))
    await asyncio.sleep(0.05)
    task.cancel()
    done, _ = await asyncio.wait([task], timeout=5)
    assert done and task.cancelled() and relay.finished
    program.close()
    server.close()
