"""HTTP proxy, SOCKS and IRC client tunnels through a real i2pd 2.45.1 (offline), with
real clients: curl -x, curl --socks5-hostname, a headless Chromium, a scripted IRC
exchange; delay-open / close-when-idle states as they happen.

One module-scoped engine: a server tunnel in front of a local HTTP service that echoes
what reached it, one in front of a scripted IRC server, and the proxy tunnels; their
sessions are created in parallel (~20 s).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from i2pd_helpers import ACCEPTING, CONNECTING, START_TIMEOUT, new_server_key
from i2pd_router import I2pdRouter
from proxy_helpers import EchoHttpServer, ScriptedIrcServer, pattern

from i2ptunnel_gui.core.engine import Engine
from i2ptunnel_gui.core.keystore import KeyStore
from i2ptunnel_gui.core.spec import KeyMode, TunnelKind, TunnelSpec
from i2ptunnel_gui.core.status import TunnelEvent, TunnelState, TunnelStatus

pytestmark = [pytest.mark.i2pd, pytest.mark.slow]

CURL = shutil.which("curl")
CHROMIUM = shutil.which("chromium")
MIB = 1 << 20


@dataclass
class Proxies:
    engine: Engine
    site: EchoHttpServer
    site_b32: str
    irc: ScriptedIrcServer
    http: TunnelStatus
    socks: TunnelStatus
    irc_client: TunnelStatus
    events: list[TunnelEvent] = field(default_factory=list)

    def port(self, st: TunnelStatus) -> int:
        return int(st.local_address.rpartition(":")[2])

    def status(self, tunnel_id: str) -> TunnelStatus:
        return self.engine.call(lambda: self.engine.snapshot(tunnel_id), 10).tunnels[0]


def _server(name: str, port: int, keys: KeyStore, sam: str) -> tuple[TunnelSpec, str]:
    spec = TunnelSpec(
        name=name,
        kind=TunnelKind.SERVER,
        target_port=port,
        key_mode=KeyMode.PERSISTENT,
        options=tuple(ACCEPTING.items()),
    )
    return spec, new_server_key(sam, Path(keys.key_path(spec)))


def _client(kind: TunnelKind, **kw: object) -> TunnelSpec:
    return TunnelSpec.new(
        f"it {kind.value}", kind, listen_port=0, options=tuple(CONNECTING.items()), **kw
    )  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def proxies(i2pd: I2pdRouter, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxies]:
    keys = KeyStore(tmp_path_factory.mktemp("keys"))
    site, irc = EchoHttpServer(), ScriptedIrcServer()
    site_spec, site_b32 = _server("it site", site.port, keys, i2pd.sam_address)
    irc_spec, irc_b32 = _server("it ircd", irc.port, keys, i2pd.sam_address)
    dead = "x" * 52 + ".b32.i2p"  # listed first: the IRC tunnel must move on to the next
    specs = [
        site_spec,
        irc_spec,
        _client(TunnelKind.HTTP_PROXY),
        _client(TunnelKind.SOCKS),
        _client(TunnelKind.IRC, destination=f"{dead},{irc_b32}", connect_timeout=90.0),
    ]
    engine = Engine(sam_address=i2pd.sam_address, keystore=keys)
    engine.start()
    events: list[TunnelEvent] = []
    engine.subscribe(events.append)
    try:
        started = engine.call(
            lambda: asyncio.gather(*(engine.start_tunnel(s, retry=False) for s in specs)),
            START_TIMEOUT,
        )
        yield Proxies(engine, site, site_b32, irc, started[2], started[3], started[4], events)
    finally:
        engine.shutdown(10)  # every SAM socket closed before the router stops
        site.close()
        irc.close()


def curl(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    assert CURL is not None
    return subprocess.run(
        [CURL, "-sS", "--max-time", str(timeout), *args],
        capture_output=True,
        timeout=timeout + 10,
        check=False,
    )


needs_curl = pytest.mark.skipif(CURL is None, reason="curl is not installed")


@needs_curl
def test_curl_get_through_the_http_proxy_filters_identifying_headers(p: Proxies) -> None:
    out = curl("-x", f"http://127.0.0.1:{p.port(p.http)}", "-A", "Mozilla/5.0 (secret)",
               "-H", "X-Forwarded-For: 192.168.7.7", "-H", "From: me@example.org",
               "-H", "Via: 1.1 lan-proxy", "-e", "http://elsewhere.i2p/",
               f"http://{p.site_b32}/hello?q=1")  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["requestline"] == "GET /hello?q=1 HTTP/1.1"
    headers = {k.lower(): v for k, v in doc["headers"]}
    assert headers["user-agent"] == "MYOB/6.66 (AN/ON)"
    assert headers["host"] == p.site_b32 and headers["connection"] == "close"
    for gone in ("x-forwarded-for", "from", "via", "referer", "proxy-connection"):
        assert gone not in headers, gone


@needs_curl
def test_curl_post_with_a_body_and_chunked(p: Proxies) -> None:
    body = bytes(pattern(7, 300_000))
    proxy = f"http://127.0.0.1:{p.port(p.http)}"
    with tempfile.NamedTemporaryFile() as f:
        f.write(body)
        f.flush()
        out = curl("-x", proxy, "--data-binary", f"@{f.name}", f"http://{p.site_b32}/up")
        doc = json.loads(out.stdout)
        assert doc["body_len"] == len(body)
        assert doc["body_sha256"] == hashlib.sha256(body).hexdigest()
        out = curl("-x", proxy, "-H", "Transfer-Encoding: chunked", "--data-binary",
                   f"@{f.name}", f"http://{p.site_b32}/chunked")  # fmt: skip
        assert json.loads(out.stdout)["body_sha256"] == hashlib.sha256(body).hexdigest()


@needs_curl
def test_curl_large_download_and_connect(p: Proxies) -> None:
    n = 16 * MIB
    proxy = f"http://127.0.0.1:{p.port(p.http)}"
    t0 = time.monotonic()
    out = curl("-x", proxy, f"http://{p.site_b32}/big?n={n}")
    elapsed = time.monotonic() - t0
    assert out.returncode == 0, out.stderr
    assert len(out.stdout) == n and out.stdout == pattern(0, n)
    print(f"16 MiB through the HTTP proxy in {elapsed:.2f} s")
    out = curl("-p", "-x", proxy, f"http://{p.site_b32}/through-connect")
    assert json.loads(out.stdout)["requestline"] == "GET /through-connect HTTP/1.1"


@needs_curl
def test_non_i2p_url_gets_the_error_page_fast(p: Proxies) -> None:
    t0 = time.monotonic()
    out = curl("-x", f"http://127.0.0.1:{p.port(p.http)}", "-w", "\n%{http_code}",
               "http://example.org/")  # fmt: skip
    assert time.monotonic() - t0 < 2
    page, _, code = out.stdout.rpartition(b"\n")
    assert code == b"403" and b"Not an I2P address" in page


@needs_curl
def test_curl_socks5_hostname(p: Proxies) -> None:
    port = p.port(p.socks)
    out = curl("--socks5-hostname", f"127.0.0.1:{port}", "-A", "socks-agent",
               f"http://{p.site_b32}/via-socks")  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["requestline"] == "GET /via-socks HTTP/1.1"
    bad = curl("--socks5-hostname", f"127.0.0.1:{port}", "http://example.org/", timeout=10)
    assert bad.returncode != 0


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_headless_chromium_loads_a_page_through_the_proxy(p: Proxies, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path}", f"--proxy-server=http://127.0.0.1:{p.port(p.http)}",
         "--disable-features=HttpsUpgrades", "--virtual-time-budget=60000", "--dump-dom",
         f"http://{p.site_b32}/page"],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    assert b'<h1 id="ok">hello from I2P</h1>' in out.stdout, out.stderr[-2000:]
    pages = [d for d in p.site.seen if "/page" in str(d["requestline"])]
    assert pages, "the page request never reached the service"
    for doc in pages:  # what the browser sent, as the I2P site saw it
        headers = {str(k).lower(): v for k, v in doc["headers"]}  # type: ignore[attr-defined]
        assert headers["user-agent"] == "MYOB/6.66 (AN/ON)"
        assert "proxy-connection" not in headers and headers["connection"] == "close"


def test_irc_exchange_is_filtered_and_the_second_destination_is_used(p: Proxies) -> None:
    with socket.create_connection(("127.0.0.1", p.port(p.irc_client)), 120) as s:
        s.settimeout(120)
        s.sendall(
            b"NICK alice\r\nUSER alice 0 * :Alice Liddell\r\n"
            b"PRIVMSG bob :\x01VERSION\x01\r\nPRIVMSG #i2p :\x01ACTION waves\x01\r\n"
        )
        got = b""
        while b"plain hello" not in got:
            chunk = s.recv(4096)
            assert chunk, got
            got += chunk
        assert b"VERSION" not in got and b"DCC" not in got
        assert b"\x01ACTION waves\x01" in got and got.startswith(b":irc.test 001 alice")
        s.sendall(b"PING 10.1.2.3\r\nQUIT :HexChat 2.16\r\n")
        assert p.irc.got_quit.wait(60)
    lines = p.irc.lines
    assert lines[:4] == [
        b"NICK alice",
        b"USER alice hostname localhost :REALNAME",
        b"PRIVMSG #i2p :\x01ACTION waves\x01",
        b"PING 127.0.0.1",
    ]
    assert lines[-1] == b"QUIT :leaving"


@needs_curl
def test_delay_open_and_close_when_idle_states_in_order(p: Proxies) -> None:
    spec = _client(TunnelKind.HTTP_PROXY, delay_open=True, close_idle=0.1)  # 6 s
    st = p.engine.call(lambda: p.engine.start_tunnel(spec, retry=False), 30)
    assert st.state is TunnelState.STANDBY
    # the first request waits for the session being created (~20 s), then is served
    out = curl("-x", f"http://127.0.0.1:{p.port(st)}", f"http://{p.site_b32}/first")
    assert json.loads(out.stdout)["requestline"] == "GET /first HTTP/1.1"
    deadline = time.monotonic() + 60
    while p.status(spec.id).state is not TunnelState.STANDBY:
        assert time.monotonic() < deadline, p.status(spec.id)
        time.sleep(0.2)
    states = [e.state for e in p.events if e.tunnel_id == spec.id]
    wanted = [TunnelState.STANDBY, TunnelState.STARTING, TunnelState.RUNNING, TunnelState.STANDBY]
    it = iter(states)
    assert all(any(s is w for s in it) for w in wanted), states
    p.engine.call(lambda: p.engine.stop_tunnel(spec.id), 30)


@pytest.fixture
def p(proxies: Proxies) -> Proxies:
    return proxies
