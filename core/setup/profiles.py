"""Saved connections and remembered choices: one JSON file in the user's config folder. Never secrets."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

from core import paths
from core.graph.connection import Connection
from core.setup.names import check_connection_name

FILE_NAME = "profiles.json"
# Keys that must never be remembered, whatever a caller passes in.
_FORBIDDEN_KEYS = ("secret", "password", "token", "credential")
# Keys saved with a connection besides the connection itself: the source choice (the journal's
# `source_spec` keys), the schedule as installed, and unattended runs' settings.
SOURCE_KEY, SCHEDULE_KEY, KEEP_RUNS_KEY = "source", "schedule", "keep_runs"
_ATTACHED = (SOURCE_KEY, SCHEDULE_KEY, KEEP_RUNS_KEY)


class ProfileStore:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else paths.config_dir() / FILE_NAME
        self._lock = threading.Lock()

    # --- profiles ---------------------------------------------------------------------------
    def list(self) -> list[Connection]:
        result = []
        for item in self._read()["profiles"]:
            try:
                result.append(Connection.from_profile_dict(item))
            except (ValueError, TypeError):
                continue  # a hand-edited entry we cannot read is skipped, not fatal
        return result

    def names(self) -> list[str]:
        """The saved connections' names, in the order they were saved."""
        return [c.name for c in self.list() if c.name]

    def get(self, name: str) -> Connection | None:
        return next((c for c in self.list() if c.name == name), None)

    def save(self, conn: Connection) -> Connection:
        """Add or replace (by name; the tenant id names an unnamed profile). Returns what was stored.
        Raises ConnectionNameError (a ValueError) for a name that cannot be a file, task and command-line
        name (core/setup/names.py): nothing is written then."""
        if conn.name:
            check_connection_name(conn.name)
        else:
            conn = Connection.from_profile_dict({**conn.to_profile_dict(), "name": conn.tenant})
        with self._lock:
            data = self._read()
            old = next((p for p in data["profiles"] if p.get("name") == conn.name), {})
            data["profiles"] = [p for p in data["profiles"] if p.get("name") != conn.name]
            # What is saved *with* the connection (its source, its schedule) survives a re-save of it.
            kept = {k: old[k] for k in _ATTACHED if k in old}
            data["profiles"].append({**conn.to_profile_dict(), **kept})
            data["last"]["profile"] = conn.name
            self._write(data)
        return conn

    def delete(self, name: str) -> bool:
        with self._lock:
            data = self._read()
            kept = [p for p in data["profiles"] if p.get("name") != name]
            if len(kept) == len(data["profiles"]):
                return False
            data["profiles"] = kept
            if data["last"].get("profile") == name:
                data["last"].pop("profile")
            self._write(data)
        return True

    # --- what is saved with a connection (issue 11: its source, its schedule, unattended settings) ---
    def attached(self, name: str, key: str, default: object = None) -> object:
        item = next((p for p in self._read()["profiles"] if p.get("name") == name), None)
        return default if item is None else item.get(key, default)

    def attach(self, name: str, key: str, value: object) -> bool:
        """Save `value` under `key` with the connection NAME (None removes it). False: no such connection."""
        if key not in _ATTACHED:
            raise ValueError(f"not a setting saved with a connection: {key!r}")
        _refuse_secret_keys(key, value)
        with self._lock:
            data = self._read()
            item = next((p for p in data["profiles"] if p.get("name") == name), None)
            if item is None:
                return False
            if value is None:
                item.pop(key, None)
            else:
                item[key] = value
            self._write(data)
        return True

    # --- remembered choices -----------------------------------------------------------------
    @property
    def last_used(self) -> str | None:
        return self._read()["last"].get("profile")

    @last_used.setter
    def last_used(self, name: str | None) -> None:
        self.remember("profile", name)

    def remember(self, key: str, value: object) -> None:
        """Remember a choice (e.g. "source": {"kind": "csv", "match": "upn"}). Refuses secret-like keys."""
        _refuse_secret_keys(key, value)
        with self._lock:
            data = self._read()
            if value is None:
                data["last"].pop(key, None)
            else:
                data["last"][key] = value
            self._write(data)

    def recall(self, key: str, default: object = None) -> object:
        return self._read()["last"].get(key, default)

    # --- file -------------------------------------------------------------------------------
    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        profiles = data.get("profiles")
        last = data.get("last")
        return {"version": 1,
                "profiles": [p for p in profiles if isinstance(p, dict)] if isinstance(profiles, list) else [],
                "last": last if isinstance(last, dict) else {}}

    def _write(self, data: dict) -> None:
        # Write a temp file in the same folder, then replace: a crash never leaves half a file.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".profiles-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _refuse_secret_keys(key: str, value: object) -> None:
    keys = [key]
    if isinstance(value, dict):
        keys += [str(k) for k in value]
    for name in keys:
        if any(word in name.lower() for word in _FORBIDDEN_KEYS):
            raise ValueError(f"refusing to remember {name!r}: secrets are never written to the config file")
