"""Where each user's new ImmutableId comes from: a row of the IdP's CSV, or one of the user's own
Entra attributes (contracts.md, source options).

A source answers `resolve(user) -> (value, problem)`: the raw source value (before the transform),
or None with a reason code. CSV sources also remember which rows matched nobody, so the preview can
report them instead of silently dropping them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from core.source.csvfile import CsvTable, read_table


class MatchBy(StrEnum):
    UPN = "upn"
    MAIL = "mail"
    EMPLOYEE_ID = "employeeId"
    ID = "id"


# user attribute each match/attribute reads (DirectoryUser field names, core/tenant/directory.py)
_MATCH_FIELD = {MatchBy.UPN: "upn", MatchBy.MAIL: "mail", MatchBy.EMPLOYEE_ID: "employee_id",
                MatchBy.ID: "id"}
# UPNs, mail addresses and object ids are case-insensitive in Entra; employeeId is kept exact.
_FOLD = {MatchBy.UPN, MatchBy.MAIL, MatchBy.ID}
ATTRIBUTES = {"employeeId": "employee_id", "mail": "mail", "userPrincipalName": "upn", "objectId": "id"}

# reason codes (detail of no_source_value / invalid_value)
NO_CSV_ROW = "no_csv_row"
EMPTY_CSV_VALUE = "empty_value_in_csv"
CONFLICTING_ROWS = "conflicting_csv_rows"
ATTRIBUTE_EMPTY = "attribute_empty"
NO_MATCH_KEY = "user_has_no_match_key"


class SourceSpecError(ValueError):
    """Bad source options (exit 2). `code` for core/message_table, `detail` names what to fix."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code, self.detail = code, detail
        super().__init__(f"{code}: {detail}" if detail else code)


class Source(Protocol):
    def resolve(self, user: Any) -> tuple[str | None, str | None]: ...
    def value_for(self, user: Any) -> str | None: ...
    def describe(self) -> str: ...


@dataclass(slots=True, frozen=True)
class UnmatchedRow:
    line: int
    key: str
    value: str
    reason: str  # "no_user" | "empty_key"


class AttributeSource:
    def __init__(self, name: str) -> None:
        if name not in ATTRIBUTES:
            raise SourceSpecError("unknown_attribute", f"{name!r}; use one of {', '.join(ATTRIBUTES)}")
        self.name = name
        self._field = ATTRIBUTES[name]

    def resolve(self, user: Any) -> tuple[str | None, str | None]:
        value = getattr(user, self._field, None)
        value = value.strip() if isinstance(value, str) else value
        return (value, None) if value else (None, ATTRIBUTE_EMPTY)

    def value_for(self, user: Any) -> str | None:
        return self.resolve(user)[0]

    def describe(self) -> str:
        return f"attribute:{self.name}"


class CsvSource:
    """Rows of an IdP export found by a user's key. Only the key and value columns are kept (a
    `KeyValues`), with one lookup entry per distinct key; the rare keys given on several rows get a list."""

    def __init__(self, table: CsvTable, match: MatchBy | str, key_column: str, value_column: str,
                 path: str | Path | None = None) -> None:
        self.table, self.match = table, MatchBy(match)
        self.path = path if path is not None else table.path
        self._cols = table.columns(key_column, value_column)
        self.key_column, self.value_column = self._cols.key_column, self._cols.value_column
        self._field = _MATCH_FIELD[self.match]
        self._fold = self.match in _FOLD
        self._first: dict[str, int] = {}  # key -> its first row
        self._more: dict[str, list[int]] = {}  # key -> all its rows, for keys on more than one row
        self._hit = bytearray(len(self._cols))  # by a key's first row: some user asked for that key
        self._index()

    def _key(self, key: str) -> str:
        if not self._fold:
            return key
        folded = key.casefold()
        return key if folded == key else folded  # the row's own string when folding changes nothing

    def _index(self) -> None:
        first, more, fold = self._first, self._more, self._key
        for i, key in enumerate(self._cols.keys):
            if key:
                key = fold(key)
                j = first.setdefault(key, i)
                if j != i:
                    more.setdefault(key, [j]).append(i)

    @property
    def duplicate_keys(self) -> dict[str, list[int]]:
        """key -> the lines it appears on, for every key given more than once."""
        lines = self._cols.lines
        return {k: [lines[i] for i in rows] for k, rows in self._more.items()}

    def resolve(self, user: Any) -> tuple[str | None, str | None]:
        key = getattr(user, self._field, None)
        if not key:
            return None, NO_MATCH_KEY
        key = key.casefold() if self._fold else key
        first = self._first.get(key)
        if first is None:
            return None, NO_CSV_ROW
        self._hit[first] = 1
        rows = self._more.get(key) or (first,)
        values = {self._cols.values[i] for i in rows}
        if len(values) > 1:  # same person twice with different values: refuse to guess
            return None, f"{CONFLICTING_ROWS}:" + ",".join(str(self._cols.lines[i]) for i in rows)
        value = values.pop()
        if not value:
            return None, f"{EMPTY_CSV_VALUE}:{self._cols.lines[first]}"
        return value, None

    def value_for(self, user: Any) -> str | None:
        return self.resolve(user)[0]

    def unmatched_rows(self) -> list[UnmatchedRow]:
        """Rows no user matched. Meaningful after the plan has resolved every user."""
        out: list[UnmatchedRow] = []
        cols, first, hit = self._cols, self._first, self._hit
        for i, key in enumerate(cols.keys):
            if not key:
                out.append(UnmatchedRow(cols.lines[i], key, cols.values[i], "empty_key"))
            elif not hit[first[self._key(key)]]:
                out.append(UnmatchedRow(cols.lines[i], key, cols.values[i], "no_user"))
        return out

    def describe(self) -> str:
        return f"csv:{self.path or '?'} match={self.match} key={self.key_column} value={self.value_column}"


def parse_source_spec(spec: str, match: str | None = None, key_column: str | None = None,
                      value_column: str | None = None) -> Source:
    """`csv:PATH` or `attribute:NAME` (contracts.md). Raises SourceSpecError or CsvError."""
    kind, sep, rest = (spec or "").partition(":")
    if not sep or not rest:
        raise SourceSpecError("bad_source", f"{spec!r}; use csv:PATH or attribute:NAME")
    if kind == "attribute":
        return AttributeSource(rest)
    if kind != "csv":
        raise SourceSpecError("bad_source", f"{spec!r}; use csv:PATH or attribute:NAME")
    missing = [opt for opt, v in (("--match", match), ("--key-column", key_column),
                                  ("--value-column", value_column)) if not v]
    if missing:
        raise SourceSpecError("csv_options_missing", ", ".join(missing))
    try:
        by = MatchBy(match)
    except ValueError:
        raise SourceSpecError("bad_match", f"{match!r}; use upn, mail, employeeId or id") from None
    # only the two chosen columns are kept: a 500,000-row export stays well under 300 MB
    table = read_table(rest, max_rows=0, columns=(key_column, value_column))  # type: ignore[arg-type]
    return CsvSource(table, by, key_column, value_column, path=rest)  # type: ignore[arg-type]
