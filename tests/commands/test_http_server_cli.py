"""`i2ptunnel-gui server --type http` with an allow list, against the fake SAM bridge:
the allowed client's requests carry its real b32, another client never gets through;
bad access-list input is one line and exit 2."""

from __future__ import annotations

import signal
import socket
from pathlib import Path

from fake_router import FakeRouter
from fake_sam import random_private_key
from nethelpers import LoopbackServer
from test_i2p_cli import cli, finish, one_line_error, read_line

from i2ptunnel_gui.core.keystore import KeyStore


def request_through(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), 10) as s:
        s.settimeout(10)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-I2P-DestB32: forged.b32.i2p\r\n\r\n")
        got = b""
        while not got.endswith(b"\r\n\r\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
        return got


def test_http_server_with_an_allow_list_from_the_command_line(
    fake: FakeRouter, echo_server: LoopbackServer, tmp_path: Path
) -> None:
    friend = random_private_key()
    friend_keys = tmp_path / "friend.dat"
    KeyStore(tmp_path).save(friend_keys, friend.raw)
    access = tmp_path / "friends.txt"
    access.write_text(f"# who may read the site\n{friend.b32_address}\n", encoding="utf-8")
    server = cli(
        "server",
        "--type",
        "http",
        "--target",
        f"127.0.0.1:{echo_server.port}",
        "--transient",
        "--access-file",
        str(access),
        "--sam",
        fake.address,
    )
    procs = [server]
    try:
        b32 = read_line(server).removeprefix("READY ")
        ok = cli(
            "client",
            "--listen",
            "127.0.0.1:0",
            "--dest",
            b32,
            "--keys",
            str(friend_keys),
            "--sam",
            fake.address,
        )
        other = cli("client", "--listen", "127.0.0.1:0", "--dest", b32, "--sam", fake.address)
        procs += [ok, other]
        ok_port = int(read_line(ok).rpartition(":")[2])
        other_port = int(read_line(other).rpartition(":")[2])
        echoed = request_through(ok_port)  # the echo target returns the request it got
        assert f"X-I2P-DestB32: {friend.b32_address}\r\n".encode() in echoed
        assert b"forged" not in echoed
        assert request_through(other_port) == b""
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        rc, _, err = finish(server)
        assert rc == 0
        assert "refused " in err and ": access list" in err  # logged with the caller's b32
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)


def test_a_bad_access_file_line_is_one_line_and_exit_2(tmp_path: Path) -> None:
    access = tmp_path / "list.txt"
    access.write_text("friend.i2p\nnot-a-destination\n", encoding="utf-8")
    line = one_line_error(
        cli("server", "--target", "127.0.0.1:80", "--access-file", str(access)), 2
    )
    assert f"--access-file {access}: line 2: 'not-a-destination'" in line
    empty = tmp_path / "empty.txt"
    empty.write_text("# nobody yet\n", encoding="utf-8")
    line = one_line_error(cli("server", "--target", "127.0.0.1:80", "--access-file", str(empty)), 2)
    assert "allow list is empty" in line
