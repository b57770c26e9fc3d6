"""Every code the core can report has a translatable text in the GUI (so Swedish can cover them all)."""

from __future__ import annotations

from core import messages
from core.auth import AuthCode
from core.checks import CheckStep
from core.plan import Status
from gui import code_texts, texts

# Errors in command-line options: the wizard builds its source from pickers and cannot produce them.
CLI_ONLY = {"bad_delimiter", "bad_match", "bad_source", "bad_transform", "csv_options_missing",
            "unknown_attribute"}


def test_every_core_code_has_a_gui_text():
    from core import messages_write
    from gui import summaries

    known = set(code_texts.TEXT) | set(texts.STATUS) | set(texts.DETAIL) | set(summaries.CSV_CODES)
    codes = set(messages.TEXT) | {c.value for c in AuthCode} | set(messages_write.WRITE_HINTS)
    assert sorted(codes - known - CLI_ONLY) == []


def test_every_status_and_check_step_has_a_text_and_hint():
    assert sorted(s.value for s in Status if s.value not in texts.STATUS) == []
    assert sorted(s.value for s in Status if s.value not in texts.STATUS_HINT) == []
    assert sorted(s.value for s in CheckStep if s.value not in texts.CHECK_STEPS) == []


def test_details_are_explained_and_unknown_ones_kept(qapp):
    assert texts.detail_text("forbidden_character:@") == "The value contains a character that is not allowed. (@)"
    assert texts.detail_text("held by eva@school.example") == "Already held by eva@school.example."
    assert texts.detail_text("Something Graph said") == "Something Graph said"
    assert "Tick" in texts.detail_text("use --include-guests to include")


def test_throttle_and_progress_sentences(qapp):
    assert texts.throttle_text(12.4) == "Paused by Microsoft's throttling for 12 s; the run continues by itself."
    line = texts.run_status(50, 200, 2, 19.5, 125)
    assert "50 of 200 done, 2 failed" in line and "2 min 5 s" in line
