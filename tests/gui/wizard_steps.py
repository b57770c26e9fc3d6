"""Steps of a walk through the wizard, as a user takes them (used by the GUI tests)."""

from __future__ import annotations

import csv
from pathlib import Path

from gui.navigation import PageId
from gui.wizard import SyncWizard

WAIT_MS = 60000  # generous: the CI machine is shared; waits end as soon as the condition holds


def fill_connection(wizard: SyncWizard, qtbot, profile: dict, secret: str | None = None) -> None:
    """Go to the Connection page and type the connection as a user would."""
    if wizard.currentId() == PageId.WELCOME:
        wizard.next()
    page = wizard.page_by_id(PageId.CONNECTION)
    assert wizard.currentId() == PageId.CONNECTION
    qtbot.keyClicks(page.tenant_edit, profile["tenant_id"])
    qtbot.keyClicks(page.client_edit, profile["client_id"])
    qtbot.keyClicks(page.secret_edit, secret if secret is not None else profile["client_secret"])
    page.advanced.setChecked(True)
    page.login_edit.setText(profile["login_url"])
    page.graph_edit.setText(profile["graph_url"])
    page.ca_edit.setText(profile["ca_bundle"])


def wait_idle(wizard: SyncWizard, qtbot) -> None:
    qtbot.waitUntil(lambda: not wizard.session.flow.running and wizard.busy_page() is None, timeout=WAIT_MS)


def leave_connection(wizard: SyncWizard, qtbot) -> None:
    """Next on the Connection page. With a keychain it first saves (or removes) the secret on a worker
    and then goes on by itself: wait for that."""
    assert wizard.currentId() == PageId.CONNECTION
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != PageId.CONNECTION, timeout=WAIT_MS)


def pass_checks(wizard: SyncWizard, qtbot) -> None:
    leave_connection(wizard, qtbot)
    assert wizard.currentId() == PageId.CHECK
    wait_idle(wizard, qtbot)
    assert wizard.session.check_report is not None and wizard.session.check_report.passed


def write_source_csv(path: Path, users: list[dict], value=lambda u: "skolon-" + u["id"][:8]) -> Path:
    """An IdP export: one row per person, UPN as key, a unique id as value (Excel-style ';')."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["Email", "Name", "SkolonId"])
        for user in users:
            out.writerow([user["userPrincipalName"], user.get("displayName") or "", value(user)])
    return path


def choose_csv(wizard: SyncWizard, qtbot, path: Path, key: str = "Email", value: str = "SkolonId") -> None:
    page = wizard.page_by_id(PageId.SOURCE)
    page.csv_radio.setChecked(True)
    page.path_edit.setText(str(path))
    page.path_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: wizard.session.csv_table is not None, timeout=WAIT_MS)
    page.key_combo.setCurrentText(key)
    page.match_combo.setCurrentIndex(page.match_combo.findData("upn"))
    page.value_combo.setCurrentText(value)
    wait_idle(wizard, qtbot)


def to_source_with_export(wizard: SyncWizard, qtbot, tenant, tmp_path: Path) -> None:
    """From the Check page to the Source page, with an IdP export of every user who lacks an
    ImmutableId written and chosen."""
    wizard.next()
    assert wizard.currentId() == PageId.SOURCE
    wait_idle(wizard, qtbot)
    users = [u for u in tenant.users.values() if not u.get("onPremisesImmutableId")]
    choose_csv(wizard, qtbot, write_source_csv(tmp_path / "export.csv", users))


def to_preview(wizard: SyncWizard, qtbot) -> None:
    wizard.next()
    assert wizard.currentId() == PageId.PREVIEW
    qtbot.waitUntil(lambda: wizard.session.flow.plan_ready, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)


def confirm(wizard: SyncWizard, qtbot, dry_run: bool = False) -> None:
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    page = wizard.page_by_id(PageId.CONFIRM)
    assert not page.isComplete()  # nothing typed yet
    page.dry_run_box.setChecked(dry_run)
    if not dry_run:
        qtbot.keyClicks(page.confirm_edit, page.expected_confirmation())
    assert page.isComplete()


def run_to_results(wizard: SyncWizard, qtbot, dry_run: bool = False) -> None:
    """From the Preview page: confirm, press the Confirm page's Start writing (the run starts), wait for the end, go
    to Results."""
    confirm(wizard, qtbot, dry_run=dry_run)
    wizard.next()
    assert wizard.currentId() == PageId.RUN
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.RESULTS


def plain_text(rich: str) -> str:
    """A label's rich text as a reader sees it (tags gone, entities resolved, whitespace collapsed)."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(rich)
    return " ".join(doc.toPlainText().split())
