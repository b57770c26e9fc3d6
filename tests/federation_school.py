"""A school tenant for the federation tests (graph-facts §15), and IdP metadata documents to check against.

Domains: skola.example (default), elev.example (the one to federate: every enabled member has an
ImmutableId), other.example (federated with another IdP), pupils.elev.example (a subdomain), new.example
(unverified), skola.onmicrosoft.com (initial). The app reads users and domains."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from core.graph.auth import TokenProvider
from core.graph.client import GraphClient
from core.graph.connection import Connection
from core.sandbox.config import SandboxConfig
from core.sandbox.idp import metadata_xml
from core.setup.certificates import make_certificate

TENANT = "7d0c5e2a-1b3c-4d5e-8f90-a1b2c3d4e5f6"
CLIENT = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
SECRET = "sbx8Q~federation-tests-secret-0123456789"  # noqa: S105 (the sandbox seed's own)
ISSUER = "https://idp.skolon.example/saml2/idp"
SSO = "https://idp.skolon.example/saml2/idp/SSOService"
DOMAINS = [{"id": "skola.example"}, {"id": "elev.example"},
           {"id": "other.example", "authenticationType": "Federated"},
           {"id": "pupils.elev.example"}, {"id": "new.example", "isVerified": False}]


def user(n: int, upn: str, **values) -> dict:
    return {"id": f"00000000-0000-4000-8000-{n:012d}", "displayName": upn.split("@")[0], "userPrincipalName": upn,
            "mail": upn, **values}


def users() -> list[dict]:
    return [user(1, "ada@elev.example", onPremisesImmutableId="ada-1"),
            user(2, "bo@elev.example", onPremisesImmutableId="bo-2"),
            user(3, "cy@elev.example", accountEnabled=False),             # disabled: not counted
            user(4, "di@elev.example", userType="Guest"),                 # a guest: not counted
            user(5, "eva@skola.example"),                                 # another domain: not counted
            user(6, "admin@skola.onmicrosoft.com", privilegedRole=True)]


ADMIN = {"userPrincipalName": "admin@skola.onmicrosoft.com", "role": "Global Administrator"}


def seed(tmp_path, extra_users=(), domains=None, roles=("User.ReadWrite.All", "Domain.Read.All"),
         accounts=(ADMIN,)) -> str:
    path = tmp_path / "federation-seed.json"
    path.write_text(json.dumps({
        "tenant": {"id": TENANT, "displayName": "Skola", "initialDomain": "skola.onmicrosoft.com"},
        "domains": domains or DOMAINS,
        "apps": [{"clientId": CLIENT, "secret": SECRET, "roles": list(roles)}],
        "accounts": list(accounts),
        "users": users() + list(extra_users)}), encoding="utf-8")
    return str(path)


def school(sandbox_factory, tmp_path, clock=None, delay_s: float = 0, **kwargs):
    """The school, running; the home realm follows a change after `delay_s` (default at once)."""
    extra = {"clock": clock} if clock is not None else {}
    return sandbox_factory(seed_path=seed(tmp_path, **kwargs), config=SandboxConfig(federation_delay_s=delay_s),
                           **extra)


def connection(tenant) -> Connection:
    return Connection(tenant.tenant_id, CLIENT, login_url=tenant.url, graph_url=tenant.url, ca_bundle=tenant.ca_bundle)


def graph_for(tenant) -> tuple[GraphClient, TokenProvider]:
    conn = connection(tenant)
    tokens = TokenProvider(conn, SECRET)
    return GraphClient(conn, tokens), tokens


def admin_call(tenant, method: str, path: str, body=None, role: str = "Global Administrator",
               scopes=("Domain-InternalFederation.ReadWrite.All",)):
    """A Graph call with a delegated token as the sandbox's sign-in gives the seeded admin."""
    from core.graph.http import VerifyingSession
    from core.sandbox import facts

    token = tenant.mint.mint_user(facts.SIGN_IN_CLIENT_ID, "oid", "admin@skola.onmicrosoft.com", list(scopes),
                                  [facts.ROLE_TEMPLATE_IDS[role]], 3600)
    return VerifyingSession(tenant.ca_bundle).request(method, f"{tenant.url}/v1.0/{path}", json=body,
                                                      headers={"Authorization": f"Bearer {token}"})


def profile_file(tenant, tmp_path) -> str:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({"tenant_id": tenant.tenant_id, "client_id": CLIENT, "client_secret": SECRET,
                                "login_url": tenant.url, "graph_url": tenant.url, "ca_bundle": tenant.ca_bundle}),
                    encoding="utf-8")
    return str(path)


# --- metadata documents ---------------------------------------------------------------------------------------
def certificate_b64(days: int = 730, start_days_ago: int = 1, name: str = "idp.skolon.example") -> str:
    """A certificate valid from `start_days_ago` days ago for `days` days (negative end = expired)."""
    now = datetime.now(UTC) - timedelta(days=start_days_ago)
    return make_certificate(name, days=days, now=now).der_base64


def metadata(cert: str | None = None, issuer: str = ISSUER, sso: str = SSO) -> str:
    return metadata_xml({"entityId": issuer, "ssoUrl": sso, "displayName": "Skolon (test)",
                         "certificate": cert or certificate_b64()})


def metadata_file(tmp_path, text: str | None = None, name: str = "idp.xml") -> str:
    path = tmp_path / name
    path.write_text(text if text is not None else metadata(), encoding="utf-8")
    return str(path)


def federation_body(cert: str, issuer: str = ISSUER, sso: str = SSO) -> dict:
    return {"displayName": "Skolon", "issuerUri": issuer, "passiveSignInUri": sso, "signingCertificate": cert,
            "preferredAuthenticationProtocol": "saml"}


def der_to_pem(cert_b64: str) -> str:
    body = "\n".join(cert_b64[i:i + 64] for i in range(0, len(cert_b64), 64))
    return f"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n"
