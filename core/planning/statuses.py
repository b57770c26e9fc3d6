"""The one status vocabulary of every kind of run (contracts.md: preview, apply and undo statuses), the
groups the faces and the exit code read, and the reason groups more than one face speaks of.

A row's status is always a `Status`; a journal or a report holds its `.value`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    # preview (what a plan says will happen)
    WILL_SET = "will_set"
    ALREADY_SET = "already_set"
    NO_SOURCE_VALUE = "no_source_value"
    DUPLICATE_VALUE = "duplicate_value"
    VALUE_IN_USE = "value_in_use"
    INVALID_VALUE = "invalid_value"
    SYNCED_FROM_AD = "synced_from_ad"
    ADMIN_ROLE = "admin_role"
    FEDERATED_DOMAIN = "federated_domain"
    GUEST = "guest"
    DISABLED = "disabled"
    OUT_OF_SCOPE = "out_of_scope"
    # apply (what happened)
    SET = "set"
    FAILED = "failed"
    SKIPPED_ALREADY_SET = "skipped_already_set"
    DRY_RUN = "dry_run"
    NOT_ATTEMPTED = "not_attempted"
    CONFLICT = "conflict"  # written, then overwritten by another writer before the run read it back
    # undo: planned, then what happened (FAILED, DRY_RUN, NOT_ATTEMPTED and FEDERATED_DOMAIN as above)
    WILL_CLEAR = "will_clear"
    CLEARED = "cleared"
    SKIPPED_CHANGED = "skipped_changed"  # the value changed since the undone run (or was cleared): left alone


_ALL = list(Status)
PREVIEW_STATUSES = tuple(_ALL[:_ALL.index(Status.SET)])
APPLY_STATUSES = tuple(_ALL[_ALL.index(Status.SET):_ALL.index(Status.WILL_CLEAR)])
UNDO_STATUSES = (Status.WILL_CLEAR, Status.CLEARED, Status.SKIPPED_CHANGED, Status.FEDERATED_DOMAIN,
                 Status.FAILED, Status.DRY_RUN, Status.NOT_ATTEMPTED)

# What "failed" means, for the exit code (1) and every face: the user is not as the run meant, and a
# person must look. Not attempted is not failed: a rerun continues it.
FAILURE_STATUSES = frozenset({Status.FAILED, Status.CONFLICT})
# What the Results page lists first and "retry the failed ones" picks.
ATTENTION_STATUSES = frozenset({Status.FAILED, Status.CONFLICT, Status.NOT_ATTEMPTED})
# Finished as meant (a resumed run does not touch these again).
DONE_STATUSES = frozenset({Status.SET, Status.SKIPPED_ALREADY_SET, Status.DRY_RUN, Status.CLEARED,
                           Status.SKIPPED_CHANGED})
# Planned writes of a run: apply's and undo's.
TO_WRITE_STATUSES = frozenset({Status.WILL_SET, Status.WILL_CLEAR})

# Reasons: users the UPN swap left away from their own UPN (core/run/swap.py); the next run of the same
# kind finishes them first.
SWAP_NOT_BACK = frozenset({"swap_unfinished", "swap_stranded"})
# Undo: users whose value only the UPN swap can clear (their domain is federated).
NEEDS_SWAP = "needs_upn_swap"


def status_of(row: Any) -> Status:
    """A row's status as the enum (rows from an older journal or report may hold the code)."""
    return Status(getattr(row.status, "value", row.status))


def is_failure(row: Any) -> bool:
    return status_of(row) in FAILURE_STATUSES


def needs_attention(rows: Iterable[Any]) -> list[Any]:
    return [row for row in rows if status_of(row) in ATTENTION_STATUSES]


def retry_ids(rows: Iterable[Any]) -> frozenset[str]:
    """The users a "retry the failed ones" plans again (from live data, with a fresh confirmation)."""
    return frozenset(row.object_id for row in needs_attention(rows))


def not_back(rows: Iterable[Any]) -> list[Any]:
    """Users not back on their own UPN yet (the UPN swap was stopped between its steps)."""
    return [row for row in rows if getattr(row, "reason", None) in SWAP_NOT_BACK]


def count_statuses(rows: Iterable[Any]) -> dict[str, int]:
    """Counts per status in the contract's order (then any other, as met): the one status count for the
    plan, the run's result, the summary and both faces."""
    counts = Counter(getattr(row.status, "value", row.status) for row in rows)
    known = {s.value: counts[s.value] for s in Status if counts.get(s.value)}
    return known | {s: n for s, n in counts.items() if s not in known}


def counts_as_read(counts: dict[str, int], rows: Iterable[Any]) -> dict[str, int]:
    """A result's `counts` (per status), with the undo's users that only the UPN swap can clear (reported
    `failed` with the reason NEEDS_SWAP: nothing was sent for them) counted as NEEDS_SWAP, not as failures —
    what a person reading the result should be told. The report and the summary keep the contract's statuses."""
    shown = dict(counts)
    left = sum(1 for row in rows if getattr(row, "reason", None) == NEEDS_SWAP and is_failure(row))
    failed = Status.FAILED.value
    if left:
        shown[failed] = shown.get(failed, 0) - left
        if shown[failed] <= 0:
            del shown[failed]
        shown[NEEDS_SWAP] = left
    return shown
