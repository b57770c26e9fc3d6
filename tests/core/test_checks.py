"""Every check outcome against the sandbox tenant (real HTTPS, real MSAL)."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, date, datetime, time, timedelta

import pytest

from core import logsetup, paths
from core.graph.connection import Connection
from core.tenant.checks import CheckStep, Verdict, run_checks

LATER = [CheckStep.GRAPH_READ, CheckStep.DOMAINS, CheckStep.SECRET_EXPIRY, CheckStep.ADMIN_ROLES]


def conn_for(sb, app_index: int = 0, **changes) -> tuple[Connection, str]:
    p = sb.connection_profile(app_index)
    fields = dict(tenant=p["tenant_id"], client_id=p["client_id"], login_url=p["login_url"],
                  graph_url=p["graph_url"], ca_bundle=p["ca_bundle"])
    fields.update(changes)
    return Connection(**fields), p["client_secret"]


def verdicts(report) -> dict[str, tuple[str, str]]:
    return {r.step.value: (r.verdict.value, r.code) for r in report.results}


def test_all_good(sandbox):
    seen = []
    conn, secret = conn_for(sandbox)
    report = run_checks(conn, secret, on_result=seen.append)
    assert report.passed
    assert [r.step for r in seen] == list(CheckStep)  # streamed in order
    assert verdicts(report) == {
        "tenant": ("ok", "tenant_found"), "credentials": ("ok", "credentials_ok"),
        "consent": ("ok", "consent_ok"), "graph_read": ("ok", "graph_read_ok"),
        "domains": ("unknown", "domains_unknown"), "secret_expiry": ("unknown", "secret_expiry_unknown"),
        "admin_roles": ("unknown", "admin_roles_unknown")}
    assert not [e for e in sandbox.audit() if "roleManagement" in e["path"]]  # not asked without the role
    assert report.user_count == len(sandbox.users) == 60
    assert report.tenant_id == sandbox.tenant_id and report.token_roles == ["User.ReadWrite.All"]
    assert report.domains is None
    reads = [e for e in sandbox.audit() if e["path"] == "/v1.0/users"]
    assert len(reads) == 1 and ("%24count=true" in reads[0]["query"] or "$count=true" in reads[0]["query"])
    assert not [e for e in sandbox.audit() if e["method"] in ("PATCH", "POST") and "/v1.0/" in e["path"]]


def _failed_then_skipped(report, step: CheckStep, code: str) -> None:
    steps = list(CheckStep)
    assert not report.passed
    result = report.result(step)
    assert (result.verdict, result.code) == (Verdict.FAILED, code)
    for later in steps[steps.index(step) + 1:]:
        assert (report.result(later).verdict, report.result(later).code) == \
            (Verdict.SKIPPED, "skipped_earlier_failed")


def test_wrong_tenant(sandbox):
    conn, secret = conn_for(sandbox, tenant="0badbad0-0000-4000-8000-000000000000")
    report = run_checks(conn, secret)
    _failed_then_skipped(report, CheckStep.TENANT, "tenant_not_found")
    assert report.result(CheckStep.TENANT).data["aadsts"] == 90002


def test_unknown_domain_as_tenant(sandbox):
    conn, secret = conn_for(sandbox, tenant="other-school.example")
    _failed_then_skipped(run_checks(conn, secret), CheckStep.TENANT, "tenant_not_found")


def test_domain_name_of_the_tenant_works(sandbox):
    domain = sandbox.directory.initial_domain
    conn, secret = conn_for(sandbox, tenant=domain)
    assert run_checks(conn, secret).passed


def test_malformed_tenant_never_reaches_the_network(sandbox):
    conn, secret = conn_for(sandbox, tenant="common")
    report = run_checks(conn, secret)
    _failed_then_skipped(report, CheckStep.TENANT, "input_invalid")
    assert report.result(CheckStep.TENANT).data["problems"] == ["tenant:tenant_multi_tenant_alias"]
    assert sandbox.audit() == []


def test_unknown_client(sandbox):
    conn, secret = conn_for(sandbox, client_id="12345678-1234-4234-8234-123456789abc")
    report = run_checks(conn, secret)
    assert report.result(CheckStep.TENANT).verdict == Verdict.OK
    _failed_then_skipped(report, CheckStep.CREDENTIALS, "app_not_found")
    assert report.result(CheckStep.CREDENTIALS).data["aadsts"] == 700016


def test_wrong_secret_gets_the_id_versus_value_hint(sandbox):
    from core.messages import hint_for

    conn, _ = conn_for(sandbox)
    report = run_checks(conn, "a1b2c3d4-0000-4000-8000-0000deadbeef")  # a secret's *ID* looks like this
    _failed_then_skipped(report, CheckStep.CREDENTIALS, "secret_invalid")
    assert report.result(CheckStep.CREDENTIALS).data["aadsts"] == 7000215
    assert "Value" in hint_for("secret_invalid")


def test_no_secret_at_all(sandbox):
    conn, _ = conn_for(sandbox)
    _failed_then_skipped(run_checks(conn, None), CheckStep.CREDENTIALS, "secret_missing")


def test_expired_secret(sandbox):
    sandbox.add_app(secret_expires=datetime.now(UTC) - timedelta(days=1))
    conn, secret = conn_for(sandbox, app_index=len(sandbox.apps) - 1)
    report = run_checks(conn, secret)
    _failed_then_skipped(report, CheckStep.CREDENTIALS, "secret_expired")
    assert report.result(CheckStep.CREDENTIALS).data["aadsts"] == 7000222


def test_missing_consent_skips_the_rest(sandbox):
    conn, secret = conn_for(sandbox, app_index=1)  # the sandbox's second app has no consent
    report = run_checks(conn, secret)
    _failed_then_skipped(report, CheckStep.CONSENT, "consent_missing")
    assert report.token_roles == [] and not [e for e in sandbox.audit() if e["path"].startswith("/v1.0/")]


def test_read_only_consent_is_not_enough(sandbox):
    conn, secret = conn_for(sandbox)
    sandbox.set_app_roles(conn.client_id, ["User.Read.All"])
    _failed_then_skipped(run_checks(conn, secret), CheckStep.CONSENT, "consent_missing")


def test_domains_when_domain_read_is_granted(sandbox):
    conn, secret = conn_for(sandbox)
    sandbox.set_app_roles(conn.client_id, ["User.ReadWrite.All", "Domain.Read.All"])
    report = run_checks(conn, secret)
    assert report.passed  # a federated domain is a warning, not a failure
    expected = [(d["id"], d["authenticationType"]) for d in sandbox.directory.domains]
    assert report.domains == expected
    federated = [name for name, kind in expected if kind == "Federated"]
    assert federated and report.result(CheckStep.DOMAINS).verdict == Verdict.WARNING
    assert report.result(CheckStep.DOMAINS).data["federated"] == federated


def test_secret_expiring_in_ten_days_from_the_date_the_admin_entered(sandbox):
    conn, secret = conn_for(sandbox, secret_expires=datetime.now(UTC).date() + timedelta(days=10))
    report = run_checks(conn, secret)
    result = report.result(CheckStep.SECRET_EXPIRY)
    assert (result.verdict, result.code, result.data["days_left"]) == (Verdict.WARNING, "secret_expiry_soon", 10)
    assert report.passed


def test_secret_expiry_read_from_graph_when_permitted(sandbox):
    sandbox.add_app(roles=["User.ReadWrite.All", "Application.Read.All"],
                    # midday UTC, ten calendar days ahead: the count is in days, whatever the hour now
                    secret_expires=datetime.combine(datetime.now(UTC).date() + timedelta(days=10),
                                                    time(12), tzinfo=UTC))
    conn, secret = conn_for(sandbox, app_index=len(sandbox.apps) - 1)
    result = run_checks(conn, secret).result(CheckStep.SECRET_EXPIRY)
    assert (result.verdict, result.data["source"], result.data["days_left"]) == (Verdict.WARNING, "graph", 10)


def test_a_past_expiry_date_fails_the_check(sandbox):
    conn, secret = conn_for(sandbox, secret_expires=date(2020, 1, 1))
    report = run_checks(conn, secret)
    assert report.result(CheckStep.SECRET_EXPIRY).verdict == Verdict.FAILED and not report.passed


def test_cancel_skips_what_is_left(sandbox):
    cancel = threading.Event()
    conn, secret = conn_for(sandbox)

    def on_result(result):
        if result.step == CheckStep.CREDENTIALS:
            cancel.set()

    report = run_checks(conn, secret, on_result=on_result, cancel=cancel)
    assert [r.verdict for r in report.results] == [Verdict.OK, Verdict.OK] + [Verdict.SKIPPED] * 5
    assert {r.code for r in report.results[2:]} == {"cancelled"}


def test_unreachable_login_is_a_network_error(sandbox):
    conn, secret = conn_for(sandbox, login_url="https://127.0.0.1:9")
    _failed_then_skipped(run_checks(conn, secret), CheckStep.TENANT, "network_error")


@pytest.mark.parametrize("bad_secret", [False, True])
def test_logs_hold_no_secret_or_token_after_a_check(sandbox, bad_secret):
    conn, secret = conn_for(sandbox)
    used = "wrong~" + secret if bad_secret else secret
    logsetup.setup_logging(logging.DEBUG)
    for name in ("msal", "urllib3", "core"):  # as chatty as it gets: the filter must still hold
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        run_checks(conn, used)
    finally:
        logsetup.close_logging()
        logsetup.quiet_noisy_loggers()
    text = "".join(p.read_text(encoding="utf-8") for p in paths.log_dir().iterdir())
    assert text  # the run did log
    assert used not in text and secret not in text
    assert "eyJ" not in text


def test_an_untrusted_certificate_is_named_as_such(sandbox):
    conn, secret = conn_for(sandbox, ca_bundle=None)  # the sandbox's CA is not trusted by default
    _failed_then_skipped(run_checks(conn, secret), CheckStep.TENANT, "tls_verify_failed")


def test_admin_roles_step_with_the_optional_permission(sandbox):
    """issue 10 §3: RoleManagement.Read.Directory known; a group whose members cannot be read warns."""
    from core.sandbox.graph import roles as graph_roles

    group = "0b9d5c3e-0000-4000-8000-00000000bbbb"
    direct = sum(1 for u in sandbox.users.values() if u["privilegedRole"])
    member = next(uid for uid, u in sandbox.users.items() if not u["privilegedRole"])
    sandbox.directory.groups[group] = {"id": group, "displayName": "Helpdesk", "isAssignableToRole": True,
                                       "members": [member]}
    graph_roles.add_assignment(sandbox.directory, group, "729827e3-9c14-49f7-bb1b-9608f156bbb8")
    client = sandbox.apps[0]["clientId"]
    sandbox.set_app_roles(client, ["User.ReadWrite.All", "RoleManagement.Read.Directory", "GroupMember.Read.All"])
    result = run_checks(*conn_for(sandbox)).result(CheckStep.ADMIN_ROLES)
    assert (result.verdict, result.code) == (Verdict.OK, "admin_roles_known")
    assert result.data == {"admins": direct + 1, "unread_groups": []}
    sandbox.set_app_roles(client, ["User.ReadWrite.All", "RoleManagement.Read.Directory"])
    report = run_checks(*conn_for(sandbox))
    result = report.result(CheckStep.ADMIN_ROLES)
    assert (result.verdict, result.code, result.detail) == (Verdict.WARNING, "admin_roles_groups_unread", "Helpdesk")
    assert report.passed  # optional: a warning never blocks
