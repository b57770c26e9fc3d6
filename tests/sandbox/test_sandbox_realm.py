"""The public home-realm endpoint (graph-facts §15): `Managed` until the replication delay has passed after
a change, then `Federated` with the IdP's sign-in URL, and back after a DELETE with the same delay; and the
demo IdP's metadata document."""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET  # noqa: S405 (our own sandbox's document, in a test)
from urllib.parse import urlsplit

from federation_helpers import SSO, call, delegated_token, federation_body
from sandbox_helpers import FakeClock

from core.graph.http import VerifyingSession
from core.sandbox.command import build_config, register
from core.sandbox.config import SandboxConfig


def _realm(tenant, upn):
    session = VerifyingSession(tenant.ca_bundle)
    answer = session.get(f"{tenant.url}/common/userrealm/{upn}", params={"api-version": "2.1"})
    assert answer.status_code == 200
    return answer.json()


def _base(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def test_userrealm_says_managed_until_the_change_has_replicated(sandbox_factory):
    clock = FakeClock()
    tenant = sandbox_factory(users=20, clock=clock, config=SandboxConfig(federation_delay_s=30))
    upn = "nisse@nordskolan.example"
    tenant.directory.domains[0]["isDefault"] = False  # nordskolan.example may be federated in this test
    assert _realm(tenant, upn)["NameSpaceType"] == "Managed"
    token = delegated_token(tenant)
    created = call(tenant, token, "POST", "domains/nordskolan.example/federationConfiguration", federation_body())
    assert created.status_code == 201
    clock.now += 29.5
    assert _realm(tenant, upn)["NameSpaceType"] == "Managed" and "AuthURL" not in _realm(tenant, upn)
    clock.now += 0.5
    realm = _realm(tenant, upn)
    assert realm["NameSpaceType"] == "Federated" and _base(realm["AuthURL"]) == SSO
    assert realm["Login"] == upn and realm["DomainName"] == "nordskolan.example"
    fid = created.json()["id"]
    assert call(tenant, token, "DELETE", f"domains/nordskolan.example/federationConfiguration/{fid}").status_code == 204
    clock.now += 10
    assert _realm(tenant, upn)["NameSpaceType"] == "Federated"  # the world has not seen the undo yet
    clock.now += 20
    assert _realm(tenant, upn)["NameSpaceType"] == "Managed"
    assert [e["path"] for e in tenant.audit() if "userrealm" in e["path"]][0] == f"/common/userrealm/{upn}"


def test_a_zero_delay_answers_at_once_and_unknown_domains_are_unknown(sandbox_factory):
    tenant = sandbox_factory(users=20, config=SandboxConfig(federation_delay_s=0))
    tenant.directory.domains[0]["isDefault"] = False
    call(tenant, delegated_token(tenant), "POST", "domains/nordskolan.example/federationConfiguration", federation_body())
    assert _realm(tenant, "a@nordskolan.example")["NameSpaceType"] == "Federated"
    assert _realm(tenant, "a@elsewhere.example")["NameSpaceType"] == "Unknown"
    seeded = _realm(tenant, "a@fjordskolan.example")  # the synthetic school's federated domain
    assert seeded["NameSpaceType"] == "Federated" and seeded["AuthURL"].startswith("https://idp.fjordskolan.example/")


def test_a_changed_sign_in_url_replicates_too(sandbox_factory):
    clock = FakeClock()
    tenant = sandbox_factory(users=20, clock=clock, config=SandboxConfig(federation_delay_s=10))
    tenant.directory.domains[0]["isDefault"] = False
    token = delegated_token(tenant)
    fid = call(tenant, token, "POST", "domains/nordskolan.example/federationConfiguration", federation_body()).json()["id"]
    clock.now += 10
    call(tenant, token, "PATCH", f"domains/nordskolan.example/federationConfiguration/{fid}",
          {"passiveSignInUri": "https://idp.skolon.example/new"})
    assert _base(_realm(tenant, "a@nordskolan.example")["AuthURL"]) == SSO
    clock.now += 10
    assert _base(_realm(tenant, "a@nordskolan.example")["AuthURL"]) == "https://idp.skolon.example/new"


def test_the_default_delay_is_a_few_seconds_and_the_command_takes_an_option():
    assert 0 < SandboxConfig().federation_delay_s <= 10
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["sandbox", "--federation-delay", "0"])
    assert build_config(args).federation_delay_s == 0
    args = parser.parse_args(["sandbox", "--federation-delay", "-1"])
    try:
        build_config(args)
    except ValueError as exc:
        assert "--federation-delay" in str(exc)
    else:
        raise AssertionError("a negative delay was accepted")


def test_the_demo_idp_metadata_is_served_and_names_issuer_sso_and_certificate(sandbox):
    answer = VerifyingSession(sandbox.ca_bundle).get(sandbox.connection_profile()["idp_metadata_url"])
    assert answer.status_code == 200 and "samlmetadata" in answer.headers["Content-Type"]
    root = ET.fromstring(answer.content)  # noqa: S314
    md, ds = "{urn:oasis:names:tc:SAML:2.0:metadata}", "{http://www.w3.org/2000/09/xmldsig#}"
    assert root.tag == md + "EntityDescriptor" and root.get("entityID") == sandbox.idp["entityId"]
    sso = root.find(f"{md}IDPSSODescriptor/{md}SingleSignOnService")
    assert sso is not None and sso.get("Location") == sandbox.idp["ssoUrl"]
    cert = root.find(f"{md}IDPSSODescriptor/{md}KeyDescriptor/{ds}KeyInfo/{ds}X509Data/{ds}X509Certificate")
    assert "".join(cert.text.split()) == sandbox.idp["certificate"]
    assert sandbox.idp is sandbox.directory.idp  # made once, kept as plain data
    assert VerifyingSession(sandbox.ca_bundle).get(sandbox.idp_metadata_url).content == answer.content
