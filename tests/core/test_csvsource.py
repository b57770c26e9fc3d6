from __future__ import annotations

import codecs

import pytest

from core.messages import csv_error_text
from core.source.csvfile import (
    BINARY_FILE,
    DUPLICATE_HEADER,
    EMPTY_FILE,
    EXCEL_FILE,
    FILE_CHANGED,
    FILE_NOT_FOUND,
    MISSING_COLUMN,
    NO_HEADER,
    NO_ROWS,
    SAME_COLUMN,
    TOO_FEW_FIELDS,
    TOO_MANY_FIELDS,
    UNDECODABLE,
    CsvError,
    read_table,
)
from core.source.encoding import CHUNK_BYTES

NORDIC = [["upn", "anchor"], ["åsa.öberg@school.example", "Åsa-19001"], ["jörgen@school.example", "Jö-2"]]


def _text(rows, delimiter=","):
    return "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"


def _write(tmp_path, data: bytes, name="in.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("encoding", "prefix", "expected"), [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("cp1252", b"", "cp1252"),
    ("utf-16-le", b"", "utf-16-le"),  # no BOM: found from the NUL pattern
])
def test_encodings_keep_nordic_letters(tmp_path, encoding, prefix, expected):
    path = _write(tmp_path, prefix + _text(NORDIC, ";").encode(encoding))
    table = read_table(path)
    assert table.encoding == expected
    assert table.headers == ["upn", "anchor"]
    assert table.rows == [r for r in NORDIC[1:]]
    assert table.delimiter == ";"


@pytest.mark.parametrize("repeat", [1, 30])
def test_latin1_byte_cp1252_cannot_decode(tmp_path, repeat):
    # 0x81 is undefined in cp1252: the detector is asked; å ö Ä must still survive
    data = ("upn,anchor\n" + "åsa.öberg@x.example,Ä\x81\n" * repeat).encode("latin-1")
    table = read_table(_write(tmp_path, data))
    assert table.rows[0] == ["åsa.öberg@x.example", "Ä\x81"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_detected(tmp_path, delimiter):
    rows = [["Key", "Value", "Name"], ["a@x.example", "1", "Ann"], ["b@x.example", "2", "Bo"]]
    table = read_table(_write(tmp_path, _text(rows, delimiter).encode()))
    assert table.delimiter == delimiter
    assert table.rows == rows[1:]


def test_quoted_fields_newlines_whitespace_blank_lines(tmp_path):
    text = ('upn;anchor;note\r\n\r\n'
            '"a@x.example" ; "A;1" ;"two\nlines"\r\n'
            '   \r\n'
            ' b@x.example;B2;"say ""hi"""\r\n'
            '\r\n'
            'c@x.example;C3;plain\r\n')
    table = read_table(_write(tmp_path, text.encode()))
    assert table.delimiter == ";"
    assert table.rows == [["a@x.example", "A;1", "two\nlines"], ["b@x.example", "B2", 'say "hi"'],
                          ["c@x.example", "C3", "plain"]]
    assert table.lines == [3, 6, 8]  # physical line where each row starts


def test_ragged_row_names_line_and_column(tmp_path):
    text = "upn,anchor\na@x.example,1\n\nb@x.example,2,extra\n"
    with pytest.raises(CsvError) as err:
        read_table(_write(tmp_path, text.encode()))
    assert (err.value.line, err.value.column, err.value.code) == (4, 3, TOO_MANY_FIELDS)
    assert "line 4, column 3" in str(err.value)


def test_short_row_names_line_and_column(tmp_path):
    text = "upn,anchor,name\na@x.example,1,A\nb@x.example\n"
    with pytest.raises(CsvError) as err:
        read_table(_write(tmp_path, text.encode()))
    assert (err.value.line, err.value.column, err.value.code) == (3, 2, TOO_FEW_FIELDS)


def test_trailing_empty_fields_are_harmless(tmp_path):
    table = read_table(_write(tmp_path, b"upn,anchor,\na@x.example,1,,\n"))
    assert table.headers == ["upn", "anchor"]
    assert table.rows == [["a@x.example", "1"]]


@pytest.mark.parametrize(("data", "code"), [
    (b"", EMPTY_FILE), (b"\r\n  \r\n", EMPTY_FILE), (codecs.BOM_UTF8 + b"\r\n", EMPTY_FILE),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, EXCEL_FILE),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, EXCEL_FILE),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BINARY_FILE),
    (b";;\r\n;\r\n", NO_HEADER),
])
def test_bad_files(tmp_path, data, code):
    with pytest.raises(CsvError) as err:
        read_table(_write(tmp_path, data))
    assert err.value.code == code


def test_missing_file_and_missing_column(tmp_path):
    with pytest.raises(CsvError) as err:
        read_table(tmp_path / "nope.csv")
    assert err.value.code == FILE_NOT_FOUND
    table = read_table(_write(tmp_path, b"UPN,Anchor\na,1\n"))
    assert table.column_index("upn") == 0  # case-insensitive fallback
    with pytest.raises(CsvError) as err:
        table.column_index("employeeNumber")
    assert (err.value.code, err.value.column) == (MISSING_COLUMN, "employeeNumber")
    assert "UPN, Anchor" in err.value.detail


def test_header_only_file_is_refused(tmp_path):
    with pytest.raises(CsvError) as err:
        read_table(_write(tmp_path, b"upn,anchor\r\n\r\n"))
    assert err.value.code == NO_ROWS
    assert csv_error_text(err.value).startswith("the file has a header but no rows: export the list again")


@pytest.mark.parametrize("data", [b"", b"\r\n  \r\n", codecs.BOM_UTF8 + b"\r\n", codecs.BOM_UTF16_LE + "\r\n".encode("utf-16-le")])
def test_empty_file_is_said_once(tmp_path, data):
    with pytest.raises(CsvError) as err:
        read_table(_write(tmp_path, data))
    text = csv_error_text(err.value)
    assert err.value.code == EMPTY_FILE
    assert text.startswith("the file is empty: export the list again") and text.count("the file") == 1


def test_unused_duplicate_column_names_do_not_matter(tmp_path):
    table = read_table(_write(tmp_path, b"Note;upn;Note;anchor\r\nx;a@x.example;y;A1\r\n"))
    assert table.headers == ["Note", "upn", "Note", "anchor"]
    assert table.columns("upn", "anchor").values == ["A1"]


@pytest.mark.parametrize(("header", "key", "value", "named"), [
    ("upn;Email;anchor;Email", "upn", "Email", "column 2 'Email' and column 4 'Email'"),  # the value column
    ("upn;Email;anchor;EMAIL", "email", "anchor", "column 2 'Email' and column 4 'EMAIL'"),  # the key, by case
])
def test_a_chosen_duplicate_column_name_says_which_and_how_to_fix(tmp_path, header, key, value, named):
    table = read_table(_write(tmp_path, f"{header}\r\na@x.example;a@x.example;A1;b\r\n".encode()))
    with pytest.raises(CsvError) as err:
        table.columns(key, value)
    assert (err.value.code, err.value.line, err.value.detail) == (DUPLICATE_HEADER, 1, named)
    assert err.value.column == (value if key == "upn" else key)
    assert csv_error_text(err.value) == (
        f"line 1, column {err.value.column}: more than one column in the header row has this name, so which "
        f"one to read is a guess: rename one of them in the file — {named}")


def test_exact_name_wins_over_a_name_differing_in_case(tmp_path):
    table = read_table(_write(tmp_path, b"upn;Email;anchor;EMAIL\r\na@x.example;m@x.example;A1;M@X\r\n"))
    assert table.columns("EMAIL", "anchor").keys == ["M@X"]


@pytest.mark.parametrize(("key", "value"), [("upn", "upn"), ("upn", " UPN ")])
def test_key_column_equal_to_value_column_is_refused(tmp_path, key, value):
    table = read_table(_write(tmp_path, b"upn,anchor\r\na@x.example,A1\r\n"))
    with pytest.raises(CsvError) as err:
        table.columns(key, value)
    assert (err.value.code, err.value.column) == (SAME_COLUMN, "upn")
    assert "the key column and the value column are the same column" in csv_error_text(err.value)


def test_pipe_delimited_file_is_named_in_messages(tmp_path):
    path = _write(tmp_path, b"upn|anchor|name\r\na@x.example|A1|Ann\r\nb@x.example|B2\r\n")
    with pytest.raises(CsvError) as err:
        read_table(path)
    assert (err.value.code, err.value.line) == (TOO_FEW_FIELDS, 3)
    assert csv_error_text(err.value) == ("line 3, column 3: this row has fewer fields than the header row — "
                                         "expected 3 fields separated by '|' (vertical bar), found 2")
    table = read_table(_write(tmp_path, b"upn|anchor\r\na@x.example|A1\r\n"))
    with pytest.raises(CsvError) as err:
        table.column_index("mail")
    assert err.value.detail == "the header row, split at '|' (vertical bar), has: upn, anchor"


def test_tab_is_named_as_such(tmp_path):
    with pytest.raises(CsvError) as err:
        read_table(_write(tmp_path, b"upn\tanchor\r\na\t1\t2\r\n"))
    assert err.value.detail == "expected 2 fields separated by tab, found 3"


def _many_rows(n, last="z@x.example;Å-last"):
    body = "".join(f"user{i}@x.example;A-{i}\r\n" for i in range(n))
    return "upn;anchor\r\n" + body + last + "\r\n"


def test_sample_read_checks_every_row_but_keeps_few(tmp_path):
    path = _write(tmp_path, _many_rows(1000).encode())
    table = read_table(path, max_rows=3)
    assert table.rows == [["user0@x.example", "A-0"], ["user1@x.example", "A-1"], ["user2@x.example", "A-2"]]
    assert (table.lines, table.row_count, table.complete) == ([2, 3, 4], 1001, False)
    bad = _write(tmp_path, _many_rows(1000, last="z@x.example;1;2").encode(), "bad.csv")
    with pytest.raises(CsvError) as err:
        read_table(bad, max_rows=3)
    assert (err.value.code, err.value.line) == (TOO_MANY_FIELDS, 1002)


def test_columns_of_a_sample_are_read_from_the_file_once(tmp_path):
    path = _write(tmp_path, _many_rows(1000).encode("cp1252"))
    table = read_table(path, max_rows=2)
    picked = table.columns("UPN", "Anchor")
    assert (len(picked), picked.keys[999], picked.values[-1], picked.lines[-1]) == \
        (1001, "user999@x.example", "Å-last", 1002)
    assert table.columns("upn", "anchor") is picked  # asked again: not read again
    assert table.columns("anchor", "upn").keys[0] == "A-0"


def test_columns_of_a_sample_refuse_a_file_changed_meanwhile(tmp_path):
    path = _write(tmp_path, _many_rows(10).encode())
    table = read_table(path, max_rows=2)
    path.write_bytes(_many_rows(11).encode())
    with pytest.raises(CsvError) as err:
        table.columns("upn", "anchor")
    assert err.value.code == FILE_CHANGED


def test_reading_two_columns_keeps_nothing_else(tmp_path):
    text = "id;upn;name;anchor\r\n1;a@x.example;Åsa;A1\r\n\r\n2; b@x.example ;Bo;B2\r\n"
    table = read_table(_write(tmp_path, text.encode()), max_rows=0, columns=("upn", "anchor"))
    assert (table.rows, table.row_count) == ([], 2)
    assert (table.picked.keys, table.picked.values, list(table.picked.lines)) == \
        (["a@x.example", "b@x.example"], ["A1", "B2"], [2, 4])
    with pytest.raises(CsvError) as err:
        read_table(table.path, max_rows=0, columns=("mail", "anchor"))
    assert err.value.code == MISSING_COLUMN


def test_encoding_is_decided_by_the_whole_file_not_its_start(tmp_path):
    # a cp1252 byte far beyond the first chunk: the file is not UTF-8, and Å must survive
    rows = max(2, CHUNK_BYTES // 25)
    table = read_table(_write(tmp_path, _many_rows(rows).encode("cp1252")), max_rows=0, columns=("upn", "anchor"))
    assert table.encoding == "cp1252" and table.picked.values[-1] == "Å-last"


def test_undecodable_byte_names_its_line(tmp_path):
    data = codecs.BOM_UTF8 + _many_rows(CHUNK_BYTES // 25).encode("cp1252")  # BOM says UTF-8; Å is not
    with pytest.raises(CsvError) as err:
        read_table(_write(tmp_path, data))
    assert (err.value.code, err.value.line) == (UNDECODABLE, CHUNK_BYTES // 25 + 2)
    data = codecs.BOM_UTF16_BE + "upn;anchor\r\na;1\r\nb;2\r\n".encode("utf-16-be") + b"\xdc\x00\r\x00"
    with pytest.raises(CsvError) as err:
        read_table(_write(tmp_path, data, "u16.csv"))
    assert (err.value.code, err.value.line) == (UNDECODABLE, 4)


def test_old_mac_line_ends(tmp_path):
    table = read_table(_write(tmp_path, b"upn;anchor\ra@x.example;A1\r\rb@x.example;B2\r"))
    assert table.rows == [["a@x.example", "A1"], ["b@x.example", "B2"]] and table.lines == [2, 4]
