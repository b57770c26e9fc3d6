"""core.graph.signin and core.setup.appreg against the sandbox tenant, through real MSAL and the stand-in browser."""

from __future__ import annotations

import pytest

from core.graph.connection import Connection
from core.graph.signin import SignInError, sign_in
from core.sandbox import facts
from core.sandbox.data import Account
from core.setup.appreg import AppRegError, Options, create


def _base(tenant, browser) -> Connection:
    browser.ca_bundle = tenant.ca_bundle
    return Connection(tenant.tenant_id, "", login_url=tenant.url, graph_url=tenant.url, ca_bundle=tenant.ca_bundle)


def test_the_sign_in_address_is_shown_and_is_what_the_browser_opened(sandbox, browser):
    shown = []
    signed = sign_in(_base(sandbox, browser), shown.append, timeout=30)
    assert shown == browser.opened and len(shown) == 1
    assert "response_mode=form_post" in shown[0] and "code_challenge_method=S256" in shown[0]
    assert signed.upn == sandbox.directory.admin.upn and signed.tenant_id == sandbox.tenant_id


def test_a_closed_browser_window_is_a_timeout(sandbox, browser):
    browser.action = "close"
    with pytest.raises(SignInError) as caught:
        sign_in(_base(sandbox, browser), lambda url: None, timeout=1)
    assert caught.value.code == "signin_timeout"


def test_role_ids_come_from_graphs_service_principal(sandbox, browser, monkeypatch):
    # Graph's ids are looked up at run time: a tenant answering other ids gets those ids used.
    roles = dict(facts.GRAPH_APP_ROLES, **{"User.ReadWrite.All": "11111111-2222-4333-8444-555555555555"})
    monkeypatch.setattr(facts, "GRAPH_APP_ROLES", roles)
    base = _base(sandbox, browser)
    new = create(base, sign_in(base, lambda url: None, timeout=30).token, Options(optional_roles=()),
                 lambda code, values: None)
    app = next(a for a in sandbox.directory.apps if a.client_id == new.connection.client_id)
    assert [r["id"] for r in app.required[0]["resourceAccess"]] == ["11111111-2222-4333-8444-555555555555"]
    assert app.roles_at(sandbox.clock()) == ["User.ReadWrite.All"]


def test_an_app_admin_without_consent_rights_learns_what_was_created(sandbox, browser):
    sandbox.directory.accounts.append(Account("apps@nordskolan.example", "Apps", "Application Administrator",
                                              "a0000000-0000-4000-8000-000000000001"))
    browser.account = "apps@nordskolan.example"
    base = _base(sandbox, browser)
    with pytest.raises(AppRegError) as caught:
        create(base, sign_in(base, lambda url: None, timeout=30).token, Options(), lambda code, values: None)
    error = caught.value
    assert error.code == "appreg_consent_forbidden"
    assert [c.kind for c in error.created] == ["application", "service_principal", "client_secret"]
    assert error.client_id and error.client_id in [a.client_id for a in sandbox.directory.apps]
    assert all(p.secret not in repr(error.__dict__) for a in sandbox.directory.apps for p in a.passwords)


def test_graph_steps_that_meet_an_unreplicated_object_are_retried(sandbox_factory, browser):
    """graph-facts §10: POST /servicePrincipals and appRoleAssignedTo may answer 400/404 "does not
    reference / does not exist" for seconds after the object was made; creation retries with backoff."""
    import time

    from core.sandbox.config import SandboxConfig

    offset = [0.0]
    tenant = sandbox_factory(users=3, config=SandboxConfig(directory_lag_s=5),
                             clock=lambda: time.time() + offset[0])
    base = _base(tenant, browser)
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        offset[0] += seconds

    new = create(base, sign_in(base, lambda url: None, timeout=30).token, Options(optional_roles=()),
                 lambda code, values: None, sleep=sleep)
    assert len(waits) >= 2  # one wait for the service principal, one for the consent
    refused = [e for e in tenant.audit() if e["status"] in (400, 404)]
    assert {e["path"].rsplit("/", 1)[-1] for e in refused} == {"servicePrincipals", "appRoleAssignedTo"}
    app = next(a for a in tenant.directory.apps if a.client_id == new.connection.client_id)
    assert app.sp_id and app.roles_at(tenant.clock()) == ["User.ReadWrite.All"]
