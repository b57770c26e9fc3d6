"""`/v1.0/domains/{id}/federationConfiguration[/{fid}]` (graph-facts §15): GET, POST, PATCH, DELETE of a
domain's internalDomainFederation with Microsoft's rules — not the initial, default, unverified or a
non-root domain; the signing certificate (and the trap when it is missing); the permission, and with a
delegated token one of the roles that may federate. Rule order, codes and texts: facts.UNCONFIRMED."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from core.sandbox import facts
from core.sandbox import federation as model
from core.sandbox.keys import certificate_der
from core.sandbox.responses import Request, Response, graph_error

if TYPE_CHECKING:
    from core.sandbox.graph.api import Caller
    from core.sandbox.tenant import SandboxTenant

UF = facts.UNCONFIRMED
SEGMENT = "federationConfiguration"
_MODELLED = {("GET", 3), ("GET", 4), ("POST", 3), ("PATCH", 4), ("DELETE", 4)}
_TEXT_PROPS = ("displayName", "issuerUri", "metadataExchangeUri", "passiveSignInUri", "activeSignInUri",
               "signOutUri")


def handles(parts: list[str]) -> bool:
    return len(parts) in (3, 4) and parts[0] == "domains" and parts[2] == SEGMENT


def route(tenant: SandboxTenant, req: Request, caller: Caller, parts: list[str], body: Any) -> Response:
    write = req.method != "GET"
    if (req.method, len(parts)) not in _MODELLED:
        return graph_error(req, 405, "Request_BadRequest",
                           f"The sandbox tenant does not model {req.method} /{'/'.join(parts)}.")
    if not _allowed(tenant, caller, write):
        return graph_error(req, 403, "Authorization_RequestDenied", facts.INSUFFICIENT_PRIVILEGES)
    refused = caller.admit(facts.RU_COST_OTHER_READ, 1 if write else 0)
    if refused is not None:
        return refused
    name = unquote(parts[1]).strip().lower()
    domain = tenant.directory.domain(name)
    if domain is None:
        return _not_found(req, unquote(parts[1]))
    fid = unquote(parts[3]) if len(parts) == 4 else None
    with tenant.lock:  # one change at a time, as the directory would serialise them
        if req.method == "POST":
            return _create(tenant, req, domain, body)
        config = model.readable(tenant.directory, name)
        if config is None or (fid is not None and fid.lower() != str(config["id"]).lower()):
            return graph_error(req, 404, "Request_ResourceNotFound", facts.FEDERATION_NOT_FOUND_MESSAGE
                               if fid is None else f"Resource '{fid}' does not exist or one of its queried "
                               "reference-property objects are not present.")
        if req.method == "GET":
            return _read(tenant, name, config, single=fid is not None)
        if req.method == "PATCH":
            return _update(tenant, req, domain, config, body)
        model.unfederate(tenant.directory, name, tenant.clock(), tenant.config.federation_delay_s)
        return Response(204, applied=True)


def _allowed(tenant: SandboxTenant, caller: Caller, write: bool) -> bool:
    """App-only: the permission in `roles`. Delegated: the scope in `scp` and a role that may federate."""
    needed = facts.FEDERATION_WRITE_PERMISSIONS if write else facts.FEDERATION_READ_PERMISSIONS
    if caller.upn is None:
        return caller.allowed(needed)
    account = tenant.directory.account(caller.upn)
    roles = set(facts.FEDERATION_ADMIN_ROLES) | (set() if write else set(UF["federation_read_roles"]))  # type: ignore[arg-type]
    return bool(caller.scopes & needed) and account is not None and account.role in roles


def _not_found(req: Request, key: str) -> Response:
    return graph_error(req, 404, "Request_ResourceNotFound", f"Resource '{key}' does not exist or one of its "
                       "queried reference-property objects are not present.")


def _refuse(req: Request, rule: str, **args: str) -> Response:
    status, code, message = UF["federation_refusals"][rule]  # type: ignore[index]
    return graph_error(req, status, code, message.format(**args))


def _read(tenant: SandboxTenant, name: str, config: dict[str, Any], single: bool) -> Response:
    base = f"{tenant.url}/v1.0/$metadata#domains('{name}')/{SEGMENT}"
    item = {"@odata.type": "#microsoft.graph.internalDomainFederation", **config}
    if single:
        return Response(200, {"@odata.context": base + "/$entity", **item})
    return Response(200, {"@odata.context": base, "value": [item]})


def _create(tenant: SandboxTenant, req: Request, domain: dict[str, Any], body: Any) -> Response:
    name = domain["id"]
    body = body if isinstance(body, dict) else {}
    checks: dict[str, Callable[[], Response | None]] = {
        "initial": lambda: _refuse(req, "initial", domain=name) if domain["isInitial"] else None,
        "unverified": lambda: _refuse(req, "unverified", domain=name) if not domain["isVerified"] else None,
        "not_root": lambda: _refuse(req, "not_root", domain=name) if not domain["isRoot"] else None,
        "default": lambda: _refuse(req, "default", domain=name) if domain["isDefault"] else None,
        "already_federated": lambda: _refuse(req, "already_federated", domain=name)
        if domain["authenticationType"] == "Federated" else None,
        "body": lambda: _body_problem(req, body, creating=True),
        "certificate": lambda: _certificate_problem(tenant, req, name, body),
        "issuer_in_use": lambda: _issuer_in_use(tenant, req, name, body.get("issuerUri")),
    }
    for rule in UF["federation_rule_order"]:  # type: ignore[union-attr]
        problem = checks[rule]()
        if problem is not None:
            return problem
    config = model.new_configuration(body)
    model.federate(tenant.directory, name, config, tenant.clock(), tenant.config.federation_delay_s)
    return Response(201, {"@odata.context": f"{tenant.url}/v1.0/$metadata#domains('{name}')/{SEGMENT}/$entity",
                          "@odata.type": "#microsoft.graph.internalDomainFederation", **config}, applied=True)


def _update(tenant: SandboxTenant, req: Request, domain: dict[str, Any], config: dict[str, Any],
            body: Any) -> Response:
    body = {k: v for k, v in (body if isinstance(body, dict) else {}).items() if not k.startswith("@odata.")}
    problem = _body_problem(req, body, creating=False) or _issuer_in_use(tenant, req, domain["id"], body.get("issuerUri"))
    for prop in ("signingCertificate", "nextSigningCertificate"):
        if problem is None and prop in body and (body[prop] is not None or prop == "signingCertificate"):
            problem = _bad_certificate(req, prop, body[prop])
    if problem is not None:
        return problem
    changes = {k: v for k, v in body.items() if k in facts.FEDERATION_PROPERTIES}
    model.update(tenant.directory, domain["id"], changes, tenant.clock(), tenant.config.federation_delay_s)
    return Response(204, applied=True)


def _body_problem(req: Request, body: dict[str, Any], creating: bool) -> Response | None:
    if creating:
        for prop in ("issuerUri", "passiveSignInUri"):
            if not isinstance(body.get(prop), str) or not body[prop].strip():
                return _refuse(req, "required", prop=prop)
    for prop, value in body.items():
        if prop.startswith("@odata.") or value is None and prop not in ("issuerUri", "passiveSignInUri"):
            continue
        if prop not in facts.FEDERATION_PROPERTIES:
            return _refuse(req, "bad_value", prop=prop)
        if prop in _TEXT_PROPS and (not isinstance(value, str) or not value.strip()):
            return _refuse(req, "bad_value", prop=prop)
        if prop.endswith("Uri") and prop != "issuerUri" and urlsplit(value).scheme != "https":
            return _refuse(req, "bad_value", prop=prop)
        if prop in facts.FEDERATION_ENUMS and value not in facts.FEDERATION_ENUMS[prop]:
            return _refuse(req, "bad_value", prop=prop)
        if prop == "isSignedAuthenticationRequestRequired" and not isinstance(value, bool):
            return _refuse(req, "bad_value", prop=prop)
    return None


def _certificate_problem(tenant: SandboxTenant, req: Request, name: str, body: dict[str, Any]) -> Response | None:
    if not body.get("signingCertificate"):
        if UF["federation_without_certificate"] != "trap":
            return _refuse(req, "required", prop="signingCertificate")
        model.trap(tenant.directory, name, tenant.clock(), tenant.config.federation_delay_s)
        status, code, message = UF["federation_trap_error"]  # type: ignore[misc]
        response = graph_error(req, status, code, message)
        response.applied = True  # the directory changed although the answer is an error
        return response
    for prop in ("signingCertificate", "nextSigningCertificate"):
        if body.get(prop) is not None:
            problem = _bad_certificate(req, prop, body[prop])
            if problem is not None:
                return problem
    return None


def _bad_certificate(req: Request, prop: str, value: Any) -> Response | None:
    try:
        certificate_der(value if isinstance(value, str) else "")
    except ValueError:
        return _refuse(req, "bad_certificate", prop=prop)
    return None


def _issuer_in_use(tenant: SandboxTenant, req: Request, name: str, issuer: Any) -> Response | None:
    if not issuer or not UF["issuer_shared_refused"]:
        return None
    other = next((d for d, c in tenant.directory.federations.items()
                  if d != name and str(c.get("issuerUri") or "") == str(issuer)), None)
    return _refuse(req, "issuer_in_use", issuer=str(issuer), other=other) if other else None
