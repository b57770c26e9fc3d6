"""Directory roles (graph-facts §12): role assignments to users and to role-assignable groups, the seed
keys `groups` and `roleAssignments`, and the reads `GET /roleManagement/directory/roleAssignments`
(`$expand=principal`) and `GET /groups/{id}/members` (how our client expands a group's holders)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from core.sandbox import facts
from core.sandbox.data import Directory, is_guid, stable_guid
from core.sandbox.graph.users import QueryError
from core.sandbox.responses import Request, Response, graph_error

if TYPE_CHECKING:
    from core.sandbox.graph.api import Caller
    from core.sandbox.tenant import SandboxTenant

UF = facts.UNCONFIRMED


# --- the model ------------------------------------------------------------------------------------
def role_id(name_or_id: str) -> str | None:
    """A role's template id from its display name or id (facts.ROLE_TEMPLATES)."""
    if name_or_id.lower() in facts.ROLE_TEMPLATES.values():
        return name_or_id.lower()
    return facts.ROLE_TEMPLATES.get(name_or_id)


def add_assignment(directory: Directory, principal_id: str, role: str) -> dict[str, Any]:
    n = len(directory.role_assignments)
    assignment = {"id": stable_guid("roleassignment", directory.tenant_id, principal_id, role, n),
                  "principalId": principal_id, "roleDefinitionId": role, "directoryScopeId": "/"}
    directory.role_assignments.append(assignment)
    group = directory.groups.get(principal_id)
    for uid in group["members"] if group else [principal_id]:
        if uid in directory.users:  # the marker the PATCH rule reads (graph-facts §1 sensitive property)
            directory.users[uid]["privilegedRole"] = True
    return assignment


def finish(directory: Directory) -> None:
    """`privilegedRole: true` (the older seed marker) becomes a Global Administrator assignment; every
    effective role holder carries the marker (add_assignment), directly or through a group."""
    covered = holders(directory)
    for uid, user in list(directory.users.items()):
        if user.get("privilegedRole") and uid not in covered:
            add_assignment(directory, uid, facts.ROLE_TEMPLATES["Global Administrator"])


def holders(directory: Directory) -> set[str]:
    """Every user holding a role, directly or as a member of a role-assignable group."""
    out: set[str] = set()
    for assignment in directory.role_assignments:
        group = directory.groups.get(assignment["principalId"])
        out.update(group["members"] if group else [assignment["principalId"]])
    return out


# --- seed --------------------------------------------------------------------------------------
def load_seed_roles(raw: dict, directory: Directory, problems: list[str]) -> None:
    """`groups: [{id, displayName, isAssignableToRole, members: [user id or UPN]}]` and
    `roleAssignments: [{role: name or template id, principal: user/group id or UPN}]` (contracts.md)."""
    by_upn = {u["userPrincipalName"].lower(): uid for uid, u in directory.users.items()}

    def user_ref(ref: Any) -> str | None:
        if not isinstance(ref, str):
            return None
        return ref.lower() if ref.lower() in directory.users else by_upn.get(ref.lower())

    groups = raw.get("groups", [])
    if not isinstance(groups, list):
        problems.append("'groups' must be a list")
        groups = []
    for i, g in enumerate(groups):
        where = f"groups[{i}]"
        if not isinstance(g, dict) or not is_guid(g.get("id")):
            problems.append(f"{where}: needs an 'id' that is a GUID")
            continue
        members = []
        for ref in g.get("members", []) if isinstance(g.get("members", []), list) else [None]:
            uid = user_ref(ref)
            if uid is None:
                problems.append(f"{where}.members: {ref!r} is not a user of this seed")
            else:
                members.append(uid)
        directory.groups[g["id"].lower()] = {
            "id": g["id"].lower(), "displayName": str(g.get("displayName", f"Group {i + 1}")),
            "isAssignableToRole": bool(g.get("isAssignableToRole", True)), "members": members}
    assignments = raw.get("roleAssignments", [])
    if not isinstance(assignments, list):
        problems.append("'roleAssignments' must be a list")
        assignments = []
    for i, a in enumerate(assignments):
        where = f"roleAssignments[{i}]"
        role = role_id(str(a.get("role", ""))) if isinstance(a, dict) else None
        ref = a.get("principal") if isinstance(a, dict) else None
        principal = ref.lower() if isinstance(ref, str) and ref.lower() in directory.groups else user_ref(ref)
        if role is None:
            problems.append(f"{where}.role: must be one of {', '.join(facts.ROLE_TEMPLATES)} or its id")
        if principal is None:
            problems.append(f"{where}.principal: {ref!r} is not a user or group of this seed")
        elif principal in directory.groups and not directory.groups[principal]["isAssignableToRole"]:
            problems.append(f"{where}.principal: group {ref} is not role-assignable")
        if role and principal:
            add_assignment(directory, principal, role)


# --- Graph reads ---------------------------------------------------------------------------------
def route(tenant: SandboxTenant, req: Request, caller: Caller, parts: list[str]) -> Response:
    """`parts`: the path after /v1.0/, split at '/'."""
    if req.method != "GET":
        return graph_error(req, 405, "Request_BadRequest", f"The sandbox tenant does not model "
                           f"{req.method} /{'/'.join(parts)}.")
    if parts[0] == "roleManagement":
        if parts[1:] != ["directory", "roleAssignments"]:
            return graph_error(req, 400, "BadRequest", f"Resource not found for the segment '{parts[-1]}'.")
        if not caller.allowed(facts.READ_ROLES_ROLES):
            return _denied(req)
        return _paged(tenant, req, caller, "roleManagement/directory/roleAssignments",
                      lambda: _assignments(tenant, req))
    if len(parts) == 3 and parts[2] == "members":
        needed = facts.READ_GROUP_MEMBERS_ROLES if UF["role_group_members_need_group_read"] else (
            facts.READ_GROUP_MEMBERS_ROLES | facts.READ_ROLES_ROLES)
        if not caller.allowed(needed):
            return _denied(req)
        group = tenant.directory.groups.get(unquote(parts[1]).lower())
        if group is None:
            return graph_error(req, 404, "Request_ResourceNotFound", f"Resource '{unquote(parts[1])}' does "
                               "not exist or one of its queried reference-property objects are not present.")
        return _paged(tenant, req, caller, f"groups/{group['id']}/members",
                      lambda: [_principal(tenant, uid) for uid in group["members"]])
    return graph_error(req, 405, "Request_BadRequest",
                       f"The sandbox tenant does not model GET /{'/'.join(parts)}.")


def _denied(req: Request) -> Response:
    return graph_error(req, 403, "Authorization_RequestDenied", facts.INSUFFICIENT_PRIVILEGES)


def _assignments(tenant: SandboxTenant, req: Request) -> list[dict[str, Any]] | Response:
    expand = req.params().get("$expand")
    if expand is not None and expand.strip().lower() != "principal":
        return graph_error(req, 400, "BadRequest", f"The sandbox tenant models only $expand=principal, "
                           f"not '{expand}'.")
    out = []
    for a in tenant.directory.role_assignments:
        item = dict(a)
        if expand is not None:
            item["principal"] = _principal(tenant, a["principalId"])
        out.append(item)
    return out


def _principal(tenant: SandboxTenant, oid: str) -> dict[str, Any]:
    group = tenant.directory.groups.get(oid)
    if group is not None:
        return {"@odata.type": "#microsoft.graph.group", "id": group["id"],
                "displayName": group["displayName"], "isAssignableToRole": group["isAssignableToRole"]}
    user = tenant.users.get(oid, {})
    return {"@odata.type": "#microsoft.graph.user", "id": oid, "displayName": user.get("displayName"),
            "userPrincipalName": user.get("userPrincipalName")}


def _paged(tenant: SandboxTenant, req: Request, caller: Caller, path: str,
           items: Callable[[], list[dict[str, Any]] | Response]) -> Response:
    """Server-driven paging with an opaque skip token (the same pager as /users)."""
    params = req.params()
    unknown = set(params) - {"$expand", "$top", "$skiptoken", "$select"}
    if unknown:
        return graph_error(req, 400, "Request_BadRequest",
                           f"The sandbox tenant does not model the query option '{sorted(unknown)[0]}'.")
    refused = caller.admit(facts.RU_COST_OTHER_READ, 0)
    if refused is not None:
        return refused
    values = items()
    if isinstance(values, Response):
        return values
    try:
        top = int(params.get("$top", UF["role_page_size"]))
    except ValueError:
        top = 0
    if not 1 <= top <= facts.MAX_PAGE_SIZE:
        return graph_error(req, 400, "Request_BadRequest", str(UF["bad_top_message"]).format(top=params["$top"]))
    context = f"{path}|{params.get('$expand')}"
    try:
        start = tenant.pager.decode(params["$skiptoken"], context) if "$skiptoken" in params else 0
    except QueryError as exc:  # a tampered or foreign token
        return graph_error(req, exc.status, exc.code, exc.message)
    body: dict[str, Any] = {"@odata.context": f"{tenant.url}/v1.0/$metadata#{path}"}
    end = start + top
    if end < len(values):
        query = [f"$expand={params['$expand']}"] if "$expand" in params else []
        query += [f"$top={top}", "$skiptoken=" + tenant.pager.encode(end, context)]
        body["@odata.nextLink"] = f"{tenant.url}/v1.0/{path}?" + "&".join(query)
    body["value"] = values[start:end]  # built fresh for this answer
    return Response(200, body, headers=caller.ok_headers(facts.RU_COST_OTHER_READ))
