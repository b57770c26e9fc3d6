"""Request/response values passed between the HTTP layer and the login/Graph handlers, and the error
shapes of Entra (OAuth JSON with AADSTS codes) and Graph (`{"error": {code, message, innerError}}`)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

from core.sandbox import facts

GRAPH_JSON = ("application/json;odata.metadata=minimal;odata.streaming=true;"
              "IEEE754Compatible=false;charset=utf-8")
PLAIN_JSON = "application/json; charset=utf-8"
# One shared encoder: json.dumps with options builds a new encoder on every call, which dominated
# the cost of serialising 100,000 users.
encode_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass
class Request:
    method: str
    path: str  # without the query string, percent-decoding left to the handler
    query: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    request_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def client_request_id(self) -> str:
        return self.headers.get("client-request-id") or self.request_id

    def params(self) -> dict[str, str]:
        """Query options with lower-case names; Graph accepts `$top` and `top` alike."""
        out: dict[str, str] = {}
        for key, value in parse_qsl(self.query, keep_blank_values=True):
            key = key.lower()
            out[key if key.startswith("$") or key in ("api-version",) else "$" + key] = value
        return out

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None


@dataclass
class Response:
    status: int
    payload: Any = None  # a JSON-able object ...
    raw: bytes | None = None  # ... or the body already encoded (paging fast path)
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = GRAPH_JSON
    fault: str | None = None  # set when the sandbox injected this outcome
    applied: bool = False  # a write that changed (or confirmed) the directory, whatever the status

    def body_bytes(self) -> bytes:
        if self.raw is not None:
            return self.raw
        if self.payload is None:
            return b""
        return encode_json(self.payload).encode("utf-8")

    def body_object(self) -> Any:
        if self.payload is not None or self.raw is None:
            return self.payload
        return json.loads(self.raw)


def utc_now() -> datetime:
    return datetime.now(UTC)


def graph_error(req: Request, status: int, code: str, message: str,
                details: list[dict] | None = None, headers: dict[str, str] | None = None) -> Response:
    """Graph's error body (graph-facts §1-§4 all answer in this shape)."""
    error: dict[str, Any] = {"code": code, "message": message, "innerError": {
        "date": utc_now().strftime("%Y-%m-%dT%H:%M:%S"), "request-id": req.request_id,
        "client-request-id": req.client_request_id}}
    if details:
        error["details"] = details
    return Response(status, {"error": error}, headers=dict(headers or {}))


def aadsts_error(req: Request, code: int, error: str | None = None, **fmt: str) -> Response:
    """Entra's OAuth error JSON (graph-facts §5, §6): the description starts with `AADSTS<code>: `."""
    status, default_error, template = facts.AADSTS[code]
    trace_id = str(uuid.uuid4())
    correlation_id = req.headers.get("client-request-id") or str(uuid.uuid4())
    now = utc_now()
    stamp = now.strftime("%Y-%m-%d %H:%M:%SZ")
    # Entra ends every description with these three lines, separated by CR LF.
    description = (f"AADSTS{code}: {template.format(**fmt)}\r\nTrace ID: {trace_id}\r\n"
                   f"Correlation ID: {correlation_id}\r\nTimestamp: {stamp[:-1]}Z")
    body = {"error": error or default_error, "error_description": description, "error_codes": [code],
            "timestamp": stamp, "trace_id": trace_id, "correlation_id": correlation_id,
            "error_uri": f"https://login.microsoftonline.com/error?code={code}"}
    return Response(status, body, content_type=PLAIN_JSON,
                    headers={"x-ms-request-id": trace_id, "Cache-Control": "no-store, no-cache"})
