"""App certificates (graph-facts §16): where a tenant's app-management policy blocks client secrets, the app
signs in with a certificate instead — a self-signed one we make, its public part on the app registration
(`keyCredentials`), its private key in the OS keyring (core/setup/secrets.py), never in a file.

Keyring entries are small on Windows: Credential Manager takes at most 2,560 bytes, stored as UTF-16, so
1,280 characters, and an RSA-2048 private key in PEM is about 1,700. So the keyring holds the key's two
primes (all of an RSA key follows from them and the public exponent), about 350 characters, and the PEM is
rebuilt in memory when MSAL needs it (`pack_private_key` / `unpack_private_key`)."""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

KEY_SIZE = 2048          # what Entra accepts for client assertions (RSA; RS256/PS256)
DEFAULT_YEARS = 2
_PACKED_PREFIX = "rsa-pq:"


class CertificateError(ValueError):
    """A certificate or key that cannot be used; `code` is a key in core.messages."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class AppCertificate:
    """A self-signed certificate and its private key. `thumbprint`: SHA-1, upper-case hex, as the Entra
    admin center shows it and MSAL's `thumbprint` takes it."""

    cert_pem: str
    key_pem: str = field(repr=False)
    thumbprint: str
    thumbprint_sha256: str
    not_before: datetime
    not_after: datetime

    @property
    def der_base64(self) -> str:
        """The public certificate as Graph's keyCredential.key wants it (base64 DER)."""
        return base64.b64encode(load_certificate(self.cert_pem).public_bytes(serialization.Encoding.DER)).decode()

    def msal_credential(self) -> dict[str, str]:
        return {"private_key": self.key_pem, "thumbprint": self.thumbprint}


# addKey/removeKey's proof of possession (Graph docs): a JWT signed with one of the app's valid keys,
# audience Azure AD Graph's app id, issuer the application's object id, valid for at most 10 minutes.
PROOF_AUDIENCE = "00000002-0000-0000-c000-000000000000"
PROOF_LIFETIME_S = 600


def proof_of_possession(key_pem: str, thumbprint_hex: str, object_id: str, now: float | None = None) -> str:
    """The proof JWT (RS256, `x5t` naming the signing certificate) made with a key the app `object_id` has."""
    start = int(now if now is not None else time.time())
    header = {"alg": "RS256", "typ": "JWT", "x5t": _b64url(bytes.fromhex(thumbprint_hex))}
    claims = {"aud": PROOF_AUDIENCE, "iss": object_id, "nbf": start, "exp": start + PROOF_LIFETIME_S}
    signing_input = ".".join(_b64url(json.dumps(part, separators=(",", ":")).encode()) for part in (header, claims))
    signature = load_private_key(key_pem).sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{_b64url(signature)}"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_certificate(common_name: str, *, days: int = DEFAULT_YEARS * 365, now: datetime | None = None,
                     key: rsa.RSAPrivateKey | None = None) -> AppCertificate:
    """A new RSA key and a self-signed certificate for it, valid from an hour ago (clock skew) for `days`."""
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    now = now or datetime.now(UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64] or "Immutable ID Sync")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(hours=1))
            .not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    return from_parts(cert.public_bytes(serialization.Encoding.PEM).decode(), key_pem)


def from_parts(cert_pem: str, key_pem: str) -> AppCertificate:
    """An AppCertificate from a PEM certificate and its PEM private key (CertificateError when they do not
    belong together)."""
    cert = load_certificate(cert_pem)
    key = load_private_key(key_pem)
    if cert.public_key().public_numbers() != key.public_key().public_numbers():
        raise CertificateError("certificate_key_mismatch")
    return AppCertificate(cert_pem, key_pem, thumbprint(cert), thumbprint(cert, sha256=True),
                          cert.not_valid_before_utc, cert.not_valid_after_utc)


def load_certificate(text: str | bytes) -> x509.Certificate:
    """A certificate from PEM, or base64 DER (as Graph and SAML metadata carry it)."""
    data = text.encode() if isinstance(text, str) else text
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(base64.b64decode(b"".join(data.split()), validate=True))
    except ValueError:
        raise CertificateError("certificate_unreadable") from None


def load_private_key(pem: str) -> rsa.RSAPrivateKey:
    try:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    except (ValueError, TypeError):
        raise CertificateError("certificate_key_unreadable") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CertificateError("certificate_key_not_rsa")
    return key


def thumbprint(cert: x509.Certificate, sha256: bool = False) -> str:
    algorithm = hashes.SHA256() if sha256 else hashes.SHA1()  # noqa: S303 (x5t is SHA-1 by definition)
    return cert.fingerprint(algorithm).hex().upper()


def normalise_thumbprint(text: str) -> str:
    """"ab:cd ef…" as pasted from the admin center or certutil -> "ABCDEF…"; "" when it is not 40 hex digits."""
    cleaned = "".join(ch for ch in (text or "") if ch not in " :-\t\u200e\u200f").upper()
    return cleaned if len(cleaned) == 40 and all(ch in "0123456789ABCDEF" for ch in cleaned) else ""


def custom_key_identifier(thumbprint_hex: str) -> str:
    """Graph's keyCredential.customKeyIdentifier for a certificate: base64 of the SHA-1 thumbprint's bytes."""
    return base64.b64encode(bytes.fromhex(thumbprint_hex)).decode()


# --- the keyring's compact form --------------------------------------------------------------------
def _b64(number: int) -> str:
    return base64.urlsafe_b64encode(number.to_bytes((number.bit_length() + 7) // 8, "big")).rstrip(b"=").decode()


def _int(text: str) -> int:
    return int.from_bytes(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), "big")


def pack_private_key(key_pem: str) -> str:
    """`rsa-pq:<p>.<q>.<e>` (base64url): the whole key in ~350 characters (see the module doc)."""
    numbers = load_private_key(key_pem).private_numbers()
    return f"{_PACKED_PREFIX}{_b64(numbers.p)}.{_b64(numbers.q)}.{_b64(numbers.public_numbers.e)}"


def unpack_private_key(packed: str) -> str:
    """The PEM private key from `pack_private_key`'s form (CertificateError when it is not one)."""
    try:
        if not packed.startswith(_PACKED_PREFIX):
            raise ValueError(packed[:8])
        p, q, e = (_int(part) for part in packed[len(_PACKED_PREFIX):].split("."))
        d = pow(e, -1, (p - 1) * (q - 1))
        numbers = rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q),
                                        rsa.rsa_crt_iqmp(p, q), rsa.RSAPublicNumbers(e, p * q))
        key = numbers.private_key()
    except ValueError:
        raise CertificateError("certificate_key_unreadable") from None
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()
