"""The sandbox's sign-in page, authorization-code grant and app-registration calls (graph-facts §10),
driven by real MSAL (PublicClientApplication) and the stand-in browser."""

from __future__ import annotations

import base64
import hashlib
import json

import msal

from core.graph.auth import decode_claims
from core.graph.http import VerifyingSession
from core.sandbox import facts
from core.sandbox.config import SandboxConfig

SCOPES = ["Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "Application.Read.All"]


def _sign_in(tenant, browser, account=None):
    browser.ca_bundle, browser.account = tenant.ca_bundle, account
    app = msal.PublicClientApplication(facts.SIGN_IN_CLIENT_ID, authority=tenant.authority,
                                       http_client=VerifyingSession(tenant.ca_bundle), instance_discovery=False)
    return app.acquire_token_interactive([f"{tenant.url}/{s}" for s in SCOPES], timeout=30)


def _graph(tenant, token, method, path, body=None):
    session = VerifyingSession(tenant.ca_bundle)
    return session.request(method, f"{tenant.url}/v1.0/{path}", json=body,
                           headers={"Authorization": f"Bearer {token}"})


def test_admin_signs_in_through_the_page_and_gets_a_delegated_token(sandbox, browser):
    result = _sign_in(sandbox, browser)
    assert "access_token" in result, result
    claims = decode_claims(result["access_token"])
    assert set(claims["scp"].split()) == set(SCOPES) and claims["upn"].startswith("admin@")
    assert "roles" not in claims and claims["tid"] == sandbox.tenant_id
    assert result["id_token_claims"]["preferred_username"] == claims["upn"]  # MSAL checked the nonce
    assert 'onload="document.forms[0].submit()"' in browser.pages[-1]  # form_post, not ?code=
    assert "Sandbox Staff" in browser.pages[0]  # the sign-in page offered both seeded accounts


def test_cancel_on_the_page_comes_back_as_access_denied(sandbox, browser):
    browser.action = "cancel"
    result = _sign_in(sandbox, browser)
    assert result["error"] == "access_denied" and "AADSTS65004" in result["error_description"]


def test_code_is_bound_to_pkce_and_used_once(sandbox, browser):
    sandbox.config.auto_sign_in = True
    session = VerifyingSession(sandbox.ca_bundle)
    verifier = "v" * 43
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = {"client_id": facts.SIGN_IN_CLIENT_ID, "response_type": "code", "redirect_uri": "http://localhost:1",
             "scope": "openid", "code_challenge": challenge, "code_challenge_method": "S256",
             "response_mode": "query", "state": "s1"}
    page = session.get(f"{sandbox.authority}/oauth2/v2.0/authorize", params=query, allow_redirects=False)
    assert page.status_code == 302 and "state=s1" in page.headers["Location"]
    code = page.headers["Location"].split("code=")[1].split("&")[0]
    form = {"grant_type": "authorization_code", "client_id": facts.SIGN_IN_CLIENT_ID, "code": code,
            "redirect_uri": "http://localhost:1", "code_verifier": "w" * 43}
    token_url = f"{sandbox.authority}/oauth2/v2.0/token"
    assert 501481 in session.post(token_url, data=form).json()["error_codes"]  # wrong verifier
    assert 70008 in session.post(token_url, data={**form, "code_verifier": verifier}).json()["error_codes"]
    plain = session.get(f"{sandbox.authority}/oauth2/v2.0/authorize", params={**query, "code_challenge_method":
                                                                              "plain"}, allow_redirects=False)
    assert plain.status_code == 400 and "AADSTS9002325" in plain.text


def test_non_admin_gets_403_on_post_applications(sandbox, browser):
    token = _sign_in(sandbox, browser, account=sandbox.directory.accounts[1].upn)["access_token"]
    answer = _graph(sandbox, token, "POST", "applications", {"displayName": "x"})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "Authorization_RequestDenied"
    assert len(sandbox.directory.apps) == 2  # nothing was created


def test_graph_sp_roles_creation_consent_and_replication(sandbox_factory, browser):
    clock = [1000.0]
    tenant = sandbox_factory(users=3, clock=lambda: clock[0], config=SandboxConfig(replication_delay_s=30))
    token = _sign_in(tenant, browser)["access_token"]
    graph = _graph(tenant, token, "GET", f"servicePrincipals(appId='{facts.GRAPH_APP_ID}')").json()
    roles = {r["value"]: r["id"] for r in graph["appRoles"]}
    assert roles["User.ReadWrite.All"] == "741f803b-c850-494e-b5df-cde7c675a1ca"
    assert roles["User.Read.All"] == "df021288-bdef-4463-88db-98f22de89214"
    app = _graph(tenant, token, "POST", "applications", {"displayName": "New", "signInAudience": "AzureADMyOrg"})
    assert app.status_code == 201
    app = app.json()
    sp = _graph(tenant, token, "POST", "servicePrincipals", {"appId": app["appId"]}).json()
    pw = _graph(tenant, token, "POST", f"applications/{app['id']}/addPassword",
                {"passwordCredential": {"displayName": "s"}}).json()
    assert pw["secretText"] and pw["keyId"]
    grant = _graph(tenant, token, "POST", f"servicePrincipals/{graph['id']}/appRoleAssignedTo",
                   {"principalId": sp["id"], "resourceId": graph["id"], "appRoleId": roles["User.ReadWrite.All"]})
    assert grant.status_code == 201
    form = {"grant_type": "client_credentials", "client_id": app["appId"], "client_secret": pw["secretText"],
            "scope": f"{tenant.url}/.default"}
    session = VerifyingSession(tenant.ca_bundle)
    token_url = f"{tenant.authority}/oauth2/v2.0/token"
    assert 700016 in session.post(token_url, data=form).json()["error_codes"]  # not replicated yet
    clock[0] += 31
    issued = session.post(token_url, data=form).json()
    assert decode_claims(issued["access_token"])["roles"] == ["User.ReadWrite.All"]
    removed = _graph(tenant, token, "POST", f"applications/{app['id']}/removePassword", {"keyId": pw["keyId"]})
    assert removed.status_code == 204
    assert 7000215 in session.post(token_url, data=form).json()["error_codes"]
    assert json.dumps(tenant.audit()).count(pw["secretText"]) == 0  # the audit never keeps a secret


def test_secret_policy_refuses_long_or_any_secrets(sandbox_factory, browser):
    tenant = sandbox_factory(users=3, config=SandboxConfig(secret_max_days=365))
    token = _sign_in(tenant, browser)["access_token"]
    app = _graph(tenant, token, "POST", "applications", {"displayName": "New"}).json()
    long = _graph(tenant, token, "POST", f"applications/{app['id']}/addPassword",
                  {"passwordCredential": {"endDateTime": "2099-01-01T00:00:00Z"}})
    assert long.status_code == 400 and "policy" in long.json()["error"]["message"]
    tenant.config.secrets_blocked = True
    blocked = _graph(tenant, token, "POST", f"applications/{app['id']}/addPassword", {"passwordCredential": {}})
    assert blocked.status_code == 400 and "not allowed" in blocked.json()["error"]["message"]


def test_device_code_is_approved_on_the_verification_page(sandbox, browser):
    import re
    import threading

    app = msal.PublicClientApplication(facts.SIGN_IN_CLIENT_ID, authority=sandbox.authority,
                                       http_client=VerifyingSession(sandbox.ca_bundle), instance_discovery=False)
    flow = app.initiate_device_flow(scopes=[f"{sandbox.url}/{s}" for s in SCOPES])
    assert flow["user_code"] in flow["message"]
    session = VerifyingSession(sandbox.ca_bundle)
    page = session.get(flow["verification_uri"]).text
    upn = re.search(r'name="login" value="(staff@[^"]*)"', page).group(1)
    result = {}
    poller = threading.Thread(target=lambda: result.update(app.acquire_token_by_device_flow(flow)))
    poller.start()  # MSAL polls (authorization_pending) until the code is approved
    assert "signed in" in session.post(flow["verification_uri"], data={"code": flow["user_code"].lower(),
                                                                      "login": upn}).text
    poller.join(timeout=60)
    assert decode_claims(result["access_token"])["upn"] == upn


def test_sign_in_page_for_an_unknown_tenant_is_an_html_error(sandbox):
    session = VerifyingSession(sandbox.ca_bundle)
    page = session.get(f"{sandbox.url}/0b9f3c1e-1111-4222-8333-944455566677/oauth2/v2.0/authorize")
    assert page.status_code == 400 and page.headers["Content-Type"].startswith("text/html")
    assert "AADSTS90002" in page.text
