"""Code -> text in the user's language. core/ reports codes (enums, reason strings); the GUI says them.

Every table entry is marked with QT_TRANSLATE_NOOP so lupdate collects it, and looked up through
QCoreApplication.translate at display time, so a language switch takes effect without a restart.
Unknown codes fall back to the core's English message (never to a stack trace).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

log = logging.getLogger(__name__)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# Plan and apply statuses (contracts.md "Reports").
STATUS = {
    "will_set": QT_TRANSLATE_NOOP("Status", "Will be set"),
    "already_set": QT_TRANSLATE_NOOP("Status", "Already has one"),
    "no_source_value": QT_TRANSLATE_NOOP("Status", "No value in the source"),
    "duplicate_value": QT_TRANSLATE_NOOP("Status", "Duplicate value"),
    "value_in_use": QT_TRANSLATE_NOOP("Status", "Value already in use"),
    "invalid_value": QT_TRANSLATE_NOOP("Status", "Invalid value"),
    "synced_from_ad": QT_TRANSLATE_NOOP("Status", "Synced from AD"),
    "federated_domain": QT_TRANSLATE_NOOP("Status", "Federated domain"),
    "guest": QT_TRANSLATE_NOOP("Status", "Guest"),
    "disabled": QT_TRANSLATE_NOOP("Status", "Disabled"),
    "out_of_scope": QT_TRANSLATE_NOOP("Status", "Out of scope"),
    "set": QT_TRANSLATE_NOOP("Status", "Set"),
    "failed": QT_TRANSLATE_NOOP("Status", "Failed"),
    "skipped_already_set": QT_TRANSLATE_NOOP("Status", "Skipped: set meanwhile"),
    "dry_run": QT_TRANSLATE_NOOP("Status", "Dry run (not written)"),
    "not_attempted": QT_TRANSLATE_NOOP("Status", "Not attempted"),
    "conflict": QT_TRANSLATE_NOOP("Status", "Changed by someone else"),
}

# What each status means for the admin, and what to do about it.
STATUS_HINT = {
    "will_set": QT_TRANSLATE_NOOP("StatusHint", "This user gets the new ImmutableId when you run."),
    "already_set": QT_TRANSLATE_NOOP("StatusHint", "The user already has an ImmutableId; it is never changed."),
    "no_source_value": QT_TRANSLATE_NOOP(
        "StatusHint", "The source has no value for this user. Check the export file or the key column."),
    "duplicate_value": QT_TRANSLATE_NOOP(
        "StatusHint", "Two or more users would get the same value. Fix the source so every value is unique."),
    "value_in_use": QT_TRANSLATE_NOOP(
        "StatusHint", "Another user in the tenant already has this value. Find that user and fix the source."),
    "invalid_value": QT_TRANSLATE_NOOP(
        "StatusHint", "The value cannot be an ImmutableId (see the detail). Choose another column or transform."),
    "synced_from_ad": QT_TRANSLATE_NOOP(
        "StatusHint", "Synced from on-premises AD: Entra Connect owns its ImmutableId."),
    "federated_domain": QT_TRANSLATE_NOOP(
        "StatusHint", "The domain is already federated; set ImmutableIds before federating, or change the "
                      "UPN to a managed domain first."),
    "guest": QT_TRANSLATE_NOOP("StatusHint", "Guests are left out unless you include them."),
    "disabled": QT_TRANSLATE_NOOP("StatusHint", "Disabled accounts are left out unless you include them."),
    "out_of_scope": QT_TRANSLATE_NOOP("StatusHint", "The user's domain is not among the chosen domains."),
    "set": QT_TRANSLATE_NOOP("StatusHint", "Written."),
    "failed": QT_TRANSLATE_NOOP("StatusHint", "Microsoft refused the write; see the detail. Retry the failed "
                                              "ones after fixing the cause."),
    "skipped_already_set": QT_TRANSLATE_NOOP(
        "StatusHint", "Someone set an ImmutableId after the preview; it was left alone."),
    "dry_run": QT_TRANSLATE_NOOP("StatusHint", "Dry run: this would have been written."),
    "not_attempted": QT_TRANSLATE_NOOP(
        "StatusHint", "The run was cancelled before this user; run again to continue."),
    "conflict": QT_TRANSLATE_NOOP(
        "StatusHint", "Written, then another run or person set a different value before this run read it "
                      "back. Check which value is right."),
}

# A row's reason code (PlanRow.reason, core/messages_write.REASON_DETAIL) -> text; placeholders are the
# row's reason_args. The GUI never reads the English `detail` to find out what happened.
REASON = {
    # Graph refused the write (the admin hint's code; Graph's own code is shown after it)
    "privileged_user": QT_TRANSLATE_NOOP(
        "Detail", "Not allowed: the user probably holds an admin role. Set it by hand as a Privileged "
                  "Authentication Administrator."),
    "object_conflict": QT_TRANSLATE_NOOP("Detail", "Another user already has this value."),
    "graph_error": QT_TRANSLATE_NOOP("Detail", "Microsoft rejected the value."),
    "user_deleted": QT_TRANSLATE_NOOP("Detail", "The user no longer exists."),
    "synced_user": QT_TRANSLATE_NOOP("Detail", "Synced from on-premises AD: set the source anchor there."),
    "federated_user": QT_TRANSLATE_NOOP("Detail", "The user's domain is federated."),
    "network": QT_TRANSLATE_NOOP("Detail", "The connection failed repeatedly; run again to finish."),
    "throttled": QT_TRANSLATE_NOOP("Detail", "Microsoft kept throttling this write; run again later."),
    # validation, transform and source codes ({extra}: a character, line numbers)
    "empty": QT_TRANSLATE_NOOP("Detail", "The value is empty."),
    "forbidden_character": QT_TRANSLATE_NOOP("Detail", "The value contains a character that is not allowed."),
    "whitespace": QT_TRANSLATE_NOOP("Detail", "The value contains a space."),
    "control_character": QT_TRANSLATE_NOOP("Detail", "The value contains a control character."),
    "too_long": QT_TRANSLATE_NOOP("Detail", "The value is too long (under 60, special characters count 3)."),
    "too_long_for_saml_nameid": QT_TRANSLATE_NOOP("Detail", "The value is longer than 64 characters."),
    "not_a_guid": QT_TRANSLATE_NOOP("Detail", "The value is not a GUID, so guid-base64 cannot use it."),
    "no_csv_row": QT_TRANSLATE_NOOP("Detail", "No row in the file for this user."),
    "empty_value_in_csv": QT_TRANSLATE_NOOP("Detail", "The file's row for this user has an empty value (line)."),
    "conflicting_csv_rows": QT_TRANSLATE_NOOP("Detail", "The file has several rows with different values for "
                                                        "this user (lines)."),
    "attribute_empty": QT_TRANSLATE_NOOP("Detail", "The chosen attribute is empty for this user."),
    "user_has_no_match_key": QT_TRANSLATE_NOOP("Detail", "The user has no value to match the file's key "
                                                         "column with."),
    # the plan's reasons
    "on_premises_sync_enabled": QT_TRANSLATE_NOOP("Detail", "Synced from on-premises AD."),
    "guest_excluded": QT_TRANSLATE_NOOP("Detail", "Tick “Include guests” to include."),
    "disabled_excluded": QT_TRANSLATE_NOOP("Detail", "Tick “Include disabled accounts” to include."),
    "value_in_use": QT_TRANSLATE_NOOP("Detail", "Already held by {value}."),  # {value}: the holder
    "domain_not_chosen": QT_TRANSLATE_NOOP("Detail", "Domain {value}."),  # {value}: the domain
    "domain_federated": QT_TRANSLATE_NOOP("Detail", "Domain {value} is federated."),
    "duplicate_value": QT_TRANSLATE_NOOP("Detail", "Same value as {others}."),
    # the run's reasons
    "resumed": QT_TRANSLATE_NOOP("Detail", "Written by the interrupted run (resumed)."),
    "confirmed_by_reread": QT_TRANSLATE_NOOP("Detail", "Confirmed by reading the user again."),
    "set_after_preview": QT_TRANSLATE_NOOP("Detail", "Got an ImmutableId after the preview; left alone."),
    "cancelled": QT_TRANSLATE_NOOP("Detail", "Cancelled before this user."),
    "stopped": QT_TRANSLATE_NOOP("Detail", "The run stopped before this user."),
    "stopped_sign_in_failed": QT_TRANSLATE_NOOP("Detail", "The run stopped: sign-in failed ({code})."),
    "stopped_read_failed": QT_TRANSLATE_NOOP("Detail", "The run stopped: the current values could not be read."),
    "stopped_graph_error": QT_TRANSLATE_NOOP("Detail", "The run stopped: Microsoft Graph answered with an error."),
    "stopped_internal_error": QT_TRANSLATE_NOOP("Detail", "The run stopped because of an internal error (see the "
                                                          "log)."),
    "stopped_throttled_too_long": QT_TRANSLATE_NOOP(
        "Detail", "The run stopped: Microsoft refused every write for {minutes} minutes. Run again later."),
    "reread_failed": QT_TRANSLATE_NOOP("Detail", "The current value could not be read again; run again to "
                                                 "finish."),
    "outcome_unknown": QT_TRANSLATE_NOOP("Detail", "It is not known whether the write arrived; run again to "
                                                   "finish."),
    "overwritten_after_write": QT_TRANSLATE_NOOP("Detail", "Someone else set {found} after this run wrote "
                                                           "{wrote}."),
}

COLUMNS = (
    QT_TRANSLATE_NOOP("Column", "Display name"),
    QT_TRANSLATE_NOOP("Column", "User principal name"),
    QT_TRANSLATE_NOOP("Column", "Current ImmutableId"),
    QT_TRANSLATE_NOOP("Column", "New ImmutableId"),
    QT_TRANSLATE_NOOP("Column", "Status"),
    QT_TRANSLATE_NOOP("Column", "Detail"),
)


def column_title(column: int) -> str:
    return tr("Column", COLUMNS[column])


def status_text(code: str) -> str:
    text = STATUS.get(code)
    return tr("Status", text) if text else code


def status_hint(code: str) -> str:
    text = STATUS_HINT.get(code)
    return tr("StatusHint", text) if text else ""


class _Args(dict):
    def __missing__(self, key: str) -> str:  # a placeholder the core did not fill stays visible, no crash
        return "{" + key + "}"


def reason_text(reason: str | None, args: dict | None = None) -> str:
    """The text for a reason code and its args; "" for no reason, the code itself if unknown."""
    if not reason:
        return ""
    args = dict(args or {})
    args.setdefault("value", args.get("holder") or args.get("domain") or "")
    text = REASON.get(reason)
    if text is None:
        log.debug("No translated text for reason %s", reason)
        return reason
    out = tr("Detail", text).format_map(_Args(args))
    if reason == "duplicate_value" and args.get("more"):
        out = f"{out} (+{number(int(args['more']))})"
    extra = args.get("code") or args.get("extra")  # Graph's own code, or a source code's suffix
    return f"{out} ({extra})" if extra and "{code}" not in text else out


def row_detail(row) -> str:
    """A row's detail as shown: from its reason code; a row without one (never from core) shows its
    detail as it is, unparsed."""
    reason = getattr(row, "reason", None)
    if reason:
        return reason_text(reason, getattr(row, "reason_args", None))
    return getattr(row, "detail", "") or ""


def row_hint(row) -> str:
    status = getattr(row.status, "value", row.status)
    parts = [status_hint(status)]
    if getattr(row, "reason", None) in REASON:
        parts.append(row_detail(row))
    return " ".join(p for p in parts if p)


# Connection, sign-in and check codes ---------------------------------------------------------------
def code_text(code: str) -> str:
    from gui.code_texts import TEXT

    text = TEXT.get(code)
    if text is not None:
        return tr("Code", text)
    from core import messages

    log.debug("No translated text for code %s", code)
    return messages.text_for(code)


def code_hint(code: str) -> str:
    from gui.code_texts import HINT

    text = HINT.get(code)
    return tr("Hint", text) if text is not None else ""


def input_problem(code: str) -> str:
    hint = code_hint(code)
    return f"{code_text(code)} {hint}".strip()


def keyring_notice(reason: str | None) -> str:
    code = reason or "keyring_no_backend"
    return f"{code_text(code)} {code_hint(code)}".strip()


CHECK_STEPS = {
    "tenant": QT_TRANSLATE_NOOP("Check", "Tenant"),
    "credentials": QT_TRANSLATE_NOOP("Check", "Sign-in as the app"),
    "consent": QT_TRANSLATE_NOOP("Check", "Admin consent"),
    "graph_read": QT_TRANSLATE_NOOP("Check", "Reading users"),
    "domains": QT_TRANSLATE_NOOP("Check", "Domains"),
    "secret_expiry": QT_TRANSLATE_NOOP("Check", "Secret expiry"),
}


def check_step_text(step: str) -> str:
    text = CHECK_STEPS.get(step)
    return tr("Check", text) if text else step


def check_verdict_text(code: str, verdict: str, detail: str, data: dict | None) -> str:
    data = data or {}
    if code == "graph_read_ok" and "user_count" in data:
        return tr("Check", "Microsoft Graph can read the users ({n} users).").format(
            n=number(int(data["user_count"])))
    if code.startswith("secret_expiry_") and data.get("expires"):
        return f"{code_text(code)} ({data['expires']})"
    if code == "domains_federated" and detail:
        return f"{code_text(code)} ({detail})"
    return code_text(code)


def check_hint(code: str, verdict: str, detail: str) -> str:
    if verdict in ("ok", "skipped"):
        return ""
    hint = code_hint(code)
    if verdict == "failed" and detail and code not in ("consent_missing",):
        # Microsoft's own words help support find the case; they never contain the secret.
        hint = f"{hint}<br><small>{_escape(detail)}</small>" if hint else _escape(detail)
    return hint


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Choices on the Source/Connection pages ------------------------------------------------------------
CLOUDS = {
    "global": QT_TRANSLATE_NOOP("Cloud", "Global (most tenants)"),
    "usgov": QT_TRANSLATE_NOOP("Cloud", "US Government (GCC High)"),
    "usgov-dod": QT_TRANSLATE_NOOP("Cloud", "US Government DoD"),
    "china": QT_TRANSLATE_NOOP("Cloud", "China (21Vianet)"),
}
MATCHES = {
    "upn": QT_TRANSLATE_NOOP("Match", "User principal name"),
    "mail": QT_TRANSLATE_NOOP("Match", "E-mail address"),
    "employeeId": QT_TRANSLATE_NOOP("Match", "Employee ID"),
    "id": QT_TRANSLATE_NOOP("Match", "Entra object ID"),
}
ATTRIBUTES = {
    "objectId": QT_TRANSLATE_NOOP("Attribute", "Object ID (as Entra Connect does, with guid-base64)"),
    "employeeId": QT_TRANSLATE_NOOP("Attribute", "Employee ID"),
    "mail": QT_TRANSLATE_NOOP("Attribute", "E-mail address"),
    "userPrincipalName": QT_TRANSLATE_NOOP("Attribute", "User principal name"),
}
TRANSFORMS = {
    "none": QT_TRANSLATE_NOOP("Transform", "None: use the value as it is"),
    "lower": QT_TRANSLATE_NOOP("Transform", "Lower case"),
    "guid-base64": QT_TRANSLATE_NOOP("Transform", "GUID → base64 (Entra Connect's form)"),
    "utf8-base64": QT_TRANSLATE_NOOP("Transform", "Text → base64"),
}


def cloud_text(code: str) -> str:
    return tr("Cloud", CLOUDS.get(code, code))


def match_text(code: str) -> str:
    return tr("Match", MATCHES.get(code, code))


def attribute_text(code: str) -> str:
    return tr("Attribute", ATTRIBUTES.get(code, code))


def transform_text(code: str) -> str:
    return tr("Transform", TRANSFORMS.get(code, code))


def number(n: int) -> str:
    """A count in the user's locale (1 234 in Swedish, 1,234 in English)."""
    from PySide6.QtCore import QLocale

    return QLocale().toString(int(n))


def decimal(x: float, places: int = 1) -> str:
    """A measured figure in the user's locale (760,3 in Swedish, 760.3 in English)."""
    from PySide6.QtCore import QLocale

    return QLocale().toString(float(x), "f", places)


def federated_domains(report) -> list[str]:
    domains = getattr(report, "domains", None) or []
    return [name.lower() for name, kind in domains if (kind or "").lower() == "federated"]


def federation_unknown(report) -> bool:
    """True when the check could not read the domains (no Domain.Read.All): nobody knows which are federated.
    Decided by the check's code, never by its words."""
    if report is None:
        return False
    result = report.result("domains") if hasattr(report, "result") else None
    if result is not None:
        return getattr(result, "code", None) == "domains_unknown"
    return getattr(report, "domains", None) is None


def domain_label(name: str, users: int, federated: bool) -> str:
    if federated:
        return tr("Domain", "{domain} — {n} users (federated)").format(domain=name, n=number(users))
    return tr("Domain", "{domain} — {n} users").format(domain=name, n=number(users))


# Sentences live in gui.summaries; re-exported so pages use one module for every user-visible text.
from gui.summaries import (  # noqa: E402
    confirm_summary,
    confirm_warnings,
    describe_error,
    failure_line,
    plan_summary,
    results_summary,
    run_finished,
    run_intro,
    run_status,
    throttle_text,
)

__all__ = ["confirm_summary", "confirm_warnings", "describe_error", "failure_line", "plan_summary",
           "results_summary", "run_finished", "run_intro", "run_status", "throttle_text"]
