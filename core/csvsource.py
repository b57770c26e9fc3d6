"""Read the CSV an identity provider exported, the way real exports come: UTF-8 with or without BOM,
UTF-16 with BOM, Windows-1252/Latin-1, `,` `;` or tab, quoted fields, stray whitespace, blank lines.

Errors are `CsvError(line, column, code)`; line is 1-based (0 = the file as a whole), column is a
1-based number or a column name. Texts for the codes live in core/message_table.py.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

DELIMITERS = ",;\t"
SNIFF_BYTES = 64 * 1024

# Codes (CsvError.code)
FILE_NOT_FOUND = "file_not_found"
UNREADABLE = "unreadable_file"
EMPTY_FILE = "empty_file"
EXCEL_FILE = "excel_file"
BINARY_FILE = "binary_file"
UNDECODABLE = "undecodable"
NO_HEADER = "no_header"
EMPTY_HEADER = "empty_column_name"
DUPLICATE_HEADER = "duplicate_column_name"
TOO_MANY_FIELDS = "too_many_fields"
TOO_FEW_FIELDS = "too_few_fields"
MALFORMED = "malformed_csv"
MISSING_COLUMN = "missing_column"


class CsvError(Exception):
    def __init__(self, line: int, column: int | str | None, code: str, detail: str = "") -> None:
        self.line, self.column, self.code, self.detail = line, column, code, detail
        where = f"line {line}" if line else "file"
        if column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {code}" + (f" ({detail})" if detail else ""))


@dataclass(slots=True)
class CsvTable:
    headers: list[str]
    rows: list[list[str]]
    lines: list[int] = field(default_factory=list)  # the physical line each row starts on
    encoding: str = "utf-8"
    delimiter: str = ","

    def column_index(self, name: str) -> int:
        """Exact header first, then case-insensitively (exports differ in capitalisation)."""
        wanted = name.strip()
        if wanted in self.headers:
            return self.headers.index(wanted)
        folded = [h.casefold() for h in self.headers]
        if wanted.casefold() in folded:
            return folded.index(wanted.casefold())
        raise CsvError(1, wanted, MISSING_COLUMN, "columns: " + ", ".join(self.headers))


def read_table(path: str | Path) -> CsvTable:
    data = _read_bytes(Path(path))
    text, encoding = decode(data)
    if not text.strip():
        raise CsvError(0, None, EMPTY_FILE)
    delimiter = detect_delimiter(text)
    return parse(text, delimiter, encoding)


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CsvError(0, None, FILE_NOT_FOUND, str(path)) from None
    except IsADirectoryError:
        raise CsvError(0, None, UNREADABLE, f"{path} is a folder") from None
    except OSError as exc:
        raise CsvError(0, None, UNREADABLE, f"{path}: {exc.strerror}") from None
    if not data.strip():
        raise CsvError(0, None, EMPTY_FILE)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise CsvError(0, None, EXCEL_FILE)  # .xlsx is a zip; old .xls is an OLE file
    return data


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text. BOMs decide; then strict UTF-8; then charset-normalizer, preferring cp1252."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, enc), enc
    nul_enc = _utf16_without_bom(data)
    if nul_enc:
        return _strict(data, nul_enc), nul_enc
    if b"\x00" in data[:SNIFF_BYTES]:
        raise CsvError(0, None, BINARY_FILE)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    enc = _guess_legacy(data)
    return _strict(data, enc), enc


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvError(line, None, UNDECODABLE, encoding) from None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _guess_legacy(data: bytes) -> str:
    """A non-UTF-8 export from a Windows tool is nearly always cp1252 (Latin-1 plus € and quotes),
    which keeps Nordic å ä ö intact. Only when cp1252 cannot decode the bytes do we ask
    charset-normalizer, and take its answer only when it is confident: on short Nordic samples it
    guesses cp775 or mac_latin2 and garbles å (measured), so Latin-1 (decodes any byte) is the floor."""
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # comes with requests

    best = from_bytes(data[:SNIFF_BYTES]).best()
    if best is not None and best.coherence >= 0.5 and best.chaos <= 0.1:
        return best.encoding
    return "latin-1"


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


def parse(text: str, delimiter: str, encoding: str = "utf-8") -> CsvTable:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    headers: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    last_line = 0
    try:
        for raw in reader:
            start, last_line = last_line + 1, reader.line_num
            cells = [c.strip() for c in raw]
            if not any(cells):
                continue  # blank line (or a row of empty separators)
            if headers is None:
                headers = _check_headers(cells, start)
                continue
            rows.append(_fit_row(cells, len(headers), start))
            lines.append(start)
    except csv.Error as exc:
        raise CsvError(last_line + 1, None, MALFORMED, str(exc)) from None
    if headers is None:
        raise CsvError(0, None, NO_HEADER)
    return CsvTable(headers, rows, lines, encoding, delimiter)


def _check_headers(cells: list[str], line: int) -> list[str]:
    while cells and not cells[-1]:
        cells.pop()  # trailing separators after the last column name
    seen: set[str] = set()
    for i, name in enumerate(cells, start=1):
        if not name:
            raise CsvError(line, i, EMPTY_HEADER)
        if name.casefold() in seen:
            raise CsvError(line, i, DUPLICATE_HEADER, name)
        seen.add(name.casefold())
    return cells


def _fit_row(cells: list[str], width: int, line: int) -> list[str]:
    if len(cells) > width:
        if any(cells[width:]):
            first_extra = next(i for i, c in enumerate(cells[width:], start=width + 1) if c)
            raise CsvError(line, first_extra, TOO_MANY_FIELDS, f"expected {width} fields, found {len(cells)}")
        return cells[:width]  # trailing empty fields: harmless
    if len(cells) < width:
        raise CsvError(line, len(cells) + 1, TOO_FEW_FIELDS, f"expected {width} fields, found {len(cells)}")
    return cells
