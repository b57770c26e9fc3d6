"""Graph `/v1.0` routing: bearer-token checks, permissions by the token's roles (graph-facts §1, §8),
quota admission (§4), `$batch` (§3), and the optional reads `/domains`, `/organization`, `/applications`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from core.sandbox import facts
from core.sandbox.graph import apps as graph_apps
from core.sandbox.graph import federation as graph_federation
from core.sandbox.graph import roles as graph_roles
from core.sandbox.graph import users as graph_users
from core.sandbox.responses import Request, Response, graph_error
from core.sandbox.tokens import TokenError

if TYPE_CHECKING:
    from core.sandbox.tenant import SandboxTenant

UF = facts.UNCONFIRMED
_APP_BY_ID = re.compile(r"^applications\(appId='([^']*)'\)$", re.I)


@dataclass
class Caller:
    """The authenticated app behind a request; knows how to ask the throttle for room."""

    tenant: SandboxTenant
    req: Request
    client_id: str
    roles: frozenset[str]
    usage: float = 0.0  # highest quota fraction in use after this caller's last admitted request
    scopes: frozenset[str] = frozenset()  # delegated tokens: the `scp` claim
    upn: str | None = None  # delegated tokens: who signed in

    def allowed(self, needed: frozenset[str]) -> bool:
        return bool(self.roles & needed)

    def admit(self, ru_cost: int, writes: int) -> Response | None:
        verdict = self.tenant.throttle.admit(self.client_id, ru_cost, writes)
        if verdict.allowed:
            self.usage = verdict.usage
            return None
        return graph_error(self.req, 429, "TooManyRequests",
                           "Too many requests. Please retry after the time in the Retry-After header.",
                           headers=verdict.headers(ru_cost))

    def ok_headers(self, cost: int) -> dict[str, str]:
        out = {"x-ms-resource-unit": str(cost)}
        if self.usage > facts.THROTTLE_WARN_FRACTION:
            out["x-ms-throttle-limit-percentage"] = f"{self.usage:.2f}"
        return out


def authenticate(tenant: SandboxTenant, req: Request) -> Caller | Response:
    """401 InvalidAuthenticationToken for a missing, garbled, foreign or expired token (graph-facts §5)."""
    header = req.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header or scheme.lower() != "bearer" or not token.strip():
        return _unauthorized(req, str(UF["token_missing_message"]))
    try:
        claims = tenant.mint.check(token.strip())
    except TokenError as exc:
        return _unauthorized(req, str(exc))
    return Caller(tenant, req, claims["appid"], frozenset(claims.get("roles", ())),
                  scopes=frozenset(str(claims.get("scp", "")).split()), upn=claims.get("upn"))


def _unauthorized(req: Request, message: str) -> Response:
    return graph_error(req, 401, "InvalidAuthenticationToken", message, headers={
        "WWW-Authenticate": 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/'
                            f'common/oauth2/authorize", client_id="{facts.GRAPH_APP_ID}"'})


def _denied(req: Request) -> Response:
    return graph_error(req, 403, "Authorization_RequestDenied", facts.INSUFFICIENT_PRIVILEGES)


def route(tenant: SandboxTenant, req: Request, caller: Caller, rel: str, body: Any) -> Response:
    """`rel` is the path after /v1.0/, e.g. "users" or "users/<id>"."""
    parts = rel.strip("/").split("/")
    head = parts[0]
    if graph_apps.handles(req.method, parts):
        return graph_apps.route(tenant, req, caller, parts, body)
    if graph_federation.handles(parts):  # §15
        return graph_federation.route(tenant, req, caller, parts, body)
    if head == "users" and len(parts) <= 2:
        return _users(tenant, req, caller, parts, body)
    if req.method == "GET" and head in ("domains", "organization") and len(parts) <= 2:
        needed = facts.READ_DOMAINS_ROLES if head == "domains" else facts.READ_ORG_ROLES
        if not caller.allowed(needed):
            return _denied(req)
        refused = caller.admit(facts.RU_COST_OTHER_READ, 0)
        return refused or _listing(tenant, req, caller, head, parts[1] if len(parts) > 1 else None)
    if req.method == "GET" and (head == "applications" or _APP_BY_ID.match(head)) and len(parts) == 1:
        if not (caller.allowed(facts.READ_APPS_ROLES) or caller.scopes & facts.APP_READ_SCOPES):
            return _denied(req)
        refused = caller.admit(facts.RU_COST_OTHER_READ, 0)
        return refused or _applications(tenant, req, caller, head)
    if head == "roleManagement" or (head == "groups" and len(parts) == 3):
        return graph_roles.route(tenant, req, caller, parts)  # §12
    if head in ("users", "domains", "organization", "applications"):
        return graph_error(req, 405, "Request_BadRequest",
                           f"The sandbox tenant does not model {req.method} /{rel}.")
    return graph_error(req, 400, "BadRequest", f"Resource not found for the segment '{head}'.")


def _users(tenant: SandboxTenant, req: Request, caller: Caller, parts: list[str], body: Any) -> Response:
    if req.method == "GET":
        if not caller.allowed(facts.READ_USERS_ROLES):
            return _denied(req)
        if len(parts) == 1:
            return graph_users.list_users(tenant, req, caller)
        return graph_users.get_user(tenant, req, caller, parts[1])
    if req.method == "PATCH" and len(parts) == 2:
        if not caller.allowed(facts.WRITE_USERS_ROLES):
            return _denied(req)
        return graph_users.patch_user(tenant, req, caller, parts[1], body)
    return graph_error(req, 405, "Request_BadRequest",
                       f"The sandbox tenant does not model {req.method} /{'/'.join(parts)}.")


def _listing(tenant: SandboxTenant, req: Request, caller: Caller, head: str, key: str | None) -> Response:
    headers = caller.ok_headers(facts.RU_COST_OTHER_READ)
    base = f"{tenant.url}/v1.0/$metadata#{head}"
    if head == "organization":
        return Response(200, {"@odata.context": base, "value": [tenant.organization()]}, headers=headers)
    domains = tenant.directory.domains
    if key is None:
        return Response(200, {"@odata.context": base, "value": [dict(d) for d in domains]}, headers=headers)
    found = next((d for d in domains if d["id"] == unquote(key).lower()), None)
    if found is None:
        return graph_error(req, 404, "Request_ResourceNotFound", f"Resource '{unquote(key)}' does not exist "
                           "or one of its queried reference-property objects are not present.")
    return Response(200, {"@odata.context": base + "/$entity", **found}, headers=headers)


def _applications(tenant: SandboxTenant, req: Request, caller: Caller, head: str) -> Response:
    match = _APP_BY_ID.match(head)
    wanted = match.group(1) if match else None
    where = req.params().get("$filter", "")
    filt = re.match(r"^\s*appId\s+eq\s+'([^']*)'\s*$", where, re.I)
    if filt:
        wanted = filt.group(1)
    named = re.match(r"^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$", where, re.I)  # Graph: eq on displayName
    apps = [a for a in tenant.directory.apps if (wanted is None or a.client_id == wanted.lower()) and
            (named is None or a.display_name == named.group(1).replace("''", "'"))]
    values = [tenant.application(a) for a in apps]
    headers = caller.ok_headers(facts.RU_COST_OTHER_READ)
    if match:
        if not values:
            return graph_error(req, 404, "Request_ResourceNotFound",
                               f"Resource '{wanted}' does not exist or one of its queried "
                               "reference-property objects are not present.")
        return Response(200, values[0], headers=headers)
    return Response(200, {"@odata.context": f"{tenant.url}/v1.0/$metadata#applications", "value": values},
                    headers=headers)


def batch(tenant: SandboxTenant, req: Request, caller: Caller, body: Any) -> Response:
    """graph-facts §3: at most 20 inner requests, each authorised, throttled and audited on its own."""
    requests = body.get("requests") if isinstance(body, dict) else None
    if not isinstance(requests, list) or not requests:
        return graph_error(req, 400, "BadRequest", "Invalid batch payload format.")
    if len(requests) > facts.MAX_BATCH_REQUESTS:
        return graph_error(req, 400, str(UF["batch_too_large_code"]), str(UF["batch_too_large_message"]))
    ids = [r.get("id") if isinstance(r, dict) else None for r in requests]
    if any(not isinstance(i, str) or not i for i in ids) or len(set(ids)) != len(ids):
        return graph_error(req, 400, "BadRequest", "Each request in a batch needs a unique, non-empty 'id'.")
    for item in requests:
        has_type = any(str(k).lower() == "content-type" for k in (item.get("headers") or {}))
        if item.get("body") is not None and not has_type:
            return graph_error(req, 400, "BadRequest",
                               str(UF["batch_missing_content_type_message"]).format(id=item["id"]))
    responses = [_inner(tenant, req, caller, r) for r in requests]
    return Response(200, {"responses": responses}, content_type="application/json; charset=utf-8",
                    headers=caller.ok_headers(0))


def _inner(tenant: SandboxTenant, outer: Request, caller: Caller, item: dict) -> dict:
    method = str(item.get("method", "")).upper()
    url = str(item.get("url", ""))
    path, _, query = url.partition("?")
    headers = {k.lower(): str(v) for k, v in (item.get("headers") or {}).items()}
    headers.setdefault("authorization", outer.headers.get("authorization", ""))
    body = item.get("body")
    req = Request(method, "/v1.0/" + path.lstrip("/"), query, headers,
                  json.dumps(body).encode() if body is not None else b"")
    inner_caller = Caller(tenant, req, caller.client_id, caller.roles)
    decision = tenant.faults.decide(inner=True)
    if decision.fault is not None:
        response = tenant.fault_response(req, decision.fault)
    elif url.lower().startswith(("http:", "https:")) or not method:
        response = graph_error(req, 400, "BadRequest", "Invalid request URL or method in the batch.")
    else:
        response = route(tenant, req, inner_caller, path.lstrip("/"), body)
    tenant.record(req, caller.client_id, response, body, in_batch=True)
    out: dict[str, Any] = {"id": item["id"], "status": response.status,
                           "headers": {"Content-Type": response.content_type, **response.headers}}
    if response.status != 204:
        out["body"] = response.body_object()
    return out
