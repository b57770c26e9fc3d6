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

from core.csvsource import CsvTable, read_table


class MatchBy(StrEnum):
    UPN = "upn"
    MAIL = "mail"
    EMPLOYEE_ID = "employeeId"
    ID = "id"


# user attribute each match/attribute reads (DirectoryUser field names, core/directory.py)
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
    def __init__(self, table: CsvTable, match: MatchBy | str, key_column: str, value_column: str,
                 path: str | Path | None = None) -> None:
        self.table, self.match, self.path = table, MatchBy(match), path
        self._key_i, self._val_i = table.column_index(key_column), table.column_index(value_column)
        self.key_column, self.value_column = table.headers[self._key_i], table.headers[self._val_i]
        self._field = _MATCH_FIELD[self.match]
        self._fold = self.match in _FOLD
        self._rows: dict[str, list[int]] = {}  # key -> row indexes
        self._hit: set[str] = set()
        self._index()

    def _index(self) -> None:
        for i, row in enumerate(self.table.rows):
            key = row[self._key_i]
            if key:
                self._rows.setdefault(key.casefold() if self._fold else key, []).append(i)

    @property
    def duplicate_keys(self) -> dict[str, list[int]]:
        """key -> the lines it appears on, for every key given more than once."""
        lines = self.table.lines
        return {k: [lines[i] for i in v] for k, v in self._rows.items() if len(v) > 1}

    def resolve(self, user: Any) -> tuple[str | None, str | None]:
        key = getattr(user, self._field, None)
        if not key:
            return None, NO_MATCH_KEY
        key = key.casefold() if self._fold else key
        found = self._rows.get(key)
        if found is None:
            return None, NO_CSV_ROW
        self._hit.add(key)
        values = {self.table.rows[i][self._val_i] for i in found}
        if len(values) > 1:  # same person twice with different values: refuse to guess
            return None, f"{CONFLICTING_ROWS}:" + ",".join(str(self.table.lines[i]) for i in found)
        value = values.pop()
        if not value:
            return None, f"{EMPTY_CSV_VALUE}:{self.table.lines[found[0]]}"
        return value, None

    def value_for(self, user: Any) -> str | None:
        return self.resolve(user)[0]

    def unmatched_rows(self) -> list[UnmatchedRow]:
        """Rows no user matched. Meaningful after the plan has resolved every user."""
        out: list[UnmatchedRow] = []
        for i, row in enumerate(self.table.rows):
            key = row[self._key_i]
            folded = key.casefold() if self._fold else key
            if not key or folded not in self._hit:
                out.append(UnmatchedRow(self.table.lines[i], key, row[self._val_i],
                                        "empty_key" if not key else "no_user"))
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
    return CsvSource(read_table(rest), by, key_column, value_column, path=rest)  # type: ignore[arg-type]
