"""One undo story in the wizard (issue 16, major 3), in the demo tenant with its federated domain: the counts
follow the UPN swap box; an undo without the swap that leaves federated users is a partial undo — the dialog
and the Results page offer "Finish the undo" (swap ticked), the run list says "Partly undone", and finishing
it never calls the users the first undo cleared "changed since". The Results page then points at the
latest report, the undo's. Opening the dialog writes nothing; the help counts the writes as the sandbox's
audit log shows them."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from wizard_steps import WAIT_MS, pass_checks, plain_text, to_preview, to_source_with_export, wait_idle

from core import paths
from gui.app import start_sandbox
from gui.navigation import PageId
from gui.session import WizardSession

ID = "onPremisesImmutableId"


@pytest.fixture
def demo(make_wizard, qtbot, memory_keyring):
    session = WizardSession()
    tenant = start_sandbox(session, users=40)
    wizard = make_wizard(session)
    try:
        wizard.next()
        pass_checks(wizard, qtbot)
        yield wizard, tenant
    finally:
        wizard.stop_all_workers()
        tenant.stop()


def _run_with_swap(wizard, qtbot, tenant, tmp_path) -> tuple[set[str], set[str]]:
    """Set every settable user, the federated ones with the UPN swap; (all set, set with the swap)."""
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    wizard.next()
    page = wizard.page_by_id(PageId.CONFIRM)
    page.swap_choice.box.click()
    qtbot.keyClicks(page.confirm_edit, page.expected_confirmation())
    wizard.next()
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.RESULTS
    rows = wizard.session.result.rows
    done = {r.object_id for r in rows if r.status == "set"}
    swapped = {r.object_id for r in rows if r.status == "set" and r.reason == "set_with_swap"}
    assert swapped and done - swapped
    return done, swapped


def _writes(tenant) -> Counter:
    return Counter(e["path"].rsplit("/", 1)[1] for e in tenant.audit() if e["method"] == "PATCH")


def _undo(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.preparation is not None and not dialog.is_busy(), timeout=WAIT_MS)
    qtbot.keyClicks(dialog.confirm_edit, dialog.conn.tenant)
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None and not dialog.is_busy(), timeout=WAIT_MS)


def test_a_partial_undo_offers_finish_the_undo_and_finishing_it_clears_the_rest(demo, qtbot, tmp_path):
    wizard, tenant = demo
    done, swapped = _run_with_swap(wizard, qtbot, tenant, tmp_path)
    direct = done - swapped
    page = wizard.page_by_id(PageId.RESULTS)
    runs_before = set(paths.runs_dir().iterdir())

    page.undo_button.click()
    dialog = page.undo_dialog
    qtbot.waitUntil(lambda: dialog.preparation is not None and not dialog.is_busy(), timeout=WAIT_MS)
    assert set(paths.runs_dir().iterdir()) == runs_before  # a look writes nothing: no undo-dry-run folder
    assert dialog.swap_box.isVisible() and not dialog.swap_box.isChecked()
    help_text = plain_text(dialog.swap_note.text())
    assert "two writes each" in help_text and "one write each" in help_text
    counts = plain_text(dialog.counts_label.text())
    assert f"Will be cleared: {len(direct)}" in counts  # the counts follow the box
    dialog.swap_box.click()
    assert f"Will be cleared: {len(done)}" in plain_text(dialog.counts_label.text())
    dialog.swap_box.click()
    assert f"Will be cleared: {len(direct)}" in plain_text(dialog.counts_label.text())

    tenant.clear_audit()
    _undo(qtbot, dialog)  # without the swap
    first = dialog.outcome
    assert first.counts == {"cleared": len(direct), "failed": len(swapped)}
    writes = _writes(tenant)
    assert set(writes) == direct and set(writes.values()) == {1}  # one write per user; none to the federated
    assert all(tenant.users[uid][ID] for uid in swapped)
    status = plain_text(dialog.status_label.text())
    assert f"Undo partly done: {len(swapped)} users" in status
    shown = plain_text(dialog.result_label.text())  # what they are, not failures (nothing was sent for them)
    assert "Failed" not in shown and f"Left: needs the UPN swap {len(swapped)}" in shown, shown
    notes = plain_text(dialog.note_label.text())
    assert "--" not in notes and "--" not in status  # no command-line flag inside the wizard
    assert dialog.finish_button.isVisible() and dialog.finish_button.isEnabled()
    with first.report_path.open(encoding="utf-8-sig", newline="") as fh:
        details = {r["detail"] for r in csv.DictReader(fh) if r["status"] == "failed"}
    assert len(details) == 1 and "--" not in next(iter(details))
    assert next(iter(details)).count("federated") == 1  # said once
    dialog.close_button.click()

    # the Results page: Finish the undo… (never greyed out), pointing at the undo's report and folder
    assert page.undo_button.isEnabled() and page.undo_button.text().replace("&", "") == "Finish the undo…"
    assert page.folder_line.path == str(first.run_dir)
    assert first.report_path.name in plain_text(page.note.text()) and "partly undone" in page.note.text()

    # the run list says Partly undone
    page.undo_earlier_button.click()
    runs = page.undo_dialog
    qtbot.waitUntil(lambda: not runs.is_loading() and runs.tree.topLevelItemCount() >= 1, timeout=WAIT_MS)
    assert runs.select(wizard.session.run_dir)
    assert runs.tree.currentItem().text(3) == "Partly undone"
    runs.close_button.click()

    # Finish the undo from the Results page: the box is ticked, only the federated users are left
    page.undo_button.click()
    again = page.undo_dialog
    qtbot.waitUntil(lambda: again.preparation is not None and not again.is_busy(), timeout=WAIT_MS)
    assert again.swap_box.isChecked() and again.undo_button.text().replace("&", "") == "Finish the undo"
    assert f"Will be cleared: {len(swapped)}" in plain_text(again.counts_label.text())
    tenant.clear_audit()
    _undo(qtbot, again)
    second = again.outcome
    statuses = Counter(r.status.value if hasattr(r.status, "value") else r.status for r in second.result.rows)
    assert statuses["cleared"] == len(done) and "skipped_changed" not in statuses
    assert "Skipped: changed since" not in plain_text(again.result_label.text())
    assert all(tenant.users[uid][ID] is None for uid in done)
    writes = _writes(tenant)
    assert set(writes) == swapped
    # the truth the help tells: two writes per user with the swap (the UPN away; the UPN back with the value
    # cleared), one without
    assert set(writes.values()) == {2}, writes
    assert not again.finish_button.isVisible()
    again.close_button.click()
    assert not page.undo_button.isEnabled()  # undone whole
    assert page.folder_line.path == str(second.run_dir)
    assert second.report_path.name in plain_text(page.note.text())


def test_finish_the_undo_in_the_dialog_itself(demo, qtbot, tmp_path):
    wizard, tenant = demo
    done, swapped = _run_with_swap(wizard, qtbot, tenant, tmp_path)
    page = wizard.page_by_id(PageId.RESULTS)
    page.undo_button.click()
    dialog = page.undo_dialog
    _undo(qtbot, dialog)
    assert dialog.finish_button.isVisible()
    dialog.finish_button.click()
    assert dialog.stack.currentIndex() == 0 and dialog.swap_box.isChecked()
    _undo(qtbot, dialog)
    assert dialog.outcome.counts.get("cleared") == len(done) and "failed" not in dialog.outcome.counts
    assert all(tenant.users[uid][ID] is None for uid in done)
    dialog.close_button.click()
    assert not page.undo_button.isEnabled()
