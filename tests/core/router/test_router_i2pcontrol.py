"""I2PControl: the wire format (sans I/O) and the client against a local TLS stand-in."""

from __future__ import annotations

import asyncio
import json
import shutil
import ssl
import subprocess
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from i2ptunnel_gui.core.router.config import Endpoint
from i2ptunnel_gui.core.router.errors import ControlAuthError, ControlError
from i2ptunnel_gui.core.router.i2pcontrol import I2pControlClient
from i2ptunnel_gui.core.router.jsonrpc import build_request, parse_response, result_of, token_of

# i2pd 2.45.1's answer to RouterInfo (measured, offline router two seconds after start)
I2PD_ROUTER_INFO = (
    b'{"id":2,"result":{"i2p.router.net.status":3,"i2p.router.netdb.knownpeers":1,'
    b'"i2p.router.netdb.activepeers":0,"i2p.router.net.tunnels.participating":0,'
    b'"i2p.router.net.bw.inbound.1s":0.00,"i2p.router.net.bw.outbound.1s":0.00,'
    b'"i2p.router.uptime":2000,"i2p.router.version":"2.45.1","i2p.router.status":"0",'
    b'"i2p.router.net.tunnels.successrate":0,"i2p.router.net.total.received.bytes":0.00,'
    b'"i2p.router.net.total.sent.bytes":0.00},"jsonrpc":"2.0"}'
)


def http(body: bytes, status: str = "200 OK") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {len(body)}\r\n"
        "Content-Type: application/json\r\n\r\n"
    ).encode() + body


def test_request_is_one_json_rpc_post() -> None:
    raw = build_request("Echo", {"Echo": "hi"}, 7, host="127.0.0.1:7650")
    head, body = raw.split(b"\r\n\r\n")
    assert head.startswith(b"POST / HTTP/1.1\r\nHost: 127.0.0.1:7650\r\n")
    assert f"Content-Length: {len(body)}".encode() in head
    assert json.loads(body) == {
        "id": 7,
        "method": "Echo",
        "params": {"Echo": "hi"},
        "jsonrpc": "2.0",
    }


def test_i2pd_reply_parses() -> None:
    result = result_of(parse_response(http(I2PD_ROUTER_INFO)), 2)
    assert result["i2p.router.version"] == "2.45.1"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", "incomplete HTTP response"),
        (b"SAM 3.1\r\n\r\n{}", "did not answer HTTP"),
        (http(b"{}", "401 Unauthorized"), "answered HTTP 401 Unauthorized"),
        (http(b"{}")[:-1], "cut short"),
        (http(b"not json"), "sent no JSON"),
        (http(b"[1]"), "not a JSON object"),
    ],
)
def test_bad_http_is_a_control_error(data: bytes, message: str) -> None:
    with pytest.raises(ControlError, match=message):
        parse_response(data)


def test_json_rpc_errors() -> None:
    with pytest.raises(ControlAuthError, match="token expired"):
        result_of({"id": 1, "error": {"code": -32004, "message": "x"}}, 1)
    with pytest.raises(ControlError, match=r"error -32601: Method not found"):
        result_of({"id": 1, "error": {"code": -32601, "message": "Method not found"}}, 1)
    with pytest.raises(ControlError, match="answered request 2, not 1"):
        result_of({"id": 2, "result": {}}, 1)
    with pytest.raises(ControlError, match="no result object"):
        result_of({"id": 1, "result": 5}, 1)
    # i2pd answers a wrong password with an empty result
    with pytest.raises(ControlAuthError, match="refused the password"):
        token_of({})
    assert token_of({"API": 1, "Token": 1796284768}) == "1796284768"


Handler = Callable[[dict[str, Any]], bytes | None]


@pytest.fixture(scope="module")
def cert_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make a test certificate (apt-get install openssl)")
    d = tmp_path_factory.mktemp("cert")
    return self_signed(d, "i2pd.i2pcontrol")


def self_signed(d: Path, name: str) -> tuple[Path, Path]:
    """A throwaway self-signed certificate and key, as i2pd makes for I2PControl."""
    crt, key = d / f"{name}.crt.pem", d / f"{name}.key.pem"
    cmd = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    cmd += ["-subj", f"/CN={name}", "-keyout", str(key), "-out", str(crt)]
    subprocess.run(cmd, check=True, capture_output=True)
    return crt, key


class FakeControl:
    """Answers each POST through `handler(request)`; None = say nothing (hang)."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[dict[str, Any]] = []
        self.port = 0
        self.released = asyncio.Event()  # ends the silent answers at teardown

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
            request = json.loads(await reader.readexactly(length))
            self.requests.append(request)
            answer = self.handler(request)
            if answer is None:
                await self.released.wait()
            else:
                writer.write(answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass  # the client hung up (it refused our certificate, or timed out)
        finally:
            writer.close()


@pytest.fixture
async def control(cert_pair: tuple[Path, Path]) -> AsyncIterator[Callable[[Handler], FakeControl]]:
    servers: list[tuple[asyncio.Server, FakeControl]] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*cert_pair)

    async def start(handler: Handler) -> FakeControl:
        fake = FakeControl(handler)
        server = await asyncio.start_server(fake.serve, "127.0.0.1", 0, ssl=context)
        servers.append((server, fake))
        fake.port = server.sockets[0].getsockname()[1]
        return fake

    yield start  # type: ignore[misc]
    for server, fake in servers:
        fake.released.set()
        server.close()
        await server.wait_closed()


def i2pd_like(password: str, tokens: list[str]) -> Handler:
    """Authenticate → the next token (empty result for a wrong password), RouterInfo → the
    measured reply, but -32004 when the token is not the latest one."""

    def handle(request: dict[str, Any]) -> bytes:
        params, rid = request["params"], request["id"]
        if request["method"] == "Authenticate":
            ok = params["Password"] == password
            result = {"API": 1, "Token": tokens.pop(0)} if ok else {}
            return http(json.dumps({"id": rid, "result": result, "jsonrpc": "2.0"}).encode())
        if params.get("Token") != current[0]:
            error = {"code": -32004, "message": "expired"}
            return http(json.dumps({"id": rid, "error": error, "jsonrpc": "2.0"}).encode())
        return http(I2PD_ROUTER_INFO.replace(b'"id":2', f'"id":{rid}'.encode()))

    current = [tokens[0]] if tokens else [""]
    return handle


async def test_health_from_a_tls_router_with_the_pinned_certificate(
    control: Any, cert_pair: tuple[Path, Path]
) -> None:
    fake = await control(i2pd_like("pw", ["111"]))
    client = I2pControlClient(Endpoint("127.0.0.1", fake.port), "pw", cert=cert_pair[0])
    health = await client.router_health()
    assert health.version == "2.45.1" and health.known_peers == 1 and health.active_peers == 0
    assert health.uptime_s == 2.0 and health.net_status == 3
    assert [r["method"] for r in fake.requests] == ["Authenticate", "RouterInfo"]
    assert fake.requests[1]["params"]["Token"] == "111"
    assert "i2p.router.net.bw.inbound.1s" in fake.requests[1]["params"]
    await client.router_health()  # the token is reused
    assert [r["method"] for r in fake.requests][2:] == ["RouterInfo"]


async def test_expired_token_authenticates_once_more(control: Any) -> None:
    tokens = ["1", "2"]
    handler = i2pd_like("pw", tokens)
    fake = await control(handler)
    client = I2pControlClient(Endpoint("127.0.0.1", fake.port), "pw")
    client._token = "stale"
    # the stand-in only accepts token "1" (the first one it hands out)
    health = await client.router_health()
    assert health.version == "2.45.1"
    assert [r["method"] for r in fake.requests] == ["RouterInfo", "Authenticate", "RouterInfo"]


async def test_wrong_password_is_said_plainly(control: Any) -> None:
    fake = await control(i2pd_like("right", ["1"]))
    client = I2pControlClient(Endpoint("127.0.0.1", fake.port), "wrong")
    with pytest.raises(ControlAuthError, match="refused the password"):
        await client.router_health()


async def test_another_certificate_than_the_pinned_one_is_refused(
    control: Any, tmp_path: Path
) -> None:
    other, _ = self_signed(tmp_path, "other")
    fake = await control(i2pd_like("pw", ["1"]))
    client = I2pControlClient(Endpoint("127.0.0.1", fake.port), "pw", cert=other)
    with pytest.raises(ControlError, match="is not the managed router"):
        await client.router_health()
    assert fake.requests == []  # the password never went out


async def test_silence_and_absence_end_within_the_timeout(control: Any) -> None:
    fake = await control(lambda request: None)
    client = I2pControlClient(Endpoint("127.0.0.1", fake.port), "pw", timeout=0.3)
    loop = asyncio.get_running_loop()
    began = loop.time()
    with pytest.raises(ControlError, match=r"did not answer within 0.3 s"):
        await client.router_health()
    assert loop.time() - began < 2
    closed = I2pControlClient(Endpoint("127.0.0.1", 1), "pw", timeout=1)
    with pytest.raises(ControlError, match=r"I2PControl at 127.0.0.1:1: .*refused"):
        await closed.router_health()


async def test_plain_http_endpoint(unused_tcp_port: int) -> None:
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(http(b'{"id":1,"result":{"Result":"hi"},"jsonrpc":"2.0"}'))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", unused_tcp_port)
    async with server:
        client = I2pControlClient(
            Endpoint("127.0.0.1", unused_tcp_port), "pw", tls=False, path="/jsonrpc/"
        )
        assert await client.call("Echo", {"Echo": "hi"}) == {"Result": "hi"}


async def test_external_router_health_through_the_service(control: Any, tmp_path: Path) -> None:
    from i2ptunnel_gui.core.router.monitor import HealthSample
    from i2ptunnel_gui.core.router.prefs import RouterPrefs
    from i2ptunnel_gui.core.router.service import RouterService

    fake = await control(i2pd_like("pw", ["1"]))
    service = RouterService(RouterPrefs(), root=tmp_path / "router")
    samples: list[HealthSample] = []
    service.on_health(samples.append)
    service.start()
    try:
        prefs = RouterPrefs(control_address=f"127.0.0.1:{fake.port}", control_password="pw")
        await service.apply(prefs)
        async with asyncio.timeout(10):
            while not samples:
                await asyncio.sleep(0.02)
        assert samples[0].health is not None and samples[0].health.version == "2.45.1"
    finally:
        await asyncio.to_thread(service.shutdown)
