"""Application credentials under the tenant's app-management policy (graph-facts §16): the policy's answer
to addPassword (secrets blocked, or a lifetime over the cap), and certificates — `POST
/applications/{id}/addKey` (with its proof of possession of an existing key) and `POST …/removeKey` (the same proof), `PATCH
/applications/{id}` with `keyCredentials` (the way to add a first certificate; the list replaces the app's
keys, entries naming an existing `keyId` without a `key` keep it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.sandbox import facts
from core.sandbox.assertions import verify_proof
from core.sandbox.data import App
from core.sandbox.keys import KeyCredential, key_credential
from core.sandbox.responses import Request, Response, graph_error

if TYPE_CHECKING:
    from core.sandbox.tenant import SandboxTenant

UF = facts.UNCONFIRMED
MARGIN = timedelta(minutes=5)  # a lifetime a few minutes over the cap still passes (clocks, rounding)


def secret_policy(tenant: SandboxTenant, req: Request, start: datetime, end: datetime) -> Response | None:
    """addPassword under the policy: the seed's appManagementPolicy and the run-time switches."""
    policy, cfg = tenant.directory.app_policy, tenant.config
    if policy["block_secrets"] or cfg.secrets_blocked:
        return graph_error(req, 400, facts.SECRETS_BLOCKED_CODE, str(UF["secrets_blocked_message"]))
    caps = [d for d in (policy["secret_max_days"], cfg.secret_max_days) if d is not None]
    return _lifetime(req, start, end, min(caps)) if caps else None


def _lifetime(req: Request, start: datetime, end: datetime, max_days: int) -> Response | None:
    if end - start <= timedelta(days=max_days) + MARGIN:
        return None
    message = str(UF["lifetime_capped_message"]).format(policy=UF["policy_name"], max_iso=f"P{max_days}D",
                                                         max_days=max_days)
    return graph_error(req, 400, facts.LIFETIME_CAPPED_CODE, message)


def _proof_refused(tenant: SandboxTenant, req: Request, app: App, body: dict) -> Response | None:
    """addKey's and removeKey's proof of possession: signed with one of the app's valid keys (none: use
    PATCH instead)."""
    now = tenant.clock()
    valid = [k for k in app.keys if k.start.timestamp() <= now < k.end.timestamp()]
    if valid and verify_proof(str(body.get("proof") or ""), app, valid, now):
        return None
    return graph_error(req, 400, "Request_BadRequest", "Key credential proof of possession is invalid or the "
                       "application has no valid key to verify it with.")


def add_key(tenant: SandboxTenant, req: Request, app: App, body: Any) -> Response:
    """addKey: the proof must be signed with one of the app's valid keys (none: use PATCH instead)."""
    body = body if isinstance(body, dict) else {}
    refused = _proof_refused(tenant, req, app, body)
    if refused is not None:
        return refused
    key, problem = _new_key(tenant, req, body.get("keyCredential"))
    if problem is not None:
        return problem
    app.keys.append(key)
    return Response(200, {"@odata.context": f"{tenant.url}/v1.0/$metadata#microsoft.graph.keyCredential",
                          **key.graph()}, applied=True)


def remove_key(tenant: SandboxTenant, req: Request, app: App, body: Any) -> Response:
    """removeKey: the same proof as addKey (signed with a valid key of the app); the key named by keyId goes."""
    body = body if isinstance(body, dict) else {}
    refused = _proof_refused(tenant, req, app, body)
    if refused is not None:
        return refused
    key_id = str(body.get("keyId") or "").lower()
    kept = [k for k in app.keys if k.key_id != key_id]
    if len(kept) == len(app.keys):
        return graph_error(req, 404, "Request_ResourceNotFound", f"No key credential found with keyId '{key_id}'.")
    app.keys = kept
    return Response(204, applied=True)


def patch_keys(tenant: SandboxTenant, req: Request, app: App, body: Any) -> Response:
    """PATCH /applications/{id} {"keyCredentials": [...]} (the only property the sandbox updates there)."""
    body = {k: v for k, v in (body if isinstance(body, dict) else {}).items() if not k.startswith("@odata.")}
    if set(body) != {"keyCredentials"} or not isinstance(body["keyCredentials"], list):
        return graph_error(req, 400, "Request_BadRequest", "The sandbox tenant models only 'keyCredentials' in "
                                                           "an update of an application.")
    existing = {k.key_id: k for k in app.keys}
    kept: list[KeyCredential] = []
    for entry in body["keyCredentials"]:
        old = existing.get(str((entry or {}).get("keyId") or "").lower()) if isinstance(entry, dict) else None
        if old is not None and not entry.get("key"):
            kept.append(old)
            continue
        key, problem = _new_key(tenant, req, entry)
        if problem is not None:
            return problem
        kept.append(key)
    app.keys = kept
    return Response(204, applied=True)


def _new_key(tenant: SandboxTenant, req: Request, entry: Any) -> tuple[KeyCredential, None] | tuple[None, Response]:
    entry = entry if isinstance(entry, dict) else {}
    usage = facts.KEY_TYPES.get(str(entry.get("type")))
    if usage is None or entry.get("usage") != usage:
        return None, graph_error(req, 400, "Request_BadRequest", "Invalid value specified for property "
                                 "'keyCredentials' of resource 'Application': type must be AsymmetricX509Cert "
                                 "with usage Verify.")
    try:
        key = key_credential(str(entry.get("key") or ""), str(entry.get("displayName") or ""),
                             _when(entry.get("startDateTime")), _when(entry.get("endDateTime")),
                             ready_at=tenant.clock() + tenant.config.replication_delay_s)
    except ValueError:
        return None, graph_error(req, 400, "Request_BadRequest", "Invalid value specified for property "
                                 "'keyCredentials' of resource 'Application'.")
    cap = tenant.directory.app_policy["key_max_days"]
    problem = _lifetime(req, key.start, key.end, cap) if cap is not None else None
    return (None, problem) if problem is not None else (key, None)


def _when(value: Any) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))  # ValueError: a bad date is a bad key
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
