"""The schools file of `batch`: checked whole before any sign-in; every problem named by line and column."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from core.cli import main
from core.commands.progress import ProgressBoard
from core.exits import EXIT_BAD_INPUT
from core.graph.connection import Connection
from core.messages import school_problem_text
from core.setup import school_runs
from core.setup.profiles import ProfileStore
from core.setup.school_runs import SEVERITY, SchoolRun, is_batch_confirmed, worst_exit
from core.setup.schools import SchoolsFileError, read_schools

HEADER = "name,connection,source,match,key_column,value_column,transform,domains\n"
TENANT_A = "11111111-1111-4111-8111-111111111111"
TENANT_B = "22222222-2222-4222-8222-222222222222"
CLIENT = "33333333-3333-4333-8333-333333333333"


@pytest.fixture
def folder(tmp_path):
    for name, tenant in (("a.json", TENANT_A), ("b.json", TENANT_B)):
        (tmp_path / name).write_text(json.dumps({"tenant_id": tenant, "client_id": CLIENT,
                                                 "client_secret": "s3cret-value"}), encoding="utf-8")
    (tmp_path / "export.csv").write_text("upn;Anchor\r\nu1@school.example;A-1\r\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"tenant_id": "x",', encoding="utf-8")
    return tmp_path


def _problems(folder, body, header=HEADER):
    path = folder / "schools.csv"
    path.write_text(header + body, encoding="utf-8")
    with pytest.raises(SchoolsFileError) as info:
        read_schools(path)
    return [(p.line, p.column, p.code) for p in info.value.problems], info.value.problems


def test_a_good_file_gives_each_school_resolved(folder):
    ProfileStore().save(Connection(TENANT_B, CLIENT, name="North school"))
    path = folder / "schools.csv"
    path.write_text(HEADER + "South,a.json,csv:export.csv,upn,upn,Anchor,,School.example; other.example\n"
                    '"North, the old one",North school,attribute:objectId,,,,guid-base64,\n', encoding="utf-8")
    south, north = read_schools(path)
    assert (south.name, south.conn.tenant, south.profile_secret) == ("South", TENANT_A, "s3cret-value")
    assert south.domains == ("school.example", "other.example") and south.transform == "none"
    assert south.source_spec["csv_path"] == str((folder / "export.csv").resolve())
    assert (north.name, north.conn.tenant, north.profile_secret, north.transform) == \
        ("North, the old one", TENANT_B, None, "guid-base64")
    assert "s3cret-value" not in repr(south)


def test_every_problem_is_named_by_line_and_column(folder):
    found, problems = _problems(folder, (
        ",a.json,attribute:objectId,,,,,\n"                       # line 2: no name
        "B,nobody,attribute:objectId,,,,,\n"                      # line 3: unknown saved name
        "C,missing.json,attribute:objectId,,,,,\n"                # line 4: no such file
        "D,broken.json,attribute:objectId,,,,,\n"                 # line 5: broken profile
        "E,a.json,attribute:shoeSize,,,,rot13,bad domain\n"       # line 6: three problems
        "F,b.json,csv:export.csv,upn,upn,,,\n"                    # line 7: no value column
        "G,b.json,csv:export.csv,upn,upn,Missing,,\n"             # line 8: value column not in the export
        "H,b.json,csv:export.csv,email,upn,Anchor,,\n"            # line 9: bad match
        "I,,,,,,,\n"))                                            # line 10: nothing
    assert found == [
        (2, "name", "name_missing"), (3, "connection", "connection_unknown"),
        (4, "connection", "profile_bad"), (5, "connection", "profile_bad"),
        (6, "source", "unknown_attribute"), (6, "transform", "transform_bad"), (6, "domains", "domain_bad"),
        (7, "value_column", "csv_column_missing"), (8, "key_column/value_column", "export_bad"),
        (9, "match", "match_bad"), (10, "connection", "connection_missing"), (10, "source", "source_missing")]
    texts = [school_problem_text(p) for p in problems]
    assert texts[1].startswith("line 3, column connection: no saved connection has this name")
    assert "saved connections: none" in texts[1]
    assert "line 4, column connection:" in texts[2] and "missing.json" in texts[2]
    assert "Missing" in texts[8]
    assert all("s3cret-value" not in t for t in texts)


def test_a_repeated_name_or_tenant_is_refused(folder):
    found, _ = _problems(folder, "A,a.json,attribute:objectId,,,,,\na,b.json,attribute:objectId,,,,,\n"
                                 "C,a.json,attribute:mail,,,,,\n")
    assert found == [(3, "name", "name_repeated"), (4, "connection", "tenant_repeated")]


def test_columns_are_checked_first(folder):
    found, problems = _problems(folder, "A,a.json\n", header="name,conection\n")
    assert [c for _, _, c in found] == ["missing_columns", "unknown_columns"]
    assert "conection" in school_problem_text(problems[1])
    assert _problems(folder, "")[0] == [(None, None, "no_schools")]
    found, problems = _problems(folder, "A,a.json,attribute:mail\n")  # a row cut short
    assert found == [(None, None, "file_unreadable")] and "line 2" in school_problem_text(problems[0])


def test_the_command_refuses_a_bad_file_before_any_sign_in(folder, capsys, isolated_home):
    path = folder / "schools.csv"
    path.write_text(HEADER + "A,a.json,attribute:objectId,,,,,\nB,b.json,attribute:nope,,,,,\n", encoding="utf-8")
    assert main(["batch", str(path), "--yes"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "nothing was written" in err and "line 3, column source: unknown attribute" in err
    assert not (isolated_home / "data" / "runs").exists() or not any((isolated_home / "data" / "runs").iterdir())


def test_worst_exit_and_confirmation():
    assert SEVERITY == (3, 2, 4, 1, 0)
    assert worst_exit([0, 1, 4]) == 4 and worst_exit([4, 3, 1]) == 3 and worst_exit([0, None]) == 0
    assert worst_exit([1, 2, 4]) == 2 and worst_exit([]) == 0
    assert is_batch_confirmed("3,812", 3812) and is_batch_confirmed(" 3 812\n", 3812)
    assert not is_batch_confirmed("yes", 3812) and not is_batch_confirmed("3811", 3812)
    assert not is_batch_confirmed("", 0) and not is_batch_confirmed("-3812", 3812)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_board_redraws_in_place_on_a_terminal_and_prints_lines_otherwise():
    tty = _Tty()
    board = ProgressBoard(2, tty)
    board.update(0, "A 1/10", force=True)
    board.update(1, "B 5/10", force=True)
    board.done()
    assert tty.getvalue().count("\x1b[2A") == 2 and tty.getvalue().endswith("\r\x1b[KB 5/10\n")
    plain = io.StringIO()
    board = ProgressBoard(2, plain)
    board.update(0, "A 1/10", force=True)
    board.update(1, "B 2/10")          # not forced, within 5 s: kept for later
    board.update(0, "A 1/10", force=True)  # unchanged: not printed again
    board.done()
    assert plain.getvalue() == "A 1/10\nB 2/10\n"


def test_one_tenant_named_twice_is_found_at_sign_in(folder):
    from core.setup.school_runs import SchoolRun, SchoolState, _one_run_per_tenant

    path = folder / "schools.csv"
    path.write_text(HEADER + "A,a.json,attribute:objectId,,,,,\nB,b.json,attribute:objectId,,,,,\n", encoding="utf-8")
    from types import SimpleNamespace

    signed_in = SimpleNamespace(tenant_id=TENANT_A)  # what prepare learned at sign-in (core.run.prepare)
    runs = [SchoolRun(s, SchoolState.PLANNED, prepared=signed_in) for s in read_schools(path)]
    _one_run_per_tenant(runs)  # b.json turned out to sign in to A's tenant (a domain of it, say)
    assert runs[0].state is SchoolState.PLANNED
    assert (runs[1].state, runs[1].exit_code, runs[1].reason) == (SchoolState.FAILED, 2, "tenant_repeated:A")


def test_batch_summary_is_a_neutralised_utf8_bom_csv_without_secrets(folder, tmp_path):
    from core.setup.school_runs import SUMMARY_COLUMNS, SchoolRun, SchoolState, write_batch_summary

    path = folder / "schools.csv"
    path.write_text(HEADER + '"=HYPERLINK(""x"")",a.json,attribute:objectId,,,,,\n', encoding="utf-8")
    run = SchoolRun(read_schools(path)[0])
    run.end(SchoolState.FAILED, 3, "secret_invalid")
    data = write_batch_summary([run], tmp_path / "out" / "batch-summary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"s3cret-value" not in data
    header, row = data.decode("utf-8-sig").splitlines()
    assert header == ",".join(SUMMARY_COLUMNS)
    assert row.startswith("\"'=HYPERLINK(\"\"x\"\")\"," + TENANT_A + ",failed,3,secret_invalid,")


def test_a_batch_whose_secrets_are_in_its_profiles_never_opens_the_keyring(monkeypatch):
    """Opening the keyring costs a run its backend's start (~0.1 s, D-Bus on Linux): a batch whose every
    school's profile file holds its secret does not open it; a school without one opens it once."""
    opened: list[object] = []

    class Store:
        def __init__(self) -> None:
            opened.append(self)

        def credential_for(self, conn: object) -> str:
            return "from-keyring"

    monkeypatch.setattr(school_runs, "SecretStore", Store)

    def run(name: str, secret: str | None) -> SchoolRun:
        return SchoolRun(SimpleNamespace(name=name, profile_secret=secret,
                                         conn=SimpleNamespace(uses_certificate=False)))

    runs = [run("A", "s-a"), run("B", "s-b")]
    assert school_runs._secrets(runs, None) == {id(runs[0]): "s-a", id(runs[1]): "s-b"} and opened == []
    runs.append(run("C", None))
    assert school_runs._secrets(runs, None)[id(runs[2])] == "from-keyring" and len(opened) == 1


def test_a_cli_run_does_not_import_the_keyring_until_it_asks_it():
    code = "import sys, core.commands.batch, core.commands.apply; print('keyring' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
