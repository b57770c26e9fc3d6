"""The sandbox plays Entra's part in federating a domain (graph-facts §15): domains with their flags, the
domain's federationConfiguration with Microsoft's rules and errors, the permission and role checks, the
trap of a configuration without a signing certificate, and users in a federated domain."""

from __future__ import annotations

import json

import msal
import pytest
from federation_helpers import call, delegated_token, federation_body, seed_file, user

from core.graph.auth import decode_claims
from core.graph.http import VerifyingSession
from core.sandbox import facts
from core.sandbox.data import SeedError, load_seed

UF = facts.UNCONFIRMED
SCHOOL = [{"id": "skola.example"}, {"id": "elev.example"}, {"id": "fed.example", "authenticationType": "Federated"},
          {"id": "pupils.elev.example"}, {"id": "new.example", "isVerified": False}]


@pytest.fixture
def school(sandbox_factory, tmp_path):
    """skola.example (default), elev.example (federatable), fed.example (federated), pupils.elev.example
    (a subdomain), new.example (unverified), skola.onmicrosoft.com (initial); home realm changes at once."""
    users = [user(1, "ada@elev.example"), user(2, "bo@elev.example", onPremisesImmutableId="x1"),
             user(3, "cy@skola.example")]
    tenant = sandbox_factory(seed_path=seed_file(tmp_path, SCHOOL, users))
    tenant.config.federation_delay_s = 0
    return tenant


def _domain(tenant, name):
    return next(d for d in tenant.directory.domains if d["id"] == name)


# --- domains and their flags -----------------------------------------------------------------------
def test_seed_domains_get_the_flags_with_defaults_that_keep_old_seeds_working(tmp_path):
    directory = load_seed(seed_file(tmp_path, SCHOOL))
    flags = {d["id"]: (d["isDefault"], d["isVerified"], d["isRoot"], d["isInitial"], d["authenticationType"])
             for d in directory.domains}
    assert flags == {"skola.example": (True, True, True, False, "Managed"),
                     "elev.example": (False, True, True, False, "Managed"),
                     "fed.example": (False, True, True, False, "Federated"),
                     "pupils.elev.example": (False, True, False, False, "Managed"),
                     "new.example": (False, False, True, False, "Managed"),
                     "skola.onmicrosoft.com": (False, True, True, True, "Managed")}


def test_an_explicit_default_and_root_win(tmp_path):
    domains = [{"id": "skola.example"}, {"id": "elev.example", "isDefault": True},
               {"id": "pupils.elev.example", "isRoot": True}]
    directory = load_seed(seed_file(tmp_path, domains))
    assert [d["id"] for d in directory.domains if d["isDefault"]] == ["elev.example"]
    assert _domain_flag(directory, "pupils.elev.example", "isRoot") is True


def _domain_flag(directory, name, flag):
    return next(d[flag] for d in directory.domains if d["id"] == name)


@pytest.mark.parametrize(("domains", "problem"), [
    ([{"id": "a.example", "isDefault": True}, {"id": "b.example", "isDefault": True}], "only one domain can be the default"),
    ([{"id": "a.example", "isDefault": True, "authenticationType": "Federated"}], "default domain must be verified and managed"),
    ([{"id": "a.example", "isVerified": False, "authenticationType": "Federated"}], "unverified domain cannot be federated"),
    ([{"id": "a.example", "isInitial": True}], "only a <name>.onmicrosoft.com domain can be the initial"),
    ([{"id": "a.example", "isRoot": "yes"}], "isRoot: must be true or false"),
    ([{"id": "a.example", "federationConfiguration": {"issuerUri": "x"}}], "needs authenticationType Federated"),
])
def test_inconsistent_domain_flags_are_refused_with_what_to_fix(tmp_path, domains, problem):
    with pytest.raises(SeedError) as caught:
        load_seed(seed_file(tmp_path, domains))
    assert any(problem in p for p in caught.value.problems), caught.value.problems


def test_graph_lists_domains_with_the_flags(school):
    school.set_app_roles(school.apps[0]["clientId"], ["User.ReadWrite.All", "Domain.Read.All"])
    token = school.mint.mint(school.apps[0]["clientId"], "obj", ["Domain.Read.All"], 3600)
    listed = {d["id"]: d for d in call(school, token, "GET", "domains").json()["value"]}
    assert listed["pupils.elev.example"]["isRoot"] is False and listed["new.example"]["isVerified"] is False
    assert listed["skola.onmicrosoft.com"]["isInitial"] is True and listed["skola.example"]["isDefault"] is True


# --- reading a configuration ----------------------------------------------------------------------
def test_a_managed_domain_answers_404_and_a_federated_one_its_configuration(school):
    token = delegated_token(school)
    managed = call(school, token, "GET", "domains/elev.example/federationConfiguration")
    assert managed.status_code == 404 and managed.json()["error"]["code"] == "Request_ResourceNotFound"
    assert "Resource 'federationConfiguration' does not exist" in managed.json()["error"]["message"]
    federated = call(school, token, "GET", "domains/fed.example/federationConfiguration").json()["value"]
    assert len(federated) == 1 and federated[0]["id"] and federated[0]["signingCertificate"]
    single = call(school, token, "GET", f"domains/fed.example/federationConfiguration/{federated[0]['id']}")
    assert single.status_code == 200 and single.json()["issuerUri"] == federated[0]["issuerUri"]
    assert call(school, token, "GET", "domains/nope.example/federationConfiguration").status_code == 404


def test_app_only_reads_need_a_domain_read_permission(school):
    app = school.apps[0]["clientId"]
    without = school.mint.mint(app, "obj", ["User.ReadWrite.All"], 3600)
    assert call(school, without, "GET", "domains/fed.example/federationConfiguration").status_code == 403
    for permission in ("Domain.Read.All", "Domain-InternalFederation.Read.All"):
        token = school.mint.mint(app, "obj", [permission], 3600)
        assert call(school, token, "GET", "domains/fed.example/federationConfiguration").status_code == 200


# --- creating one: the rules ------------------------------------------------------------------------
@pytest.mark.parametrize(("domain", "rule"), [
    ("skola.onmicrosoft.com", "initial"), ("skola.example", "default"), ("new.example", "unverified"),
    ("pupils.elev.example", "not_root"), ("fed.example", "already_federated")])
def test_post_refuses_what_microsoft_refuses(school, domain, rule):
    before = json.dumps(school.directory.domains, sort_keys=True)
    answer = call(school, delegated_token(school), "POST", f"domains/{domain}/federationConfiguration", federation_body())
    status, code, message = UF["federation_refusals"][rule]
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)
    assert answer.json()["error"]["message"] == message.format(domain=domain)
    assert json.dumps(school.directory.domains, sort_keys=True) == before  # nothing changed


@pytest.mark.parametrize(("changes", "prop"), [
    ({"issuerUri": None}, "issuerUri"), ({"passiveSignInUri": "http://idp.example/sso"}, "passiveSignInUri"),
    ({"preferredAuthenticationProtocol": "oidc"}, "preferredAuthenticationProtocol"),
    ({"federatedIdpMfaBehavior": "always"}, "federatedIdpMfaBehavior"),
    ({"signingCertificate": "bm90IGEgY2VydGlmaWNhdGU="}, "signingCertificate")])
def test_post_refuses_a_bad_body_and_changes_nothing(school, changes, prop):
    answer = call(school, delegated_token(school), "POST", "domains/elev.example/federationConfiguration", federation_body(**changes))
    assert answer.status_code == 400 and prop in answer.json()["error"]["message"]
    assert _domain(school, "elev.example")["authenticationType"] == "Managed"


def test_two_domains_cannot_share_an_issuer(school):
    issuer = school.directory.federations["fed.example"]["issuerUri"]
    answer = call(school, delegated_token(school), "POST", "domains/elev.example/federationConfiguration",
                   federation_body(issuerUri=issuer))
    assert answer.status_code == 400 and "fed.example" in answer.json()["error"]["message"]


# --- who may ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", sorted(facts.FEDERATION_ADMIN_ROLES))
def test_each_federation_role_may_federate(school, role):
    answer = call(school, delegated_token(school, role), "POST", "domains/elev.example/federationConfiguration", federation_body())
    assert answer.status_code == 201, answer.text


@pytest.mark.parametrize(("role", "scopes"), [
    ("User", ("Domain-InternalFederation.ReadWrite.All",)),
    ("Application Administrator", ("Domain-InternalFederation.ReadWrite.All",)),
    ("Global Reader", ("Domain-InternalFederation.ReadWrite.All",)),
    ("Global Administrator", ("Domain.Read.All",)),
    ("Global Administrator", ("Application.ReadWrite.All",))])
def test_a_missing_role_or_scope_is_403_and_changes_nothing(school, role, scopes):
    answer = call(school, delegated_token(school, role, scopes), "POST", "domains/elev.example/federationConfiguration",
                   federation_body())
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "Authorization_RequestDenied"
    assert _domain(school, "elev.example")["authenticationType"] == "Managed"


def test_a_global_reader_may_read_but_not_write(school):
    token = delegated_token(school, "Global Reader", ("Domain.Read.All",))
    assert call(school, token, "GET", "domains/fed.example/federationConfiguration").status_code == 200


def test_app_only_writes_need_the_federation_permission(school):
    app = school.apps[0]["clientId"]
    for roles, status in ((["Domain.Read.All", "User.ReadWrite.All"], 403),
                          (["Domain-InternalFederation.ReadWrite.All"], 201)):
        token = school.mint.mint(app, "obj", roles, 3600)
        answer = call(school, token, "POST", "domains/elev.example/federationConfiguration", federation_body())
        assert answer.status_code == status


def test_the_interactive_sign_in_carries_the_role_and_scope(sandbox_factory, tmp_path, browser):
    accounts = [{"userPrincipalName": "dna@skola.onmicrosoft.com", "role": "Domain Name Administrator"},
                {"userPrincipalName": "staff@skola.onmicrosoft.com", "role": "User"}]
    tenant = sandbox_factory(seed_path=seed_file(tmp_path, SCHOOL, accounts=accounts))
    results = {}
    for upn in ("dna@skola.onmicrosoft.com", "staff@skola.onmicrosoft.com"):
        browser.ca_bundle, browser.account = tenant.ca_bundle, upn
        app = msal.PublicClientApplication(facts.SIGN_IN_CLIENT_ID, authority=tenant.authority,
                                           http_client=VerifyingSession(tenant.ca_bundle), instance_discovery=False)
        result = app.acquire_token_interactive([f"{tenant.url}/Domain-InternalFederation.ReadWrite.All"], timeout=30)
        claims = decode_claims(result["access_token"])
        assert claims["scp"] == "Domain-InternalFederation.ReadWrite.All" and claims["upn"] == upn
        results[upn] = (claims["wids"], call(tenant, result["access_token"], "POST",
                                              "domains/elev.example/federationConfiguration", federation_body()).status_code)
    assert results["dna@skola.onmicrosoft.com"] == ([facts.ROLE_TEMPLATE_IDS["Domain Name Administrator"]], 201)
    assert results["staff@skola.onmicrosoft.com"] == ([], 403)


# --- the life of a configuration -------------------------------------------------------------------
def test_federate_read_change_and_go_back_to_managed(school):
    token = delegated_token(school)
    created = call(school, token, "POST", "domains/elev.example/federationConfiguration", federation_body())
    assert created.status_code == 201 and created.json()["preferredAuthenticationProtocol"] == "saml"
    fid = created.json()["id"]
    assert _domain(school, "elev.example")["authenticationType"] == "Federated"
    read = call(school, token, "GET", "domains/elev.example/federationConfiguration").json()["value"][0]
    assert {k: read[k] for k in federation_body()} == {k: created.json()[k] for k in federation_body()}
    patched = call(school, token, "PATCH", f"domains/elev.example/federationConfiguration/{fid}",
                    {"passiveSignInUri": "https://idp.skolon.example/sso2", "federatedIdpMfaBehavior": "rejectMfaByFederatedIdp"})
    assert patched.status_code == 204
    read = call(school, token, "GET", f"domains/elev.example/federationConfiguration/{fid}").json()
    assert read["passiveSignInUri"] == "https://idp.skolon.example/sso2"
    assert call(school, token, "PATCH", "domains/elev.example/federationConfiguration/nope", {}).status_code == 404
    assert call(school, token, "DELETE", f"domains/elev.example/federationConfiguration/{fid}").status_code == 204
    assert _domain(school, "elev.example")["authenticationType"] == "Managed"
    assert call(school, token, "GET", "domains/elev.example/federationConfiguration").status_code == 404
    writes = [(e["method"], e["status"]) for e in school.audit() if "federationConfiguration" in e["path"]
              and e["method"] != "GET"]
    assert writes == [("POST", 201), ("PATCH", 204), ("PATCH", 404), ("DELETE", 204)]


def test_users_of_a_newly_federated_domain_are_federated_users(school):
    app = school.apps[0]["clientId"]
    writer = school.mint.mint(app, "obj", ["User.ReadWrite.All"], 3600)
    ada = next(uid for uid, u in school.users.items() if u["userPrincipalName"] == "ada@elev.example")
    assert call(school, delegated_token(school), "POST", "domains/elev.example/federationConfiguration", federation_body()).ok
    answer = call(school, writer, "PATCH", f"users/{ada}", {"onPremisesImmutableId": "ada-1"})
    assert answer.status_code == UF["federated_status"] and answer.json()["error"]["message"] == UF["federated_message"]
    assert school.users[ada]["onPremisesImmutableId"] is None


def test_the_trap_a_configuration_without_certificate_errors_yet_federates(school):
    assert UF["federation_without_certificate"] == "trap"
    token = delegated_token(school)
    answer = call(school, token, "POST", "domains/elev.example/federationConfiguration",
                   federation_body(signingCertificate=None))
    status, code, _message = UF["federation_trap_error"]
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)
    assert _domain(school, "elev.example")["authenticationType"] == "Federated"  # ... and yet
    assert call(school, token, "GET", "domains/elev.example/federationConfiguration").status_code == 404
    assert call(school, token, "DELETE", "domains/elev.example/federationConfiguration/any").status_code == 404
    again = call(school, token, "POST", "domains/elev.example/federationConfiguration", federation_body())
    assert again.status_code == UF["federation_refusals"]["already_federated"][0]
    audit = [e for e in school.audit() if e["method"] == "POST"]
    assert audit[0]["applied"] is True  # the audit shows the error answer changed the directory
    school.set_domain_authentication("elev.example", "Managed")  # the way out (MSOnline's, in its day)
    assert call(school, token, "POST", "domains/elev.example/federationConfiguration", federation_body()).status_code == 201


def test_without_the_trap_a_missing_certificate_is_a_plain_refusal(school, monkeypatch):
    monkeypatch.setitem(UF, "federation_without_certificate", "refuse")
    answer = call(school, delegated_token(school), "POST", "domains/elev.example/federationConfiguration",
                   federation_body(signingCertificate=None))
    assert answer.status_code == 400 and "signingCertificate" in answer.json()["error"]["message"]
    assert _domain(school, "elev.example")["authenticationType"] == "Managed"


def test_federation_keys_policy_and_the_idp_live_on_in_the_state_file(sandbox_factory, tmp_path):
    """A saved tenant keeps what this issue added (the demo lives on between launches): the domain's
    federation and its home-realm lag, an app's certificate, the seed's policy, the demo IdP."""
    from core.sandbox import SandboxTenant
    from core.setup.certificates import make_certificate

    policy = {"passwordCredentials": [{"restrictionType": "passwordAddition"}]}
    first = sandbox_factory(seed_path=seed_file(tmp_path, SCHOOL, appManagementPolicy=policy))
    first.config.federation_delay_s = 3600
    path = tmp_path / "tenant.jsonl"
    first.save_state(path)
    created = call(first, delegated_token(first), "POST", "domains/elev.example/federationConfiguration",
                   federation_body())
    assert created.status_code == 201
    cert = make_certificate("kept")
    first.add_app_certificate(first.apps[0]["clientId"], cert.cert_pem)
    idp = dict(first.idp)
    first.stop()

    second = SandboxTenant.load_state(path).start()
    try:
        second.config.federation_delay_s = 3600
        assert second.directory.federations["elev.example"]["id"] == created.json()["id"]
        assert _domain(second, "elev.example")["authenticationType"] == "Federated"
        realm = VerifyingSession(second.ca_bundle).get(f"{second.url}/common/userrealm/ada@elev.example").json()
        assert realm["NameSpaceType"] == "Managed"  # still replicating: the lag survived the restart
        assert second.find_app(second.apps[0]["clientId"]).keys[0].thumbprint == cert.thumbprint
        assert second.directory.app_policy["block_secrets"] is True and second.idp == idp
        result = msal.ConfidentialClientApplication(
            second.apps[0]["clientId"], client_credential=cert.msal_credential(), authority=second.authority,
            http_client=VerifyingSession(second.ca_bundle), instance_discovery=False,
        ).acquire_token_for_client(["https://graph.microsoft.com/.default"])
        assert "access_token" in result, result
    finally:
        second.stop()
