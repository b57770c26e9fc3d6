"""Walk the whole wizard against the sandbox tenant, as an admin would, and check what really happened."""

from __future__ import annotations

import csv

from wizard_steps import (
    WAIT_MS,
    choose_csv,
    confirm,
    fill_connection,
    pass_checks,
    to_preview,
    wait_idle,
    write_source_csv,
)

from gui.navigation import PageId


def _report_rows(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_full_walk_writes_the_planned_values(make_wizard, qtbot, sandbox, sandbox_profile, tmp_path,
                                             memory_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    connection_page = wizard.page_by_id(PageId.CONNECTION)
    assert connection_page.isComplete()
    pass_checks(wizard, qtbot)
    # The secret went to the (in-memory) keyring, not to the profile file.
    assert sandbox_profile["client_secret"] in memory_keyring.store.values()
    profiles_text = (wizard.profiles.path).read_text(encoding="utf-8")
    assert sandbox_profile["client_secret"] not in profiles_text

    wizard.next()
    assert wizard.currentId() == PageId.SOURCE
    wait_idle(wizard, qtbot)
    users = [u for u in sandbox.users.values() if not u.get("onPremisesImmutableId")]
    source = write_source_csv(tmp_path / "export.csv", users)
    choose_csv(wizard, qtbot, source)
    page = wizard.page_by_id(PageId.SOURCE)
    assert page.sample_model.rowCount() > 0  # the live sample shows computed values
    sample = [[page.sample_model.index(r, c).data() for c in range(4)]
              for r in range(page.sample_model.rowCount())]
    by_upn = {row[0]: row for row in sample}
    assert any(row[3].startswith("Guest: ") for row in sample)  # the synthetic school's first guest is in it
    for upn, row in by_upn.items():
        user = next(u for u in sandbox.users.values() if u["userPrincipalName"] == upn)
        if user["userType"] == "Guest":  # nothing to write: no sentence in the value column, the why by the status
            assert row[2] == "—" and row[3].startswith("Guest: ")
        elif row[3] == "Will be set":
            assert row[2] == row[1]  # the CSV's value, transform "none"
    assert page.isComplete()

    to_preview(wizard, qtbot)
    plan = wizard.session.plan
    will_set = {r.object_id: r.new_immutable_id for r in plan.rows if r.status.value == "will_set"}
    assert will_set
    preview = wizard.page_by_id(PageId.PREVIEW)
    assert preview.table.model.rowCount() == len(sandbox.users)
    with qtbot.waitSignal(preview.export_to(str(tmp_path / "preview.csv")).done, timeout=WAIT_MS):
        pass
    assert "preview.csv" in preview.export_note.text()  # said where it went
    preview_rows = _report_rows(tmp_path / "preview.csv")
    assert len(preview_rows) == len(plan.rows)
    assert sum(r["status"] == "will_set" for r in preview_rows) == len(will_set)
    assert not [e for e in sandbox.audit() if e["method"] == "PATCH"]  # nothing written yet

    confirm(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.RUN
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.RESULTS

    # The tenant's final state, from the sandbox's audit log and its live users.
    patched = {e["path"].rsplit("/", 1)[1]: e["body"]["onPremisesImmutableId"]
               for e in sandbox.audit() if e["method"] == "PATCH" and e["status"] == 204}
    report = _report_rows(wizard.session.report_path)
    set_rows = {r["object_id"]: r["new_immutable_id"] for r in report if r["status"] == "set"}
    assert set_rows and patched == set_rows
    for object_id, value in set_rows.items():
        assert sandbox.users[object_id]["onPremisesImmutableId"] == value
        assert will_set[object_id] == value
    failed = [r for r in report if r["status"] == "failed"]
    assert all(r["detail"] for r in failed)  # admins: refused, with the reason
    assert not [r for r in report if r["status"] in ("will_set", "not_attempted")]

    results = wizard.page_by_id(PageId.RESULTS)
    with qtbot.waitSignal(results.export_to(str(tmp_path / "final.csv")).done, timeout=WAIT_MS):
        pass
    assert _report_rows(tmp_path / "final.csv") == report
    assert "Set" in results.counts_label.text()
    assert wizard.button(wizard.WizardButton.BackButton).isEnabled() is False
