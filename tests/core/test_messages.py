"""core/messages.py: every code finds its English text and hint in the tables, in a known order, and the
sentences built from them say what happened."""

from __future__ import annotations

import io

from core import message_table
from core.graph.connection import ProfileError
from core.messages import describe, detail_for, hint_for, profile_error_text, text_for, unknown_profile_text


def test_text_for_searches_every_table_and_never_fails():
    assert text_for("no_secret") == message_table.TEXT["no_secret"]
    assert text_for("secret_stdin_empty") == message_table.CLI_TEXT["secret_stdin_empty"]
    assert text_for("will_set") == message_table.STATUS_TEXT["will_set"]
    assert text_for("empty") == message_table.REASON_TEXT["empty"]
    assert text_for("excel_file") == message_table.CSV_ERROR_TEXT["excel_file"]
    assert text_for("bad_match") == message_table.SOURCE_ERROR_TEXT["bad_match"]
    assert text_for("made_up_code") == "Made up code"


def test_hints_come_from_the_connection_cli_and_write_tables():
    assert hint_for("consent_missing") == message_table.HINTS["consent_missing"]
    assert hint_for("profile_none_saved") == message_table.CLI_HINTS["profile_none_saved"]
    assert hint_for("privileged_user") == message_table.WRITE_HINTS["privileged_user"]
    assert hint_for("will_set") is None
    assert describe("cancelled") == "Cancelled."
    assert describe("tenant_empty").startswith("The tenant is missing. Enter the Directory (tenant) ID")


def test_report_details_from_reason_codes():
    assert detail_for(None) == ""
    assert detail_for("value_in_use", {"holder": "eva@school.example"}) == "held by eva@school.example"
    assert detail_for("duplicate_value", {"others": "a, b", "more": 3}) == "same value as a, b and 3 more"
    assert detail_for("forbidden_character", {"extra": "@"}) == "forbidden_character:@"
    assert detail_for("privileged_user", {"code": "Authorization_RequestDenied", "message": "No."}) \
        .startswith("Authorization_RequestDenied: No. — this user holds an admin role")


def test_profile_error_sentences_say_where():
    cut = ProfileError("profile_cut_short", "p.json", line=4, column=16)
    assert profile_error_text(cut).startswith("p.json, line 4, column 16: The profile file is not valid JSON")
    assert "cut short" in profile_error_text(cut)
    key = ProfileError("profile_missing_field", "p.json", "client_id")
    assert profile_error_text(key) == ("p.json, key client_id: The profile file lacks a required key. "
                                       "A profile needs tenant_id and client_id.")
    assert unknown_profile_text("x", ["A", "b c"]).startswith('"x": No saved connection has this name')
    assert 'Saved connections: "A", "b c".' in unknown_profile_text("x", ["A", "b c"])
    assert "Connection page" in unknown_profile_text("x", [])


def test_not_attempted_is_not_only_cancelled():
    # apply leaves the rest not_attempted when it is cancelled, and also when it stops (sign-in failed,
    # throttled too long): the printed counts must not say "cancelled" after a stop.
    from core.commands.preview import print_counts

    out = io.StringIO()
    print_counts({"set": 5, "not_attempted": 3}, out)
    line = next(line for line in out.getvalue().splitlines() if "not_attempted" in line)
    assert "stopped" in line and "cancelled" in line
