from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from core import paths
from core.setup.secrets import SERVICE, SecretStore

TENANT = "1b2c3d4e-0000-4111-8222-333344445555"
CLIENT = "9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff"
SECRET = "Zz9~abcdefghijklmnopqrstuvwxyz0123456789"  # noqa: S105


def test_keyring_roundtrip_uses_contract_names(memory_keyring):
    store = SecretStore()
    assert store.persistent and store.unavailable_reason is None
    assert store.set(TENANT, CLIENT, SECRET) is True
    assert memory_keyring.store[(SERVICE, f"{TENANT}/{CLIENT}")] == SECRET
    assert SecretStore().get(TENANT.upper(), CLIENT) == SECRET  # a new process would find it
    assert store.delete(TENANT, CLIENT) is True
    assert SecretStore().get(TENANT, CLIENT) is None
    assert store.delete(TENANT, CLIENT) is False


def test_no_keyring_keeps_secret_in_memory_only(no_keyring, isolated_home):
    store = SecretStore()
    assert not store.persistent and store.unavailable_reason == "keyring_no_backend"
    assert store.set(TENANT, CLIENT, SECRET) is False
    assert store.get(TENANT, CLIENT) == SECRET
    assert SecretStore().get(TENANT, CLIENT) is None  # gone with the session
    written = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert all(SECRET not in p.read_text(errors="ignore") for p in written)
    assert store.delete(TENANT, CLIENT) is True and store.get(TENANT, CLIENT) is None


def test_a_keyring_that_fails_on_use_falls_back_to_memory():
    class Broken(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            raise RuntimeError("dbus says no")

        def set_password(self, service, username, password):
            raise RuntimeError("locked " + password)

        def delete_password(self, service, username):
            raise RuntimeError("no")

    previous = keyring.get_keyring()
    keyring.set_keyring(Broken())
    try:
        store = SecretStore()
        assert store.persistent
        assert store.set(TENANT, CLIENT, SECRET) is False
        assert not store.persistent and store.unavailable_reason == "keyring_error"
        assert store.get(TENANT, CLIENT) == SECRET
    finally:
        keyring.set_keyring(previous)
    log_text = "".join(p.read_text() for p in paths.log_dir().glob("*"))
    assert SECRET not in log_text


@pytest.mark.parametrize("backend", ["keyring.backends.null", "keyring.backends.chainer"])
def test_silent_backends_count_as_no_keyring(backend):
    import importlib

    module = importlib.import_module(backend)
    if hasattr(module, "Keyring"):
        instance = module.Keyring()
    else:  # a chainer that found nothing to chain: it would drop every secret silently
        instance = type("EmptyChainer", (module.ChainerBackend,), {"backends": []})()
    previous = keyring.get_keyring()
    keyring.set_keyring(instance)
    try:
        assert SecretStore().unavailable_reason == "keyring_no_backend"
    finally:
        keyring.set_keyring(previous)
