"""core.run.outputs: the one guard every file the tool writes goes through (issue 15 §3.3)."""

from __future__ import annotations

import os

import pytest

from core.run.folders import RUN_FILES
from core.run.outputs import OutputPathError, check_output_path


def _refused(path, **kwargs) -> str:
    with pytest.raises(OutputPathError) as err:
        check_output_path(path, **kwargs)
    return err.value.code


def test_the_source_and_folders_are_never_written_and_an_existing_file_only_when_asked(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text("x", encoding="utf-8")
    assert _refused(tmp_path / "." / "export.csv", sources=(source,), replace=True) == "is_source"
    assert _refused(tmp_path) == "is_folder"
    existing = tmp_path / "old.csv"
    existing.write_text("keep", encoding="utf-8")
    assert _refused(existing) == "exists"
    assert check_output_path(existing, replace=True) == existing
    assert check_output_path(tmp_path / "new.csv") == tmp_path / "new.csv"


def test_every_file_of_a_run_folder_is_refused_however_it_is_spelled(tmp_path):
    run = tmp_path / "runs" / "20261205-apply-x"
    run.mkdir(parents=True)
    for name in RUN_FILES:
        (run / name).write_text("record", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(run / "journal.jsonl")
    for name in RUN_FILES:
        assert _refused(run / name, replace=True) == "is_run_file"
    assert _refused(run / "sub" / ".." / "journal.jsonl", replace=True) == "is_run_file"
    assert _refused(link, replace=True) == "is_run_file"
    assert check_output_path(tmp_path / "report.csv") == tmp_path / "report.csv"  # the name alone is fine
    assert all((run / name).read_text(encoding="utf-8") == "record" for name in RUN_FILES)


def test_devices_and_fifos_are_refused_even_with_replace(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert _refused(fifo, replace=True) == "is_special"
    assert _refused("/dev/null", replace=True) == "is_special"
    link = tmp_path / "full.csv"
    link.symlink_to("/dev/full")
    assert _refused(link, replace=True) == "is_special"


def test_a_missing_folder_is_an_error_and_is_not_created(tmp_path):
    assert _refused(tmp_path / "typo" / "deeper" / "r.csv") == "no_folder"
    assert not (tmp_path / "typo").exists()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert _refused(tmp_path / "file" / "r.csv") == "no_folder"


def test_dash_is_refused_not_a_file_named_dash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _refused("-", replace=True) == "is_stdout"
    assert not (tmp_path / "-").exists()
