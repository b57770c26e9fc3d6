"""The sandbox tenant's domains and the seed's `domains` key (contracts.md): `isVerified`, `isDefault`,
`isRoot`, `isInitial`, `authenticationType` and an optional `federationConfiguration` (graph-facts §15).

Every flag has a default that keeps older seeds working: verified, a root domain unless another listed
domain is its parent, the default is the first listed managed domain (or an explicit `isDefault`), and the
tenant's `<name>.onmicrosoft.com` domain is the initial one (added when the seed has none)."""

from __future__ import annotations

from typing import Any

AUTH_TYPES = ("Managed", "Federated")
_FLAGS = ("isDefault", "isVerified", "isRoot", "isInitial")


def make_domain(name: str, auth: str = "Managed", default: bool = False, initial: bool = False,
                verified: bool = True, root: bool = True) -> dict[str, Any]:
    return {"id": name, "authenticationType": auth, "isDefault": default, "isInitial": initial,
            "isRoot": root, "isVerified": verified, "supportedServices": ["Email", "OfficeCommunicationsOnline"]}


def parent_of(name: str, names: set[str]) -> str | None:
    """The nearest listed domain that `name` is a subdomain of (Entra: a subdomain is not a root domain)."""
    labels = name.split(".")
    return next((".".join(labels[i:]) for i in range(1, len(labels) - 1) if ".".join(labels[i:]) in names), None)


def seed_domains(raw: Any, users: list, problems: list[str], initial: str,
                 declared_initial: str | None) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """(domains, {domain: its seeded federationConfiguration}) from the seed's `domains` value."""
    if raw is None:  # default: one managed domain per UPN suffix
        names = sorted({u["userPrincipalName"].rsplit("@", 1)[-1].lower() for u in users
                        if isinstance(u, dict) and isinstance(u.get("userPrincipalName"), str)
                        and "@" in u["userPrincipalName"] and "#EXT#" not in u["userPrincipalName"]})
        entries: list[dict[str, Any]] = [{"id": n} for n in names]
    elif not isinstance(raw, list):
        problems.append("'domains' must be a list")
        entries = []
    else:
        entries = raw
    domains, configs, explicit = [], {}, {}
    for i, d in enumerate(entries):
        domain = _one(i, d, problems)
        if domain is None:
            continue
        explicit[domain["id"]] = {k: d[k] for k in _FLAGS if k in d}
        if isinstance(d.get("federationConfiguration"), dict):
            configs[domain["id"]] = dict(d["federationConfiguration"])
        elif "federationConfiguration" in d:
            problems.append(f"domains[{i}].federationConfiguration: must be an object")
        domains.append(domain)
    _add_initial(domains, explicit, initial, declared_initial, problems)
    _finish_flags(domains, explicit, problems)
    for name in configs:
        domain = next(x for x in domains if x["id"] == name)
        if domain["authenticationType"] != "Federated":
            problems.append(f"domain {name}: a federationConfiguration needs authenticationType Federated")
    return domains, configs


def _one(i: int, d: Any, problems: list[str]) -> dict[str, Any] | None:
    if not isinstance(d, dict) or not isinstance(d.get("id"), str) or "." not in d["id"]:
        problems.append(f"domains[{i}]: needs an 'id' that is a domain name, like school.example")
        return None
    auth = d.get("authenticationType", "Managed")
    if auth not in AUTH_TYPES:
        problems.append(f"domains[{i}].authenticationType: {auth!r} must be Managed or Federated")
        auth = "Managed"
    for flag in _FLAGS:
        if flag in d and not isinstance(d[flag], bool):
            problems.append(f"domains[{i}].{flag}: must be true or false")
    return make_domain(d["id"].strip().lower(), auth)


def _add_initial(domains: list[dict], explicit: dict[str, dict], initial: str, declared: str | None,
                 problems: list[str]) -> None:
    """Exactly one initial domain: the declared one (tenant.initialDomain or a domain's isInitial), else the
    one shaped like <name>.onmicrosoft.com, else a new one."""
    marked = [name for name, flags in explicit.items() if flags.get("isInitial")]
    for name in marked:
        if not name.endswith(".onmicrosoft.com"):
            problems.append(f"domain {name}: only a <name>.onmicrosoft.com domain can be the initial domain")
    candidates = sorted({n for n in marked if n.endswith(".onmicrosoft.com")} | ({declared} if declared else set()))
    if len(candidates) > 1:
        problems.append(f"only one domain can be the initial domain (found: {', '.join(candidates)})")
    declared = candidates[0] if candidates else None
    name = declared or next((d["id"] for d in domains if d["id"].endswith(".onmicrosoft.com")), None) or initial
    found = next((d for d in domains if d["id"] == name), None)
    if found is None:
        domains.append(make_domain(name, initial=True))
        explicit[name] = {}
    else:
        found["isInitial"] = True


def _finish_flags(domains: list[dict], explicit: dict[str, dict], problems: list[str]) -> None:
    names = {d["id"] for d in domains}
    for d in domains:
        flags = explicit.get(d["id"], {})
        d["isVerified"] = bool(flags.get("isVerified", True))
        d["isRoot"] = bool(flags.get("isRoot", parent_of(d["id"], names) is None))
        if d["isInitial"] and (not d["isVerified"] or d["authenticationType"] == "Federated"):
            problems.append(f"domain {d['id']}: the initial domain is always verified and managed")
        if d["authenticationType"] == "Federated" and not d["isVerified"]:
            problems.append(f"domain {d['id']}: an unverified domain cannot be federated")
    chosen = [d for d in domains if explicit.get(d["id"], {}).get("isDefault")]
    if len(chosen) > 1:
        problems.append(f"only one domain can be the default (found: {', '.join(d['id'] for d in chosen)})")
    default = chosen[0] if chosen else next(
        (d for d in domains if d["authenticationType"] == "Managed" and d["isVerified"] and not d["isInitial"]),
        next(d for d in domains if d["isInitial"]))
    for d in domains:
        d["isDefault"] = d is default
    if default["authenticationType"] == "Federated" or not default["isVerified"]:
        problems.append(f"domain {default['id']}: the default domain must be verified and managed")
