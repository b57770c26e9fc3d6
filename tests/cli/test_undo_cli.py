"""`immutableid-sync undo` against the sandbox tenant (issue 10 §2): it clears exactly the values a run
wrote and that still hold them, with apply's safety (confirmation, dry run, journal and resume)."""

from __future__ import annotations

import io
import json
import threading

from cli_helpers import read_report, source_args

from core import paths
from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_OK, EXIT_SOME_FAILED
from core.run.folders import RunKind, find_unfinished
from core.run.history import UNDONE, last_to_undo, list_runs
from core.run.journal import FILE_NAME, Journal

SET_BY_RUN = {"00000000-0000-4000-8000-000000000001": "A-1", "00000000-0000-4000-8000-000000000002": "A-2"}


def _apply(profile, idp):
    assert main(["apply", "--profile", str(profile), *source_args(idp), "--yes"]) in (EXIT_OK, EXIT_SOME_FAILED)
    runs = [p for p in paths.runs_dir().iterdir() if "-apply-" in p.name]
    assert len(runs) == 1
    return runs[0]


def _written(run_dir):
    return Journal.replay(run_dir / FILE_NAME).written()


def _clears(tenant):
    """(user id, body) of every PATCH the sandbox accepted."""
    return [(e["path"].rsplit("/", 1)[1], e["body"]) for e in tenant.audit()
            if e["method"] == "PATCH" and e["status"] == 204]


def _undo_runs():
    return sorted(p for p in paths.runs_dir().iterdir() if "-undo-" in p.name)


def test_undo_clears_exactly_the_values_the_run_wrote(school, capsys):
    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    written = _written(run_dir)
    assert written and set(SET_BY_RUN.items()) <= set(written.items())
    before = {uid: dict(u) for uid, u in tenant.users.items()}
    tenant.clear_audit()
    assert main(["undo", "--run", str(run_dir), "--profile", str(profile), "--yes"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "cleared" in out
    clears = _clears(tenant)
    assert sorted(uid for uid, _ in clears) == sorted(written)  # each exactly once
    assert all(body == {"onPremisesImmutableId": None} for _, body in clears)
    for uid, user in tenant.users.items():
        if uid in written:
            assert user["onPremisesImmutableId"] is None
        else:  # a value from before the run (user 3's X-3) and everyone else: untouched
            assert user == before[uid]
    assert tenant.users["00000000-0000-4000-8000-000000000003"]["onPremisesImmutableId"] == "X-3"
    undo_dir = _undo_runs()[0]
    header = Journal.replay(undo_dir / FILE_NAME).header
    assert header["kind"] == "undo" and header["undo_of"] == str(run_dir.resolve())
    rows = read_report(undo_dir / "report.csv")
    assert {r["object_id"]: r["status"] for r in rows} == dict.fromkeys(written, "cleared")
    summary = json.loads((undo_dir / "summary.json").read_text("utf-8"))
    assert summary["command"] == "undo" and summary["counts"] == {"cleared": len(written)}
    # an undo is no apply: the next apply does not take it for an unfinished run; the run it undid is listed
    # as undone, so --last passes over it
    conn = tenant_conn(profile)
    assert find_unfinished(conn) is None and find_unfinished(conn, kind=RunKind.UNDO) is None
    assert [(r.path, r.undo_state) for r in list_runs(conn)] == [(run_dir, UNDONE)]
    assert last_to_undo(conn) is None


def tenant_conn(profile):
    from core.graph.connection import load_profile

    return load_profile(profile)[0]


def test_a_value_changed_since_is_left_alone(school, capsys):
    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    written = _written(run_dir)
    changed, cleared_by_someone = sorted(written)[:2]
    tenant.users[changed]["onPremisesImmutableId"] = "SOMEONE-ELSE"
    tenant.users[cleared_by_someone]["onPremisesImmutableId"] = None
    tenant.clear_audit()
    assert main(["undo", "--last", "--profile", str(profile), "--yes"]) == EXIT_OK
    assert tenant.users[changed]["onPremisesImmutableId"] == "SOMEONE-ELSE"
    assert sorted(uid for uid, _ in _clears(tenant)) == sorted(set(written) - {changed, cleared_by_someone})
    rows = {r["object_id"]: r for r in read_report(_undo_runs()[0] / "report.csv")}
    assert rows[changed]["status"] == "skipped_changed" and "SOMEONE-ELSE" in rows[changed]["detail"]
    assert rows[changed]["current_immutable_id"] == "SOMEONE-ELSE"
    assert rows[cleared_by_someone]["status"] == "skipped_changed"


def test_dry_run_writes_nothing(school, capsys):
    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    tenant.clear_audit()
    assert main(["undo", "--run", str(run_dir), "--profile", str(profile), "--dry-run"]) == EXIT_OK
    assert not _clears(tenant)
    assert all(u["onPremisesImmutableId"] == v for uid, v in _written(run_dir).items()
               for u in [tenant.users[uid]])
    undo_dir = _undo_runs()[0]
    assert "-undo-dry-run-" in undo_dir.name
    assert {r["status"] for r in read_report(undo_dir / "report.csv")} == {"dry_run"}
    # a dry run is never taken for a run to undo, nor for an unfinished undo
    assert main(["undo", "--last", "--profile", str(profile), "--yes"]) == EXIT_OK
    assert sorted(uid for uid, _ in _clears(tenant)) == sorted(_written(run_dir))


def test_last_picks_the_latest_finished_apply_of_this_tenant(school, tmp_path):
    tenant, profile, idp = school
    first = _apply(profile, idp)
    conn = tenant_conn(profile)
    # a later dry run, an undo and another tenant's run are not "the last apply"
    for name, header, ended in (("20990101-000000-dry-run-x", {"dry_run": True}, True),
                                ("20990101-000001-undo-x", {"kind": "undo"}, True),
                                ("20990101-000002-apply-x", {"tenant": "other.example", "tenant_id": "x"}, True),
                                ("20990101-000003-apply-x", {}, False)):  # killed: not finished
        with Journal(paths.runs_dir() / name, {"tenant": conn.tenant, "client_id": conn.client_id,
                                               **header}) as journal:
            if ended:
                journal.end({})
    assert last_to_undo(conn).path == first


def test_no_terminal_and_no_yes_refuses(school, capsys):
    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    tenant.clear_audit()
    assert main(["undo", "--run", str(run_dir), "--profile", str(profile)]) == EXIT_BAD_INPUT
    assert "no terminal" in capsys.readouterr().err and not _clears(tenant)


def test_confirmation_by_the_same_rule(school, capsys, monkeypatch):
    from core.commands import undo as undo_cmd

    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    tenant.clear_audit()

    class Tty(io.StringIO):
        def isatty(self):
            return True

    args = undo_cmd_args(undo_cmd, ["undo", "--run", str(run_dir), "--profile", str(profile)])
    assert undo_cmd.run(args, stdin=Tty("another-school.example\n")) == EXIT_CANCELLED
    assert not _clears(tenant)
    args = undo_cmd_args(undo_cmd, ["undo", "--run", str(run_dir), "--profile", str(profile)])
    assert undo_cmd.run(args, stdin=Tty(tenant_conn(profile).tenant + "\n")) == EXIT_OK
    assert sorted(uid for uid, _ in _clears(tenant)) == sorted(_written(run_dir))


def undo_cmd_args(module, argv):
    from core.cli import build_parser

    return build_parser().parse_args(argv)


def test_not_a_run_folder_and_a_dry_run_cannot_be_undone(school, tmp_path, capsys):
    tenant, profile, idp = school
    assert main(["undo", "--run", str(tmp_path), "--profile", str(profile), "--yes"]) == EXIT_BAD_INPUT
    assert "no journal.jsonl" in capsys.readouterr().err
    assert main(["apply", "--profile", str(profile), *source_args(idp), "--dry-run"]) == EXIT_OK
    dry = next(p for p in paths.runs_dir().iterdir() if "-dry-run-" in p.name)
    assert main(["undo", "--run", str(dry), "--profile", str(profile), "--yes"]) == EXIT_BAD_INPUT
    assert "dry run" in capsys.readouterr().err
    assert main(["undo", "--last", "--profile", str(profile), "--yes"]) == EXIT_BAD_INPUT


def test_a_user_now_in_a_federated_domain_needs_the_upn_swap(school, capsys):
    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    uid = "00000000-0000-4000-8000-000000000001"
    tenant.users[uid]["userPrincipalName"] = "user1@fed.example"
    assert main(["undo", "--run", str(run_dir), "--profile", str(profile), "--yes"]) == EXIT_SOME_FAILED
    assert tenant.users[uid]["onPremisesImmutableId"] == "A-1"
    rows = {r["object_id"]: r for r in read_report(_undo_runs()[0] / "report.csv")}
    assert rows[uid]["status"] == "failed" and "UPN swap" in rows[uid]["detail"]
    assert "needs the UPN swap" in capsys.readouterr().err


def test_a_deleted_user_fails_as_deleted(school, capsys):
    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    uid = "00000000-0000-4000-8000-000000000002"
    with tenant._lock:
        del tenant.users[uid]
    assert main(["undo", "--run", str(run_dir), "--profile", str(profile), "--yes"]) == EXIT_SOME_FAILED
    rows = {r["object_id"]: r for r in read_report(_undo_runs()[0] / "report.csv")}
    assert rows[uid]["status"] == "failed" and rows[uid]["detail"] == "the user no longer exists"


def test_resume_of_an_interrupted_undo_never_clears_twice(school, capsys):
    """An undo killed after announcing (and sending) some clears: the next undo continues the same folder,
    keeps what was settled, reads the announced users, and sends no second clear to anyone."""
    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    written = sorted(_written(run_dir))
    done, in_doubt, *rest = written
    conn = tenant_conn(profile)
    # the interrupted undo: `done` cleared and recorded; `in_doubt` announced and cleared, no outcome
    undo_dir = paths.new_run_dir(conn.tenant, "undo")
    journal = Journal(undo_dir, {"kind": "undo", "undo_of": str(run_dir.resolve()), "tenant": conn.tenant,
                                 "client_id": conn.client_id, "dry_run": False})
    for uid in (done, in_doubt):
        journal.intent(uid, tenant.users[uid]["onPremisesImmutableId"])
        tenant.users[uid]["onPremisesImmutableId"] = None
    journal.outcome(done, "cleared", "")
    journal.close()
    tenant.clear_audit()
    assert main(["undo", "--run", str(run_dir), "--profile", str(profile), "--yes"]) == EXIT_OK
    assert "Continuing the unfinished undo" in capsys.readouterr().out
    assert _undo_runs() == [undo_dir]  # the same folder
    assert sorted(uid for uid, _ in _clears(tenant)) == sorted(rest)  # none of the first two again
    rows = {r["object_id"]: r["status"] for r in read_report(undo_dir / "report.csv")}
    assert rows == dict.fromkeys(written, "cleared")
    assert Journal.replay(undo_dir / FILE_NAME).complete
    # finished: a new undo of the same run starts a new folder and finds nothing left to clear
    tenant.clear_audit()
    assert main(["undo", "--run", str(run_dir), "--profile", str(profile), "--yes"]) == EXIT_OK
    assert not _clears(tenant) and len(_undo_runs()) == 2


def test_cancel_leaves_the_rest_not_attempted(school, monkeypatch):
    tenant, profile, idp = school
    run_dir = _apply(profile, idp)
    conn = tenant_conn(profile)
    from core.run.lifecycle import execute
    from core.run.prepare import prepare_undo

    graph = _graph(profile)
    spec = prepare_undo(conn, graph, run_dir).run_spec(face="cli")
    cancel = threading.Event()
    cancel.set()
    outcome = execute(spec, graph, cancel=cancel)
    assert outcome.result.cancelled
    assert {r.status for r in outcome.result.rows} == {"not_attempted"}
    assert outcome.exit_code == EXIT_CANCELLED
    assert find_unfinished(conn, kind=RunKind.UNDO, undo_of=run_dir).path == outcome.run_dir


def _graph(profile):
    from core.graph.auth import TokenProvider
    from core.graph.client import GraphClient
    from core.graph.connection import load_profile

    conn, secret = load_profile(profile)[:2]
    return GraphClient(conn, TokenProvider(conn, secret))
