"""An iCalendar (RFC 5545) reminder to renew the client secret, 30 days before it expires.

Written by hand (no dependency): CRLF line ends, lines folded at 75 octets, text values escaped. The
handover for Skolon's Data Hub asks for it (graph-facts §10)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from core.run.outputs import check_output_path

REMIND_DAYS_BEFORE = 30


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 §3.1: at most 75 octets a line; continuation lines start with one space."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def renew_command(tenant: str, client_id: str, connection_name: str | None = None) -> str:
    """The real command that renews this app's secret: by the saved connection's name when there is one,
    else by tenant and client id (never a placeholder to fill in months later)."""
    if connection_name:
        return f'immutableid-sync app renew --profile "{connection_name}"'  # the name rule allows no "
    return f"immutableid-sync app renew --tenant {tenant} --client-id {client_id}"


def reminder_ics(expires: date, tenant: str, client_id: str, app_name: str, now: datetime | None = None,
                 connection_name: str | None = None, certificate: bool = False) -> str:
    """The calendar text: an all-day event 30 days before `expires`, with an alarm that morning.
    `certificate`: the app signs in with a certificate (graph-facts §16), which is renewed the same way."""
    when = expires - timedelta(days=REMIND_DAYS_BEFORE)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    kind = "certificate" if certificate else "client secret"
    summary = f"Renew the {kind} of {app_name}"
    saved = f" (saved connection '{connection_name}')" if connection_name else ""
    then = ("Data Hub, if it uses this app, needs its own credential (it may accept only a client secret)."
            if certificate else "then give the new secret to Skolon Data Hub.")
    description = (f"The {kind} of the app registration '{app_name}' (client id {client_id}, tenant "
                   f"{tenant}){saved} expires on {expires.isoformat()}. Renew it with: "
                   f"{renew_command(tenant, client_id, connection_name)} (or the Renew button on the wizard's "
                   f"Connection page){'. ' if certificate else ', '}{then}")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Immutable ID Sync//Secret reminder//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT", f"UID:{uuid.uuid4()}@immutableid-sync",
             f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{when.strftime('%Y%m%d')}",
             f"DTEND;VALUE=DATE:{(when + timedelta(days=1)).strftime('%Y%m%d')}",
             f"SUMMARY:{_escape(summary)}", f"DESCRIPTION:{_escape(description)}", "TRANSP:TRANSPARENT",
             "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_escape(summary)}", "TRIGGER:PT9H", "END:VALARM",
             "END:VEVENT", "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_reminder(path: str | Path, expires: date, tenant: str, client_id: str, app_name: str,
                   connection_name: str | None = None, *, replace: bool = False, certificate: bool = False) -> Path:
    """Through the output guard (core.run.outputs): an existing file only with `replace`."""
    path = check_output_path(path, replace=replace)
    text = reminder_ics(expires, tenant, client_id, app_name, connection_name=connection_name,
                        certificate=certificate)
    path.write_bytes(text.encode("utf-8"))
    return path
