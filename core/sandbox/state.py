"""The sandbox tenant's state in one file, so that a tenant (the wizard's demo) lives on between launches:
its users with their values and UPNs, its apps, roles and domains, and its audit log.

Why: a tenant that is rebuilt at every start forgets what a killed run wrote, while the run's journal
remembers it — continuing that run then reports every user as "changed by someone else". Real Entra never
forgets; neither may the stand-in.

The file is JSON lines: a `snapshot` first (the whole directory and the audit log so far), then one line
per change as it happens — `user` (a user's whole record after a PATCH or an add) and `audit` (one request)
— flushed before the request is answered, so a process killed at any moment (kill -9) loses nothing it
told a client. Any other change (an app created through Graph, a secret added, consent granted) rewrites
the snapshot. Loading replays the lines and rewrites the file as one snapshot (compaction); so does stop().

Secrets: the file holds no usable secret. Graph-made passwords are kept as SHA-256 hashes (the sign-in
compares hashes), and the seed apps' own secrets are not kept at all: a loaded tenant gives each a new
one (a stand-in's secret is printed when it starts, as `immutableid-sync sandbox` does).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import threading
from collections.abc import Iterator
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from core.sandbox.data import Account, App, Directory, Password
from core.sandbox.keys import KeyCredential

FORMAT = 1


class StateError(ValueError):
    """A state file that cannot be loaded (not ours, cut short at its first line, another format)."""


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


# --- to and from plain data ----------------------------------------------------------------------
def _app_data(app: App) -> dict[str, Any]:
    data = asdict(app)
    data["secret"] = ""  # never kept: a loaded tenant makes a new one (module doc)
    data["has_secret"] = bool(app.secret)  # "" = removed through Graph, or a Graph-made app (none)
    data["secret_expires"] = app.secret_expires.isoformat()
    data["passwords"] = [_password_data(p) for p in app.passwords]
    data["keys"] = [{**asdict(k), "start": k.start.isoformat(), "end": k.end.isoformat()} for k in app.keys]
    return data


def _password_data(p: Password) -> dict[str, Any]:
    return {"key_id": p.key_id, "secret_hash": p.secret_hash or secret_hash(p.secret), "hint": p.hint,
            "start": p.start.isoformat(), "end": p.end.isoformat(), "display_name": p.display_name,
            "ready_at": p.ready_at}


def directory_data(directory: Directory) -> dict[str, Any]:
    return {"tenant_id": directory.tenant_id, "display_name": directory.display_name, "size": directory.size,
            "domains": directory.domains, "apps": [_app_data(a) for a in directory.apps],
            "users": list(directory.users.values()), "groups": directory.groups,
            "role_assignments": directory.role_assignments,
            "accounts": [asdict(a) for a in directory.accounts],
            # federation (§15), the app-management policy and the demo IdP (§16): plain data already
            "federations": directory.federations, "realm_changes": directory.realm_changes,
            "app_policy": directory.app_policy, "idp": directory.idp}


def _app(data: dict[str, Any]) -> App:
    passwords = [Password(p["key_id"], "", datetime.fromisoformat(p["start"]), datetime.fromisoformat(p["end"]),
                          p["display_name"], p.get("ready_at", 0.0), secret_hash=p["secret_hash"],
                          hint_text=p.get("hint", "")) for p in data.get("passwords", [])]
    keys = [KeyCredential(**{**k, "start": datetime.fromisoformat(k["start"]), "end": datetime.fromisoformat(k["end"])})
            for k in data.get("keys", [])]
    fields = {k: v for k, v in data.items()
              if k not in ("passwords", "secret_expires", "pending_roles", "has_secret", "keys")}
    app = App(**fields, secret_expires=datetime.fromisoformat(data["secret_expires"]), passwords=passwords,
              pending_roles=[(str(r), float(t)) for r, t in data.get("pending_roles", [])], keys=keys)
    app.secret = new_secret() if data.get("has_secret") else ""
    return app


def new_secret() -> str:
    """A secret shaped like Entra's (`…8Q~…`), for a seed app of a loaded tenant."""
    return f"sbx8Q~{secrets.token_hex(20)}"


def directory_from(data: dict[str, Any]) -> Directory:
    directory = Directory(data["tenant_id"], data["display_name"], data["size"], data["domains"],
                          [_app(a) for a in data["apps"]])
    directory.users = {u["id"]: u for u in data["users"]}
    directory.groups = data.get("groups", {})
    directory.role_assignments = data.get("role_assignments", [])
    directory.accounts = [Account(**a) for a in data.get("accounts", [])]
    directory.federations = data.get("federations", {})
    directory.realm_changes = data.get("realm_changes", {})
    directory.app_policy = data.get("app_policy") or directory.app_policy
    directory.idp = data.get("idp")
    return directory


# --- the file ---------------------------------------------------------------------------------------
def read(path: Path) -> tuple[Directory, list[dict[str, Any]]]:
    """The directory and audit log a state file holds, its change lines replayed (a torn last line — the
    process died mid-write — is ignored)."""
    lines = _lines(path)
    first = next(lines, None)
    if not first or first.get("type") != "snapshot" or first.get("format") != FORMAT:
        raise StateError(f"{path} is not a sandbox state file (format {FORMAT})")
    directory = directory_from(first["directory"])
    audit = list(first.get("audit", []))
    for record in lines:
        if record.get("type") == "user":
            user = record["user"]
            directory.users[user["id"]] = user  # a new user goes last, as in the live listing order
        elif record.get("type") == "audit":
            audit.append(record["entry"])
    return directory, audit


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            try:
                yield json.loads(raw)
            except ValueError:
                continue


class StateFile:
    """Where a running tenant keeps its state: `snapshot()` rewrites it whole (atomically), `append()`
    adds one change line and flushes it. Thread-safe."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._fh: Any = None

    def snapshot(self, directory: Directory, audit: list[dict[str, Any]]) -> None:
        record = {"type": "snapshot", "format": FORMAT, "directory": directory_data(directory), "audit": audit}
        tmp = self.path.with_name(self.path.name + ".tmp")
        with self._lock:
            with open(tmp, "w", encoding="utf-8") as out:
                out.write(_dumps(record) + "\n")
                out.flush()
                os.fsync(out.fileno())
            if self._fh is not None:
                self._fh.close()
            os.replace(tmp, self.path)
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 — closed in close()

    def append(self, record: dict[str, Any]) -> None:
        with self._lock:
            if self._fh is None:
                return
            self._fh.write(_dumps(record) + "\n")
            self._fh.flush()  # in the OS's hands: survives a killed process (not a power cut)

    def close(self) -> None:
        with self._lock:
            if self._fh is not None:
                self._fh.close()
                self._fh = None


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)


def users_only(rel: str, body: Any) -> bool:
    """A Graph request that can change users alone (kept line by line, not by a snapshot)."""
    if rel == "$batch":
        requests = body.get("requests") if isinstance(body, dict) else None
        return isinstance(requests, list) and all(
            str(r.get("url", "")).lstrip("/").startswith("users") for r in requests if isinstance(r, dict))
    return rel.startswith("users")


class Persistent:
    """What SandboxTenant gains from a state file (it has `directory`, `_audit`, `_lock` and `_state`)."""

    directory: Directory
    _audit: list[dict[str, Any]]
    _lock: Any
    _state: StateFile | None

    @classmethod
    def load_state(cls, path: str | Path, **kwargs: Any) -> Any:
        """The tenant a state file holds (users, values, UPNs, apps, audit log), kept in that file from
        now on; `kwargs` as SandboxTenant's (config, port, clock…). Its seed apps get new secrets."""
        directory, audit = read(Path(path))
        tenant = cls(directory=directory, **kwargs)
        tenant._audit = audit
        tenant.save_state(path)
        return tenant

    def save_state(self, path: str | Path) -> None:
        """Write the whole state to `path` and keep every later change there (flushed before the request
        that made it is answered, so a killed process loses nothing it told a client)."""
        path = Path(path)
        if self._state is None or self._state.path != path:
            if self._state is not None:
                self._state.close()
            self._state = StateFile(path)
        self._persist_all()

    @property
    def state_path(self) -> Path | None:
        return self._state.path if self._state is not None else None

    def _persist_all(self) -> None:
        if self._state is not None:
            with self._lock:
                self._state.snapshot(self.directory, self._audit)

    def _persist(self, record: dict[str, Any]) -> None:  # called under self._lock
        if self._state is not None:
            self._state.append(record)
