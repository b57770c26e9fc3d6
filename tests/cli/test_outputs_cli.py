"""The output guard from the command line (issue 15 §3.3): undo's --report over its own run's journal, a
FIFO, a missing folder, "-", the source export, and app create's --reminder — each refused with exit 2
before anything is written to the tenant or to disk."""

from __future__ import annotations

import os

from cli_helpers import source_args

from core import paths
from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_OK, EXIT_SOME_FAILED
from core.run.folders import JOURNAL_FILE


def _patches(tenant) -> list:
    return [e for e in tenant.audit() if e["method"] == "PATCH"]


def test_undo_report_over_the_runs_journal_is_refused_even_with_force(school, capsys):
    tenant, profile, idp = school
    assert main(["apply", "--profile", str(profile), *source_args(idp), "--yes"]) in (EXIT_OK, EXIT_SOME_FAILED)
    (run,) = [p for p in paths.runs_dir().iterdir() if "-apply-" in p.name]
    journal = run / JOURNAL_FILE
    before = journal.read_bytes()
    tenant.clear_audit()
    code = main(["undo", "--run", str(run), "--profile", str(profile), "--yes", "--force",
                 "--report", str(journal)])
    assert code == EXIT_BAD_INPUT
    assert "run folder's own files" in capsys.readouterr().err
    assert journal.read_bytes() == before and _patches(tenant) == []
    assert main(["undo", "--run", str(run), "--profile", str(profile), "--yes"]) == EXIT_OK  # the record still works


def test_a_fifo_is_refused_with_force_and_nothing_blocks(school, tmp_path, capsys):
    tenant, profile, idp = school
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert main(["apply", "--profile", str(profile), *source_args(idp), "--yes", "--force",
                 "--report", str(fifo)]) == EXIT_BAD_INPUT
    assert "special file" in capsys.readouterr().err and _patches(tenant) == []


def test_a_missing_folder_is_an_error_not_created(school, tmp_path, capsys):
    tenant, profile, idp = school
    target = tmp_path / "no-such-folder" / "report.csv"
    assert main(["apply", "--profile", str(profile), *source_args(idp), "--yes", "--report", str(target)]) \
        == EXIT_BAD_INPUT
    assert "does not exist" in capsys.readouterr().err
    assert not target.parent.exists() and _patches(tenant) == []


def test_dash_is_refused(school, tmp_path, capsys, monkeypatch):
    tenant, profile, idp = school
    monkeypatch.chdir(tmp_path)
    assert main(["preview", "--profile", str(profile), *source_args(idp), "--out", "-"]) == EXIT_BAD_INPUT
    assert "standard output" in capsys.readouterr().err and not (tmp_path / "-").exists()


def test_the_source_export_is_never_replaced(school, capsys):
    tenant, profile, idp = school
    before = idp.read_bytes()
    assert main(["apply", "--profile", str(profile), *source_args(idp), "--yes", "--force",
                 "--report", str(idp)]) == EXIT_BAD_INPUT
    assert "source export" in capsys.readouterr().err and idp.read_bytes() == before and _patches(tenant) == []


def test_app_create_checks_its_reminder_before_signing_in(sandbox_factory, browser, memory_keyring, tmp_path,
                                                          capsys):
    import json

    tenant = sandbox_factory(users=3)
    profile = tmp_path / "t.json"
    profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    existing = tmp_path / "renew.ics"
    existing.write_text("mine", encoding="utf-8")
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    for target, words in ((existing, "--force"), (fifo, "special file"), (tmp_path / "gone" / "r.ics", "not exist")):
        assert main(["app", "create", "--profile", str(profile), "--reminder", str(target)]) == EXIT_BAD_INPUT
        assert words in capsys.readouterr().err
    assert browser.opened == [] and existing.read_text(encoding="utf-8") == "mine"
    assert not [a for a in tenant.directory.apps if a.passwords]


def test_the_unmatched_copy_beside_the_report_never_replaces_a_fifo(school, tmp_path, capsys):
    import stat

    tenant, profile, idp = school
    idp.write_bytes(idp.read_bytes() + b"nobody@school.example;Z-404\r\n")  # a row that matches no user
    report = tmp_path / "out.csv"
    fifo = tmp_path / "out.unmatched_rows.csv"
    os.mkfifo(fifo)
    assert main(["apply", "--profile", str(profile), *source_args(idp), "--yes", "--report", str(report)]) \
        in (EXIT_OK, EXIT_SOME_FAILED)
    assert report.is_file() and stat.S_ISFIFO(fifo.stat().st_mode)  # the report copied, the FIFO left alone
    (run,) = [p for p in paths.runs_dir().iterdir() if "-apply-" in p.name]
    assert "nobody@school.example" in (run / "unmatched_rows.csv").read_text(encoding="utf-8-sig")
