"""The Results page (issue 16 minors): "All" shows every user the counts cover, those that need attention
first; the run's folder is shown with Copy (a desktop without a file manager opens nothing); exports and
calendar reminders start in the user's Documents, never in a run's folder or the current directory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog
from wizard_steps import fill_connection, pass_checks, run_to_results, to_preview, to_source_with_export

from core.planning import statuses as lifecycle
from gui.navigation import PageId


def _results(make_wizard, qtbot, sandbox, profile, tmp_path):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, profile)
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, sandbox, tmp_path)
    to_preview(wizard, qtbot)
    run_to_results(wizard, qtbot)
    return wizard, wizard.page_by_id(PageId.RESULTS)


def test_all_shows_every_user_the_counts_cover_and_attention_comes_first(make_wizard, qtbot, sandbox,
                                                                          sandbox_profile, tmp_path,
                                                                          memory_keyring):
    wizard, page = _results(make_wizard, qtbot, sandbox, sandbox_profile, tmp_path)
    rows = wizard.session.result.rows
    counts = lifecycle.count_statuses(rows)
    attention = lifecycle.needs_attention(rows)
    table = page.table
    assert attention and table.proxy.rowCount() == len(attention)  # the admins Microsoft refused, first
    assert table.status_combo.currentText().startswith("Needs attention")
    table.show_status(None)  # "All": every user the counts above cover
    assert table.status_combo.currentText() == f"All ({sum(counts.values())})"
    assert table.proxy.rowCount() == table.model.rowCount() == sum(counts.values()) == len(sandbox.users)
    shown = {table.proxy.index(r, 4).data() for r in range(table.proxy.rowCount())}
    assert "Set" in shown and "Failed" in shown


def test_the_run_folder_is_shown_with_copy_when_no_file_manager_opens_it(make_wizard, qtbot, sandbox,
                                                                          sandbox_profile, tmp_path,
                                                                          memory_keyring, monkeypatch):
    wizard, page = _results(make_wizard, qtbot, sandbox, sandbox_profile, tmp_path)
    run_dir = wizard.session.run_dir
    assert page.folder_line.isVisible() and page.folder_line.path_label.text() == str(run_dir)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    page.folder_button.click()
    assert opened and "No file manager opened the folder" in page.note.text()
    page.folder_line.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(run_dir)


def _asked_paths(monkeypatch) -> list[str]:
    asked: list[str] = []

    def fake_dialog(parent, title, start, *filters, **kwargs):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    return asked


def test_save_dialogs_start_in_documents_never_the_run_folder_or_the_current_one(
        make_wizard, qtbot, sandbox, sandbox_profile, tmp_path, memory_keyring, monkeypatch):
    home = tmp_path / "user"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert documents == home / "Documents"
    (tmp_path / "work").mkdir()
    wizard, page = _results(make_wizard, qtbot, sandbox, sandbox_profile, tmp_path / "work")
    asked = _asked_paths(monkeypatch)
    page.export_button.click()
    wizard.page_by_id(PageId.PREVIEW).export()
    connection = wizard.page_by_id(PageId.CONNECTION)
    connection.appreg._ask_reminder_path()
    connection.appreg.make_dialog(renew=False)._ask_reminder_path()
    assert len(asked) == 4, asked
    run_dir = wizard.session.run_dir
    for start in map(Path, asked):
        assert start.parent == documents, start
        assert run_dir not in start.parents and start.parent != Path.cwd()
    assert Path(asked[0]).name == f"{run_dir.name}-report.csv" and Path(asked[3]).name == "renew-secret.ics"
