"""App credentials under the tenant's policy (graph-facts §16): the seed's app-management policy refusing or
capping secrets, certificates on applications (PATCH keyCredentials, addKey with its proof), and certificate
client assertions at the token endpoint — with MSAL's own certificate credential, which must work against the
sandbox as against Entra and fail where Entra fails."""

from __future__ import annotations

import base64
import json
import time
import uuid
from datetime import UTC, datetime, timedelta

import jwt  # PyJWT, MSAL's own dependency: hand-made assertions for the failures MSAL never makes
import msal
import pytest
from federation_helpers import GUID, call, delegated_token
from sandbox_helpers import GRAPH_SCOPE, FakeClock

from core.graph.auth import decode_claims
from core.graph.http import VerifyingSession
from core.sandbox import facts
from core.sandbox.config import SandboxConfig
from core.sandbox.data import SeedError, load_seed
from core.setup.certificates import make_certificate

APP = "11111111-2222-4333-8444-555555555555"
ADMIN_SCOPES = ("Application.ReadWrite.All",)


@pytest.fixture(scope="module")
def cert():
    return make_certificate("Immutable ID Sync")


@pytest.fixture(scope="module")
def other_cert():
    return make_certificate("Someone else")


def _msal(tenant, credential, client_id=None):
    return msal.ConfidentialClientApplication(
        client_id or tenant.apps[0]["clientId"], client_credential=credential, authority=tenant.authority,
        http_client=VerifyingSession(tenant.ca_bundle), instance_discovery=False)


def _assertion(tenant, cert, **claims):
    """A client assertion as MSAL makes one (RS256, x5t = SHA-1 thumbprint), with `claims` changed."""
    now = int(time.time())
    client_id = tenant.apps[0]["clientId"]
    payload = {"aud": f"{tenant.authority}/oauth2/v2.0/token", "iss": client_id, "sub": client_id,
               "exp": now + 600, "iat": now, "nbf": now, "jti": str(uuid.uuid4()), **claims}
    x5t = base64.urlsafe_b64encode(bytes.fromhex(cert.thumbprint)).rstrip(b"=").decode()
    return jwt.encode(payload, cert.key_pem, algorithm="RS256", headers={"x5t": x5t})


def _error(result):
    return result.get("error_codes", [None])[0], result.get("error_description", "")


# --- certificate sign-in (MSAL's certificate credential) ---------------------------------------------
def test_msal_certificate_credential_gets_a_token_with_the_apps_roles(sandbox, cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    result = _msal(sandbox, cert.msal_credential()).acquire_token_for_client(scopes=GRAPH_SCOPE)
    assert "access_token" in result, result
    assert decode_claims(result["access_token"])["roles"] == ["User.ReadWrite.All"]
    token_call = [e for e in sandbox.audit() if e["path"].endswith("/oauth2/v2.0/token")][-1]
    assert token_call["body"]["client_assertion_type"] == facts.CLIENT_ASSERTION_TYPE
    assert "client_assertion" not in token_call["body"]  # the audit keeps no credential


def test_ps256_with_the_public_certificate_works_too(sandbox, cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    credential = {"private_key": cert.key_pem, "public_certificate": cert.cert_pem}  # MSAL: PS256, x5t#S256
    assert "access_token" in _msal(sandbox, credential).acquire_token_for_client(scopes=GRAPH_SCOPE)


def test_the_wrong_key_for_a_known_thumbprint_is_700027(sandbox, cert, other_cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    credential = {"private_key": other_cert.key_pem, "thumbprint": cert.thumbprint}
    code, text = _error(_msal(sandbox, credential).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 700027 and "Key was found, but use of the key to verify the signature failed" in text
    assert cert.thumbprint in text


def test_a_thumbprint_the_app_does_not_have_is_700027_key_not_found(sandbox, cert, other_cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    code, text = _error(_msal(sandbox, other_cert.msal_credential()).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 700027 and "The key was not found." in text and other_cert.thumbprint in text


def test_a_wrong_audience_is_700023(sandbox, cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    assertion = _assertion(sandbox, cert, aud="https://login.microsoftonline.com/other/oauth2/v2.0/token")
    code, _text = _error(_msal(sandbox, {"client_assertion": lambda a=assertion: a}).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 700023


def test_the_v1_token_endpoint_and_a_tenant_domain_are_accepted_audiences(sandbox, cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    for aud in (f"{sandbox.authority}/oauth2/token", f"{sandbox.url}/nordskolan.example/oauth2/v2.0/token"):
        assertion = _assertion(sandbox, cert, aud=aud)
        assert "access_token" in _msal(sandbox, {"client_assertion": lambda a=assertion: a}).acquire_token_for_client(
            scopes=GRAPH_SCOPE)


def test_an_expired_assertion_is_700024(sandbox_factory, cert):
    clock = FakeClock()
    tenant = sandbox_factory(users=10, clock=clock)
    tenant.add_app_certificate(tenant.apps[0]["clientId"], cert.cert_pem)
    clock.advance(600 + facts.UNCONFIRMED["assertion_clock_skew_s"] + 1)  # MSAL's assertions live 10 minutes
    code, text = _error(_msal(tenant, cert.msal_credential()).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 700024 and "not within its valid time range" in text


def test_an_assertion_not_valid_yet_is_700024(sandbox, cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    assertion = _assertion(sandbox, cert, nbf=int(time.time()) + 3600, exp=int(time.time()) + 4000)
    code, _text = _error(_msal(sandbox, {"client_assertion": lambda a=assertion: a}).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 700024


def test_an_issuer_that_is_not_the_client_is_700021(sandbox, cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    assertion = _assertion(sandbox, cert, iss=APP, sub=APP)
    code, _text = _error(_msal(sandbox, {"client_assertion": lambda a=assertion: a}).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 700021


def test_a_garbled_assertion_is_50027(sandbox):
    code, _text = _error(_msal(sandbox, {"client_assertion": lambda: "not.a.jwt"}).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 50027


def test_an_expired_key_is_refused(sandbox, cert):
    app = sandbox.find_app(sandbox.apps[0]["clientId"])
    sandbox.add_app_certificate(app.client_id, cert.cert_pem)
    app.keys[-1].end = datetime.now(UTC) - timedelta(days=1)
    code, text = _error(_msal(sandbox, cert.msal_credential()).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 700027 and "The key used is expired." in text


# --- certificates on the application through Graph --------------------------------------------------------
def _admin(tenant):
    return delegated_token(tenant, "Application Administrator", ADMIN_SCOPES)


def _key_body(cert, **extra):
    return {"type": "AsymmetricX509Cert", "usage": "Verify", "key": cert.der_base64, "displayName": "cert", **extra}


def test_patch_key_credentials_adds_a_certificate_that_signs_in_after_replication(sandbox_factory, cert):
    clock = FakeClock()
    tenant = sandbox_factory(users=10, clock=clock, config=SandboxConfig(replication_delay_s=20))
    app = tenant.find_app(tenant.apps[0]["clientId"])
    answer = call(tenant, _admin(tenant), "PATCH", f"applications/{app.object_id}",
                  {"keyCredentials": [_key_body(cert)]})
    assert answer.status_code == 204
    listed = tenant.application(app)["keyCredentials"]
    assert listed[0]["customKeyIdentifier"] == base64.b64encode(bytes.fromhex(cert.thumbprint)).decode()
    assert listed[0]["endDateTime"].startswith(cert.not_after.strftime("%Y-%m-%d"))
    code, _ = _error(_msal(tenant, cert.msal_credential()).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 700027  # not replicated to sign-in yet
    clock.advance(20)
    assert "access_token" in _msal(tenant, cert.msal_credential()).acquire_token_for_client(scopes=GRAPH_SCOPE)


def test_patch_keeps_listed_keys_and_drops_the_others(sandbox, cert, other_cert):
    app = sandbox.find_app(sandbox.apps[0]["clientId"])
    first = sandbox.add_app_certificate(app.client_id, cert.cert_pem)
    answer = call(sandbox, _admin(sandbox), "PATCH", f"applications/{app.object_id}",
                  {"keyCredentials": [{"keyId": first["keyId"]}, _key_body(other_cert)]})
    assert answer.status_code == 204 and [k.thumbprint for k in app.keys] == [cert.thumbprint, other_cert.thumbprint]
    call(sandbox, _admin(sandbox), "PATCH", f"applications/{app.object_id}", {"keyCredentials": []})
    assert app.keys == []


def test_add_key_needs_a_proof_signed_by_an_existing_key(sandbox, cert, other_cert):
    app = sandbox.find_app(sandbox.apps[0]["clientId"])
    body = {"keyCredential": _key_body(other_cert), "passwordCredential": None, "proof": "x"}
    assert call(sandbox, _admin(sandbox), "POST", f"applications/{app.object_id}/addKey", body).status_code == 400
    sandbox.add_app_certificate(app.client_id, cert.cert_pem)
    now = int(time.time())
    claims = {"aud": facts.ADD_KEY_PROOF_AUDIENCE, "iss": app.object_id, "nbf": now, "exp": now + 600}
    bad = jwt.encode({**claims, "aud": "elsewhere"}, cert.key_pem, algorithm="RS256")
    assert call(sandbox, _admin(sandbox), "POST", f"applications/{app.object_id}/addKey",
                {**body, "proof": bad}).status_code == 400
    proof = jwt.encode(claims, cert.key_pem, algorithm="RS256")
    # an app may roll its own keys with an app-only token and no permission at all (Graph docs)
    own = sandbox.mint.mint(app.client_id, app.object_id, [], 3600)
    added = call(sandbox, own, "POST", f"applications/{app.object_id}/addKey", {**body, "proof": proof})
    assert added.status_code == 200 and added.json()["keyId"] == app.keys[-1].key_id
    assert app.keys[-1].thumbprint == other_cert.thumbprint


def test_only_admins_may_change_an_apps_keys(sandbox, cert):
    app = sandbox.find_app(sandbox.apps[0]["clientId"])
    staff = delegated_token(sandbox, "User", ADMIN_SCOPES)
    writer = sandbox.mint.mint(app.client_id, app.object_id, ["User.ReadWrite.All"], 3600)
    for token in (staff, writer):
        answer = call(sandbox, token, "PATCH", f"applications/{app.object_id}", {"keyCredentials": [_key_body(cert)]})
        assert answer.status_code == 403
    assert app.keys == []


# --- the app-management policy from the seed -------------------------------------------------------
def _policy_tenant(sandbox_factory, tmp_path, policy, **app):
    """A one-app tenant with this policy; an app key given as None is left out of the seed."""
    entry = {k: v for k, v in {"clientId": APP, "secret": "s3cret", "roles": ["User.ReadWrite.All"], **app}.items()
             if v is not None}
    seed = {"tenant": {"id": GUID}, "appManagementPolicy": policy, "apps": [entry],
            "users": [{"id": "00000000-0000-4000-8000-000000000001", "displayName": "A",
                       "userPrincipalName": "a@skola.example"}]}
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed), encoding="utf-8")
    return sandbox_factory(seed_path=path)


def _add_password(tenant, days):
    app = tenant.find_app(APP)
    end = (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return call(tenant, _admin(tenant), "POST", f"applications/{app.object_id}/addPassword",
                {"passwordCredential": {"displayName": "x", "endDateTime": end}})


def test_a_policy_that_blocks_secrets_refuses_add_password(sandbox_factory, tmp_path):
    tenant = _policy_tenant(sandbox_factory, tmp_path,
                            {"passwordCredentials": [{"restrictionType": "passwordAddition"}]})
    answer = _add_password(tenant, 30)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "CredentialTypeNotAllowedAsPerAppPolicy"
    assert tenant.find_app(APP).passwords == []


def test_a_lifetime_cap_refuses_longer_secrets_and_names_the_maximum(sandbox_factory, tmp_path):
    tenant = _policy_tenant(sandbox_factory, tmp_path, {"passwordCredentials": [
        {"restrictionType": "passwordLifetime", "maxLifetime": "P180D"}]})
    answer = _add_password(tenant, 365)
    error = answer.json()["error"]
    assert answer.status_code == 400 and error["code"] == "CredentialInvalidLifetimeAsPerAppPolicy"
    assert "P180D" in error["message"] and "180 days" in error["message"]
    assert _add_password(tenant, 180).status_code == 200


def test_a_key_lifetime_cap_applies_to_certificates(sandbox_factory, tmp_path, cert):
    tenant = _policy_tenant(sandbox_factory, tmp_path, {"keyCredentials": [
        {"restrictionType": "asymmetricKeyLifetime", "maxLifetime": "P1Y"}]})
    app = tenant.find_app(APP)
    answer = call(tenant, _admin(tenant), "PATCH", f"applications/{app.object_id}",
                  {"keyCredentials": [_key_body(cert)]})  # the certificate is valid for two years
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "CredentialInvalidLifetimeAsPerAppPolicy"
    short = _key_body(cert, endDateTime=(datetime.now(UTC) + timedelta(days=300)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    assert call(tenant, _admin(tenant), "PATCH", f"applications/{app.object_id}",
                {"keyCredentials": [short]}).status_code == 204


def test_a_certificate_only_app_from_the_seed_signs_in_with_its_certificate(sandbox_factory, tmp_path, cert):
    tenant = _policy_tenant(sandbox_factory, tmp_path, None, secret=None,
                            keyCredentials=[{"key": cert.cert_pem, "displayName": "seeded"}])
    assert "access_token" in _msal(tenant, cert.msal_credential(), APP).acquire_token_for_client(scopes=GRAPH_SCOPE)
    code, _ = _error(_msal(tenant, "any secret", APP).acquire_token_for_client(scopes=GRAPH_SCOPE))
    assert code == 7000215  # it has no secret at all


@pytest.mark.parametrize(("policy", "problem"), [
    ({"passwordCredentials": [{"restrictionType": "passwordLifetime", "maxLifetime": "half a year"}]}, "maxLifetime"),
    ({"passwordCredentials": [{"restrictionType": "symmetricKeyAddition"}]}, "restrictionType"),
    ("block", "must be an object")])
def test_a_bad_policy_in_the_seed_says_what_to_fix(tmp_path, policy, problem):
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"appManagementPolicy": policy, "users": []}), encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        load_seed(path)
    assert any(problem in p for p in caught.value.problems)
