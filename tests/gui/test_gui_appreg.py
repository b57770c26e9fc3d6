"""The Connection page's "Create it for me" (issue 9): sign-in through the real MSAL flow with the
stand-in browser, progress, the handover (the secret only on the clipboard, only on a click), the
reminder, and going on to a passing Check with the new app; a non-admin gets a plain refusal."""

from __future__ import annotations

import icalendar
from PySide6.QtGui import QGuiApplication
from wizard_steps import WAIT_MS, wait_idle

from core.sandbox.config import SandboxConfig
from gui.navigation import PageId


def _connection_page(make_wizard, tenant, browser):
    browser.ca_bundle = tenant.ca_bundle
    wizard = make_wizard()
    wizard.next()
    page = wizard.page_by_id(PageId.CONNECTION)
    page.tenant_edit.setText(tenant.tenant_id)
    page.advanced.setChecked(True)
    page.login_edit.setText(tenant.url)
    page.graph_edit.setText(tenant.url)
    page.ca_edit.setText(tenant.ca_bundle)
    return wizard, page


def _run_dialog(page, qtbot, renew=False):
    dialog = page.appreg.make_dialog(renew)
    dialog.show()
    qtbot.addWidget(dialog)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.worker is not None and not dialog.worker.is_running(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 2 or dialog.error_label.isVisible(), timeout=WAIT_MS)
    return dialog


def test_create_it_for_me_hands_over_and_goes_on_to_a_passing_check(sandbox_factory, make_wizard, qtbot, browser,
                                                                     memory_keyring, tmp_path):
    tenant = sandbox_factory(users=8)
    wizard, page = _connection_page(make_wizard, tenant, browser)
    dialog = _run_dialog(page, qtbot)
    (app,) = [a for a in tenant.directory.apps if a.passwords]
    secret = app.passwords[0].secret
    summary = dialog.summary_label.text()
    assert app.client_id in summary and tenant.tenant_id in summary and secret not in summary
    assert dialog.step_label.text() and browser.opened and dialog.url_label.toolTip() == browser.opened[0]
    assert secret not in QGuiApplication.clipboard().text()  # not before the click
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert secret in copied and app.client_id in copied and tenant.tenant_id in copied
    dialog.save_reminder(tmp_path / "r.ics")
    event = icalendar.Calendar.from_ical((tmp_path / "r.ics").read_bytes()).walk("VEVENT")[0]
    assert str(app.client_id) in str(event.get("DESCRIPTION"))
    assert list(memory_keyring.store.values()) == [secret]
    assert [e for e in tenant.audit() if e["path"].endswith("/authorize")]  # signed in, with the default client id
    assert dialog.sign_in_options["client_id"] == "14d82eec-204b-4c2f-b7e8-296a70dab67e"
    dialog.done_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.CHECK, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    assert wizard.session.check_report is not None and wizard.session.check_report.passed
    assert page.client_edit.text() == app.client_id


def test_non_admin_sees_the_roles_needed_and_that_nothing_was_created(sandbox_factory, make_wizard, qtbot,
                                                                      browser, memory_keyring):
    tenant = sandbox_factory(users=3)
    browser.account = tenant.directory.accounts[1].upn
    wizard, page = _connection_page(make_wizard, tenant, browser)
    dialog = _run_dialog(page, qtbot)
    assert "may not create app registrations" in dialog.step_label.text()
    assert "Privileged Role Administrator" in dialog.error_label.text()
    assert "Nothing was created" in dialog.error_label.text()
    assert not [a for a in tenant.directory.apps if a.ready_at]


def test_renew_button_shows_when_expiry_is_near_and_the_reminder_is_offered_for_hand_entered(
        sandbox_factory, make_wizard, qtbot, browser, tmp_path):
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    tenant = sandbox_factory(users=3, config=SandboxConfig())
    wizard, page = _connection_page(make_wizard, tenant, browser)
    page.client_edit.setText(tenant.apps[0]["clientId"])
    assert page.appreg.create_button.isEnabled()
    page.tenant_edit.setText("https://portal.azure.com")  # the app is made in the tenant typed: it must be one
    assert not page.appreg.create_button.isEnabled()
    page.tenant_edit.setText(tenant.tenant_id)
    assert not page.appreg.renew_button.isVisibleTo(page) and not page.appreg.reminder_button.isVisibleTo(page)
    page.expiry_box.setChecked(True)
    soon = date.today() + timedelta(days=20)
    page.expiry_edit.setDate(QDate(soon.year, soon.month, soon.day))
    assert page.appreg.renew_button.isVisibleTo(page) and page.appreg.reminder_button.isVisibleTo(page)
    path = page.appreg.save_reminder(tmp_path / "hand.ics")
    event = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == soon - timedelta(days=30)


def test_renew_dialog_adds_proves_stores_and_removes_the_old_secret(sandbox_factory, make_wizard, qtbot, browser,
                                                                     memory_keyring):
    tenant = sandbox_factory(users=3)
    wizard, page = _connection_page(make_wizard, tenant, browser)
    first = _run_dialog(page, qtbot)
    first.done_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.CHECK, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    wizard.back()
    (app,) = [a for a in tenant.directory.apps if a.passwords]
    old = app.passwords[0]
    dialog = page.appreg.make_dialog(renew=True)
    qtbot.addWidget(dialog)
    dialog.remove_old_box.setChecked(True)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 2 or dialog.error_label.isVisible(), timeout=WAIT_MS)
    assert dialog.stack.currentIndex() == 2, dialog.error_label.text()
    assert dialog.outcome.removed_old == 1 and old not in app.passwords and len(app.passwords) == 1
    assert list(memory_keyring.store.values()) == [app.passwords[0].secret]


def test_without_a_keychain_the_admin_chooses_show_once_or_cancel(sandbox_factory, make_wizard, qtbot, browser,
                                                                   no_keyring, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    tenant = sandbox_factory(users=3)
    wizard, page = _connection_page(make_wizard, tenant, browser)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog = page.appreg.make_dialog(renew=False)
    qtbot.addWidget(dialog)
    dialog.sign_in_button.click()
    assert dialog.worker is None and browser.opened == [] and not [a for a in tenant.directory.apps if a.ready_at]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = _run_dialog(page, qtbot)
    (app,) = [a for a in tenant.directory.apps if a.passwords]
    assert "no keychain" in dialog.keyring_label.text() and app.passwords[0].secret not in dialog.summary_label.text()
    dialog.copy_button.click()
    assert app.passwords[0].secret in QGuiApplication.clipboard().text()
