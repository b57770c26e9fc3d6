"""App-only access tokens: JWTs shaped like Entra's v1 Graph tokens (graph-facts §5).

Signed with HS256 and a per-sandbox key: clients never verify Graph tokens' signatures, but the
sandbox does, so a garbled or foreign token gets 401 like on Graph."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import uuid
from collections.abc import Callable
from typing import Any

from core.sandbox import facts


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenError(Exception):
    """Why a bearer token is refused; the message is Graph's 401 text."""


class TokenMint:
    def __init__(self, tenant_id: str, clock: Callable[[], float]) -> None:
        self._tenant = tenant_id
        self._clock = clock
        self._key = secrets.token_bytes(32)
        self._kid = secrets.token_hex(8)
        self._cache: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def mint(self, client_id: str, app_object_id: str, roles: list[str], lifetime_s: int) -> str:
        now = int(self._clock())
        claims: dict[str, Any] = {
            "aud": facts.GRAPH_AUDIENCE, "iss": f"https://sts.windows.net/{self._tenant}/",
            "iat": now, "nbf": now, "exp": now + lifetime_s, "aio": _b64(secrets.token_bytes(24)),
            "app_displayname": "Immutable ID Sync", "appid": client_id, "appidacr": "1", "azp": client_id,
            "idp": f"https://sts.windows.net/{self._tenant}/", "idtyp": "app", "oid": app_object_id,
            "sub": app_object_id, "tid": self._tenant, "uti": _b64(uuid.uuid4().bytes), "ver": "1.0",
        }
        if roles:  # graph-facts §5: no consent => no roles claim at all, the token is still issued
            claims["roles"] = sorted(roles)
        return self._sign(claims)

    def mint_user(self, client_id: str, user_oid: str, upn: str, scopes: list[str], wids: list[str],
                  lifetime_s: int) -> str:
        """A delegated token (graph-facts §10): `scp` holds the granted scopes, `wids` the user's roles."""
        now = int(self._clock())
        claims: dict[str, Any] = {
            "aud": facts.GRAPH_AUDIENCE, "iss": f"https://sts.windows.net/{self._tenant}/", "iat": now,
            "nbf": now, "exp": now + lifetime_s, "appid": client_id, "idtyp": "user", "oid": user_oid,
            "scp": " ".join(sorted(scopes)), "sub": user_oid, "tid": self._tenant, "upn": upn,
            "unique_name": upn, "uti": _b64(uuid.uuid4().bytes), "ver": "1.0", "wids": wids}
        return self._sign(claims)

    def id_token(self, issuer: str, client_id: str, user_oid: str, upn: str, name: str, nonce: str | None,
                 lifetime_s: int) -> str:
        """An OpenID id_token; MSAL checks `nonce` against the one it sent."""
        now = int(self._clock())
        claims: dict[str, Any] = {"aud": client_id, "iss": issuer, "iat": now, "nbf": now,
                                  "exp": now + lifetime_s, "name": name, "oid": user_oid,
                                  "preferred_username": upn, "sub": user_oid, "tid": self._tenant, "ver": "2.0"}
        if nonce:
            claims["nonce"] = nonce
        return self._sign(claims)

    def _sign(self, claims: dict[str, Any]) -> str:
        header = {"typ": "JWT", "alg": "HS256", "kid": self._kid}
        signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
        signature = hmac.new(self._key, signing_input.encode(), hashlib.sha256).digest()
        return signing_input + "." + _b64(signature)

    def check(self, token: str) -> dict[str, Any]:
        """Claims of a valid, unexpired token of this sandbox, else TokenError."""
        claims = self._cache.get(token)
        if claims is None:
            claims = self._verify(token)
            with self._lock:
                if len(self._cache) > 10_000:
                    self._cache.clear()
                self._cache[token] = claims
        now = self._clock()
        if now >= claims["exp"]:
            raise TokenError(str(facts.UNCONFIRMED["token_expired_message"]))
        return claims

    def _verify(self, token: str) -> dict[str, Any]:
        parts = token.split(".")
        if len(parts) != 3:
            raise TokenError(str(facts.UNCONFIRMED["token_invalid_message"]))
        expected = hmac.new(self._key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
        try:
            valid = hmac.compare_digest(_unb64(parts[2]), expected)
            claims = json.loads(_unb64(parts[1]))
        except (ValueError, UnicodeDecodeError):
            raise TokenError(str(facts.UNCONFIRMED["token_invalid_message"])) from None
        if not valid or not isinstance(claims, dict):
            raise TokenError(str(facts.UNCONFIRMED["token_signature_message"]))
        if claims.get("aud") != facts.GRAPH_AUDIENCE or claims.get("tid") != self._tenant:
            raise TokenError(str(facts.UNCONFIRMED["token_audience_message"]))
        return claims
