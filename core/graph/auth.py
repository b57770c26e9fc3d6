"""App-only tokens from Entra with MSAL's confidential client, and AADSTS errors as admin-facing codes.

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


class TokenProvider:
    """App-only tokens for one connection. Thread-safe; MSAL caches and refreshes."""

    def __init__(self, conn: Connection, secret: str | None, session: requests.Session | None = None) -> None:
        self.conn = conn
        self._secret = secret
        self._session = session or VerifyingSession(conn.verify)
        self._cache = msal.TokenCache()
        self._app: msal.ConfidentialClientApplication | None = None
        self._lock = threading.Lock()
        self._claims: tuple[str, AccessToken] | None = None
        self.tokens_fetched = 0  # how many times a token came from the login service (not the cache)
        logsetup.register_secret(secret)

    def connect(self) -> None:
        """Tenant discovery (MSAL's constructor). Raises AuthError (tenant_not_found, network_error…)."""
        with self._lock:
            self._ensure_app()

    def _ensure_app(self) -> msal.ConfidentialClientApplication:
        if self._app is None:
            try:
                self._app = msal.ConfidentialClientApplication(
                    self.conn.client_id,
                    client_credential=self._secret or "",
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
        if not self._secret:
            raise AuthError(AuthCode.SECRET_MISSING)
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
