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
}

# Row details: Graph error codes and validation/transform/source reason codes (prefix before ':').
DETAIL = {
    "Authorization_RequestDenied": QT_TRANSLATE_NOOP(
        "Detail", "Not allowed: the user probably holds an admin role. Set it by hand as a Privileged "
                  "Authentication Administrator."),
    "ObjectConflict": QT_TRANSLATE_NOOP("Detail", "Another user already has this value."),
    "Request_BadRequest": QT_TRANSLATE_NOOP("Detail", "Microsoft rejected the value."),
    "Request_ResourceNotFound": QT_TRANSLATE_NOOP("Detail", "The user no longer exists."),
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
    "on_premises_sync_enabled": QT_TRANSLATE_NOOP("Detail", "Synced from on-premises AD."),
    "synced": QT_TRANSLATE_NOOP("Detail", "Synced from on-premises AD: set the source anchor there."),
    "federated": QT_TRANSLATE_NOOP("Detail", "The user's domain is federated."),
    "throttled": QT_TRANSLATE_NOOP("Detail", "Microsoft kept throttling this write; run again later."),
    "network": QT_TRANSLATE_NOOP("Detail", "The connection failed repeatedly; run again to finish."),
    "use --include-guests to include": QT_TRANSLATE_NOOP("Detail", "Tick “Include guests” to include."),
    "use --include-disabled to include": QT_TRANSLATE_NOOP("Detail", "Tick “Include disabled accounts” to "
                                                                     "include."),
}
# Details that carry a value after a fixed English prefix (core/plan.py).
DETAIL_PREFIX = (
    ("held by ", QT_TRANSLATE_NOOP("Detail", "Already held by {value}.")),
    ("domain ", QT_TRANSLATE_NOOP("Detail", "Domain {value}.")),
)

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


def _detail_key(detail: str) -> str:
    return detail.split(":", 1)[0].strip()


def detail_text(detail: str | None) -> str:
    """A row's detail as shown: a known code is translated, anything else (Graph's message) as is."""
    if not detail:
        return ""
    if detail.endswith(" is federated") and detail.startswith("domain "):
        return tr("Detail", "Domain {value} is federated.").format(value=detail[7:-13])
    for prefix, template in DETAIL_PREFIX:
        if detail.startswith(prefix):
            return tr("Detail", template).format(value=detail[len(prefix):])
    text = DETAIL.get(detail) or DETAIL.get(_detail_key(detail))
    if text is None:
        return detail
    rest = detail.split(":", 1)[1].strip() if ":" in detail else ""
    return f"{tr('Detail', text)} ({rest})" if rest else tr("Detail", text)


def row_hint(status: str, detail: str | None) -> str:
    parts = [status_hint(status)]
    if detail and (detail in DETAIL or _detail_key(detail) in DETAIL):
        parts.append(detail_text(detail))
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


def federated_domains(report) -> list[str]:
    domains = getattr(report, "domains", None) or []
    return [name.lower() for name, kind in domains if (kind or "").lower() == "federated"]


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
