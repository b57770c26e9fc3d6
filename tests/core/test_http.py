"""VerifyingSession: an explicit CA bundle beats the environment; a plain `True` still honours it."""

from __future__ import annotations

import pytest

from core.http import VerifyingSession


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
