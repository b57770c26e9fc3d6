"""App certificates (graph-facts §16): a self-signed certificate and key, the key in the keyring (in a form
small enough for Windows Credential Manager), and the confidential client signing in with MSAL's certificate
credential when the connection names a thumbprint — `check` included."""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from core.graph.auth import AuthCode, AuthError, TokenProvider
from core.graph.connection import Connection
from core.setup import certificates
from core.setup.certificates import CertificateError, make_certificate
from core.setup.secrets import SecretStore, certificate_username
from core.tenant.checks import CheckStep, Verdict, run_checks

WINDOWS_MAX_CHARS = 1280  # Credential Manager: 2,560 bytes of UTF-16


@pytest.fixture(scope="module")
def cert():
    return make_certificate("Immutable ID Sync — Skola")


@pytest.fixture(scope="module")
def other():
    return make_certificate("Other")


def test_a_self_signed_certificate_for_an_app(cert):
    parsed = x509.load_pem_x509_certificate(cert.cert_pem.encode())
    assert parsed.public_key().key_size == 2048 and parsed.issuer == parsed.subject
    assert cert.thumbprint == parsed.fingerprint(hashes.SHA1()).hex().upper()  # noqa: S303
    assert base64.b64decode(cert.der_base64) == parsed.public_bytes(serialization.Encoding.DER)
    assert (cert.not_after - cert.not_before).days == 2 * 365  # from an hour ago
    assert cert.msal_credential() == {"private_key": cert.key_pem, "thumbprint": cert.thumbprint}
    assert "key_pem" not in repr(cert) and "PRIVATE" not in repr(cert)


def test_the_keyring_form_is_small_and_gives_the_same_key_back(cert):
    packed = certificates.pack_private_key(cert.key_pem)
    assert packed.startswith("rsa-pq:") and len(packed) < WINDOWS_MAX_CHARS < len(cert.key_pem)
    pem = certificates.unpack_private_key(packed)
    original = serialization.load_pem_private_key(cert.key_pem.encode(), None).private_numbers()
    again = serialization.load_pem_private_key(pem.encode(), None).private_numbers()
    assert (again.p, again.q, again.public_numbers) == (original.p, original.q, original.public_numbers)
    assert certificates.from_parts(cert.cert_pem, pem).thumbprint == cert.thumbprint
    for broken in ("", "rsa-pq:abc", "-----BEGIN PRIVATE KEY-----", "rsa-pq:AQ.AQ.AQAB"):
        with pytest.raises(CertificateError):
            certificates.unpack_private_key(broken)


def test_a_key_that_does_not_belong_to_the_certificate_is_refused(cert, other):
    with pytest.raises(CertificateError) as caught:
        certificates.from_parts(cert.cert_pem, other.key_pem)
    assert caught.value.code == "certificate_key_mismatch"


def test_thumbprints_as_pasted_are_normalised(cert):
    spaced = " ".join(cert.thumbprint[i:i + 2].lower() for i in range(0, 40, 2))
    assert certificates.normalise_thumbprint(spaced) == cert.thumbprint
    assert certificates.normalise_thumbprint("abc") == ""
    assert Connection("t.example", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                      cert_thumbprint="\u200e" + spaced).cert_thumbprint == cert.thumbprint  # certmgr's copy
    conn = Connection("t.example", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", cert_thumbprint=spaced.replace(" ", ":"))
    assert conn.cert_thumbprint == cert.thumbprint and conn.uses_certificate and conn.validate() == []
    assert Connection.from_profile_dict(conn.to_profile_dict()) == conn
    assert "key" not in " ".join(conn.to_profile_dict())
    bad = replace(conn, cert_thumbprint="XYZ")
    assert [p.code for p in bad.validate()] == ["certificate_thumbprint_invalid"]


def test_the_private_key_lives_in_the_keyring_in_the_small_form(memory_keyring, cert):
    store = SecretStore()
    assert store.set_certificate_key("t.example", "CLIENT", cert.thumbprint, cert.key_pem) is True
    stored = memory_keyring.store[("immutableid-sync", certificate_username("t.example", "client", cert.thumbprint))]
    assert stored.startswith("rsa-pq:") and "PRIVATE KEY" not in stored
    fresh = SecretStore()  # another process: from the keyring
    pem = fresh.get_certificate_key("T.example", "client", cert.thumbprint.lower())
    assert certificates.from_parts(cert.cert_pem, pem).thumbprint == cert.thumbprint
    assert fresh.get("t.example", "client") is None  # the secret's entry is another one
    assert fresh.delete_certificate_key("t.example", "client", cert.thumbprint) is True
    assert SecretStore().get_certificate_key("t.example", "client", cert.thumbprint) is None


def test_the_credential_for_a_connection_is_its_key_or_its_secret(memory_keyring, cert):
    store = SecretStore()
    plain = Connection("t.example", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")
    with_cert = replace(plain, cert_thumbprint=cert.thumbprint)
    store.set(plain.tenant, plain.client_id, "the-secret")
    assert store.credential_for(plain) == "the-secret" and store.credential_for(with_cert) is None
    store.set_certificate_key(plain.tenant, plain.client_id, cert.thumbprint, cert.key_pem)
    assert "PRIVATE KEY" in SecretStore().credential_for(with_cert)


def test_without_a_keyring_the_key_stays_in_memory_only(no_keyring, cert, tmp_path):
    store = SecretStore()
    assert store.set_certificate_key("t.example", "client", cert.thumbprint, cert.key_pem) is False
    assert store.get_certificate_key("t.example", "client", cert.thumbprint) is not None
    assert SecretStore().get_certificate_key("t.example", "client", cert.thumbprint) is None


# --- signing in with the certificate ----------------------------------------------------------------------
def _conn(tenant, cert) -> Connection:
    p = tenant.connection_profile()
    return Connection(p["tenant_id"], p["client_id"], login_url=p["login_url"], graph_url=p["graph_url"],
                      ca_bundle=p["ca_bundle"], cert_thumbprint=cert.thumbprint)


def test_the_token_provider_signs_in_with_the_certificate(sandbox, cert):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    token = TokenProvider(_conn(sandbox, cert), cert.key_pem).token()
    assert token.roles == {"User.ReadWrite.All"} and token.tid == sandbox.tenant_id
    sent = [e["body"] for e in sandbox.audit() if e["path"].endswith("/token")]
    assert sent[-1]["client_assertion_type"].endswith("jwt-bearer")


@pytest.mark.parametrize(("key", "code"), [
    (None, AuthCode.CERTIFICATE_KEY_MISSING), ("not a key", AuthCode.CERTIFICATE_KEY_INVALID)])
def test_a_missing_or_broken_key_is_said_before_asking_entra(sandbox, cert, key, code):
    tokens = TokenProvider(_conn(sandbox, cert), key)
    tokens.connect()  # the tenant is still found
    with pytest.raises(AuthError) as caught:
        tokens.token()
    assert caught.value.code == code
    assert not [e for e in sandbox.audit() if e["path"].endswith("/token")]


def test_entras_refusal_of_a_wrong_key_is_certificate_invalid(sandbox, cert, other):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    with pytest.raises(AuthError) as caught:
        TokenProvider(_conn(sandbox, cert), other.key_pem).token()
    assert (caught.value.code, caught.value.aadsts) == (AuthCode.CERTIFICATE_INVALID, 700027)


def test_check_passes_with_a_certificate_connection_and_reads_its_expiry(sandbox, cert):
    client_id = sandbox.apps[0]["clientId"]
    sandbox.add_app_certificate(client_id, cert.cert_pem)
    sandbox.set_app_roles(client_id, ["User.ReadWrite.All", "Application.Read.All"])
    report = run_checks(_conn(sandbox, cert), cert.key_pem)
    assert report.passed, [(r.step, r.code, r.detail) for r in report.results]
    expiry = report.result(CheckStep.SECRET_EXPIRY)
    assert (expiry.verdict, expiry.code) == (Verdict.OK, "certificate_expiry_ok")
    assert expiry.data == {"expires": cert.not_after.date().isoformat(), "days_left": expiry.data["days_left"],
                           "source": "graph"}


def test_check_fails_at_the_credentials_step_with_the_wrong_certificate(sandbox, cert, other):
    sandbox.add_app_certificate(sandbox.apps[0]["clientId"], cert.cert_pem)
    report = run_checks(_conn(sandbox, other), other.key_pem)
    failed = report.result(CheckStep.CREDENTIALS)
    assert (failed.verdict, failed.code) == (Verdict.FAILED, "certificate_invalid") and not report.passed
    assert report.result(CheckStep.TENANT).verdict == Verdict.OK
