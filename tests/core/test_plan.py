from __future__ import annotations

import threading
import uuid

import pytest

from core.planning.plan import PREVIEW_STATUSES, Cancelled, Scope, Status, build_plan
from core.source.sources import AttributeSource
from core.tenant.directory import DirectoryUser


def user(name, emp=None, *, domain="school.example", imm=None, synced=None, guest=False, enabled=True):
    return DirectoryUser(id=str(uuid.uuid5(uuid.NAMESPACE_DNS, name)), upn=f"{name}@{domain}",
                         display_name=name.title(), mail=None, employee_id=emp,
                         user_type="Guest" if guest else "Member", account_enabled=enabled,
                         immutable_id=imm, sync_enabled=synced)


def tenant():
    return [
        user("ok", "19001"),
        user("has", "19002", imm="X-1"),
        user("synced", "19003", synced=True),
        user("guest", "19004", guest=True),
        user("off", "19005", enabled=False),
        user("other", "19006", domain="elsewhere.example"),
        user("fed", "19007", domain="fed.example"),
        user("none"),
        user("bad", "19 008"),
        user("taken", "x-1"),  # X-1 is held by "has" (compared case-insensitively)
        user("dup1", "D-9"), user("dup2", "D-9"), user("dup3", "d-9"),
        # precedence: already set wins over synced/guest/disabled
        user("both", "19010", imm="Y", synced=True, guest=True, enabled=False),
        user("admin", "19011"),  # holds a role (admins known: core/tenant/admins.py)
        user("admin_has", "19012", imm="Z"),  # already set wins over admin_role
        user("admin_fed", "19013", domain="fed.example"),  # admin_role wins over federated_domain
    ]


def admins_of(users):
    names = {"admin": "Global Administrator", "admin_has": "User Administrator", "admin_fed": "Global Reader"}
    return {u.id: names[u.upn.split("@")[0]] for u in users if u.upn.split("@")[0] in names}


def by_upn(plan):
    return {row.user_principal_name.split("@")[0]: row for row in plan.rows}


def test_every_preview_status_with_reason():
    users = tenant()
    admins = admins_of(users)
    plan = build_plan(users, AttributeSource("employeeId"), "none",
                      Scope(domains=("school.example", "fed.example")), federated_domains=["FED.example"],
                      admins=admins)
    rows = by_upn(plan)
    expected = {"ok": "will_set", "has": "already_set", "synced": "synced_from_ad", "guest": "guest",
                "off": "disabled", "other": "out_of_scope", "fed": "federated_domain",
                "none": "no_source_value", "bad": "invalid_value", "taken": "value_in_use",
                "dup1": "duplicate_value", "dup2": "duplicate_value", "dup3": "duplicate_value",
                "both": "already_set", "admin": "admin_role", "admin_has": "already_set",
                "admin_fed": "admin_role"}
    assert {k: r.status.value for k, r in rows.items()} == expected
    assert {s.value for s in PREVIEW_STATUSES} == set(expected.values())
    assert rows["bad"].detail == "whitespace"
    assert rows["none"].detail == "attribute_empty"
    assert rows["taken"].detail == "held by has@school.example"
    assert "dup2@school.example" in rows["dup1"].detail and "dup3@school.example" in rows["dup1"].detail
    # the codes the GUI translates from, and the report's English detail made from them (contracts.md)
    coded = {k: (r.reason, r.reason_args, r.detail) for k, r in rows.items()}
    assert coded["admin"] == ("admin_role", {"roles": "Global Administrator"}, "holds Global Administrator: a "
                              "Privileged Authentication Administrator must set it, by hand")
    # a federated user with a ready value: the UPN swap could set it (issue 10 §1)
    assert coded["fed"] == ("federated_swap_ready", {"domain": "fed.example"}, "domain fed.example is federated: "
                            "can be set with the UPN swap (--federated-upn-swap)")
    assert coded["other"] == ("domain_not_chosen", {"domain": "elsewhere.example"}, "domain elsewhere.example")
    assert coded["guest"] == ("guest_excluded", {}, "use --include-guests to include")
    assert coded["off"] == ("disabled_excluded", {}, "use --include-disabled to include")
    assert coded["synced"] == ("on_premises_sync_enabled", {}, "on_premises_sync_enabled")
    assert coded["taken"][:2] == ("value_in_use", {"holder": "has@school.example"})
    assert coded["dup1"][0] == "duplicate_value" and coded["dup1"][1]["more"] == 0
    assert coded["bad"][:2] == ("whitespace", {}) and coded["ok"] == (None, {}, "")
    assert coded["has"] == (None, {}, "")
    assert rows["has"].current_immutable_id == "X-1" and rows["has"].new_immutable_id == ""
    assert rows["ok"].new_immutable_id == "19001" and rows["ok"].source_value == "19001"
    assert [r.user_principal_name for r in plan.to_write()] == ["ok@school.example"]
    assert plan.counts()["duplicate_value"] == 3 and sum(plan.counts().values()) == len(rows)


def test_scope_includes_guests_and_disabled():
    plan = build_plan(tenant(), AttributeSource("employeeId"), "none",
                      Scope(include_guests=True, include_disabled=True))
    rows = by_upn(plan)
    assert rows["guest"].status is Status.WILL_SET and rows["off"].status is Status.WILL_SET
    assert rows["other"].status is Status.WILL_SET  # no --domain: every domain in scope
    assert rows["fed"].status is Status.WILL_SET  # federation unknown: not guessed


def test_transform_errors_are_invalid_value():
    plan = build_plan([user("a", "19001"), user("b", "6f9619ff-8b86-d011-b42d-00c04fc964ff")],
                      AttributeSource("employeeId"), "guid-base64")
    rows = by_upn(plan)
    assert (rows["a"].status, rows["a"].detail) == (Status.INVALID_VALUE, "not_a_guid")
    assert rows["b"].new_immutable_id == "/xmWb4aLEdC0LQDAT8lk/w=="


def test_plan_hash_changes_with_what_would_be_written():
    a = build_plan([user("a", "1")], AttributeSource("employeeId"))
    b = build_plan([user("a", "2")], AttributeSource("employeeId"))
    assert a.plan_hash() != b.plan_hash()
    assert a.plan_hash() == build_plan([user("a", "1")], AttributeSource("employeeId")).plan_hash()


def test_progress_and_cancel():
    users = [user(f"u{i}", str(100000 + i)) for i in range(12000)]
    seen = []
    build_plan(users, AttributeSource("employeeId"), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (12000, 12000) and (5000, 12000) in seen
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        build_plan(users, AttributeSource("employeeId"), cancel=cancel)


def test_100k_users_plan_correctly():
    # Correctness at full size; the speed is tests/bench/test_bench_plan.py's job (no timed tests).
    users = [user(f"u{i}", str(1000000 + i), imm=f"Z{i}" if i % 10 == 0 else None) for i in range(100_000)]
    plan = build_plan(users, AttributeSource("employeeId"), "none", Scope(domains=("school.example",)))
    assert plan.counts() == {"will_set": 90_000, "already_set": 10_000}


def test_list_and_plan_equals_list_then_plan(sandbox_factory):
    from core.graph.auth import TokenProvider
    from core.graph.client import GraphClient
    from core.graph.connection import Connection
    from core.planning.plan import list_and_plan
    from core.tenant.directory import list_users

    tenant = sandbox_factory(users=2500)  # three pages of 999
    profile = tenant.connection_profile()
    conn = Connection.from_profile_dict(profile)
    graph = GraphClient(conn, TokenProvider(conn, profile["client_secret"]))
    seen = []
    streamed = list_and_plan(graph, AttributeSource("objectId"), "guid-base64", Scope(), ["fjordskolan.example"],
                             progress=seen.append)
    whole = build_plan(list_users(graph), AttributeSource("objectId"), "guid-base64", Scope(),
                       ["fjordskolan.example"])
    assert streamed.rows == whole.rows and seen == [999, 1998, 2500]
    assert streamed.counts()["federated_domain"] > 0
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        list_and_plan(graph, AttributeSource("objectId"), cancel=cancel)
