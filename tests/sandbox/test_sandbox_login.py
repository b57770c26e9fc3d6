"""Real MSAL against the sandbox's login endpoints: discovery, tokens, and every AADSTS error (graph-facts §5, §6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sandbox_helpers import GRAPH_SCOPE, claims_of, make_msal

from core.graph.http import VerifyingSession


def _assert_entra_error(result: dict, code: int, error: str) -> None:
    assert result["error"] == error
    assert result["error_codes"] == [code]
    assert result["error_description"].startswith(f"AADSTS{code}: ")
    for key in ("timestamp", "trace_id", "correlation_id"):
        assert result[key]
    assert f"\r\nTrace ID: {result['trace_id']}\r\nCorrelation ID: {result['correlation_id']}" in \
        result["error_description"]


def test_msal_gets_a_token_with_the_granted_role_and_entra_claims(sandbox):
    result = make_msal(sandbox).acquire_token_for_client(scopes=GRAPH_SCOPE)
    claims = claims_of(result["access_token"])
    assert result["token_type"].lower() == "bearer"
    assert claims["tid"] == sandbox.tenant_id
    assert claims["appid"] == claims["azp"] == sandbox.apps[0]["clientId"]
    assert claims["aud"] == "https://graph.microsoft.com"
    assert claims["roles"] == ["User.ReadWrite.All"]
    assert claims["iat"] <= claims["nbf"] + 1 and claims["exp"] - claims["iat"] == 3599
    assert result["access_token"].count(".") == 2


def test_discovery_works_for_every_domain_name_of_the_tenant(sandbox):
    session = VerifyingSession(verify=sandbox.ca_bundle)
    for name in ("nordskolan.example", "FJORDSKOLAN.example", "nordskolan.onmicrosoft.com", sandbox.tenant_id):
        doc = session.get(f"{sandbox.url}/{name}/v2.0/.well-known/openid-configuration").json()
        assert doc["token_endpoint"] == f"{sandbox.url}/{sandbox.tenant_id}/oauth2/v2.0/token"
        assert doc["issuer"] and doc["authorization_endpoint"]
    result = make_msal(sandbox, authority_tenant="nordskolan.example").acquire_token_for_client(scopes=GRAPH_SCOPE)
    assert claims_of(result["access_token"])["tid"] == sandbox.tenant_id


def test_app_without_admin_consent_gets_a_token_without_roles(sandbox):
    app = sandbox.apps[1]
    result = make_msal(sandbox, app["clientId"], app["secret"]).acquire_token_for_client(scopes=GRAPH_SCOPE)
    assert "roles" not in claims_of(result["access_token"])


@pytest.mark.parametrize(("tenant_segment", "code"), [
    ("11111111-2222-3333-4444-555555555555", 90002),
    ("other-school.example", 90002),
    ("not a tenant!", 900023),
])
def test_unknown_or_malformed_tenant(sandbox, tenant_segment, code):
    # MSAL's constructor already fails (discovery answers 400, graph-facts §5) ...
    with pytest.raises(ValueError):
        make_msal(sandbox, authority_tenant=tenant_segment)
    session = VerifyingSession(verify=sandbox.ca_bundle)
    doc = session.get(f"{sandbox.url}/{tenant_segment}/v2.0/.well-known/openid-configuration")
    assert doc.status_code == 400 and doc.json()["error_codes"] == [code]
    # ... and the token endpoint answers with Entra's error.
    app = sandbox.apps[0]
    resp = session.post(f"{sandbox.url}/{tenant_segment}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": app["clientId"], "client_secret": app["secret"],
        "scope": GRAPH_SCOPE[0]})
    assert resp.status_code == 400
    _assert_entra_error(resp.json(), code, "invalid_request")


def test_unknown_client(sandbox):
    result = make_msal(sandbox, client_id="99999999-8888-7777-6666-555555555555").acquire_token_for_client(
        scopes=GRAPH_SCOPE)
    _assert_entra_error(result, 700016, "unauthorized_client")


def test_wrong_secret_pasting_the_secret_id(sandbox):
    pasted_id = "3f1c6a8e-2b7d-4c1e-9a55-0d6c2b8e4f10"  # what the portal shows as the secret's ID
    result = make_msal(sandbox, secret=pasted_id).acquire_token_for_client(scopes=GRAPH_SCOPE)
    _assert_entra_error(result, 7000215, "invalid_client")
    assert "not the client secret ID" in result["error_description"]


def test_expired_secret(sandbox):
    app = sandbox.add_app(secret_expires=datetime.now(UTC) - timedelta(days=1))
    result = make_msal(sandbox, app["clientId"], app["secret"]).acquire_token_for_client(scopes=GRAPH_SCOPE)
    _assert_entra_error(result, 7000222, "invalid_client")


def test_scope_without_default_suffix(sandbox):
    result = make_msal(sandbox).acquire_token_for_client(scopes=["https://graph.microsoft.com/User.Read.All"])
    _assert_entra_error(result, 1002012, "invalid_scope")


def test_scope_of_an_unknown_resource(sandbox):
    result = make_msal(sandbox).acquire_token_for_client(scopes=["https://unknown.example/.default"])
    _assert_entra_error(result, 500011, "invalid_resource")


def test_status_codes_are_entras(sandbox):
    session = VerifyingSession(verify=sandbox.ca_bundle)
    app = sandbox.apps[0]
    url = f"{sandbox.url}/{sandbox.tenant_id}/oauth2/v2.0/token"
    form = {"grant_type": "client_credentials", "client_id": app["clientId"], "scope": GRAPH_SCOPE[0]}
    assert session.post(url, data={**form, "client_secret": "wrong"}).status_code == 401
    assert session.post(url, data={**form, "client_id": "99999999-8888-7777-6666-555555555555",
                                   "client_secret": "x"}).status_code == 400
    ok = session.post(url, data={**form, "client_secret": app["secret"]})
    assert ok.status_code == 200 and ok.json()["expires_in"] == 3599


def test_token_requests_are_audited_without_the_secret(sandbox):
    make_msal(sandbox).acquire_token_for_client(scopes=GRAPH_SCOPE)
    entries = [e for e in sandbox.audit() if e["path"].endswith("/oauth2/v2.0/token")]
    assert entries and entries[-1]["status"] == 200
    assert sandbox.apps[0]["secret"] not in repr(sandbox.audit())


def test_short_token_lifetime_makes_msal_fetch_anew(sandbox_factory):
    from core.sandbox import SandboxConfig

    tenant = sandbox_factory(config=SandboxConfig(token_lifetime_s=60))
    app = make_msal(tenant)
    first = app.acquire_token_for_client(scopes=GRAPH_SCOPE)
    app.acquire_token_for_client(scopes=GRAPH_SCOPE)
    assert first["expires_in"] == 60
    # Under 5 minutes left, MSAL does not use its cache (graph-facts §5): two calls, two token requests.
    token_requests = [e for e in tenant.audit() if e["path"].endswith("/oauth2/v2.0/token")]
    assert [e["status"] for e in token_requests] == [200, 200]
