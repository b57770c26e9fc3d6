"""Helpers for the sandbox's own tests: a real MSAL client and a tiny Graph caller over real HTTPS."""

from __future__ import annotations

import base64
import json
import time

import msal

from core.graph.http import VerifyingSession

GRAPH_SCOPE = ["https://graph.microsoft.com/.default"]


class FakeClock:
    """Injectable time for tokens and quotas: tests move time instead of sleeping."""

    def __init__(self, start: float | None = None) -> None:
        self.now = time.time() if start is None else start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_msal(tenant, client_id: str | None = None, secret: str | None = None,
              authority_tenant: str | None = None) -> msal.ConfidentialClientApplication:
    app = tenant.apps[0]
    return msal.ConfidentialClientApplication(
        client_id or app["clientId"], client_credential=secret or app["secret"],
        authority=f"{tenant.url}/{authority_tenant or tenant.tenant_id}",
        http_client=VerifyingSession(verify=tenant.ca_bundle), instance_discovery=False)


class Graph:
    """requests against the sandbox's /v1.0 with a bearer token."""

    def __init__(self, tenant, token: str | None) -> None:
        self.tenant = tenant
        self.session = VerifyingSession(verify=tenant.ca_bundle)
        self.token = token

    def request(self, method: str, path: str, **kwargs):
        headers = kwargs.pop("headers", {})
        if self.token is not None:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        url = path if path.startswith("https://") else f"{self.tenant.url}/v1.0{path}"
        return self.session.request(method, url, headers=headers, **kwargs)

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def patch(self, path: str, body, **kwargs):
        return self.request("PATCH", path, json=body, **kwargs)

    def batch(self, requests: list[dict], **kwargs):
        return self.request("POST", "/$batch", json={"requests": requests}, **kwargs)


def token_for(tenant, app_index: int = 0) -> str:
    app = tenant.apps[app_index]
    result = make_msal(tenant, app["clientId"], app["secret"]).acquire_token_for_client(scopes=GRAPH_SCOPE)
    assert "access_token" in result, result
    return result["access_token"]


def pick_user(tenant, **wanted) -> dict:
    """The first user matching all `wanted` conditions (property -> value, or callable)."""
    for user in tenant.users.values():
        if all(v(user.get(k)) if callable(v) else user.get(k) == v for k, v in wanted.items()):
            return user
    raise LookupError(wanted)


def writable_user(tenant) -> dict:
    return pick_user(tenant, onPremisesImmutableId=None, privilegedRole=False, onPremisesSyncEnabled=None,
                     userType="Member", userPrincipalName=lambda upn: upn.endswith("@nordskolan.example"))


def writable_users(tenant, n: int) -> list[dict]:
    found = [u for u in tenant.users.values() if u["onPremisesImmutableId"] is None and not u["privilegedRole"]
             and not u["onPremisesSyncEnabled"] and u["userType"] == "Member"
             and u["userPrincipalName"].endswith("@nordskolan.example")]
    assert len(found) >= n
    return found[:n]


def claims_of(jwt: str) -> dict:
    payload = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
