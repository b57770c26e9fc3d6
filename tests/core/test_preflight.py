"""core/planning/preflight.py: the plan's warnings and where a report may be written."""

from __future__ import annotations

import pytest

from core.planning.plan import Plan, PlanRow, Scope, Status
from core.planning.preflight import OutputPathError, check_output_path, plan_warnings


def _row(upn: str, status=Status.WILL_SET, source="v", reason=None) -> PlanRow:
    row = PlanRow("id-" + upn, upn, "", source, "", "", status)
    row.reason = reason
    return row


def _codes(plan: Plan, known: bool = True) -> list[str]:
    return [w.code for w in plan_warnings(plan, known)]


def test_domain_typo_names_the_domains_that_exist():
    plan = Plan([_row("a@school.example", Status.OUT_OF_SCOPE)], scope=Scope(("shcool.example",)))
    (warning,) = plan_warnings(plan)
    assert warning.code == "domain_matches_no_user" and warning.args["domain"] == "shcool.example"
    assert warning.args["existing"] == "school.example"
    assert _codes(Plan([_row("a@school.example")], scope=Scope(("school.example",)))) == []


def test_guid_transform_over_no_guid_at_all():
    rows = [_row(f"u{n}@s.example", Status.INVALID_VALUE, reason="not_a_guid") for n in range(3)]
    rows.append(_row("g@s.example", Status.GUEST, source="not a guid either"))  # left alone: not counted
    assert _codes(Plan(rows, transform="guid-base64")) == ["no_value_is_a_guid"]
    rows.append(_row("ok@s.example", Status.WILL_SET))  # one real GUID: a data problem, not a mistake
    assert _codes(Plan(rows, transform="guid-base64")) == []
    assert _codes(Plan(rows[:3], transform="none")) == []


def test_unmatched_duplicates_and_federation_unknown():
    plan = Plan([_row("a@s.example")], unmatched_rows=[object()], duplicate_keys={"k": [2, 3]})
    assert _codes(plan, known=False) == ["unmatched_rows", "duplicate_keys", "federation_unknown"]


def test_output_path_rules(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(OutputPathError) as err:
        check_output_path(tmp_path / "." / "export.csv", sources=(source,), replace=True)
    assert err.value.code == "is_source"  # never, even when asked to replace
    with pytest.raises(OutputPathError) as err:
        check_output_path(tmp_path, sources=())
    assert err.value.code == "is_folder"
    existing = tmp_path / "old.csv"
    existing.write_text("keep", encoding="utf-8")
    with pytest.raises(OutputPathError) as err:
        check_output_path(existing)
    assert err.value.code == "exists"
    assert check_output_path(existing, replace=True) == existing
    assert check_output_path(tmp_path / "new" / "r.csv") == tmp_path / "new" / "r.csv"
