"""Reading the directory: all users (streamed, fast) and the tenant's domains."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import starmap
from operator import itemgetter

from core.graph.client import Cancelled, GraphClient, GraphError

USER_SELECT = ("id,displayName,userPrincipalName,mail,employeeId,userType,accountEnabled,"
               "onPremisesImmutableId,onPremisesSyncEnabled")
PAGE_SIZE = 999  # Graph's maximum for /users (graph-facts §2)


@dataclass(slots=True)
class DirectoryUser:
    id: str
    upn: str
    display_name: str | None
    mail: str | None
    employee_id: str | None
    user_type: str | None
    account_enabled: bool | None
    immutable_id: str | None
    sync_enabled: bool | None

    @classmethod
    def from_graph(cls, item: dict) -> DirectoryUser:
        get = item.get
        return cls(item["id"], get("userPrincipalName") or "", get("displayName"), get("mail"),
                   get("employeeId"), get("userType"), get("accountEnabled"),
                   get("onPremisesImmutableId"), get("onPremisesSyncEnabled"))


@dataclass(frozen=True, slots=True)
class Domain:
    name: str
    authentication_type: str | None  # "Managed" / "Federated"
    is_verified: bool | None = None
    is_default: bool | None = None
    is_initial: bool | None = None
    is_root: bool | None = None  # False for a subdomain of another verified domain (graph-facts §15)

    @property
    def federated(self) -> bool:
        return (self.authentication_type or "").lower() == "federated"


# The tenant's own domains, by cloud (graph-facts §7): <name>.onmicrosoft.com and its national twins.
_INITIAL_SUFFIXES = (".onmicrosoft.com", ".onmicrosoft.us", ".partner.onmschina.cn")


def initial_domain(domains: Iterable[Domain] | None) -> str | None:
    """The tenant's initial <name>.onmicrosoft.com domain (the UPN swap's step 1 moves users there): the
    one Graph marks isInitial, else the only one shaped like it; None when not known."""
    domains = list(domains or ())
    marked = [d.name.lower() for d in domains if d.is_initial]
    if marked:
        return marked[0]
    shaped = {d.name.lower() for d in domains if initial_shaped(d.name)}
    return shaped.pop() if len(shaped) == 1 else None


def initial_domain_from_upns(upns: Iterable[str]) -> str | None:
    """The initial domain as the users' UPNs show it (when the domains cannot be read): the one domain
    shaped like <name>.onmicrosoft.com that any UPN uses; None when none, or more than one."""
    shaped = {d for d in map(upn_domain, upns) if initial_shaped(d)}
    return shaped.pop() if len(shaped) == 1 else None


def initial_shaped(name: str) -> bool:
    name = name.lower()
    return any(name.endswith(s) and name[:-len(s)] and "." not in name[:-len(s)] for s in _INITIAL_SUFFIXES)


def upn_domain(upn: str | None) -> str:
    """The domain of a user principal name: the part after the last "@", lower-cased; "" when there is none.
    The one place that says what a UPN's domain is (scope filters, federated domains, domain counts)."""
    if not upn:
        return ""
    at = upn.rfind("@")  # a guest's UPN has its home domain before "#EXT#@": the last "@" is the one
    return upn[at + 1:].strip().lower() if at >= 0 else ""


def upn_alias(upn: str | None) -> str:
    """The part of a UPN before its domain (before the last "@"; the whole string when there is none)."""
    if not upn:
        return ""
    at = upn.rfind("@")
    return upn[:at] if at >= 0 else upn


_GRAPH_KEYS = ("id", "userPrincipalName", "displayName", "mail", "employeeId", "userType", "accountEnabled",
               "onPremisesImmutableId", "onPremisesSyncEnabled")
_pick = itemgetter(*_GRAPH_KEYS)


def list_users(graph: GraphClient, progress: Callable[[int], None] | None = None,
               cancel: threading.Event | None = None) -> list[DirectoryUser]:
    """Every user, 999 per page. `progress(users_so_far)` after each page; cancel is checked between
    pages (raises core.graph.client.Cancelled)."""
    users: list[DirectoryUser] = []
    params = {"$select": USER_SELECT, "$top": str(PAGE_SIZE)}
    for page in graph.iter_pages("/users", params, cancel=cancel):
        users.extend(users_from_page(page))
        if progress is not None:
            progress(len(users))
        if cancel is not None and cancel.is_set():
            raise Cancelled()
    return users


def users_from_page(page: list[dict]) -> list[DirectoryUser]:
    """One listing page's `value` as DirectoryUsers (also used by core.planning.plan.list_and_plan)."""
    # This runs for every user of the tenant: $select makes Graph return every key (null when empty),
    # so one C-level itemgetter per user does it; a page missing a key takes the slower path.
    try:
        return list(starmap(DirectoryUser, map(_pick, page)))
    except KeyError:
        return [DirectoryUser.from_graph(item) for item in page]


def list_domains(graph: GraphClient, cancel: threading.Event | None = None) -> list[Domain] | None:
    """The tenant's domains with their authentication type, or None when the app may not read them
    (403: Domain.Read.All not granted — derive domains from UPN suffixes instead)."""
    try:
        items = [item for page in graph.iter_pages("/domains", cancel=cancel) for item in page]
    except GraphError as exc:
        if exc.status in (401, 403):
            return None
        raise
    return [Domain(str(d.get("id")), d.get("authenticationType"), d.get("isVerified"), d.get("isDefault"),
                   d.get("isInitial"), d.get("isRoot")) for d in items if d.get("id")]
