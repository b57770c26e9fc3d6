"""Every code the core can report has a translatable text in the GUI (so Swedish can cover them all)."""

from __future__ import annotations

from core import message_table
from core.graph.auth import AuthCode
from core.planning.plan import Status
from core.tenant.checks import CheckStep
from gui import code_texts, texts

# Errors in command-line options (the wizard builds its source from pickers) and the CLI's own codes.
CLI_ONLY = set(message_table.SOURCE_ERROR_TEXT) | set(message_table.CLI_TEXT) | set(message_table.CLI_HINTS)


def test_every_core_code_has_a_gui_text():
    known = set(code_texts.TEXT) | set(code_texts.STATUS) | set(code_texts.REASON) | set(code_texts.CSV_CODES)
    codes = set().union(*message_table.TEXT_TABLES, *message_table.HINT_TABLES) | {c.value for c in AuthCode}
    assert sorted(set(message_table.REASON_DETAIL) - set(code_texts.REASON)) == []  # every row reason
    assert set(message_table.WARNING_TEXT) == set(code_texts.PLAN_WARNINGS)
    assert set(message_table.OUTPUT_PATH_TEXT) == set(code_texts.OUTPUT_PATHS)
    assert sorted(codes - known - CLI_ONLY) == []


def test_every_status_and_check_step_has_a_text_and_hint():
    assert sorted(s.value for s in Status if s.value not in code_texts.STATUS) == []
    assert sorted(s.value for s in Status if s.value not in code_texts.STATUS_HINT) == []
    assert sorted(s.value for s in CheckStep if s.value not in code_texts.CHECK_STEPS) == []


def test_details_come_from_reason_codes_never_from_english(qapp):
    from core.planning.plan import PlanRow

    def row(reason=None, detail="", **args):
        r = PlanRow("id", "eva@school.example", "Eva", "", "", "", Status.FAILED)
        r.set_reason(reason, **args)
        if detail:
            r.detail = detail
        return r

    assert texts.row_detail(row("forbidden_character", extra="@")) == \
        "The value contains a character that is not allowed. (@)"
    assert texts.row_detail(row("value_in_use", holder="eva@school.example")) == "Already held by eva@school.example."
    assert texts.row_detail(row("domain_federated", domain="fed.example")) == "Domain fed.example is federated."
    assert "Tick" in texts.row_detail(row("guest_excluded"))
    graph = row("privileged_user", code="Authorization_RequestDenied", message="Insufficient privileges.")
    assert texts.row_detail(graph).endswith("admin role. Set it by hand as a Privileged Authentication "
                                            "Administrator. (Authorization_RequestDenied)")
    # English in `detail` is never parsed: without a code it is shown as it is
    assert texts.row_detail(row(None, "held by eva@school.example")) == "held by eva@school.example"
    assert texts.row_detail(row("stopped_throttled_too_long", minutes=10)) == \
        "The run stopped: Microsoft refused every write for 10 minutes. Run again later."


def test_throttle_and_progress_sentences(qapp):
    assert texts.throttle_text(12.4) == "Paused by Microsoft's throttling for 12 s; the run continues by itself."
    line = texts.run_status(50, 200, 2, 19.5, 125)
    assert "50 of 200 done, 2 failed" in line and "2 min 5 s" in line


def test_figures_follow_the_locale(qapp):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("sv_SE"))
        assert "19,5 " in texts.run_status(50, 200, 2, 19.5, 125)
        assert texts.number(1234) == "1\N{NO-BREAK SPACE}234"
        QLocale.setDefault(QLocale("en_US"))
        assert "19.5 " in texts.run_status(50, 200, 2, 19.5, 125)
    finally:
        QLocale.setDefault(previous)


def test_expiry_dates_show_the_year_in_full():
    from gui.texts import four_digit_year

    assert four_digit_year("M/d/yy") == "M/d/yyyy"  # en_US short format
    assert four_digit_year("yyyy-MM-dd") == "yyyy-MM-dd"  # sv_SE already has it
