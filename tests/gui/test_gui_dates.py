"""One date and one date-time format in the whole UI (issue 16 minors: an English UI once showed
"12/5/2028", "2029-12-04", "5 Dec, 03:16" and "12/4/26 8:21 PM"): texts.date_text and date_time_text,
locale-aware, the year in full; every place that shows a date uses them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from gui import texts
from gui.navigation import PageId
from gui.widgets.resume_offer import run_started_text

GUI = Path(__file__).resolve().parents[2] / "gui"
WHEN = datetime(2026, 12, 4, 20, 21)
EXPECTED = {"en": ("12/5/2028", "12/4/2026 8:21\N{NARROW NO-BREAK SPACE}PM"),
            "sv": ("2028-12-05", "2026-12-04 20:21")}


def _same(a: str, b: str) -> bool:  # Qt puts a (narrow) no-break space before AM/PM on some versions
    return a.replace("\N{NARROW NO-BREAK SPACE}", " ") == b.replace("\N{NARROW NO-BREAK SPACE}", " ")


def test_one_date_and_one_date_time_in_each_language(ui_language):
    day, moment = EXPECTED[ui_language]
    assert texts.date_text(date(2028, 12, 5)) == day
    assert _same(texts.date_time_text(WHEN), moment)
    aware = WHEN.astimezone(UTC)  # stored in UTC, shown in local time
    assert texts.date_time_text(aware) == texts.date_time_text(WHEN)


def test_every_place_that_shows_a_date_uses_them(ui_language, make_wizard):
    class Run:
        started = WHEN

    assert run_started_text(Run) == texts.date_time_text(WHEN)  # resume offer, run list, undo dialog
    assert texts.date_text(WHEN) in texts.unattended_failure("North", "day", WHEN, "secret_expired")
    line = texts.saved_connection_line("North", WHEN, True, WHEN)
    assert line.count(texts.date_time_text(WHEN)) == 2
    assert texts.date_text(date(2028, 12, 5)) in texts.check_verdict_text(
        "secret_expiry_ok", "ok", "", {"expires": "2028-12-05"})
    page = make_wizard().page_by_id(PageId.CONNECTION)
    assert page.expiry_edit.displayFormat() == texts.date_format()


def test_no_page_formats_a_date_of_its_own():
    """Dates are formatted in gui/texts.py only. (A value meant to be pasted into another system, such as the
    handover for Skolon Data Hub, may keep ISO: its line says so with "ISO:".)"""
    pattern = re.compile(r"strftime|\"d MMM|ShortFormat|LongFormat|\.isoformat\(\)")
    offenders = [f"{path.relative_to(GUI)}:{n}: {line.strip()}"
                 for path in GUI.rglob("*.py") if path.name != "texts.py"
                 for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                 if pattern.search(line) and "ISO:" not in line]
    assert offenders == []
