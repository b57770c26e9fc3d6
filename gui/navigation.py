"""Which page comes next: the wizard's whole flow in one place, with no Qt (tested without widgets).

Pages ask `next_page_id(current, state)` from their `nextId()`; what Next/Back may do on each page and
where "retry the failed ones" returns to live here and nowhere else. QWizard refuses to visit a page twice
going forward, so a retry goes *back* through the history to `RETRY_PAGE` (a fresh confirmation).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

END = -1  # QWizard's "no next page"


class PageId(IntEnum):
    WELCOME = 0
    CONNECTION = 1
    CHECK = 2
    SOURCE = 3
    PREVIEW = 4
    CONFIRM = 5
    RUN = 6
    RESULTS = 7


@dataclass
class FlowState:
    """What the flow needs to know; pages update it, never the order itself."""

    checks_passed: bool = False
    plan_ready: bool = False
    writes_planned: int = 0
    confirmed: bool = False
    dry_run: bool = False
    run_finished: bool = False
    running: bool = False  # a background job on the current page: Next and Back wait for it


_LINEAR = {
    PageId.WELCOME: PageId.CONNECTION,
    PageId.CONNECTION: PageId.CHECK,
    PageId.CHECK: PageId.SOURCE,
    PageId.SOURCE: PageId.PREVIEW,
    PageId.PREVIEW: PageId.CONFIRM,
    PageId.CONFIRM: PageId.RUN,
    PageId.RUN: PageId.RESULTS,
}


def next_page_id(current: PageId, state: FlowState) -> int:
    """The page after `current`, or END. Guards mirror each page's isComplete()."""
    return _LINEAR.get(current, END)


# Every write needs a fresh, deliberate confirmation, so a retry goes back to Confirm, not to Run.
RETRY_PAGE = PageId.CONFIRM


def can_leave(current: PageId, state: FlowState) -> bool:
    """Whether Next may be pressed on `current` (beyond the page's own input validation)."""
    if state.running:
        return False
    if current == PageId.CHECK:
        return state.checks_passed
    if current == PageId.PREVIEW:
        return state.plan_ready
    if current == PageId.CONFIRM:
        return state.confirmed or state.dry_run  # a dry run writes nothing: no typed confirmation
    if current == PageId.RUN:
        return state.run_finished
    return True


def can_go_back(current: PageId, state: FlowState) -> bool:
    """Back is refused while work runs, and after writing: the tenant has changed, the plan is stale."""
    if state.running:
        return False
    if current == PageId.RUN:
        return not state.run_finished
    return current not in (PageId.WELCOME, PageId.RESULTS)
