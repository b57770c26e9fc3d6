"""core/planning/preflight.py: the plan's warnings and where a report may be written."""

from __future__ import annotations

from core.planning.plan import Plan, PlanRow, Scope, Status
from core.planning.preflight import plan_warnings
from core.tenant.admins import Admins
from core.tenant.facts import TenantFacts


def _row(upn: str, status=Status.WILL_SET, source="v", reason=None) -> PlanRow:
    row = PlanRow("id-" + upn, upn, "", source, "", "", status)
    row.reason = reason
    return row


def _facts(known: bool = True) -> TenantFacts:
    """A tenant whose domains (Domain.Read.All) are known or not, and whose admins are known (none)."""
    return TenantFacts(domains=[] if known else None, admins=Admins())


def _codes(plan: Plan, known: bool = True) -> list[str]:
    # every plan here writes someone or says why not; "nothing_to_write" is tested on its own
    return [w.code for w in plan_warnings(plan, _facts(known)) if w.code != "nothing_to_write"]


def test_domain_typo_names_the_domains_that_exist():
    plan = Plan([_row("a@school.example", Status.OUT_OF_SCOPE)], scope=Scope(("shcool.example",)))
    (warning,) = [w for w in plan_warnings(plan, _facts()) if w.code != "nothing_to_write"]
    assert warning.code == "domain_matches_no_user" and warning.args["domain"] == "shcool.example"
    assert warning.args["existing"] == "school.example"
    assert _codes(Plan([_row("a@school.example")], scope=Scope(("school.example",)))) == []


def test_guid_transform_over_no_guid_at_all():
    rows = [_row(f"u{n}@s.example", Status.INVALID_VALUE, reason="not_a_guid") for n in range(3)]
    rows.append(_row("g@s.example", Status.GUEST, source="not a guid either"))  # left alone: not counted
    assert _codes(Plan(rows, transform="guid-base64")) == ["no_value_is_a_guid", "invalid_value"]
    rows.append(_row("ok@s.example", Status.WILL_SET))  # one real GUID: a data problem, not a mistake
    assert _codes(Plan(rows, transform="guid-base64")) == ["invalid_value"]
    assert _codes(Plan(rows[:3], transform="none")) == ["invalid_value"]


def test_unmatched_duplicates_and_federation_unknown():
    plan = Plan([_row("a@s.example")], unmatched_rows=[object()], duplicate_keys={"k": [2, 3]})
    assert _codes(plan, known=False) == ["unmatched_rows", "duplicate_keys", "federation_unknown"]


def test_the_confirm_warnings_are_core_rules_for_every_face():
    """What the wizard's Confirm page once worked out itself: federated domains (with and without the UPN
    swap), value problems, admins known or not, nothing to write — now core's, with codes and counts."""
    rows = [_row("a@fed.example", Status.FEDERATED_DOMAIN, reason="federated_swap_ready"),
            _row("b@s.example", Status.VALUE_IN_USE), _row("c@s.example", Status.DUPLICATE_VALUE),
            _row("d@s.example", Status.INVALID_VALUE), _row("e@s.example", Status.ADMIN_ROLE)]
    from core.tenant.directory import Domain

    facts = TenantFacts(domains=[Domain("fed.example", "Federated"), Domain("s.example", "Managed")],
                        admins=Admins({"id-e@s.example": "Global Administrator"}))
    plan = Plan(rows)
    assert [w.code for w in plan_warnings(plan, facts)] == [
        "federated_domains_swap_offered", "value_in_use", "duplicate_value", "invalid_value", "admin_role",
        "nothing_to_write"]
    with_swap = plan_warnings(plan, facts, upn_swap=True)
    assert with_swap[0].code == "federated_domains_swap_on" and with_swap[0].args["count"] == 1
    assert "nothing_to_write" not in [w.code for w in with_swap]  # the swap writes one
    unknown = plan_warnings(Plan(rows[1:4]), TenantFacts(domains=None, admins=None))
    assert "admins_unknown" in [w.code for w in unknown] and "federation_unknown" in [w.code for w in unknown]
