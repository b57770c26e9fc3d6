"""The sandbox tenant's directory: tenant, domains, apps, users; loading a seed file (contracts.md)."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from core.sandbox import facts
from core.sandbox.domains import AUTH_TYPES as AUTH_TYPES  # re-exported: older imports name data
from core.sandbox.domains import make_domain as make_domain
from core.sandbox.domains import seed_domains
from core.sandbox.keys import KeyCredential, key_credential, seed_policy

# Properties every stored user has (Graph names), plus the sandbox-only `privilegedRole` marker.
USER_FIELDS = ("id", "displayName", "givenName", "surname", "userPrincipalName", "mail", "employeeId",
               "userType", "accountEnabled", "onPremisesImmutableId", "onPremisesSyncEnabled",
               "creationType", "jobTitle", "privilegedRole")
USER_TYPES = ("Member", "Guest")


@dataclass
class Password:
    """A client secret added through Graph (addPassword); works for sign-in once `ready_at` has passed."""

    key_id: str
    secret: str
    start: datetime
    end: datetime
    display_name: str
    ready_at: float = 0.0
    secret_hash: str = ""  # a tenant loaded from its state file knows only the hash (core/sandbox/state.py)
    hint_text: str = ""

    def matches(self, given: str) -> bool:
        if self.secret:
            return given == self.secret
        return bool(self.secret_hash) and hashlib.sha256(given.encode("utf-8")).hexdigest() == self.secret_hash

    @property
    def hint(self) -> str:  # the first characters Graph shows of a secret
        return self.secret[:3] if self.secret else self.hint_text


@dataclass
class App:
    client_id: str
    secret: str  # the seed's secret ("" once removed with removePassword)
    roles: list[str]
    secret_expires: datetime
    display_name: str = "Immutable ID Sync"
    object_id: str = ""
    passwords: list[Password] = field(default_factory=list)  # added through Graph
    ready_at: float = 0.0  # an app created through Graph is unknown to sign-in until then (replication)
    sp_id: str | None = None  # its service principal, once created
    graph_ready_at: float = 0.0  # until then Graph's other replicas do not know the app (or its SP) yet
    pending_roles: list[tuple[str, float]] = field(default_factory=list)  # consent granted, not replicated
    required: list[dict[str, Any]] = field(default_factory=list)  # requiredResourceAccess
    keys: list[KeyCredential] = field(default_factory=list)  # certificates (keyCredentials, §16)

    def roles_at(self, now: float) -> list[str]:
        return sorted(set(self.roles) | {r for r, at in self.pending_roles if at <= now})

    def public(self) -> dict[str, Any]:
        """For SandboxTenant.apps: everything a test or the GUI needs (this is a sandbox secret)."""
        return {"clientId": self.client_id, "secret": self.secret, "roles": list(self.roles),
                "secretExpires": _iso(self.secret_expires), "displayName": self.display_name}


@dataclass
class Account:
    """A person who can sign in on the sandbox's sign-in page, with their directory role."""

    upn: str
    display_name: str
    role: str  # "Global Administrator", another admin role, or "User"
    object_id: str = ""


ACCOUNT_ROLES = ("User", *sorted(facts.ROLE_TEMPLATE_IDS))


def default_accounts(domain: str, tenant_id: str) -> list[Account]:
    """An admin and a non-admin, so both answers of Graph can be tried."""
    return [Account(f"admin@{domain}", "Sandbox Admin", facts.GLOBAL_ADMIN, stable_guid("acct", tenant_id, 0)),
            Account(f"staff@{domain}", "Sandbox Staff", "User", stable_guid("acct", tenant_id, 1))]


@dataclass
class Directory:
    tenant_id: str
    display_name: str
    size: str
    domains: list[dict[str, Any]]
    apps: list[App]
    users: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> user, in listing order
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> role-assignable group (§12)
    role_assignments: list[dict[str, Any]] = field(default_factory=list)  # graph_roles.add_assignment
    accounts: list[Account] = field(default_factory=list)  # who can sign in interactively
    # §15: domain -> its internalDomainFederation (Graph's JSON; `"unreadable": true` after the trap),
    # domain -> the home-realm answer before its latest change and when that change was made
    federations: dict[str, dict[str, Any]] = field(default_factory=dict)
    realm_changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    # §16: the tenant's app-management policy (keys.seed_policy); the demo IdP once made (idp.demo_idp)
    app_policy: dict[str, Any] = field(default_factory=lambda: seed_policy(None, []))
    idp: dict[str, str] | None = None

    def account(self, upn: str) -> Account | None:
        return next((a for a in self.accounts if a.upn.lower() == upn.strip().lower()), None)

    @property
    def admin(self) -> Account | None:
        return next((a for a in self.accounts if a.role == facts.GLOBAL_ADMIN), None)

    @property
    def initial_domain(self) -> str:
        return next((d["id"] for d in self.domains if d.get("isInitial")), self.domains[0]["id"])

    def domain_names(self) -> set[str]:
        return {d["id"].lower() for d in self.domains}

    def federated_domains(self) -> set[str]:
        return {d["id"].lower() for d in self.domains if d["authenticationType"] == "Federated"}

    def domain(self, name: str) -> dict[str, Any] | None:
        return next((d for d in self.domains if d["id"] == name.strip().lower()), None)


class SeedError(ValueError):
    """A seed file that cannot be used; `problems` says what to fix, one line each."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        shown = problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])
        super().__init__(f"seed file {path}:\n  " + "\n  ".join(shown))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def stable_guid(*parts: object) -> str:
    """A GUID derived from text, so a seed or a synthetic school always has the same ids."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def is_guid(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


_USER_TEMPLATE: dict[str, Any] = {**dict.fromkeys(USER_FIELDS), "userType": "Member",
                                  "accountEnabled": True, "privilegedRole": False}


def make_user(**values: Any) -> dict[str, Any]:
    return {**_USER_TEMPLATE, **values}


def load_seed(path: str | Path) -> Directory:
    """Read and validate a seed file (contracts.md format). Raises SeedError listing every problem."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise SeedError(str(path), [f"cannot read the file: {exc.strerror or exc}"]) from None
    except UnicodeDecodeError:
        raise SeedError(str(path), ["the file is not UTF-8 text"]) from None
    except json.JSONDecodeError as exc:
        raise SeedError(str(path), [f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]) from None
    problems: list[str] = []
    directory = _build_directory(raw, problems, path.read_bytes())
    if problems or directory is None:
        raise SeedError(str(path), problems)
    return directory


def _build_directory(raw: Any, problems: list[str], content: bytes) -> Directory | None:
    if not isinstance(raw, dict):
        problems.append("the top level must be a JSON object with a 'users' list")
        return None
    allowed = ("tenant", "domains", "apps", "users", "accounts", "groups", "roleAssignments", "appManagementPolicy")
    unknown = set(raw) - set(allowed)
    if unknown:
        problems.append(f"unknown top-level keys: {', '.join(sorted(unknown))} (allowed: {', '.join(allowed)})")
    users_raw = raw.get("users")
    if not isinstance(users_raw, list):
        problems.append("'users' is missing or not a list")
        users_raw = []
    fingerprint = hashlib.sha256(content).hexdigest()
    tenant = _tenant(raw.get("tenant", {}), problems, fingerprint, len(users_raw))
    domains, federations = seed_domains(raw.get("domains"), users_raw, problems,
                                        f"sandbox{fingerprint[:6]}.onmicrosoft.com",
                                        _initial_domain(raw.get("tenant"), problems))
    apps = _apps(raw.get("apps"), problems, fingerprint)
    directory = Directory(tenant["id"], tenant["displayName"], tenant["size"], domains, apps,
                          federations=federations, app_policy=seed_policy(raw.get("appManagementPolicy"), problems))
    _users(users_raw, directory, problems)
    directory.accounts = _accounts(raw.get("accounts"), directory, problems)
    from core.sandbox.graph.roles import load_seed_roles  # imports this module

    load_seed_roles(raw, directory, problems)
    return directory


def _accounts(raw: Any, directory: Directory, problems: list[str]) -> list[Account]:
    """Seed key `accounts`: [{userPrincipalName, displayName, role}]; default an admin and a non-admin."""
    if raw is None:
        return default_accounts(directory.initial_domain, directory.tenant_id)
    if not isinstance(raw, list):
        problems.append("'accounts' must be a list")
        return []
    out = []
    for i, a in enumerate(raw):
        upn = a.get("userPrincipalName") if isinstance(a, dict) else None
        if not isinstance(upn, str) or upn.count("@") != 1:
            problems.append(f"accounts[{i}].userPrincipalName: must look like name@domain")
            continue
        role = a.get("role", "User")
        if role not in ACCOUNT_ROLES:
            problems.append(f"accounts[{i}].role: {role!r} must be one of {', '.join(ACCOUNT_ROLES)}")
        out.append(Account(upn, str(a.get("displayName", upn)), str(role),
                           stable_guid("acct", directory.tenant_id, i)))
    return out


def _tenant(raw: Any, problems: list[str], fingerprint: str, n_users: int) -> dict[str, str]:
    out = {"id": stable_guid("tenant", fingerprint), "displayName": "Sandbox School",
           "size": facts.size_for_user_count(n_users)}
    if not isinstance(raw, dict):
        problems.append("'tenant' must be an object")
        return out
    if "id" in raw and not is_guid(raw["id"]):
        problems.append(f"tenant.id: {raw['id']!r} is not a GUID (like 8f2c...-....-....-....-............)")
    elif "id" in raw:
        out["id"] = raw["id"].lower()
    if "displayName" in raw:
        out["displayName"] = str(raw["displayName"])
    if "size" in raw:
        if raw["size"] not in facts.RU_LIMIT_BY_SIZE:
            problems.append(f"tenant.size: {raw['size']!r} must be one of S, M, L")
        else:
            out["size"] = raw["size"]
    return out


def _initial_domain(raw: Any, problems: list[str]) -> str | None:
    """`tenant.initialDomain`: the tenant's `<name>.onmicrosoft.com` domain (every Entra tenant has one;
    the UPN swap moves users to it, graph-facts §11)."""
    name = raw.get("initialDomain") if isinstance(raw, dict) else None
    if name is None:
        return None
    if not isinstance(name, str) or not name.lower().endswith(".onmicrosoft.com") or name.count(".") != 2:
        problems.append(f"tenant.initialDomain: {name!r} must look like school.onmicrosoft.com")
        return None
    return name.lower()


def _apps(raw: Any, problems: list[str], fingerprint: str) -> list[App]:
    if raw is None:
        return [App(stable_guid("app", fingerprint), "sbx8Q~" + fingerprint[8:40], ["User.ReadWrite.All"],
                    datetime.now(UTC) + timedelta(days=365), object_id=stable_guid("appobj", fingerprint))]
    if not isinstance(raw, list) or not raw:
        problems.append("'apps' must be a non-empty list")
        return []
    apps = []
    for i, a in enumerate(raw):
        where = f"apps[{i}]"
        if not isinstance(a, dict):
            problems.append(f"{where}: must be an object")
            continue
        if not is_guid(a.get("clientId")):
            problems.append(f"{where}.clientId: {a.get('clientId')!r} is not a GUID")
        keys = _app_keys(where, a.get("keyCredentials"), problems)
        if (not isinstance(a.get("secret"), str) or not a.get("secret")) and (keys is None or "secret" in a):
            problems.append(f"{where}.secret: must be a non-empty string (or give keyCredentials only)")
        roles = a.get("roles", [])
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            problems.append(f"{where}.roles: must be a list of permission names like User.ReadWrite.All")
            roles = []
        expires = datetime.now(UTC) + timedelta(days=365)
        if "secretExpires" in a:
            try:
                expires = datetime.fromisoformat(str(a["secretExpires"]).replace("Z", "+00:00"))
                expires = expires if expires.tzinfo else expires.replace(tzinfo=UTC)
            except ValueError:
                problems.append(f"{where}.secretExpires: {a['secretExpires']!r} is not an ISO-8601 time")
        apps.append(App(str(a.get("clientId", "")).lower(), str(a.get("secret", "")), roles, expires,
                        str(a.get("displayName", f"App {i + 1}")), stable_guid("appobj", fingerprint, i),
                        keys=keys or []))
    return apps


def _app_keys(where: str, raw: Any, problems: list[str]) -> list[KeyCredential] | None:
    """`keyCredentials: [{"key": base64 DER or PEM, "displayName"?}]` (§16: a certificate-only app)."""
    if raw is None:
        return None
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}.keyCredentials: must be a non-empty list")
        return None
    keys = []
    for j, k in enumerate(raw):
        try:
            keys.append(key_credential(str(k.get("key") if isinstance(k, dict) else ""),
                                       str(k.get("displayName") or "") if isinstance(k, dict) else ""))
        except ValueError:
            problems.append(f"{where}.keyCredentials[{j}].key: must be a base64 (or PEM) X.509 certificate")
    return keys


_TYPES = {"id": str, "displayName": str, "userPrincipalName": str, "mail": (str, type(None)),
          "employeeId": (str, type(None)), "userType": str, "accountEnabled": bool,
          "onPremisesImmutableId": (str, type(None)), "onPremisesSyncEnabled": (bool, type(None)),
          "privilegedRole": bool, "givenName": (str, type(None)), "surname": (str, type(None)),
          "creationType": (str, type(None)), "jobTitle": (str, type(None))}


def _users(raw: list, directory: Directory, problems: list[str]) -> None:
    seen_upn: set[str] = set()
    seen_anchor: dict[str, int] = {}
    domains = directory.domain_names()
    for i, u in enumerate(raw):
        if not isinstance(u, dict):
            problems.append(f"users[{i}]: must be an object")
            continue
        _check_user_fields(f"users[{i}]", u, problems)
        uid, upn = u.get("id"), u.get("userPrincipalName")
        if not is_guid(uid):
            problems.append(f"users[{i}].id: {uid!r} is not a GUID")
        elif uid.lower() in directory.users:
            problems.append(f"users[{i}].id: {uid} appears twice")
        if _check_upn(f"users[{i}]", upn, seen_upn, domains, problems):
            seen_upn.add(upn.lower())
        anchor = u.get("onPremisesImmutableId")
        if isinstance(anchor, str):
            if anchor in seen_anchor:
                problems.append(f"users[{i}].onPremisesImmutableId: {anchor!r} is already used by "
                                f"users[{seen_anchor[anchor]}] (must be unique)")
            seen_anchor[anchor] = i
        if is_guid(uid) and isinstance(upn, str):
            values = {k: v for k, v in u.items() if k in _TYPES}
            directory.users[uid.lower()] = make_user(**{**values, "id": uid.lower()})


def _check_user_fields(where: str, u: dict, problems: list[str]) -> None:
    bad = [k for k in u if k not in _TYPES]
    if bad:
        problems.append(f"{where}: unknown properties {', '.join(sorted(bad))}")
    for key, kind in _TYPES.items():
        if key in u and not isinstance(u[key], kind):
            problems.append(f"{where}.{key}: wrong type ({type(u[key]).__name__})")
    if u.get("userType", "Member") not in USER_TYPES:
        problems.append(f"{where}.userType: {u.get('userType')!r} must be Member or Guest")


def _check_upn(where: str, upn: Any, seen: set[str], domains: set[str], problems: list[str]) -> bool:
    if not isinstance(upn, str) or upn.count("@") != 1:
        problems.append(f"{where}.userPrincipalName: {upn!r} must look like name@domain")
        return False
    if upn.lower() in seen:
        problems.append(f"{where}.userPrincipalName: {upn} appears twice")
    if "#EXT#" not in upn and upn.rsplit("@", 1)[1].lower() not in domains:
        problems.append(f"{where}.userPrincipalName: domain of {upn} is not in 'domains'")
    return True
