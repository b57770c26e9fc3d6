"""The .ics reminder: valid RFC 5545 (parsed by the icalendar library), 30 days before expiry, lines
folded at 75 octets even inside multi-byte characters, text escaped."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar

from core.setup.reminder import reminder_ics


def test_reminder_parses_and_falls_30_days_before_expiry():
    name = "Nordskolans synk – åäö; med, komma " * 3
    text = reminder_ics(date(2029, 11, 28), "cd613e30-d8f1-4adf-91b7-584a2265b1f5",
                        "30ef1971-7d64-463a-b12b-630157c61377", name, now=datetime(2026, 11, 29, tzinfo=UTC))
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    calendar = icalendar.Calendar.from_ical(raw)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == date(2029, 11, 28) - timedelta(days=30)
    assert str(event.get("SUMMARY")) == f"Renew the client secret of {name}"  # unfolded and unescaped
    assert "app renew" in str(event.get("DESCRIPTION"))
    (alarm,) = event.walk("VALARM")
    assert str(alarm.get("ACTION")) == "DISPLAY"
    assert calendar.get("VERSION") == "2.0" and calendar.get("PRODID")
