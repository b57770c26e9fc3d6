"""The Connection page talks to the keychain on a worker: a slow keychain (a locked login keychain, a
permission prompt) shows as a busy page, never a frozen window; its answers and failures land on the page."""

from __future__ import annotations

import threading

import keyring
import pytest
from keyring.backend import KeyringBackend
from wizard_steps import WAIT_MS, fill_connection

from core.graph.connection import Connection
from core.setup.profiles import ProfileStore
from core.setup.secrets import SERVICE, username
from gui.navigation import PageId


class SlowKeyring(KeyringBackend):
    """A keychain that answers only when the test lets it, and notes which thread asked."""

    # Every KeyringBackend subclass is registered with keyring, and the default chainer backend then
    # chains the ones with a positive priority: this one must never answer another test's call.
    priority = -1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.release = threading.Event()
        self.asked = threading.Event()
        self.threads: list[threading.Thread] = []

    def _wait(self) -> None:
        self.threads.append(threading.current_thread())
        self.asked.set()
        self.release.wait(10)  # bounded: a GUI-thread call must fail the test, not hang it

    def get_password(self, service, name):
        self._wait()
        return self.store.get((service, name))

    def set_password(self, service, name, password):
        self._wait()
        self.store[(service, name)] = password

    def delete_password(self, service, name):
        self._wait()
        del self.store[(service, name)]


@pytest.fixture
def slow_keyring():
    backend = SlowKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    backend.release.set()
    keyring.set_keyring(previous)


def _wait_asked(qtbot, backend: SlowKeyring) -> None:
    qtbot.waitUntil(backend.asked.is_set, timeout=WAIT_MS)
    backend.asked.clear()


def _buttons(wizard) -> tuple[bool, bool]:
    return (wizard.button(wizard.WizardButton.NextButton).isEnabled(),
            wizard.button(wizard.WizardButton.BackButton).isEnabled())


def test_saving_to_a_slow_keychain_keeps_the_window_alive_then_goes_on(make_wizard, qtbot, sandbox,
                                                                     sandbox_profile, slow_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    page = wizard.page_by_id(PageId.CONNECTION)
    wizard.next()
    _wait_asked(qtbot, slow_keyring)
    # The keychain has not answered: the page waits, says why, and locks Next and Back.
    assert wizard.currentId() == PageId.CONNECTION
    assert page.busy.isVisible() and "Saving the secret in the keychain" in page.busy.text()
    assert _buttons(wizard) == (False, False)
    page.name_edit.setText("Typed while waiting")  # the window still takes input
    assert page.name_edit.text() == "Typed while waiting"
    assert threading.main_thread() not in slow_keyring.threads

    slow_keyring.release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.CHECK, timeout=WAIT_MS)
    key = (SERVICE, username(sandbox_profile["tenant_id"], sandbox_profile["client_id"]))
    assert slow_keyring.store[key] == sandbox_profile["client_secret"]
    assert not page.busy.isVisible()


def test_a_saved_connection_reads_its_secret_on_a_worker(make_wizard, qtbot, sandbox, sandbox_profile,
                                                           slow_keyring):
    conn = Connection.from_profile_dict({**sandbox_profile, "name": "Nordskolan"})
    ProfileStore().save(conn)  # also the last used: the page picks it at once
    key = (SERVICE, username(conn.tenant, conn.client_id))
    slow_keyring.store[key] = sandbox_profile["client_secret"]
    wizard = make_wizard()
    wizard.next()
    page = wizard.page_by_id(PageId.CONNECTION)
    _wait_asked(qtbot, slow_keyring)
    assert page.profile_combo.currentText() == "Nordskolan" and page.tenant_edit.text() == conn.tenant
    assert page.secret_edit.text() == "" and "Reading the secret from the keychain" in page.busy.text()
    assert not page.isComplete()

    slow_keyring.release.set()
    qtbot.waitUntil(lambda: page.secret_edit.text() == sandbox_profile["client_secret"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=WAIT_MS)
    assert page.isComplete() and not page.busy.isVisible()
    assert threading.main_thread() not in slow_keyring.threads


def test_forgetting_a_connection_removes_its_secret_on_a_worker(make_wizard, qtbot, sandbox, sandbox_profile,
                                                                slow_keyring):
    conn = Connection.from_profile_dict({**sandbox_profile, "name": "Nordskolan"})
    ProfileStore().save(conn)
    key = (SERVICE, username(conn.tenant, conn.client_id))
    slow_keyring.store[key] = sandbox_profile["client_secret"]
    slow_keyring.release.set()  # reading answers at once here
    wizard = make_wizard()
    wizard.next()
    page = wizard.page_by_id(PageId.CONNECTION)
    qtbot.waitUntil(lambda: page.secret_edit.text() != "", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=WAIT_MS)
    slow_keyring.release.clear()
    slow_keyring.asked.clear()

    page.delete_button.click()
    _wait_asked(qtbot, slow_keyring)
    assert "Removing the secret from the keychain" in page.busy.text()
    assert [page.profile_combo.itemText(i) for i in range(page.profile_combo.count())] == ["New connection"]
    slow_keyring.release.set()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=WAIT_MS)
    assert key not in slow_keyring.store and ProfileStore().list() == []


class BrokenKeyring(SlowKeyring):
    def set_password(self, service, name, password):
        raise RuntimeError("the keychain is locked")


def test_a_keychain_that_fails_is_said_on_the_page_and_the_wizard_goes_on(make_wizard, qtbot, sandbox,
                                                                         sandbox_profile):
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        wizard = make_wizard()
        fill_connection(wizard, qtbot, sandbox_profile)
        page = wizard.page_by_id(PageId.CONNECTION)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.CHECK, timeout=WAIT_MS)
        assert "The keychain failed, so the secret is kept only until you close the program" in page.keyring_notice.text()
        assert page.keyring_notice.isVisibleTo(page)
        assert wizard.session.secret == sandbox_profile["client_secret"]  # in memory, for this session
    finally:
        keyring.set_keyring(previous)


def test_an_unexpected_failure_shows_in_the_error_panel_and_next_then_goes_on(make_wizard, qtbot, sandbox,
                                                                            sandbox_profile, memory_keyring,
                                                                            monkeypatch):
    def explode(self, tenant, client_id, secret):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("core.setup.secrets.SecretStore.set", explode)
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    page = wizard.page_by_id(PageId.CONNECTION)
    wizard.next()
    qtbot.waitUntil(lambda: page.error_panel.isVisible(), timeout=WAIT_MS)
    assert wizard.currentId() == PageId.CONNECTION  # the user reads it first
    assert page.error_panel.title() == "A file could not be read or written."
    assert "Input/output error" in page.error_panel.body()
    assert _buttons(wizard)[0]  # not busy any more: Next is there again
    wizard.next()
    assert wizard.currentId() == PageId.CHECK  # the secret is in memory; going on needs no keychain
