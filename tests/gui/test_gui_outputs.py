"""The wizard's files go through the output guard (issue 15 §3.3): an export or a calendar reminder
pointed at the run's own files is refused with a plain message, and the run's record stays as it was."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox
from wizard_steps import (
    WAIT_MS,
    fill_connection,
    pass_checks,
    run_to_results,
    to_preview,
    to_source_with_export,
)

from core.run.folders import JOURNAL_FILE, REPORT_FILE
from gui.navigation import PageId


def _answer(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_the_wizards_export_and_reminder_never_replace_a_run_file(make_wizard, qtbot, sandbox, sandbox_profile,
                                                                  tmp_path, memory_keyring, monkeypatch):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, sandbox, tmp_path)
    to_preview(wizard, qtbot)
    run_to_results(wizard, qtbot)
    page = wizard.page_by_id(PageId.RESULTS)
    run_dir = wizard.session.run_dir
    report, journal = run_dir / REPORT_FILE, run_dir / JOURNAL_FILE
    before = {p: p.read_bytes() for p in (report, journal)}

    _answer(monkeypatch, report)  # the admin picks the run's own report.csv in the save dialog
    page.export_button.click()
    qtbot.waitUntil(lambda: not page.is_busy() and page.error_panel.isVisible(), timeout=WAIT_MS)
    assert "cannot be saved there" in page.error_panel.title()
    assert "run folder's own files" in page.error_panel.body()

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text)))
    _answer(monkeypatch, journal)
    wizard.page_by_id(PageId.CONNECTION).appreg._ask_reminder_path()
    assert warned and "run folder's own files" in warned[0]
    assert {p: p.read_bytes() for p in before} == before

    _answer(monkeypatch, tmp_path / "export.csv")  # the source export, chosen in the Source page
    page.export_button.click()
    qtbot.waitUntil(lambda: not page.is_busy() and "export file you chose" in page.error_panel.body(),
                    timeout=WAIT_MS)
    wizard.stop_all_workers()
