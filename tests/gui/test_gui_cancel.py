"""Cancelling a run (the Cancel button, or closing the window) leaves a true report and a consistent tenant."""

from __future__ import annotations

import csv

from wizard_steps import (
    WAIT_MS,
    confirm,
    fill_connection,
    pass_checks,
    to_preview,
    to_source_with_export,
    wait_idle,
)

from core.sandbox import SandboxConfig
from gui.navigation import PageId


def _slow_tenant(sandbox_factory):
    # A tiny write quota: the run is throttled after a few writes, so there is time to cancel mid-run.
    return sandbox_factory(config=SandboxConfig(write_limit=4, write_window_s=2.0))


def _start_run(make_wizard, qtbot, tenant, tmp_path):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, tenant.connection_profile())
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    confirm(wizard, qtbot)
    wizard.next()
    run = wizard.page_by_id(PageId.RUN)
    qtbot.waitUntil(lambda: any(e["method"] == "PATCH" for e in tenant.audit()), timeout=WAIT_MS)
    return wizard, run


def _assert_true_report(wizard, tenant) -> list[dict]:
    with open(wizard.session.report_path, encoding="utf-8-sig", newline="") as handle:
        report = list(csv.DictReader(handle))
    statuses = {r["status"] for r in report}
    assert "not_attempted" in statuses and "will_set" not in statuses
    for row in report:
        live = tenant.users[row["object_id"]].get("onPremisesImmutableId")
        if row["status"] == "set":
            assert live == row["new_immutable_id"]
        elif row["status"] == "not_attempted":
            assert not live  # the report says not attempted: the tenant agrees
    return report


def test_cancel_mid_run_leaves_not_attempted_rows(make_wizard, qtbot, sandbox_factory, tmp_path, memory_keyring):
    tenant = _slow_tenant(sandbox_factory)
    wizard, run = _start_run(make_wizard, qtbot, tenant, tmp_path)
    assert not wizard.button(wizard.WizardButton.BackButton).isEnabled()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    # The tiny quota makes Microsoft (the sandbox) throttle: shown as a pause, not as a hang.
    qtbot.waitUntil(lambda: bool(run.throttle_notices), timeout=WAIT_MS)
    assert "Paused by Microsoft's throttling for" in run.throttle_notices[0]
    run.cancel_button.click()  # asks first (answered Yes by the fixture)
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    assert "Cancelled" in run.status.text()
    _assert_true_report(wizard, tenant)
    wizard.next()
    results = wizard.page_by_id(PageId.RESULTS)
    assert results.retry_button.isEnabled()
    assert results.table.model.rowCount() > 0


def test_closing_the_window_during_a_run_cancels_cleanly(make_wizard, qtbot, sandbox_factory, tmp_path,
                                                         memory_keyring):
    tenant = _slow_tenant(sandbox_factory)
    wizard, run = _start_run(make_wizard, qtbot, tenant, tmp_path)
    assert wizard.close()  # asks (Yes), cancels, waits for in-flight requests, and really closes
    assert not wizard.isVisible()
    assert not run.is_busy()
    qtbot.waitUntil(lambda: wizard.session.report_path is not None, timeout=WAIT_MS)
    _assert_true_report(wizard, tenant)


def test_idle_window_closes_at_once(make_wizard, qtbot):
    wizard = make_wizard()
    wizard.reject()  # Esc / Cancel button
    assert not wizard.isVisible()
