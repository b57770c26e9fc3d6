"""English texts for the write side's codes (statuses, reason codes in `detail`, CSV and source
errors, Graph write errors). The GUI has its own translated table for the same codes."""

from __future__ import annotations

STATUS_TEXT = {
    "will_set": "will get the new ImmutableId",
    "already_set": "already has an ImmutableId (never changed)",
    "no_source_value": "no value in the source",
    "duplicate_value": "same value as another user in the plan (none of them is written)",
    "value_in_use": "another user in the tenant already has this value",
    "invalid_value": "the value cannot be an ImmutableId",
    "synced_from_ad": "synced from on-premises AD (Entra Connect owns the ImmutableId)",
    "federated_domain": "UPN is in a federated domain (set ImmutableIds before federating)",
    "guest": "guest account (use --include-guests to include)",
    "disabled": "disabled account (use --include-disabled to include)",
    "out_of_scope": "UPN not in the chosen --domain list",
    "set": "ImmutableId written",
    "failed": "write failed",
    "skipped_already_set": "got an ImmutableId after the preview: left alone",
    "dry_run": "would be written (dry run)",
    "not_attempted": "not attempted (cancelled)",
    "conflict": "written, then changed by another writer (check which value is right)",
}

REASON_TEXT = {
    "empty": "the value is empty",
    "forbidden_character": "contains a character Entra does not allow",
    "whitespace": "contains a space or other whitespace",
    "control_character": "contains a control character",
    "too_long": "too long (fewer than 60 characters; each character other than a-z, A-Z, 0-9 counts 3)",
    "too_long_for_saml_nameid": "longer than 64 characters (a SAML NameID must equal it)",
    "not_a_guid": "not a GUID (transform guid-base64 needs one)",
    "no_csv_row": "no row in the CSV for this user",
    "empty_value_in_csv": "the CSV row has an empty value",
    "conflicting_csv_rows": "the CSV has several rows with different values for this user",
    "attribute_empty": "the chosen attribute is empty for this user",
    "user_has_no_match_key": "the user has no value for the --match attribute",
    "overwritten_after_write": "another writer changed the value after this run wrote it",
}

CSV_ERROR_TEXT = {
    "file_not_found": "the file does not exist",
    "unreadable_file": "the file cannot be read",
    "empty_file": "the file is empty",
    "excel_file": "this looks like an Excel file; save it as CSV (File > Save As > CSV UTF-8) and try again",
    "binary_file": "this is not a text file; export the list as CSV",
    "undecodable": "the text encoding cannot be read; save the file as CSV UTF-8",
    "no_header": "the file has no header row (the first line must name the columns)",
    "empty_column_name": "a column in the header row has no name",
    "duplicate_column_name": "two columns have the same name",
    "too_many_fields": "this row has more fields than the header row (a stray delimiter or quote?)",
    "too_few_fields": "this row has fewer fields than the header row",
    "malformed_csv": "the CSV is malformed here (check quotes)",
    "missing_column": "no such column in the header row",
}

SOURCE_ERROR_TEXT = {
    "bad_source": "--source must be csv:PATH or attribute:NAME",
    "unknown_attribute": "unknown attribute for --source attribute:NAME",
    "csv_options_missing": "a CSV source also needs these options",
    "bad_match": "--match must be upn, mail, employeeId or id",
    "bad_transform": "--transform must be none, lower, guid-base64 or utf8-base64",
    "bad_delimiter": "--delimiter must be , or ;",
}

# Graph write errors (detail of `failed`): reason code -> what the admin can do about it.
WRITE_HINTS = {
    "privileged_user": ("this user holds an admin role: the app needs a higher role "
                        "(e.g. Privileged Authentication Administrator), or set it by hand"),
    "object_conflict": "another object already has this value: fix the source so values are unique",
    "synced_user": "the user is synced from on-premises AD: set the source anchor there, not in Entra",
    "federated_user": ("the user's domain is federated: set ImmutableIds before federating, or move the UPN "
                       "to a managed domain, set it, and move it back"),
    "user_deleted": "the user was deleted after the preview",
    "network": "the connection failed repeatedly; run apply again to finish",
}

# A row's `reason` code -> its English `detail` for the report (contracts.md "Reports"): str.format with
# the row's reason_args. These strings ARE the report contract; change them only with a reason.
# Codes not listed here (source/validation codes, possibly "code:extra") keep their code as the detail.
REASON_DETAIL = {
    # plan
    "on_premises_sync_enabled": "on_premises_sync_enabled",
    "guest_excluded": "use --include-guests to include",
    "disabled_excluded": "use --include-disabled to include",
    "domain_not_chosen": "domain {domain}",
    "domain_federated": "domain {domain} is federated",
    "value_in_use": "held by {holder}",
    # apply
    "resumed": "written by the interrupted run (resumed)",
    "confirmed_by_reread": "confirmed by re-reading",
    "set_after_preview": "got an ImmutableId after the preview",
    "cancelled": "cancelled",
    "stopped": "stopped",
    "stopped_sign_in_failed": "stopped: sign-in failed ({code})",
    "stopped_read_failed": "stopped: could not re-read current values ({error})",
    "stopped_graph_error": "stopped: {error}",
    "stopped_internal_error": "stopped by an internal error (see the log)",
    "stopped_throttled_too_long": ("stopped: Entra throttled every write for {minutes} minutes; "
                                   "run apply again later to finish"),
    "reread_failed": "could not re-read the current value ({error}) — run apply again to finish",
    "outcome_unknown": "{error}; could not confirm the outcome ({why}) — run apply again to finish",
    "network": "{error} ({attempts} attempts) — " + WRITE_HINTS["network"],
    "overwritten_after_write": "another writer set {found} after this run wrote {wrote}",
}
# Graph refused the write: Graph's own code and message, then our hint (the reason is the hint's code).
GRAPH_FAILURE_DETAIL = "{code}: {message}"


def detail_for(reason: str | None, args: dict | None = None) -> str:
    """The report's English `detail` for a reason code and its args."""
    if not reason:
        return ""
    args = args or {}
    if "more" in args and reason == "duplicate_value":
        more = f" and {args['more']} more" if args["more"] else ""
        return f"same value as {args.get('others', '')}{more}"
    if "message" in args:  # a Graph refusal: code + message (+ hint)
        hint = WRITE_HINTS.get(reason)
        return GRAPH_FAILURE_DETAIL.format(**args) + (f" — {hint}" if hint else "")
    template = REASON_DETAIL.get(reason)
    if template is None:
        return f"{reason}:{args['extra']}" if "extra" in args else reason
    try:
        return template.format(**args)
    except (KeyError, IndexError):
        return template


def reason_text(detail: str) -> str:
    """`detail` codes may carry a suffix after ':' (a character, line numbers)."""
    code, _, extra = detail.partition(":")
    text = REASON_TEXT.get(code) or CSV_ERROR_TEXT.get(code) or detail
    return f"{text} ({extra})" if extra and text != detail else text


def csv_error_text(err) -> str:  # err: core.csvsource.CsvError
    where = f"line {err.line}" if err.line else "the file"
    if err.column is not None:
        where += f", column {err.column}"
    text = CSV_ERROR_TEXT.get(err.code, err.code)
    return f"{where}: {text}" + (f" — {err.detail}" if err.detail else "")
