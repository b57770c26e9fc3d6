"""`batch`: many schools at once, each school its own sandbox tenant with its own write quota — a school
whose secret is wrong does not stop the others, a cancelled batch resumes every school where it stopped
(each user written once in its tenant's audit log), and nothing is written unless confirmed."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from batch_helpers import read_batch_summary, school_tenant, schools_file, written_once
from cli_helpers import ROOT, outcomes, wait_for

from core import paths
from core.cli import build_parser, main
from core.commands import batch as batch_cmd
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK
from core.run.journal import Journal
from core.run.readback import READ_THREADS
from core.run.writer import DEFAULT_CONCURRENCY
from core.sandbox import SandboxConfig
from core.setup.school_runs import SchoolRun, SchoolState, WriteOptions, plan_all, run_all
from core.setup.schools import read_schools

SLOW = SandboxConfig(write_limit=20, write_window_s=1)  # a slow quota: cancels land mid-run


def test_a_school_with_a_wrong_secret_does_not_stop_the_others(sandbox_factory, tmp_path, capsys, isolated_home):
    tenants = [school_tenant(sandbox_factory, tmp_path, n) for n in range(3)]
    file = schools_file(tmp_path, tenants, wrong_secret={1})
    assert main(["batch", str(file), "--yes"]) == EXIT_CANNOT_CONNECT
    assert written_once(tenants[0], 30) and written_once(tenants[2], 30)
    assert not [e for e in tenants[1].audit() if e["method"] == "PATCH"]
    summary = read_batch_summary()
    failed = summary["School 1"]
    assert (failed["state"], failed["exit_code"], failed["reason"]) == ("failed", "3", "secret_invalid")
    assert "secret was refused" in failed["detail"] and failed["run_folder"] == ""
    for name in ("School 0", "School 2"):
        row = summary[name]
        assert (row["state"], row["exit_code"], row["set"], row["to_write"]) == ("done", "0", "30", "30")
        run = json.loads((paths.runs_dir() / row["run_folder"] / "summary.json").read_text("utf-8"))
        assert run["face"] == "batch" and run["counts"] == {"set": 30}
    out = capsys.readouterr()
    assert "School 1  not planned: The client secret was refused." in out.out
    written = [p.read_bytes() for p in isolated_home.rglob("*") if p.is_file()]  # runs, batch folder, logs
    assert len(written) >= 8  # 2 × (journal, report, summary), batch-summary.csv, the log
    for secret in ["Not-the-secret-1", *(t.apps[0]["secret"] for t in tenants)]:
        assert secret not in out.out + out.err and not any(secret.encode() in data for data in written)


def test_a_cancelled_batch_resumes_every_school(sandbox_factory, tmp_path):
    tenants = [school_tenant(sandbox_factory, tmp_path, n, users=60, config=SLOW) for n in range(3)]
    file = schools_file(tmp_path, tenants)
    runs = [SchoolRun(school) for school in read_schools(file)]
    cancel = threading.Event()

    def changed(run: SchoolRun) -> None:  # Ctrl-C once a school has written a few users
        if run.progress is not None and run.progress.done >= 10:
            cancel.set()

    plan_all(runs, parallel=2, cancel=cancel)
    code = run_all(runs, WriteOptions(quota=(20, 1.0)), parallel=2, cancel=cancel, on_change=changed)
    assert code == EXIT_CANCELLED
    started = [r for r in runs if r.outcome is not None]
    assert [r.name for r in started] == ["School 0", "School 1"]
    assert all(r.state is SchoolState.CANCELLED and r.exit_code == EXIT_CANCELLED for r in runs)
    assert runs[2].reason == "not_started" and not [e for e in tenants[2].audit() if e["method"] == "PATCH"]
    for run in started:  # writes in flight finished, the rest left for the rerun; the run ended cleanly
        assert 0 < run.counts.get("set", 0) < 60 and run.counts["not_attempted"] > 0
        assert Journal.replay(run.outcome.run_dir / "journal.jsonl").ended
        summary = json.loads((run.outcome.run_dir / "summary.json").read_text("utf-8"))
        assert summary["cancelled"] is True

    assert main(["batch", str(file), "--yes", "--write-quota", "20/1"]) == EXIT_OK
    assert all(written_once(t, 60) for t in tenants)  # the rerun wrote the rest, nobody twice
    summary = read_batch_summary()
    for run in started:  # the cancelled run is continued in its own folder: one report for all 60
        row = summary[run.name]
        assert row["state"] == "done" and row["set"] == "60" and row["already_set"] == "0"
        assert Path(row["run_folder"]) == run.outcome.run_dir
        assert json.loads((run.outcome.run_dir / "summary.json").read_text("utf-8"))["resumed"] is True
    assert summary["School 2"]["set"] == "60"


def test_a_killed_batch_continues_each_schools_unfinished_run(sandbox_factory, tmp_path, isolated_home):
    tenants = [school_tenant(sandbox_factory, tmp_path, n, users=100, config=SLOW) for n in range(2)]
    file = schools_file(tmp_path, tenants)
    env = {**os.environ, "IMMUTABLEID_SYNC_HOME": str(isolated_home)}
    cmd = [sys.executable, "-m", "core.cli", "batch", str(file), "--yes", "--write-quota", "20/1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for(lambda: _each_school_wrote(isolated_home, 2, 10), timeout=60)
    proc.kill()  # a power cut: no report, no summary, journals without an end
    proc.wait(timeout=30)
    unfinished = sorted(paths.runs_dir().glob("*-apply-*"))
    assert len(unfinished) == 2 and not any(Journal.replay(d / "journal.jsonl").ended for d in unfinished)
    assert main(["batch", str(file), "--yes", "--write-quota", "20/1"]) == EXIT_OK
    assert all(written_once(t, 100) for t in tenants)
    summary = read_batch_summary()
    assert sorted(r["run_folder"] for r in summary.values()) == [str(d) for d in unfinished]
    for folder in unfinished:
        assert json.loads((folder / "summary.json").read_text("utf-8"))["resumed"] is True


def test_sigterm_cancels_every_school_and_a_rerun_finishes(sandbox_factory, tmp_path, isolated_home):
    tenants = [school_tenant(sandbox_factory, tmp_path, n, users=100, config=SLOW) for n in range(2)]
    file = schools_file(tmp_path, tenants)
    env = {**os.environ, "IMMUTABLEID_SYNC_HOME": str(isolated_home)}
    cmd = [sys.executable, "-m", "core.cli", "batch", str(file), "--yes", "--write-quota", "20/1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: outcomes(isolated_home) >= 20, timeout=60)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_CANCELLED, err
    assert "SIGTERM: cancelling" in err
    summary = read_batch_summary()
    assert {r["state"] for r in summary.values()} == {"cancelled"}
    assert sum(int(r["not_attempted"]) for r in summary.values()) > 0
    assert main(["batch", str(file), "--yes", "--write-quota", "20/1"]) == EXIT_OK
    assert all(written_once(t, 100) for t in tenants)


def _each_school_wrote(home, schools: int, at_least: int) -> bool:
    journals = list((home / "data" / "runs").glob("*-apply-*/journal.jsonl"))
    counts = [j.read_text("utf-8").count('"type":"outcome"') for j in journals]
    return len(counts) == schools and min(counts) >= at_least


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(argv, typed: str | None) -> int:
    args = build_parser().parse_args(["batch", *argv])
    return batch_cmd.run(args, stdin=Terminal(typed) if typed is not None else io.StringIO())


def test_confirmation_names_what_it_writes(sandbox_factory, tmp_path, capsys):
    tenants = [school_tenant(sandbox_factory, tmp_path, n, users=12) for n in range(2)]
    file = str(schools_file(tmp_path, tenants))
    assert _run([file], None) == EXIT_BAD_INPUT  # no terminal, no --yes: refused before any sign-in
    assert not [e for t in tenants for e in t.audit()]
    assert _run([file], "yes\n") == EXIT_CANCELLED
    out = capsys.readouterr().out
    assert "Type the number of ImmutableIds to write (24)" in out
    assert not [e for t in tenants for e in t.audit() if e["method"] == "PATCH"]
    assert _run([file], " 24 \n") == EXIT_OK
    assert all(written_once(t, 12) for t in tenants)


def test_dry_run_writes_nothing_and_reports_every_school(sandbox_factory, tmp_path):
    tenants = [school_tenant(sandbox_factory, tmp_path, n, users=12) for n in range(2)]
    assert main(["batch", str(schools_file(tmp_path, tenants)), "--dry-run"]) == EXIT_OK
    assert not [e for t in tenants for e in t.audit() if e["method"] == "PATCH"]
    assert {r["dry_run"] for r in read_batch_summary().values()} == {"12"}


def test_a_live_line_says_done_total_rate_eta_and_state(tmp_path):
    from core.graph.connection import Connection
    from core.run.apply import ApplyProgress
    from core.setup.schools import School
    from core.source.sources import AttributeSource

    school = School(2, "North", Connection("north.example", "33333333-3333-4333-8333-333333333333"),
                    AttributeSource("mail"), {})
    run = SchoolRun(school, SchoolState.WRITING, progress=ApplyProgress(1200, 3000, 3, 19.5, 92.0, None))
    assert batch_cmd.school_line(run, 6) == "North   writing    1,200/3,000  failed 3  19.5/s ETA 1m32s"
    run.end(SchoolState.FAILED, EXIT_CANNOT_CONNECT, "throttled_too_long")
    assert batch_cmd.school_line(run, 5).endswith("19.5/s  Entra accepted no write for 10 minutes (throttling); "
                                                  "the run stopped.")
    run = SchoolRun(school)
    run.end(SchoolState.FAILED, EXIT_CANNOT_CONNECT, "no_secret")
    assert batch_cmd.school_line(run, 5) == "North  failed     No client secret was found."


def test_saved_connections_with_the_secret_in_the_keyring(sandbox_factory, tmp_path, memory_keyring):
    from core.graph.connection import Connection
    from core.setup.profiles import ProfileStore
    from core.setup.secrets import SecretStore

    tenants = [school_tenant(sandbox_factory, tmp_path, n, users=12) for n in range(2)]
    for n, tenant in enumerate(tenants):
        profile = tenant.connection_profile()
        secret = profile.pop("client_secret")
        ProfileStore().save(Connection.from_profile_dict({**profile, "name": f"Saved {n}"}))
        if n == 0:  # the second school's secret was never stored
            assert SecretStore().set(profile["tenant_id"], profile["client_id"], secret)
    file = tmp_path / "saved.csv"
    file.write_text("name,connection,source,match,key_column,value_column,transform,domains\n"
                    "One,Saved 0,attribute:employeeId,,,,,\nTwo,Saved 1,attribute:employeeId,,,,,\n", encoding="utf-8")
    assert main(["batch", str(file), "--yes"]) == EXIT_CANNOT_CONNECT
    assert written_once(tenants[0], 12) and not [e for e in tenants[1].audit() if e["method"] == "PATCH"]
    summary = read_batch_summary()
    assert (summary["One"]["state"], summary["One"]["set"]) == ("done", "12")
    assert (summary["Two"]["state"], summary["Two"]["reason"]) == ("failed", "no_secret")
    assert "secret set" in summary["Two"]["detail"]


def test_a_csv_export_beside_the_schools_file_and_a_domain_scope(sandbox_factory, tmp_path):
    tenants = [school_tenant(sandbox_factory, tmp_path, n, users=6) for n in range(2)]
    file = schools_file(tmp_path, tenants)
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "one.csv").write_bytes(  # ; and Windows-1252, as an old export would be
        b"UPN;Anchor\r\n" + "".join(f"user{i}@school.example;Å-{i}\r\n" for i in range(1, 5)).encode("cp1252"))
    rows = file.read_text("utf-8").splitlines()
    rows[2] = "School 1,school1.json,csv:exports/one.csv,upn,upn,Anchor,,school.example"
    file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["batch", str(file), "--yes"]) == EXIT_OK
    written = {e["path"].rsplit("/", 1)[1]: e["body"]["onPremisesImmutableId"] for e in tenants[1].audit()
               if e["method"] == "PATCH" and e["status"] == 204}
    assert sorted(written.values()) == [f"Å-{i}" for i in range(1, 5)]
    row = read_batch_summary()["School 1"]
    assert (row["set"], row["no_source_value"]) == ("4", "2")


def test_each_school_keeps_its_own_few_connections_for_the_whole_run(sandbox_factory, tmp_path):
    """One process, one pool of HTTPS connections per tenant (issue 17): each school's requests ride a few
    kept-alive connections of its own — no TLS handshake per request — through several quota windows of
    idle waiting, whatever the other schools do. (One sandbox per school: a connection cannot serve two.)"""
    tenants = [school_tenant(sandbox_factory, tmp_path, n, users=120,
                             config=SandboxConfig(write_limit=40, write_window_s=1.0)) for n in range(3)]
    file = schools_file(tmp_path, tenants)
    assert main(["batch", str(file), "--yes", "--parallel", "3", "--write-quota", "40/1"]) == EXIT_OK
    most = DEFAULT_CONCURRENCY + READ_THREADS + 2  # writers, final readers, the read-back thread, sign-in
    for tenant in tenants:
        assert written_once(tenant, 120)
        requests = [e for e in tenant.audit() if not e["in_batch"]]
        assert 0 < tenant.connections_accepted <= most, tenant.connections_accepted
        assert len(requests) >= 3 * tenant.connections_accepted, (len(requests), tenant.connections_accepted)


def test_a_school_slow_to_plan_does_not_hold_back_the_others_writes(sandbox_factory, tmp_path):
    """--yes: each school goes from sign-in to write on its own. School 0's every Graph answer is slow, so
    its planning reads come late; school 1 writes in the meantime. Had every school to be planned before
    any wrote, school 1's first PATCH would come after school 0's listing (audit times, one clock)."""
    slow = SandboxConfig(latency_ms=400)
    tenants = [school_tenant(sandbox_factory, tmp_path, 0, config=slow), school_tenant(sandbox_factory, tmp_path, 1)]
    file = schools_file(tmp_path, tenants)
    assert main(["batch", str(file), "--yes", "--parallel", "2"]) == EXIT_OK
    assert written_once(tenants[0], 30) and written_once(tenants[1], 30)
    audit0, audit1 = tenants[0].audit(), tenants[1].audit()
    listing0 = max(e["time"] for e in audit0 if e["method"] == "GET" and e["path"].rstrip("/").endswith("/users"))
    first_patch1 = min(e["time"] for e in audit1 if e["method"] == "PATCH")
    assert first_patch1 < listing0, (first_patch1, [(e["time"], e["method"], e["path"]) for e in audit0][:12])
