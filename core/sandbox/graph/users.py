"""`/v1.0/users`: listing (graph-facts §2), one user, and the PATCH rules for onPremisesImmutableId (§1)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from core.sandbox import facts
from core.sandbox.data import USER_FIELDS
from core.sandbox.responses import Request, Response, graph_error

if TYPE_CHECKING:
    from core.sandbox.graph.api import Caller
    from core.sandbox.tenant import SandboxTenant

UF = facts.UNCONFIRMED
_CANONICAL = {p.lower(): p for p in facts.SELECTABLE_USER_PROPERTIES}
_PROPERTY_DEFAULTS: dict[str, Any] = {"businessPhones": []}
_STORED = frozenset(USER_FIELDS) - {"privilegedRole"}
_FILTER = re.compile(r"^\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(null))\s*$", re.I)
_ALLOWED_OPTIONS = {"$select", "$top", "$skiptoken", "$filter", "$count"}


class QueryError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def parse_select(raw: str | None) -> tuple[str, ...] | None:
    if raw is None or not raw.strip():
        return None
    names = []
    for name in (n.strip() for n in raw.split(",")):
        canonical = _CANONICAL.get(name.lower())
        if canonical is None:
            raise QueryError(400, "Request_BadRequest", f"Could not find a property named '{name}' on "
                             "type 'Microsoft.DirectoryServices.User'.")
        if canonical not in names:
            names.append(canonical)
    return tuple(names)


def _parse_top(raw: str | None) -> int:
    if raw is None:
        return facts.DEFAULT_PAGE_SIZE
    try:
        top = int(raw)
    except ValueError:
        top = -1
    if not 1 <= top <= facts.MAX_PAGE_SIZE:
        raise QueryError(400, "Request_BadRequest", str(UF["bad_top_message"]).format(top=raw))
    return top


def _parse_filter(raw: str | None) -> tuple[str, str] | None:
    """Only `prop eq 'value'` on a few properties; `onPremisesImmutableId eq null` is refused (§2)."""
    if raw is None:
        return None
    match = _FILTER.match(raw)
    prop = _CANONICAL.get(match.group(1).lower()) if match else None
    if not match or prop not in facts.FILTERABLE_USER_PROPERTIES or match.group(3):
        word = raw.strip().split(" ", 1)[0] if raw.strip() else raw
        name = prop or _CANONICAL.get(word.lower(), word)
        raise QueryError(400, str(UF["filter_unsupported_code"]),
                         str(UF["filter_unsupported_message"]).format(prop=name))
    return prop, match.group(2).replace("''", "'")


class Pager:
    """Opaque, tamper-evident skip tokens: an HMAC-signed position in the stable listing order."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def encode(self, start: int, context: str) -> str:
        blob = struct.pack(">I", start)
        mac = hmac.new(self._key, blob + context.encode(), hashlib.sha256).digest()[:10]
        return "RFNwdAIA" + base64.urlsafe_b64encode(blob + mac).decode().rstrip("=")

    def decode(self, token: str, context: str) -> int:
        try:
            raw = base64.urlsafe_b64decode(token[8:] + "=" * (-len(token[8:]) % 4))
            blob, mac = raw[:4], raw[4:]
            good = hmac.new(self._key, blob + context.encode(), hashlib.sha256).digest()[:10]
        except (ValueError, TypeError):
            good, mac, blob = b"x", b"", b""
        if not token.startswith("RFNwdAIA") or not hmac.compare_digest(mac, good):
            raise QueryError(400, "Request_BadRequest", str(UF["bad_skiptoken_message"]))
        return struct.unpack(">I", blob)[0]


@dataclass(frozen=True)
class Listing:
    """A parsed `GET /users` query."""

    select: tuple[str, ...] | None
    top: int
    where: tuple[str, str] | None
    count: bool
    start: int
    context: str  # what a skip token is bound to


def parse_listing(tenant: SandboxTenant, req: Request) -> Listing:
    """Raises QueryError the way Graph refuses a listing (graph-facts §2)."""
    params = req.params()
    if "$skip" in params:
        raise QueryError(400, "Request_BadRequest", str(UF["skip_unsupported_message"]))
    unknown = sorted(set(params) - _ALLOWED_OPTIONS)
    if unknown:
        raise QueryError(400, "Request_BadRequest",
                         f"The sandbox tenant does not model the query option '{unknown[0]}'.")
    select = parse_select(params.get("$select"))
    where = _parse_filter(params.get("$filter"))
    count = params.get("$count", "").lower() == "true"
    if count and req.headers.get("consistencylevel", "").lower() != "eventual":
        raise QueryError(400, "Request_BadRequest", "$count is not currently supported.")
    context = f"{select}|{where}"
    start = tenant.pager.decode(params["$skiptoken"], context) if "$skiptoken" in params else 0
    return Listing(select, _parse_top(params.get("$top")), where, count, start, context)


def list_users(tenant: SandboxTenant, req: Request, caller: Caller) -> Response:
    try:
        q = parse_listing(tenant, req)
    except QueryError as exc:
        return graph_error(req, exc.status, exc.code, exc.message)
    cost = facts.RU_COST_LIST_USERS - (facts.RU_COST_SELECT_DISCOUNT if q.select else 0)
    refused = caller.admit(cost, 0)
    if refused is not None:
        return refused
    ids = tenant.ordered_ids() if q.where is None else tenant.matching_ids(*q.where)
    if q.where is None and q.start == 0 and q.top >= facts.DEFAULT_PAGE_SIZE:  # a client paging everyone
        tenant.prewarm(q.select)
    end = q.start + q.top
    # Built from cached per-user JSON text: paging 100,000 users must stay cheap (benchmark).
    parts = [f'{{"@odata.context":"{tenant.url}/v1.0/$metadata#users{_context_suffix(q.select)}"']
    if q.count:
        parts.append(f',"@odata.count":{len(ids)}')
    if end < len(ids):
        link = _next_link(tenant, q.select, q.top, q.where, tenant.pager.encode(end, q.context))
        parts.append(f',"@odata.nextLink":{json.dumps(link)}')
    parts.append(',"value":[' + ",".join(tenant.fragments(q.select, ids[q.start:end])) + "]}")
    return Response(200, raw="".join(parts).encode("utf-8"), headers=caller.ok_headers(cost))


def _context_suffix(select: tuple[str, ...] | None) -> str:
    return f"({','.join(select)})" if select else ""


def _next_link(tenant: SandboxTenant, select: tuple[str, ...] | None, top: int,
               where: tuple[str, str] | None, token: str) -> str:
    query = []
    if select:
        query.append("$select=" + ",".join(select))
    if where:
        query.append("$filter=" + quote(f"{where[0]} eq '{where[1]}'", safe=""))
    query.append(f"$top={top}")
    query.append("$skiptoken=" + token)
    return f"{tenant.url}/v1.0/users?" + "&".join(query)


def project(user: dict[str, Any], select: tuple[str, ...] | None) -> dict[str, Any]:
    """The user as Graph shows it: only selected properties; onPremisesImmutableId only via $select."""
    names = select or facts.DEFAULT_USER_PROPERTIES
    if _STORED.issuperset(names):  # the common case, without per-name defaults
        return dict(zip(names, map(user.__getitem__, names), strict=True))
    return {name: user.get(name, _PROPERTY_DEFAULTS.get(name)) for name in names}


def get_user(tenant: SandboxTenant, req: Request, caller: Caller, key: str) -> Response:
    try:
        select = parse_select(req.params().get("$select"))
    except QueryError as exc:
        return graph_error(req, exc.status, exc.code, exc.message)
    user = tenant.find_user(unquote(key))
    if user is None:
        return _not_found(req, key)
    refused = caller.admit(facts.RU_COST_GET_USER, 0)
    if refused is not None:
        return refused
    body = {"@odata.context": f"{tenant.url}/v1.0/$metadata#users{_context_suffix(select)}/$entity"}
    body.update(project(tenant.replica_view(user), select))
    return Response(200, body, headers=caller.ok_headers(facts.RU_COST_GET_USER))


def _not_found(req: Request, key: str) -> Response:
    return graph_error(req, 404, "Request_ResourceNotFound", f"Resource '{unquote(key)}' does not exist "
                       "or one of its queried reference-property objects are not present.")


@dataclass(frozen=True)
class Change:
    """What one PATCH asks for: `value` (None = clear; KEEP = not sent) and a new `upn` (None = not sent)."""

    value: Any
    upn: str | None

    def sets_value(self) -> bool:
        return self.value is not KEEP


KEEP = object()  # the property was not in the body


def patch_user(tenant: SandboxTenant, req: Request, caller: Caller, key: str,
               body: Any) -> Response:
    user = tenant.find_user(unquote(key))
    if user is None:
        return _not_found(req, key)
    change = _parse_body(req, body)
    if isinstance(change, Response):
        return change

    def rules(current: dict[str, Any]) -> Response | None:
        return _rule_problem(tenant, req, current, change)

    refused = caller.admit(facts.RU_COST_PATCH_USER, 1)
    if refused is not None:
        if tenant.config.throttled_write_applied:  # graph-facts §3: "may still have been applied"
            refused.applied = tenant.update_user(user["id"], change.value, change.upn, check=rules) is None
        return refused
    problem = tenant.update_user(user["id"], change.value, change.upn, check=rules)
    return problem or Response(204, headers=caller.ok_headers(facts.RU_COST_PATCH_USER), applied=True)


def _parse_body(req: Request, body: Any) -> Change | Response:
    """graph-facts §1/§11: `@odata.*` annotations (Microsoft's SDK sends "@odata.type") are ignored."""
    if not isinstance(body, dict) or not body:
        return graph_error(req, 400, "Request_BadRequest", "Empty Payload. JSON content expected.")
    props = {k: v for k, v in body.items() if not str(k).lower().startswith(facts.ODATA_ANNOTATION_PREFIX)}
    for name in props:
        if name not in (facts.IMMUTABLE_ID_PROPERTY, facts.UPN_PROPERTY):
            return graph_error(req, 400, str(UF["other_property_code"]),
                               str(UF["other_property_message"]).format(name=name))
    value = props.get(facts.IMMUTABLE_ID_PROPERTY, KEEP)
    if value is not KEEP and value is not None and not isinstance(value, str):
        return graph_error(req, 400, "Request_BadRequest", "Invalid value specified for property "
                           "'onPremisesImmutableId' of resource 'User'.")
    if value == "" and UF["empty_string_status"] == 204:
        value = KEEP  # §11: accepted, and the value stays (UNCONFIRMED)
    upn = props.get(facts.UPN_PROPERTY)
    if facts.UPN_PROPERTY in props and (not isinstance(upn, str) or upn.count("@") != 1
                                        or not all(upn.split("@"))):
        return graph_error(req, 400, "Request_BadRequest", "Invalid value specified for property "
                           "'userPrincipalName' of resource 'User'.")
    return Change(value, upn)


def _rule_problem(tenant: SandboxTenant, req: Request, user: dict[str, Any], change: Change) -> Response | None:
    """graph-facts §1/§11, in the order of UNCONFIRMED['patch_rule_order']; called under the state lock."""
    for rule in UF["patch_rule_order"]:  # type: ignore[attr-defined]
        problem = _RULES[rule](tenant, req, user, change)
        if problem is not None:
            return problem
    return None


def _synced(tenant: SandboxTenant, req: Request, user: dict[str, Any], change: Change) -> Response | None:
    """§1: synced users are mastered by Entra Connect."""
    if user.get("onPremisesSyncEnabled"):
        return graph_error(req, 400, "Request_BadRequest", facts.SYNCED_USER_MESSAGE)
    return None


def _privileged(tenant: SandboxTenant, req: Request, user: dict[str, Any], change: Change) -> Response | None:
    """§1/§11: ImmutableId and UPN are sensitive attributes of admins: a plain app gets 403."""
    if user.get("privilegedRole") and (change.sets_value() or change.upn is not None):
        return graph_error(req, 403, "Authorization_RequestDenied", facts.INSUFFICIENT_PRIVILEGES)
    return None


def _domain(upn: str) -> str:
    return upn.rsplit("@", 1)[-1].lower()


def _upn_domain(tenant: SandboxTenant, req: Request, user: dict[str, Any], change: Change) -> Response | None:
    """§11: the new UPN must be in one of the tenant's verified domains (the .onmicrosoft.com one too)."""
    if change.upn is not None and _domain(change.upn) not in tenant.directory.domain_names():
        return graph_error(req, 400, str(UF["upn_domain_code"]), str(UF["upn_domain_message"]))
    return None


def _upn_conflict(tenant: SandboxTenant, req: Request, user: dict[str, Any], change: Change) -> Response | None:
    """§11: UPNs are unique (compared case-insensitively); the swap's alias may be taken."""
    if change.upn is None:
        return None
    owner = tenant.upn_owner(change.upn)
    if owner is not None and owner != user["id"]:
        return graph_error(req, 400, str(UF["object_conflict_code"]), str(UF["upn_conflict_message"]),
                           details=[{"code": "ObjectConflict", "message": str(UF["upn_conflict_message"]),
                                     "target": facts.UPN_PROPERTY}])
    return None


def _invalid_value(tenant: SandboxTenant, req: Request, user: dict[str, Any], change: Change) -> Response | None:
    """§1: `$` and `_` are refused by Graph (length only if UNCONFIRMED says so)."""
    value, limit = change.value, UF["max_length"]
    if isinstance(value, str) and (any(c in value for c in facts.IMMUTABLE_ID_FORBIDDEN_CHARS) or value == ""
                                   or (isinstance(limit, int) and len(value) > limit)):
        return graph_error(req, 400, str(UF["invalid_value_code"]), str(UF["invalid_value_message"]))
    return None


def _federated(tenant: SandboxTenant, req: Request, user: dict[str, Any], change: Change) -> Response | None:
    """§1/§11: no new value (nor a clear) while the UPN is in a federated domain before AND after this
    PATCH; moving the UPN out with the value, or back in with it (the swap's step 2), passes."""
    if not change.sets_value() or change.value == user.get("onPremisesImmutableId"):
        return None
    federated = tenant.directory.federated_domains()
    before = _domain(user["userPrincipalName"])
    after = _domain(change.upn) if change.upn is not None else before
    if before not in federated or after not in federated:
        return None
    if change.value is None:
        if not UF["federated_blocks_clearing"]:
            return None
        return graph_error(req, int(UF["federated_status"]), str(UF["federated_code"]),  # type: ignore[arg-type]
                           str(UF["federated_clear_message"]))
    return graph_error(req, int(UF["federated_status"]), str(UF["federated_code"]),  # type: ignore[arg-type]
                       str(UF["federated_message"]))


def _duplicate(tenant: SandboxTenant, req: Request, user: dict[str, Any], change: Change) -> Response | None:
    """§1: unique in the tenant; the conflict comes back as ObjectConflict details."""
    if not isinstance(change.value, str):
        return None
    owner = tenant.immutable_id_owner(change.value)
    if owner is not None and owner != user["id"]:
        return graph_error(req, 400, str(UF["object_conflict_code"]), str(UF["object_conflict_message"]),
                           details=[dict(facts.OBJECT_CONFLICT_DETAIL)])
    return None


_RULES = {"synced": _synced, "privileged": _privileged, "upn_domain": _upn_domain, "upn_conflict": _upn_conflict,
          "invalid_value": _invalid_value, "federated": _federated, "duplicate": _duplicate}
