"""The federation run's admin sign-in (graph-facts §15): the same interactive MSAL sign-in as `app create`,
asking for Domain-InternalFederation.ReadWrite.All; the sandbox's delegated token carries the signed-in
account's role and scope, so Graph lets a federation role federate and refuses anyone else."""

from __future__ import annotations

import json

import pytest
from federation_school import CLIENT, DOMAINS, SECRET, certificate_b64, federation_body, users

from core.federation.domains import DELEGATED_SCOPES
from core.graph.auth import decode_claims
from core.graph.connection import Connection
from core.graph.http import VerifyingSession
from core.graph.signin import sign_in
from core.sandbox import facts
from core.sandbox.config import SandboxConfig

ACCOUNTS = [{"userPrincipalName": "dna@skola.onmicrosoft.com", "role": "Domain Name Administrator"},
            {"userPrincipalName": "apps@skola.onmicrosoft.com", "role": "Application Administrator"}]


@pytest.fixture
def tenant(sandbox_factory, tmp_path):
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"tenant": {"initialDomain": "skola.onmicrosoft.com"}, "domains": DOMAINS,
                                "apps": [{"clientId": CLIENT, "secret": SECRET, "roles": ["User.ReadWrite.All"]}],
                                "accounts": ACCOUNTS, "users": users()}), encoding="utf-8")
    return sandbox_factory(seed_path=path, config=SandboxConfig(federation_delay_s=0))


@pytest.mark.parametrize(("account", "status"), [("dna@skola.onmicrosoft.com", 201),
                                                 ("apps@skola.onmicrosoft.com", 403)])
def test_the_signed_in_admins_role_decides(tenant, browser, account, status):
    browser.ca_bundle, browser.account = tenant.ca_bundle, account
    base = Connection(tenant.tenant_id, CLIENT, login_url=tenant.url, graph_url=tenant.url, ca_bundle=tenant.ca_bundle)
    signed = sign_in(base, lambda url: None, timeout=30, scopes=DELEGATED_SCOPES)
    claims = decode_claims(signed.token)
    role = next(a["role"] for a in ACCOUNTS if a["userPrincipalName"] == account)
    assert (signed.upn, claims["scp"], claims["wids"]) == (account, "Domain-InternalFederation.ReadWrite.All",
                                                           [facts.ROLE_TEMPLATE_IDS[role]])
    answer = VerifyingSession(tenant.ca_bundle).post(
        f"{tenant.url}/v1.0/domains/elev.example/federationConfiguration", json=federation_body(certificate_b64()),
        headers={"Authorization": f"Bearer {signed.token}"})
    assert answer.status_code == status
    federated = next(d for d in tenant.directory.domains if d["id"] == "elev.example")["authenticationType"]
    assert federated == ("Federated" if status == 201 else "Managed")
