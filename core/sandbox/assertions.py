"""Certificate client assertions at the token endpoint (graph-facts §16; RFC 7523): a JWT the app signs with
its certificate's private key instead of sending a secret. Checked as Entra does: format, `iss`/`sub`,
`aud`, `exp`/`nbf`, the key named by `x5t` (SHA-1) or `x5t#S256` among the app's key credentials, the
signature (RS256 or PS256), and the key's own validity — each failure with Entra's AADSTS code. The order
of the checks is facts.UNCONFIRMED["assertion_check_order"]."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from core.sandbox import facts
from core.sandbox.data import App
from core.sandbox.keys import KeyCredential
from core.sandbox.responses import Request, Response, aadsts_error

if TYPE_CHECKING:
    from core.sandbox.tenant import SandboxTenant

UF = facts.UNCONFIRMED


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class _Assertion:
    header: dict[str, Any]
    claims: dict[str, Any]
    signing_input: bytes
    signature: bytes
    key: KeyCredential | None = field(default=None)

    @property
    def thumbprint(self) -> str:
        """The thumbprint the client named, as Entra prints it (upper-case hex)."""
        named = self.header.get("x5t") or self.header.get("x5t#S256") or ""
        try:
            return _unb64(str(named)).hex().upper()
        except ValueError:
            return str(named)


def check(tenant: SandboxTenant, req: Request, app: App, assertion: str, now: float) -> Response | None:
    """None when the assertion proves the app; else Entra's error answer."""
    parsed = _parse(assertion)
    if parsed is None:
        return aadsts_error(req, 50027)
    steps: dict[str, Callable[[], Response | None]] = {
        "format": lambda: None,
        "issuer": lambda: _issuer(req, app, parsed),
        "audience": lambda: _audience(tenant, req, parsed),
        "time": lambda: _time(req, parsed, now),
        "key": lambda: _key(req, app, parsed, now),
        "signature": lambda: _signature(req, app, parsed),
        "key_expired": lambda: _key_expired(req, app, parsed, now),
    }
    for name in UF["assertion_check_order"]:  # type: ignore[union-attr]
        problem = steps[name]()
        if problem is not None:
            return problem
    return None


def _parse(assertion: str) -> _Assertion | None:
    parts = assertion.strip().split(".")
    if len(parts) != 3:
        return None
    try:
        header, claims = json.loads(_unb64(parts[0])), json.loads(_unb64(parts[1]))
        signature = _unb64(parts[2])
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or not isinstance(claims, dict) or header.get("alg") not in facts.ASSERTION_ALGORITHMS:
        return None
    return _Assertion(header, claims, f"{parts[0]}.{parts[1]}".encode(), signature)


def _issuer(req: Request, app: App, a: _Assertion) -> Response | None:
    wanted = app.client_id
    if str(a.claims.get("iss", "")).lower() != wanted or str(a.claims.get("sub", "")).lower() != wanted:
        return aadsts_error(req, 700021)
    return None


def _audience(tenant: SandboxTenant, req: Request, a: _Assertion) -> Response | None:
    tenants = [tenant.tenant_id, *sorted(tenant.directory.domain_names())]
    accepted = {pattern.format(base=tenant.url, tenant=t).lower()
                for pattern in UF["assertion_audiences"] for t in tenants}  # type: ignore[union-attr]
    audiences = a.claims.get("aud")
    audiences = audiences if isinstance(audiences, list) else [audiences]
    if not any(isinstance(x, str) and x.rstrip("/").lower() in accepted for x in audiences):
        return aadsts_error(req, 700023)
    return None


def _stamp(value: Any) -> str:
    try:
        return datetime.fromtimestamp(float(value), UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")
    except (TypeError, ValueError, OverflowError, OSError):
        return "1970-01-01T00:00:00.0000000Z"


def _time(req: Request, a: _Assertion, now: float) -> Response | None:
    skew = float(UF["assertion_clock_skew_s"])  # type: ignore[arg-type]
    exp, nbf = a.claims.get("exp"), a.claims.get("nbf", 0)
    valid = isinstance(exp, int | float) and isinstance(nbf, int | float) and nbf - skew <= now < exp + skew
    if not valid:
        return aadsts_error(req, 700024, now=_stamp(now), nbf=_stamp(nbf), exp=_stamp(exp))
    return None


def _find_key(app: App, a: _Assertion, now: float) -> KeyCredential | None:
    sha1, sha256 = a.header.get("x5t"), a.header.get("x5t#S256")
    for key in app.keys:
        if key.ready_at > now:  # added through Graph, not replicated to sign-in yet
            continue
        try:
            if (sha1 and _unb64(str(sha1)).hex().upper() == key.thumbprint) or \
                    (sha256 and _unb64(str(sha256)).hex().upper() == key.thumbprint256):
                return key
        except ValueError:
            return None
    return None


def _invalid_signature(req: Request, app: App, a: _Assertion, reason: str, key: KeyCredential | None) -> Response:
    found = "" if key is None else \
        f", Found key 'Start={key.start:%m/%d/%Y %H:%M:%S}, End={key.end:%m/%d/%Y %H:%M:%S}'"
    return aadsts_error(req, 700027, reason=reason, thumbprint=a.thumbprint, found=found, client_id=app.client_id)


def _key(req: Request, app: App, a: _Assertion, now: float) -> Response | None:
    a.key = _find_key(app, a, now)
    return _invalid_signature(req, app, a, "The key was not found.", None) if a.key is None else None


def _signature(req: Request, app: App, a: _Assertion) -> Response | None:
    key = a.key
    if key is None:
        return None  # the key step answers (it runs first unless the order says otherwise)
    if not _signed_by(key, a):
        return _invalid_signature(req, app, a, "Key was found, but use of the key to verify the signature failed.",
                                  key)
    return None


def _signed_by(key: KeyCredential, a: _Assertion) -> bool:
    public = key.certificate().public_key()
    if not isinstance(public, rsa.RSAPublicKey):
        return False
    pad = padding.PKCS1v15() if a.header["alg"] == "RS256" else \
        padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.AUTO)
    try:
        public.verify(a.signature, a.signing_input, pad, hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


def verify_proof(proof: str, app: App, keys: list[KeyCredential], now: float) -> bool:
    """addKey's proof of possession (Graph docs): a JWT signed with one of the app's valid keys, `aud`
    00000002-0000-0000-c000-000000000000, `iss` the application's object id, valid now, at most 10 minutes."""
    a = _parse(proof)
    if a is None:
        return False
    claims, skew = a.claims, float(UF["assertion_clock_skew_s"])  # type: ignore[arg-type]
    nbf, exp = claims.get("nbf"), claims.get("exp")
    if claims.get("aud") != facts.ADD_KEY_PROOF_AUDIENCE or str(claims.get("iss", "")).lower() != app.object_id \
            or not isinstance(nbf, int | float) or not isinstance(exp, int | float) \
            or not nbf - skew <= now < exp + skew or exp - nbf > facts.ADD_KEY_PROOF_MAX_S:
        return False
    return any(_signed_by(key, a) for key in keys)


def _key_expired(req: Request, app: App, a: _Assertion, now: float) -> Response | None:
    key = a.key
    if key is not None and not key.start.timestamp() <= now < key.end.timestamp():
        return _invalid_signature(req, app, a, "The key used is expired.", key)
    return None
