"""Certificates in the sandbox (graph-facts §15, §16): an application's key credentials (`keyCredentials`,
what a certificate client assertion is checked against), the tenant's app-management policy from the seed,
and small self-signed certificates for federated domains and the demo IdP.

State is plain data (strings, numbers, datetimes), so the sandbox tenant can be saved and loaded."""

from __future__ import annotations

import base64
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

_PEM = re.compile(r"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", re.S)


@dataclass
class KeyCredential:
    """One certificate on an application (type AsymmetricX509Cert, usage Verify)."""

    key_id: str
    key: str            # base64 DER of the public certificate, as Graph's keyCredential.key
    thumbprint: str     # SHA-1, upper-case hex (x5t)
    thumbprint256: str  # SHA-256, upper-case hex (x5t#S256)
    start: datetime
    end: datetime
    display_name: str = ""
    ready_at: float = 0.0  # a key added through Graph works for sign-in once replicated (§10)

    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(base64.b64decode(self.key))

    def graph(self, with_key: bool = False) -> dict[str, Any]:
        """Graph's keyCredential (the `key` itself only when asked for, as Graph does)."""
        return {"customKeyIdentifier": base64.b64encode(bytes.fromhex(self.thumbprint)).decode(),
                "displayName": self.display_name, "endDateTime": _iso(self.end), "key": self.key if with_key else None,
                "keyId": self.key_id, "startDateTime": _iso(self.start), "type": "AsymmetricX509Cert",
                "usage": "Verify"}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def certificate_der(text: str) -> bytes:
    """DER bytes from base64 DER or a PEM block; ValueError when it is neither or not a certificate."""
    text = text.strip()
    match = _PEM.search(text)
    body = match.group(1) if match else text
    try:
        der = base64.b64decode("".join(body.split()), validate=True)
        x509.load_der_x509_certificate(der)
    except (ValueError, TypeError):
        raise ValueError("not a base64 X.509 certificate") from None
    return der


def key_credential(text: str, display_name: str = "", start: datetime | None = None, end: datetime | None = None,
                   key_id: str | None = None, ready_at: float = 0.0) -> KeyCredential:
    """A KeyCredential from a certificate; start/end default to the certificate's validity (ValueError)."""
    der = certificate_der(text)
    cert = x509.load_der_x509_certificate(der)
    return KeyCredential(key_id or str(uuid.uuid4()), base64.b64encode(der).decode(),
                         cert.fingerprint(hashes.SHA1()).hex().upper(),  # noqa: S303 (x5t is SHA-1 by definition)
                         cert.fingerprint(hashes.SHA256()).hex().upper(),
                         start or cert.not_valid_before_utc, end or cert.not_valid_after_utc, display_name,
                         ready_at)


# --- the app-management policy (§16) ---------------------------------------------------------------
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$")


def duration_days(text: Any) -> int | None:
    """Days of an ISO 8601 duration like "P180D" or "P1Y" (a year counts 365 days, a month 30)."""
    match = _DURATION.match(str(text or "").strip().upper())
    if not match or not any(match.groups()):
        return None
    years, months, days = (int(g or 0) for g in match.groups())
    return years * 365 + months * 30 + days


def seed_policy(raw: Any, problems: list[str]) -> dict[str, Any]:
    """Seed key `appManagementPolicy`, shaped like Graph's applicationRestrictions:
    {"passwordCredentials": [{"restrictionType": "passwordAddition"},
                             {"restrictionType": "passwordLifetime", "maxLifetime": "P180D"}],
     "keyCredentials": [{"restrictionType": "asymmetricKeyLifetime", "maxLifetime": "P365D"}]}"""
    policy: dict[str, Any] = {"block_secrets": False, "secret_max_days": None, "key_max_days": None}
    if raw is None:
        return policy
    if not isinstance(raw, dict):
        problems.append("'appManagementPolicy' must be an object")
        return policy
    known = {("passwordCredentials", "passwordAddition"): "block_secrets",
             ("passwordCredentials", "passwordLifetime"): "secret_max_days",
             ("keyCredentials", "asymmetricKeyLifetime"): "key_max_days"}
    for kind in ("passwordCredentials", "keyCredentials"):
        for i, rule in enumerate(raw.get(kind) or []):
            where = f"appManagementPolicy.{kind}[{i}]"
            field = known.get((kind, rule.get("restrictionType") if isinstance(rule, dict) else None))
            if field is None:
                problems.append(f"{where}.restrictionType: one of "
                                f"{', '.join(t for k, t in known if k == kind)}")
            elif field == "block_secrets":
                policy[field] = True
            elif (days := duration_days(rule.get("maxLifetime"))) is None:
                problems.append(f"{where}.maxLifetime: an ISO 8601 duration like P180D")
            else:
                policy[field] = days
    return policy


# --- self-signed certificates for the sandbox's own use -----------------------------------------------
def self_signed(common_name: str, days: int = 730, rsa_key: bool = False) -> tuple[str, str]:
    """(base64 DER certificate, private key PEM). EC keys are quick to make; the demo IdP uses RSA, as
    SAML IdPs do."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048) if rsa_key else \
        ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(hours=1))
            .not_valid_after(now + timedelta(days=days)).sign(key, hashes.SHA256()))
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    return base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode(), pem
