"""What to tell the admin before writing, the same for every face: the plan's warnings (input that is
almost certainly a mistake, or facts that change what the run can do), and whether an output file may be
written where the user asked. Results are codes with arguments; the faces make the sentences.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from core.planning.plan import Plan, Status
from core.source.transforms import NOT_A_GUID, Transform
from core.tenant.directory import upn_domain


@dataclass(frozen=True)
class PlanWarning:
    code: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def plan_warnings(plan: Plan, federation_known: bool = True) -> list[PlanWarning]:
    """Warnings for `preview`, `apply` and the wizard alike, most consequential first."""
    out: list[PlanWarning] = []
    out += _domain_warnings(plan)
    out += _guid_warning(plan)
    if plan.unmatched_rows:
        out.append(PlanWarning("unmatched_rows", {"count": len(plan.unmatched_rows)}))
    if plan.duplicate_keys:
        out.append(PlanWarning("duplicate_keys", {"count": len(plan.duplicate_keys),
                                                  "keys": ", ".join(sorted(plan.duplicate_keys)[:3])}))
    if not federation_known:
        out.append(PlanWarning("federation_unknown"))
    if plan.admin_groups_unread:
        out.append(PlanWarning("admin_groups_unread", {"groups": ", ".join(plan.admin_groups_unread)}))
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


# --- output files ------------------------------------------------------------------------------------
class OutputPathError(ValueError):
    """A report path that must not (or cannot) be written. `code`: is_folder, is_source, exists,
    cannot_create, not_writable."""

    def __init__(self, code: str, path: str | Path, detail: str = "") -> None:
        super().__init__(f"{code}: {path}")
        self.code, self.path, self.detail = code, str(path), detail


def check_output_path(path: str | Path, *, sources: tuple[str | Path | None, ...] = (),
                      replace: bool = False) -> Path:
    """The path, if a report may be written there. Never the source export itself (whatever `replace`
    says), never a folder; an existing file only with `replace` (the user said so)."""
    target = Path(path)
    if target.is_dir():
        raise OutputPathError("is_folder", target)
    for source in sources:
        if source and _same_file(target, Path(source)):
            raise OutputPathError("is_source", target)
    if target.exists() and not replace:
        raise OutputPathError("exists", target)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputPathError("cannot_create", target, exc.strerror or "") from None
    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise OutputPathError("not_writable", target)
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
