"""`immutableid-sync preview` / `apply` end to end against the sandbox: options, statuses, report
columns, exit codes, confirmation, and a kill -9 in the middle of a run followed by a rerun."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections import Counter

import pytest
from cli_helpers import (
    ROOT,
    audit,
    outcomes,
    patches,
    read_report,
    source_args,
    start_sandbox,
    wait_for,
)

from core import paths
from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED


def test_preview_every_status_and_unmatched_rows(school, tmp_path, capsys):
    tenant, profile, idp = school
    out = tmp_path / "preview.csv"
    code = main(["preview", "--profile", str(profile), *source_args(idp), "--domain", "school.example",
                 "--domain", "fed.example", "--out", str(out), "--delimiter", ";"])
    assert code == EXIT_OK
    rows = {r["user_principal_name"]: r for r in read_report(out, ";")}
    status = {k.split("@")[0]: v["status"] for k, v in rows.items()}
    assert status == {"user1": "will_set", "user2": "will_set", "user3": "already_set", "user4": "synced_from_ad",
                      "user5": "guest", "user6": "disabled", "u7": "out_of_scope", "u8": "will_set",
                      "user9": "no_source_value", "user10": "invalid_value", "user11": "value_in_use",
                      "user12": "duplicate_value", "user13": "duplicate_value", "user14": "will_set"}
    assert rows["user1@school.example"]["new_immutable_id"] == "A-1"
    assert rows["user14@school.example"]["new_immutable_id"] == "Å-14"  # cp1252 read intact
    assert rows["user10@school.example"]["detail"] == "whitespace"
    assert rows["user3@school.example"]["current_immutable_id"] == "X-3"
    unmatched = (tmp_path / "preview.unmatched_rows.csv").read_text("utf-8-sig")
    assert "nobody@school.example" in unmatched
    printed = capsys.readouterr().out
    assert "Export rows that matched no user: 1 " in printed and "duplicate_value" in printed
    assert not [e for e in tenant.audit() if e["method"] == "PATCH"]
    run = next(paths.runs_dir().glob("*-preview-*"))
    summary = json.loads((run / "summary.json").read_text("utf-8"))
    assert summary["counts"]["will_set"] == 4 and summary["unmatched_rows"] == 1
    assert set(summary["timings"]) == {"prepare_s"} and summary["tool_version"]
    assert (run / "preview.csv").exists() and (run / "unmatched_rows.csv").exists()


def test_bad_input_exits_2_and_touches_nothing(school, tmp_path, capsys):
    tenant, profile, idp = school
    cases = [
        (["--source", f"csv:{tmp_path / 'missing.csv'}", "--match", "upn", "--key-column", "a",
          "--value-column", "b"], "file does not exist"),
        (["--source", f"csv:{idp}", "--match", "upn", "--key-column", "mail", "--value-column", "Anchor"],
         "no such column"),
        (["--source", f"csv:{idp}", "--key-column", "upn"], "--match"),
        (["--source", "attribute:department"], "unknown attribute"),
        (["--source", "ldap:x"], "csv:PATH or attribute:NAME"),
    ]
    for extra, expected in cases:
        assert main(["preview", "--profile", str(profile), *extra]) == EXIT_BAD_INPUT
        assert expected in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["apply", "--profile", str(profile), "--source", "attribute:mail", "--transform", "rot13", "--yes"])
    assert exc.value.code == EXIT_BAD_INPUT
    assert main(["preview", "--profile", str(profile), "--source", "attribute:mail", "--out", str(tmp_path)]) \
        == EXIT_BAD_INPUT
    assert "is a folder" in capsys.readouterr().err
    xlsx = tmp_path / "export.csv"
    xlsx.write_bytes(b"PK\x03\x04" + bytes(60))
    assert main(["apply", "--profile", str(profile), "--yes", *source_args(xlsx)]) == EXIT_BAD_INPUT
    assert "Excel file; save it as CSV" in capsys.readouterr().err
    assert tenant.audit() == []  # not even a token request


def test_apply_needs_confirmation(school, monkeypatch, capsys):
    tenant, profile, idp = school
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal
    assert main(["apply", "--profile", str(profile), *source_args(idp)]) == EXIT_BAD_INPUT
    assert "Pass --yes" in capsys.readouterr().err

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Tty("no\n"))
    assert main(["apply", "--profile", str(profile), *source_args(idp)]) == EXIT_CANCELLED
    assert "Type the tenant" in capsys.readouterr().out
    assert not [e for e in tenant.audit() if e["method"] == "PATCH"]
    monkeypatch.setattr(sys, "stdin", Tty(tenant.tenant_id + "\n"))
    assert main(["apply", "--profile", str(profile), *source_args(idp), "--domain", "school.example"]) \
        == EXIT_SOME_FAILED  # the admin user (14) fails
    assert patches(tenant)


def test_dry_run_then_apply_then_rerun(school, tmp_path, capsys):
    tenant, profile, idp = school
    args = ["--profile", str(profile), *source_args(idp)]
    report = tmp_path / "dry.csv"
    assert main(["apply", *args, "--dry-run", "--report", str(report)]) == EXIT_OK
    dry = {r["user_principal_name"].split("@")[0]: r["status"] for r in read_report(report)}
    assert dry["user1"] == dry["user2"] == dry["u8"] == "dry_run" and dry["user3"] == "already_set"
    assert not [e for e in tenant.audit() if e["method"] == "PATCH"]

    report = tmp_path / "apply.csv"
    assert main(["apply", *args, "--yes", "--report", str(report)]) == EXIT_SOME_FAILED
    rows = {r["user_principal_name"].split("@")[0]: r for r in read_report(report)}
    assert rows["user1"]["status"] == rows["user2"]["status"] == "set"
    assert rows["u8"]["status"] == "failed" and "FederatedUser.SourceAnchor" in rows["u8"]["detail"]
    assert rows["user14"]["status"] == "failed" and "admin role" in rows["user14"]["detail"]
    assert tenant.users["00000000-0000-4000-8000-000000000001"]["onPremisesImmutableId"] == "A-1"
    assert all(n == 1 for n in patches(tenant).values())
    run = next(paths.runs_dir().glob("*-apply-*"))
    assert {p.name for p in run.iterdir()} >= {"journal.jsonl", "report.csv", "summary.json", "unmatched_rows.csv"}

    # the same command again: nothing left to write for the managed domain, nobody written twice
    assert main(["apply", *args, "--yes", "--domain", "school.example", "--domain", "other.example",
                 "--report", str(report), "--force"]) == EXIT_SOME_FAILED  # the admin still fails
    again = {r["user_principal_name"].split("@")[0]: r["status"] for r in read_report(report)}
    assert again["user1"] == "already_set" and again["user14"] == "failed"
    assert all(n == 1 for n in patches(tenant).values())


def test_cannot_connect_exits_3(sandbox, tmp_path, capsys):
    path = tmp_path / "noconsent.json"
    path.write_text(json.dumps(sandbox.connection_profile(1)), encoding="utf-8")
    assert main(["preview", "--profile", str(path), "--source", "attribute:objectId"]) == EXIT_CANNOT_CONNECT
    assert "admin consent" in capsys.readouterr().err


def test_kill_9_mid_apply_then_rerun(tmp_path, isolated_home):
    sandbox, profile = start_sandbox(tmp_path, "--users", "600", "--latency-ms", "20",
                                      "--write-quota", "100/1")
    try:
        cmd = [sys.executable, "-m", "core.cli", "apply", "--profile", str(tmp_path / "sbx-profile.json"),
               "--source", "attribute:objectId", "--transform", "guid-base64", "--domain", "nordskolan.example",
               "--yes", "--write-quota", "100/1", "--report", str(tmp_path / "report.csv")]
        env = {**os.environ, "IMMUTABLEID_SYNC_HOME": str(isolated_home)}
        victim = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert wait_for(lambda: outcomes(isolated_home) >= 60, timeout=60), "no outcomes in the journal"
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        assert not (tmp_path / "report.csv").exists()  # it really died mid-run

        rerun = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert rerun.returncode == EXIT_SOME_FAILED, rerun.stderr  # the admins fail, everyone else is set
        assert "Continuing the unfinished run" in rerun.stdout
        rows = read_report(tmp_path / "report.csv")
        writes = Counter(e["path"].rsplit("/", 1)[1] for e in audit(profile)
                         if e["method"] == "PATCH" and e["status"] == 204)
        statuses = Counter(r["status"] for r in rows)
        assert len(rows) == 600 and statuses["set"] > 300 and "will_set" not in statuses
        assert max(writes.values()) == 1
        assert {r["object_id"] for r in rows if r["status"] == "set"} == set(writes)
        assert any("resumed" in r["detail"] for r in rows if r["status"] == "set")
        assert all("admin role" in r["detail"] for r in rows if r["status"] == "failed")
    finally:
        sandbox.send_signal(signal.SIGTERM)
        sandbox.wait(timeout=10)


@pytest.mark.slow
def test_5000_user_school_end_to_end(tmp_path, capsys):
    """`immutableid-sync sandbox --users 5000` in its own process; preview and apply as the contract says."""
    sandbox, profile = start_sandbox(tmp_path, "--users", "5000", "--write-quota", "100000/150")
    try:
        conn = ["--profile", str(tmp_path / "sbx-profile.json")]
        source = ["--source", "attribute:objectId", "--transform", "guid-base64"]
        preview = tmp_path / "preview.csv"
        assert main(["preview", *conn, *source, "--include-disabled", "--out", str(preview),
                     "--delimiter", ";"]) == EXIT_OK
        planned = read_report(preview, ";")
        counts = Counter(r["status"] for r in planned)
        assert len(planned) == 5000 and counts["will_set"] > 3500
        assert {"already_set", "guest", "will_set"} <= set(counts) and "disabled" not in counts
        assert "federated_domain" not in counts  # Domain.Read.All is not granted: federation unknown

        report = tmp_path / "apply.csv"
        code = main(["apply", *conn, *source, "--include-disabled", "--domain", "nordskolan.example", "--yes",
                     "--write-quota", "100000/150", "--report", str(report)])
        assert code == EXIT_SOME_FAILED  # admin users need a higher role
        rows = read_report(report)
        result = Counter(r["status"] for r in rows)
        assert len(rows) == 5000 and result["set"] > 3000 and result["out_of_scope"] > 100
        failed = [r for r in rows if r["status"] == "failed"]
        assert failed and all(r["detail"].startswith("Authorization_RequestDenied") for r in failed)
        writes = Counter(e["path"].rsplit("/", 1)[1] for e in audit(profile)
                         if e["method"] == "PATCH" and e["status"] == 204)
        assert set(writes) == {r["object_id"] for r in rows if r["status"] == "set"}
        assert max(writes.values()) == 1
        by_id = {r["object_id"]: r for r in planned}
        for r in rows:
            if r["status"] == "set":  # the value previewed is the value written (neutralised alike)
                assert r["new_immutable_id"] == by_id[r["object_id"]]["new_immutable_id"]

        assert main(["apply", *conn, *source, "--include-disabled", "--domain", "nordskolan.example",
                     "--yes", "--write-quota", "100000/150"]) == EXIT_SOME_FAILED
        again = Counter(e["path"] for e in audit(profile) if e["method"] == "PATCH" and e["status"] == 204)
        assert sum(again.values()) == sum(writes.values())  # the rerun wrote nobody
        out = capsys.readouterr().out
        assert "set" in out and "Report:" in out
    finally:
        sandbox.send_signal(signal.SIGTERM)
        sandbox.wait(timeout=10)


def test_progress_bar_on_a_terminal_plain_lines_otherwise():
    from core.commands.apply import progress_text as _progress_text
    from core.commands.progress import ProgressLine
    from core.run.apply import ApplyProgress

    class Term(io.StringIO):
        def isatty(self):
            return True

    text = _progress_text(ApplyProgress(500, 2000, 3, 19.5, 77.0, None))
    assert text.startswith("[#####---------------]  25.0% 500/2,000 failed 3 19.5/s ETA 1m17s")
    term, pipe = Term(), io.StringIO()
    for stream in (term, pipe):
        line = ProgressLine("Writing", stream)
        line.update("a", force=True)
        line.update("b", force=True)
        line.done()
    assert term.getvalue() == "\r\x1b[KWriting: a\r\x1b[KWriting: b\n"
    assert pipe.getvalue() == "Writing: a\nWriting: b\n"
