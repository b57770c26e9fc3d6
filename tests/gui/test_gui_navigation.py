"""The wizard's flow without any widget (like Electrum's tests/test_wizard.py)."""

from __future__ import annotations

from gui.navigation import END, RETRY_PAGE, FlowState, PageId, can_go_back, can_leave, next_page_id


def test_pages_follow_in_order():
    state = FlowState()
    order, page = [PageId.WELCOME], PageId.WELCOME
    while (nxt := next_page_id(page, state)) != END:
        order.append(PageId(nxt))
        page = PageId(nxt)
    assert order == list(PageId)


def test_check_page_needs_passed_checks():
    state = FlowState()
    assert not can_leave(PageId.CHECK, state)
    state.checks_passed = True
    assert can_leave(PageId.CHECK, state)


def test_preview_needs_a_plan_and_confirm_needs_confirmation_or_dry_run():
    state = FlowState()
    assert not can_leave(PageId.PREVIEW, state)
    state.plan_ready = True
    assert can_leave(PageId.PREVIEW, state)
    assert not can_leave(PageId.CONFIRM, state)
    state.dry_run = True
    assert can_leave(PageId.CONFIRM, state)
    state.dry_run, state.confirmed = False, True
    assert can_leave(PageId.CONFIRM, state)


def test_running_job_locks_next_and_back():
    state = FlowState(checks_passed=True, running=True)
    assert not can_leave(PageId.CHECK, state)
    assert not can_go_back(PageId.CHECK, state)
    state.running = False
    assert can_leave(PageId.CHECK, state) and can_go_back(PageId.CHECK, state)


def test_no_way_back_after_writing_and_results_is_last():
    state = FlowState(run_finished=True)
    assert not can_go_back(PageId.RUN, state)
    assert not can_go_back(PageId.RESULTS, state)
    assert next_page_id(PageId.RESULTS, state) == END
    assert can_go_back(PageId.RUN, FlowState())
    assert not can_leave(PageId.RUN, FlowState())


def test_retry_returns_to_a_fresh_confirmation():
    assert RETRY_PAGE == PageId.CONFIRM
