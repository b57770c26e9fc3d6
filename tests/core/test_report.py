from __future__ import annotations

import codecs
import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from core import __version__
from core.planning.plan import Plan, PlanRow, Status
from core.run.report import REPORT_COLUMNS, neutralise, write_report, write_summary, write_unmatched
from core.source.sources import UnmatchedRow


def row(**kw):
    base = dict(object_id="id-1", user_principal_name="åsa@school.example", display_name="Åsa Öberg",
                source_value="19001", current_immutable_id="", new_immutable_id="19001",
                status=Status.WILL_SET, detail="")
    base.update(kw)
    return PlanRow(**base)


def test_columns_are_the_contract():
    assert REPORT_COLUMNS == ("object_id", "user_principal_name", "display_name", "source_value",
                              "current_immutable_id", "new_immutable_id", "status", "detail",
                              "upn_before", "upn_after", "mail_before", "mail_after")  # the UPN swap's


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_report_format(tmp_path, delimiter):
    rows = [row(), row(object_id="id-2", display_name="Doe, Jane; \"JJ\"", detail="line1\nline2",
                       status=Status.FAILED)]
    path = write_report(rows, tmp_path / "r.csv", delimiter)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.count(b"\r\n") == 3 and b"\r\n" in data.split(b"\n")[0] + b"\n"
    text = data.decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert parsed[0] == list(REPORT_COLUMNS)
    assert parsed[1] == ["id-1", "åsa@school.example", "Åsa Öberg", "19001", "", "19001", "will_set", "",
                         "", "", "", ""]  # not swapped: the four UPN-swap columns are empty
    assert parsed[2][2] == 'Doe, Jane; "JJ"' and parsed[2][7] == "line1\nline2" and parsed[2][6] == "failed"
    assert not (tmp_path / "r.csv.part").exists()


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "=HYPERLINK(\"x\")"])
def test_formula_cells_are_neutralised(tmp_path, cell):
    path = write_report([row(display_name=cell, new_immutable_id=cell)], tmp_path / "r.csv")
    parsed = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert parsed[1][2] == "'" + cell and parsed[1][5] == "'" + cell
    assert neutralise("plain=") == "plain=" and neutralise(None) == ""


def test_report_rejects_other_delimiters(tmp_path):
    with pytest.raises(ValueError):
        write_report([row()], tmp_path / "r.csv", "|")


def test_unmatched_rows_file(tmp_path):
    path = write_unmatched([UnmatchedRow(7, "ghost@x", "=G1", "no_user")], tmp_path / "u.csv", ";")
    assert path.read_text("utf-8-sig").splitlines() == ["line;key;value;reason", "7;ghost@x;'=G1;no_user"]


def test_summary(tmp_path):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    plan = Plan([row(), row(status=Status.GUEST)], started=start, finished=start + timedelta(seconds=2))
    path = write_summary(plan, tmp_path / "s.json", tenant="school.example", client_id="cid",
                         command="preview", dry_run=True)
    data = json.loads(path.read_text("utf-8"))
    assert data["counts"] == {"will_set": 1, "guest": 1} and data["total_users"] == 2
    assert data["tool_version"] == __version__ and data["dry_run"] is True
    assert data["started"] == "2026-01-01T00:00:00+00:00" and data["duration_s"] == 2.0
    assert data["tenant"] == "school.example" and data["host"] and "user" in data
