"""The schools file of `batch` (contracts.md, "Many schools at once"): one school a row, read and checked
as a whole before anything touches a tenant, so that a typo in row 40 is found before row 1 is written.

Columns: name, connection, source, match, key_column, value_column, transform, domains.
- `connection`: the name of a saved connection, or a profile file;
- `source`: `csv:PATH` or `attribute:NAME`, as for `--source`; `match`, `key_column` and `value_column`
  are for a CSV source;
- `transform`: empty means none; `domains`: `;`-separated, empty means every domain.
Relative paths (profile files, CSV exports) are taken from the schools file's own folder, so a folder of
files can be moved or handed over as it is.

Every problem is collected (line, column, code, detail), not just the first. No Qt, no printing; the
secret of a profile file is kept in memory only (never in a problem, a repr or a file).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.graph.connection import Connection, ProfileError, load_profile
from core.messages import csv_error_text, describe, profile_error_text
from core.planning.plan import Scope
from core.setup.names import few_names, is_valid_name, name_message, name_problem, rename_hint
from core.setup.profiles import ProfileStore
from core.source.csverrors import DUPLICATE_HEADER
from core.source.csvfile import CsvError, CsvTable, read_table
from core.source.sources import MatchBy, Source, SourceSpecError, parse_source_spec
from core.source.spec import SourceSpec
from core.source.transforms import Transform

COLUMNS = ("name", "connection", "source", "match", "key_column", "value_column", "transform", "domains")
_PATHLIKE = (".json",)


@dataclass(frozen=True)
class SchoolProblem:
    """What is wrong where: `line` of the schools file (None: the file as a whole), `column` (None: the
    row), a code for core/message_table.SCHOOLS_FILE_TEXT, and a detail already in words."""

    line: int | None
    column: str | None
    code: str
    detail: str = ""


class SchoolsFileError(ValueError):
    def __init__(self, problems: Sequence[SchoolProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the schools file")
        self.problems = list(problems)


@dataclass
class School:
    """One row, checked: a connection that validates, a source that was read, a transform, a scope."""

    line: int
    name: str
    conn: Connection
    source: Source
    source_spec: dict[str, Any]
    transform: str = "none"
    domains: tuple[str, ...] = ()
    profile_secret: str | None = field(default=None, repr=False)  # a sandbox profile's own secret

    @property
    def scope(self) -> Scope:
        return Scope(self.domains, False, False)

    @property
    def spec(self) -> SourceSpec:
        return SourceSpec.from_dict(self.source_spec)


def read_schools(path: str | Path, store: ProfileStore | None = None) -> list[School]:
    """Every school of the file, or SchoolsFileError with every problem found."""
    path = Path(path)
    try:
        table = read_table(path)
    except CsvError as exc:
        if exc.code == "no_rows":
            raise SchoolsFileError([SchoolProblem(None, None, "no_schools")]) from None
        raise SchoolsFileError([SchoolProblem(None, None, "file_unreadable", csv_error_text(exc))]) from None
    index, problems = _columns(table)
    if problems:
        raise SchoolsFileError(problems)
    store = store or ProfileStore()
    schools: list[School] = []
    for row, line in zip(table.rows, table.lines, strict=True):
        cells = {name: row[i].strip() for name, i in index.items()}
        school = _school(cells, line, path.parent, store, problems)
        if school is not None:
            schools.append(school)
    problems += _repeats(schools)
    if problems:
        raise SchoolsFileError(sorted(problems, key=lambda p: (p.line or 0, _order(p.column))))
    return schools


def _order(column: str | None) -> int:
    return COLUMNS.index(column) if column in COLUMNS else -1


def _columns(table: CsvTable) -> tuple[dict[str, int], list[SchoolProblem]]:
    """Column name -> index; a missing column, or one we do not know (a typo would be ignored), is a problem."""
    index: dict[str, int] = {}
    missing: list[str] = []
    duplicated: list[str] = []
    for name in COLUMNS:
        try:
            index[name] = table.column_index(name)
        except CsvError as exc:  # twice in the header is not "missing": say which
            (duplicated if exc.code == DUPLICATE_HEADER else missing).append(name)
    unknown = [h for h in table.headers if h.strip().casefold() not in COLUMNS]
    problems = []
    if duplicated:
        problems.append(SchoolProblem(table.header_line, None, "duplicated_columns", ", ".join(duplicated)))
    if missing:
        problems.append(SchoolProblem(table.header_line, None, "missing_columns", ", ".join(missing)))
    if unknown:
        problems.append(SchoolProblem(table.header_line, None, "unknown_columns", ", ".join(unknown)))
    return index, problems


def _school(cells: dict[str, str], line: int, folder: Path, store: ProfileStore,
            problems: list[SchoolProblem]) -> School | None:
    before = len(problems)
    if not cells["name"]:
        problems.append(SchoolProblem(line, "name", "name_missing"))
    resolved = _connection(cells["connection"], line, folder, store, problems)
    transform = cells["transform"] or Transform.NONE.value
    if transform not in {t.value for t in Transform}:
        problems.append(SchoolProblem(line, "transform", "transform_bad", transform))
    domains = tuple(d.strip().lower() for d in cells["domains"].split(";") if d.strip())
    bad = [d for d in domains if " " in d or "@" in d or "." not in d]
    if bad:
        problems.append(SchoolProblem(line, "domains", "domain_bad", ", ".join(bad)))
    source = _source(cells, line, folder, problems)
    if len(problems) > before or resolved is None or source is None:
        return None
    conn, secret = resolved
    return School(line, cells["name"], conn, source, _source_spec(cells, folder, transform, domains),
                  transform, domains, secret)


def _connection(value: str, line: int, folder: Path, store: ProfileStore,
                problems: list[SchoolProblem]) -> tuple[Connection, str | None] | None:
    """A profile file (relative to the schools file) or a saved connection's name."""
    if not value:
        problems.append(SchoolProblem(line, "connection", "connection_missing"))
        return None
    file = _beside(value, folder)
    if not file.exists():
        saved = store.get(value)
        if saved is not None:
            if not is_valid_name(value):  # saved before the name rule: it would go into a task and a file name
                problems.append(SchoolProblem(line, "connection", "connection_name_bad",
                                              f"{name_message(name_problem(value) or '')} {rename_hint(value)}"))
                return None
            return saved, None
        if not (value.lower().endswith(_PATHLIKE) or "/" in value or "\\" in value):
            names = few_names(store.names())
            problems.append(SchoolProblem(line, "connection", "connection_unknown", f"saved connections: {names}"))
            return None
    try:
        conn, secret = load_profile(file)
    except ProfileError as exc:
        problems.append(SchoolProblem(line, "connection", "profile_bad", profile_error_text(exc)))
        return None
    wrong = conn.validate()
    if wrong:
        details = "; ".join(f"{p.field}: {describe(p.code)}" for p in wrong)
        problems.append(SchoolProblem(line, "connection", "connection_invalid", details))
        return None
    return conn, secret


def _source(cells: dict[str, str], line: int, folder: Path, problems: list[SchoolProblem]) -> Source | None:
    spec = cells["source"]
    kind, _, rest = spec.partition(":")
    if not spec:
        problems.append(SchoolProblem(line, "source", "source_missing"))
        return None
    if kind == "csv":
        for column in ("match", "key_column", "value_column"):
            if not cells[column]:
                problems.append(SchoolProblem(line, column, "csv_column_missing"))
        if cells["match"] and cells["match"] not in {m.value for m in MatchBy}:
            problems.append(SchoolProblem(line, "match", "match_bad", cells["match"]))
            return None
        if not (cells["match"] and cells["key_column"] and cells["value_column"]):
            return None
        spec = f"csv:{_beside(rest, folder)}" if rest else spec
    try:
        return parse_source_spec(spec, cells["match"], cells["key_column"], cells["value_column"])
    except SourceSpecError as exc:
        problems.append(SchoolProblem(line, "source", exc.code, exc.detail))
    except CsvError as exc:
        column = "key_column/value_column" if exc.code == "missing_column" else "source"
        problems.append(SchoolProblem(line, column, "export_bad", f"{rest}: {csv_error_text(exc)}"))
    return None


def _source_spec(cells: dict[str, str], folder: Path, transform: str, domains: tuple[str, ...]) -> dict:
    """The source choice as a run's journal keeps it (the same keys as `apply` and the wizard)."""
    kind, _, rest = cells["source"].partition(":")
    spec: dict[str, Any] = {"kind": kind, "transform": transform, "domains": list(domains),
                            "include_guests": False, "include_disabled": False}
    if kind == "csv":
        spec.update(csv_path=str(_beside(rest, folder).resolve()), match=cells["match"],
                    key_column=cells["key_column"], value_column=cells["value_column"])
    else:
        spec.update(attribute=rest)
    return spec


def _beside(value: str, folder: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else folder / path


def _repeats(schools: list[School]) -> list[SchoolProblem]:
    """Two rows with one name would share a summary row; two rows for one tenant would run side by side
    against one write quota and one unfinished run. Both are refused."""
    problems, names, tenants = [], {}, {}
    for school in schools:
        key = school.name.casefold()
        if key in names:
            problems.append(SchoolProblem(school.line, "name", "name_repeated", f"line {names[key]}"))
        names.setdefault(key, school.line)
        tenant = school.conn.tenant.casefold()
        if tenant in tenants:
            problems.append(SchoolProblem(school.line, "connection", "tenant_repeated", f"line {tenants[tenant]}"))
        tenants.setdefault(tenant, school.line)
    return problems
