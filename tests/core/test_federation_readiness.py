"""`federate check`'s readiness rows against the sandbox (issue 18 §1, graph-facts §15): every refusal
reason, each with its code, its numbers and a fix; and a ready domain that passes."""

from __future__ import annotations

import pytest
from federation_school import (
    ISSUER,
    admin_call,
    certificate_b64,
    federation_body,
    graph_for,
    metadata,
    metadata_file,
    school,
    user,
)
from federation_school import (
    SSO as SSO_URL,
)

from core.federation.readiness import Check, Inputs, judge, pending_swaps_from_journals
from core.federation.readiness import check_readiness as _check_readiness
from core.messages import readiness_fix, readiness_reason
from core.run.journal import Journal
from core.sandbox import facts
from core.tenant.checks import Verdict
from core.tenant.parked import temporary_upn


def check(tenant, tmp_path, domain="elev.example", text=None, **kwargs):
    graph, tokens = graph_for(tenant)
    return _check_readiness(graph, domain, metadata_file(tmp_path, text), token_roles=tokens.token().roles,
                            verify=tenant.ca_bundle, **kwargs)


def _row(readiness, check_):
    row = readiness.row(check_)
    assert readiness_reason(row) and "{" not in readiness_reason(row)  # every argument was filled in
    return row


def test_a_ready_domain_holds_on_every_row(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path)
    readiness = check(tenant, tmp_path, admin_upn="admin@skola.onmicrosoft.com")
    assert [(r.check, r.verdict, r.code) for r in readiness.rows] == [
        (Check.DOMAIN, Verdict.OK, "fed_domain_ok"), (Check.FEDERATION, Verdict.OK, "fed_state_managed"),
        (Check.METADATA, Verdict.OK, "fed_metadata_ok"), (Check.IMMUTABLE_IDS, Verdict.OK, "fed_users_ok"),
        (Check.SYNCED_USERS, Verdict.OK, "fed_synced_none"), (Check.ADMIN, Verdict.OK, "fed_admin_outside")]
    assert readiness.passed and readiness.row(Check.IMMUTABLE_IDS).args["members"] == 2  # not the guest/disabled
    assert readiness.metadata.entity_id == ISSUER and readiness.domain_info.name == "elev.example"
    writes = [e for e in tenant.audit() if e["method"] not in ("GET",) and "/token" not in e["path"]]
    assert writes == []  # a check writes nothing


@pytest.mark.parametrize(("domain", "code"), [
    ("skola.onmicrosoft.com", "fed_domain_initial"), ("skola.example", "fed_domain_default"),
    ("new.example", "fed_domain_unverified"), ("pupils.elev.example", "fed_domain_not_root"),
    ("nowhere.example", "fed_domain_not_found")])
def test_each_domain_rule_fails_with_its_reason_and_fix(sandbox_factory, tmp_path, domain, code):
    readiness = check(school(sandbox_factory, tmp_path), tmp_path, domain=domain)
    row = _row(readiness, Check.DOMAIN)
    assert (row.verdict, row.code) == (Verdict.FAILED, code) and not readiness.passed
    assert domain in readiness_reason(row) and readiness_fix(row)
    if code == "fed_domain_not_root":
        assert row.args["parent"] == "elev.example" and "elev.example" in readiness_fix(row)


def test_without_domain_read_the_domain_row_is_unknown(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path, roles=("User.ReadWrite.All",))
    readiness = check(tenant, tmp_path)
    assert _row(readiness, Check.DOMAIN).code == "fed_domains_unreadable"
    assert _row(readiness, Check.FEDERATION).code == "fed_state_unreadable"
    assert not readiness.passed and "Domain.Read.All" in readiness_fix(readiness.row(Check.DOMAIN))


def _federate(tenant, domain, body):
    answer = admin_call(tenant, "POST", f"domains/{domain}/federationConfiguration", body)
    assert answer.status_code in (201, 500), answer.text
    return answer


def test_a_domain_federated_with_another_idp_fails(sandbox_factory, tmp_path):
    readiness = check(school(sandbox_factory, tmp_path), tmp_path, domain="other.example")
    row = _row(readiness, Check.FEDERATION)
    assert (row.verdict, row.code) == (Verdict.FAILED, "fed_state_other_idp")
    assert row.args["issuer"] == "http://idp.other.example/adfs/services/trust"


def test_already_federated_with_exactly_this_idp_holds_and_any_difference_fails(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path)
    cert = certificate_b64()
    _federate(tenant, "elev.example", federation_body(cert))
    same = check(tenant, tmp_path, text=metadata(cert))
    assert _row(same, Check.FEDERATION).code == "fed_state_same_idp" and same.row(Check.FEDERATION).holds
    other_cert = check(tenant, tmp_path, text=metadata(certificate_b64()))
    row = _row(other_cert, Check.FEDERATION)
    assert (row.verdict, row.code, row.args["fields"]) == (Verdict.FAILED, "fed_state_same_idp_differs",
                                                           "signingCertificate")
    moved = check(tenant, tmp_path, text=metadata(cert, sso="https://idp.skolon.example/new"))
    assert _row(moved, Check.FEDERATION).args["fields"] == "passiveSignInUri"


def test_the_unmanageable_state_of_a_configuration_without_certificate_fails(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path)
    _federate(tenant, "elev.example", {**federation_body(certificate_b64()), "signingCertificate": None})
    assert facts.UNCONFIRMED["federation_without_certificate"] == "trap"
    row = _row(check(tenant, tmp_path), Check.FEDERATION)
    assert (row.verdict, row.code) == (Verdict.FAILED, "fed_state_unmanageable")
    assert "Microsoft support" in readiness_fix(row)


@pytest.mark.parametrize(("text", "code"), [
    ("<html/>", "metadata_not_saml"), ("not xml", "metadata_not_xml"),
    (None, "metadata_certificate_expired")])
def test_bad_metadata_fails_the_metadata_row(sandbox_factory, tmp_path, text, code):
    if text is None:
        text = metadata(certificate_b64(days=10, start_days_ago=40))
    readiness = check(school(sandbox_factory, tmp_path), tmp_path, text=text)
    row = _row(readiness, Check.METADATA)
    assert (row.verdict, row.code) == (Verdict.FAILED, code) and readiness_fix(row)
    assert not readiness.passed


def test_a_certificate_expiring_within_30_days_warns_but_holds(sandbox_factory, tmp_path):
    readiness = check(school(sandbox_factory, tmp_path), tmp_path, text=metadata(certificate_b64(days=20)),
                      admin_upn="admin@skola.onmicrosoft.com")
    row = _row(readiness, Check.METADATA)
    assert (row.verdict, row.code) == (Verdict.WARNING, "fed_metadata_expires_soon") and row.args["days"] < 20
    assert readiness.passed  # a warning holds


def test_members_without_an_immutable_id_fail_with_the_count(sandbox_factory, tmp_path):
    extra = [user(10 + i, f"p{i}@elev.example") for i in range(5)]
    readiness = check(school(sandbox_factory, tmp_path, extra_users=extra), tmp_path)
    row = _row(readiness, Check.IMMUTABLE_IDS)
    assert (row.verdict, row.code) == (Verdict.FAILED, "fed_users_missing_ids")
    assert (row.args["missing"], row.args["members"]) == (5, 7)
    assert "p0@elev.example" in row.args["examples"] and "and 2 more" in row.args["examples"]
    assert "apply" in readiness_fix(row)


def test_a_value_too_long_for_a_saml_nameid_warns(sandbox_factory, tmp_path):
    extra = [user(20, "long@elev.example", onPremisesImmutableId="x" * 65)]
    row = _row(check(school(sandbox_factory, tmp_path, extra_users=extra), tmp_path), Check.IMMUTABLE_IDS)
    assert (row.verdict, row.code, row.args["count"]) == (Verdict.WARNING, "fed_users_ids_too_long", 1)


def test_synced_users_in_the_domain_fail(sandbox_factory, tmp_path):
    extra = [user(30, "sync@elev.example", onPremisesImmutableId="s-1", onPremisesSyncEnabled=True)]
    row = _row(check(school(sandbox_factory, tmp_path, extra_users=extra), tmp_path), Check.SYNCED_USERS)
    assert (row.verdict, row.code, row.args["count"]) == (Verdict.FAILED, "fed_synced_users", 1)


def test_a_user_left_on_a_temporary_upn_by_an_unfinished_swap_fails(sandbox_factory, tmp_path):
    temp = temporary_upn("fia@elev.example", "skola.onmicrosoft.com")
    parked = user(40, temp, mail="fia@elev.example")
    tenant = school(sandbox_factory, tmp_path, extra_users=[parked])
    journal = Journal(tmp_path / "run", header={"kind": "apply", "tenant": tenant.tenant_id})
    journal.swap(parked["id"], "out", "fia@elev.example", temp, "fia-1")
    journal.close()  # killed between the steps: no outcome for fia
    pending = pending_swaps_from_journals([(tmp_path / "run", Journal.replay(tmp_path / "run" / "journal.jsonl"))])
    assert pending == {parked["id"]: temp}
    row = _row(check(tenant, tmp_path, pending_swaps=pending), Check.SYNCED_USERS)
    assert (row.verdict, row.code, row.args["count"]) == (Verdict.FAILED, "fed_swap_unfinished", 1)
    # without the journal (another machine's run) the tenant's marker still proves it
    row = _row(check(tenant, tmp_path), Check.SYNCED_USERS)
    assert (row.verdict, row.code, row.args["count"]) == (Verdict.FAILED, "fed_swap_unfinished", 1)
    assert temp in row.args["examples"]


def test_a_marker_whose_own_upn_cannot_be_told_warns_and_a_plain_initial_domain_account_does_not(
        sandbox_factory, tmp_path):
    lost = user(41, temporary_upn("gus@gone.example", "skola.onmicrosoft.com"), mail=None)
    plain = user(42, "it@skola.onmicrosoft.com", mail="it@elev.example")
    row = _row(check(school(sandbox_factory, tmp_path, extra_users=[lost, plain]), tmp_path), Check.SYNCED_USERS)
    assert (row.verdict, row.code, row.args["count"]) == (Verdict.WARNING, "fed_swap_suspected", 1)
    assert lost["userPrincipalName"] in row.args["examples"] and "it@" not in row.args["examples"]


def test_the_admin_who_will_sign_in_must_not_be_in_the_domain(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path)
    row = _row(check(tenant, tmp_path, admin_upn="boss@elev.example"), Check.ADMIN)
    assert (row.verdict, row.code) == (Verdict.FAILED, "fed_admin_in_domain")
    row = _row(check(tenant, tmp_path), Check.ADMIN)
    assert (row.verdict, row.code) == (Verdict.WARNING, "fed_admin_not_given") and row.holds


def test_without_admin_given_role_holders_in_the_domain_are_named(sandbox_factory, tmp_path):
    extra = [user(50, "rektor@elev.example", onPremisesImmutableId="r-1", privilegedRole=True)]
    tenant = school(sandbox_factory, tmp_path, extra_users=extra,
                    roles=("User.ReadWrite.All", "Domain.Read.All", "RoleManagement.Read.Directory"))
    row = _row(check(tenant, tmp_path), Check.ADMIN)
    assert (row.code, row.args["examples"]) == ("fed_admin_not_given_admins_in_domain", "rektor@elev.example")


def test_judge_needs_no_network():
    inputs = Inputs("elev.example", None, None, None, None, None, None, None)
    readiness = judge(inputs)
    assert [(r.check, r.verdict) for r in readiness.rows] == [
        (Check.DOMAIN, Verdict.UNKNOWN), (Check.FEDERATION, Verdict.UNKNOWN), (Check.METADATA, Verdict.UNKNOWN),
        (Check.IMMUTABLE_IDS, Verdict.UNKNOWN), (Check.SYNCED_USERS, Verdict.UNKNOWN), (Check.ADMIN, Verdict.WARNING)]
    assert not readiness.passed


def test_the_body_to_post_always_carries_the_certificate_and_saml(sandbox_factory, tmp_path):
    from core.federation.domains import configuration_body
    from core.federation.metadata import MetadataError, parse_metadata

    cert = certificate_b64()
    body = configuration_body(parse_metadata(metadata(cert).encode()), display_name="Skolon", mfa="enforce")
    assert body == {"displayName": "Skolon", "issuerUri": ISSUER, "passiveSignInUri": SSO_URL,
                    "signingCertificate": cert, "preferredAuthenticationProtocol": "saml",
                    "federatedIdpMfaBehavior": "enforceMfaByFederatedIdp"}
    tenant = school(sandbox_factory, tmp_path)
    assert admin_call(tenant, "POST", "domains/elev.example/federationConfiguration", body).status_code == 201
    readiness = check(tenant, tmp_path, text=metadata(cert))
    assert readiness.row(Check.FEDERATION).code == "fed_state_same_idp"  # what we post is what check accepts
    expired = parse_metadata(metadata(certificate_b64(days=5, start_days_ago=30)).encode(), require_valid=False)
    with pytest.raises(MetadataError):
        configuration_body(expired)
