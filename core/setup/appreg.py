"""Create (and renew) the app registration for the admin after one interactive sign-in (graph-facts §10).

Order: Graph's role ids, the application, its service principal, a client secret (the longest the
tenant's policy allows, up to the asked lifetime), admin consent per role (appRoleAssignedTo). Then the
caller stores the secret and waits with `wait_until_ready` until a client-credentials token's `roles`
holds User.ReadWrite.All. Every failure is an AppRegError naming what was created, so the message can
say how to delete it. A `cancel` event is honoured between steps and during every wait (code
`appreg_stopped`, naming what exists). Qt-free: the CLI and the wizard drive it alike; progress comes as
codes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

import requests

from core.graph.auth import AuthCode, AuthError, TokenProvider
from core.graph.connection import Connection
from core.graph.http import VerifyingSession
from core.setup.appreg_graph import AppGraph, GraphCallError, NewSecret, retry_unreplicated
from core.setup.appreg_keys import (
    add_certificate,
    key_ids_of,
    longest_allowed,
    remove_certificates,
    still_valid,
)

DEFAULT_NAME = "Immutable ID Sync"
NEEDED_ROLE = "User.ReadWrite.All"
# RoleManagement.Read.Directory: without it "admins known before writing" never works for the apps we create.
OPTIONAL_ROLES = ("Domain.Read.All", "Application.Read.All", "RoleManagement.Read.Directory")
SECRET_NAME = "Immutable ID Sync (created by the tool)"  # noqa: S105 — the credential's label
REPLICATION_TIMEOUT_S = 300.0

Progress = Callable[[str, dict], None]


def pause(seconds: float, cancel: threading.Event | None = None) -> None:
    """Waiting between replication checks, cut short by `cancel`; one name, so tests can make time pass
    without waiting."""
    if cancel is not None:
        cancel.wait(seconds)
    else:
        time.sleep(seconds)


def elapsed_clock() -> float:
    return time.monotonic()


@dataclass(frozen=True)
class Created:
    kind: str  # "application" | "service_principal" | "client_secret" | "certificate" | "consent"
    ident: str


class AppRegError(Exception):
    """`code` is a key in core.messages; `created` what exists now; `client_id`/`name` of the new app."""

    def __init__(self, code: str, created: list[Created], *, client_id: str = "", name: str = "",
                 detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.created = list(created)
        self.client_id = client_id
        self.name = name
        self.detail = detail[:300]


@dataclass(frozen=True)
class Options:
    name: str = DEFAULT_NAME
    secret_years: int = 3
    optional_roles: tuple[str, ...] = OPTIONAL_ROLES
    certificate: bool = False  # a certificate instead of a client secret (also made when secrets are blocked)


@dataclass
class NewApp:
    connection: Connection  # tenant, client id, cloud/URLs, credential expiry, certificate thumbprint
    secret: NewSecret = field(repr=False)  # the client secret, or the certificate (its key as the value)
    object_id: str
    asked_days: int
    created: list[Created]
    old_key_ids: list[str] = field(default_factory=list)  # renew: the credentials the new one replaces
    old_are_certificates: bool = False  # renew: old_key_ids name certificates (else secrets)
    secrets_blocked: bool = False  # the tenant's policy refused a secret, so a certificate was made
    same_name: list[str] = field(default_factory=list)  # create: client ids of older apps with this name
    name: str = ""  # the app registration's display name as Entra has it (renew: read from the app)

    @property
    def capped(self) -> bool:
        """The tenant's policy gave a shorter secret or certificate than asked for."""
        return (self.secret.expires - datetime.now(UTC)).days < self.asked_days - 2


def create(base: Connection, token: str, options: Options, progress: Progress, *,
           session: requests.Session | None = None, sleep: Callable[[float], None] | None = None,
           cancel: threading.Event | None = None) -> NewApp:
    graph = AppGraph(base, token, session or VerifyingSession(base.verify))
    created: list[Created] = []
    nap = _napper(sleep, cancel, created, options.name)
    try:
        progress("appreg_roles", {})
        graph_sp, role_ids = graph.graph_roles()
        wanted = [NEEDED_ROLE, *options.optional_roles]
        missing = [r for r in wanted if r not in role_ids]
        if missing:
            raise AppRegError("appreg_role_unknown", created, detail=", ".join(missing))
        same_name = _same_name(graph, options.name, progress)
        _stop_if_asked(cancel, created, options.name)
        progress("appreg_app", {"name": options.name})
        app = graph.create_app(options.name, [role_ids[r] for r in wanted])
        created.append(Created("application", app["appId"]))
        progress("appreg_sp", {})
        sp_id = retry_unreplicated(lambda: graph.create_sp(app["appId"]), nap)
        created.append(Created("service_principal", sp_id))
        days = options.secret_years * 365
        _stop_if_asked(cancel, created, options.name)
        secret, blocked = _add_credential(graph, app, days, created, options, nap, progress)
        for role in wanted:
            _stop_if_asked(cancel, created, options.name)
            progress("appreg_consent", {"role": role})
            retry_unreplicated(lambda r=role: graph.grant(graph_sp, sp_id, role_ids[r]), nap)
            created.append(Created("consent", role))
    except GraphCallError as exc:
        raise _graph_failure(exc, created, options.name) from None
    conn = replace(base, client_id=app["appId"], secret_expires=secret.expires.date(), name=base.name,
                   cert_thumbprint=secret.thumbprint)
    return NewApp(conn, secret, app["id"], days, created, same_name=same_name, secrets_blocked=blocked)


def _add_credential(graph: AppGraph, app: dict, days: int, created: list[Created], options: Options,
                    nap: Callable[[float], None], progress: Progress, *, current: tuple[str, str] | None = None,
                    keep_key_ids: list[str] | None = None) -> tuple[NewSecret, bool]:
    """A secret, or a certificate when asked or when the tenant's policy blocks secrets (§16); whether
    secrets were blocked. Each is recorded in `created` the moment it exists."""
    blocked = False
    if not options.certificate:
        progress("appreg_secret", {"days": days})
        try:
            secret = _add_secret(graph, app["id"], days, created, app, options, nap)
            created.append(Created("client_secret", secret.key_id))
            return secret, False
        except AppRegError as exc:
            if exc.code != "appreg_secrets_blocked":
                raise
        blocked = True
        progress("appreg_secrets_blocked_certificate", {})
    progress("appreg_certificate", {"days": days})
    cert = add_certificate(graph, app, options.name, days, nap, current=current, keep_key_ids=keep_key_ids)
    created.append(Created("certificate", cert.key_id))
    return cert, blocked


def _same_name(graph: AppGraph, name: str, progress: Progress) -> list[str]:
    """Apps of this tenant already called `name` (a second "Immutable ID Sync" is easy to make by mistake
    and hard to tell apart later). A warning, never a refusal; a listing Graph refuses is no warning."""
    try:
        found = graph.apps_named(name)
    except GraphCallError:
        return []
    if found:
        progress("appreg_same_name", {"name": name, "count": len(found), "client_ids": ", ".join(found)})
    return found


def _stop_if_asked(cancel: threading.Event | None, created: list[Created], name: str) -> None:
    if cancel is not None and cancel.is_set():
        client_id = next((c.ident for c in created if c.kind == "application"), "")
        raise AppRegError("appreg_stopped", created, client_id=client_id, name=name)


def _napper(sleep: Callable[[float], None] | None, cancel: threading.Event | None, created: list[Created],
            name: str) -> Callable[[float], None]:
    """The wait between retries: cut short by `cancel` (then AppRegError naming what exists)."""
    def nap(seconds: float) -> None:
        if sleep is not None:
            sleep(seconds)
        else:
            pause(seconds, cancel)
        _stop_if_asked(cancel, created, name)
    return nap


def _add_secret(graph: AppGraph, object_id: str, days: int, created: list[Created], app: dict,
                options: Options, sleep: Callable[[float], None]) -> NewSecret:
    """The asked lifetime, else the longest the tenant's policy accepts (§10, §16). AppRegError
    `appreg_secrets_blocked` when the policy allows no secret at all."""
    def attempt(lifetime: int) -> NewSecret:
        expires = datetime.now(UTC) + timedelta(days=lifetime)
        return retry_unreplicated(lambda: graph.add_password(object_id, SECRET_NAME, expires), sleep)

    try:
        return longest_allowed(attempt, days)
    except GraphCallError as exc:
        if not exc.policy_refused:
            raise
        raise AppRegError("appreg_secrets_blocked", created, client_id=app["appId"], name=options.name,
                          detail=exc.message) from None


def _graph_failure(exc: GraphCallError, created: list[Created], name: str) -> AppRegError:
    client_id = next((c.ident for c in created if c.kind == "application"), "")
    if exc.status == 403:
        code = "appreg_not_admin" if not created else "appreg_consent_forbidden"
    elif exc.status == 0:
        code = "network_error"
    else:
        code = "appreg_graph_failed"
    return AppRegError(code, created, client_id=client_id, name=name, detail=f"{exc.status} {exc.code}: "
                       f"{exc.message}")


def wait_until_ready(conn: Connection, secret: str, progress: Progress, *, timeout_s: float = REPLICATION_TIMEOUT_S,
                     sleep: Callable[[float], None] | None = None, clock: Callable[[], float] | None = None,
                     created: list[Created] | None = None, timeout_code: str = "appreg_replication_timeout",
                     cancel: threading.Event | None = None, stopped_code: str = "appreg_stopped") -> int:
    """Ask for client-credentials tokens until one carries User.ReadWrite.All; returns the attempts.
    Raises AppRegError(`timeout_code`) after `timeout_s`, AppRegError(`stopped_code`) when cancelled."""
    clock = clock or elapsed_clock
    start, attempt, delay = clock(), 0, 2.0
    while True:
        if cancel is not None and cancel.is_set():
            raise AppRegError(stopped_code, created or [], client_id=conn.client_id, name=conn.name or "")
        attempt += 1
        elapsed = clock() - start
        progress("appreg_waiting", {"attempt": attempt, "elapsed": int(elapsed), "timeout": int(timeout_s)})
        if _token_ready(conn, secret):
            return attempt
        if elapsed + delay > timeout_s:
            raise AppRegError(timeout_code, created or [], client_id=conn.client_id,
                              name=conn.name or "")
        if sleep is not None:
            sleep(delay)
        else:
            pause(delay, cancel)
        delay = min(delay * 1.5, 15.0)


def _token_ready(conn: Connection, secret: str) -> bool:
    """A fresh provider each time: MSAL must not hand back a cached token issued before consent."""
    try:
        token = TokenProvider(conn, secret).token()
    except AuthError as exc:
        if exc.code in (AuthCode.APP_NOT_FOUND, AuthCode.SECRET_INVALID, AuthCode.LOGIN_UNAVAILABLE):
            return False  # AADSTS700016 / 7000215 while the new app and secret replicate
        raise
    return NEEDED_ROLE in token.roles


def renew(conn: Connection, token: str, progress: Progress, *, years: int = 3, old_secret: str | None = None,
          session: requests.Session | None = None, sleep: Callable[[float], None] | None = None,
          cancel: threading.Event | None = None) -> NewApp:
    """Add a new credential of the connection's kind (a certificate connection gets a new certificate; a
    secret one a new secret, or a certificate when the tenant now blocks secrets). `old_secret`: what this
    computer signs in with today (the secret, or the certificate's key). Removing the old credential is
    `remove_old_secret`, after the new one has proved to work."""
    graph = AppGraph(conn, token, session or VerifyingSession(conn.verify))
    sleep = _napper(sleep, cancel, [], conn.name or "")
    created: list[Created] = []
    try:
        progress("appreg_find", {"client_id": conn.client_id})
        app = graph.find_app(conn.client_id)
        days = years * 365
        name = str(app.get("displayName") or "")
        if conn.cert_thumbprint:
            old_keys = key_ids_of(app, conn.cert_thumbprint)
            usable = old_secret is not None and any(still_valid(app, k) for k in old_keys)
            current = (old_secret, conn.cert_thumbprint) if usable and old_secret else None
            secret, blocked = _add_credential(graph, app, days, created, Options(name=name, certificate=True), sleep,
                                              progress, current=current, keep_key_ids=key_ids_of(app))
        else:
            old_keys = [p["keyId"] for p in app.get("passwordCredentials", [])
                        if old_secret and p.get("hint") and old_secret.startswith(p["hint"])]
            secret, blocked = _add_credential(graph, app, days, created, Options(name=name), sleep, progress,
                                              keep_key_ids=key_ids_of(app))
    except GraphCallError as exc:
        error = _graph_failure(exc, created, conn.name or "")
        error.code = "appreg_renew_not_allowed" if exc.status == 403 else error.code
        raise error from None
    new_conn = replace(conn, secret_expires=secret.expires.date(), cert_thumbprint=secret.thumbprint)
    return NewApp(new_conn, secret, app["id"], days, created, old_keys, name=name,
                  old_are_certificates=bool(conn.cert_thumbprint), secrets_blocked=blocked)


def remove_old_secret(conn: Connection, token: str, new: NewApp, session: requests.Session | None = None) -> int:
    """Delete the credentials `new` replaced: secrets by removePassword, certificates by removeKey (proven
    with the new certificate's key, so only after it signs in)."""
    graph = AppGraph(conn, token, session or VerifyingSession(conn.verify))
    if new.old_are_certificates:
        if not new.secret.is_certificate:
            return 0  # removeKey needs a certificate's proof; the old one stays until it expires
        return remove_certificates(graph, new.object_id, new.old_key_ids, new.secret)
    for key_id in new.old_key_ids:
        graph.remove_password(new.object_id, key_id)
    return len(new.old_key_ids)


def days_left(expires: date | None, today: date | None = None) -> int | None:
    return None if expires is None else (expires - (today or date.today())).days
