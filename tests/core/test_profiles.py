from __future__ import annotations

import json
from datetime import date

import pytest

from core import paths
from core.graph.connection import Connection
from core.setup.profiles import ProfileStore

TENANT = "1b2c3d4e-0000-4111-8222-333344445555"
CLIENT = "9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff"


def test_save_list_delete_and_last_used():
    store = ProfileStore()
    assert store.path.parent == paths.config_dir()
    a = store.save(Connection(TENANT, CLIENT, name="North school", secret_expires=date(2027, 5, 1)))
    b = store.save(Connection("school.onmicrosoft.com", CLIENT, cloud="usgov"))
    assert b.name == "school.onmicrosoft.com"
    again = ProfileStore()
    assert [c.name for c in again.list()] == ["North school", "school.onmicrosoft.com"]
    assert again.names() == ["North school", "school.onmicrosoft.com"]
    assert again.get("North school") == a
    assert again.last_used == "school.onmicrosoft.com"
    store.save(Connection(TENANT, CLIENT, name="North school", cloud="china"))
    assert [str(c.cloud) for c in ProfileStore().list()] == ["usgov", "china"]
    assert ProfileStore().last_used == "North school"
    assert store.delete("North school") is True
    assert store.delete("North school") is False
    assert ProfileStore().last_used is None
    assert [c.name for c in store.list()] == ["school.onmicrosoft.com"]
    assert not list(store.path.parent.glob(".profiles-*"))  # no temp files left behind


def test_remembered_choices_and_no_secret_in_the_file(memory_keyring):
    from core.setup.secrets import SecretStore

    secret = "Qx8~very-secret-value-0123456789abcdef"  # noqa: S105
    SecretStore().set(TENANT, CLIENT, secret)
    store = ProfileStore()
    store.save(Connection(TENANT, CLIENT, name="n"))
    store.remember("source", {"kind": "csv", "match": "upn", "transform": "none"})
    assert ProfileStore().recall("source") == {"kind": "csv", "match": "upn", "transform": "none"}
    with pytest.raises(ValueError):
        store.remember("client_secret", secret)
    with pytest.raises(ValueError):
        store.remember("source", {"secret": secret})
    text = store.path.read_text(encoding="utf-8")
    assert secret not in text and "secret\"" not in text
    assert json.loads(text)["profiles"][0]["tenant_id"] == TENANT


def test_a_damaged_file_is_treated_as_empty():
    store = ProfileStore()
    store.path.write_text("{oops", encoding="utf-8")
    assert store.list() == [] and store.last_used is None
    store.save(Connection(TENANT, CLIENT, name="x"))
    assert [c.name for c in store.list()] == ["x"]
