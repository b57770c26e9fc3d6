"""core/run/lifecycle.py: the one run lifecycle — confirmation rule, unfinished runs, status groups, run files."""

from __future__ import annotations

import json
from types import SimpleNamespace

from core.exits import EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.graph.connection import Connection
from core.planning.plan import Plan, PlanRow, Status
from core.planning.statuses import count_statuses, needs_attention, retry_ids
from core.run.folders import find_unfinished as find_unfinished_run
from core.run.journal import Journal
from core.run.lifecycle import (
    RunSpec,
    confirmation_tokens,
    exit_code,
    is_confirmed,
    tenant_domains,
    write_run_files,
)

CLIENT = "11111111-2222-3333-4444-555555555555"
TENANT_ID = "99999999-8888-7777-6666-555555555555"


def _conn(tenant="school.example") -> Connection:
    return Connection(tenant, CLIENT)


def _row(n: int, status: Status) -> PlanRow:
    return PlanRow(f"id-{n}", f"u{n}@school.example", f"U {n}", "v", "", f"V-{n}", status)


def test_confirmation_names_this_tenant_only():
    tokens = confirmation_tokens(_conn(), TENANT_ID, ["school.example", "school.onmicrosoft.com"])
    for typed in ("school.example", "  SCHOOL.onmicrosoft.com ", TENANT_ID.upper()):
        assert is_confirmed(typed, tokens)
    for typed in ("yes", "", "school", "other.example", TENANT_ID[:-1]):
        assert not is_confirmed(typed, tokens)


def test_tenant_domains_from_listing_else_upn_suffixes():
    rows = [_row(1, Status.WILL_SET), SimpleNamespace(upn="a@Other.example")]
    assert tenant_domains(["B.example"], rows) == ["b.example"]
    assert tenant_domains(None, rows) == ["other.example", "school.example"]


def _journal(runs, name, tenant="school.example", ended=False, dry_run=False, outcomes=2):
    journal = Journal(runs / name, {"tenant": tenant, "tenant_id": TENANT_ID, "client_id": CLIENT,
                                    "dry_run": dry_run, "to_write": 10})
    for n in range(outcomes):
        journal.intent(f"id-{n}", f"V-{n}")
        journal.outcome(f"id-{n}", "set")
    if ended:
        journal.end({"set": outcomes})
    journal.close()


def test_unfinished_run_is_found_by_tenant_or_its_id(tmp_path):
    _journal(tmp_path, "20261101-100000-apply-a", outcomes=3)
    found = find_unfinished_run(_conn(), runs=tmp_path)
    assert found is not None and (found.done, found.total) == (3, 10) and found.started is not None
    # the same tenant entered by its id (the wizard) finds the run the CLI started by domain
    assert find_unfinished_run(_conn(TENANT_ID), runs=tmp_path).path == found.path
    assert find_unfinished_run(_conn("other.example"), runs=tmp_path) is None
    assert find_unfinished_run(Connection("school.example", "22222222-2222-3333-4444-555555555555"),
                               runs=tmp_path) is None


def test_a_later_finished_run_or_dry_run_means_none_is_offered(tmp_path):
    _journal(tmp_path, "20261101-100000-apply-a")
    _journal(tmp_path, "20261101-110000-dry-run-a", dry_run=True)  # dry runs never hide or count
    assert find_unfinished_run(_conn(), runs=tmp_path) is not None
    _journal(tmp_path, "20261101-120000-apply-a", ended=True)
    assert find_unfinished_run(_conn(), runs=tmp_path) is None


def test_status_groups_retry_and_exit_codes():
    rows = [_row(1, Status.SET), _row(2, Status.FAILED), _row(3, Status.NOT_ATTEMPTED),
            _row(4, Status.SKIPPED_ALREADY_SET), _row(5, Status.SET)]
    assert count_statuses(rows) == {"set": 2, "failed": 1, "skipped_already_set": 1, "not_attempted": 1}
    assert [r.object_id for r in needs_attention(rows)] == ["id-2", "id-3"]
    assert retry_ids(rows) == frozenset({"id-2", "id-3"})
    result = SimpleNamespace(rows=rows, fatal=None, cancelled=False)
    assert exit_code(result) == EXIT_SOME_FAILED
    assert exit_code(SimpleNamespace(rows=rows[:1], fatal=None, cancelled=False)) == EXIT_OK
    assert exit_code(SimpleNamespace(rows=rows, fatal=None, cancelled=True)) == EXIT_CANCELLED
    assert exit_code(SimpleNamespace(rows=rows, fatal="auth", cancelled=True)) == EXIT_CANNOT_CONNECT


def test_run_files_hold_report_unmatched_rows_and_summary(tmp_path):
    """What write_run_files leaves (both faces' folders are compared for real in
    tests/gui/test_gui_run_folder.py, where the wizard and the command line each make their own)."""
    from datetime import UTC, datetime

    from core.run.apply import ApplyResult
    from core.source.sources import UnmatchedRow

    rows = [_row(1, Status.SET), _row(2, Status.FAILED)]
    plan = Plan(rows, source="csv:x.csv", unmatched_rows=[UnmatchedRow(3, "nobody@x", "V", "no_user")])
    result = ApplyResult(rows, datetime.now(UTC), datetime.now(UTC))
    warnings = [{"code": "unmatched_rows", "args": {"count": 1}}]
    write_run_files(RunSpec(_conn(), plan, face="batch", warnings=warnings), result, tmp_path, resumed=False)
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert summary["face"] == "batch" and summary["counts"] == {"set": 1, "failed": 1}
    assert summary["unmatched_rows"] == 1 and summary["warnings"] == warnings and summary["kind"] == "apply"
    assert {p.name for p in tmp_path.iterdir()} == {"report.csv", "unmatched_rows.csv", "summary.json"}


def test_a_cancelled_or_stopped_run_is_continued_a_finished_one_is_not(tmp_path):
    for name, counts, cancelled in (("20261101-100000-apply-a", {"set": 2, "not_attempted": 8}, True),
                                    ("20261101-110000-apply-a", {"set": 2, "not_attempted": 8}, False)):
        journal = Journal(tmp_path / name, {"tenant": "school.example", "client_id": CLIENT, "to_write": 10})
        journal.end(counts, cancelled=cancelled)  # cancelled, then stopped (a fatal error: not cancelled)
        journal.close()
        found = find_unfinished_run(_conn(), runs=tmp_path)
        assert found is not None and found.path.name == name
    finished = Journal(tmp_path / "20261101-120000-apply-a", {"tenant": "school.example", "client_id": CLIENT})
    finished.end({"set": 9, "failed": 1})  # failures are not "unfinished": a retry is a new run
    finished.close()
    assert find_unfinished_run(_conn(), runs=tmp_path) is None
