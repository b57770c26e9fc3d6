"""Every user-visible sentence of the GUI, in the user's language, made from core/'s codes and numbers.

The code -> text tables are in gui/code_texts.py (a leaf: this module reads it, it reads nothing of ours);
this module holds the functions only, and pages import nothing else for their texts. Texts are looked up
through QCoreApplication.translate at display time, so a language switch takes effect without a restart.
Unknown codes fall back to the core's English message (never to a stack trace). Counts are written as
"label: n" so that no sentence needs a plural form.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from core import messages
from gui import code_texts

log = logging.getLogger(__name__)


# reasons of users the UPN swap left on the temporary UPN (core/run/swap.py): the Results page and the undo
# dialog say so, as the command line does

def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _tr(text: str) -> str:  # the summaries' sentences share one context
    return QCoreApplication.translate("Summary", text)


# Plan table: statuses, reasons, columns -------------------------------------------------------------
def column_title(column: int) -> str:
    return tr("Column", code_texts.COLUMNS[column])


def status_text(code: str) -> str:
    text = code_texts.STATUS.get(code) or code_texts.COUNT_ONLY_STATUS.get(code)
    return tr("Status", text) if text else code


def status_hint(code: str) -> str:
    text = code_texts.STATUS_HINT.get(code)
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
    text = code_texts.REASON.get(reason)
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
    if getattr(row, "reason", None) in code_texts.REASON:
        parts.append(row_detail(row))
    return " ".join(p for p in parts if p)


# Connection, sign-in and check codes ---------------------------------------------------------------
def code_text(code: str) -> str:
    text = code_texts.TEXT.get(code)
    if text is not None:
        return tr("Code", text)
    log.debug("No translated text for code %s", code)
    return messages.text_for(code)


def code_hint(code: str) -> str:
    text = code_texts.HINT.get(code)
    return tr("Hint", text) if text is not None else ""


def input_problem(code: str) -> str:
    hint = code_hint(code)
    return f"{code_text(code)} {hint}".strip()


def keyring_notice(reason: str | None) -> str:
    code = reason or "keyring_no_backend"
    return f"{code_text(code)} {code_hint(code)}".strip()


def check_step_text(step: str) -> str:
    text = code_texts.CHECK_STEPS.get(step)
    return tr("Check", text) if text else step


def check_verdict_text(code: str, verdict: str, detail: str, data: dict | None) -> str:
    data = data or {}
    if code == "graph_read_ok" and "user_count" in data:
        return tr("Check", "Microsoft Graph can read the users ({n} users).").format(
            n=number(int(data["user_count"])))
    if code.startswith("secret_expiry_") and data.get("expires"):
        return f"{code_text(code)} ({_date_or_text(data['expires'])})"
    if code == "domains_federated" and detail:
        return f"{code_text(code)} ({detail})"
    return code_text(code)


def _date_or_text(value: str) -> str:
    from datetime import date

    try:
        return date_text(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


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


# Choices on the Source/Connection pages, figures, domains ------------------------------------------
def cloud_text(code: str) -> str:
    return tr("Cloud", code_texts.CLOUDS.get(code, code))


def match_text(code: str) -> str:
    return tr("Match", code_texts.MATCH_TEXT.get(code, code))


def attribute_label(code: str, transform: str) -> str:
    """An attribute's name as the Source page shows it for this transform: Object ID's name says "with
    guid-base64" only when that is the transform (the pages never name one transform and use another)."""
    if code == "objectId" and transform != "guid-base64":
        return tr("Attribute", "Object ID")
    return attribute_text(code)


def attribute_text(code: str) -> str:
    return tr("Attribute", code_texts.ATTRIBUTE_TEXT.get(code, code))


def transform_text(code: str) -> str:
    return tr("Transform", code_texts.TRANSFORM_TEXT.get(code, code))


def number(n: int) -> str:
    """A count in the user's locale (1 234 in Swedish, 1,234 in English)."""
    return QLocale().toString(int(n))


def decimal(x: float, places: int = 1) -> str:
    """A measured figure in the user's locale (760,3 in Swedish, 760.3 in English)."""
    return QLocale().toString(float(x), "f", places)


def domain_label(name: str, users: int, federated: bool) -> str:
    if federated:
        return tr("Domain", "{domain} — {n} users (federated)").format(domain=name, n=number(users))
    return tr("Domain", "{domain} — {n} users").format(domain=name, n=number(users))


# Summaries: the plan, the confirmation, the run, the results ----------------------------------------
def plan_summary(counts: Mapping[str, int], total: int) -> str:
    will = counts.get("will_set", 0)
    already = counts.get("already_set", 0)
    problems = sum(counts.get(c, 0) for c in ("no_source_value", "duplicate_value", "value_in_use",
                                              "invalid_value"))
    left_out = total - will - already - problems
    return _tr("Will get an ImmutableId: <b>{will}</b> · already have one (left alone): {already} · "
               "cannot get one yet (see their status): {problems} · left out (synced, guests, disabled, "
               "other domains): {left}").format(will=number(will), already=number(already),
                                                problems=number(problems), left=number(left_out))


def confirm_summary(counts: Mapping[str, int], connection, choice, swapped: int = 0) -> str:
    """`swapped`: users of federated domains also set, with the UPN swap (when the admin ticked it)."""
    will = counts.get("will_set", 0) + swapped
    tenant = getattr(connection, "display_name", None) or getattr(connection, "tenant", "")
    if choice.kind == "csv":
        source = _tr("the values in {file} (column “{value}”, matched by {match} in column “{key}”)").format(
            file=choice.csv_path, value=choice.value_column, key=choice.key_column,
            match=match_text(choice.match))
    else:
        source = _tr("each user's {attribute}").format(attribute=attribute_label(choice.attribute, choice.transform))
    text = _tr("In tenant <b>{tenant}</b>, <b>{n}</b> users will get an ImmutableId taken from {source}, "
               "transformed with “{transform}”.").format(
        tenant=tenant, n=number(will), source=source, transform=transform_text(choice.transform))
    return f"<p>{text}</p><p>{_tr('Users that already have an ImmutableId are never changed.')}</p>"


def quota_text(writes: int) -> str:
    """What Microsoft's write quota (core.graph.pacing: the pacer's, per app and tenant) means for this many
    writes: within it, no waiting; beyond it, the least time it takes."""
    from core.graph.pacing import DEFAULT_LIMIT, DEFAULT_WINDOW_S, quota_wait_s

    quota = _tr("{limit} writes per {window}").format(limit=number(DEFAULT_LIMIT), window=duration(DEFAULT_WINDOW_S))
    wait = quota_wait_s(writes)
    if not wait:
        return _tr("That is within Microsoft's write quota ({quota}): it goes as fast as Microsoft answers.").format(
            quota=quota)
    return _tr("Microsoft's write quota ({quota}) makes it take at least {eta}.").format(quota=quota,
                                                                                      eta=duration(wait))


def run_intro(n: int, dry_run: bool, swapped: int = 0) -> str:
    """`swapped`: how many of the `n` users are set with the UPN swap (two writes each)."""
    if dry_run:
        text = _tr("Dry run: users to go through: {n}. Nothing is written.").format(n=number(n))
    else:
        text = _tr("Users to write: <b>{n}</b>.").format(n=number(n)) + " " + quota_text(n + swapped)
    if swapped:
        text += " " + _tr("Of them with the UPN swap (two writes each): {n}.").format(n=number(swapped))
    return text


# The UPN swap for users in federated domains (issue 10 §1, graph-facts §11) ----------------------------
def swap_preview_note(n: int) -> str:
    return _tr("Users in federated domains that can be set with the UPN swap: <b>{n}</b>. Whether to do that "
               "is chosen on the Confirm page.").format(n=number(n))


def swap_choice_label(n: int) -> str:
    return _tr("Also set the {n} users in federated domains with the &UPN swap").format(n=number(n))


def swap_effects(initial_domain: str | None, example: str | None) -> str:
    """What the swap does to each user, in plain words, as a list (graph-facts §11)."""
    if initial_domain and example:
        move = _tr("Each user's UPN is moved to a temporary name in {domain} (e.g. {example}) and back again: "
                   "two writes, a few seconds apart.").format(domain=initial_domain, example=example)
    else:
        move = _tr("Each user's UPN is moved to the tenant's .onmicrosoft.com domain and back again: two "
                   "writes, a few seconds apart.")
    items = [move,
             _tr("Meanwhile the user cannot sign in through the identity provider (IdP)."),
             _tr("The user's OneDrive address (URL) may change."),
             _tr("Microsoft Authenticator may show the account as a new account."),
             _tr("Intune app protection (MAM) links may break."),
             _tr("Entra-joined PCs may show “Other user” at sign-in."),
             _tr("Mail and proxy addresses are not expected to change; the report records each user's UPN "
                 "and mail before and after."),
             _tr("Each swap uses two writes of Microsoft's write quota."),
             _tr("Users that hold an admin role cannot be swapped: Microsoft refuses to change their UPN.")]
    return "<ul style='margin-left:0; -qt-list-indent:1'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def swap_unavailable() -> str:
    return _tr("Not available: the check could not find the tenant's .onmicrosoft.com domain, and the swap "
               "moves each UPN there. Check again; if this stays, make sure the app may read the domains "
               "(Domain.Read.All).")


def write_total(users: int, swapped: int, writes: int, swap_offered: bool) -> str:
    """The Confirm page's last line before the confirmation: users, how many with the swap, writes, and what
    Microsoft's write quota means for them."""
    if swap_offered:
        head = _tr("<b>{n}</b> users will be written, <b>{swapped}</b> of them with the UPN swap.").format(
            n=number(users), swapped=number(swapped))
        tail = _tr("Writes: {writes} (two for each user with the UPN swap).")
    else:
        head = _tr("<b>{n}</b> users will be written.").format(n=number(users))
        tail = _tr("Writes: {writes}.")
    return f"{head} {tail.format(writes=number(writes))} {quota_text(writes)}"


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


MEASURED_AFTER = 20  # users finished before the pace means something (one $batch: the first answers include reads)


def run_status(done: int, total: int, failed: int, rate: float | None, eta_s: float | None) -> str:
    """The Run page's progress line: the pace and the time left only once they are measured."""
    parts = [_tr("{done} of {total} done, {failed} failed").format(done=number(done), total=number(total),
                                                                 failed=number(failed))]
    measured = done >= min(MEASURED_AFTER, total) and done > 0
    if measured and rate:
        parts.append(_tr("{rate} users a second").format(rate=decimal(rate)))
    if measured and eta_s is not None and not math.isinf(eta_s) and done < total:
        parts.append(_tr("about {eta} left").format(eta=duration(eta_s)))
    return " · ".join(parts)


def throttle_text(seconds_left: float) -> str:
    return _tr("Paused by Microsoft's throttling for {s} s; the run continues by itself.").format(
        s=max(1, int(round(seconds_left))))


def run_finished(counts: Mapping[str, int], cancelled: bool) -> str:
    head = _tr("Cancelled.") if cancelled else _tr("Finished.")
    parts = [f"{status_text(code)}: {number(n)}" for code, n in counts.items() if n]
    return f"{head} {' · '.join(parts)}"


def failure_line(upn: str, text: str) -> str:
    """One line of the Run page's failure log; `text` is already in the user's language (row_detail)."""
    return f"{upn}: {text}"


def results_summary(counts: Mapping[str, int], dry_run: bool) -> str:
    rows = "".join(f"<tr><td>{status_text(code)}</td><td align='right'>&nbsp;{number(n)}</td></tr>"
                   for code, n in counts.items() if n)
    head = _tr("Dry run: nothing was written.") if dry_run else ""
    return f"{head}<table>{rows}</table>"


# Errors -------------------------------------------------------------------------------------------
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
        return code_text(code), code_hint(code)
    if name in ("GraphError", "GraphNetworkError", "AmbiguousOutcome"):
        status = getattr(exc, "status", 0)
        title = _tr("Microsoft Graph answered with an error ({status} {code}).").format(status=status, code=code)
        message = getattr(exc, "message", "") or ""
        return title, f"{message} {code_hint('network_error' if status == 0 else 'graph_error')}".strip()
    if name == "OutputPathError":
        return _tr("The report cannot be saved there."), output_path_text(str(code))
    if name == "RunBusy":
        return _tr("Another window or program is writing this run."), _tr(
            "Wait for it to finish (or close it), then start again: the run continues where it stopped.")
    if name == "UndoError" and code in code_texts.UNDO_ERRORS:
        return _tr("This run cannot be undone."), tr("UndoError", code_texts.UNDO_ERRORS[code])
    if name == "SourceSpecError":
        return _tr("The source settings are not usable."), str(getattr(exc, "detail", "")) or str(code)
    if isinstance(exc, OSError):
        return _tr("A file could not be read or written."), _tr("{what}: {file}").format(
            what=exc.strerror or name, file=exc.filename or "")
    return _tr("Something went wrong."), _tr("The details are in the log file (Help → About shows where). "
                                               "Try again; if it persists, send the log to support.")


def csv_error(exc: BaseException) -> tuple[str, str]:
    code = getattr(exc, "code", "")
    text = code_texts.CSV_CODES.get(code)
    title = tr("CsvError", text) if text else _tr("The file cannot be used.")
    line, column = getattr(exc, "line", 0), getattr(exc, "column", None)
    where = _tr("Line {line}").format(line=line) if line else ""
    if column is not None:
        where += (", " if where else "") + _tr("column {column}").format(column=column)
    detail = getattr(exc, "detail", "")
    return title, " ".join(p for p in (where, detail) if p)


def plan_warning_text(warning) -> str:  # warning: core.planning.preflight.PlanWarning
    """A plan warning (core.planning.preflight) in the user's language; counts in the locale's digits."""
    args = {k: number(v) if isinstance(v, int) else v for k, v in warning.args.items()}
    return tr("PlanWarning", code_texts.PLAN_WARNINGS.get(warning.code, warning.code)).format(**args)


def output_path_text(code: str) -> str:
    return tr("OutputPath", code_texts.OUTPUT_PATHS.get(code, code))


# Saved connections and their unattended runs (Welcome page, Results page) ---------------------------
def _ut(text: str) -> str:
    return QCoreApplication.translate("Unattended", text)


def unattended_problem(code: str) -> str:
    """Why an unattended run failed, and what to do: a sign-in code's own text and hint, or ours."""
    if code in code_texts.UNATTENDED_PROBLEMS:
        return _ut(code_texts.UNATTENDED_PROBLEMS[code])
    if code in code_texts.CSV_CODES:
        return tr("CsvError", code_texts.CSV_CODES[code])
    hint = code_hint(code)
    return code_text(code) + (f" — {hint}" if hint else "")


def four_digit_year(fmt: str) -> str:
    """The locale's short date order and separators, with the year in full: a secret expires years ahead,
    and "11/28/28" leaves the reader guessing which number is the year."""
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def date_format() -> str:
    """The one date format of the whole UI (also the Connection page's date field)."""
    return four_digit_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def _local(when):
    """A datetime in local time (an aware one is converted; a naive one is taken as local already)."""
    return when.astimezone() if getattr(when, "tzinfo", None) is not None else when


def date_text(when) -> str:
    """A date as the whole UI writes it: the locale's short date, the year in full ("12/5/2028",
    "2028-12-05"). `when`: a date, or a datetime (aware ones in local time)."""
    if hasattr(when, "hour"):
        when = _local(when)
    return QLocale().toString(QDate(when.year, when.month, when.day), date_format())


def date_time_text(when) -> str:
    """A moment as the whole UI writes it: date_text and the locale's short time ("12/5/2028 2:02 PM",
    "2028-12-05 14:02"), in local time."""
    when = _local(when)
    time_text = QLocale().toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
    return f"{date_text(when)} {time_text}"


def unattended_failure(name: str, every: str | None, when, problem: str) -> str:
    """"The nightly sync for North failed on 3 Dec: the client secret has expired — renew it"."""
    text = {"day": _ut("The nightly sync for {name} failed on {date}: {problem}"),
            "week": _ut("The weekly sync for {name} failed on {date}: {problem}")}.get(
        every or "", _ut("The unattended sync for {name} failed on {date}: {problem}"))
    return text.format(name=name, date=date_text(when), problem=unattended_problem(problem))


def saved_connection_line(name: str, last_run, last_ok: bool | None, next_run) -> str:
    last = (_ut("last run: {when}, {outcome}").format(
        when=date_time_text(last_run), outcome=_ut("done") if last_ok else _ut("failed"))
        if last_run is not None else _ut("no unattended run yet"))
    following = _ut("next run: {when}").format(when=date_time_text(next_run)) if next_run else _ut("not scheduled")
    return f"{name} — {last} · {following}"


def schedule_done(every: str, at: str, next_run) -> str:
    text = _ut("Scheduled every day at {at}; next run {when}.") if every == "day" else \
        _ut("Scheduled every Monday at {at}; next run {when}.")
    return text.format(at=at, when=date_time_text(next_run))

# Creating the app registration (issue 9) ----------------------------------------------------------------
def appreg_step(code: str, values: Mapping) -> str:
    text = code_texts.APPREG_STEPS.get(code)
    return tr("AppReg", text).format(**values) if text else code


def appreg_failure(exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do + what exists now and how to delete it) for SignInError / AppRegError."""
    code = str(getattr(exc, "code", "") or "")
    if code not in code_texts.APPREG_TEXT:
        return describe_error(exc)
    hint = code_texts.APPREG_HINT.get(code)
    lines = [tr("AppReg", hint)] if hint else []
    created = list(getattr(exc, "created", []) or [])
    if created:
        items = "; ".join(tr("AppReg", code_texts.APPREG_CREATED[c.kind]).format(ident=c.ident) for c in created)
        lines.append(tr("AppReg", "Created in the tenant: {items}.").format(items=items))
        lines.append(_appreg_delete_how(exc, created))
    elif code.startswith(("signin_", "appreg_not_admin")):
        lines.append(tr("AppReg", "Nothing was created in the tenant."))
    return tr("AppReg", code_texts.APPREG_TEXT[code]), " ".join(lines)


def skolon_handover(tenant_id: str, client_id: str, secret: str, expires: str) -> str:
    """What "Copy for Skolon Data Hub" puts on the clipboard: the four values Data Hub asks for."""
    return "\n".join([tr("AppReg", "Client Id: {v}").format(v=client_id),
                      tr("AppReg", "Tenant Id: {v}").format(v=tenant_id),
                      tr("AppReg", "Client secret: {v}").format(v=secret),
                      tr("AppReg", "Secret expires: {v}").format(v=expires)]) + "\n"


def skolon_handover_certificate(tenant_id: str, client_id: str, thumbprint: str, expires: str) -> str:
    """The handover of an app that signs in with a certificate (graph-facts §16): never its private key,
    and honest that Data Hub may want a secret."""
    return "\n".join([tr("AppReg", "Client Id: {v}").format(v=client_id),
                      tr("AppReg", "Tenant Id: {v}").format(v=tenant_id),
                      tr("AppReg", "Credential: a certificate (thumbprint {v}); its private key stays in this "
                                   "computer's keychain").format(v=thumbprint),
                      tr("AppReg", "Certificate expires: {v}").format(v=expires),
                      tr("AppReg", "Note: Skolon Data Hub may accept only a client secret. The tenant's policy "
                                   "blocks secrets, so ask Skolon whether Data Hub can use a certificate, or ask "
                                   "the tenant's admins to exempt this app from the policy.")]) + "\n"


def _appreg_delete_how(exc: BaseException, created: list) -> str:
    client_id = getattr(exc, "client_id", "")
    if any(c.kind == "application" for c in created):
        return tr("AppReg", "To delete it: Entra admin center > App registrations > All applications > “{name}” > "
                            "Delete, or run: az ad app delete --id {client_id}").format(
            name=getattr(exc, "name", ""), client_id=client_id)
    key_id = next((c.ident for c in created if c.kind in ("client_secret", "certificate")), "")
    return tr("AppReg", "To delete it: the app's Certificates & secrets page, the secret with ID {key_id}, or run: "
                        "az ad app credential delete --id {client_id} --key-id {key_id}").format(
        key_id=key_id, client_id=client_id)


# Undo an earlier run (issue 10 §2) ----------------------------------------------------------------------
def run_face_text(face: str) -> str:
    text = code_texts.RUN_FACES.get(face)
    return tr("RunFace", text) if text else (face or "?")


def past_run_state(run) -> str:  # run: core.run.history.PastRun
    """Where an earlier run stands: undone (or an undo not finished), else finished / stopped / killed."""
    if run.undo_state in code_texts.RUN_STATES:
        code = run.undo_state
    else:
        code = "complete" if run.complete else "stopped" if run.ended else "unfinished"
    return tr("RunState", code_texts.RUN_STATES[code])


def undo_counts(counts: Mapping[str, int], upn_swap: bool) -> str:
    """The counts before an undo, one "label: n" line each (the first always): users in federated domains
    count as cleared only with the UPN swap ticked, else on a line of their own."""
    shown = dict(counts)
    if upn_swap:
        shown["will_clear"] = shown.get("will_clear", 0) + shown.pop("needs_swap", 0)
    lines = [f"{tr('UndoCount', text)}: <b>{number(shown.get(code, 0))}</b>"
             for code, text in code_texts.UNDO_COUNTS.items() if shown.get(code) or code == "will_clear"]
    return "<br>".join(lines)
