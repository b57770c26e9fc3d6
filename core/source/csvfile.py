"""Read the CSV an identity provider exported, the way real exports come: UTF-8 with or without BOM,
UTF-16, Windows-1252/Latin-1 (core/source/encoding.py), `,` `;` tab or `|`, quoted fields, stray whitespace,
blank lines. The file is streamed: a 500,000-row export is never in memory whole, decoded or as rows.

- `read_table(path)` keeps every row (small files, tests);
- `read_table(path, max_rows=N)` checks every row but keeps only the first N (the Source page's pickers);
- `read_table(path, max_rows=0, columns=(key, value))` keeps just those two columns (`KeyValues`), which is
  all a source needs;
- `CsvTable.columns(key, value)` gives those two columns for any table, reading the file again (once per
  pair) when its rows were not kept.

Errors are `CsvError(line, column, code)` (core/source/csverrors.py, re-exported here); texts in core/message_table.py.
"""

from __future__ import annotations

import csv
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from core.source.csverrors import (  # noqa: F401  (re-exported: callers import the codes from here)
    BINARY_FILE,
    DUPLICATE_HEADER,
    EMPTY_FILE,
    EMPTY_HEADER,
    EXCEL_FILE,
    FILE_CHANGED,
    FILE_NOT_FOUND,
    MALFORMED,
    MISSING_COLUMN,
    NO_HEADER,
    NO_ROWS,
    SAME_COLUMN,
    TOO_FEW_FIELDS,
    TOO_MANY_FIELDS,
    UNDECODABLE,
    UNREADABLE,
    CsvError,
)
from core.source.encoding import CHUNK_BYTES, SNIFF_BYTES, detect_encoding

DELIMITERS = ",;\t|"
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def delimiter_name(delimiter: str) -> str:
    """How messages name a delimiter: "';' (semicolon)", "tab"."""
    if delimiter == "\t":
        return "tab"
    name = DELIMITER_NAMES.get(delimiter)
    return f"'{delimiter}' ({name})" if name else repr(delimiter)


@dataclass(slots=True)
class KeyValues:
    """The two columns a source reads, row by row; nothing else of the file is kept."""

    key_column: str
    value_column: str
    keys: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    lines: array = field(default_factory=lambda: array("I"))  # the physical line each row starts on

    def __len__(self) -> int:
        return len(self.keys)


@dataclass(slots=True)
class CsvTable:
    headers: list[str]
    rows: list[list[str]]  # every data row, or the first `max_rows` of them (row_count: how many exist)
    lines: list[int] = field(default_factory=list)  # the physical line each kept row starts on
    encoding: str = "utf-8"
    delimiter: str = ","
    path: Path | None = None
    row_count: int = -1  # data rows in the file (-1: as many as `rows`)
    header_line: int = 1
    stamp: tuple[int, int] | None = None  # (size, mtime_ns) of the file when it was read
    picked: KeyValues | None = field(default=None, repr=False, compare=False)  # the last columns() answer

    def __post_init__(self) -> None:
        if self.row_count < 0:
            self.row_count = len(self.rows)

    @property
    def complete(self) -> bool:
        """Every data row is in `rows`."""
        return len(self.rows) == self.row_count

    def column_index(self, name: str) -> int:
        """Exact header first, then case-insensitively (exports differ in capitalisation). A name that fits
        several columns is refused: which one to read would be a guess. Duplicates elsewhere do not matter."""
        wanted = name.strip()
        found = [i for i, h in enumerate(self.headers) if h == wanted] or \
                [i for i, h in enumerate(self.headers) if h.casefold() == wanted.casefold()]
        if not found:
            raise CsvError(self.header_line, wanted, MISSING_COLUMN,
                           f"the header row, split at {delimiter_name(self.delimiter)}, has: "
                           + ", ".join(self.headers))
        if len(found) > 1:
            named = [f"column {i + 1} '{self.headers[i]}'" for i in found]
            raise CsvError(self.header_line, wanted, DUPLICATE_HEADER,
                           ", ".join(named[:-1]) + " and " + named[-1])
        return found[0]

    def pick(self, key_column: str, value_column: str) -> tuple[int, int]:
        """The key's and the value's column index; they must be two different columns."""
        key_i, value_i = self.column_index(key_column), self.column_index(value_column)
        if key_i == value_i:
            raise CsvError(self.header_line, self.headers[key_i], SAME_COLUMN,
                           f"key column {key_column.strip()!r}, value column {value_column.strip()!r}")
        return key_i, value_i

    def columns(self, key_column: str, value_column: str) -> KeyValues:
        """Those two columns of every data row. The last pair asked for is kept, so that asking again (the
        Source page does on every change) costs nothing."""
        key_i, value_i = self.pick(key_column, value_column)
        key, value = self.headers[key_i], self.headers[value_i]
        picked = self.picked
        if picked is None or (picked.key_column, picked.value_column) != (key, value):
            if self.complete:
                picked = KeyValues(key, value, [r[key_i] for r in self.rows], [r[value_i] for r in self.rows],
                                   array("I", self.lines))
            else:
                picked = _read_again(self, key, value)
            self.picked = picked
        return picked


def read_table(path: str | Path, *, max_rows: int | None = None,
               columns: tuple[str, str] | None = None) -> CsvTable:
    """Check the whole file; keep its first `max_rows` rows (None: all), and with `columns=(key, value)`
    those two columns of every row in `.picked` (see the module doc)."""
    path = Path(path)
    stamp, head = _head(path)
    encoding = detect_encoding(path, head)
    with _open_text(path, encoding) as stream:
        delimiter = detect_delimiter(stream.read(SNIFF_BYTES))
    return _scan(path, encoding, delimiter, stamp, max_rows, columns)


def _read_again(table: CsvTable, key: str, value: str) -> KeyValues:
    """The two columns, from the file a sample was read from: it must still be that file."""
    if table.path is None:
        raise ValueError("a table with only some of its rows needs its path to read the others")
    stamp, _ = _head(table.path)
    if stamp != table.stamp:
        raise CsvError(0, None, FILE_CHANGED)
    again = _scan(table.path, table.encoding, table.delimiter, stamp, 0, (key, value))
    if again.headers != table.headers or again.picked is None:
        raise CsvError(0, None, FILE_CHANGED)
    return again.picked


def _head(path: Path) -> tuple[tuple[int, int], bytes]:
    """(size, mtime_ns) and the first bytes; refuses what is plainly no CSV."""
    try:
        if path.is_dir():
            raise IsADirectoryError
        stat = path.stat()
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except FileNotFoundError:
        raise CsvError(0, None, FILE_NOT_FOUND) from None
    except IsADirectoryError:
        raise CsvError(0, None, UNREADABLE, "it is a folder") from None
    except OSError as exc:
        raise CsvError(0, None, UNREADABLE, exc.strerror or type(exc).__name__) from None
    if not head.strip() and stat.st_size <= len(head):
        raise CsvError(0, None, EMPTY_FILE)
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise CsvError(0, None, EXCEL_FILE)  # .xlsx is a zip; old .xls is an OLE file
    return (stat.st_size, stat.st_mtime_ns), head


def _open_text(path: Path, encoding: str) -> TextIO:
    # newline="": the csv module sees line ends as they are (quoted fields may hold line breaks)
    return open(path, encoding=encoding, newline="")  # noqa: SIM115 - the caller closes it


def detect_delimiter(text: str) -> str:
    sample = text[:SNIFF_BYTES]
    header = _first_nonblank_line(sample)
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = None
    if found and found in DELIMITERS and _count_unquoted(header, found) > 0:
        return found
    # Sniffer gave up or chose something the header does not contain: count in the header.
    counts = {d: _count_unquoted(header, d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _first_nonblank_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _count_unquoted(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def _scan(path: Path, encoding: str, delimiter: str, stamp: tuple[int, int] | None, max_rows: int | None,
          columns: tuple[str, str] | None) -> CsvTable:
    """One pass over the rows: every row checked, the first `max_rows` kept, and the chosen columns."""
    with _open_text(path, encoding) as stream:
        records = _records(stream, delimiter)
        table = _header(records, path, encoding, delimiter, stamp)
        keep = sys.maxsize if max_rows is None else max_rows
        picked, key_i, value_i = None, 0, 0
        if columns:
            key_i, value_i = table.pick(*columns)
            picked = KeyValues(table.headers[key_i], table.headers[value_i])
        width, count = len(table.headers), 0
        for line, raw in records:
            if len(raw) != width:
                _check_width(raw, width, line, delimiter)
            if count < keep:
                table.rows.append([cell.strip() for cell in raw[:width]])
                table.lines.append(line)
            if picked is not None:  # only these two cells outlive the row
                picked.keys.append(raw[key_i].strip())
                picked.values.append(raw[value_i].strip())
                picked.lines.append(line)
            count += 1
    if not count:
        raise CsvError(0, None, NO_ROWS, f"only the header row (line {table.header_line})")
    table.row_count, table.picked = count, picked
    return table


def _records(stream: TextIO, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(the physical line it starts on, its cells) for every record that is not blank."""
    reader = csv.reader(stream, delimiter=delimiter, skipinitialspace=True)
    line = 0
    try:
        for raw in reader:
            start, line = line + 1, reader.line_num
            first = raw[0] if raw else ""
            if (first and not first.isspace()) or any(cell and not cell.isspace() for cell in raw):
                yield start, raw
    except csv.Error as exc:
        raise CsvError(line + 1, None, MALFORMED, str(exc)) from None
    except UnicodeDecodeError:  # the file changed after its encoding was checked
        raise CsvError(line + 1, None, UNDECODABLE, f"read as {stream.encoding}") from None


def _header(records: Iterator[tuple[int, list[str]]], path: Path, encoding: str, delimiter: str,
            stamp: tuple[int, int] | None) -> CsvTable:
    first = next(records, None)
    if first is None:
        raise CsvError(0, None, EMPTY_FILE if _blank_file(path, encoding) else NO_HEADER)
    line, raw = first
    cells = [cell.strip() for cell in raw]
    while cells and not cells[-1]:
        cells.pop()  # trailing separators after the last column name
    for i, name in enumerate(cells, start=1):
        if not name:
            raise CsvError(line, i, EMPTY_HEADER)
    return CsvTable(cells, [], [], encoding, delimiter, path, 0, line, stamp)


def _blank_file(path: Path, encoding: str) -> bool:
    """Nothing but whitespace (EMPTY_FILE), as opposed to rows of bare separators (NO_HEADER)."""
    with _open_text(path, encoding) as stream:
        return all(not chunk.strip() for chunk in iter(lambda: stream.read(CHUNK_BYTES), ""))


def _check_width(raw: list[str], width: int, line: int, delimiter: str) -> None:
    """More fields than the header is fine when the extra ones are empty (trailing separators)."""
    expected = f"expected {width} fields separated by {delimiter_name(delimiter)}, found {len(raw)}"
    if len(raw) > width:
        extra = next((i for i, cell in enumerate(raw[width:], start=width + 1) if cell.strip()), None)
        if extra is not None:
            raise CsvError(line, extra, TOO_MANY_FIELDS, expected)
    elif len(raw) < width:
        raise CsvError(line, len(raw) + 1, TOO_FEW_FIELDS, expected)
