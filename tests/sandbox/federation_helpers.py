"""Helpers for the sandbox's federation tests (graph-facts §15): a seed file, delegated tokens as the
sandbox's sign-in issues them, Graph calls, and a federationConfiguration body."""

from __future__ import annotations

import json

from core.graph.http import VerifyingSession
from core.sandbox import facts
from core.sandbox.data import Account
from core.sandbox.keys import self_signed

GUID = "8f2c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
SSO = "https://idp.skolon.example/saml2/idp/SSOService"


def seed_file(tmp_path, domains, users=(), **extra):
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"tenant": {"id": GUID, "initialDomain": "skola.onmicrosoft.com"},
                                "domains": domains, "users": list(users), **extra}), encoding="utf-8")
    return path


def user(n, upn, **values):
    return {"id": f"00000000-0000-4000-8000-{n:012d}", "displayName": upn, "userPrincipalName": upn, **values}


def delegated_token(tenant, role="Global Administrator", scopes=("Domain-InternalFederation.ReadWrite.All",)):
    """A delegated token as the sandbox's sign-in issues it, for an account holding `role`."""
    upn = f"{role.replace(' ', '').lower()}@{tenant.directory.initial_domain}"
    if tenant.directory.account(upn) is None:
        tenant.directory.accounts.append(Account(upn, role, role, f"acct-{len(tenant.directory.accounts)}"))
    wids = [facts.ROLE_TEMPLATE_IDS[role]] if role in facts.ROLE_TEMPLATE_IDS else []
    return tenant.mint.mint_user(facts.SIGN_IN_CLIENT_ID, "oid", upn, list(scopes), wids, 3600)


def call(tenant, token, method, path, body=None):
    session = VerifyingSession(tenant.ca_bundle)
    return session.request(method, f"{tenant.url}/v1.0/{path}", json=body, headers={"Authorization": f"Bearer {token}"})


def federation_body(**changes):
    """A good internalDomainFederation for the demo IdP; a change of None leaves that property out."""
    cert, _key = self_signed("idp.skolon.example")
    body = {"displayName": "Skolon", "issuerUri": "https://idp.skolon.example/saml2/idp",
            "passiveSignInUri": SSO, "signingCertificate": cert,
            "preferredAuthenticationProtocol": "saml", "federatedIdpMfaBehavior": "acceptIfMfaDoneByFederatedIdp"}
    return {k: v for k, v in {**body, **changes}.items() if v is not None}
