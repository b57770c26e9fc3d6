from __future__ import annotations

import codecs

import pytest

from core.csvsource import (
    BINARY_FILE,
    DUPLICATE_HEADER,
    EMPTY_FILE,
    EXCEL_FILE,
    FILE_NOT_FOUND,
    MISSING_COLUMN,
    NO_HEADER,
    TOO_FEW_FIELDS,
    TOO_MANY_FIELDS,
    CsvError,
    read_table,
)

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


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
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
    (b"upn,upn\na,b\n", DUPLICATE_HEADER),
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


def test_header_only_file_has_no_rows(tmp_path):
    table = read_table(_write(tmp_path, b"upn,anchor\r\n"))
    assert table.rows == [] and table.headers == ["upn", "anchor"]
    assert NO_HEADER  # (a file with no header at all is EMPTY_FILE: nothing but blanks)
