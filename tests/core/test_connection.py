from __future__ import annotations

import json
from datetime import date

import pytest

from core.graph.connection import Connection, InputProblem, ProfileError, load_profile
from core.messages import HINTS, TEXT

TENANT = "1b2c3d4e-0000-4111-8222-333344445555"
CLIENT = "9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff"


def codes(conn: Connection) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in conn.validate()]


def test_valid_guid_and_domain_tenants():
    assert codes(Connection(TENANT, CLIENT)) == []
    assert codes(Connection("school.onmicrosoft.com", CLIENT)) == []
    assert codes(Connection("skola.example.se", CLIENT)) == []


def test_whitespace_is_stripped_and_guids_lowered():
    conn = Connection(f"  {TENANT.upper()}\n", f"\t{CLIENT}  ")
    assert conn.tenant == TENANT and conn.client_id == CLIENT
    assert codes(conn) == []


@pytest.mark.parametrize(("tenant", "code"), [
    ("", "tenant_empty"),
    ("common", "tenant_multi_tenant_alias"),
    ("Organizations", "tenant_multi_tenant_alias"),
    ("consumers", "tenant_multi_tenant_alias"),
    (f"https://login.microsoftonline.com/{TENANT}/oauth2", "tenant_is_url"),
    ("admin@school.onmicrosoft.com", "tenant_is_email"),
    ("abc8Q~Zy0123456789abcdefghijklmnopqrstu", "tenant_looks_like_secret"),
    ("school", "tenant_invalid"),
    ("1b2c3d4e-0000-4111-8222-33334444555", "tenant_invalid"),  # one digit short
])
def test_bad_tenants(tenant, code):
    assert codes(Connection(tenant, CLIENT)) == [("tenant", code)]


@pytest.mark.parametrize(("client_id", "code"), [
    ("", "client_id_empty"),
    ("abc8Q~Zy0123456789abcdefghijklmnopqrstu", "client_id_looks_like_secret"),
    (f"https://portal.azure.com/#view/{CLIENT}", "client_id_is_url"),
    ("9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeefff", "client_id_invalid"),
    ("my app", "client_id_invalid"),
])
def test_bad_client_ids(client_id, code):
    assert codes(Connection(TENANT, client_id)) == [("client_id", code)]


def test_same_guid_twice_and_unknown_cloud_and_http_urls(tmp_path):
    assert ("client_id", "client_id_same_as_tenant") in codes(Connection(TENANT, TENANT))
    assert codes(Connection(TENANT, CLIENT, cloud="mars")) == [("cloud", "cloud_unknown")]
    conn = Connection(TENANT, CLIENT, login_url="http://127.0.0.1:1", graph_url="https://x.test/?a=1",
                      ca_bundle=str(tmp_path / "nope.pem"))
    assert codes(conn) == [("login_url", "url_not_https"), ("graph_url", "url_invalid"),
                           ("ca_bundle", "ca_bundle_missing")]


def test_endpoints_per_cloud_and_custom_urls():
    conn = Connection(TENANT, CLIENT, cloud="usgov-dod")
    assert conn.authority == f"https://login.microsoftonline.us/{TENANT}"
    assert conn.graph_base == "https://dod-graph.microsoft.us/v1.0"
    assert conn.graph_scope == "https://dod-graph.microsoft.us/.default"
    assert not conn.custom_login and conn.verify is True
    sandbox = Connection(TENANT, CLIENT, login_url="https://127.0.0.1:8443/", graph_url="https://127.0.0.1:8443")
    assert sandbox.authority == f"https://127.0.0.1:8443/{TENANT}"
    assert sandbox.graph_base == "https://127.0.0.1:8443/v1.0"
    assert sandbox.custom_login


def test_every_problem_code_has_text_and_hint():
    for code in ("tenant_empty", "tenant_is_url", "client_id_looks_like_secret", "client_id_same_as_tenant"):
        assert code in TEXT and code in HINTS


def test_load_profile_reads_the_sandbox_line_and_keeps_secret_out_of_the_dict(tmp_path):
    path = tmp_path / "p.json"
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    path.write_text(json.dumps({"tenant_id": TENANT, "client_id": CLIENT, "client_secret": "s3cret-value",
                                "login_url": "https://127.0.0.1:9", "graph_url": "https://127.0.0.1:9",
                                "ca_bundle": str(ca), "secret_expires": "2029-01-01T00:00:00Z", "name": "Sandbox"}))
    conn, secret = load_profile(path)
    assert secret == "s3cret-value"  # noqa: S105
    assert conn.secret_expires == date(2029, 1, 1) and conn.verify == str(ca) and conn.name == "Sandbox"
    assert conn.validate() == []
    data = conn.to_profile_dict()
    assert "s3cret-value" not in json.dumps(data)
    assert Connection.from_profile_dict(data) == conn


GOOD = json.dumps({"tenant_id": TENANT, "client_id": CLIENT, "login_url": "https://127.0.0.1:9"}, indent=1)


@pytest.mark.parametrize(("content", "code", "field"), [
    (None, "profile_not_found", None),
    (" \n", "profile_empty", None),
    ("{not json", "profile_not_json", None),
    (GOOD[:-10], "profile_cut_short", None),  # a copy that stopped inside a string
    (GOOD[:-2], "profile_cut_short", None),   # ... or between two values
    ("[1, 2]", "profile_not_object", None),
    (json.dumps({"tenant_id": TENANT}), "profile_missing_field", "client_id"),
    (json.dumps({"tenant_id": TENANT, "client_id": CLIENT, "ca_bundle": True}), "profile_not_text", "ca_bundle"),
    (json.dumps({"tenant_id": TENANT, "client_id": CLIENT, "login_url": 443}), "profile_not_text", "login_url"),
    (json.dumps({"tenant_id": TENANT, "client_id": CLIENT, "secret_expires": "soon"}), "profile_bad_date",
     "secret_expires"),
])
def test_load_profile_errors_are_codes(tmp_path, content, code, field):
    path = tmp_path / "p.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert (info.value.code, info.value.field) == (code, field)
    assert code in TEXT and code in HINTS


def test_broken_json_says_where(tmp_path):
    path = tmp_path / "p.json"
    path.write_text('{\n  "tenant_id": "x",\n  "client_id" "y"\n}\n')
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert (info.value.code, info.value.line, info.value.column) == ("profile_not_json", 3, 15)
    path.write_text(GOOD[:-10])  # the string that never closes starts on line 4
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert (info.value.code, info.value.line) == ("profile_cut_short", 4)


def test_input_problem_is_plain_data():
    assert InputProblem("tenant", "tenant_empty") == InputProblem("tenant", "tenant_empty")


def test_a_relative_ca_bundle_is_found_next_to_the_profile(tmp_path, monkeypatch):
    (tmp_path / "ca.pem").write_text("x")
    (tmp_path / "p.json").write_text(json.dumps({"tenant_id": TENANT, "client_id": CLIENT, "ca_bundle": "ca.pem"}))
    monkeypatch.chdir(tmp_path.parent)
    conn, secret = load_profile(tmp_path / "p.json")
    assert conn.ca_bundle == str((tmp_path / "ca.pem").resolve()) and secret is None
