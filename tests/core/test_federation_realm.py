"""The home-realm check (graph-facts §15): polls Entra's public userrealm endpoint until it says Federated
with the IdP's URL (or Managed again), with progress, a cancel and a timeout; a failed read is retried."""

from __future__ import annotations

import threading

from federation_school import SSO, admin_call, certificate_b64, federation_body, school

from core.federation.realm import (
    FEDERATED,
    MANAGED,
    RealmError,
    read_realm,
    same_sign_in_url,
    wait_for_realm,
)
from core.graph.http import VerifyingSession


class Ticks:
    """The waiting side's monotonic clock."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FakeCancel(threading.Event):
    """wait(t) advances the fake clocks by t (the sandbox's too) and returns at once."""

    def __init__(self, clocks) -> None:
        super().__init__()
        self.clocks = clocks

    def wait(self, timeout=None) -> bool:
        for clock in self.clocks:
            clock.now += timeout or 0
        return self.is_set()


class SandboxClock:
    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


def test_same_sign_in_url_ignores_entras_query_and_case():
    assert same_sign_in_url(f"{SSO}?username=a%40b&wa=wsignin1.0", SSO)
    assert same_sign_in_url("HTTPS://IDP.Skolon.example/saml2/idp/SSOService/", SSO)
    assert not same_sign_in_url("https://idp.skolon.example/other", SSO)
    assert not same_sign_in_url(None, SSO) and not same_sign_in_url(SSO, None)


def test_waiting_ends_when_the_change_has_replicated(sandbox_factory, tmp_path):
    clock = SandboxClock()
    tenant = school(sandbox_factory, tmp_path, clock=clock, delay_s=45)
    assert admin_call(tenant, "POST", "domains/elev.example/federationConfiguration",
                      federation_body(certificate_b64())).status_code == 201
    ticks = Ticks()
    seen = []
    result = wait_for_realm(tenant.url, "ada@elev.example", FEDERATED, SSO, session=VerifyingSession(tenant.ca_bundle),
                            timeout_s=300, interval_s=10, progress=seen.append,
                            cancel=FakeCancel([ticks, clock]), clock=ticks)
    assert result.reached and not result.timed_out and result.attempts == 6  # 0, 10, ... 50 s
    assert [p.last.namespace_type for p in seen] == [MANAGED] * 5 + [FEDERATED]
    assert result.last.auth_url.startswith(SSO + "?") and seen[-1].elapsed_s == 50


def test_a_timeout_says_what_was_last_seen(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path)
    ticks = Ticks()
    result = wait_for_realm(tenant.url, "ada@elev.example", FEDERATED, SSO, session=VerifyingSession(tenant.ca_bundle),
                            timeout_s=30, interval_s=10, cancel=FakeCancel([ticks]), clock=ticks)
    assert result.timed_out and result.last.namespace_type == MANAGED and result.attempts == 4


def test_waiting_for_managed_after_going_back(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path)  # other.example is federated, delay 0
    result = wait_for_realm(tenant.url, "x@other.example", MANAGED, session=VerifyingSession(tenant.ca_bundle),
                            timeout_s=0)
    assert not result.reached and result.last.namespace_type == FEDERATED
    tenant.set_domain_authentication("other.example", "Managed")
    assert wait_for_realm(tenant.url, "x@other.example", MANAGED, session=VerifyingSession(tenant.ca_bundle),
                          timeout_s=0).reached


def test_a_cancel_stops_the_wait_at_once(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path)
    cancel = threading.Event()
    cancel.set()
    result = wait_for_realm(tenant.url, "ada@elev.example", FEDERATED, SSO, session=VerifyingSession(tenant.ca_bundle),
                            timeout_s=3600, interval_s=60, cancel=cancel)
    assert result.cancelled and result.attempts == 1 and not result.timed_out


def test_a_failed_read_is_retried_not_fatal(sandbox_factory, tmp_path):
    tenant = school(sandbox_factory, tmp_path)
    ticks = Ticks()

    class Flaky(VerifyingSession):
        calls = 0

        def request(self, method, url, **kwargs):
            Flaky.calls += 1
            if Flaky.calls == 1:
                import requests

                raise requests.ConnectionError("dropped")
            return super().request(method, url, **kwargs)

    seen = []
    result = wait_for_realm(tenant.url, "x@other.example", FEDERATED, session=Flaky(tenant.ca_bundle),
                            timeout_s=60, interval_s=5, progress=seen.append, cancel=FakeCancel([ticks]), clock=ticks)
    assert result.reached and [p.error for p in seen] == ["network_error", None]


def test_read_realm_errors_are_codes(sandbox):
    try:
        read_realm(sandbox.url, "a@b.example", VerifyingSession(True))  # the sandbox's CA is not trusted
    except RealmError as exc:
        assert exc.code == "tls_verify_failed"
    else:
        raise AssertionError("an untrusted certificate was accepted")
    realm = read_realm(sandbox.url, "a@unknown.example", VerifyingSession(sandbox.ca_bundle))
    assert realm.namespace_type == "Unknown"
