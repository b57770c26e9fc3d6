"""`make screenshots`, the undo path (issue 10 §2): the list of earlier runs, the undo dialog before
confirming (its dry-run counts, with one value changed by hand since the run), and the result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.run.journal import FILE_NAME, Journal
from gui.navigation import PageId


def undo_tour(wizard, tenant, out: Path, shot: Callable[[object, Path, str], None],
              wait: Callable[[Callable[[], bool]], None]) -> None:
    """From the Results page of a real run: Undo an earlier run… → choose it → confirm → undone."""
    page = wizard.page_by_id(PageId.RESULTS)
    written = Journal.replay(wizard.session.run_dir / FILE_NAME).written()
    changed = sorted(written)[0]
    tenant.users[changed]["onPremisesImmutableId"] = "SET-BY-HAND"  # so the dialog shows a left-alone user
    runs = page.undo_earlier_run()
    wait(lambda: not runs.is_loading())
    shot(runs, out, "9-undo-run-list")
    runs.select(wizard.session.run_dir)
    runs.undo_button.click()
    dialog = runs.undo_dialog
    wait(lambda: dialog.preparation is not None and not dialog.is_busy())
    dialog.confirm_edit.setText(dialog.conn.tenant)
    shot(dialog, out, "9-undo-confirm")
    dialog.undo_button.click()
    wait(lambda: dialog.outcome is not None and not dialog.is_busy())
    shot(dialog, out, "9-undo-result")
    dialog.accept()
    wait(lambda: not runs.is_loading())
    shot(runs, out, "9-undo-run-list-undone")
    runs.accept()
