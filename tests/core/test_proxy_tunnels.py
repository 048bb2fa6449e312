"""HTTP proxy, SOCKS and IRC client tunnels and on-demand sessions on the engine,
against the fake SAM bridge; real curl as the client where it fits."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_router import FAST_BACKOFF, FAST_TIMEOUTS, FakeRouter
from nethelpers import IO_TIMEOUT, LoopbackServer, connect, local_port, status, wait_until

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelEvent, TunnelState, TunnelStatus

curl = shutil.which("curl")
needs_curl = pytest.mark.skipif(curl is None, reason="curl is not installed")


def http_echo(conn: socket.socket) -> None:
    """One HTTP request: answer with its head as JSON, then close."""
    conn.settimeout(IO_TIMEOUT)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = 0
    for line in lines[1:]:
        k, _, v = line.partition(":")
        if k.lower() == "content-length":
            length = int(v)
    while len(body) < length:
        body += conn.recv(65536)
    doc = json.dumps({"line": lines[0], "headers": lines[1:], "body": body.decode()}).encode()
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + str(len(doc)).encode()
        + b"\r\nConnection: close\r\n\r\n"
        + doc
    )
    conn.close()


@pytest.fixture
def engine(fake: FakeRouter, tmp_path: Path) -> Iterator[Engine]:
    eng = Engine(
        sam_address=fake.address,
        keystore=KeyStore(tmp_path / "keys"),
        sam_timeouts=FAST_TIMEOUTS,
        backoff=FAST_BACKOFF,
    )
    eng.start()
    yield eng
    eng.shutdown(5)


@pytest.fixture
def site(engine: Engine) -> Iterator[tuple[LoopbackServer, str]]:
    """An HTTP service behind a server tunnel: (service, its b32)."""
    srv = LoopbackServer(http_echo)
    spec = TunnelSpec(name="site", kind=TunnelKind.SERVER, target_port=srv.port)
    st = start(engine, spec)
    yield srv, st.i2p_address
    srv.close()


def start(engine: Engine, spec: TunnelSpec) -> TunnelStatus:
    return engine.call(lambda: engine.start_tunnel(spec, retry=False), IO_TIMEOUT)


def proxy_spec(kind: TunnelKind, **kw: Any) -> TunnelSpec:
    return TunnelSpec.new("proxy", kind, listen_port=0, key_mode=KeyMode.TRANSIENT, **kw)


def run_curl(*args: str) -> subprocess.CompletedProcess[str]:
    assert curl is not None
    return subprocess.run(
        [curl, "-sS", "--max-time", "20", *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@needs_curl
def test_curl_through_the_http_proxy_filtered(engine: Engine, site: tuple[Any, str]) -> None:
    _, b32 = site
    proxy = start(engine, proxy_spec(TunnelKind.HTTP_PROXY))
    assert proxy.state is TunnelState.RUNNING
    port = local_port(proxy)
    out = run_curl(
        "-x", f"http://127.0.0.1:{port}", "-H", "X-Forwarded-For: 10.9.8.7",
        "-A", "curl/secret-agent", "-d", "a=1", f"http://{b32}/form?x=1",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["line"] == "POST /form?x=1 HTTP/1.1" and doc["body"] == "a=1"
    headers = "\n".join(doc["headers"])
    assert "10.9.8.7" not in headers and "secret-agent" not in headers
    assert "User-Agent: MYOB/6.66 (AN/ON)" in headers and f"Host: {b32}" in headers
    rows = engine.call(lambda: engine.snapshot(proxy.id), IO_TIMEOUT)
    assert rows.tunnels[0].total_connections == 1


@needs_curl
def test_http_proxy_names_error_pages_and_connect(
    engine: Engine, fake: FakeRouter, site: tuple[Any, str]
) -> None:
    _, b32 = site
    dest = fake.call(
        lambda: next(s.key.destination.b64 for s in fake.sam.sessions.values()
                     if s.key.b32_address == b32)
    )  # fmt: skip
    fake.sam.names["site.i2p"] = dest
    port = local_port(start(engine, proxy_spec(TunnelKind.HTTP_PROXY)))
    ok = run_curl("-x", f"http://127.0.0.1:{port}", "http://site.i2p/by-name")
    assert json.loads(ok.stdout)["line"] == "GET /by-name HTTP/1.1"
    t0 = time.monotonic()
    refused = run_curl("-x", f"http://127.0.0.1:{port}", "-w", "%{http_code}",
                       "http://example.org/")  # fmt: skip
    assert refused.stdout.endswith("403") and "Not an I2P address" in refused.stdout
    assert time.monotonic() - t0 < 2
    unknown = run_curl("-x", f"http://127.0.0.1:{port}", "-w", "%{http_code}",
                       "http://nosuch.i2p/")  # fmt: skip
    assert unknown.stdout.endswith("404")
    # CONNECT (curl -p tunnels plain http through it)
    tunnelled = run_curl("-p", "-x", f"http://127.0.0.1:{port}", f"http://{b32}/via-connect")
    assert json.loads(tunnelled.stdout)["line"] == "GET /via-connect HTTP/1.1"


@needs_curl
def test_curl_socks5_hostname_and_refusals(engine: Engine, site: tuple[Any, str]) -> None:
    _, b32 = site
    port = local_port(start(engine, proxy_spec(TunnelKind.SOCKS)))
    out = run_curl("--socks5-hostname", f"127.0.0.1:{port}", "-A", "kept", f"http://{b32}/s")
    doc = json.loads(out.stdout)
    assert doc["line"] == "GET /s HTTP/1.1" and "User-Agent: kept" in doc["headers"]
    bad = run_curl("--socks5-hostname", f"127.0.0.1:{port}", "http://example.org/")
    assert bad.returncode != 0 and "example.org" not in bad.stdout
    ip = run_curl("--socks5", f"127.0.0.1:{port}", "http://127.0.0.1:1/")
    assert ip.returncode != 0


def read_to_end(s: socket.socket) -> bytes:
    s.settimeout(IO_TIMEOUT)
    data = b""
    while chunk := s.recv(65536):
        data += chunk
    return data


@pytest.mark.parametrize("relay", ["protocol", "splice"])
def test_http_proxy_answers_504_when_the_site_stays_silent(
    engine: Engine, site: tuple[Any, str], relay: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site's stream opens (i2pd says OK before the stream is up) and nothing
    comes back: the browser reads a 504 page after the connect timeout, not a reset;
    a site that answers is served as before on the same tunnel."""
    monkeypatch.setenv("I2PTUNNEL_RELAY", relay)
    _, b32 = site
    quiet = threading.Event()
    silent = LoopbackServer(lambda c: c.recv(1 << 16) and quiet.wait(IO_TIMEOUT))
    try:
        silent_b32 = start(
            engine, TunnelSpec(name="silent", kind=TunnelKind.SERVER, target_port=silent.port)
        ).i2p_address
        events: list[TunnelEvent] = []
        engine.subscribe(events.append)
        proxy = start(engine, proxy_spec(TunnelKind.HTTP_PROXY, connect_timeout=0.5))
        with connect(local_port(proxy)) as s:
            s.sendall(
                f"GET http://{silent_b32}/slow HTTP/1.1\r\nHost: {silent_b32}\r\n\r\n".encode()
            )
            t0 = time.monotonic()
            page = read_to_end(s)
            elapsed = time.monotonic() - t0
        assert page.startswith(b"HTTP/1.1 504 Gateway Timeout\r\n"), page[:200]
        assert f"The I2P site {silent_b32} did not answer within 0.5 s".encode() in page
        assert b"try again" in page
        assert 0.4 < elapsed < 3, elapsed
        with connect(local_port(proxy)) as s:  # a site that answers: untouched
            s.sendall(f"GET http://{b32}/fast HTTP/1.1\r\nHost: {b32}\r\n\r\n".encode())
            head, _, body = read_to_end(s).partition(b"\r\n\r\n")
        assert (
            head.startswith(b"HTTP/1.1 200 OK") and json.loads(body)["line"] == "GET /fast HTTP/1.1"
        )
        want = f"{silent_b32} did not answer within 0.5 s: the browser got a 504 page"
        assert wait_until(lambda: any(e.message == want for e in events)), events
        assert status(engine, proxy.id).failed_connections == 1
    finally:
        quiet.set()
        silent.close()


def irc_server(lines: list[bytes]) -> LoopbackServer:
    def handle(conn: socket.socket) -> None:
        conn.settimeout(IO_TIMEOUT)
        conn.sendall(
            b":s 001 me :hi\r\n:b!b@x PRIVMSG me :\x01VERSION\x01\r\n:b!b@x PRIVMSG me :yo\r\n"
        )
        buf = b""
        while b"QUIT" not in buf:
            chunk = conn.recv(4096)
            if not chunk:
                break
            buf += chunk
        lines.extend(buf.split(b"\r\n"))
        conn.close()

    return LoopbackServer(handle)


def test_irc_tunnel_filters_and_tries_destinations_in_order(engine: Engine) -> None:
    lines: list[bytes] = []
    srv = irc_server(lines)
    try:
        st = start(engine, TunnelSpec(name="ircd", kind=TunnelKind.SERVER, target_port=srv.port))
        dead = "d" * 52 + ".b32.i2p"  # nobody: the fake answers CANT_REACH_PEER
        irc = start(engine, proxy_spec(TunnelKind.IRC, destination=f"{dead},{st.i2p_address}"))
        with connect(local_port(irc)) as s:
            s.sendall(b"NICK me\r\nUSER me 0 * :Real Name\r\nPRIVMSG x :\x01VERSION x\x01\r\n")
            got = b""
            while b"yo" not in got:
                got += s.recv(4096)
            assert got == b":s 001 me :hi\r\n:b!b@x PRIVMSG me :yo\r\n"
            s.sendall(b"QUIT :client v1.0\r\n")
            assert wait_until(lambda: b"QUIT :leaving" in lines, 5)
        assert lines[:3] == [b"NICK me", b"USER me hostname localhost :REALNAME", b"QUIT :leaving"]
    finally:
        srv.close()


def test_delay_open_and_close_when_idle(
    engine: Engine, fake: FakeRouter, site: tuple[Any, str]
) -> None:
    _, b32 = site
    events: list[TunnelEvent] = []
    engine.subscribe(events.append)
    sessions_before = len(fake.call(lambda: dict(fake.sam.sessions)))
    spec = proxy_spec(TunnelKind.CLIENT, destination=b32, delay_open=True, close_idle=0.5 / 60)
    st = start(engine, spec)
    assert st.state is TunnelState.STANDBY and st.i2p_address == ""
    assert len(fake.call(lambda: dict(fake.sam.sessions))) == sessions_before  # no session yet
    with connect(local_port(st)) as s:  # waits for the session being created
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert s.recv(15).startswith(b"HTTP/1.1 200")
    assert wait_until(lambda: status(engine, spec.id).state is TunnelState.STANDBY, 5)
    states = [e.state for e in events if e.tunnel_id == spec.id]
    order = [TunnelState.STANDBY, TunnelState.STARTING, TunnelState.RUNNING, TunnelState.STANDBY]
    it = iter(states)
    assert all(any(s is want for s in it) for want in order), states
    with connect(local_port(st)) as s:  # and it reopens
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert s.recv(15).startswith(b"HTTP/1.1 200")


def test_live_rows_and_log_show_the_requested_host(engine: Engine, site: tuple[Any, str]) -> None:
    _, b32 = site
    events: list[TunnelEvent] = []
    engine.subscribe(events.append)
    proxy = start(engine, proxy_spec(TunnelKind.HTTP_PROXY))
    with connect(local_port(proxy)) as s:
        s.sendall(f"CONNECT {b32}:80 HTTP/1.1\r\nHost: {b32}:80\r\n\r\n".encode())
        assert s.recv(39) == b"HTTP/1.1 200 Connection established\r\n\r\n"[:39]
        snap = engine.call(lambda: engine.snapshot(proxy.id), IO_TIMEOUT)
        [row] = snap.connections
        assert row.peer.startswith(f"{b32} ← 127.0.0.1:")
    assert any(e.message == f"first request for {b32}" for e in events)


def test_on_demand_tunnel_survives_a_router_that_is_away(
    engine: Engine, fake: FakeRouter, site: tuple[Any, str]
) -> None:
    """Without retries (as the command line runs it) a connection that finds the router
    gone fails at once, the tunnel stays in Standby, and the next one is served."""
    _, b32 = site
    spec = proxy_spec(TunnelKind.CLIENT, destination=b32, delay_open=True)
    st = start(engine, spec)
    fake.run(fake.sam.stop)
    t0 = time.monotonic()
    with connect(local_port(st)) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        with contextlib.suppress(ConnectionResetError):  # closed, maybe reset (unread data)
            assert s.recv(100) == b""  # no session could be opened
    assert time.monotonic() - t0 < 5
    assert wait_until(lambda: status(engine, spec.id).state is TunnelState.STANDBY, 5)
    fake.run(fake.sam.start)

    def served() -> bool:  # once the site's server tunnel is back on the router too
        with connect(local_port(st)) as s, contextlib.suppress(ConnectionResetError):
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            return s.recv(15).startswith(b"HTTP/1.1 200")
        return False

    assert wait_until(served, 10, step=0.2)
