"""Federated domains in the sandbox tenant (graph-facts §15): the domain's internalDomainFederation, its
authentication type, and what the public home-realm endpoint says about it — which, as on Entra, lags
behind a change by a replication delay (`SandboxConfig.federation_delay_s`).

All state lives in `Directory.federations` and `Directory.realm_changes` as plain JSON-able data."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from core.sandbox import facts
from core.sandbox.data import Directory
from core.sandbox.keys import self_signed

UF = facts.UNCONFIRMED
UNREADABLE = "unreadable"  # the trap of §15: federated, but no configuration Graph can read


def finish(directory: Directory) -> None:
    """A seeded federated domain gets a configuration (its own IdP), so it reads like one on Entra."""
    for domain in directory.domains:
        name = domain["id"]
        if domain["authenticationType"] != "Federated":
            continue
        seeded = directory.federations.get(name, {})
        if seeded.get("id") and seeded.get("signingCertificate"):
            continue
        cert = seeded.get("signingCertificate") or self_signed(f"idp.{name}")[0]
        directory.federations[name] = new_configuration({
            "displayName": f"{name} IdP", "issuerUri": f"http://idp.{name}/adfs/services/trust",
            "passiveSignInUri": f"https://idp.{name}/adfs/ls/", "preferredAuthenticationProtocol": "wsFed",
            **seeded, "signingCertificate": cert})


def new_configuration(body: dict[str, Any]) -> dict[str, Any]:
    """Graph's internalDomainFederation for a create: every property, an id and the update status."""
    config: dict[str, Any] = dict.fromkeys(facts.FEDERATION_PROPERTIES)
    config.update({k: v for k, v in body.items() if k in facts.FEDERATION_PROPERTIES})
    config["isSignedAuthenticationRequestRequired"] = bool(config["isSignedAuthenticationRequestRequired"])
    config["id"] = str(body.get("id") or uuid.uuid4())
    config["signingCertificateUpdateStatus"] = {
        "certificateUpdateResult": "Success",
        "lastRunDateTime": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f0Z")}
    return config


def readable(directory: Directory, name: str) -> dict[str, Any] | None:
    config = directory.federations.get(name)
    return None if config is None or config.get(UNREADABLE) else config


# --- changes (each one restarts the home-realm replication clock) -----------------------------------
def federate(directory: Directory, name: str, config: dict[str, Any], now: float, delay_s: float) -> None:
    _remember_realm(directory, name, now, delay_s)
    directory.federations[name] = config
    directory.domain(name)["authenticationType"] = "Federated"


def update(directory: Directory, name: str, changes: dict[str, Any], now: float, delay_s: float) -> None:
    if "passiveSignInUri" in changes or "preferredAuthenticationProtocol" in changes:
        _remember_realm(directory, name, now, delay_s)
    directory.federations[name].update(changes)


def unfederate(directory: Directory, name: str, now: float, delay_s: float) -> None:
    _remember_realm(directory, name, now, delay_s)
    directory.federations.pop(name, None)
    directory.domain(name)["authenticationType"] = "Managed"


def trap(directory: Directory, name: str, now: float, delay_s: float) -> None:
    """§15: a create without signingCertificate that errors yet leaves the domain federated."""
    _remember_realm(directory, name, now, delay_s)
    directory.federations[name] = {UNREADABLE: True}
    directory.domain(name)["authenticationType"] = "Federated"


def set_authentication(directory: Directory, name: str, auth: str, now: float, delay_s: float) -> None:
    """What MSOnline's Set-MsolDomainAuthentication did (the only way out of the trap): for tests."""
    if auth == "Managed":
        unfederate(directory, name, now, delay_s)
    else:
        federate(directory, name, directory.federations.get(name) or {UNREADABLE: True}, now, delay_s)


def _remember_realm(directory: Directory, name: str, now: float, delay_s: float) -> None:
    """Keep what the home-realm endpoint says now, until the change replicates (a change while one is
    still replicating keeps the older answer: the world has not seen either yet)."""
    pending = directory.realm_changes.get(name)
    if pending is not None and now < pending["at"] + pending["delay"]:
        directory.realm_changes[name] = {**pending, "at": now}
        return
    directory.realm_changes[name] = {"before": _current_realm(directory, name), "at": now, "delay": delay_s}


def _current_realm(directory: Directory, name: str) -> dict[str, Any]:
    domain = directory.domain(name)
    config = directory.federations.get(name) or {}
    if domain is None or domain["authenticationType"] != "Federated":
        return {"type": "Managed" if domain is not None else "Unknown"}
    return {"type": "Federated", "authUrl": config.get("passiveSignInUri"),
            "protocol": config.get("preferredAuthenticationProtocol"), "brand": config.get("displayName")}


# --- the home-realm endpoint ------------------------------------------------------------------------
def userrealm(directory: Directory, upn: str, now: float, delay_s: float) -> dict[str, Any]:
    """GET /common/userrealm/{upn}?api-version=2.1: the answer as the world sees it at `now`. The delay in
    force is the one set when the change was made, or the current setting if that is shorter."""
    name = upn.rpartition("@")[2].strip().lower()
    pending = directory.realm_changes.get(name)
    if pending is not None and now < pending["at"] + min(pending["delay"], delay_s):
        realm = pending["before"]
    else:
        realm = _current_realm(directory, name)
    answer: dict[str, Any] = {"NameSpaceType": realm["type"], "Login": upn, "DomainName": name,
                              "FederationBrandName": realm.get("brand") or directory.display_name,
                              "TenantBrandingInfo": None, "cloud_instance_name": "microsoftonline.com"}
    if realm["type"] == "Federated":
        answer["AuthURL"] = _auth_url(str(realm.get("authUrl") or ""), upn)
        answer["federation_protocol"] = UF["userrealm_federation_protocol"].get(  # type: ignore[union-attr]
            realm.get("protocol") or "wsFed", "WSTrust")
    elif realm["type"] == "Unknown":
        answer.pop("FederationBrandName")
    return answer


def _auth_url(passive: str, upn: str) -> str:
    if not UF["userrealm_authurl_query"] or not passive:
        return passive
    glue = "&" if "?" in passive else "?"
    return (f"{passive}{glue}username={quote(upn, safe='')}&wa=wsignin1.0"
            "&wtrealm=urn%3afederation%3aMicrosoftOnline&wctx=")
