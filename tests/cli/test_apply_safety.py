"""What a hostile but realistic user found (issue: one run lifecycle), on the command line: outputs that
would replace files, warnings apply used to drop, inputs that are almost certainly mistakes, SIGTERM, the
confirmation rule, and the progress line after a cancel."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys

from cli_helpers import ROOT, audit, outcomes, patches, read_report, source_args, start_sandbox, wait_for

from core import paths
from core.cli import main
from core.commands import apply as apply_cmd
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_SOME_FAILED
from core.run.apply import ApplyProgress


def test_report_never_replaces_the_source_export(school, capsys):
    tenant, profile, idp = school
    before = idp.read_bytes()
    code = main(["apply", "--profile", str(profile), *source_args(idp), "--yes", "--force", "--report", str(idp)])
    assert code == EXIT_BAD_INPUT
    assert "is the source export itself" in capsys.readouterr().err
    assert idp.read_bytes() == before and not patches(tenant)


def test_existing_report_needs_force(school, tmp_path, capsys):
    tenant, profile, idp = school
    out = tmp_path / "mine.csv"
    out.write_text("keep me", encoding="utf-8")
    assert main(["preview", "--profile", str(profile), *source_args(idp), "--out", str(out)]) == EXIT_BAD_INPUT
    assert "already exists; pass --force" in capsys.readouterr().err and out.read_text("utf-8") == "keep me"
    assert main(["preview", "--profile", str(profile), *source_args(idp), "--out", str(out), "--force"]) == 0
    assert len(read_report(out)) == len(tenant.users)


def test_apply_prints_the_warnings_preview_prints(school, capsys):
    tenant, profile, idp = school
    wrong = ["--source", f"csv:{idp}", "--match", "mail", "--key-column", "Anchor", "--value-column", "upn"]
    assert main(["preview", "--profile", str(profile), *wrong]) == 0
    previewed = [line for line in capsys.readouterr().out.splitlines() if "Warning:" in line]
    assert main(["apply", "--profile", str(profile), *wrong, "--yes"]) == 0  # nothing matched: nothing to write
    applied = [line for line in capsys.readouterr().out.splitlines() if "Warning:" in line]
    assert previewed and applied == previewed
    assert any("Export rows that matched no user: 14 " in line for line in applied)


def test_a_domain_that_matches_no_user_says_which_exist(school, capsys):
    tenant, profile, idp = school
    assert main(["preview", "--profile", str(profile), *source_args(idp), "--domain", "shcool.example"]) == 0
    out = capsys.readouterr().out
    assert "--domain shcool.example matches no user" in out and "school.example" in out.split("its domains:")[1]


def test_guid_base64_over_values_that_are_no_guids(school, capsys):
    tenant, profile, idp = school
    assert main(["preview", "--profile", str(profile), "--source", "attribute:mail",
                 "--transform", "guid-base64"]) == 0
    out = capsys.readouterr().out
    assert "None of the 10 source values is a GUID" in out, out


def test_write_quota_must_be_positive(school, capsys):
    tenant, profile, idp = school
    code = main(["apply", "--profile", str(profile), *source_args(idp), "--yes", "--write-quota", "0/10"])
    assert code == EXIT_BAD_INPUT and "both numbers must be positive" in capsys.readouterr().err
    assert not patches(tenant)


def test_confirmation_is_the_tenant_or_its_domain_not_yes(school, tmp_path, capsys, monkeypatch):
    tenant, profile, idp = school

    class Term(io.StringIO):
        def isatty(self):
            return True

    args = ["apply", "--profile", str(profile), *source_args(idp)]
    parsed = apply_cmd_parser().parse_args(args)
    assert apply_cmd.run(parsed, stdin=Term("yes\n")) == EXIT_CANCELLED
    assert "Not confirmed" in capsys.readouterr().err and not patches(tenant)
    assert apply_cmd.run(apply_cmd_parser().parse_args(args), stdin=Term("School.Example\n")) == EXIT_SOME_FAILED
    assert patches(tenant)


def apply_cmd_parser():
    from core.cli import build_parser

    return build_parser()


def test_progress_line_after_cancel_counts_only_what_was_done():
    p = ApplyProgress(300, 300, 0, 20.0, 0.0, None)
    p.not_attempted = 220
    text = apply_cmd.progress_text(p, cancelling=True)
    assert " 80/300 " in text and "100.0%" not in text and "cancelling" in text
    resumed = apply_cmd.progress_text(ApplyProgress(1, 0, 0, 1.0, 0.0, None))
    assert " 1/1 " in resumed  # never "1/0"


def test_sigterm_is_a_clean_cancel_with_report_and_summary(tmp_path, isolated_home):
    sandbox, profile = start_sandbox(tmp_path, "--users", "400", "--latency-ms", "20", "--write-quota", "40/1")
    try:
        report = tmp_path / "report.csv"
        cmd = [sys.executable, "-m", "core.cli", "apply", "--profile", str(tmp_path / "sbx-profile.json"),
               "--source", "attribute:objectId", "--transform", "guid-base64", "--yes", "--write-quota", "40/1",
               "--report", str(report)]
        env = {**os.environ, "IMMUTABLEID_SYNC_HOME": str(isolated_home)}
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert wait_for(lambda: outcomes(isolated_home) >= 40, timeout=60)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == EXIT_CANCELLED, err
        assert "SIGTERM: cancelling" in err
        rows = read_report(report)
        written = {e["path"].rsplit("/", 1)[1] for e in audit(profile) if e["method"] == "PATCH" and e["status"] == 204}
        assert {r["object_id"] for r in rows if r["status"] == "set"} == written
        assert any(r["status"] == "not_attempted" for r in rows)
        run = next(paths.runs_dir().glob("*-apply-*"))
        summary = json.loads((run / "summary.json").read_text("utf-8"))
        assert summary["cancelled"] is True and summary["counts"]["not_attempted"] > 0
    finally:
        sandbox.send_signal(signal.SIGTERM)
        sandbox.wait(timeout=10)



