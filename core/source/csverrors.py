"""The errors a CSV export can have: `CsvError(line, column, code, detail)`, line 1-based (0 = the file as
a whole), column a 1-based number or a column name. English texts for the codes: core/message_table.py
(CSV_ERROR_TEXT); the GUI has its own (gui/code_texts.py)."""

from __future__ import annotations

FILE_NOT_FOUND = "file_not_found"
UNREADABLE = "unreadable_file"
EMPTY_FILE = "empty_file"
EXCEL_FILE = "excel_file"
BINARY_FILE = "binary_file"
UNDECODABLE = "undecodable"
NO_HEADER = "no_header"
NO_ROWS = "no_rows"  # a header row, then nothing
EMPTY_HEADER = "empty_column_name"
DUPLICATE_HEADER = "duplicate_column_name"  # only when a chosen column's name is not unique
TOO_MANY_FIELDS = "too_many_fields"
TOO_FEW_FIELDS = "too_few_fields"
MALFORMED = "malformed_csv"
MISSING_COLUMN = "missing_column"
SAME_COLUMN = "same_column"  # key column = value column
FILE_CHANGED = "file_changed"  # changed on disk between reading the header and reading the columns


class CsvError(Exception):
    def __init__(self, line: int, column: int | str | None, code: str, detail: str = "") -> None:
        self.line, self.column, self.code, self.detail = line, column, code, detail
        where = f"line {line}" if line else "file"
        if column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {code}" + (f" ({detail})" if detail else ""))
