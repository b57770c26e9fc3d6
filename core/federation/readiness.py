"""`federate check`: is this domain ready to be federated with this IdP? (issue 18 §1, graph-facts §15)

One row per rule, each a verdict with a code and its arguments (English in core/message_table.py
FEDERATE_TEXT, the fix in FEDERATE_FIX); nothing is written anywhere:
  domain         verified, a root domain, not the initial `.onmicrosoft.com` one, not the default;
  federation     not federated yet, or federated with exactly this IdP (issuer, sign-in URL, certificate);
  metadata       the IdP's metadata parses: issuer, SSO URL, signing certificate and its dates (< 30 days warns);
  immutable_ids  every enabled member in the domain has an ImmutableId ("run apply first");
  synced_users   no synced users in the domain, nobody left on a temporary UPN by an unfinished swap;
  admin          the admin who will sign in is not in the domain (they would be locked out).
A row holds when it is ok or a warning; `federate check` exits 0 only when every row holds."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

import requests

from core.federation.domains import FederationConfig, find_domain, read_configuration, read_domains
from core.federation.metadata import EXPIRY_WARNING_DAYS, IdpMetadata, MetadataError, load_metadata
from core.federation.realm import same_sign_in_url
from core.graph.client import GraphClient, GraphError
from core.tenant.admins import read_admins_or_none
from core.tenant.checks import Verdict
from core.tenant.directory import DirectoryUser, Domain, initial_domain, list_users, upn_domain
from core.tenant.parked import parked as parked_user

SAML_NAMEID_MAX = 64  # graph-facts §1: the NameID the IdP sends must equal the ImmutableId, ≤ 64 characters
EXAMPLES = 3


class Check(StrEnum):
    DOMAIN = "domain"
    FEDERATION = "federation"
    METADATA = "metadata"
    IMMUTABLE_IDS = "immutable_ids"
    SYNCED_USERS = "synced_users"
    ADMIN = "admin"


@dataclass(frozen=True)
class Row:
    check: Check
    verdict: Verdict
    code: str                      # key in FEDERATE_TEXT / FEDERATE_FIX
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def holds(self) -> bool:
        return self.verdict in (Verdict.OK, Verdict.WARNING)


SAME_IDP_CODES = ("fed_state_same_idp", "fed_state_same_idp_differs")


@dataclass
class Readiness:
    domain: str
    rows: list[Row] = field(default_factory=list)
    metadata: IdpMetadata | None = None
    domain_info: Domain | None = None
    config: FederationConfig | None = None
    users: list[DirectoryUser] | None = None

    @property
    def passed(self) -> bool:
        return bool(self.rows) and all(r.holds for r in self.rows)

    def row(self, check: Check) -> Row | None:
        return next((r for r in self.rows if r.check == check), None)

    @property
    def federated_with_idp(self) -> bool:
        """The domain is federated with this IdP (same issuer, whether or not every field matches): the one
        case where the way back (`federate undo`) is offered — another IdP's federation is not ours to remove."""
        row = self.row(Check.FEDERATION)
        return row is not None and row.code in SAME_IDP_CODES


@dataclass(frozen=True)
class ReadinessProgress:
    stage: str          # "domains", "federation", "metadata", "users", "admins"
    users: int = 0      # users listed so far (stage "users")


@dataclass
class Inputs:
    """What the rows are judged on (read by `gather`, or given by a test or the later federation run)."""

    domain: str
    domains: list[Domain] | None
    config: FederationConfig | None
    config_error: GraphError | None
    metadata: IdpMetadata | None
    metadata_error: MetadataError | None
    users: list[DirectoryUser] | None
    admin_upn: str | None
    admins_in_domain: list[str] | None = None     # role holders' UPNs in the domain, when known
    pending_swaps: dict[str, str] = field(default_factory=dict)  # object id -> the temporary UPN


def check_readiness(graph: GraphClient, domain: str, metadata_location: str, *, admin_upn: str | None = None,
                    token_roles: Iterable[str] = (), session: requests.Session | None = None,
                    verify: str | bool = True, pending_swaps: dict[str, str] | None = None,
                    progress: Callable[[ReadinessProgress], None] | None = None,
                    cancel: threading.Event | None = None, now: datetime | None = None) -> Readiness:
    """Read what the rules need (Graph with the app's credentials, the IdP's metadata) and judge every row.
    Raises core.graph.client.Cancelled when cancelled, AuthError when the sign-in fails."""
    inputs = gather(graph, domain, metadata_location, admin_upn=admin_upn, token_roles=token_roles,
                    session=session, verify=verify, progress=progress, cancel=cancel, now=now)
    inputs.pending_swaps = dict(pending_swaps or {})
    return judge(inputs, now)


def gather(graph: GraphClient, domain: str, metadata_location: str, *, admin_upn: str | None,
           token_roles: Iterable[str], session: requests.Session | None, verify: str | bool,
           progress: Callable[[ReadinessProgress], None] | None, cancel: threading.Event | None,
           now: datetime | None) -> Inputs:
    def say(stage: str, users: int = 0) -> None:
        if progress is not None:
            progress(ReadinessProgress(stage, users))

    name = domain.strip().lower().rstrip(".")
    say("domains")
    domains = read_domains(graph, cancel)
    say("federation")
    config, config_error = None, None
    try:
        config = read_configuration(graph, name, cancel)
    except GraphError as exc:
        config_error = exc
    say("metadata")
    metadata, metadata_error = None, None
    try:
        metadata = load_metadata(metadata_location, session=session, verify=verify, now=now, require_valid=False)
    except MetadataError as exc:
        metadata_error = exc
    say("users")
    users = _users(graph, lambda n: say("users", n), cancel)
    admins = None
    if not admin_upn and users is not None:
        say("admins")
        admins = _admins_in_domain(graph, token_roles, users, name, cancel)
    return Inputs(name, domains, config, config_error, metadata, metadata_error, users, admin_upn, admins)


def _users(graph: GraphClient, progress: Callable[[int], None], cancel: threading.Event | None) -> list | None:
    try:
        return list_users(graph, progress, cancel)
    except GraphError as exc:
        if exc.status in (401, 403):
            return None
        raise


def _admins_in_domain(graph: GraphClient, token_roles: Iterable[str], users: list[DirectoryUser], domain: str,
                      cancel: threading.Event | None) -> list[str] | None:
    admins = read_admins_or_none(graph, list(token_roles), cancel)
    if admins is None:
        return None
    upns = {u.id.lower(): u.upn for u in users}
    return sorted(upns[i] for i in admins.roles_by_user if i in upns and upn_domain(upns[i]) == domain)


def judge(inputs: Inputs, now: datetime | None = None) -> Readiness:
    """Every row from what was read; no I/O."""
    info = find_domain(inputs.domains, inputs.domain) if inputs.domains is not None else None
    rows = [_domain_row(inputs, info), _federation_row(inputs, info), _metadata_row(inputs, now),
            _ids_row(inputs), _synced_row(inputs), _admin_row(inputs)]
    return Readiness(inputs.domain, rows, inputs.metadata, info, inputs.config, inputs.users)


# --- the rows -------------------------------------------------------------------------------------------
def _domain_row(inputs: Inputs, info: Domain | None) -> Row:
    name, args = inputs.domain, {"domain": inputs.domain}
    if inputs.domains is None:
        return Row(Check.DOMAIN, Verdict.UNKNOWN, "fed_domains_unreadable", args)
    if info is None:
        known = ", ".join(d.name for d in inputs.domains if not d.is_initial)
        return Row(Check.DOMAIN, Verdict.FAILED, "fed_domain_not_found", {**args, "known": known or "-"})
    problems = (("fed_domain_initial", bool(info.is_initial) or name == initial_domain(inputs.domains)),
                ("fed_domain_unverified", info.is_verified is False),
                ("fed_domain_not_root", info.is_root is False),
                ("fed_domain_default", bool(info.is_default)))
    code = next((c for c, bad in problems if bad), None)
    if code == "fed_domain_not_root":
        parents = [d.name for d in inputs.domains if name.endswith("." + d.name.lower())]
        args["parent"] = max(parents, key=len) if parents else "-"
    return Row(Check.DOMAIN, Verdict.FAILED, code, args) if code else Row(Check.DOMAIN, Verdict.OK, "fed_domain_ok", args)


def _federation_row(inputs: Inputs, info: Domain | None) -> Row:
    args: dict[str, Any] = {"domain": inputs.domain}
    if inputs.config_error is not None:
        args["error"] = f"{inputs.config_error.status} {inputs.config_error.code}"
        return Row(Check.FEDERATION, Verdict.UNKNOWN, "fed_state_unreadable", args)
    config = inputs.config
    if config is None:
        if info is not None and info.federated:  # §15's trap: federated, yet no configuration to read
            return Row(Check.FEDERATION, Verdict.FAILED, "fed_state_unmanageable", args)
        if info is None:
            return Row(Check.FEDERATION, Verdict.UNKNOWN, "fed_state_unknown", args)
        return Row(Check.FEDERATION, Verdict.OK, "fed_state_managed", args)
    args["issuer"] = config.issuer_uri or "-"
    metadata = inputs.metadata
    if metadata is None:
        return Row(Check.FEDERATION, Verdict.UNKNOWN, "fed_state_cannot_compare", args)
    if (config.issuer_uri or "").strip() != metadata.entity_id:
        return Row(Check.FEDERATION, Verdict.FAILED, "fed_state_other_idp", args)
    differs = differences(config, metadata)
    if differs:
        return Row(Check.FEDERATION, Verdict.FAILED, "fed_state_same_idp_differs", {**args, "fields": ", ".join(differs)})
    return Row(Check.FEDERATION, Verdict.OK, "fed_state_same_idp", args)


def differences(config: FederationConfig, metadata: IdpMetadata) -> list[str]:
    """The properties in which an existing federation differs from what this IdP's metadata says."""
    found = []
    if not same_sign_in_url(config.passive_sign_in_uri, metadata.sso_url):
        found.append("passiveSignInUri")
    if config.signing_certificate not in {c.base64 for c in metadata.certificates}:
        found.append("signingCertificate")
    if (config.preferred_protocol or "saml") != "saml":
        found.append("preferredAuthenticationProtocol")
    return found


def _metadata_row(inputs: Inputs, now: datetime | None) -> Row:
    if inputs.metadata_error is not None:
        error = inputs.metadata_error
        return Row(Check.METADATA, Verdict.FAILED, error.code, {"detail": error.detail})
    metadata = inputs.metadata
    if metadata is None:  # not read (a caller that judges without it)
        return Row(Check.METADATA, Verdict.UNKNOWN, "fed_metadata_not_read", {})
    problem = metadata.date_problem(now)
    if problem is not None:
        return Row(Check.METADATA, Verdict.FAILED, problem.code, {"detail": problem.detail,
                                                                   "issuer": metadata.entity_id})
    cert = metadata.signing_certificate(now)
    if cert is None:  # date_problem said otherwise: unreachable, but never a crash
        return Row(Check.METADATA, Verdict.UNKNOWN, "fed_metadata_not_read", {})
    args = {"issuer": metadata.entity_id, "sso_url": metadata.sso_url, "subject": cert.subject,
            "thumbprint": cert.thumbprint, "valid_from": cert.not_before.date().isoformat(),
            "expires": cert.not_after.date().isoformat(), "days": cert.days_left(now),
            "certificates": len(metadata.certificates)}
    if cert.days_left(now) < EXPIRY_WARNING_DAYS:
        return Row(Check.METADATA, Verdict.WARNING, "fed_metadata_expires_soon", args)
    return Row(Check.METADATA, Verdict.OK, "fed_metadata_ok", args)


def _in_domain(inputs: Inputs) -> list[DirectoryUser]:
    return [u for u in inputs.users or () if upn_domain(u.upn) == inputs.domain]


def _examples(users: list[DirectoryUser]) -> dict[str, Any]:
    """`examples` (English, for the command line) and its parts for a translated face: the first few
    UPNs (`examples_shown`) and how many more there are (`examples_more`)."""
    shown = ", ".join(u.upn for u in users[:EXAMPLES])
    more = max(0, len(users) - EXAMPLES)
    return {"examples": shown + (f" and {more} more" if more else ""), "examples_shown": shown,
            "examples_more": more}


def _ids_row(inputs: Inputs) -> Row:
    if inputs.users is None:
        return Row(Check.IMMUTABLE_IDS, Verdict.UNKNOWN, "fed_users_unreadable", {"domain": inputs.domain})
    members = [u for u in _in_domain(inputs) if u.account_enabled is not False and (u.user_type or "Member") != "Guest"]
    args: dict[str, Any] = {"domain": inputs.domain, "members": len(members)}
    missing = [u for u in members if not u.immutable_id]
    if missing:
        return Row(Check.IMMUTABLE_IDS, Verdict.FAILED, "fed_users_missing_ids",
                   {**args, "missing": len(missing), **_examples(missing)})
    too_long = [u for u in members if len(u.immutable_id or "") > SAML_NAMEID_MAX]
    if too_long:
        return Row(Check.IMMUTABLE_IDS, Verdict.WARNING, "fed_users_ids_too_long",
                   {**args, "count": len(too_long), **_examples(too_long)})
    if not members:
        return Row(Check.IMMUTABLE_IDS, Verdict.WARNING, "fed_users_none", args)
    return Row(Check.IMMUTABLE_IDS, Verdict.OK, "fed_users_ok", args)


def _synced_row(inputs: Inputs) -> Row:
    args: dict[str, Any] = {"domain": inputs.domain}
    if inputs.users is None:
        return Row(Check.SYNCED_USERS, Verdict.UNKNOWN, "fed_users_unreadable", args)
    synced = [u for u in _in_domain(inputs) if u.sync_enabled]
    if synced:
        return Row(Check.SYNCED_USERS, Verdict.FAILED, "fed_synced_users",
                   {**args, "count": len(synced), **_examples(synced)})
    marked = {u.id: p for u in inputs.users if (p := _parked(inputs, u)) is not None}
    stuck = [u for u in inputs.users if inputs.pending_swaps.get(u.id.lower(), "").lower() == u.upn.lower()
             or (u.id in marked and marked[u.id].original is not None)]
    if stuck:
        return Row(Check.SYNCED_USERS, Verdict.FAILED, "fed_swap_unfinished",
                   {**args, "count": len(stuck), **_examples(stuck)})
    suspected = [u for u in inputs.users if u.id in marked]
    if suspected:
        return Row(Check.SYNCED_USERS, Verdict.WARNING, "fed_swap_suspected",
                   {**args, "count": len(suspected), **_examples(suspected)})
    return Row(Check.SYNCED_USERS, Verdict.OK, "fed_synced_none", args)


def _parked(inputs: Inputs, user: DirectoryUser):
    """A user on a UPN swap's temporary UPN (core/tenant/parked: the marker proves it from the tenant alone,
    another machine's run included) whose own UPN is in this domain, or whose own UPN cannot be told."""
    initial = initial_domain(inputs.domains) if inputs.domains else None
    found = parked_user(user.upn, user.mail, initial, [inputs.domain])
    if found is None or (found.original is not None and upn_domain(found.original) != inputs.domain):
        return None
    return found


def _admin_row(inputs: Inputs) -> Row:
    args: dict[str, Any] = {"domain": inputs.domain}
    if inputs.admin_upn:
        args["admin"] = inputs.admin_upn.strip()
        if upn_domain(inputs.admin_upn) == inputs.domain:
            return Row(Check.ADMIN, Verdict.FAILED, "fed_admin_in_domain", args)
        return Row(Check.ADMIN, Verdict.OK, "fed_admin_outside", args)
    if inputs.admins_in_domain:
        return Row(Check.ADMIN, Verdict.WARNING, "fed_admin_not_given_admins_in_domain",
                   {**args, "count": len(inputs.admins_in_domain),
                    "examples": ", ".join(inputs.admins_in_domain[:EXAMPLES])})
    return Row(Check.ADMIN, Verdict.WARNING, "fed_admin_not_given", args)


def pending_swaps_from_journals(runs: Iterable[Any] | None = None) -> dict[str, str]:
    """Object id -> temporary UPN of every user a run's journal says is between the two steps of a UPN swap
    (object ids are unique across tenants, so no tenant filter is needed). `runs`: (folder, JournalState)
    pairs; default every run folder (core.run.history.journals)."""
    if runs is None:
        from core.run.history import journals  # the run layer: only when the CLI asks for it

        runs = journals()
    found: dict[str, str] = {}
    for _folder, state in runs:
        for object_id, swap in state.swap_pending().items():
            if swap.get("temp"):
                found.setdefault(object_id.lower(), str(swap["temp"]))
    return found
