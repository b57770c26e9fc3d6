"""The plan: every tenant user gets exactly one status (contracts.md), and why: a reason CODE in `reason`
(+ `reason_args`), from which core/messages makes the report's English `detail` and the GUI its own text.

Precedence, first match wins — the order is the safety argument:
 1. already_set      the user has an ImmutableId: never touched, whatever else is true
 2. synced_from_ad   Entra Connect owns the attribute; Graph refuses the write (graph-facts §1)
 2b. admin_role      holds a directory role (known only with RoleManagement.Read.Directory, core/tenant/admins.py):
                     the app would get 403; a Privileged Authentication Administrator sets it by hand
 3. guest / disabled / out_of_scope   unless included by the scope options
 0. parked          on a temporary UPN left by an interrupted UPN swap (core/tenant/parked.py): planned by
                     its own UPN (the source is matched by it), never written by a plain run; reason
                     `swap_parked` {temp} on top of whatever status it has; a swap run brings it back
                     (with its value when it is ready, else the UPN alone)
 4. federated_domain UPN in a federated domain: a direct write is refused (graph-facts §1). Its value is
                     still worked out (steps 5-8): when it would be will_set, the reason is
                     `federated_swap_ready` and new_immutable_id holds it — the UPN swap (core/run/swap.py,
                     opt-in) can set it; `swap_alias_taken` when alias@<tenant>.onmicrosoft.com is
                     another user's UPN; otherwise the value's problem is the reason (status unchanged)
 5. no_source_value  no CSV row / empty attribute
 6. invalid_value    transform failed, or the value breaks graph-facts §1 rules
 7. value_in_use     another tenant user already holds this value
 8. duplicate_value  two or more planned users would get the same value: all of them, none written
 9. will_set
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from core.graph.client import Cancelled  # one "cancelled" for every long job (re-exported here)
from core.messages import detail_for
from core.planning.statuses import APPLY_STATUSES, PREVIEW_STATUSES, Status, count_statuses  # noqa: F401
from core.planning.swap_trace import SwapColumns, SwapTrace
from core.source.spec import Scope
from core.source.transforms import Transform, transform_function
from core.source.validation import MAX_WEIGHTED, check_immutable_id
from core.tenant.directory import upn_domain
from core.tenant.parked import parked, temporary_upn

# Entra's uniqueness check is not documented as case-sensitive or not (graph-facts §1); comparing
# case-insensitively can only make us more careful (one constant to flip if it is confirmed).
UNIQUENESS_CASE_INSENSITIVE = True
PROGRESS_EVERY = 5000
SWAP_READY = "federated_swap_ready"  # reason of a federated_domain row the UPN swap can set
SWAP_PARKED = "swap_parked"  # a user on a temporary UPN (core/tenant/parked.py); args: temp (its UPN now)
_NO_ARGS: Mapping[str, Any] = MappingProxyType({})  # read-only: safe to share between rows


__all__ = ["PREVIEW_STATUSES", "SWAP_READY", "Cancelled", "Plan", "PlanBuilder", "PlanRow", "Scope", "Status",
           "build_plan", "count_statuses", "list_and_plan"]


@dataclass(slots=True)
class PlanRow(SwapColumns):
    # attribute names are the report's column names (core/run/report.py)
    object_id: str
    user_principal_name: str
    display_name: str
    source_value: str
    current_immutable_id: str
    new_immutable_id: str
    status: Status
    detail: str = ""                   # English, for the report: always detail_for(reason, reason_args)
    reason: str | None = None          # a code (core/message_table.REASON_DETAIL); None = nothing to say
    # e.g. {"holder": upn}, {"domain": d}; rows without args share one read-only empty mapping (a new
    # dict per row made planning 100,000 users measurably slower)
    reason_args: Mapping[str, Any] = field(default_factory=lambda: _NO_ARGS)
    swap: SwapTrace | None = None  # a user set with the UPN swap: the report's before/after columns

    def set_reason(self, reason: str | None, **args: Any) -> None:
        """Sets the code and its args, and the report's English detail made from them."""
        self.reason, self.reason_args = reason, (args or _NO_ARGS)
        self.detail = detail_for(reason, args)

    def settle(self, status: Status, reason: str | None = None, **args: Any) -> None:
        """The row's status, and why."""
        self.status = status
        self.set_reason(reason, **args)


@dataclass
class Plan:
    rows: list[PlanRow]
    source: str = ""
    transform: str = Transform.NONE.value
    scope: Scope = field(default_factory=Scope)
    unmatched_rows: list[Any] = field(default_factory=list)  # sources.UnmatchedRow
    duplicate_keys: dict[str, list[int]] = field(default_factory=dict)
    started: datetime | None = None
    finished: datetime | None = None
    # role-assignable groups whose members could not be read (core/tenant/admins.py): their admins are not
    # marked admin_role, and will fail with 403 (core.planning.preflight warns)
    admin_groups_unread: tuple[str, ...] = ()
    # time.monotonic() when the listing this plan was built from began (0: not known, e.g. a plan built from
    # a listing made earlier): apply's writer reads a chunk again once its values are older than FRESH_S
    listed_at: float = 0.0

    def counts(self) -> dict[str, int]:
        return count_statuses(self.rows)

    def to_write(self) -> list[PlanRow]:
        return [row for row in self.rows if row.status is Status.WILL_SET]

    def swappable(self) -> list[PlanRow]:
        """federated_domain users the UPN swap could set (issue 10 §1): a valid, unique value planned."""
        return [row for row in self.rows if row.status is Status.FEDERATED_DOMAIN and row.reason == SWAP_READY]

    def parked(self) -> list[PlanRow]:
        """Users on a temporary UPN left by an interrupted UPN swap: a plain run never writes them, a swap
        run brings them back (`new_immutable_id` set: with their value; empty: the UPN alone)."""
        return [row for row in self.rows if row.reason == SWAP_PARKED]

    def plan_hash(self) -> str:
        """Identifies what would be written (for the journal header: resume only the same plan)."""
        h = hashlib.sha256()
        for row in sorted(self.to_write(), key=lambda r: r.object_id):
            h.update(f"{row.object_id}\t{row.new_immutable_id}\n".encode())
        return h.hexdigest()


_fold = str.casefold if UNIQUENESS_CASE_INSENSITIVE else str


def build_plan(users: Iterable[Any], source: Any, transform: Transform | str = Transform.NONE,
               scope: Scope | None = None, federated_domains: Iterable[str] | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancel: threading.Event | None = None, admins: Mapping[str, str] | None = None,
               initial_domain: str | None = None) -> Plan:
    """Classify every user. `progress(done, total)`; raises Cancelled when `cancel` is set.
    `admins`: user id (lower case) -> role names, when known (core/tenant/admins.py); None = not known.
    `initial_domain`: the tenant's <name>.onmicrosoft.com, when known (the UPN swap's alias check)."""
    users = list(users)
    builder = PlanBuilder(source, transform, scope, federated_domains, admins, initial_domain)
    total = len(users)
    for start in range(0, total, PROGRESS_EVERY):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress and start:
            progress(start, total)
        builder.add(users[start:start + PROGRESS_EVERY])
    plan = builder.finish()
    if progress:
        progress(total, total)
    return plan


class PlanBuilder:
    """Builds a plan a page of users at a time (so planning can overlap the listing): `add(users)` for
    each page, then `finish()`. Steps 7-8 need every user, so they run in finish()."""

    def __init__(self, source: Any, transform: Transform | str = Transform.NONE, scope: Scope | None = None,
                 federated_domains: Iterable[str] | None = None, admins: Mapping[str, str] | None = None,
                 initial_domain: str | None = None) -> None:
        self.started = datetime.now(UTC)
        self.initial_domain = (initial_domain or "").strip().lower() or None
        self.source, self.transform, self.scope = source, Transform(transform), scope or Scope()
        federated = frozenset(d.lower() for d in (federated_domains or ()))
        self._classify = _Classifier(source, self.transform, self.scope, federated, admins or {},
                                     self.initial_domain)
        self.rows: list[PlanRow] = []
        self._in_use: dict[str, str] = {}  # values already held in the tenant -> holder's UPN

    def add(self, users: list[Any]) -> None:
        in_use = self._in_use
        for user in users:
            if user.immutable_id:
                in_use[_fold(user.immutable_id)] = user.upn
        self.rows.extend([self._classify(user) for user in users])

    def finish(self) -> Plan:
        in_use = self._in_use
        for row in self.rows:
            if _planned(row) and _fold(row.new_immutable_id) in in_use:
                _refuse_value(row, Status.VALUE_IN_USE, "value_in_use", holder=in_use[_fold(row.new_immutable_id)])
        _mark_duplicates(self.rows)
        if self.initial_domain:
            _mark_taken_aliases(self.rows, self.initial_domain)
            _unclaim_held_originals(self.rows)
        source = self.source
        unmatched = source.unmatched_rows() if hasattr(source, "unmatched_rows") else []
        dupes = getattr(source, "duplicate_keys", {}) or {}
        return Plan(self.rows, source.describe(), self.transform.value, self.scope, unmatched, dupes,
                    self.started, datetime.now(UTC))


class _Classifier:
    """Steps 1-9 for one user; built once per plan so the per-user work is lookups and compares."""

    def __init__(self, source: Any, transform: Transform, scope: Scope, federated: frozenset[str],
                 admins: Mapping[str, str], initial_domain: str | None = None) -> None:
        self.resolve = source.resolve
        self.initial_domain = initial_domain
        self.admins = admins
        self.convert = None if transform is Transform.NONE else transform_function(transform)
        self.base64 = transform.is_base64
        self.domains, self.federated = frozenset(scope.domains), federated
        self.skip_guests, self.skip_disabled = not scope.include_guests, not scope.include_disabled

    def __call__(self, user: Any) -> PlanRow:
        if self.initial_domain:
            stay = parked(user.upn, user.mail, self.initial_domain, self.federated)
            if stay is not None:
                return self._parked(user, stay.original)
        return self._classify(user)

    def _parked(self, user: Any, original: str | None) -> PlanRow:
        """Step 0: planned as the user it was before the swap moved it (its own UPN finds its source row),
        with the reason that keeps plain runs away and tells swap runs to bring it back."""
        temp = user.upn
        row = self._classify(replace(user, upn=original) if original else user)
        ready = row.status is Status.WILL_SET or row.reason == SWAP_READY
        if row.status is Status.WILL_SET:
            row.status = Status.FEDERATED_DOMAIN
        if not ready:
            row.new_immutable_id = ""
        row.set_reason(SWAP_PARKED, temp=temp, original=original or "")
        return row

    def _classify(self, user: Any) -> PlanRow:
        # resolved even for users left alone: shows the admin the source value, and a CSV row for a
        # skipped user must not count as "matched nobody"
        raw, problem = self.resolve(user)
        upn = user.upn or ""
        status, reason, args = self._gate(user, upn)
        if status is Status.FEDERATED_DOMAIN:
            return self._federated(user, upn, raw, problem, args)
        if status is not None:
            row = PlanRow(user.id, upn, user.display_name or "", raw or "", user.immutable_id or "", "", status)
            if reason is not None:
                row.set_reason(reason, **args)
            return row
        status, new, coded = self._value(raw, problem)
        row = PlanRow(user.id, upn, user.display_name or "", raw or "", "", new, status)
        if coded:
            reason, args = _split_code(coded)
            row.set_reason(reason, **args)
        return row

    def _gate(self, user: Any, upn: str) -> tuple[Status | None, str | None, Mapping[str, str]]:
        """Steps 1-4: reasons to leave a user alone before looking at any source value."""
        if user.immutable_id:
            return Status.ALREADY_SET, None, _NO_ARGS
        if user.sync_enabled:
            return Status.SYNCED_FROM_AD, "on_premises_sync_enabled", _NO_ARGS
        if self.admins and user.id and user.id.lower() in self.admins:
            return Status.ADMIN_ROLE, "admin_role", {"roles": self.admins[user.id.lower()]}
        if self.skip_guests and user.user_type and user.user_type.lower() == "guest":
            return Status.GUEST, "guest_excluded", _NO_ARGS
        if self.skip_disabled and user.account_enabled is False:
            return Status.DISABLED, "disabled_excluded", _NO_ARGS
        domain = upn_domain(upn)
        if self.domains and domain not in self.domains:
            return Status.OUT_OF_SCOPE, "domain_not_chosen", {"domain": domain}
        if domain in self.federated:
            return Status.FEDERATED_DOMAIN, "domain_federated", {"domain": domain}
        return None, None, _NO_ARGS

    def _federated(self, user: Any, upn: str, raw: str | None, problem: str | None,
                   args: Mapping[str, str]) -> PlanRow:
        """Step 4 with the value worked out: ready for the UPN swap, or why not (status stays)."""
        status, new, _coded = self._value(raw, problem)
        ready = status is Status.WILL_SET
        row = PlanRow(user.id, upn, user.display_name or "", raw or "", "", new if ready else "",
                      Status.FEDERATED_DOMAIN)
        row.set_reason(SWAP_READY if ready else "domain_federated", **args)
        return row

    def _value(self, raw: str | None, problem: str | None) -> tuple[Status, str, str]:
        """Steps 5-6: (status, new value, reason code as the source/validation gave it, maybe "code:extra")."""
        if raw is None:
            return Status.NO_SOURCE_VALUE, "", problem or ""
        try:
            new = raw if self.convert is None else self.convert(raw)
        except ValueError as exc:
            return Status.INVALID_VALUE, "", str(exc)
        # our own base64 output holds only A-Z a-z 0-9 + / =: its length is all there is to check
        reason = None if self.base64 and len(new) <= MAX_WEIGHTED else check_immutable_id(new, self.base64)
        if reason:
            return Status.INVALID_VALUE, new, reason
        return Status.WILL_SET, new, ""


def _split_code(coded: str) -> tuple[str, Mapping[str, str]]:
    """Source and validation codes may carry a suffix ("forbidden_character:@", "empty_value_in_csv:12")."""
    code, sep, extra = coded.partition(":")
    return code, ({"extra": extra} if sep else _NO_ARGS)


def _planned(row: PlanRow) -> bool:
    """A value will be written to this user: directly, or with the UPN swap when it is chosen."""
    return row.status is Status.WILL_SET or (row.status is Status.FEDERATED_DOMAIN and bool(row.new_immutable_id)
                                             and row.reason in (SWAP_READY, SWAP_PARKED))


def _mark_taken_aliases(rows: list[PlanRow], initial_domain: str) -> None:
    """Step 1 of the swap moves a user to its temporary UPN (core/tenant/parked.py): another user holding
    that UPN, or another candidate whose temporary UPN is the same, would make step 1 fail (graph-facts
    §11, "check first"); say so at preview, for every user involved."""
    owners = {_fold(_upn_now(r)): r.object_id for r in rows if _upn_now(r)}
    ready = [r for r in rows if r.status is Status.FEDERATED_DOMAIN and r.reason == SWAP_READY]
    temps: dict[str, list[PlanRow]] = {}
    for row in ready:
        temps.setdefault(_fold(temporary_upn(row.user_principal_name, initial_domain)), []).append(row)
    for row in ready:
        temp = temporary_upn(row.user_principal_name, initial_domain)
        sharing = [r.user_principal_name for r in temps[_fold(temp)] if r is not row]
        if owners.get(_fold(temp), row.object_id) != row.object_id:
            row.set_reason("swap_alias_taken", alias=temp)
        elif sharing:
            row.set_reason("swap_alias_shared", alias=temp, others=", ".join(sharing[:3]))


def _refuse_value(row: PlanRow, status: Status, reason: str, **args: Any) -> None:
    """A planned value that must not be written. A federated row keeps its status, with this reason; a
    parked user keeps its reason (a swap run still brings it back, without a value) and says why."""
    if row.reason == SWAP_PARKED:
        row.new_immutable_id = ""
        row.set_reason(SWAP_PARKED, **{**row.reason_args, "problem": reason})
        return
    if row.status is Status.WILL_SET:
        row.status = status
    row.set_reason(reason, **args)


def _unclaim_held_originals(rows: list[PlanRow]) -> None:
    """A parked user's own UPN must be free: if another user holds it now, going back would fail and the
    marker lies (a copy, or a rename since) — a person must look, nothing is brought back."""
    holders = {_fold(_upn_now(r)): r.object_id for r in rows if _upn_now(r)}
    for row in rows:
        original = row.reason_args.get("original") if row.reason == SWAP_PARKED else None
        if original and holders.get(_fold(original), row.object_id) != row.object_id:
            row.new_immutable_id, row.user_principal_name = "", str(row.reason_args.get("temp") or "")
            row.set_reason(SWAP_PARKED, **{**row.reason_args, "original": "", "held_by": original})


def _upn_now(row: PlanRow) -> str:
    """The UPN the user holds in the tenant now (a parked user is planned under its own, not this one)."""
    return str(row.reason_args.get("temp") or "") if row.reason == SWAP_PARKED else row.user_principal_name


def _mark_duplicates(rows: list[PlanRow]) -> None:
    first: dict[str, PlanRow] = {}
    groups: dict[str, list[PlanRow]] = {}  # only values given to more than one user
    for row in rows:
        if _planned(row):
            key = _fold(row.new_immutable_id)
            seen = first.setdefault(key, row)
            if seen is not row:
                groups.setdefault(key, [seen]).append(row)
    for group in groups.values():
        names = [r.user_principal_name for r in group[:4]]
        more = max(0, len(group) - 4)
        for row in group:
            others = [n for n in names if n != row.user_principal_name][:3]
            _refuse_value(row, Status.DUPLICATE_VALUE, "duplicate_value", others=", ".join(others), more=more)


def list_and_plan(graph: Any, source: Any, transform: Transform | str = Transform.NONE,
                  scope: Scope | None = None, federated_domains: Iterable[str] | None = None,
                  progress: Callable[[int], None] | None = None,
                  cancel: threading.Event | None = None, admins: Mapping[str, str] | None = None,
                  initial_domain: str | None = None) -> Plan:
    """List every user (as core.tenant.directory.list_users does) and plan each page as it arrives, so the
    users never sit in a second big list. `progress(users_listed)` after each page.

    Measured: a fetch thread overlapping the planning was slower (the GIL: JSON decoding and
    classifying take turns), so the pages are planned in the listing loop itself."""
    from core.tenant.directory import PAGE_SIZE, USER_SELECT, users_from_page

    builder = PlanBuilder(source, transform, scope, federated_domains, admins, initial_domain)
    params = {"$select": USER_SELECT, "$top": str(PAGE_SIZE)}
    listed = 0
    for page in graph.iter_pages("/users", params, cancel=cancel):
        users = users_from_page(page)
        builder.add(users)
        listed += len(users)
        if progress is not None:
            progress(listed)
        if cancel is not None and cancel.is_set():
            raise Cancelled()
    return builder.finish()
