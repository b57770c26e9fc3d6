"""`check`: ordered steps that prove a connection works, each with a verdict, a code and data.

Steps: tenant → credentials → consent → graph_read are required; domains, secret_expiry and admin_roles
(RoleManagement.Read.Directory: admins known before writing, core/tenant/admins.py) are informative. When a required step fails, the later steps are `skipped` (not failed).
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum

import requests

from core.graph.auth import AuthError, TokenProvider
from core.graph.client import Cancelled, GraphClient, GraphError
from core.graph.connection import Connection, parse_date
from core.graph.http import VerifyingSession
from core.tenant.admins import has_permission, read_admins
from core.tenant.directory import initial_domain, list_domains
from core.tenant.facts import TenantFacts

WRITE_ROLES = ("User.ReadWrite.All", "Directory.ReadWrite.All")
DOMAIN_ROLES = ("Domain.Read.All", "Domain.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")
APP_ROLES = ("Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All",
             "Directory.ReadWrite.All")
EXPIRY_WARNING_DAYS = 30


class CheckStep(StrEnum):
    TENANT = "tenant"
    CREDENTIALS = "credentials"
    CONSENT = "consent"
    GRAPH_READ = "graph_read"
    DOMAINS = "domains"
    SECRET_EXPIRY = "secret_expiry"  # noqa: S105 (a step name)
    ADMIN_ROLES = "admin_roles"


REQUIRED_STEPS = (CheckStep.TENANT, CheckStep.CREDENTIALS, CheckStep.CONSENT, CheckStep.GRAPH_READ)


class Verdict(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"
    SKIPPED = "skipped"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CheckResult:
    step: CheckStep
    verdict: Verdict
    code: str            # key in core.messages (text + hint)
    detail: str = ""     # Graph's/Entra's own words, or numbers; never a secret
    data: dict = field(default_factory=dict)


@dataclass
class CheckReport:
    results: list[CheckResult] = field(default_factory=list)
    user_count: int | None = None
    domains: list[tuple[str, str | None]] | None = None  # (name, authenticationType); None = unknown
    initial_domain: str | None = None  # <name>.onmicrosoft.com, when the domains were read (UPN swap)
    token_roles: list[str] = field(default_factory=list)
    tenant_id: str | None = None
    # what the checks read, as the prepare step keeps it: the Source page's sample classifies with it
    facts: TenantFacts = field(default_factory=TenantFacts)

    @property
    def passed(self) -> bool:
        verdicts = {r.step: r.verdict for r in self.results}
        return (all(verdicts.get(step) == Verdict.OK for step in REQUIRED_STEPS)
                and Verdict.FAILED not in verdicts.values())

    def result(self, step: CheckStep) -> CheckResult | None:
        return next((r for r in self.results if r.step == step), None)


def run_checks(conn: Connection, secret: str | None, on_result: Callable[[CheckResult], None] | None = None,
               cancel: threading.Event | None = None, session: requests.Session | None = None) -> CheckReport:
    """Run every step in order; `on_result` is called as each finishes (from this thread)."""
    return _Checker(conn, secret, on_result, cancel, session).run()


class _Checker:
    def __init__(self, conn, secret, on_result, cancel, session) -> None:
        self.conn, self.on_result, self.cancel = conn, on_result, cancel
        self.report = CheckReport()
        self.session = session or VerifyingSession(conn.verify)
        self.tokens = TokenProvider(conn, secret, self.session)
        self.graph = GraphClient(conn, self.tokens, self.session, cancel=cancel)
        self.secret = secret

    def run(self) -> CheckReport:
        steps = [(CheckStep.TENANT, self.tenant), (CheckStep.CREDENTIALS, self.credentials),
                 (CheckStep.CONSENT, self.consent), (CheckStep.GRAPH_READ, self.graph_read),
                 (CheckStep.DOMAINS, self.domains), (CheckStep.SECRET_EXPIRY, self.secret_expiry),
                 (CheckStep.ADMIN_ROLES, self.admin_roles)]
        blocked = None
        for step, func in steps:
            if blocked is None and self.cancel is not None and self.cancel.is_set():
                blocked = "cancelled"
            if blocked:
                self._add(CheckResult(step, Verdict.SKIPPED, blocked))
                continue
            try:
                result = func()
            except AuthError as exc:  # a token refresh failing in a later step
                result = _auth_failure(step, exc)
            except Cancelled:
                result, blocked = CheckResult(step, Verdict.SKIPPED, "cancelled"), "cancelled"
            self._add(result)
            if step in REQUIRED_STEPS and result.verdict == Verdict.FAILED:
                blocked = "skipped_earlier_failed"
        return self.report

    def _add(self, result: CheckResult) -> None:
        self.report.results.append(result)
        if self.on_result is not None:
            self.on_result(result)

    # --- steps -------------------------------------------------------------------------------
    def tenant(self) -> CheckResult:
        problems = self.conn.validate()
        if problems:
            codes = [f"{p.field}:{p.code}" for p in problems]
            return CheckResult(CheckStep.TENANT, Verdict.FAILED, "input_invalid", ", ".join(codes),
                               {"problems": codes})
        try:
            self.tokens.connect()
        except AuthError as exc:
            return _auth_failure(CheckStep.TENANT, exc)
        return CheckResult(CheckStep.TENANT, Verdict.OK, "tenant_found", self.conn.authority)

    def credentials(self) -> CheckResult:
        try:
            token = self.tokens.token()
        except AuthError as exc:
            return _auth_failure(CheckStep.CREDENTIALS, exc)
        self.report.token_roles = sorted(token.roles)
        self.report.tenant_id = token.tid
        self.report.facts.tenant_id, self.report.facts.token_roles = token.tid, frozenset(token.roles)
        return CheckResult(CheckStep.CREDENTIALS, Verdict.OK, "credentials_ok", token.tid or "",
                           {"tid": token.tid, "app_id": token.app_id, "roles": sorted(token.roles)})

    def consent(self) -> CheckResult:
        roles = self.report.token_roles
        granted = [r for r in WRITE_ROLES if r in roles]
        if granted:
            return CheckResult(CheckStep.CONSENT, Verdict.OK, "consent_ok", ", ".join(granted), {"roles": roles})
        return CheckResult(CheckStep.CONSENT, Verdict.FAILED, "consent_missing",
                           "token roles: " + (", ".join(roles) or "none"), {"roles": roles})

    def graph_read(self) -> CheckResult:
        try:
            count = _count_users(self.graph)
        except GraphError as exc:
            code = "graph_forbidden" if exc.status == 403 else (
                exc.code if exc.status == 0 else "graph_error")
            return CheckResult(CheckStep.GRAPH_READ, Verdict.FAILED, code, f"{exc.code}: {exc.message}",
                               {"status": exc.status, "graph_code": exc.code})
        except AuthError as exc:
            return _auth_failure(CheckStep.GRAPH_READ, exc)
        self.report.user_count = count
        return CheckResult(CheckStep.GRAPH_READ, Verdict.OK, "graph_read_ok", str(count), {"user_count": count})

    def domains(self) -> CheckResult:
        if not any(r in self.report.token_roles for r in DOMAIN_ROLES):
            return CheckResult(CheckStep.DOMAINS, Verdict.UNKNOWN, "domains_unknown")
        try:
            domains = list_domains(self.graph)
        except GraphError as exc:
            return CheckResult(CheckStep.DOMAINS, Verdict.UNKNOWN, "domains_unknown", f"{exc.code}: {exc.message}")
        if domains is None:
            return CheckResult(CheckStep.DOMAINS, Verdict.UNKNOWN, "domains_unknown")
        self.report.domains = [(d.name, d.authentication_type) for d in domains]
        self.report.facts.domains = domains
        self.report.initial_domain = initial_domain(domains)
        federated = [d.name for d in domains if d.federated]
        data = {"domains": self.report.domains, "federated": federated}
        if federated:
            return CheckResult(CheckStep.DOMAINS, Verdict.WARNING, "domains_federated", ", ".join(federated), data)
        return CheckResult(CheckStep.DOMAINS, Verdict.OK, "domains_managed",
                           ", ".join(d.name for d in domains), data)

    def secret_expiry(self) -> CheckResult:
        """The credential's expiry: the client secret's, or the certificate's (codes certificate_expiry_*)."""
        kind = "certificate" if self.conn.uses_certificate else "secret"
        expires = self.conn.secret_expires
        source = "profile"
        if expires is None and any(r in self.report.token_roles for r in APP_ROLES):
            expires, source = _expiry_from_graph(self.graph, self.conn, self.secret), "graph"
        if expires is None:
            return CheckResult(CheckStep.SECRET_EXPIRY, Verdict.UNKNOWN, f"{kind}_expiry_unknown")
        days = (expires - datetime.now(UTC).date()).days
        data = {"expires": expires.isoformat(), "days_left": days, "source": source}
        if days < 0:
            verdict, code = Verdict.FAILED, "past"
        elif days < EXPIRY_WARNING_DAYS:
            verdict, code = Verdict.WARNING, "soon"
        else:
            verdict, code = Verdict.OK, "ok"
        return CheckResult(CheckStep.SECRET_EXPIRY, verdict, f"{kind}_expiry_{code}", expires.isoformat(), data)


    def admin_roles(self) -> CheckResult:
        """Optional: with RoleManagement.Read.Directory the preview knows admins (graph-facts §12)."""
        if not has_permission(self.report.token_roles):
            return CheckResult(CheckStep.ADMIN_ROLES, Verdict.UNKNOWN, "admin_roles_unknown")
        try:
            admins = read_admins(self.graph, self.report.token_roles, self.cancel)
        except GraphError as exc:
            return CheckResult(CheckStep.ADMIN_ROLES, Verdict.UNKNOWN, "admin_roles_unknown",
                               f"{exc.code}: {exc.message}")
        if admins is None:
            return CheckResult(CheckStep.ADMIN_ROLES, Verdict.UNKNOWN, "admin_roles_unknown")
        self.report.facts.admins = admins
        data = {"admins": len(admins.roles_by_user), "unread_groups": list(admins.unread_groups)}
        if admins.unread_groups:
            return CheckResult(CheckStep.ADMIN_ROLES, Verdict.WARNING, "admin_roles_groups_unread",
                               ", ".join(admins.unread_groups), data)
        return CheckResult(CheckStep.ADMIN_ROLES, Verdict.OK, "admin_roles_known", str(len(admins.roles_by_user)),
                           data)


def _auth_failure(step: CheckStep, exc: AuthError) -> CheckResult:
    prefix = f"AADSTS{exc.aadsts}: " if exc.aadsts and not exc.description.startswith("AADSTS") else ""
    detail = prefix + exc.description
    return CheckResult(step, Verdict.FAILED, exc.code.value, detail.strip(), {"aadsts": exc.aadsts})


def _count_users(graph: GraphClient) -> int:
    """One cheap read that also proves listing works: $count (an advanced query, so ConsistencyLevel:
    eventual). Where $count is refused, page through ids only."""
    params = {"$select": "id", "$top": "1", "$count": "true"}
    resp = graph.request("GET", "/users", params=params, headers={"ConsistencyLevel": "eventual"})
    if resp.ok:
        count = resp.json().get("@odata.count")
        if isinstance(count, int):
            return count
    elif resp.status_code in (401, 403) or resp.status_code >= 500:
        raise GraphError.from_response(resp)
    total = 0
    for page in graph.iter_pages("/users", {"$select": "id", "$top": "999"}):
        total += len(page)
    return total


def _expiry_from_graph(graph: GraphClient, conn: Connection, secret: str | None) -> date | None:
    """The end date of the credential we use: the secret (Graph keeps its first 3 characters as `hint`), or
    the certificate (its keyCredential's customKeyIdentifier is the base64 of the SHA-1 thumbprint)."""
    prop = "keyCredentials" if conn.uses_certificate else "passwordCredentials"
    try:
        apps = graph.get("/applications", {"$filter": f"appId eq '{conn.client_id}'",
                                           "$select": prop}).get("value") or []
    except GraphError:
        return None
    creds = [c for app in apps for c in app.get(prop) or []]
    if conn.uses_certificate:
        mine = [c for c in creds if _thumbprint_of(c) == conn.cert_thumbprint]
    else:
        mine = [c for c in creds if secret and c.get("hint") and secret.startswith(c["hint"])] or creds
    ends = []
    for cred in mine:
        try:
            ends.append(parse_date(cred["endDateTime"]))
        except (KeyError, TypeError, ValueError):
            continue
    # With several candidates and no hint to tell them apart, the earliest is the safe warning.
    return min(ends) if ends else None


def _thumbprint_of(key_credential: dict) -> str | None:
    try:
        return base64.b64decode(str(key_credential.get("customKeyIdentifier") or "")).hex().upper() or None
    except ValueError:
        return None
