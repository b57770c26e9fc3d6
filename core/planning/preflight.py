"""What to tell the admin before writing, the same for every face: the plan's warnings (input that is
almost certainly a mistake, or facts that change what the run can do), and whether an output file may be
written where the user asked. Results are codes with arguments; the faces make the sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from core.planning.plan import Plan, Status
from core.planning.statuses import NEEDS_SWAP
from core.source.transforms import NOT_A_GUID, Transform
from core.tenant.directory import upn_domain
from core.tenant.facts import TenantFacts


@dataclass(frozen=True)
class PlanWarning:
    code: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def plan_warnings(plan: Plan, facts: TenantFacts | None = None, *, upn_swap: bool = False,
                  undo: bool = False) -> list[PlanWarning]:
    """Warnings for `preview`, `apply`, `undo` and the wizard alike, most consequential first. `facts`: what
    the prepare step read of the tenant (None: nothing known); `upn_swap`: the admin chose the UPN swap."""
    facts = facts or TenantFacts()
    if undo:
        return _undo_warnings(plan, upn_swap)
    counts = plan.counts()
    out: list[PlanWarning] = _parked_warnings(plan, upn_swap)
    out += _domain_warnings(plan)
    out += _guid_warning(plan)
    out += _federated_warning(plan, facts, upn_swap)
    out += [PlanWarning(code, {"count": counts[code]}) for code in ("value_in_use", "duplicate_value",
                                                                     "invalid_value") if counts.get(code)]
    if counts.get(Status.ADMIN_ROLE.value):
        out.append(PlanWarning("admin_role", {"count": counts[Status.ADMIN_ROLE.value]}))
    elif not facts.admins_known:
        out.append(PlanWarning("admins_unknown"))
    if plan.unmatched_rows:
        out.append(PlanWarning("unmatched_rows", {"count": len(plan.unmatched_rows)}))
    if plan.duplicate_keys:
        out.append(PlanWarning("duplicate_keys", {"count": len(plan.duplicate_keys),
                                                  "keys": ", ".join(sorted(plan.duplicate_keys)[:3])}))
    if not facts.federation_known:
        out.append(PlanWarning("federation_unknown"))
    if plan.admin_groups_unread:
        out.append(PlanWarning("admin_groups_unread", {"groups": ", ".join(plan.admin_groups_unread)}))
    if not counts.get(Status.WILL_SET.value) and not (upn_swap and (plan.swappable() or plan.parked())):
        out.append(PlanWarning("nothing_to_write"))
    return out


def _names(rows: list[Any], limit: int = 3) -> str:
    names = [r.user_principal_name for r in rows[:limit]]
    return ", ".join(names) + (f" and {len(rows) - limit:,} more" if len(rows) > limit else "")


def _parked_warnings(plan: Plan, upn_swap: bool) -> list[PlanWarning]:
    """Users on a temporary UPN left by an interrupted swap (core/tenant/parked.py), named."""
    parked = plan.parked()
    known = [r for r in parked if r.reason_args.get("original")]
    unknown = [r for r in parked if not r.reason_args.get("original")]
    out = []
    if known:
        code = "parked_users_swap_on" if upn_swap else "parked_users"
        out.append(PlanWarning(code, {"count": len(known), "names": _names(known)}))
    if unknown:
        temps = [r.reason_args.get("temp", "") for r in unknown[:3]]
        out.append(PlanWarning("parked_unknown", {"count": len(unknown), "names": ", ".join(temps)}))
    return out


def _federated_warning(plan: Plan, facts: TenantFacts, upn_swap: bool) -> list[PlanWarning]:
    if not facts.federated:
        return []
    domains = ", ".join(facts.federated)
    swappable = len(plan.swappable())
    if swappable and upn_swap:
        return [PlanWarning("federated_domains_swap_on", {"domains": domains, "count": swappable})]
    if swappable:
        return [PlanWarning("federated_domains_swap_offered", {"domains": domains, "count": swappable})]
    return [PlanWarning("federated_domains", {"domains": domains})]


def _undo_warnings(plan: Plan, upn_swap: bool) -> list[PlanWarning]:
    counts = plan.counts()
    out = []
    needs = [r for r in plan.rows if r.reason == NEEDS_SWAP]
    if needs and not upn_swap:
        out.append(PlanWarning("undo_needs_swap", {"count": len(needs), "names": _names(needs)}))
    if not counts.get(Status.WILL_CLEAR.value):
        out.append(PlanWarning("undo_nothing_to_clear"))
    return out


def _domain_warnings(plan: Plan) -> list[PlanWarning]:
    """A --domain (or a ticked domain) that no user of the tenant is in: a typo, or the wrong tenant."""
    chosen = plan.scope.domains
    if not chosen:
        return []
    present = {upn_domain(row.user_principal_name) for row in plan.rows} - {""}
    missing = [d for d in chosen if d not in present]
    return [PlanWarning("domain_matches_no_user", {"domain": d, "existing": ", ".join(sorted(present)[:8])})
            for d in missing]


def _guid_warning(plan: Plan) -> list[PlanWarning]:
    """guid-base64 over values none of which is a GUID: the wrong column or the wrong transform."""
    if plan.transform != Transform.GUID_BASE64.value:
        return []
    # the users whose value was converted (those left alone for other reasons never were)
    converted = (Status.WILL_SET, Status.INVALID_VALUE, Status.VALUE_IN_USE, Status.DUPLICATE_VALUE)
    with_value = [r for r in plan.rows if r.source_value and r.status in converted]
    not_guid = sum(1 for r in with_value if r.reason == NOT_A_GUID)
    if with_value and not_guid == len(with_value):
        return [PlanWarning("no_value_is_a_guid", {"count": not_guid,
                                                   "example": with_value[0].source_value[:40]})]
    return []
