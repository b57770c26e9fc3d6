"""The login side (what MSAL calls, graph-facts §5): OIDC discovery and the client-credentials token
endpoint, with Entra's AADSTS errors (§6)."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote

from core.sandbox import assertions, facts, signin
from core.sandbox.data import App, is_guid
from core.sandbox.responses import PLAIN_JSON, Request, Response, aadsts_error

if TYPE_CHECKING:
    from core.sandbox.tenant import SandboxTenant

_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.I)
_SINGLE_LABEL = re.compile(r"^[a-z0-9-]{1,63}$", re.I)
DISCOVERY_SUFFIX = "/v2.0/.well-known/openid-configuration"
GRANT_ENDPOINT_PATH = "/oauth2/v2.0/token"


def resolve_tenant(tenant: SandboxTenant, req: Request, segment: str) -> Response | None:
    """None if the tenant segment names this tenant; else Entra's 90002 / 900023 answer."""
    name = unquote(segment).lower()
    if name == tenant.tenant_id or name in tenant.directory.domain_names():
        return None
    if is_guid(name) or _DOMAIN.match(name) or _SINGLE_LABEL.match(name):
        return aadsts_error(req, 90002, tenant=unquote(segment))  # well-formed, just not ours
    return aadsts_error(req, 900023, tenant=unquote(segment))


def discovery(tenant: SandboxTenant, req: Request, segment: str) -> Response:
    refused = resolve_tenant(tenant, req, segment)
    if refused is not None:
        refused.payload["error"] = facts.UNCONFIRMED["discovery_unknown_tenant_error"]
        return refused
    base, tid = tenant.url, tenant.tenant_id
    doc = {
        "token_endpoint": f"{base}/{tid}{GRANT_ENDPOINT_PATH}",
        "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt",
                                                  "client_secret_basic"],
        "jwks_uri": f"{base}/{tid}/discovery/v2.0/keys",
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "issuer": f"{base}/{tid}/v2.0",
        "request_uri_parameter_supported": False,
        "userinfo_endpoint": f"{base}/oidc/userinfo",
        "authorization_endpoint": f"{base}/{tid}/oauth2/v2.0/authorize",
        "device_authorization_endpoint": f"{base}/{tid}/oauth2/v2.0/devicecode",
        "http_logout_supported": True,
        "frontchannel_logout_supported": True,
        "end_session_endpoint": f"{base}/{tid}/oauth2/v2.0/logout",
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce", "tid",
                             "ver", "oid", "roles"],
        "kerberos_endpoint": f"{base}/{tid}/kerberos",
        "tenant_region_scope": "EU",
        "cloud_instance_name": "microsoftonline.com",
        "cloud_graph_host_name": "graph.windows.net",
        "msgraph_host": "graph.microsoft.com",
        "rbac_url": "https://pas.windows.net",
    }
    return Response(200, doc, content_type=PLAIN_JSON)


def token(tenant: SandboxTenant, req: Request, segment: str,
          now: Callable[[], float]) -> tuple[Response, str | None]:
    """Client credentials grant. Returns (response, client_id for the audit log)."""
    form = dict(parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True))
    client_id, secret = _client_auth(form, req.headers.get("authorization", ""))
    refused = resolve_tenant(tenant, req, segment)
    if refused is not None:
        return refused, client_id
    grant = form.get("grant_type", "")
    if grant == "authorization_code":
        return signin.redeem(tenant, req, form), client_id
    if grant == signin.DEVICE_CODE_GRANT:
        return signin.redeem_device_code(tenant, req, form), client_id
    if grant != "client_credentials":
        if not grant:
            return aadsts_error(req, 900144, parameter="grant_type"), client_id
        return aadsts_error(req, 70003, grant_type=grant), client_id
    if not client_id:
        return aadsts_error(req, 900144, parameter="client_id"), client_id
    app = tenant.find_app(client_id)
    if app is None or app.ready_at > now():  # a new app is unknown until it has replicated (§10)
        return aadsts_error(req, 700016, client_id=client_id, tenant_name=segment), client_id
    checks = [lambda: _credential_problem(tenant, req, app, form, secret, now()),
              lambda: _scope_problem(req, tenant, form.get("scope", ""))]
    if not facts.UNCONFIRMED["scope_checked_after_secret"]:
        checks.reverse()
    problem = checks[0]() or checks[1]()
    if problem is not None:
        return problem, client_id
    lifetime = int(tenant.config.token_lifetime_s)
    access = tenant.mint.mint(app.client_id, app.object_id, app.roles_at(now()), lifetime)
    body = {"token_type": "Bearer", "expires_in": lifetime, "ext_expires_in": lifetime,
            "access_token": access}
    return Response(200, body, content_type=PLAIN_JSON,
                    headers={"Cache-Control": "no-store, no-cache", "Pragma": "no-cache"}), client_id


def _client_auth(form: dict[str, str], authorization: str) -> tuple[str, str | None]:
    """client_secret_post (what MSAL sends) or client_secret_basic (what curl users often send)."""
    client_id, secret = form.get("client_id", ""), form.get("client_secret")
    if authorization.lower().startswith("basic "):
        try:
            user, _, password = base64.b64decode(authorization[6:]).decode().partition(":")
            client_id, secret = client_id or unquote(user), secret or unquote(password)
        except ValueError:
            pass
    return client_id.strip().lower(), secret


def _credential_problem(tenant: SandboxTenant, req: Request, app: App, form: dict[str, str], secret: str | None,
                        now: float) -> Response | None:
    """A certificate client assertion (§16) when one is sent, else the client secret."""
    assertion, kind = form.get("client_assertion"), form.get("client_assertion_type")
    if assertion is None and kind is None:
        return _secret_problem(req, app, secret, now)
    if kind != facts.CLIENT_ASSERTION_TYPE:
        return aadsts_error(req, 900144, parameter="client_assertion_type")
    if not assertion:
        return aadsts_error(req, 900144, parameter="client_assertion")
    return assertions.check(tenant, req, app, assertion, now)


def _secret_problem(req: Request, app: App, secret: str | None, now: float) -> Response | None:
    if not secret:
        return aadsts_error(req, 7000218)
    expires = app.secret_expires if app.secret and secret == app.secret else next(
        (p.end for p in app.passwords if p.matches(secret) and p.ready_at <= now), None)
    if expires is None:  # wrong, removed, or a new secret not replicated yet (§10)
        return aadsts_error(req, 7000215, client_id=app.client_id)
    if expires <= datetime.fromtimestamp(now, UTC):
        return aadsts_error(req, 7000222, client_id=app.client_id)
    return None


def _scope_problem(req: Request, tenant: SandboxTenant, scope: str) -> Response | None:
    scopes = scope.split()
    if not scopes:
        return aadsts_error(req, 900144, parameter="scope")
    for item in scopes:
        if not item.endswith("/.default"):
            return aadsts_error(req, 1002012, scope=item)
        resource = item[: -len("/.default")].rstrip("/")
        if resource not in (facts.GRAPH_AUDIENCE, facts.GRAPH_APP_ID, tenant.url):
            return aadsts_error(req, 500011, resource=resource, tenant_name=tenant.tenant_id)
    return None
