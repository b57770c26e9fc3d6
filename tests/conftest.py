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


# --- A stand-in for the system browser (interactive sign-in, graph-facts §10) ------------------
class StandInBrowser:
    """Does what a browser does with the sign-in address MSAL opens: fetch the page (following
    redirects), pick an account and press Accept or Cancel on the sandbox's sign-in page, then submit
    the auto-posting form to MSAL's loopback server. Runs in its own thread, as a browser is its own
    process: MSAL only answers the loopback request after `webbrowser.open` has returned."""

    def __init__(self, ca_bundle: str | None = None) -> None:
        self.ca_bundle = ca_bundle
        self.account: str | None = None  # None: the first one offered
        self.action = "accept"  # or "cancel"; "close" = the admin closes the window
        self.opened: list[str] = []
        self.pages: list[str] = []
        self.threads: list = []
        self.errors: list[BaseException] = []

    def open(self, url, *args, **kwargs) -> bool:
        import threading

        self.opened.append(url)
        if self.action == "close":
            return True
        thread = threading.Thread(target=self._visit, args=(url,), daemon=True)
        self.threads.append(thread)
        thread.start()
        return True

    def _visit(self, url: str) -> None:
        from core.graph.http import VerifyingSession

        try:
            session = VerifyingSession(self.ca_bundle or True)
            page = session.get(url, allow_redirects=True)
            self.pages.append(page.text)
            action, fields = _form(page.text)
            if "login" in page.text and 'name="action"' in page.text:  # the sign-in page: choose
                fields["login"] = self.account or _first_radio(page.text)
                fields["action"] = self.action
                page = session.post(url if not action else action, data=fields)
                self.pages.append(page.text)
                action, fields = _form(page.text)
            if action.startswith("http://"):
                session.post(action, data=fields)
        except BaseException as exc:  # recorded for the test to see
            self.errors.append(exc)

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=30)


def _form(text: str) -> tuple[str, dict[str, str]]:
    import html
    import re

    action = re.search(r'<form[^>]*action="([^"]*)"', text)
    fields = {html.unescape(n): html.unescape(v) for n, v in
              re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', text)}
    return (html.unescape(action.group(1)) if action else ""), fields


def _first_radio(text: str) -> str:
    import html
    import re

    return html.unescape(re.search(r'type="radio" name="login" value="([^"]*)"', text).group(1))


@pytest.fixture
def browser(monkeypatch):
    """The stand-in browser, installed as the system browser (`webbrowser.open`)."""
    import webbrowser

    stand_in = StandInBrowser()
    monkeypatch.setattr(webbrowser, "open", stand_in.open)
    yield stand_in
    stand_in.join()
