"""App-only tokens from Entra with MSAL's confidential client, and AADSTS errors as admin-facing codes.

The credential is the client secret, or — when the connection names a certificate thumbprint (graph-facts
§16: tenants whose policy blocks secrets) — the certificate's private key, signed in with MSAL's certificate
credential (`{"private_key": PEM, "thumbprint": SHA-1}`).

MSAL's constructor already talks to the network (OIDC discovery; an unknown tenant raises ValueError
there), so the app is built in `connect()`, which the checks run as their own "tenant found" step.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from enum import StrEnum

import msal
import requests
from msal.exceptions import MsalServiceError

from core import logsetup
from core.graph.connection import Connection
from core.graph.http import VerifyingSession

log = logging.getLogger(__name__)


class AuthCode(StrEnum):
    TENANT_NOT_FOUND = "tenant_not_found"        # AADSTS90002 / 900023 / discovery 4xx
    APP_NOT_FOUND = "app_not_found"              # AADSTS700016
    SECRET_INVALID = "secret_invalid"  # noqa: S105 — AADSTS7000215 (usually the secret's ID, not its Value)
    SECRET_EXPIRED = "secret_expired"  # noqa: S105 — AADSTS7000222
    SECRET_MISSING = "secret_missing"  # noqa: S105 — AADSTS7000218, or no secret given
    APP_DISABLED = "app_disabled"                # AADSTS7000112
    TLS_TOO_OLD = "tls_too_old"                  # AADSTS1002016
    RESOURCE_NOT_FOUND = "resource_not_found"    # AADSTS500011 (Graph of another cloud)
    BLOCKED_BY_POLICY = "blocked_by_policy"      # AADSTS53003 (Conditional Access)
    TLS_VERIFY_FAILED = "tls_verify_failed"      # certificate not trusted (proxy CA? wrong CA bundle?)
    NETWORK = "network_error"                    # DNS, refused, timeout, proxy
    LOGIN_UNAVAILABLE = "login_unavailable"      # 5xx from the login service
    UNKNOWN = "auth_unknown"
    # certificate credentials (graph-facts §16)
    CERTIFICATE_INVALID = "certificate_invalid"          # AADSTS700027: not the app's key, or expired
    CERTIFICATE_CLOCK = "certificate_clock"              # AADSTS700024: this computer's clock is off
    CERTIFICATE_ASSERTION = "certificate_assertion"      # AADSTS700021 / 700023 / 50027: a malformed assertion
    CERTIFICATE_KEY_MISSING = "certificate_key_missing"  # no private key for the connection's certificate
    CERTIFICATE_KEY_INVALID = "certificate_key_invalid"  # a stored key that is not an RSA private key


AADSTS_CODES: dict[int, AuthCode] = {
    90002: AuthCode.TENANT_NOT_FOUND,
    900023: AuthCode.TENANT_NOT_FOUND,
    90013: AuthCode.TENANT_NOT_FOUND,
    700016: AuthCode.APP_NOT_FOUND,
    7000215: AuthCode.SECRET_INVALID,
    7000222: AuthCode.SECRET_EXPIRED,
    7000218: AuthCode.SECRET_MISSING,
    7000112: AuthCode.APP_DISABLED,
    1002016: AuthCode.TLS_TOO_OLD,
    500011: AuthCode.RESOURCE_NOT_FOUND,
    53003: AuthCode.BLOCKED_BY_POLICY,
    700027: AuthCode.CERTIFICATE_INVALID,
    700024: AuthCode.CERTIFICATE_CLOCK,
    700021: AuthCode.CERTIFICATE_ASSERTION,
    700023: AuthCode.CERTIFICATE_ASSERTION,
    50027: AuthCode.CERTIFICATE_ASSERTION,
}
_AADSTS_RE = re.compile(r"AADSTS(\d{5,8})")


class AuthError(Exception):
    """Login failed. The message holds the code and AADSTS number only; `description` is Entra's text."""

    def __init__(self, code: AuthCode, aadsts: int | None = None, description: str = "") -> None:
        super().__init__(f"{code.value}" + (f" (AADSTS{aadsts})" if aadsts else ""))
        self.code = code
        self.aadsts = aadsts
        self.description = logsetup.redact(description)[:500]


@dataclass(frozen=True, slots=True)
class AccessToken:
    value: str = field(repr=False)
    roles: frozenset[str]
    tid: str | None
    app_id: str | None
    expires_at: float  # epoch seconds


def decode_claims(jwt: str) -> dict:
    """The payload of a JWT, without checking the signature (we only read our own token's claims)."""
    try:
        payload = jwt.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        data = json.loads(base64.urlsafe_b64decode(payload))
    except (IndexError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def error_from_result(result: dict) -> AuthError:
    """An MSAL error dict as an AuthError: the first AADSTS code we know wins."""
    error = result.get("error")
    if error in ("temporarily_unavailable", "server_error") or isinstance(error, dict):
        # Entra busy, or a throttling answer that is not OAuth-shaped: retry later.
        return AuthError(AuthCode.LOGIN_UNAVAILABLE, None, str(result.get("error_description") or ""))
    codes = [int(c) for c in result.get("error_codes") or [] if str(c).isdigit()]
    description = str(result.get("error_description") or result.get("error") or "")
    codes += [int(c) for c in _AADSTS_RE.findall(description)]
    for number in codes:
        if number in AADSTS_CODES:
            return AuthError(AADSTS_CODES[number], number, description)
    return AuthError(AuthCode.UNKNOWN, codes[0] if codes else None, description)


def error_from_exception(exc: BaseException) -> AuthError:
    if isinstance(exc, requests.exceptions.SSLError):
        return AuthError(AuthCode.TLS_VERIFY_FAILED, None, type(exc).__name__)
    if isinstance(exc, requests.exceptions.HTTPError | RuntimeError | MsalServiceError):
        return AuthError(AuthCode.LOGIN_UNAVAILABLE, None, type(exc).__name__)
    if isinstance(exc, requests.exceptions.RequestException | OSError):
        return AuthError(AuthCode.NETWORK, None, type(exc).__name__)
    if isinstance(exc, ValueError):  # MSAL: discovery answered 4xx, i.e. no such tenant
        found = _AADSTS_RE.findall(str(exc))
        number = int(found[0]) if found else None
        return AuthError(AADSTS_CODES.get(number or 0, AuthCode.TENANT_NOT_FOUND), number, str(exc))
    return AuthError(AuthCode.UNKNOWN, None, type(exc).__name__)


_UNCHECKED = object()


class TokenProvider:
    """App-only tokens for one connection. Thread-safe; MSAL caches and refreshes. `secret` is the client
    secret, or the certificate's private key (PEM) when `conn.cert_thumbprint` is set."""

    def __init__(self, conn: Connection, secret: str | None, session: requests.Session | None = None) -> None:
        self.conn = conn
        self._secret = secret
        self._session = session or VerifyingSession(conn.verify)
        self._cache = msal.TokenCache()
        self._app: msal.ConfidentialClientApplication | None = None
        self._lock = threading.Lock()
        self._claims: tuple[str, AccessToken] | None = None
        self.tokens_fetched = 0  # how many times a token came from the login service (not the cache)
        self._key_verdict: object = _UNCHECKED  # a certificate connection's key, checked once
        logsetup.register_secret(secret)

    def connect(self) -> None:
        """Tenant discovery (MSAL's constructor). Raises AuthError (tenant_not_found, network_error…)."""
        with self._lock:
            self._ensure_app()

    def _ensure_app(self) -> msal.ConfidentialClientApplication:
        if self._app is None:
            credential = self._credential()
            try:
                self._app = msal.ConfidentialClientApplication(
                    self.conn.client_id,
                    client_credential=credential,
                    authority=self.conn.authority,
                    http_client=self._session,
                    token_cache=self._cache,
                    instance_discovery=False if self.conn.custom_login else None,
                )
            except ValueError:
                raise self._discovery_error() from None
            except Exception as exc:
                raise error_from_exception(exc) from None
        return self._app

    def _credential(self) -> str | dict[str, str]:
        """MSAL's client_credential. A missing or unusable key is reported by token(), as a missing secret
        is: the tenant can still be found without one."""
        if not self.conn.cert_thumbprint:
            return self._secret or ""
        return "" if self._key_problem() else {"private_key": self._secret or "", "thumbprint": self.conn.cert_thumbprint}

    def _key_problem(self) -> AuthCode | None:
        if self._key_verdict is _UNCHECKED:
            self._key_verdict = self._check_key()
        return self._key_verdict  # type: ignore[return-value]

    def _check_key(self) -> AuthCode | None:
        if not self._secret:
            return AuthCode.CERTIFICATE_KEY_MISSING
        from cryptography.hazmat.primitives.asymmetric import rsa  # only certificate connections need it
        from cryptography.hazmat.primitives.serialization import load_pem_private_key

        try:
            key = load_pem_private_key(self._secret.encode(), password=None)
        except (ValueError, TypeError):
            key = None
        # Entra signs certificate assertions with RSA only; MSAL would fail later, and less clearly.
        return None if isinstance(key, rsa.RSAPrivateKey) else AuthCode.CERTIFICATE_KEY_INVALID

    def _discovery_error(self) -> AuthError:
        """MSAL's ValueError drops Entra's answer; ask once more to learn the AADSTS code (90002 / 900023)."""
        url = f"{self.conn.authority}/v2.0/.well-known/openid-configuration"
        try:
            body = self._session.get(url).json()
        except Exception:  # no JSON, or the network went away: still "tenant not found"
            body = {}
        error = error_from_result(body if isinstance(body, dict) else {})
        if error.code == AuthCode.UNKNOWN:
            return AuthError(AuthCode.TENANT_NOT_FOUND, error.aadsts, error.description)
        return error

    def token(self) -> AccessToken:
        """A valid access token (from MSAL's cache while it has over 5 minutes left). Note that MSAL
        replays a 429/5xx login answer from its own cache until that answer's Retry-After (5 s by
        default) has passed, so retrying sooner is pointless."""
        problem = self._key_problem() if self.conn.cert_thumbprint else (
            None if self._secret else AuthCode.SECRET_MISSING)
        if problem is not None:
            raise AuthError(problem)
        with self._lock:
            app = self._ensure_app()
            try:
                result = app.acquire_token_for_client(scopes=[self.conn.graph_scope])
            except Exception as exc:
                raise error_from_exception(exc) from None
            if "access_token" not in result:
                error = error_from_result(result)
                log.warning("Token request refused: %s", error)
                raise error
            if result.get("token_source") == "identity_provider":
                self.tokens_fetched += 1
            return self._to_token(result)

    def _to_token(self, result: dict) -> AccessToken:
        value = result["access_token"]
        if self._claims and self._claims[0] == value:
            return self._claims[1]
        claims = decode_claims(value)
        token = AccessToken(
            value=value,
            roles=frozenset(claims.get("roles") or ()),
            tid=claims.get("tid"),
            app_id=claims.get("appid") or claims.get("azp"),
            expires_at=float(claims.get("exp") or time.time() + float(result.get("expires_in") or 0)),
        )
        self._claims = (value, token)
        return token

    def invalidate(self) -> None:
        """Drop cached tokens (after a 401, or after consent changed) so the next call fetches anew."""
        with self._lock:
            if self._app is not None:
                self._app.remove_tokens_for_client()
            self._claims = None
