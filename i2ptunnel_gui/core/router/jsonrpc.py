"""I2PControl's wire format, sans I/O: JSON-RPC 2.0 in one HTTP/1.1 POST per call.

i2pd answers every request with `Connection: close` and a Content-Length (measured on
2.45.1), so a call is: connect, send `build_request()`, read to EOF (capped), hand the
bytes to `parse_response()`, then `result_of()` checks the JSON-RPC envelope.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from i2ptunnel_gui.core.router.errors import ControlAuthError, ControlError

MAX_RESPONSE = 1024 * 1024
API_VERSION = 1

# I2PControl's own error codes (the spec; i2pd answers a wrong password with no Token)
AUTH_ERRORS = {
    -32001: "I2PControl refused the password",
    -32002: "no I2PControl token was sent",
    -32003: "the I2PControl token is unknown",
    -32004: "the I2PControl token expired",
}


def build_request(
    method: str, params: Mapping[str, Any], request_id: int, *, host: str, path: str = "/"
) -> bytes:
    body = json.dumps(
        {"id": request_id, "method": method, "params": dict(params), "jsonrpc": "2.0"},
        separators=(",", ":"),
    ).encode()
    head = (
        f"POST {path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


def parse_response(data: bytes) -> Mapping[str, Any]:
    """An HTTP response → its JSON object; ControlError for anything else."""
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        raise ControlError("I2PControl sent an incomplete HTTP response")
    lines = head.decode("latin-1").split("\r\n")
    status = lines[0].split(" ", 2)
    if len(status) < 2 or not status[0].startswith("HTTP/"):
        raise ControlError(f"I2PControl did not answer HTTP: {lines[0][:80]!r}")
    if status[1] != "200":
        raise ControlError(f"I2PControl answered HTTP {' '.join(status[1:])}")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        try:
            length = int(headers["content-length"])
        except ValueError:
            raise ControlError("I2PControl sent a bad Content-Length") from None
        if len(body) < length:
            raise ControlError(f"I2PControl's reply was cut short ({len(body)} of {length} bytes)")
        body = body[:length]
    try:
        reply = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ControlError(f"I2PControl sent no JSON: {e}") from None
    if not isinstance(reply, dict):
        raise ControlError("I2PControl's reply is not a JSON object")
    return reply


def result_of(reply: Mapping[str, Any], request_id: int) -> Mapping[str, Any]:
    """The `result` object of a reply to `request_id`; ControlError for an error reply."""
    error = reply.get("error")
    if error is not None:
        code = error.get("code") if isinstance(error, dict) else None
        message = error.get("message", "") if isinstance(error, dict) else str(error)
        if code in AUTH_ERRORS:
            raise ControlAuthError(AUTH_ERRORS[code])
        raise ControlError(f"I2PControl error {code}: {message}")
    if reply.get("id") != request_id:
        raise ControlError(f"I2PControl answered request {reply.get('id')!r}, not {request_id}")
    result = reply.get("result")
    if not isinstance(result, dict):
        raise ControlError("I2PControl's reply has no result object")
    return result


def token_of(result: Mapping[str, Any]) -> str:
    """The token from an Authenticate result (i2pd: an empty result = wrong password)."""
    token = result.get("Token")
    if token in (None, ""):
        raise ControlAuthError(AUTH_ERRORS[-32001])
    return str(token)
