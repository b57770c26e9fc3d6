"""An unfinished run is the tenant's only when its marks are in the tenant (core/run/tenant_match.py), and
"N of M done" counts what is really finished — a UPN swap begun and not ended is not done."""

from __future__ import annotations

from swap_school import FED, INITIAL, connect, plan, seed, uid

from core.graph.connection import Connection
from core.run import lifecycle as run_module
from core.run import tenant_match
from core.run.folders import find_unfinished
from core.run.journal import Journal
from core.sandbox.graph.users import KEEP


def _killed_swap_run(tenant):
    """The journal a kill -9 leaves: the direct writes done, two users half-way through the UPN swap (step
    1 landed and journalled), no end."""
    graph = connect(tenant)
    conn = Connection.from_profile_dict(tenant.connection_profile())
    the_plan = plan(graph)
    spec = run_module.RunSpec(conn, the_plan, federated_upn_swap=True, tenant_id=tenant.tenant_id)
    journal, _ = run_module.open_journal(spec)
    direct = list(the_plan.to_write())
    for row in direct:
        journal.intent(row.object_id, row.new_immutable_id)
        tenant.update_user(row.object_id, row.new_immutable_id, None, check=lambda u: None)
        journal.outcome(row.object_id, "set")
    for i in range(2):
        oid = uid(100 + i)
        journal.swap(oid, "out", f"f{i}@{FED}", f"f{i}@{INITIAL}", f"E-{100 + i}", f"f{i}@school.example")
        tenant.update_user(oid, KEEP, f"f{i}@{INITIAL}", check=lambda u: None)
    journal.sync()
    journal._fh.close()  # as a killed process leaves it
    return conn, journal.run_dir, len(direct), len(the_plan.swappable())


def test_a_killed_swap_run_counts_its_half_swapped_users_as_not_done(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=seed(tmp_path, federated=4, managed=6))
    conn, run_dir, direct, swappable = _killed_swap_run(tenant)
    found = find_unfinished(conn, tenant.tenant_id)
    assert found is not None and found.path == run_dir
    assert (found.done, found.total) == (direct, direct + swappable) == (6, 10)  # not "6 of 6 done"


def test_the_run_matches_the_tenant_that_holds_its_marks_and_no_other(sandbox_factory, tmp_path):
    path = seed(tmp_path, federated=4, managed=6)
    tenant = sandbox_factory(seed_path=path)
    _conn, run_dir, _direct, _swappable = _killed_swap_run(tenant)
    state = Journal.replay(run_dir / "journal.jsonl")
    match = tenant_match.check(connect(tenant), state)
    assert match.matches and match.marked == match.checked == 8  # 6 values + 2 temporary UPNs

    # the same seed made again: the same tenant id and user ids, none of the run's marks
    again = sandbox_factory(seed_path=path)
    assert again.tenant_id == tenant.tenant_id
    assert tenant_match.check(connect(again), state) == tenant_match.TenantMatch(False, 8, 0)

    # someone changed most of them since: one mark left still proves the tenant
    for row_id in list(state.written())[1:]:
        tenant.update_user(row_id, "changed-since", None, check=lambda u: None)
    for i in range(2):
        tenant.update_user(uid(100 + i), KEEP, f"f{i}@{FED}", check=lambda u: None)
    match = tenant_match.check(connect(tenant), state)
    assert match.matches and match.marked == 1


def test_a_journal_with_nothing_written_proves_nothing(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=seed(tmp_path))
    conn = Connection.from_profile_dict(tenant.connection_profile())
    spec = run_module.RunSpec(conn, plan(connect(tenant)), tenant_id=tenant.tenant_id)
    journal, _ = run_module.open_journal(spec)
    journal.close()
    tenant.clear_audit()
    match = tenant_match.check(connect(tenant), Journal.replay(journal.path))
    assert not match.matches and match.checked == 0
    assert tenant.audit() == []  # nothing to read, nothing read


def test_the_marks_are_a_sample_spread_over_a_big_run():
    from core.run.journal import JournalState

    state = JournalState(intents={f"u{n}": f"v{n}" for n in range(1000)},
                         outcomes={f"u{n}": ("set", "") for n in range(900)})
    marks = tenant_match.marks(state)
    written = [k for k in marks if int(k[1:]) < 900]
    pending = [k for k in marks if int(k[1:]) >= 900]
    assert len(written) == 20 and int(written[-1][1:]) > 800  # from the whole run, not its first users
    assert len(pending) == 20 and all(marks[k].value == f"v{k[1:]}" for k in marks)
