"""I2PControl client: the router's own figures (network status, peers, tunnels, bandwidth).

    client = I2pControlClient(Endpoint("127.0.0.1", 7650), password, cert=cert_file)
    health = await client.router_health()     # RouterHealth; ControlError otherwise

One TLS connection per call (i2pd closes after each answer), every step under one
timeout. i2pd serves I2PControl over TLS only, with a self-signed certificate it
writes into its data dir: for the managed router that file is the trust anchor (the
peer's certificate must be byte-for-byte that one); for another router's loopback
I2PControl there is nothing to check against, so none is checked.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import ssl
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from i2ptunnel_gui.core.router.config import Endpoint
from i2ptunnel_gui.core.router.errors import ControlAuthError, ControlError
from i2ptunnel_gui.core.router.health import HEALTH_KEYS, NET_STATUS, RouterHealth, parse_health
from i2ptunnel_gui.core.router.jsonrpc import (
    API_VERSION,
    MAX_RESPONSE,
    build_request,
    parse_response,
    result_of,
    token_of,
)

CALL_TIMEOUT = 5.0


class I2pControlClient:
    def __init__(
        self,
        endpoint: Endpoint,
        password: str,
        *,
        cert: Path | None = None,
        tls: bool = True,
        path: str = "/",
        timeout: float = CALL_TIMEOUT,
        status_names: Mapping[int, str] = NET_STATUS,
    ) -> None:
        self.endpoint = endpoint
        self.password = password
        self.cert = cert
        self.tls = tls
        self.path = path
        self.timeout = timeout
        self.status_names = status_names  # what its net.status codes mean
        self._token = ""
        self._ids = itertools.count(1)

    async def authenticate(self) -> str:
        result = await self.call("Authenticate", {"API": API_VERSION, "Password": self.password})
        self._token = token_of(result)
        return self._token

    async def router_info(self, keys: tuple[str, ...] = HEALTH_KEYS) -> Mapping[str, Any]:
        """RouterInfo for `keys`; authenticates first, and once more if the token lapsed."""
        for attempt in range(2):
            if not self._token:
                await self.authenticate()
            params: dict[str, Any] = {key: None for key in keys}
            params["Token"] = self._token
            try:
                return await self.call("RouterInfo", params)
            except ControlAuthError:
                self._token = ""
                if attempt:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def router_health(self) -> RouterHealth:
        return parse_health(await self.router_info(), status_names=self.status_names)

    async def call(self, method: str, params: Mapping[str, Any]) -> Mapping[str, Any]:
        request_id = next(self._ids)
        request = build_request(method, params, request_id, host=str(self.endpoint), path=self.path)
        data = await self._exchange(request)
        return result_of(parse_response(data), request_id)

    async def _exchange(self, request: bytes) -> bytes:
        where = f"I2PControl at {self.endpoint}"
        writer = None
        try:
            async with asyncio.timeout(self.timeout):
                reader, writer = await asyncio.open_connection(
                    self.endpoint.host,
                    self.endpoint.port,
                    ssl=_client_context() if self.tls else None,
                    server_hostname="" if self.tls else None,
                )
                self._check_pinned(writer)
                writer.write(request)
                await writer.drain()
                data = bytearray()
                while len(data) <= MAX_RESPONSE:
                    more = await reader.read(65536)
                    if not more:
                        break
                    data += more
        except TimeoutError:
            raise ControlError(f"{where} did not answer within {self.timeout:g} s") from None
        except ssl.SSLError as e:
            raise ControlError(f"{where}: TLS failed ({e.reason or e})") from None
        except OSError as e:  # asyncio's connect errors carry errno but a long text
            why = os.strerror(e.errno) if e.errno else str(e)
            raise ControlError(f"{where}: {why}") from None
        finally:
            if writer is not None:
                writer.close()
                with contextlib.suppress(OSError, ssl.SSLError):
                    async with asyncio.timeout(1.0):
                        await writer.wait_closed()
        if len(data) > MAX_RESPONSE:
            raise ControlError(f"{where} sent more than {MAX_RESPONSE} bytes")
        return bytes(data)

    def _check_pinned(self, writer: asyncio.StreamWriter) -> None:
        if self.cert is None or not self.tls:
            return
        try:
            pinned = ssl.PEM_cert_to_DER_cert(self.cert.read_text())
        except (OSError, ValueError) as e:
            raise ControlError(f"cannot read the router's I2PControl certificate: {e}") from e
        ssl_object = writer.get_extra_info("ssl_object")
        peer = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        if peer != pinned:
            raise ControlError(
                f"I2PControl at {self.endpoint} is not the managed router "
                f"(its certificate differs from {self.cert})"
            )


def _client_context() -> ssl.SSLContext:
    # verification is the pin above (a self-signed certificate, no host name to check)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context
