"""A connection to one tenant: which tenant, which app, which cloud (or explicit sandbox URLs).

Validation is pure (no network) and returns problems as data; `core.messages` has the English text.
The secret is never part of a Connection: it travels separately and is never written to a profile. A
connection whose app signs in with a certificate (graph-facts §16) names the certificate's SHA-1 thumbprint
(`cert_thumbprint`); its private key lives in the keyring like a secret (core/setup/secrets.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from core.graph.clouds import KNOWN_LOGIN_HOSTS, Cloud

GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LABEL = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
DOMAIN_RE = re.compile(rf"^(?:{_LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})$")
# Authorities that mean "any tenant": client credentials need one real tenant.
MULTI_TENANT_ALIASES = frozenset({"common", "organizations", "consumers"})
# Entra client secrets are ~40 characters and (since 2019) contain "~"; an id never does.
_HEXISH = re.compile(r"^[0-9a-fA-F{}-]*$")
_THUMBPRINT = re.compile(r"^[0-9A-F]{40}$")


def _secret_like(text: str) -> bool:
    # A GUID with a typo is hex and hyphens; a secret has other letters or symbols.
    return "~" in text or (len(text) >= 30 and " " not in text and not _HEXISH.match(text))


@dataclass(frozen=True, slots=True)
class InputProblem:
    field: str   # "tenant", "client_id", "cloud", "login_url", "graph_url", "ca_bundle", "profile"
    code: str    # key in core.messages


class ProfileError(ValueError):
    """A profile file that cannot be used. `code` is a key in core.messages; `field` is the key in the file
    it is about, `line`/`column` where the JSON breaks (1-based). No secret in the message."""

    def __init__(self, code: str, path: str | Path, field: str | None = None, *,
                 line: int | None = None, column: int | None = None) -> None:
        where = (f" ({field})" if field else "") + (f" line {line}, column {column}" if line else "")
        super().__init__(f"{code}: {path}{where}")
        self.code = code
        self.path = str(path)
        self.field = field
        self.line = line
        self.column = column


@dataclass
class Connection:
    tenant: str
    client_id: str
    cloud: Cloud | str = Cloud.GLOBAL
    login_url: str | None = None
    graph_url: str | None = None
    ca_bundle: str | None = None
    name: str | None = None
    secret_expires: date | None = None  # when the credential (secret or certificate) expires
    cert_thumbprint: str | None = None  # set: the app signs in with this certificate, not a secret

    def __post_init__(self) -> None:
        # Pasted values often carry spaces, tabs or a newline; those are never meaningful.
        self.tenant = (self.tenant or "").strip()
        self.client_id = (self.client_id or "").strip()
        self.cloud = Cloud.parse(self.cloud) or str(self.cloud).strip()
        self.login_url = _clean_url(self.login_url)
        self.graph_url = _clean_url(self.graph_url)
        self.ca_bundle = (self.ca_bundle or "").strip() or None
        self.name = (self.name or "").strip() or None
        # as pasted from the admin center or certutil ("ab cd:ef…", often with an invisible U+200E in front)
        self.cert_thumbprint = "".join(ch for ch in (self.cert_thumbprint or "")
                                       if ch not in " :-\t\u200e\u200f").upper() or None
        if GUID_RE.match(self.tenant):
            self.tenant = self.tenant.lower()
        if GUID_RE.match(self.client_id):
            self.client_id = self.client_id.lower()

    # --- derived endpoints -------------------------------------------------------------------
    @property
    def login_base(self) -> str:
        return self.login_url or _cloud(self.cloud).login_url

    @property
    def graph_root(self) -> str:
        return self.graph_url or _cloud(self.cloud).graph_url

    @property
    def authority(self) -> str:
        return f"{self.login_base}/{self.tenant}"

    @property
    def graph_base(self) -> str:
        return f"{self.graph_root}/v1.0"

    @property
    def graph_scope(self) -> str:
        return f"{self.graph_root}/.default"

    @property
    def verify(self) -> str | bool:
        return self.ca_bundle or True

    @property
    def custom_login(self) -> bool:
        """True for a login host MSAL cannot validate with Microsoft (the sandbox, a test stand-in)."""
        return urlsplit(self.login_base).netloc.lower() not in KNOWN_LOGIN_HOSTS

    @property
    def uses_certificate(self) -> bool:
        return self.cert_thumbprint is not None

    @property
    def display_name(self) -> str:
        return self.name or self.tenant

    # --- validation --------------------------------------------------------------------------
    def validate(self) -> list[InputProblem]:
        """Everything that can be wrong before talking to the network. Empty list = fine."""
        problems = _tenant_problems(self.tenant) + _client_id_problems(self.client_id)
        if self.tenant and self.tenant.lower() == self.client_id.lower():
            problems.append(InputProblem("client_id", "client_id_same_as_tenant"))
        if not isinstance(self.cloud, Cloud):
            problems.append(InputProblem("cloud", "cloud_unknown"))
        for field in ("login_url", "graph_url"):
            code = _url_problem(getattr(self, field))
            if code:
                problems.append(InputProblem(field, code))
        if self.ca_bundle and not Path(self.ca_bundle).is_file():
            problems.append(InputProblem("ca_bundle", "ca_bundle_missing"))
        if self.cert_thumbprint and not _THUMBPRINT.match(self.cert_thumbprint):
            problems.append(InputProblem("certificate_thumbprint", "certificate_thumbprint_invalid"))
        return problems

    # --- profile JSON (contracts.md) ---------------------------------------------------------
    def to_profile_dict(self) -> dict:
        """The profile as stored/printed. Never holds the secret."""
        data = {
            "name": self.name,
            "tenant_id": self.tenant,
            "client_id": self.client_id,
            "cloud": str(self.cloud),
            "login_url": self.login_url,
            "graph_url": self.graph_url,
            "ca_bundle": self.ca_bundle,
            "secret_expires": self.secret_expires.isoformat() if self.secret_expires else None,
            "certificate_thumbprint": self.cert_thumbprint,
        }
        return {k: v for k, v in data.items() if v is not None}

    @classmethod
    def from_profile_dict(cls, data: dict) -> Connection:
        expires = data.get("secret_expires")
        return cls(
            tenant=str(data.get("tenant_id") or data.get("tenant") or ""),
            client_id=str(data.get("client_id") or ""),
            cloud=data.get("cloud") or Cloud.GLOBAL,
            login_url=data.get("login_url"),
            graph_url=data.get("graph_url"),
            ca_bundle=data.get("ca_bundle"),
            name=data.get("name"),
            secret_expires=parse_date(expires) if expires else None,
            cert_thumbprint=data.get("certificate_thumbprint"),
        )


def load_profile(path: str | Path, require_client_id: bool = True) -> tuple[Connection, str | None]:
    """Read a connection profile (the sandbox's JSON line, or one we saved). Returns (conn, secret|None).
    `require_client_id=False`: a profile naming only the tenant (`app create`: the app does not exist yet)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ProfileError("profile_not_found", path) from None
    except OSError:
        raise ProfileError("profile_unreadable", path) from None
    data = _profile_json(text, path)
    for field in ("tenant_id", "client_id") if require_client_id else ("tenant_id",):
        if not data.get(field) and not (field == "tenant_id" and data.get("tenant")):
            raise ProfileError("profile_missing_field", path, field)
    for field in _TEXT_KEYS:
        if data.get(field) is not None and not isinstance(data[field], str):
            raise ProfileError("profile_not_text", path, field)
    try:
        conn = Connection.from_profile_dict(data)
    except ValueError:
        raise ProfileError("profile_bad_date", path, "secret_expires") from None
    if conn.ca_bundle and not Path(conn.ca_bundle).is_absolute():
        # A relative CA bundle path means "next to the profile", wherever the command runs from.
        beside = path.parent / conn.ca_bundle
        if beside.is_file() and not Path(conn.ca_bundle).is_file():
            conn.ca_bundle = str(beside.resolve())
    secret = data.get("client_secret")
    return conn, (str(secret) if secret else None)


# Profile keys whose value must be a JSON string (a number or true there would otherwise crash, not explain).
_TEXT_KEYS = ("tenant_id", "tenant", "client_id", "cloud", "login_url", "graph_url", "ca_bundle", "name",
              "secret_expires", "client_secret", "certificate_thumbprint")


def _profile_json(text: str, path: Path) -> dict:
    """The profile's JSON object, or a ProfileError that says where the JSON breaks."""
    if not text.strip():
        raise ProfileError("profile_empty", path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # Broken at its very end, or a string never closed (json reports where that string starts): the
        # JSON stops early, most likely a copy or a download cut short.
        cut = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        code = "profile_cut_short" if cut else "profile_not_json"
        raise ProfileError(code, path, line=exc.lineno, column=exc.colno) from None
    if not isinstance(data, dict):
        raise ProfileError("profile_not_object", path)
    return data


def parse_date(value: str | date) -> date:
    """A date from 'YYYY-MM-DD' or an ISO timestamp ('2029-01-01T00:00:00Z'). Raises ValueError."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if len(text) > 10:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    return date.fromisoformat(text)


def _cloud(value: Cloud | str) -> Cloud:
    return value if isinstance(value, Cloud) else Cloud.GLOBAL


def _clean_url(value: str | None) -> str | None:
    text = (value or "").strip().rstrip("/")
    return text or None


def _looks_like_url(text: str) -> bool:
    return "://" in text or text.lower().startswith(("www.", "login.", "portal.", "entra.")) or "/" in text


def _tenant_problems(tenant: str) -> list[InputProblem]:
    code = None
    if not tenant:
        code = "tenant_empty"
    elif tenant.lower() in MULTI_TENANT_ALIASES:
        code = "tenant_multi_tenant_alias"
    elif _looks_like_url(tenant):
        code = "tenant_is_url"
    elif GUID_RE.match(tenant) or DOMAIN_RE.match(tenant):
        return []
    elif "@" in tenant:
        code = "tenant_is_email"
    elif _secret_like(tenant):
        code = "tenant_looks_like_secret"
    else:
        code = "tenant_invalid"
    return [InputProblem("tenant", code)]


def _client_id_problems(client_id: str) -> list[InputProblem]:
    if GUID_RE.match(client_id):
        return []
    if not client_id:
        code = "client_id_empty"
    elif _looks_like_url(client_id):
        code = "client_id_is_url"
    elif _secret_like(client_id):
        code = "client_id_looks_like_secret"
    else:
        code = "client_id_invalid"
    return [InputProblem("client_id", code)]


def _url_problem(url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        return "url_not_https"
    if not parts.hostname or parts.query or parts.fragment:
        return "url_invalid"
    return None
