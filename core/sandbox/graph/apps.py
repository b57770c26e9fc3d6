"""Graph's app-registration calls made with a signed-in admin's delegated token (graph-facts §10):
Graph's own service principal, POST /applications, /servicePrincipals, addPassword, removePassword and
appRoleAssignedTo, with Graph's shapes and errors. New apps and secrets reach sign-in only after the
configured replication delay, as on Entra."""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.sandbox import facts
from core.sandbox.data import App, Password
from core.sandbox.graph import credentials
from core.sandbox.responses import Request, Response, graph_error

if TYPE_CHECKING:
    from core.sandbox.graph.api import Caller
    from core.sandbox.tenant import SandboxTenant

UF = facts.UNCONFIRMED
_SP_BY_APP_ID = re.compile(r"^servicePrincipals\(appId='([^']*)'\)$", re.I)
DEFAULT_SECRET_DAYS = 730  # §10: addPassword without endDateTime gives 2 years


def handles(method: str, parts: list[str]) -> bool:
    head = parts[0]
    if head.startswith("servicePrincipals"):
        return True
    return head == "applications" and ((method == "POST" and len(parts) in (1, 3)) or
                                       (method == "PATCH" and len(parts) == 2))


def route(tenant: SandboxTenant, req: Request, caller: Caller, parts: list[str], body: Any) -> Response:
    head = parts[0]
    match = _SP_BY_APP_ID.match(head)
    if req.method == "GET" and match and len(parts) == 1:
        return _need(req, caller, facts.APP_READ_SCOPES, None) or _service_principal(tenant, req, match.group(1))
    if req.method == "POST" and head == "applications" and len(parts) == 1:
        return _need(req, caller, facts.APP_WRITE_SCOPES, facts.APP_CREATOR_ROLES) or \
            _create_app(tenant, req, body)
    if req.method == "POST" and head == "servicePrincipals" and len(parts) == 1:
        return _need(req, caller, facts.APP_WRITE_SCOPES, facts.APP_CREATOR_ROLES) or \
            _create_sp(tenant, req, body)
    if head == "applications" and len(parts) in (2, 3):
        return _credential(tenant, req, caller, parts, body)
    if req.method == "POST" and head == "servicePrincipals" and len(parts) == 3 and parts[2] == "appRoleAssignedTo":
        return _need(req, caller, facts.ASSIGN_SCOPES, facts.CONSENT_GRANTER_ROLES) or \
            _assign(tenant, req, parts[1], body)
    return graph_error(req, 405, "Request_BadRequest",
                       f"The sandbox tenant does not model {req.method} /{'/'.join(parts)}.")


def _credential(tenant: SandboxTenant, req: Request, caller: Caller, parts: list[str], body: Any) -> Response:
    """addPassword, removePassword, addKey, removeKey and PATCH keyCredentials on /applications/{object id}."""
    action = parts[2] if len(parts) == 3 else "PATCH"
    if action not in ("addPassword", "removePassword", "addKey", "removeKey", "PATCH"):
        return graph_error(req, 405, "Request_BadRequest",
                           f"The sandbox tenant does not model {req.method} /{'/'.join(parts)}.")
    app = next((a for a in tenant.directory.apps if a.object_id == parts[1].lower()), None)
    if caller.upn is None:  # app-only: Application.ReadWrite.All, or an app rolling its own keys (addKey)
        own = app is not None and action in ("addKey", "removeKey") and caller.client_id == app.client_id
        denied = None if own or caller.allowed(facts.APP_WRITE_SCOPES) else \
            graph_error(req, 403, "Authorization_RequestDenied", facts.INSUFFICIENT_PRIVILEGES)
    else:
        denied = _need(req, caller, facts.APP_WRITE_SCOPES, facts.APP_CREATOR_ROLES)
    if denied or app is None:
        return denied or _not_found(req, parts[1])
    with tenant.lock:
        if action == "addPassword":
            return _add_password(tenant, req, app, body)
        if action == "removePassword":
            return _remove_password(req, app, body)
        if action == "removeKey":
            return credentials.remove_key(tenant, req, app, body)
        return credentials.add_key(tenant, req, app, body) if action == "addKey" else \
            credentials.patch_keys(tenant, req, app, body)


def _need(req: Request, caller: Caller, scopes: frozenset[str], roles: frozenset[str] | None) -> Response | None:
    """403 unless the token has one of the scopes and (for writes) its user one of the admin roles."""
    account = caller.tenant.directory.account(caller.upn or "")
    if not (caller.scopes & scopes) or (roles is not None and (account is None or account.role not in roles)):
        if roles is facts.APP_CREATOR_ROLES and UF["users_can_register_apps"] and caller.scopes & scopes:
            return None
        return graph_error(req, 403, "Authorization_RequestDenied", facts.INSUFFICIENT_PRIVILEGES)
    return None


def _not_found(req: Request, key: str) -> Response:
    return graph_error(req, 404, "Request_ResourceNotFound", f"Resource '{key}' does not exist or one of its "
                       "queried reference-property objects are not present.")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _service_principal(tenant: SandboxTenant, req: Request, app_id: str) -> Response:
    if app_id.lower() != facts.GRAPH_APP_ID:
        app = tenant.find_app(app_id)
        if app is None or app.sp_id is None:
            return _not_found(req, app_id)
        return Response(200, {"id": app.sp_id, "appId": app.client_id, "displayName": app.display_name,
                              "appRoles": []})
    roles = [{"allowedMemberTypes": ["Application"], "description": f"Allows the app to {value}.",
              "displayName": value, "id": role_id, "isEnabled": True, "origin": "Application", "value": value}
             for value, role_id in facts.GRAPH_APP_ROLES.items()]
    return Response(200, {"@odata.context": f"{tenant.url}/v1.0/$metadata#servicePrincipals(id,appRoles)/$entity",
                          "id": tenant.graph_sp_id, "appRoles": roles})


def _create_app(tenant: SandboxTenant, req: Request, body: Any) -> Response:
    if not isinstance(body, dict) or not str(body.get("displayName") or "").strip():
        return graph_error(req, 400, "Request_BadRequest", "Property 'displayName' is required.")
    required = body.get("requiredResourceAccess") or []
    known = set(facts.GRAPH_APP_ROLES.values())
    for resource in required:
        for access in resource.get("resourceAccess", []) if isinstance(resource, dict) else []:
            if access.get("id") not in known and resource.get("resourceAppId") == facts.GRAPH_APP_ID:
                return graph_error(req, 400, "Request_BadRequest", "Invalid value specified for property "
                                   "'resourceAccess' of resource 'Application'.")
    app = App(str(uuid.uuid4()), "", [], datetime.now(UTC), str(body["displayName"]).strip(), str(uuid.uuid4()),
              ready_at=tenant.clock() + tenant.config.replication_delay_s, required=list(required),
              graph_ready_at=tenant.clock() + tenant.config.directory_lag_s)
    tenant.directory.apps.append(app)
    return Response(201, _application(tenant, app))


def _application(tenant: SandboxTenant, app: App) -> dict[str, Any]:
    return {"@odata.context": f"{tenant.url}/v1.0/$metadata#applications/$entity", "id": app.object_id,
            "appId": app.client_id, "displayName": app.display_name, "signInAudience": "AzureADMyOrg",
            "createdDateTime": _iso(datetime.now(UTC)), "requiredResourceAccess": app.required,
            "passwordCredentials": [_password(p, None) for p in app.passwords],
            "keyCredentials": [k.graph() for k in app.keys]}


def _password(p: Password, secret: str | None) -> dict[str, Any]:
    return {"customKeyIdentifier": None, "displayName": p.display_name, "endDateTime": _iso(p.end),
            "hint": p.hint, "keyId": p.key_id, "secretText": secret, "startDateTime": _iso(p.start)}


def _create_sp(tenant: SandboxTenant, req: Request, body: Any) -> Response:
    app_id = str((body or {}).get("appId") or "").lower() if isinstance(body, dict) else ""
    app = tenant.find_app(app_id)
    if app is None or app.graph_ready_at > tenant.clock():  # §10: Azure CLI retries this 36 x 5 s
        return graph_error(req, 400, "Request_BadRequest", str(UF["sp_app_not_replicated_message"]).format(
            app_id=app_id))
    if app.sp_id is not None:
        return graph_error(req, 409, "Request_MultipleObjectsWithSameKeyValue",
                           "The service principal cannot be created, updated, or restored because the service "
                           "principal name is already in use.")
    app.sp_id = str(uuid.uuid4())
    app.graph_ready_at = tenant.clock() + tenant.config.directory_lag_s
    return Response(201, {"@odata.context": f"{tenant.url}/v1.0/$metadata#servicePrincipals/$entity",
                          "id": app.sp_id, "appId": app.client_id, "displayName": app.display_name,
                          "servicePrincipalType": "Application", "accountEnabled": True, "appRoles": []})


def _add_password(tenant: SandboxTenant, req: Request, app: App, body: Any) -> Response:
    cred = (body or {}).get("passwordCredential") if isinstance(body, dict) else None
    cred = cred if isinstance(cred, dict) else {}
    now = datetime.now(UTC)
    try:
        end = datetime.fromisoformat(str(cred["endDateTime"]).replace("Z", "+00:00")) if cred.get("endDateTime") \
            else now + timedelta(days=DEFAULT_SECRET_DAYS)
    except ValueError:
        return graph_error(req, 400, "Request_BadRequest", "Invalid value specified for property 'endDateTime'.")
    end = end if end.tzinfo else end.replace(tzinfo=UTC)
    cfg = tenant.config
    refused = credentials.secret_policy(tenant, req, now, end)
    if refused is not None:
        return refused
    secret = f"{secrets.token_urlsafe(3)[:3]}8Q~{secrets.token_urlsafe(27)[:34]}"
    password = Password(str(uuid.uuid4()), secret, now, end, str(cred.get("displayName") or ""),
                        ready_at=tenant.clock() + cfg.replication_delay_s)
    app.passwords.append(password)
    return Response(200, {"@odata.context": f"{tenant.url}/v1.0/$metadata#microsoft.graph.passwordCredential",
                          **_password(password, secret)})


def _remove_password(req: Request, app: App, body: Any) -> Response:
    key_id = str((body or {}).get("keyId") or "").lower() if isinstance(body, dict) else ""
    kept = [p for p in app.passwords if p.key_id != key_id]
    if len(kept) == len(app.passwords):
        return graph_error(req, 400, "Request_BadRequest", f"No password credential found with keyId '{key_id}'.")
    app.passwords = kept
    return Response(204)


def _assign(tenant: SandboxTenant, req: Request, resource_id: str, body: Any) -> Response:
    if resource_id.lower() != tenant.graph_sp_id:
        return _not_found(req, resource_id)
    body = body if isinstance(body, dict) else {}
    app = next((a for a in tenant.directory.apps if a.sp_id and a.sp_id == str(body.get("principalId", "")).lower()),
               None)
    if app is None or app.graph_ready_at > tenant.clock():  # a new service principal not replicated yet
        return _not_found(req, str(body.get("principalId")))
    value = next((v for v, rid in facts.GRAPH_APP_ROLES.items() if rid == body.get("appRoleId")), None)
    if value is None or str(body.get("resourceId", "")).lower() != tenant.graph_sp_id:
        return graph_error(req, 400, "Request_BadRequest", "Permission being assigned was not found on "
                           "application")
    app.pending_roles.append((value, tenant.clock() + tenant.config.replication_delay_s))
    return Response(201, {"@odata.context": f"{tenant.url}/v1.0/$metadata#appRoleAssignments/$entity",
                          "id": secrets.token_urlsafe(32)[:43], "appRoleId": body["appRoleId"],
                          "createdDateTime": _iso(datetime.now(UTC)), "principalDisplayName": app.display_name,
                          "principalId": app.sp_id, "principalType": "ServicePrincipal",
                          "resourceDisplayName": "Microsoft Graph", "resourceId": tenant.graph_sp_id})
