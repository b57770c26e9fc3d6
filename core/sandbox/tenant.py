"""`SandboxTenant`: one running stand-in for Entra login + Microsoft Graph (docs/design.md)."""

from __future__ import annotations

import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from core.sandbox import facts, federation, idp, login, public, signin, state
from core.sandbox.config import Decision, FaultInjector, SandboxConfig
from core.sandbox.data import App, Directory, load_seed, make_user, stable_guid
from core.sandbox.graph import api as graph_api
from core.sandbox.graph import roles as graph_roles
from core.sandbox.graph.users import Pager, project
from core.sandbox.keys import key_credential
from core.sandbox.responses import PLAIN_JSON, Request, Response, encode_json, graph_error
from core.sandbox.server import SandboxServer
from core.sandbox.synthetic import synthetic
from core.sandbox.throttle import Throttle
from core.sandbox.tls import Certificates, make_certificates
from core.sandbox.tokens import TokenMint

DEFAULT_USERS = 200
PREWARM_MIN_USERS = 5000
_LOGIN = re.compile(r"^/([^/]+)(/v2\.0/\.well-known/openid-configuration|/oauth2/v2\.0/token"
                    r"|/oauth2/v2\.0/authorize|/oauth2/v2\.0/devicecode|/devicelogin)$")
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


class SandboxTenant(state.Persistent):
    def __init__(self, config: SandboxConfig | None = None, seed_path: str | Path | None = None,
                 users: int | None = None, port: int = 0, *, directory: Directory | None = None,
                 seed: int = 1, clock: Callable[[], float] | None = None, host: str = "127.0.0.1") -> None:
        self.config = config or SandboxConfig()
        if directory is None:
            directory = load_seed(seed_path) if seed_path else synthetic(
                DEFAULT_USERS if users is None else users, seed)
        self.directory = directory
        graph_roles.finish(directory)  # privilegedRole <-> role assignments (§12)
        federation.finish(directory)  # a seeded federated domain has its configuration (§15)
        self.users: dict[str, dict[str, Any]] = directory.users  # live state, id -> user
        self.clock = clock or time.time
        self._host, self._port = host, port
        self._lock = threading.RLock()
        self._order: list[str] = list(self.users)
        self._upn_index = {u["userPrincipalName"].lower(): uid for uid, u in self.users.items()}
        self._anchor_index: dict[str, str] = {}
        for uid, user in self.users.items():
            if user.get("onPremisesImmutableId") is not None:
                self._anchor_index[self._anchor_key(user["onPremisesImmutableId"])] = uid
        self._fragments: dict[tuple[str, ...] | None, dict[str, str]] = {}
        self._warming: set[tuple[str, ...] | None] = set()
        self._audit: list[dict[str, Any]] = []
        self._before_write: dict[str, tuple[str | None, float]] = {}  # uid -> (value, when): replica lag
        self.mint = TokenMint(directory.tenant_id, self.clock)
        self.pager = Pager(secrets.token_bytes(16))
        self.throttle = Throttle(self.config, directory.tenant_id, directory.size, self.clock)
        self.faults = FaultInjector(self.config)
        self.certs: Certificates | None = None
        self.grants: dict[str, signin.Grant] = {}  # authorization codes not redeemed yet
        self.device_codes: dict[str, dict[str, Any]] = {}  # device-code sign-ins (approved: "account" set)
        self.graph_sp_id = stable_guid("graph-sp", directory.tenant_id)  # Graph's service principal here
        self._server: SandboxServer | None = None
        self._thread: threading.Thread | None = None
        self._state: state.StateFile | None = None  # save_state(): every change is kept in this file

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> SandboxTenant:
        if self._server is not None:
            return self
        self.certs = make_certificates()
        self._server = SandboxServer((self._host, self._port), self, self.certs.server_context())
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="sandbox-tenant", daemon=True)
        self._thread.start()
        self._port = self._server.server_address[1]
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self.certs is not None:  # the CA is throwaway: it must not outlive the sandbox
            shutil.rmtree(self.certs.folder, ignore_errors=True)
        if self._state is not None:  # one snapshot instead of a long change log
            self._persist_all()
            self._state.close()

    def __enter__(self) -> SandboxTenant:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- what clients need -------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._server is not None:
            self._port = self._server.server_address[1]  # remembered, so .url still works after stop()
        if not self._port:
            raise RuntimeError("the sandbox tenant is not started")
        return self._port

    @property
    def connections_accepted(self) -> int:
        return self._server.connections_accepted if self._server is not None else 0

    @property
    def url(self) -> str:
        return f"https://{self._host}:{self.port}"

    @property
    def ca_bundle(self) -> str:
        if self.certs is None:
            raise RuntimeError("the sandbox tenant is not started")
        return str(self.certs.ca_bundle)

    @property
    def tenant_id(self) -> str:
        return self.directory.tenant_id

    @property
    def authority(self) -> str:
        return f"{self.url}/{self.tenant_id}"

    @property
    def lock(self) -> threading.RLock:
        """Held while a handler changes the directory (federation, credentials) or a user."""
        return self._lock

    @property
    def idp(self) -> dict[str, str]:
        """The demo IdP (§15): entityId, ssoUrl, displayName, certificate (base64 DER); made on first use."""
        with self._lock:
            made = self.directory.idp is None
            found = idp.demo_idp(self.directory)
            if made:
                self._persist_all()
            return found

    @property
    def idp_metadata_url(self) -> str:
        return self.url + idp.METADATA_PATH

    def idp_metadata(self) -> str:
        return idp.metadata_xml(self.idp)

    @property
    def apps(self) -> list[dict[str, Any]]:
        """Registered apps, first = the default connection (with the role); the second has no consent."""
        return [app.public() for app in self.directory.apps]

    def connection_profile(self, app_index: int = 0) -> dict[str, str]:
        """The contract's connection JSON (contracts.md, `sandbox` command)."""
        app = self.directory.apps[app_index]
        profile = {"tenant_id": self.tenant_id, "client_id": app.client_id, "client_secret": app.secret,
                   "login_url": self.url, "graph_url": self.url, "ca_bundle": self.ca_bundle}
        if self.directory.admin is not None:  # who `--auto-sign-in` signs in as (app create)
            profile["admin_upn"] = self.directory.admin.upn
        profile["idp_metadata_url"] = self.idp_metadata_url  # the demo IdP (§15), made when first fetched
        return profile

    # --- state, for tests and the GUI --------------------------------------------------------
    def audit(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(e) for e in self._audit]

    def clear_audit(self) -> None:
        with self._lock:
            self._audit.clear()

    def find_app(self, client_id: str) -> App | None:
        return next((a for a in self.directory.apps if a.client_id == client_id.lower()), None)

    def set_app_roles(self, client_id: str, roles: list[str]) -> None:
        """Grant or revoke admin consent; tokens issued from now on carry exactly these roles."""
        app = self.find_app(client_id)
        if app is None:
            raise KeyError(client_id)
        app.roles = list(roles)
        self._persist_all()

    def add_app(self, roles: list[str] | None = None, secret_expires: datetime | None = None,
                client_id: str | None = None, secret: str | None = None,
                display_name: str = "Test app") -> dict[str, Any]:
        n = len(self.directory.apps)
        app = App(client_id or stable_guid("app", self.tenant_id, n), secret or secrets.token_urlsafe(24),
                  list(roles if roles is not None else ["User.ReadWrite.All"]),
                  secret_expires or datetime.now(UTC) + timedelta(days=365), display_name,
                  stable_guid("appobj", self.tenant_id, n))
        self.directory.apps.append(app)
        self._persist_all()
        return app.public()

    def add_app_certificate(self, client_id: str, certificate: str, display_name: str = "") -> dict[str, Any]:
        """Add a certificate (base64 DER or PEM) to an app's key credentials, usable at once (a test's or a
        seed's shortcut for what PATCH /applications does). Returns Graph's keyCredential."""
        app = self.find_app(client_id)
        if app is None:
            raise KeyError(client_id)
        key = key_credential(certificate, display_name)
        with self._lock:
            app.keys.append(key)
        self._persist_all()
        return key.graph()

    def set_domain_authentication(self, domain: str, auth: str) -> None:
        """Managed/Federated without Graph (what MSOnline's Set-MsolDomainAuthentication did): the one way out
        of §15's trap, for tests and the demo."""
        with self._lock:
            federation.set_authentication(self.directory, domain.lower(), auth, self.clock(),
                                          self.config.federation_delay_s)
        self._persist_all()

    def add_user(self, **values: Any) -> dict[str, Any]:
        """Add a user at run time (e.g. someone created while a run is in progress)."""
        user = make_user(**values)
        user.setdefault("id", stable_guid("user", len(self._order)))
        with self._lock:
            self.users[user["id"]] = user
            self._upn_index[user["userPrincipalName"].lower()] = user["id"]
            if user.get("onPremisesImmutableId") is not None:
                self._anchor_index[self._anchor_key(user["onPremisesImmutableId"])] = user["id"]
            self._order = self._order + [user["id"]]
            if user.get("privilegedRole"):
                graph_roles.add_assignment(self.directory, user["id"],
                                           facts.ROLE_TEMPLATES["Global Administrator"])
                self._persist_all()
            else:
                self._persist({"type": "user", "user": user})
        return user

    def organization(self) -> dict[str, Any]:
        return {"id": self.tenant_id, "displayName": self.directory.display_name, "tenantType": "AAD",
                "countryLetterCode": "SE", "verifiedDomains": [
                    {"name": d["id"], "type": d["authenticationType"], "isDefault": d["isDefault"],
                     "isInitial": d["isInitial"], "capabilities": "Email, OfficeCommunicationsOnline"}
                    for d in self.directory.domains]}

    def application(self, app: App) -> dict[str, Any]:
        start = app.secret_expires - timedelta(days=730)
        added = [{"customKeyIdentifier": None, "displayName": p.display_name, "hint": p.hint,
                  "endDateTime": p.end.strftime("%Y-%m-%dT%H:%M:%SZ"), "keyId": p.key_id, "secretText": None,
                  "startDateTime": p.start.strftime("%Y-%m-%dT%H:%M:%SZ")} for p in app.passwords]
        if not app.secret:
            return {"id": app.object_id, "appId": app.client_id, "displayName": app.display_name,
                    "keyCredentials": [k.graph() for k in app.keys], "passwordCredentials": added}
        return {"id": app.object_id, "appId": app.client_id, "displayName": app.display_name,
                "keyCredentials": [k.graph() for k in app.keys],
                "passwordCredentials": added + [{
                    "customKeyIdentifier": None, "displayName": "sandbox secret",
                    "endDateTime": app.secret_expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "hint": app.secret[:3], "keyId": stable_guid("key", app.client_id), "secretText": None,
                    "startDateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ")}]}

    # --- directory operations used by the Graph handlers -------------------------------------
    def _anchor_key(self, value: str) -> str:
        return value if facts.UNCONFIRMED["unique_case_sensitive"] else value.lower()

    def find_user(self, key: str) -> dict[str, Any] | None:
        user = self.users.get(key.lower())
        if user is None:
            uid = self._upn_index.get(key.lower())
            user = self.users.get(uid) if uid else None
        return user

    def ordered_ids(self) -> list[str]:
        return self._order

    def matching_ids(self, prop: str, value: str) -> list[str]:
        if prop == "onPremisesImmutableId":
            uid = self._anchor_index.get(self._anchor_key(value))
            return [uid] if uid else []
        wanted = value.lower()  # Graph compares these strings case-insensitively
        return [uid for uid in self._order if str(self.users[uid].get(prop) or "").lower() == wanted]

    def immutable_id_owner(self, value: str) -> str | None:
        return self._anchor_index.get(self._anchor_key(value))

    def fragments(self, select: tuple[str, ...] | None, ids: list[str]) -> list[str]:
        """JSON text of each user for this $select, cached until the user changes."""
        cache = self._fragments.get(select)
        if cache is not None:
            try:
                return [cache[uid] for uid in ids]
            except KeyError:
                pass
        with self._lock:  # misses are filled under the lock, so a PATCH can't leave a stale entry
            cache = self._fragments.setdefault(select, {})
            out = []
            for uid in ids:
                text = cache.get(uid)
                if text is None:
                    text = encode_json(project(self.users[uid], select))
                    cache[uid] = text
                out.append(text)
            return out

    def prewarm(self, select: tuple[str, ...] | None) -> None:
        """Serialise every user for this $select in the background once a big listing starts, so the
        next pages are ready while the client is still reading the first (the benchmark's cold pass)."""
        with self._lock:
            if select in self._warming or len(self._order) < PREWARM_MIN_USERS:
                return
            self._warming.add(select)
        threading.Thread(target=self._warm, args=(select,), name="sandbox-prewarm", daemon=True).start()

    def _warm(self, select: tuple[str, ...] | None) -> None:
        ids = self._order
        for start in range(0, len(ids), 500):  # small slices: a PATCH never waits long for the lock
            if self._server is None:
                return
            self.fragments(select, ids[start:start + 500])

    def upn_owner(self, upn: str) -> str | None:
        return self._upn_index.get(upn.lower())

    def set_immutable_id(self, uid: str, value: str | None,
                         check: Callable[[dict[str, Any]], Response | None]) -> Response | None:
        return self.update_user(uid, value, None, check)

    def update_user(self, uid: str, value: Any, upn: str | None,
                    check: Callable[[dict[str, Any]], Response | None]) -> Response | None:
        """Apply one PATCH atomically after `check` (the PATCH rules) passes; returns its refusal.
        `value`: graph_users.KEEP leaves the ImmutableId alone; `upn`: None leaves the UPN alone."""
        from core.sandbox.graph.users import KEEP

        with self._lock:
            user = self.users[uid]
            problem = check(user)
            if problem is not None:
                return problem
            old = user.get("onPremisesImmutableId")
            changed = False
            if value is not KEEP and old != value:
                if float(facts.UNCONFIRMED["replica_lag_after_write_s"]) > 0:
                    self._before_write[uid] = (old, self.clock())
                if old is not None:
                    self._anchor_index.pop(self._anchor_key(old), None)
                if value is not None:
                    self._anchor_index[self._anchor_key(value)] = uid
                user["onPremisesImmutableId"] = value
                changed = True
            if upn is not None and upn != user["userPrincipalName"]:
                self._upn_index.pop(user["userPrincipalName"].lower(), None)
                self._upn_index[upn.lower()] = uid
                if facts.UNCONFIRMED["upn_change_moves_mail"] and user.get("mail") == user["userPrincipalName"]:
                    user["mail"] = upn  # graph-facts §11: unconfirmed whether mail follows the UPN
                user["userPrincipalName"] = upn
                changed = True
            if changed:
                for cache in self._fragments.values():
                    cache.pop(uid, None)
                self._persist({"type": "user", "user": user})
            return None

    def replica_view(self, user: dict[str, Any]) -> dict[str, Any]:
        """The user as one read (GET /users/{id}, also inside a $batch) shows it: within
        facts.UNCONFIRMED["replica_lag_after_write_s"] of a write, the ImmutableId from before it (0 s: never)."""
        lag = float(facts.UNCONFIRMED["replica_lag_after_write_s"])
        before = self._before_write.get(user["id"]) if lag > 0 else None
        if before is None or self.clock() - before[1] >= lag:
            return user
        return {**user, "onPremisesImmutableId": before[0]}

    # --- request handling --------------------------------------------------------------------
    def handle(self, req: Request, client_ip: str) -> Response | None:
        """Answer one HTTP request; None means "drop the connection without answering"."""
        if req.path.startswith("/_sandbox/"):
            return self._sandbox_endpoint(req, client_ip)
        if req.path == "/v1.0" or req.path.startswith("/v1.0/"):
            return self._graph(req)
        if public.handles(req.path):
            response = public.answer(self, req)
            self.record(req, None, response, None, in_batch=False)
            return response
        match = _LOGIN.match(req.path)
        if match is None:
            response = Response(404, {"error": "not_found", "error_description": "No such endpoint."},
                                content_type=PLAIN_JSON)
            self.record(req, None, response, None, in_batch=False)
            return response
        if self.config.faults_on_login:
            decision = self.faults.decide()
            if decision.fault is not None:
                response = self.fault_response(req, decision.fault)
                self.record(req, None, response)
                return response
        if match.group(2).endswith(("/authorize", "/devicecode", "/devicelogin")):
            refused = login.resolve_tenant(self, req, match.group(1))
            if refused is not None and not match.group(2).endswith("/devicecode"):  # a page: Entra answers HTML
                refused = signin.error_page(str(refused.payload["error_description"]).split("\r\n")[0])
            handler = {"authorize": signin.authorize, "devicecode": signin.device_code,
                       "devicelogin": signin.device_login}[match.group(2).rsplit("/", 1)[1]]
            response = refused or handler(self, req)
            self.record(req, None, response, None, in_batch=False)
            return response
        if match.group(2).startswith("/v2.0"):
            response = login.discovery(self, req, match.group(1)) if req.method == "GET" else \
                Response(405, {"error": "invalid_request"}, content_type=PLAIN_JSON)
            self.record(req, None, response, None, in_batch=False)
            return response
        response, client_id = login.token(self, req, match.group(1), self.clock)
        self.record(req, client_id, response, _safe_form(req), in_batch=False)
        return response

    def _graph(self, req: Request) -> Response | None:
        decision = self.faults.decide()
        if decision.fault == "drop":
            client_id, body = _peek(self, req)
            self.record(req, client_id, Response(0, fault="drop"), body)
            return None
        # Injected latency is a round trip: half before Graph sees the request (and counts it against the
        # quota, as Entra does when a request arrives: graph-facts §3/§4), half on the way back.
        half = decision.delay_s / 2
        if half:
            time.sleep(half)
        response = self._graph_answer(req, decision)
        if half:
            time.sleep(half)
        return response

    def _graph_answer(self, req: Request, decision: Decision) -> Response:
        if decision.fault is not None:
            response = self.fault_response(req, decision.fault)
            client_id, body = _peek(self, req)
            self.record(req, client_id, response, body)
            return response
        caller = graph_api.authenticate(self, req)
        if isinstance(caller, Response):
            self.record(req, None, caller, None, in_batch=False)
            return caller
        try:
            body = req.json() if req.method in ("PATCH", "POST", "PUT") else None
        except (ValueError, UnicodeDecodeError):
            response = graph_error(req, 400, "BadRequest", "Unable to read JSON request payload. Please "
                                   "ensure Content-Type header is set and payload is of valid JSON format.")
            self.record(req, caller.client_id, response, None, in_batch=False)
            return response
        rel = req.path[len("/v1.0/"):]
        if rel == "$batch" and req.method == "POST":
            response = graph_api.batch(self, req, caller, body)
        else:
            response = graph_api.route(self, req, caller, rel, body)
        self.record(req, caller.client_id, response, body, in_batch=False)
        if req.method != "GET" and not state.users_only(rel, body):  # an app, a secret, consent: rare
            self._persist_all()
        return response

    def fault_response(self, req: Request, fault: str) -> Response:
        """An injected 429 / 503 / 504, shaped as Graph sends them (graph-facts §4)."""
        retry = str(max(1, int(self.config.fault_retry_after_s)))
        if fault == "429":
            response = graph_error(req, 429, "TooManyRequests", "Too many requests.", headers={
                "Retry-After": retry, "x-ms-throttle-information": "ResourceUnitLimitExceeded",
                "x-ms-throttle-scope": str(facts.UNCONFIRMED["ru_scope"]).format(app="unknown",
                                                                                 tenant=self.tenant_id)})
        elif fault == "503":
            headers = {"Retry-After": retry} if facts.UNCONFIRMED["retry_after_on_503"] else {}
            response = graph_error(req, 503, "serviceNotAvailable", "Service is unavailable.", headers=headers)
        else:
            response = graph_error(req, 504, "UnknownError", "The gateway did not receive a timely response.")
        response.fault = fault
        return response

    def record(self, req: Request, client_id: str | None, response: Response, body: Any = None,
               in_batch: bool = False) -> None:
        entry = {"time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                 "client_id": client_id, "method": req.method, "path": req.path, "query": req.query,
                 "status": response.status, "body": body, "in_batch": in_batch,
                 "request_id": req.request_id, "fault": response.fault, "applied": response.applied}
        with self._lock:
            self._audit.append(entry)
            self._persist({"type": "audit", "entry": entry})

    def _sandbox_endpoint(self, req: Request, client_ip: str) -> Response:
        if client_ip not in _LOOPBACK:
            return Response(403, {"error": "loopback only"}, content_type=PLAIN_JSON)
        if req.path == "/_sandbox/audit" and req.method == "GET":
            since = int(req.params().get("$since", "0") or 0)
            with self._lock:
                entries = self._audit[since:]
            return Response(200, {"entries": entries}, content_type=PLAIN_JSON)
        if req.path == "/_sandbox/health":
            return Response(200, {"ok": True, "users": len(self.users)}, content_type=PLAIN_JSON)
        return Response(404, {"error": "not_found"}, content_type=PLAIN_JSON)


def _safe_form(req: Request) -> dict[str, str]:
    """What the audit keeps of a token request: never the secret."""
    from urllib.parse import parse_qsl

    form = dict(parse_qsl(req.body.decode("utf-8", "replace")))
    return {k: v for k, v in form.items()  # never a secret, code, verifier or assertion
            if k in ("grant_type", "scope", "client_id", "client_assertion_type")}


def _peek(tenant: SandboxTenant, req: Request) -> tuple[str | None, Any]:
    """Who sent a request the sandbox refused before handling it, and its body (for the audit)."""
    caller = graph_api.authenticate(tenant, req)
    client_id = None if isinstance(caller, Response) else caller.client_id
    try:
        return client_id, req.json()
    except (ValueError, UnicodeDecodeError):
        return client_id, None
