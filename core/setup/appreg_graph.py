"""The Graph calls that create an app registration with a signed-in admin's token (graph-facts §10).

Each call returns Graph's JSON or raises GraphCallError with Graph's status and error code. Role ids are
looked up from Graph's own service principal by value, never hard-coded: the id many scripts use for
User.ReadWrite.All is User.Read.All's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import requests

from core.graph.connection import Connection

GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
CREDENTIAL_TYPE_BLOCKED = "CredentialTypeNotAllowedAsPerAppPolicy"  # graph-facts §16
LIFETIME_CAPPED = "CredentialInvalidLifetimeAsPerAppPolicy"
KEY_LABEL = "Immutable ID Sync certificate (created by the tool)"
_MAX_LIFETIME = re.compile(r"MaxLifetime:\s*P(\d+)D", re.I)


class GraphCallError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message = message[:300]

    @property
    def not_replicated(self) -> bool:
        """Graph's answer while a new object has not reached every replica yet (§10)."""
        text = self.message.lower()
        return self.status in (400, 404) and ("does not exist" in text or "does not reference" in text)

    @property
    def policy_refused(self) -> bool:
        return self.status == 400 and "policy" in self.message.lower()

    @property
    def credential_type_blocked(self) -> bool:
        """§16: the tenant's app-management policy allows no credential of this kind (secrets, usually)."""
        return self.status == 400 and self.code == CREDENTIAL_TYPE_BLOCKED

    @property
    def policy_max_days(self) -> int | None:
        """§16: the longest lifetime the policy allows, when its refusal names it ("MaxLifetime: P180D")."""
        if self.status != 400 or self.code != LIFETIME_CAPPED:
            return None
        found = _MAX_LIFETIME.search(self.message)
        return int(found.group(1)) if found else None


@dataclass(frozen=True)
class NewSecret:
    """The app's new credential: a client secret, or (`thumbprint` set) a certificate whose private key
    (PEM) is `value` — either way what the keyring keeps and MSAL signs in with."""

    key_id: str
    value: str
    expires: datetime
    thumbprint: str | None = None  # SHA-1 hex: a certificate credential (§16)

    @property
    def is_certificate(self) -> bool:
        return self.thumbprint is not None

    def __repr__(self) -> str:  # never the value
        return f"NewSecret(key_id={self.key_id!r}, expires={self.expires.isoformat()}, thumbprint={self.thumbprint!r})"


class AppGraph:
    def __init__(self, conn: Connection, token: str, session: requests.Session) -> None:
        self._base = conn.graph_base
        self._token = token
        self._session = session

    def call(self, method: str, path: str, body: dict | None = None,
             params: dict[str, str] | None = None) -> dict[str, Any]:
        try:
            answer = self._session.request(method, f"{self._base}/{path}", json=body, params=params,
                                           headers={"Authorization": f"Bearer {self._token}"})
        except requests.RequestException as exc:
            raise GraphCallError(0, "network_error", type(exc).__name__) from None
        if answer.status_code >= 400:
            try:
                error = answer.json().get("error") or {}
            except ValueError:
                error = {}
            raise GraphCallError(answer.status_code, str(error.get("code") or ""), str(error.get("message") or ""))
        return answer.json() if answer.content else {}

    def graph_roles(self) -> tuple[str, dict[str, str]]:
        """(Graph's service principal id in this tenant, application permission value -> id)."""
        sp = self.call("GET", f"servicePrincipals(appId='{GRAPH_APP_ID}')?$select=id,appRoles")
        roles = {r["value"]: r["id"] for r in sp.get("appRoles", [])
                 if "Application" in (r.get("allowedMemberTypes") or [])}
        return sp["id"], roles

    def create_app(self, name: str, role_ids: list[str]) -> dict[str, Any]:
        return self.call("POST", "applications", {
            "displayName": name, "signInAudience": "AzureADMyOrg",
            "requiredResourceAccess": [{"resourceAppId": GRAPH_APP_ID,
                                        "resourceAccess": [{"id": rid, "type": "Role"} for rid in role_ids]}]})

    def find_app(self, client_id: str) -> dict[str, Any]:
        return self.call("GET", f"applications(appId='{client_id}')")

    def apps_named(self, name: str) -> list[str]:
        """Client ids of the tenant's apps whose display name is exactly `name` (OData quotes doubled)."""
        quoted = name.replace("'", "''")
        answer = self.call("GET", "applications", params={"$filter": f"displayName eq '{quoted}'",
                                                           "$select": "appId,displayName"})
        return [str(a["appId"]) for a in answer.get("value", []) if a.get("displayName") == name]

    def create_sp(self, app_id: str) -> str:
        return self.call("POST", "servicePrincipals", {"appId": app_id})["id"]

    def add_password(self, object_id: str, display_name: str, expires: datetime) -> NewSecret:
        answer = self.call("POST", f"applications/{object_id}/addPassword", {"passwordCredential": {
            "displayName": display_name, "endDateTime": expires.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}})
        end = datetime.fromisoformat(str(answer["endDateTime"]).replace("Z", "+00:00"))
        return NewSecret(answer["keyId"], answer["secretText"], end)

    def remove_password(self, object_id: str, key_id: str) -> None:
        self.call("POST", f"applications/{object_id}/removePassword", {"keyId": key_id})

    def add_first_key(self, object_id: str, cert_base64: str, keep_key_ids: list[str]) -> None:
        """A certificate by PATCH (§16: the way while the app has no valid key for addKey's proof); the list
        replaces the app's keys, so the ones to keep are named by keyId."""
        keys = [{"keyId": key_id} for key_id in keep_key_ids]
        keys.append(_key_credential(cert_base64))
        self.call("PATCH", f"applications/{object_id}", {"keyCredentials": keys})

    def add_key(self, object_id: str, cert_base64: str, proof: str) -> str:
        """addKey, proven with a JWT signed by one of the app's valid keys; the new key's id."""
        answer = self.call("POST", f"applications/{object_id}/addKey", {
            "keyCredential": _key_credential(cert_base64), "passwordCredential": None, "proof": proof})
        return str(answer.get("keyId") or "")

    def remove_key(self, object_id: str, key_id: str, proof: str) -> None:
        self.call("POST", f"applications/{object_id}/removeKey", {"keyId": key_id, "proof": proof})

    def grant(self, graph_sp_id: str, sp_id: str, role_id: str) -> None:
        self.call("POST", f"servicePrincipals/{graph_sp_id}/appRoleAssignedTo",
                  {"principalId": sp_id, "resourceId": graph_sp_id, "appRoleId": role_id})


def _key_credential(cert_base64: str) -> dict[str, str]:
    return {"type": "AsymmetricX509Cert", "usage": "Verify", "key": cert_base64, "displayName": KEY_LABEL}


def retry_unreplicated(step: Callable[[], Any], sleep: Callable[[float], None], attempts: int = 12) -> Any:
    """Run a step that may meet a not-yet-replicated object, retrying with backoff (Azure CLI: 36 x 5 s)."""
    delay = 2.0
    for attempt in range(attempts):
        try:
            return step()
        except GraphCallError as exc:
            if not exc.not_replicated or attempt == attempts - 1:
                raise
        sleep(delay)
        delay = min(delay * 1.5, 15.0)
    raise AssertionError("unreachable")
