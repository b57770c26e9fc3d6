"""Federation reads through Graph (graph-facts §15): the tenant's domains with the flags the rules need, and a
domain's current internalDomainFederation (`GET /domains/{id}/federationConfiguration`; 404 = managed).

The app's own credentials read these (Domain.Read.All or Domain-InternalFederation.Read.All); the write in
`federate apply` needs a signed-in admin with DELEGATED_SCOPES (the later federation run)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote

from core.federation.metadata import IdpMetadata
from core.graph.client import GraphClient, GraphError
from core.tenant.directory import Domain, initial_shaped, list_domains, upn_domain

DELEGATED_SCOPES = ("Domain-InternalFederation.ReadWrite.All",)
# Application permissions that let the app read a domain's federation (any one of them).
READ_PERMISSIONS = ("Domain-InternalFederation.Read.All", "Domain-InternalFederation.ReadWrite.All",
                    "Domain.Read.All", "Domain.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")
# §15: the directory roles that may federate a domain (template id -> name), for the signed-in admin's `wids`
FEDERATION_ROLES = {"62e90394-69f5-4237-9190-012177145e10": "Global Administrator",
                    "8329153b-31d0-4727-b945-745eb3bc5f31": "Domain Name Administrator",
                    "be2f45a1-457d-42af-a067-6ec1fa63bc45": "External Identity Provider Administrator",
                    "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2": "Hybrid Identity Administrator",
                    "194ae4cb-b126-40b2-bd5b-6091b380977d": "Security Administrator"}
MFA_BEHAVIORS = {"accept": "acceptIfMfaDoneByFederatedIdp", "enforce": "enforceMfaByFederatedIdp",
                 "reject": "rejectMfaByFederatedIdp"}


def suggest_domain(upns: list[str], domains: list[Domain] | None) -> str:
    """The domain to offer for federation: of the domains the run's users are in, the one with most users
    that §15 lets be federated (verified, root, not the initial or default domain, not federated yet);
    when the tenant's domains are unknown, or none qualifies, the one with most users (the readiness table
    then says why it cannot be). "" when no user is in any domain but the initial one."""
    counts: dict[str, int] = {}
    for upn in upns:
        domain = upn_domain(upn)
        if domain and not initial_shaped(domain):
            counts[domain] = counts.get(domain, 0) + 1
    if not counts:
        return ""
    by_name = {d.name.lower(): d for d in domains or ()}

    def federatable(name: str) -> bool:
        d = by_name.get(name)
        return d is not None and bool(d.is_verified) and d.is_root is not False and not d.is_initial \
            and not d.is_default and not d.federated

    ranked = sorted(counts, key=lambda d: (federatable(d), counts[d], d), reverse=True)
    return ranked[0]


@dataclass(frozen=True)
class FederationConfig:
    """A domain's internalDomainFederation as Graph returned it (`raw` keeps every property)."""

    id: str
    display_name: str | None
    issuer_uri: str | None
    passive_sign_in_uri: str | None
    signing_certificate: str | None
    next_signing_certificate: str | None
    preferred_protocol: str | None
    mfa_behavior: str | None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_graph(cls, item: dict[str, Any]) -> FederationConfig:
        get = item.get
        return cls(str(get("id") or ""), get("displayName"), get("issuerUri"), get("passiveSignInUri"),
                   _squash(get("signingCertificate")), _squash(get("nextSigningCertificate")),
                   get("preferredAuthenticationProtocol"), get("federatedIdpMfaBehavior"), dict(item))


def _squash(text: Any) -> str | None:
    """A base64 certificate without the line breaks and spaces some tools keep in it."""
    return "".join(str(text).split()) if text else None


def read_domains(graph: GraphClient, cancel: threading.Event | None = None) -> list[Domain] | None:
    """Every domain with authenticationType, isVerified, isDefault, isInitial, isRoot; None when the app
    may not read domains (403)."""
    return list_domains(graph, cancel=cancel)


def find_domain(domains: list[Domain], name: str) -> Domain | None:
    wanted = name.strip().lower().rstrip(".")
    return next((d for d in domains if d.name.lower() == wanted), None)


def read_configuration(graph: GraphClient, domain: str, cancel: threading.Event | None = None) -> FederationConfig | None:
    """The domain's federation, or None when Graph says there is none (404: a managed domain — or, for a
    domain listed as Federated, §15's unmanageable state). Raises GraphError otherwise (403: no permission)."""
    try:
        page = graph.get(f"/domains/{quote(domain.strip().lower(), safe='')}/federationConfiguration", cancel=cancel)
    except GraphError as exc:
        if exc.status == 404:
            return None
        raise
    items = page.get("value") if isinstance(page.get("value"), list) else [page]
    configs = [FederationConfig.from_graph(i) for i in items if isinstance(i, dict) and i.get("id")]
    return configs[0] if configs else None


def configuration_body(metadata: IdpMetadata, *, display_name: str | None = None, mfa: str = "accept",
                       now: datetime | None = None) -> dict[str, Any]:
    """The internalDomainFederation to POST for this IdP (graph-facts §15): always with the signing
    certificate (a create without one can leave the domain federated and unmanageable), the next one when
    the IdP is rolling over, and `preferredAuthenticationProtocol: saml` set explicitly. Raises
    MetadataError when no signing certificate is valid at `now`."""
    problem = metadata.date_problem(now)
    if problem is not None:
        raise problem
    signing = metadata.signing_certificate(now)
    following = metadata.next_certificate(now)
    body: dict[str, Any] = {
        "displayName": display_name or metadata.entity_id, "issuerUri": metadata.entity_id,
        "passiveSignInUri": metadata.sso_url, "signingCertificate": signing.base64 if signing else None,
        "preferredAuthenticationProtocol": "saml", "federatedIdpMfaBehavior": MFA_BEHAVIORS[mfa]}
    if following is not None:
        body["nextSigningCertificate"] = following.base64
    return body
