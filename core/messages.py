"""English sentences for the command line and the reports, made from codes (the engine reports codes; the
GUI says them in the user's language with its own tables).

The tables live in core/message_table.py and are re-exported here, so `from core.messages import TEXT`
and `from core.messages import STATUS_TEXT` both work. This module holds the functions only.
"""

from __future__ import annotations

from core.message_table import (
    CLI_HINTS,
    CLI_TEXT,
    CSV_ERROR_TEXT,
    FEDERATE_CHECKS,
    FEDERATE_FIX,
    FEDERATE_TEXT,
    GRAPH_FAILURE_DETAIL,
    HINT_TABLES,
    HINTS,
    OUTPUT_PATH_TEXT,
    REASON_DETAIL,
    REASON_TEXT,
    SCHOOL_STATE_TEXT,
    SCHOOLS_FILE_TEXT,
    SOURCE_ERROR_TEXT,
    STATUS_TEXT,
    TEXT,
    TEXT_TABLES,
    WARNING_TEXT,
    WRITE_HINTS,
)

__all__ = ["CLI_HINTS", "CLI_TEXT", "CSV_ERROR_TEXT", "FEDERATE_CHECKS", "FEDERATE_FIX",
           "FEDERATE_TEXT", "GRAPH_FAILURE_DETAIL", "HINTS", "OUTPUT_PATH_TEXT",
           "REASON_DETAIL", "REASON_TEXT", "SCHOOLS_FILE_TEXT", "SCHOOL_STATE_TEXT", "SOURCE_ERROR_TEXT",
           "STATUS_TEXT", "TEXT", "WARNING_TEXT", "WRITE_HINTS", "csv_error_text", "describe", "detail_for", "hint_for", "profile_error_text",
           "readiness_check_name", "readiness_fix", "readiness_reason", "school_problem_text", "school_reason_text", "text_for", "unknown_profile_text", "warning_text"]


def text_for(code: str) -> str:
    """What happened, for any code the engine reports; an unknown code is shown as words, never a crash."""
    code = str(code)
    for table in TEXT_TABLES:
        if code in table:
            return table[code]
    return code.replace("_", " ").capitalize()


def hint_for(code: str) -> str | None:
    """What the admin can do about it, or None."""
    code = str(code)
    return next((table[code] for table in HINT_TABLES if code in table), None)


def describe(code: str) -> str:
    """Text and hint in one line, for the command line."""
    hint = hint_for(code)
    return f"{text_for(code)} {hint}" if hint else text_for(code)


def detail_for(reason: str | None, args: dict | None = None) -> str:
    """The report's English `detail` for a row's reason code and its args (contracts.md "Reports")."""
    if not reason:
        return ""
    args = args or {}
    if "more" in args and reason == "duplicate_value":
        more = f" and {args['more']} more" if args["more"] else ""
        return f"same value as {args.get('others', '')}{more}"
    if "message" in args and reason not in REASON_DETAIL:  # a Graph refusal: code + message (+ hint)
        hint = WRITE_HINTS.get(reason)
        return GRAPH_FAILURE_DETAIL.format(**args) + (f" — {hint}" if hint else "")
    template = REASON_DETAIL.get(reason)
    if template is None:
        return f"{reason}:{args['extra']}" if "extra" in args else reason
    try:
        return template.format(**args)
    except (KeyError, IndexError):
        return template


def csv_error_text(err) -> str:  # err: core.source.csverrors.CsvError
    """Where (line, column; nothing for the file as a whole: the caller names the file), what, and the
    detail."""
    where = [f"line {err.line}"] if err.line else []
    if err.column is not None:
        where.append(f"column {err.column}")
    text = CSV_ERROR_TEXT.get(err.code, err.code)
    prefix = ", ".join(where) + ": " if where else ""
    return prefix + text + (f" — {err.detail}" if err.detail else "")


def warning_text(warning) -> str:  # warning: core.planning.preflight.PlanWarning
    return WARNING_TEXT.get(warning.code, warning.code).format(**warning.args)


def profile_error_text(err) -> str:  # err: core.graph.connection.ProfileError
    """Where in the profile file (line and column, or the key) and what to do, in one line."""
    where = err.path
    if err.line:
        where += f", line {err.line}, column {err.column}"
    if err.field:
        where += f", key {err.field}"
    return f"{where}: {describe(err.code)}"


def unknown_profile_text(name: str, saved: list[str]) -> str:
    """`--profile NAME` that is neither a file nor a saved connection: the saved names, or how to save one."""
    if not saved:
        return f'"{name}": {describe("profile_none_saved")}'
    names = ", ".join(f'"{n}"' for n in saved)
    code = "profile_name_unknown"
    return f'"{name}": {text_for(code)} Saved connections: {names}. {hint_for(code)}'


def school_problem_text(problem) -> str:  # problem: core.setup.schools.SchoolProblem
    """"line 4, column connection: what is wrong — detail" (the caller names the schools file)."""
    where = [f"line {problem.line}"] if problem.line else []
    if problem.column:
        where.append(f"column {problem.column}")
    text = SCHOOLS_FILE_TEXT.get(problem.code, problem.code.replace("_", " "))
    prefix = ", ".join(where) + ": " if where else ""
    return prefix + text + (f" — {problem.detail}" if problem.detail else "")


def school_reason_text(reason: str | None, hint: bool = False) -> str:
    """Why a school of a batch failed or stopped (core.setup.school_runs.SchoolRun.reason: `code` or `code:extra`)."""
    if not reason:
        return ""
    code, _, extra = reason.partition(":")
    text = describe(code) if hint else text_for(code)
    return text + (f" ({extra})" if extra else "")


def _fill(template: str, args: dict) -> str:
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template


def readiness_check_name(check: str) -> str:
    """A `federate check` row's name ("Domain", "IdP metadata", ...)."""
    return FEDERATE_CHECKS.get(str(check), str(check).replace("_", " ").capitalize())


def readiness_reason(row) -> str:  # row: core.federation.readiness.Row
    """Why the row holds or not, with its numbers and names."""
    return _fill(FEDERATE_TEXT.get(row.code, row.code.replace("_", " ")), dict(row.args))


def readiness_fix(row) -> str | None:  # row: core.federation.readiness.Row
    """What to do about it; None when there is nothing to do."""
    template = FEDERATE_FIX.get(row.code)
    return _fill(template, dict(row.args)) if template else None
