"""core/run/history.py: which earlier runs "Undo an earlier run…" offers, newest first, and whether each
was already undone — read from the journals alone."""

from __future__ import annotations

from pathlib import Path

from core.graph.connection import Connection
from core.run.history import (
    NOT_UNDONE,
    PARTLY_UNDONE,
    UNDO_UNFINISHED,
    UNDONE,
    find_run,
    last_to_undo,
    list_runs,
)
from core.run.journal import Journal

CLIENT = "11111111-1111-4111-8111-111111111111"
TENANT_ID = "22222222-2222-4222-8222-222222222222"


def _conn(tenant="school.example", client_id=CLIENT) -> Connection:
    return Connection(tenant=tenant, client_id=client_id)


def _apply(runs, name, *, tenant="school.example", tenant_id=None, client_id=CLIENT, set_=2, other=1,
           ended=True, cancelled=False, dry_run=False, face="wizard"):
    with Journal(runs / name, {"tenant": tenant, "tenant_id": tenant_id, "client_id": client_id,
                               "to_write": set_ + other, "dry_run": dry_run, "face": face}) as journal:
        for n in range(set_):
            journal.intent(f"{name}-u{n}", f"value-{n}")
            journal.outcome(f"{name}-u{n}", "dry_run" if dry_run else "set")
        for n in range(other):
            journal.outcome(f"{name}-f{n}", "failed", "nope")
        if ended:
            journal.end({"set": set_, "not_attempted": 1 if cancelled else 0}, cancelled=cancelled)
    return runs / name


def _undo(runs, name, of, *, complete=True, dry_run=False, tenant="school.example", cleared=None):
    """An undo of `of` that cleared `cleared` of its users (default: all it set)."""
    users = sorted(Journal.replay(Path(of) / "journal.jsonl").written())
    with Journal(runs / name, {"kind": "undo", "undo_of": str(of), "tenant": tenant, "client_id": CLIENT,
                               "dry_run": dry_run}) as journal:
        for oid in users[:len(users) if cleared is None else cleared]:
            journal.outcome(oid, "cleared")
        if complete:
            journal.end({"cleared": 1})
    return runs / name


def test_lists_this_tenants_real_apply_runs_that_set_something_newest_first(tmp_path):
    old = _apply(tmp_path, "20260101-080000-apply-school.example", face="cli")
    killed = _apply(tmp_path, "20260102-080000-apply-school.example", ended=False, set_=3)
    cancelled = _apply(tmp_path, "20260103-080000-apply-school.example", cancelled=True)
    _apply(tmp_path, "20260104-080000-dry-run-school.example", dry_run=True)
    _apply(tmp_path, "20260105-080000-apply-school.example", set_=0)  # set nothing: nothing to undo
    _apply(tmp_path, "20260106-080000-apply-other.example", tenant="other.example")
    _apply(tmp_path, "20260107-080000-apply-school.example", client_id="33333333-3333-4333-8333-333333333333")
    _undo(tmp_path, "20260108-080000-undo-school.example", old)
    (tmp_path / "20260109-080000-apply-empty").mkdir()  # no journal

    listed = list_runs(_conn(), runs=tmp_path)
    assert [r.path for r in listed] == [cancelled, killed, old]
    assert [r.set_count for r in listed] == [2, 3, 2]
    assert [(r.ended, r.complete) for r in listed] == [(True, False), (False, False), (True, True)]
    assert [r.face for r in listed] == ["wizard", "wizard", "cli"]
    assert listed[2].started is not None


def test_a_run_is_matched_by_the_tenant_as_typed_or_its_id(tmp_path):
    run = _apply(tmp_path, "20260101-080000-apply-x", tenant=TENANT_ID, tenant_id=TENANT_ID)
    assert [r.path for r in list_runs(_conn("school.example"), TENANT_ID, runs=tmp_path)] == [run]
    assert list_runs(_conn("school.example"), None, runs=tmp_path) == []


def test_undo_state_only_a_finished_real_undo_counts_as_undone(tmp_path):
    done = _apply(tmp_path, "20260101-080000-apply-school.example")
    half = _apply(tmp_path, "20260102-080000-apply-school.example")
    tried = _apply(tmp_path, "20260103-080000-apply-school.example")
    other = _apply(tmp_path, "20260104-080000-apply-school.example")
    _undo(tmp_path, "20260105-080000-undo-school.example", done)
    _undo(tmp_path, "20260106-080000-undo-school.example", half, complete=False)
    _undo(tmp_path, "20260107-080000-undo-dry-run-school.example", tried, dry_run=True)
    _undo(tmp_path, "20260108-080000-undo-other.example", other, tenant="other.example")

    states = {r.path: r.undo_state for r in list_runs(_conn(), runs=tmp_path)}
    assert states == {done: UNDONE, half: UNDO_UNFINISHED, tried: NOT_UNDONE, other: NOT_UNDONE}
    assert find_run(_conn(), done, runs=tmp_path).undone
    assert find_run(_conn(), tmp_path / "nowhere", runs=tmp_path) is None


def test_a_later_finished_undo_wins_over_an_earlier_unfinished_one(tmp_path):
    run = _apply(tmp_path, "20260101-080000-apply-school.example")
    _undo(tmp_path, "20260102-080000-undo-school.example", run, complete=False)
    _undo(tmp_path, "20260103-080000-undo-school.example", run)
    assert find_run(_conn(), run, runs=tmp_path).undo_state == UNDONE


def test_an_undo_that_left_users_is_partly_undone_and_last_to_undo_offers_it(tmp_path):
    run = _apply(tmp_path, "20260101-080000-apply-school.example", set_=3)
    _undo(tmp_path, "20260102-080000-undo-school.example", run, cleared=1)  # e.g. two needed the UPN swap
    entry = find_run(_conn(), run, runs=tmp_path)
    assert entry.undo_state == PARTLY_UNDONE and entry.left == 2
    assert last_to_undo(_conn(), runs=tmp_path).path == run
    _undo(tmp_path, "20260103-080000-undo-school.example", run)  # the rest
    assert find_run(_conn(), run, runs=tmp_path).undo_state == UNDONE
    assert last_to_undo(_conn(), runs=tmp_path) is None  # undone whole: nothing left for --last
