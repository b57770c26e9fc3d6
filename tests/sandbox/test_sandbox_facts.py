"""The facts table is the single source: every unconfirmed behaviour is used, and changing it changes
what the sandbox does."""

from __future__ import annotations

from pathlib import Path

from sandbox_helpers import Graph, pick_user, token_for

from core.sandbox import facts

SANDBOX_SOURCES = [p for p in Path(facts.__file__).parent.rglob("*.py") if p.name != "facts.py"]


def test_every_unconfirmed_entry_is_used_by_the_sandbox():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SANDBOX_SOURCES)
    unused = [key for key in facts.UNCONFIRMED if f'"{key}"' not in code]
    assert unused == []


def test_every_aadsts_code_is_documented_with_its_status():
    assert {code: facts.AADSTS[code][:2] for code in (90002, 900023, 700016, 7000215, 7000222, 1002012)} == {
        90002: (400, "invalid_request"), 900023: (400, "invalid_request"), 700016: (400, "unauthorized_client"),
        7000215: (401, "invalid_client"), 7000222: (401, "invalid_client"), 1002012: (400, "invalid_scope")}


def test_changing_the_table_changes_the_answer(sandbox, monkeypatch):
    monkeypatch.setitem(facts.UNCONFIRMED, "federated_status", 403)
    monkeypatch.setitem(facts.UNCONFIRMED, "federated_code", "Authorization_RequestDenied")
    user = pick_user(sandbox, userPrincipalName=lambda u: u.endswith("@fjordskolan.example"),
                     onPremisesImmutableId=None)
    resp = Graph(sandbox, token_for(sandbox)).patch(f"/users/{user['id']}", {"onPremisesImmutableId": "x"})
    assert resp.status_code == 403 and resp.json()["error"]["code"] == "Authorization_RequestDenied"
