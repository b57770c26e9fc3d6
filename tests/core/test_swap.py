"""The federated-domain UPN swap (issue 10 §1, graph-facts §11) against the sandbox tenant: values set, UPNs
back where they were, refusals that change nothing, step 2 refused -> UPN put back, faults, and a run
interrupted between the two steps finished on resume. The audit log is the proof."""

from __future__ import annotations

import pytest
from swap_school import (
    FED,
    INITIAL,
    assert_only_swap_properties,
    connect,
    nobody_parked,
    patch_bodies,
    plan,
    seed,
    uid,
    user,
)

from core.graph.batching import ForbiddenWrite, swap_request
from core.graph.connection import Connection
from core.planning.plan import Status
from core.run import lifecycle as run_module
from core.run.apply import apply_plan
from core.run.folders import find_unfinished
from core.run.journal import Journal
from core.sandbox.config import FaultSpec, SandboxConfig
from core.sandbox.graph.users import KEEP
from core.tenant.parked import temporary_upn

FEDERATED = {uid(100 + i) for i in range(4)}


def _apply(tenant, tmp_path, *, upn_swap=True, **kw):
    graph = connect(tenant)
    the_plan = plan(graph)
    with Journal(tmp_path / "run", {"tenant": tenant.tenant_id}) as journal:
        result = apply_plan(the_plan, graph, journal, upn_swap=upn_swap, read_back_settle_s=0.0, **kw)
    return the_plan, {r.object_id: r for r in result.rows}, result


def test_the_swap_request_carries_the_upn_and_at_most_the_value():
    oid = uid(100)
    assert swap_request("0", oid, "f0@x.onmicrosoft.com")["body"] == {"userPrincipalName": "f0@x.onmicrosoft.com"}
    assert swap_request("1", oid, "f0@fed.example", "A")["body"] == {"userPrincipalName": "f0@fed.example",
                                                                    "onPremisesImmutableId": "A"}
    assert swap_request("1", oid, "f0@fed.example", None)["body"]["onPremisesImmutableId"] is None
    for bad in ("no-at-sign", "a@b@c", "x y@fed.example", "../x@fed.example?$top=1"):
        with pytest.raises(ForbiddenWrite):
            swap_request("0", oid, bad)
    with pytest.raises(ForbiddenWrite):
        swap_request("0", oid, "f0@fed.example", "")


def test_preview_marks_who_the_swap_can_set(sandbox_factory, tmp_path):
    taken = user(200, temporary_upn(f"f1@{FED}", INITIAL), employeeId=None)  # holds f1's temporary UPN
    tenant = sandbox_factory(seed_path=seed(tmp_path, extra=[taken, user(201, f"adm@{FED}", privilegedRole=True)]))
    rows = {r.object_id: r for r in plan(connect(tenant)).rows}
    assert {rows[uid(100 + i)].reason for i in (0, 2, 3)} == {"federated_swap_ready"}
    assert rows[uid(101)].status is Status.FEDERATED_DOMAIN and rows[uid(101)].reason == "swap_alias_taken"
    assert rows[uid(101)].reason_args == {"alias": temporary_upn(f"f1@{FED}", INITIAL)}
    assert rows[uid(100)].new_immutable_id == "E-100"


def test_swap_sets_the_value_and_puts_the_upn_back(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=seed(tmp_path))
    the_plan, rows, result = _apply(tenant, tmp_path)
    for oid in FEDERATED:
        assert rows[oid].status is Status.SET and rows[oid].reason == "set_with_swap"
        assert tenant.users[oid]["onPremisesImmutableId"] == f"E-{oid[-3:]}"
        assert tenant.users[oid]["userPrincipalName"].endswith("@" + FED)
        # the report's columns: UPN and mail as read before step 1 and after step 2
        assert rows[oid].upn_before == rows[oid].upn_after == tenant.users[oid]["userPrincipalName"]
        assert rows[oid].mail_before == rows[oid].mail_after == tenant.users[oid]["mail"]
    assert rows[uid(1)].status is Status.SET and rows[uid(1)].upn_before == ""  # a direct write
    # two PATCHes per swapped user, in order: out to the initial domain, back with the value
    for oid in FEDERATED:
        bodies = [body for who, body, status in patch_bodies(tenant) if who == oid and status == 204]
        upn = tenant.users[oid]["userPrincipalName"]
        assert bodies == [{"userPrincipalName": temporary_upn(upn, INITIAL)},
                          {"userPrincipalName": upn, "onPremisesImmutableId": f"E-{oid[-3:]}"}]
    assert_only_swap_properties(tenant, FEDERATED)
    nobody_parked(tenant)
    assert result.writes_sent == 2 + 2 * len(FEDERATED)


def test_without_the_option_federated_users_are_left_alone(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=seed(tmp_path))
    _plan, rows, _result = _apply(tenant, tmp_path, upn_swap=False)
    assert {rows[oid].status for oid in FEDERATED} == {Status.FEDERATED_DOMAIN}
    assert not [b for who, b, _ in patch_bodies(tenant) if who in FEDERATED]
    assert_only_swap_properties(tenant, set())


def test_refusals_of_step_1_change_nothing(sandbox_factory, tmp_path):
    admin = user(201, f"adm@{FED}", privilegedRole=True)
    tenant = sandbox_factory(seed_path=seed(tmp_path, extra=[admin]))
    graph = connect(tenant)
    the_plan = plan(graph)
    # after the preview, someone takes f2's temporary UPN in the initial domain
    tenant.update_user(uid(1), KEEP, temporary_upn(f"f2@{FED}", INITIAL), check=lambda u: None)
    with Journal(tmp_path / "run", {}) as journal:
        rows = {r.object_id: r for r in apply_plan(the_plan, graph, journal, upn_swap=True,
                                                   read_back_settle_s=0.0).rows}
    assert rows[uid(102)].status is Status.FAILED and rows[uid(102)].reason == "swap_alias_taken"
    assert tenant.users[uid(102)]["userPrincipalName"] == f"f2@{FED}"
    assert tenant.users[uid(102)]["onPremisesImmutableId"] is None
    # an admin answers 403 to step 1 (its UPN is a sensitive attribute): reported as such, unchanged
    assert rows[uid(201)].status is Status.FAILED and rows[uid(201)].reason == "privileged_user"
    assert tenant.users[uid(201)]["userPrincipalName"] == f"adm@{FED}"
    assert {r.status for oid, r in rows.items() if oid in FEDERATED - {uid(102)}} == {Status.SET}
    nobody_parked(tenant)


def test_step_2_refused_puts_the_upn_back(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=seed(tmp_path))
    graph = connect(tenant)
    the_plan = plan(graph)
    tenant.set_immutable_id(uid(2), "E-101", check=lambda u: None)  # f1's value, taken after the preview
    with Journal(tmp_path / "run", {}) as journal:
        rows = {r.object_id: r for r in apply_plan(the_plan, graph, journal, upn_swap=True,
                                                   read_back_settle_s=0.0).rows}
    row = rows[uid(101)]
    assert row.status is Status.FAILED and row.reason == "swap_restored", row.detail
    assert "put back" in row.detail and "already exists" in row.detail
    assert tenant.users[uid(101)]["userPrincipalName"] == f"f1@{FED}"
    assert tenant.users[uid(101)]["onPremisesImmutableId"] is None
    assert row.upn_after == f"f1@{FED}"
    bodies = [b for who, b, _ in patch_bodies(tenant) if who == uid(101)]
    assert bodies[-1] == {"userPrincipalName": f"f1@{FED}"}  # the restore: the UPN alone
    nobody_parked(tenant)


@pytest.mark.parametrize("faults", [FaultSpec(p503=0.2, seed=11), FaultSpec(drop=0.15, seed=12),
                                    FaultSpec(p429=0.2, seed=13)], ids=["503", "drop", "429"])
def test_faults_leave_nobody_on_the_temporary_upn(sandbox_factory, tmp_path, faults):
    tenant = sandbox_factory(seed_path=seed(tmp_path, federated=30, managed=0),
                             config=SandboxConfig(faults=faults, fault_retry_after_s=1))
    _plan, rows, _result = _apply(tenant, tmp_path)
    swapped = {uid(100 + i) for i in range(30)}
    assert {rows[oid].status for oid in swapped} == {Status.SET}, {rows[o].detail for o in swapped}
    for oid in swapped:
        user_now = tenant.users[oid]
        assert user_now["userPrincipalName"].endswith("@" + FED)
        assert user_now["onPremisesImmutableId"] == f"E-{oid[-3:]}"
    assert_only_swap_properties(tenant, swapped)
    nobody_parked(tenant)


def test_a_run_stopped_between_the_steps_is_finished_on_resume(sandbox_factory, tmp_path):
    """The state a kill -9 between the steps leaves: step 1 landed and journalled, no step 2, no end."""
    tenant = sandbox_factory(seed_path=seed(tmp_path))
    graph = connect(tenant)
    conn = Connection.from_profile_dict(tenant.connection_profile())
    spec = run_module.RunSpec(conn, plan(graph), federated_upn_swap=True, tenant_id=tenant.tenant_id)
    journal, _ = run_module.open_journal(spec)
    for i in range(2):  # f0, f1 parked by "the killed run"
        oid = uid(100 + i)
        temp = temporary_upn(f"f{i}@{FED}", INITIAL)
        journal.swap(oid, "out", f"f{i}@{FED}", temp, f"E-{100 + i}", f"f{i}@school.example")
        tenant.update_user(oid, KEEP, temp, check=lambda u: None)
    journal.sync()
    journal._fh.close()  # as a killed process leaves it (no end line)
    tenant.clear_audit()

    unfinished = find_unfinished(conn, tenant.tenant_id)
    assert unfinished is not None and unfinished.path == journal.run_dir
    # the resume does not have the option on: what was begun is finished all the same, nothing new starts
    again = run_module.RunSpec(conn, plan(graph), resume=unfinished, tenant_id=tenant.tenant_id)
    outcome = run_module.execute(again, graph)
    rows = {r.object_id: r for r in outcome.result.rows}
    for i in range(2):
        oid = uid(100 + i)
        assert rows[oid].status is Status.SET and rows[oid].reason == "set_with_swap"
        assert tenant.users[oid]["userPrincipalName"] == f"f{i}@{FED}"
        assert tenant.users[oid]["onPremisesImmutableId"] == f"E-{100 + i}"
        assert rows[oid].user_principal_name == f"f{i}@{FED}" and rows[oid].mail_before == f"f{i}@school.example"
    assert {rows[uid(100 + i)].status for i in (2, 3)} == {Status.FEDERATED_DOMAIN}
    # only step 2 was sent for the parked users, once each
    assert [b for _w, b, _s in patch_bodies(tenant) if "userPrincipalName" in b] == [
        {"userPrincipalName": f"f{i}@{FED}", "onPremisesImmutableId": f"E-{100 + i}"} for i in range(2)]
    nobody_parked(tenant)
    state = Journal.replay(outcome.run_dir / "journal.jsonl")
    assert state.swap_pending() == {} and state.complete


def test_a_dry_run_sends_nothing(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=seed(tmp_path))
    _plan, rows, _result = _apply(tenant, tmp_path, dry_run=True)
    assert {rows[oid].status for oid in FEDERATED} == {Status.DRY_RUN}
    assert {rows[oid].reason for oid in FEDERATED} == {"swap_dry_run"}
    assert patch_bodies(tenant) == []


def test_a_fatal_stop_between_the_steps_is_reported_and_finished_by_the_next_run(sandbox_factory, tmp_path,
                                                                                 monkeypatch):
    """Sign-in lost after step 1 of the first chunk: those users are not_attempted + swap_unfinished (they
    are on the temporary UPN, and the report says so), the next chunk's users are merely not reached; the
    next run finishes the first and sets the rest."""
    import core.run.swap
    from core.graph.auth import AuthCode, AuthError

    tenant = sandbox_factory(seed_path=seed(tmp_path, federated=25, managed=0))
    graph = connect(tenant)
    conn = Connection.from_profile_dict(tenant.connection_profile())
    spec = run_module.RunSpec(conn, plan(graph), federated_upn_swap=True, tenant_id=tenant.tenant_id)
    real_send, writes = core.run.swap.send_batch, []

    def failing_send(graph, requests, **kw):
        if requests[0]["method"] == "PATCH":
            writes.append(len(requests))
            if len(writes) == 2:  # the first chunk's step 2
                raise AuthError(AuthCode.SECRET_EXPIRED)
        return real_send(graph, requests, **kw)

    monkeypatch.setattr(core.run.swap, "send_batch", failing_send)
    first = run_module.execute(spec, graph)
    rows = {r.object_id: r for r in first.result.rows}
    moved = [oid for oid, r in rows.items() if r.reason == "swap_unfinished"]
    assert len(moved) == 20 and first.result.fatal
    assert {rows[oid].status for oid in moved} == {Status.NOT_ATTEMPTED}
    assert all(tenant.users[oid]["userPrincipalName"].endswith(INITIAL) for oid in moved)
    assert {rows[uid(100 + i)].reason for i in range(20, 25)} == {"stopped_sign_in_failed"}
    assert rows[moved[0]].upn_before.endswith("@" + FED) and rows[moved[0]].upn_after.endswith(INITIAL)
    monkeypatch.setattr(core.run.swap, "send_batch", real_send)

    again = run_module.RunSpec(conn, plan(graph), federated_upn_swap=True, tenant_id=tenant.tenant_id,
                               resume=find_unfinished(conn, tenant.tenant_id))
    second = run_module.execute(again, graph)
    assert second.run_dir == first.run_dir
    assert {r.status for r in second.result.rows} == {Status.SET}
    nobody_parked(tenant)
    assert all(tenant.users[uid(100 + i)]["onPremisesImmutableId"] == f"E-{100 + i}" for i in range(25))
