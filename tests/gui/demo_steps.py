"""The demo walked as a newcomer walks it (gui/demo.py), used by the demo's GUI tests and by the process the
resume test kills. `bot` is pytest-qt's qtbot or wizard_victim.EventLoopBot."""

from __future__ import annotations

from wizard_steps import WAIT_MS, wait_idle

from gui.navigation import PageId
from gui.wizard import SyncWizard


def demo_to_check(wizard: SyncWizard, bot) -> None:
    """Welcome -> Connection (filled in by the demo) -> Check, its checks (and the unfinished-run lookup) done."""
    assert wizard.currentId() == PageId.WELCOME
    wizard.next()
    wait_idle(wizard, bot)
    wizard.next()  # the demo's connection as it was filled in
    bot.waitUntil(lambda: wizard.currentId() == PageId.CHECK, timeout=WAIT_MS)
    wait_idle(wizard, bot)
    assert wizard.session.check_report.passed


def demo_to_confirm(wizard: SyncWizard, bot) -> None:
    """Welcome -> Connection -> Check -> Source (the demo school's export) -> Preview -> Confirm."""
    demo_to_check(wizard, bot)
    check_to_confirm(wizard, bot)


def check_to_confirm(wizard: SyncWizard, bot) -> None:
    """Check -> Source (the demo school's export, or the continued run's own) -> Preview -> Confirm."""
    wizard.next()
    wait_idle(wizard, bot)
    source = wizard.page_by_id(PageId.SOURCE)
    if wizard.session.resume is None:
        source.demo_button.click()
    bot.waitUntil(lambda: wizard.session.csv_table is not None and source.isComplete(), timeout=WAIT_MS)
    wait_idle(wizard, bot)
    wizard.next()
    bot.waitUntil(lambda: wizard.session.flow.plan_ready, timeout=WAIT_MS)
    wait_idle(wizard, bot)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM


def confirm_and_start(wizard: SyncWizard, bot, swap: bool = True) -> None:
    """Tick the UPN swap (when offered), type the confirmation and press Start writing."""
    page = wizard.page_by_id(PageId.CONFIRM)
    if swap and page.swap_choice.isVisibleTo(wizard):
        page.swap_choice.box.setChecked(True)
    bot.keyClicks(page.confirm_edit, page.expected_confirmation())
    assert page.isComplete()
    wizard.next()
    assert wizard.currentId() == PageId.RUN
