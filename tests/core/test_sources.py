from __future__ import annotations

import argparse

import pytest

from core.commands.common import CliError
from core.commands.preview import load_source
from core.exits import EXIT_BAD_INPUT
from core.source.csvfile import MISSING_COLUMN, CsvError, read_table
from core.source.sources import (
    ATTRIBUTE_EMPTY,
    NO_CSV_ROW,
    AttributeSource,
    CsvSource,
    MatchBy,
    SourceSpecError,
    parse_source_spec,
)
from core.tenant.directory import DirectoryUser


def user(upn, mail=None, employee_id=None, id="00000000-0000-0000-0000-000000000001"):
    return DirectoryUser(id=id, upn=upn, display_name=upn, mail=mail, employee_id=employee_id,
                         user_type="Member", account_enabled=True, immutable_id=None, sync_enabled=None)


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "idp.csv"
    path.write_text("Email;Anchor;EmpNo\n"
                    "Asa.Oberg@School.example;A1;19001\n"
                    "bo@school.example;B1;19002\n"
                    "bo@school.example;B1;19002\n"        # same row twice: harmless
                    "cy@school.example;C1;19003\n"
                    "CY@school.example;C2;19003\n"        # conflicting rows for one person
                    "ghost@school.example;G1;19009\n"     # nobody in the tenant
                    ";X1;\n"                              # no key at all
                    "dee@school.example;;19004\n", encoding="utf-8")
    return read_table(path)


def test_csv_match_upn_is_case_insensitive_and_tracks_rows(table):
    src = CsvSource(table, MatchBy.UPN, "email", "anchor")
    assert src.resolve(user("asa.oberg@school.example")) == ("A1", None)
    assert src.resolve(user("bo@school.example")) == ("B1", None)
    assert src.resolve(user("cy@school.example")) == (None, "conflicting_csv_rows:5,6")
    assert src.resolve(user("dee@school.example")) == (None, "empty_value_in_csv:9")
    assert src.resolve(user("nobody@school.example")) == (None, NO_CSV_ROW)
    assert src.duplicate_keys == {"bo@school.example": [3, 4], "cy@school.example": [5, 6]}
    unmatched = {(r.line, r.reason) for r in src.unmatched_rows()}
    assert unmatched == {(7, "no_user"), (8, "empty_key")}


def test_csv_match_mail_and_employee_id(table):
    by_mail = CsvSource(table, "mail", "Email", "Anchor")
    assert by_mail.value_for(user("x@y", mail="BO@school.example")) == "B1"
    assert by_mail.resolve(user("x@y", mail=None)) == (None, "user_has_no_match_key")
    by_emp = CsvSource(table, "employeeId", "EmpNo", "Anchor")
    assert by_emp.value_for(user("x@y", employee_id="19001")) == "A1"


def test_csv_bad_column_names_the_column(table):
    with pytest.raises(CsvError) as err:
        CsvSource(table, "upn", "userPrincipalName", "Anchor")
    assert (err.value.code, err.value.column) == (MISSING_COLUMN, "userPrincipalName")


def test_attribute_source():
    u = user("a@b.example", employee_id=" 42 ", id="6f9619ff-8b86-d011-b42d-00c04fc964ff")
    assert AttributeSource("employeeId").resolve(u) == ("42", None)
    assert AttributeSource("objectId").value_for(u) == "6f9619ff-8b86-d011-b42d-00c04fc964ff"
    assert AttributeSource("userPrincipalName").value_for(u) == "a@b.example"
    assert AttributeSource("mail").resolve(u) == (None, ATTRIBUTE_EMPTY)
    with pytest.raises(SourceSpecError):
        AttributeSource("department")


def test_parse_source_spec(tmp_path, table):
    path = tmp_path / "idp.csv"
    assert isinstance(parse_source_spec("attribute:objectId"), AttributeSource)
    src = parse_source_spec(f"csv:{path}", "upn", "Email", "Anchor")
    assert isinstance(src, CsvSource) and src.value_for(user("bo@school.example")) == "B1"
    for spec, args, code in [("ldap:x", (), "bad_source"), ("csv:", (), "bad_source"),
                             (f"csv:{path}", ("upn", None, "Anchor"), "csv_options_missing"),
                             (f"csv:{path}", ("sAMAccountName", "Email", "Anchor"), "bad_match"),
                             ("attribute:department", (), "unknown_attribute")]:
        with pytest.raises(SourceSpecError) as err:
            parse_source_spec(spec, *args)
        assert err.value.code == code
    with pytest.raises(CsvError):
        parse_source_spec(f"csv:{tmp_path / 'missing.csv'}", "upn", "a", "b")


def test_source_from_a_sample_table_reads_the_same_as_from_every_row(tmp_path, table):
    sampled = read_table(table.path, max_rows=1)
    full, part = CsvSource(table, "upn", "Email", "Anchor"), CsvSource(sampled, "upn", "Email", "Anchor")
    for upn in ("asa.oberg@school.example", "cy@school.example", "dee@school.example", "nobody@x.example"):
        assert part.resolve(user(upn)) == full.resolve(user(upn))
    assert part.duplicate_keys == full.duplicate_keys
    assert part.unmatched_rows() == full.unmatched_rows()
    assert sampled.rows == [["Asa.Oberg@School.example", "A1", "19001"]]  # the sample stays a sample


def test_csv_source_spec_keeps_only_the_two_columns(tmp_path, table):
    src = parse_source_spec(f"csv:{tmp_path / 'idp.csv'}", "employeeId", "EmpNo", "Anchor")
    assert src.table.rows == [] and src.table.row_count == 8
    assert src.table.picked.keys == ["19001", "19002", "19002", "19003", "19003", "19009", "", "19004"]
    assert src.value_for(user("x@y", employee_id="19002")) == "B1"
    assert src.describe().endswith("match=employeeId key=EmpNo value=Anchor")


def _load_source_error(path, key="upn", value="anchor") -> str:
    args = argparse.Namespace(source=f"csv:{path}", match="upn", key_column=key, value_column=value)
    with pytest.raises(CliError) as err:
        load_source(args)
    assert err.value.exit_code == EXIT_BAD_INPUT
    return err.value.message


def test_cli_messages_name_the_file_once_and_say_what_to_fix(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert _load_source_error(empty) == (f"csv:{empty}: the file is empty: export the list again (a header row "
                                         "naming the columns, then one row per person)")
    header_only = tmp_path / "header.csv"
    header_only.write_bytes(b"upn;anchor\r\n")
    assert _load_source_error(header_only).startswith(f"csv:{header_only}: the file has a header but no rows")
    ok = tmp_path / "ok.csv"
    ok.write_bytes(b"upn|anchor|note|note\r\na@x.example|A1|x|y\r\n")
    assert isinstance(load_source(argparse.Namespace(source=f"csv:{ok}", match="upn", key_column="upn",
                                                     value_column="anchor")), CsvSource)
    assert "the key column and the value column are the same column" in _load_source_error(ok, "upn", "UPN")
    assert "column note: more than one column in the header row has this name" in _load_source_error(ok, "upn", "note")
    assert "split at '|' (vertical bar), has: upn, anchor, note, note" in _load_source_error(ok, "mail", "anchor")
