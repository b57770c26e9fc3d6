"""VerifyingSession: an explicit CA bundle beats the environment; a plain `True` still honours it."""

from __future__ import annotations

import pytest

from core.graph.http import VerifyingSession


def _effective_verify(session: VerifyingSession, monkeypatch) -> object:
    seen = {}

    def fake_send(request, **kwargs):
        seen["verify"] = kwargs["verify"]
        raise RuntimeError("stop before the network")

    monkeypatch.setattr(session, "send", fake_send)
    with pytest.raises(RuntimeError):
        session.get("https://graph.example.invalid/v1.0/users")
    return seen["verify"]


def test_explicit_bundle_wins_over_requests_ca_bundle(monkeypatch, tmp_path):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/env-bundle.pem")
    bundle = str(tmp_path / "sandbox-ca.pem")
    assert _effective_verify(VerifyingSession(bundle), monkeypatch) == bundle


def test_default_verification_honours_the_machines_ca_bundle(monkeypatch):
    # Managed school PCs point REQUESTS_CA_BUNDLE at their proxy's CA; we must not lose that.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/school-proxy-ca.pem")
    assert _effective_verify(VerifyingSession(True), monkeypatch) == "/etc/school-proxy-ca.pem"


def test_verification_cannot_be_switched_off():
    with pytest.raises(ValueError):
        VerifyingSession(False)


def test_without_a_bundle_the_os_certificate_store_is_used(sandbox, monkeypatch):
    """truststore (graph-facts §13): the sandbox's CA, put where OpenSSL's OS store is read from
    (SSL_CERT_FILE), is trusted with verify=True; certifi alone would refuse it."""
    import truststore

    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    session = VerifyingSession(True)
    adapter = session.get_adapter(sandbox.url)
    assert isinstance(adapter.poolmanager.connection_pool_kw["ssl_context"], truststore.SSLContext)
    monkeypatch.setenv("SSL_CERT_FILE", sandbox.ca_bundle)
    assert session.get(f"{sandbox.url}/_sandbox/health").json()["ok"] is True


def test_the_os_store_alone_does_not_trust_the_sandbox(sandbox, monkeypatch):
    import requests

    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(requests.exceptions.SSLError):
        VerifyingSession(True).get(f"{sandbox.url}/_sandbox/health")


def test_an_explicit_bundle_wins_over_the_os_store(sandbox):
    session = VerifyingSession(sandbox.ca_bundle)
    assert "ssl_context" not in session.get_adapter(sandbox.url).poolmanager.connection_pool_kw
    assert session.get(f"{sandbox.url}/_sandbox/health").status_code == 200
