"""What a run needs to know about a tenant before it can plan, read once and shared by every step and face:
who we signed in to (the token's tenant id and roles), the domains (federated or managed, the initial
.onmicrosoft.com one) and the admins (optional permission, graph-facts §12).

Read concurrently: the three answers are independent, and a user waiting at "Start" should wait for the
slowest of them, not for their sum.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from core.graph.client import GraphClient
from core.tenant.admins import Admins, read_admins_or_none
from core.tenant.directory import Domain, initial_domain, initial_domain_from_upns, list_domains


@dataclass
class TenantFacts:
    tenant_id: str | None = None
    token_roles: frozenset[str] = frozenset()
    domains: list[Domain] | None = None      # None: the app may not read them (Domain.Read.All)
    admins: Admins | None = None             # None: not known (RoleManagement.Read.Directory)
    upn_initial_domain: str | None = field(default=None, repr=False)  # from the users, when domains are unread

    @property
    def federation_known(self) -> bool:
        return self.domains is not None

    @property
    def federated(self) -> list[str]:
        return sorted(d.name.lower() for d in self.domains or () if d.federated)

    @property
    def domain_names(self) -> list[str]:
        return sorted(d.name.lower() for d in self.domains or ())

    @property
    def initial_domain(self) -> str | None:
        """The tenant's <name>.onmicrosoft.com domain (where the UPN swap parks users)."""
        return initial_domain(self.domains) or self.upn_initial_domain

    @property
    def admins_known(self) -> bool:
        return self.admins is not None

    @property
    def admin_roles(self) -> dict[str, str] | None:
        return dict(self.admins.roles_by_user) if self.admins is not None else None

    def learn_upns(self, upns: Iterable[str]) -> None:
        """When the domains cannot be read, the initial domain as the users' UPNs show it."""
        if self.domains is None or initial_domain(self.domains) is None:
            self.upn_initial_domain = initial_domain_from_upns(upns)


def read_tenant(graph: GraphClient, cancel: threading.Event | None = None) -> TenantFacts:
    """Sign in (raises AuthError), then the domains and the admins side by side. Optional reads that the app
    may not make come back as None; other Graph errors are raised."""
    token = graph.tokens.token()
    facts = TenantFacts(token.tid, frozenset(token.roles))
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="tenant-read") as pool:
        domains = pool.submit(list_domains, graph, cancel)
        admins = pool.submit(read_admins_or_none, graph, sorted(token.roles), cancel)
        facts.domains = domains.result()
        facts.admins = admins.result()
    return facts
