"""Shared fixtures: an isolated home folder, an in-memory keyring, and a running sandbox tenant."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class MemoryKeyring:
    """In-memory keyring backend (tests never touch the developer's real keychain)."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        import keyring.errors

        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Config, data and logs go to a fresh folder per test, never the user's real folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("IMMUTABLEID_SYNC_HOME", str(home))
    monkeypatch.delenv("IMMUTABLEID_SYNC_CLIENT_SECRET", raising=False)
    return home


@pytest.fixture
def memory_keyring(monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    store = MemoryKeyring()
    backend_cls = type("MemoryBackend", (KeyringBackend,), {
        "priority": 1,
        "get_password": lambda self, s, u: store.get_password(s, u),
        "set_password": lambda self, s, u, p: store.set_password(s, u, p),
        "delete_password": lambda self, s, u: store.delete_password(s, u),
    })
    previous = keyring.get_keyring()
    keyring.set_keyring(backend_cls())
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring(monkeypatch):
    """A machine with no usable keyring backend (as on this CI machine, and some Linux desktops)."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


# --- Sandbox tenant (core/sandbox) --------------------------------------------------------------
SANDBOX_TEST_USERS = 60


@pytest.fixture
def sandbox_factory():
    """`make(**kwargs)` builds and starts a SandboxTenant (same kwargs as its constructor, e.g.
    `config=SandboxConfig(write_limit=5, write_window_s=1)`, `users=N`, `seed_path=...`, `clock=...`);
    every tenant made is stopped at teardown."""
    from core.sandbox import SandboxTenant

    started = []

    def make(**kwargs):
        if "seed_path" not in kwargs and "directory" not in kwargs:
            kwargs.setdefault("users", SANDBOX_TEST_USERS)
        tenant = SandboxTenant(**kwargs).start()
        started.append(tenant)
        return tenant

    yield make
    for tenant in started:
        tenant.stop()


@pytest.fixture
def sandbox(sandbox_factory):
    """A running sandbox tenant: a synthetic school of 60 users, default quotas, no faults."""
    return sandbox_factory()


def sandbox_connection_profile(tenant, app_index: int = 0) -> dict:
    """The contract's connection JSON for a running tenant (contracts.md `sandbox` line)."""
    return tenant.connection_profile(app_index)


@pytest.fixture
def sandbox_profile(sandbox):
    """Connection profile dict of the `sandbox` fixture (tenant_id, client_id, client_secret,
    login_url, graph_url, ca_bundle)."""
    return sandbox_connection_profile(sandbox)


@pytest.fixture
def sandbox_profile_file(sandbox, tmp_path):
    """The `sandbox` fixture's profile written as a JSON file, as `sandbox --profile-out` writes it."""
    import json

    path = tmp_path / "sandbox-profile.json"
    path.write_text(json.dumps(sandbox_connection_profile(sandbox)), encoding="utf-8")
    return path
