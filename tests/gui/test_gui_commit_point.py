"""One commit point (issue 16 minors): the Confirm page's own button starts writing, and it stays where it
is — with the dry run and the typed confirmation — whatever the page shows above it (the UPN swap ticked,
warnings longer or shorter); the Run page has no second Start button and begins on its own."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QPushButton, QWizard
from wizard_steps import WAIT_MS, pass_checks, to_preview, to_source_with_export, wait_idle

from gui.app import start_sandbox
from gui.navigation import PageId
from gui.session import WizardSession


def _demo_confirm(make_wizard, qtbot, tmp_path):
    session = WizardSession()
    tenant = start_sandbox(session, users=40)
    wizard = make_wizard(session)
    wizard.next()
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    return wizard, wizard.page_by_id(PageId.CONFIRM), session


def _where(widget, wizard) -> QPoint:
    return widget.mapTo(wizard, QPoint(0, 0))


def test_the_confirm_button_starts_the_run_and_nothing_moves_under_the_pointer(make_wizard, qtbot, tmp_path):
    wizard, page, session = _demo_confirm(make_wizard, qtbot, tmp_path)
    try:
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert next_button.text().replace("&", "") == "Start writing" and not next_button.isEnabled()
        page.dry_run_box.setChecked(True)
        assert next_button.text().replace("&", "") == "Start the dry run"
        page.dry_run_box.setChecked(False)
        places = (_where(page.confirm_edit, wizard), _where(next_button, wizard), _where(page.dry_run_box, wizard))
        page.swap_choice.box.click()  # the page above re-flows: the summary, the warnings, the totals
        qtbot.wait(50)
        assert page.totals.text() and page.swap_choice.box.isChecked()
        page.warnings.setText("<p>⚠ a much longer warning</p>" * 6)  # more text above, as another plan has
        qtbot.wait(50)
        assert (_where(page.confirm_edit, wizard), _where(next_button, wizard),
                _where(page.dry_run_box, wizard)) == places
        wizard.resize(QSize(640, 480))  # a small window scrolls the text, never the confirmation
        qtbot.wait(50)
        assert not page.confirm_edit.visibleRegion().isEmpty()
        assert not page._scroll.isAncestorOf(page.confirm_edit)

        qtbot.keyClicks(page.confirm_edit, page.expected_confirmation())
        assert next_button.isEnabled()
        wizard.next()  # the one commit point: no second button on the Run page
        assert wizard.currentId() == PageId.RUN
        run = wizard.page_by_id(PageId.RUN)
        starts = [b for b in run.findChildren(QPushButton) if "start" in b.text().replace("&", "").lower()]
        assert starts == []
        qtbot.waitUntil(lambda: session.flow.run_finished, timeout=WAIT_MS)
        wait_idle(wizard, qtbot)
        assert session.result is not None and session.result.writes_sent > 0
    finally:
        wizard.stop_all_workers()
        session.demo.stop()
