"""A wizard run folder and a command-line run folder hold the same files, with the same summary keys:
both faces go through core/run/lifecycle.py."""

from __future__ import annotations

import csv
import json

from wizard_steps import WAIT_MS, choose_csv, confirm, fill_connection, pass_checks, to_preview, wait_idle

from core import paths
from core.cli import main
from core.planning.preflight import PlanWarning
from gui import texts
from gui.navigation import PageId


def _export(path, tenant):
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(["Email", "Name", "SkolonId"])
        for user in tenant.users.values():
            if not user.get("onPremisesImmutableId"):
                out.writerow([user["userPrincipalName"], user["displayName"], "sk-" + user["id"][:8]])
        out.writerow(["left.school@nordskolan.example", "Left", "sk-gone"])  # matches nobody
    return path


def _folder(run_dir):
    summary = json.loads((run_dir / "summary.json").read_text("utf-8"))
    return {p.name for p in run_dir.iterdir()}, set(summary), summary


def test_wizard_and_cli_run_folders_hold_the_same_files(make_wizard, qtbot, sandbox_factory, tmp_path,
                                                        memory_keyring):
    cli_tenant, gui_tenant = sandbox_factory(users=40), sandbox_factory(users=40)
    profile_file = tmp_path / "cli.json"
    profile_file.write_text(json.dumps(cli_tenant.connection_profile()), encoding="utf-8")
    export = _export(tmp_path / "cli-export.csv", cli_tenant)
    main(["apply", "--profile", str(profile_file), "--source", f"csv:{export}", "--match", "upn",
          "--key-column", "Email", "--value-column", "SkolonId", "--yes"])
    (cli_run,) = list(paths.runs_dir().glob("*-apply-*"))

    wizard = make_wizard()
    fill_connection(wizard, qtbot, gui_tenant.connection_profile())
    pass_checks(wizard, qtbot)
    wizard.next()
    wait_idle(wizard, qtbot)
    choose_csv(wizard, qtbot, _export(tmp_path / "gui-export.csv", gui_tenant))
    to_preview(wizard, qtbot)
    preview = wizard.page_by_id(PageId.PREVIEW)
    assert "Rows of the export that matched no user: 1." in preview.warnings.text()  # shown before writing
    confirm(wizard, qtbot)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    gui_run = wizard.session.run_dir

    cli_files, cli_keys, cli_summary = _folder(cli_run)
    gui_files, gui_keys, gui_summary = _folder(gui_run)
    # one prepare step (core/run/prepare.py): the same warnings for the same tenant and source, and the wizard
    # showed every one of them before writing, in its own words
    assert cli_summary["warnings"] == gui_summary["warnings"] and cli_summary["warnings"]
    shown = preview.warnings.text()
    for warning in gui_summary["warnings"]:
        if warning["code"] != "unfinished_run":
            assert texts.plan_warning_text(PlanWarning(warning["code"], warning["args"])) in shown, warning
    assert cli_files == gui_files == {"journal.jsonl", "report.csv", "unmatched_rows.csv", "summary.json"}
    assert cli_keys == gui_keys
    assert (cli_summary["face"], gui_summary["face"]) == ("cli", "wizard")
    assert cli_summary["counts"] == gui_summary["counts"] and gui_summary["unmatched_rows"] == 1
    unmatched = (gui_run / "unmatched_rows.csv").read_text("utf-8-sig")
    assert "left.school@nordskolan.example" in unmatched
    wizard.next()
    assert "matched no user" in wizard.page_by_id(PageId.RESULTS).note.text()
