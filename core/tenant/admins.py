"""Knowing admins before writing (graph-facts §12), an optional permission.

With RoleManagement.Read.Directory the preview can mark every directory-role holder as `admin_role`
instead of letting their writes fail with 403 (the ImmutableId is a sensitive attribute of admins,
graph-facts §1): `GET /roleManagement/directory/roleAssignments?$expand=principal`, and for a role given
to a role-assignable group, `GET /groups/{id}/members` (such groups cannot hold groups, so direct members
are all). Reading a group's members is a group read (GroupMember.Read.All or wider); where it is refused
the group is reported as unread and its members stay unknown, as without the permission.
Without the permission nothing changes: `read_admins` returns None.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from core.graph.auth import AuthError
from core.graph.client import GraphClient, GraphError

ROLE_READ_PERMISSIONS = ("RoleManagement.Read.Directory", "RoleManagement.Read.All",
                         "RoleManagement.ReadWrite.Directory", "Directory.Read.All", "Directory.ReadWrite.All")
ASSIGNMENTS_PATH = "/roleManagement/directory/roleAssignments"
USER_TYPE, GROUP_TYPE = "#microsoft.graph.user", "#microsoft.graph.group"
# Built-in role template ids -> names, for the detail; an unknown role shows as its id (rare; custom roles).
ROLE_NAMES = {
    "62e90394-69f5-4237-9190-012177145e10": "Global Administrator",
    "7be44c8a-adaf-4e2a-84d6-ab2649e08a13": "Privileged Authentication Administrator",
    "e8611ab8-c189-46e8-94e1-60213ab1f814": "Privileged Role Administrator",
    "fe930be7-5e62-47db-91af-98c3a49a38b1": "User Administrator",
    "c4e39bd9-1100-46d3-8c65-fb160da0071f": "Authentication Administrator",
    "729827e3-9c14-49f7-bb1b-9608f156bbb8": "Helpdesk Administrator",
    "3a2c62db-5318-420d-8d74-23affee5d9d5": "Intune Administrator",
    "f2ef992c-3afb-46b9-b7cf-a126ee74c451": "Global Reader",
    "29232cdf-9323-42fd-ade2-1d097af3e4de": "Exchange Administrator",
    "fdd7a751-b60b-444a-984c-02652fe8fa1c": "Groups Administrator",
}


@dataclass(frozen=True)
class Admins:
    """Role holders by user id -> their role names (sorted, joined), and the groups we could not expand."""

    roles_by_user: Mapping[str, str] = field(default_factory=dict)
    unread_groups: tuple[str, ...] = ()

    def __contains__(self, user_id: object) -> bool:
        return isinstance(user_id, str) and user_id.lower() in self.roles_by_user


def has_permission(token_roles: Iterable[str]) -> bool:
    return any(r in ROLE_READ_PERMISSIONS for r in token_roles)


def read_admins(graph: GraphClient, token_roles: Iterable[str] | None = None,
                cancel: threading.Event | None = None) -> Admins | None:
    """The tenant's role holders, or None when the token lacks the permission (or Graph refuses it).
    `token_roles`: the token's roles when the caller has them; else read from the client's token."""
    roles = list(token_roles) if token_roles is not None else sorted(graph.tokens.token().roles)
    if not has_permission(roles):
        return None
    holders: dict[str, set[str]] = {}
    groups: dict[str, tuple[str, set[str]]] = {}  # group id -> (display name, role names)
    try:
        for page in graph.iter_pages(ASSIGNMENTS_PATH, {"$expand": "principal"}, cancel=cancel):
            for assignment in page:
                _collect(assignment, holders, groups)
    except GraphError as exc:
        if exc.status in (401, 403):
            return None
        raise
    unread = []
    for gid, (name, role_names) in groups.items():
        try:
            members = [m for page in graph.iter_pages(f"/groups/{quote(gid)}/members",
                                                      {"$select": "id,userPrincipalName"}, cancel=cancel)
                       for m in page]
        except GraphError as exc:
            if exc.status not in (401, 403, 404):
                raise
            unread.append(name or gid)
            continue
        for member in members:
            if member.get("@odata.type", USER_TYPE) == USER_TYPE and member.get("id"):
                holders.setdefault(member["id"].lower(), set()).update(role_names)
    return Admins({uid: ", ".join(sorted(names)) for uid, names in holders.items()}, tuple(sorted(unread)))


def read_admins_or_none(graph: GraphClient, token_roles: Iterable[str] | None = None,
                        cancel: threading.Event | None = None) -> Admins | None:
    """For the preview: an optional read never stops a run. Graph failing here (not a refusal) leaves
    admins unknown, exactly as without the permission: their writes then fail with 403 as before. A
    sign-in failure is left for the listing that follows to report."""
    try:
        return read_admins(graph, token_roles, cancel)
    except (GraphError, AuthError):
        return None


def _collect(assignment: dict, holders: dict[str, set[str]], groups: dict[str, tuple[str, set[str]]]) -> None:
    role = str(assignment.get("roleDefinitionId") or "")
    name = ROLE_NAMES.get(role.lower(), role)
    principal = assignment.get("principal") or {}
    pid = str(principal.get("id") or assignment.get("principalId") or "").lower()
    if not pid:
        return
    kind = principal.get("@odata.type")
    if kind == GROUP_TYPE:
        groups.setdefault(pid, (str(principal.get("displayName") or ""), set()))[1].add(name)
    elif kind in (USER_TYPE, None):  # service principals hold roles too; they are not users
        holders.setdefault(pid, set()).add(name)
