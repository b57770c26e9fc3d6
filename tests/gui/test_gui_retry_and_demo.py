"""Retry the failed ones (back through a fresh confirmation), and the `gui --sandbox` demo's pre-fill."""

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

from gui.app import start_sandbox
from gui.cli import build_parser
from gui.navigation import PageId
from gui.session import WizardSession


def _run_to_results(wizard, qtbot):
    confirm(wizard, qtbot)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.RESULTS


def test_retry_the_failed_ones_goes_through_a_new_confirmation(make_wizard, qtbot, sandbox, sandbox_profile,
                                                               tmp_path, memory_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, sandbox, tmp_path)
    to_preview(wizard, qtbot)
    _run_to_results(wizard, qtbot)
    with open(wizard.session.report_path, encoding="utf-8-sig", newline="") as handle:
        failed = {r["object_id"] for r in csv.DictReader(handle) if r["status"] == "failed"}
    assert failed  # the synthetic school has admins: Microsoft refuses those (403)
    results = wizard.page_by_id(PageId.RESULTS)
    assert results.table.proxy.rowCount() == len(failed)  # shown first: "Needs attention"
    assert results.table.model.rowCount() == len(sandbox.users)  # and every user behind "All"
    audit_before = len(sandbox.audit())

    results.retry_button.click()
    assert wizard.currentId() == PageId.CONFIRM
    wait_idle(wizard, qtbot)
    plan = wizard.session.plan
    assert {r.object_id for r in plan.rows} == failed  # re-read from the tenant, limited to the failed
    page = wizard.page_by_id(PageId.CONFIRM)
    assert not page.isComplete()  # a fresh confirmation is needed
    qtbot.keyClicks(page.confirm_edit, page.expected_confirmation())
    wizard.next()
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    retried = {e["path"].rsplit("/", 1)[1] for e in sandbox.audit()[audit_before:] if e["method"] == "PATCH"}
    assert retried == failed


def test_gui_command_is_registered_and_sandbox_prefills_the_connection(make_wizard, qtbot, memory_keyring):
    args = build_parser().parse_args(["gui", "--sandbox"])
    assert args.sandbox is True and callable(args.func)
    session = WizardSession()
    tenant = start_sandbox(session, users=40)
    try:
        wizard = make_wizard(session)
        wizard.next()
        page = wizard.page_by_id(PageId.CONNECTION)
        assert page.tenant_edit.text() == tenant.tenant_id
        assert page.secret_edit.text() and page.ca_edit.text() == tenant.ca_bundle
        assert page.isComplete()
        pass_checks(wizard, qtbot)
        # The demo's throwaway secret is not saved anywhere.
        assert memory_keyring.store == {}
    finally:
        wizard.stop_all_workers()
        tenant.stop()
