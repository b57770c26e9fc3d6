"""`make screenshots`, the undo path (issue 10 §2): the list of earlier runs, the undo dialog before
confirming (its dry-run counts, with one value changed by hand since the run), and the result."""

from __future__ import annotations

import csv
import json
import shutil
import sys
import tempfile
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


def partial_undo_tour(wizard, tenant, out: Path, shot: Callable[[object, Path, str], None],
                      wait: Callable[[Callable[[], bool]], None]) -> None:
    """A run that set users in the federated domain with the UPN swap (made with the command line, as a
    colleague might have), undone without the swap: the partial undo offers "Finish the undo", and the
    run list says "Partly undone"."""
    report = wizard.session.check_report
    federated = {name.lower() for name, kind in (getattr(report, "domains", None) or []) if kind == "Federated"}
    run_dir = _apply_with_swap(tenant, federated, Path(tempfile.mkdtemp(prefix="immutableid-screens-src-")))
    if run_dir is None:
        print("no federated user to set with the UPN swap: no partial undo screenshot", file=sys.stderr)
        return
    page = wizard.page_by_id(PageId.RESULTS)
    runs = page.undo_earlier_run()
    wait(lambda: not runs.is_loading())
    runs.select(run_dir)
    runs.undo_button.click()
    dialog = runs.undo_dialog
    wait(lambda: dialog.preparation is not None and not dialog.is_busy())
    dialog.confirm_edit.setText(dialog.conn.tenant)
    dialog.undo_button.click()  # without the UPN swap
    wait(lambda: dialog.outcome is not None and not dialog.is_busy())
    shot(dialog, out, "9-undo-partial-finish")
    dialog.accept()
    wait(lambda: not runs.is_loading())
    runs.select(run_dir)
    shot(runs, out, "9-undo-run-list-partly-undone")
    runs.accept()


def _apply_with_swap(tenant, federated: set[str], folder: Path) -> Path | None:
    """`immutableid-sync apply --federated-upn-swap` for the federated users without a value and a few
    others; the run's folder (None when the school has no such user)."""
    from core import paths
    from core.cli import main
    from core.tenant.directory import upn_domain

    try:
        users = [u for u in tenant.users.values() if not u.get("onPremisesImmutableId")
                 and not u.get("onPremisesSyncEnabled") and not u.get("privilegedRole")]
        fed = [u for u in users if upn_domain(u["userPrincipalName"]) in federated]
        if not fed:
            return None
        plain = [u for u in users if u not in fed][:5]
        profile = folder / "profile.json"
        profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
        export = folder / "export.csv"
        with export.open("w", encoding="utf-8-sig", newline="") as fh:
            rows = csv.writer(fh, delimiter=";")
            rows.writerow(["Email", "SkolonId"])
            for user in fed + plain:
                rows.writerow([user["userPrincipalName"], "colleague-" + user["id"][:8]])
        before = set(paths.runs_dir().iterdir()) if paths.runs_dir().exists() else set()
        main(["apply", "--profile", str(profile), "--source", f"csv:{export}", "--match", "upn",
              "--key-column", "Email", "--value-column", "SkolonId", "--federated-upn-swap", "--yes"])
        made = [p for p in paths.runs_dir().iterdir() if p not in before and "-apply-" in p.name]
        return made[0] if made else None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
