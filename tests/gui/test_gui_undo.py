"""The wizard's "Undo this run…" and "Undo an earlier run…" (issue 10 §2) against the sandbox tenant: a dry
run counts first, the typed confirmation guards the writes, and exactly the values the run set that still
hold them are cleared (PATCH body exactly null); a value changed since, and any value from before the run,
is never touched."""

from __future__ import annotations

import csv
import json

from wizard_steps import (
    WAIT_MS,
    fill_connection,
    pass_checks,
    plain_text,
    run_to_results,
    to_preview,
    to_source_with_export,
    wait_idle,
)

from core import paths
from core.cli import main
from core.run.journal import FILE_NAME, Journal
from gui.jobs.undo import CHANGED, WILL_CLEAR
from gui.navigation import PageId

ID = "onPremisesImmutableId"


def _written(run_dir) -> dict:
    return Journal.replay(run_dir / FILE_NAME).written()


def _patches(tenant) -> list[tuple[str, dict]]:
    return [(e["path"].rsplit("/", 1)[1], e["body"]) for e in tenant.audit() if e["method"] == "PATCH"]


def _prepared(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.preparation is not None and not dialog.is_busy(), timeout=WAIT_MS)


def _undo(qtbot, dialog) -> None:
    qtbot.keyClicks(dialog.confirm_edit, dialog.conn.tenant)
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None and not dialog.is_busy(), timeout=WAIT_MS)


def test_undo_this_run_clears_what_it_set_and_leaves_a_changed_value_alone(make_wizard, qtbot, sandbox, tmp_path):
    tenant = sandbox
    had_value = {uid: u[ID] for uid, u in tenant.users.items() if u.get(ID)}
    assert had_value  # the synthetic school has users with a value from before
    wizard = make_wizard()
    fill_connection(wizard, qtbot, tenant.connection_profile())
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    run_to_results(wizard, qtbot)
    run_dir = wizard.session.run_dir
    written = _written(run_dir)
    assert len(written) > 2
    changed = sorted(written)[0]
    tenant.users[changed][ID] = "SET-BY-HAND"  # someone changed it after the run

    page = wizard.page_by_id(PageId.RESULTS)
    assert page.undo_button.isVisible() and page.undo_button.isEnabled()
    page.undo_button.click()
    dialog = page.undo_dialog
    _prepared(qtbot, dialog)
    prep = dialog.preparation
    assert prep.counts[WILL_CLEAR] == len(written) - 1 and prep.counts[CHANGED] == 1
    assert str(len(written) - 1) in plain_text(dialog.counts_label.text())
    assert not dialog.swap_box.isChecked()  # the UPN swap is opt-in
    assert not [p for p in paths.runs_dir().iterdir() if "-undo" in p.name]  # a look writes nothing

    tenant.clear_audit()
    _undo(qtbot, dialog)
    outcome = dialog.outcome
    patches = _patches(tenant)
    assert sorted(uid for uid, _ in patches) == sorted(set(written) - {changed})  # each once
    assert all(body == {ID: None} for _, body in patches)
    assert all(tenant.users[uid][ID] is None for uid in set(written) - {changed})
    assert tenant.users[changed][ID] == "SET-BY-HAND"
    assert {uid: tenant.users[uid][ID] for uid in had_value} == had_value  # never touched
    statuses = {r.object_id: r.status for r in outcome.result.rows}
    assert statuses == {**dict.fromkeys(written, "cleared"), changed: "skipped_changed"}
    shown = plain_text(dialog.result_label.text())
    assert "Cleared" in shown and "Skipped: changed since" in shown  # the translated status names
    assert str(outcome.report_path) in plain_text(dialog.note_label.text())
    summary = json.loads((outcome.run_dir / "summary.json").read_text("utf-8"))
    assert summary["command"] == "undo" and summary["face"] == "wizard"
    assert summary["undo_of"] == str(run_dir)
    assert dialog.folder_button.isEnabled() and dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.export_to(tmp_path / "undo.csv").finished, timeout=WAIT_MS):
        pass
    with (tmp_path / "undo.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert {r["object_id"]: r["status"] for r in csv.DictReader(fh)} == statuses
    dialog.close_button.click()
    assert not page.undo_button.isEnabled()  # undone


def test_a_dry_run_offers_no_undo(make_wizard, qtbot, sandbox, tmp_path):
    tenant = sandbox
    wizard = make_wizard()
    fill_connection(wizard, qtbot, tenant.connection_profile())
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    run_to_results(wizard, qtbot, dry_run=True)
    page = wizard.page_by_id(PageId.RESULTS)
    assert not page.undo_button.isVisible() and page.undo_dialog is None
    page.undo_this_run()  # a script cannot get round the hidden button
    assert page.undo_dialog is None
    # and a dry run's folder handed to the dialog anyway is refused by core.run.undo, with the reason shown
    from gui.dialogs.undo_runs import open_undo_dialog

    dialog = open_undo_dialog(wizard.session, page.this_run(), page)
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.problem_label.isVisible(), timeout=WAIT_MS)
    assert "dry run" in plain_text(dialog.problem_label.text()) and not dialog.undo_button.isEnabled()
    dialog.reject()


def _cli_apply(tenant, tmp_path, name, users) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    export = tmp_path / f"{name}.csv"
    with export.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(["Email", "SkolonId"])
        for user in users:
            out.writerow([user["userPrincipalName"], f"{name}-{user['id'][:8]}"])
    assert main(["apply", "--profile", str(profile), "--source", f"csv:{export}", "--match", "upn",
                 "--key-column", "Email", "--value-column", "SkolonId", "--yes"]) in (0, 1)


def test_undo_an_earlier_run_chosen_from_the_list(make_wizard, qtbot, sandbox, tmp_path, monkeypatch):
    import gui.dialogs.undo

    asked = []
    real_job = gui.dialogs.undo.undo_job
    monkeypatch.setattr(gui.dialogs.undo, "undo_job", lambda *a, **k: asked.append(k) or real_job(*a, **k))
    tenant = sandbox
    empty = [u for u in tenant.users.values() if not u.get(ID) and not u.get("onPremisesSyncEnabled")]
    _cli_apply(tenant, tmp_path, "first", empty[:6])
    _cli_apply(tenant, tmp_path, "second", empty[6:12])
    older, newer = sorted(p for p in paths.runs_dir().iterdir() if "-apply-" in p.name)
    first, second = _written(older), _written(newer)
    assert first and second
    values = {uid: u[ID] for uid, u in tenant.users.items()}

    wizard = make_wizard()
    fill_connection(wizard, qtbot, tenant.connection_profile())
    pass_checks(wizard, qtbot)
    check = wizard.page_by_id(PageId.CHECK)
    assert check.undo_earlier_button.isEnabled()
    check.undo_earlier_button.click()
    runs = check.undo_dialog
    qtbot.waitUntil(lambda: runs.tree.topLevelItemCount() == 2, timeout=WAIT_MS)
    assert [r.path for r in runs.runs] == [newer, older]  # newest first
    assert runs.tree.topLevelItem(1).text(1) == str(len(first))
    assert runs.tree.topLevelItem(1).text(2) == "Command line"
    assert runs.select(older)
    runs.undo_button.click()
    dialog = runs.undo_dialog
    _prepared(qtbot, dialog)
    assert dialog.preparation.counts[WILL_CLEAR] == len(first)

    tenant.clear_audit()
    qtbot.keyClicks(dialog.confirm_edit, "other-school.example")  # not this tenant
    assert not dialog.undo_button.isEnabled()
    dialog.start_undo()  # nor by a shortcut or a script
    assert dialog.outcome is None and dialog.stack.currentIndex() == 0 and _patches(tenant) == []
    dialog.confirm_edit.clear()
    dialog.swap_box.setChecked(True)  # the engine's choice (core.run.undo.UndoSpec.upn_swap); no federated user here
    _undo(qtbot, dialog)
    assert asked == [{"upn_swap": True}]
    assert sorted(uid for uid, _ in _patches(tenant)) == sorted(first)
    for uid, value in values.items():
        assert tenant.users[uid][ID] == (None if uid in first else value)  # the newer run's values stay
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not runs.is_loading() and runs.tree.topLevelItemCount() == 2, timeout=WAIT_MS)
    assert runs.tree.topLevelItem(1).text(3) == "Already undone"
    assert runs.tree.topLevelItem(0).text(3) == "Finished"
    runs.close_button.click()
    wait_idle(wizard, qtbot)


def test_a_stopped_undo_is_continued_and_no_user_is_cleared_twice(make_wizard, qtbot, sandbox, tmp_path):
    tenant = sandbox
    empty = [u for u in tenant.users.values() if not u.get(ID) and not u.get("onPremisesSyncEnabled")]
    _cli_apply(tenant, tmp_path, "run", empty[:30])
    (run_dir,) = [p for p in paths.runs_dir().iterdir() if "-apply-" in p.name]
    written = _written(run_dir)
    assert len(written) > 20  # more than one chunk
    limit, window = tenant.config.write_limit, tenant.config.write_window_s
    tenant.config.write_limit, tenant.config.write_window_s = 4, 2.0  # throttled: time to stop mid-undo
    tenant.clear_audit()

    wizard = make_wizard()
    fill_connection(wizard, qtbot, tenant.connection_profile())
    pass_checks(wizard, qtbot)
    check = wizard.page_by_id(PageId.CHECK)
    check.undo_earlier_button.click()
    runs = check.undo_dialog
    qtbot.waitUntil(lambda: not runs.is_loading() and runs.tree.topLevelItemCount() == 1, timeout=WAIT_MS)
    runs.undo_button.click()
    dialog = runs.undo_dialog
    _prepared(qtbot, dialog)
    qtbot.keyClicks(dialog.confirm_edit, dialog.conn.tenant)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: any(e["method"] == "PATCH" and e["status"] == 204 for e in tenant.audit()),
                    timeout=WAIT_MS)
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None and not dialog.is_busy(), timeout=WAIT_MS)
    first = dialog.outcome
    assert first.cancelled and first.counts.get("not_attempted")
    assert "Undo this run again to finish" in plain_text(dialog.note_label.text())
    cleared_first = {r.object_id for r in first.result.rows if r.status == "cleared"}
    tenant.config.write_limit, tenant.config.write_window_s = limit, window
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not runs.is_loading(), timeout=WAIT_MS)
    assert runs.tree.topLevelItem(0).text(3) == "Undo not finished"

    runs.undo_button.click()
    again = runs.undo_dialog
    _prepared(qtbot, again)
    assert again.preparation.resume == first.run_dir
    assert "continues it" in plain_text(again.counts_label.text())
    _undo(qtbot, again)
    assert again.outcome.resumed and again.outcome.run_dir == first.run_dir  # one undo folder, one report
    assert again.outcome.counts == {"cleared": len(written)}
    clears = [e["path"].rsplit("/", 1)[1] for e in tenant.audit() if e["method"] == "PATCH" and e["status"] == 204]
    assert sorted(clears) == sorted(written)  # each user cleared exactly once, over both undos
    assert cleared_first < set(written)
    again.close_button.click()
    qtbot.waitUntil(lambda: not runs.is_loading(), timeout=WAIT_MS)
    assert runs.tree.topLevelItem(0).text(3) == "Already undone"


def test_closing_the_dialog_during_an_undo_stops_it_cleanly(make_wizard, qtbot, sandbox, tmp_path):
    tenant = sandbox
    empty = [u for u in tenant.users.values() if not u.get(ID) and not u.get("onPremisesSyncEnabled")]
    _cli_apply(tenant, tmp_path, "run", empty[:30])
    tenant.config.write_limit, tenant.config.write_window_s = 4, 2.0
    tenant.clear_audit()
    wizard = make_wizard()
    fill_connection(wizard, qtbot, tenant.connection_profile())
    pass_checks(wizard, qtbot)
    check = wizard.page_by_id(PageId.CHECK)
    check.undo_earlier_button.click()
    runs = check.undo_dialog
    qtbot.waitUntil(lambda: not runs.is_loading() and runs.tree.topLevelItemCount() == 1, timeout=WAIT_MS)
    runs.undo_button.click()
    dialog = runs.undo_dialog
    _prepared(qtbot, dialog)
    qtbot.keyClicks(dialog.confirm_edit, dialog.conn.tenant)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: any(e["method"] == "PATCH" for e in tenant.audit()), timeout=WAIT_MS)
    dialog.reject()  # asks first (answered Yes by the fixture), then stops and waits for the requests sent
    assert not dialog.isVisible() and not dialog.is_busy()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)
    assert dialog.outcome.cancelled
    report = (dialog.outcome.run_dir / "report.csv").read_text("utf-8-sig")
    assert "not_attempted" in report  # the run folder is complete: the next undo continues it
