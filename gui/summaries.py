"""Sentences built from numbers: plan summary, confirmation, run progress, results, and error messages.

Re-exported by gui.texts (pages only import texts). Counts are written as "label: n" so that no
sentence needs a plural form.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from gui import texts


def _tr(text: str) -> str:
    return QCoreApplication.translate("Summary", text)


def plan_summary(counts: Mapping[str, int], total: int) -> str:
    will = counts.get("will_set", 0)
    already = counts.get("already_set", 0)
    problems = sum(counts.get(c, 0) for c in ("no_source_value", "duplicate_value", "value_in_use",
                                              "invalid_value"))
    left_out = total - will - already - problems
    return _tr("Will get an ImmutableId: <b>{will}</b> · already have one (left alone): {already} · "
               "cannot get one yet (see their status): {problems} · left out (synced, guests, disabled, "
               "other domains): {left}").format(will=texts.number(will), already=texts.number(already),
                                                problems=texts.number(problems), left=texts.number(left_out))


def confirm_summary(counts: Mapping[str, int], connection, choice) -> str:
    will = counts.get("will_set", 0)
    tenant = getattr(connection, "display_name", None) or getattr(connection, "tenant", "")
    if choice.kind == "csv":
        source = _tr("the values in {file} (column “{value}”, matched by {match} in column “{key}”)").format(
            file=choice.csv_path, value=choice.value_column, key=choice.key_column,
            match=texts.match_text(choice.match))
    else:
        source = _tr("each user's {attribute}").format(attribute=texts.attribute_text(choice.attribute))
    text = _tr("In tenant <b>{tenant}</b>, <b>{n}</b> users will get an ImmutableId taken from {source}, "
               "transformed with “{transform}”.").format(
        tenant=tenant, n=texts.number(will), source=source, transform=texts.transform_text(choice.transform))
    return f"<p>{text}</p><p>{_tr('Users that already have an ImmutableId are never changed.')}</p>"


def confirm_warnings(counts: Mapping[str, int], federated: list[str]) -> list[str]:
    warnings = []
    if federated:
        warnings.append(_tr("These domains are federated: {domains}. Their users cannot get a new "
                            "ImmutableId and are left out.").format(domains=", ".join(federated)))
    if counts.get("value_in_use"):
        warnings.append(_tr("Users whose value another user already has: {n}. They are skipped.").format(
            n=texts.number(counts["value_in_use"])))
    if counts.get("duplicate_value"):
        warnings.append(_tr("Users that share a value with someone else: {n}. They are skipped.").format(
            n=texts.number(counts["duplicate_value"])))
    if counts.get("invalid_value"):
        warnings.append(_tr("Users whose value cannot be an ImmutableId: {n}. They are skipped.").format(
            n=texts.number(counts["invalid_value"])))
    warnings.append(_tr("Users that hold an admin role cannot be changed by the app; Microsoft refuses "
                        "them (they are reported as failed, with what to do)."))
    if not counts.get("will_set"):
        warnings.append(_tr("Nothing to write: no user will get an ImmutableId."))
    return warnings


def run_intro(n: int, dry_run: bool) -> str:
    if dry_run:
        return _tr("Dry run: users to go through: {n}. Nothing is written.").format(n=texts.number(n))
    return _tr("Users to write: <b>{n}</b>. Microsoft allows about 20 writes a second per tenant, so large "
               "schools take a while.").format(n=texts.number(n))


def duration(seconds: float | None) -> str:
    if seconds is None or math.isinf(seconds) or seconds < 0:
        return _tr("unknown")
    seconds = int(round(seconds))
    if seconds < 60:
        return _tr("{s} s").format(s=seconds)
    minutes, sec = divmod(seconds, 60)
    if minutes < 60:
        return _tr("{m} min {s} s").format(m=minutes, s=sec)
    hours, minutes = divmod(minutes, 60)
    return _tr("{h} h {m} min").format(h=hours, m=minutes)


def run_status(done: int, total: int, failed: int, rate: float | None, eta_s: float | None) -> str:
    return _tr("{done} of {total} done, {failed} failed · {rate} users/s · about {eta} left").format(
        done=texts.number(done), total=texts.number(total), failed=texts.number(failed),
        rate=texts.decimal(rate or 0), eta=duration(eta_s))


def throttle_text(seconds_left: float) -> str:
    return _tr("Paused by Microsoft's throttling for {s} s; the run continues by itself.").format(
        s=max(1, int(round(seconds_left))))


def run_finished(counts: Mapping[str, int], cancelled: bool) -> str:
    head = _tr("Cancelled.") if cancelled else _tr("Finished.")
    parts = [f"{texts.status_text(code)}: {texts.number(n)}" for code, n in counts.items() if n]
    return f"{head} {' · '.join(parts)}"


def failure_line(upn: str, text: str) -> str:
    """One line of the Run page's failure log; `text` is already in the user's language (texts.row_detail)."""
    return f"{upn}: {text}"


def results_summary(counts: Mapping[str, int], dry_run: bool) -> str:
    rows = "".join(f"<tr><td>{texts.status_text(code)}</td><td align='right'>&nbsp;{texts.number(n)}</td></tr>"
                   for code, n in counts.items() if n)
    head = _tr("Dry run: nothing was written.") if dry_run else ""
    return f"{head}<table>{rows}</table>"


# Errors ---------------------------------------------------------------------------------------------
def describe_error(exc: BaseException) -> tuple[str, str]:
    """(title, what to do) for any exception a job raised; never a stack trace (that goes to the log)."""
    code = getattr(exc, "code", None)
    code = getattr(code, "value", code)
    name = type(exc).__name__
    if name == "Cancelled":
        return _tr("Cancelled."), ""
    if name == "CsvError":
        return csv_error(exc)
    if name in ("AuthError", "ProfileError") and code:
        return texts.code_text(code), texts.code_hint(code)
    if name in ("GraphError", "GraphNetworkError", "AmbiguousOutcome"):
        status = getattr(exc, "status", 0)
        title = _tr("Microsoft Graph answered with an error ({status} {code}).").format(status=status, code=code)
        message = getattr(exc, "message", "") or ""
        return title, f"{message} {texts.code_hint('network_error' if status == 0 else 'graph_error')}".strip()
    if name == "OutputPathError":
        return _tr("The report cannot be saved there."), texts.output_path_text(str(code))
    if name == "RunBusy":
        return _tr("Another window or program is writing this run."), _tr(
            "Wait for it to finish (or close it), then start again: the run continues where it stopped.")
    if name == "SourceSpecError":
        return _tr("The source settings are not usable."), str(getattr(exc, "detail", "")) or str(code)
    if isinstance(exc, OSError):
        return _tr("A file could not be read or written."), _tr("{what}: {file}").format(
            what=exc.strerror or name, file=exc.filename or "")
    return _tr("Something went wrong."), _tr("The details are in the log file (Help → About shows where). "
                                               "Try again; if it persists, send the log to support.")


from PySide6.QtCore import QT_TRANSLATE_NOOP  # noqa: E402

CSV_CODES = {
    "file_not_found": QT_TRANSLATE_NOOP("CsvError", "The file does not exist."),
    "unreadable_file": QT_TRANSLATE_NOOP("CsvError", "The file cannot be read."),
    "empty_file": QT_TRANSLATE_NOOP("CsvError", "The file is empty."),
    "excel_file": QT_TRANSLATE_NOOP("CsvError", "This is an Excel workbook. Save it as CSV (File → Save as → CSV UTF-8) and choose that file."),
    "binary_file": QT_TRANSLATE_NOOP("CsvError", "This is not a text file."),
    "undecodable": QT_TRANSLATE_NOOP("CsvError", "The file's text encoding is not recognised. Save it as CSV UTF-8."),
    "no_header": QT_TRANSLATE_NOOP("CsvError", "The file has no header row with column names."),
    "empty_column_name": QT_TRANSLATE_NOOP("CsvError", "A column has no name in the header row."),
    "no_rows": QT_TRANSLATE_NOOP("CsvError", "The file has a header but no rows. Export the list again with one row per person."),
    "duplicate_column_name": QT_TRANSLATE_NOOP("CsvError", "Two columns have this name. Rename one of them in the file."),
    "too_many_fields": QT_TRANSLATE_NOOP("CsvError", "A row has more fields than the header."),
    "too_few_fields": QT_TRANSLATE_NOOP("CsvError", "A row has fewer fields than the header."),
    "malformed_csv": QT_TRANSLATE_NOOP("CsvError", "The file is not valid CSV (check the quotes)."),
    "missing_column": QT_TRANSLATE_NOOP("CsvError", "The column does not exist."),
    "same_column": QT_TRANSLATE_NOOP("CsvError", "The key column and the value column must differ."),
    "file_changed": QT_TRANSLATE_NOOP("CsvError", "The file changed after it was read. Choose it again."),
}


def csv_error(exc: BaseException) -> tuple[str, str]:
    code = getattr(exc, "code", "")
    text = CSV_CODES.get(code)
    title = QCoreApplication.translate("CsvError", text) if text else _tr("The file cannot be used.")
    line, column = getattr(exc, "line", 0), getattr(exc, "column", None)
    where = _tr("Line {line}").format(line=line) if line else ""
    if column is not None:
        where += (", " if where else "") + _tr("column {column}").format(column=column)
    detail = getattr(exc, "detail", "")
    return title, " ".join(p for p in (where, detail) if p)
