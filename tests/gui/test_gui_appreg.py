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


# --- issue 16 majors 1 and 5, issue 15 §3.2: cancel, close, no browser, the admins permission ------------------
def _listening(port: int) -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        return False
    return True


def _loopback_port(url: str) -> int:
    from urllib.parse import parse_qs, urlsplit

    return urlsplit(parse_qs(urlsplit(url).query)["redirect_uri"][0]).port


def _listener_addresses(port: int) -> set[str]:
    """The local addresses of the sockets listening on `port` (Linux /proc/net/tcp and tcp6; state 0A)."""
    found = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(name, encoding="ascii") as table:
            for line in list(table)[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(address)
    return found


def _waiting_for_the_browser(page, qtbot, browser):
    import threading

    browser.action = "close"  # the admin never finishes in the browser
    before = set(threading.enumerate())
    dialog = page.appreg.make_dialog(False)
    dialog.show()
    qtbot.addWidget(dialog)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: bool(browser.opened), timeout=WAIT_MS)
    port = _loopback_port(browser.opened[0])
    qtbot.waitUntil(lambda: _listening(port), timeout=WAIT_MS)
    return dialog, port, before


def _extra_threads(before) -> list:
    """Threads started since `before` that still exist in the OS (a QThread that ran Python code stays listed
    by `threading` as a dummy: /proc/self/task says whether it still runs)."""
    import os
    import threading

    from core.sandbox.server import SandboxServer

    def serves_the_sandbox(thread) -> bool:
        # The sandbox's per-connection threads are Microsoft's side of the wire (another process for real):
        # one may wait on a keep-alive connection until the client's pool is collected, which is not ours
        # to join. Every thread of the program itself is still counted.
        return isinstance(getattr(getattr(thread, "_target", None), "__self__", None), SandboxServer)

    running = {int(task) for task in os.listdir("/proc/self/task")}
    return [t for t in threading.enumerate()
            if t not in before and t.native_id in running and not serves_the_sandbox(t)]


def _nothing_left_running(qtbot, dialog, before) -> None:
    """Every worker joined by the time the wizard closed; then no other thread of the program lingers."""
    from gui.jobs.worker import live_workers

    assert live_workers() == [] and not dialog.worker.is_running()
    qtbot.waitUntil(lambda: _extra_threads(before) == [], timeout=10000)


def test_esc_while_signing_in_then_cancel_the_wizard_leaves_no_thread_and_no_listener(
        sandbox_factory, make_wizard, qtbot, browser, memory_keyring):
    from PySide6.QtCore import Qt

    tenant = sandbox_factory(users=3)
    wizard, page = _connection_page(make_wizard, tenant, browser)
    dialog, port, before = _waiting_for_the_browser(page, qtbot, browser)
    assert _listener_addresses(port) == {"0100007F"}  # 127.0.0.1 only, never every interface
    assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.worker.is_running(), timeout=WAIT_MS)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT_MS)
    assert dialog.isVisible() and "sign-in was cancelled" in dialog.step_label.text()
    assert "Nothing was created" in dialog.error_label.text() and not _listening(port)
    dialog.close_button.click()
    assert not dialog.isVisible()
    wizard.reject()  # Cancel the wizard
    assert not wizard.isVisible()
    _nothing_left_running(qtbot, dialog, before)
    assert not [e for e in tenant.audit() if e["method"] == "POST"]  # nothing created in the tenant


def test_closing_the_wizard_while_the_sign_in_waits_joins_the_job(sandbox_factory, make_wizard, qtbot, browser,
                                                                 memory_keyring):
    tenant = sandbox_factory(users=3)
    wizard, page = _connection_page(make_wizard, tenant, browser)
    dialog, port, before = _waiting_for_the_browser(page, qtbot, browser)
    wizard.close()  # the dialog is still open and its job waiting
    assert not wizard.isVisible() and not _listening(port)
    _nothing_left_running(qtbot, dialog, before)
    assert not [a for a in tenant.directory.apps if a.ready_at or a.passwords]


def test_cancel_after_the_app_was_made_names_it_and_keeps_nothing(sandbox_factory, make_wizard, qtbot, browser,
                                                                  memory_keyring, monkeypatch):
    """The Cancel button while Graph's steps run: the job stops before the secret, says what exists and how to
    delete it, stores no secret and saves no connection."""
    import gui.jobs.appreg as jobs
    from core.setup.profiles import ProfileStore

    tenant = sandbox_factory(users=3)
    wizard, page = _connection_page(make_wizard, tenant, browser)
    dialog = page.appreg.make_dialog(False)
    dialog.show()
    qtbot.addWidget(dialog)
    reporter = jobs._reporter

    def cancel_at_the_service_principal(progress):
        report = reporter(progress)

        def step(code, values):
            report(code, values)
            if code == "appreg_sp":
                dialog.worker.cancel_event.set()  # what the Cancel button does, at this exact moment
        return step
    monkeypatch.setattr(jobs, "_reporter", cancel_at_the_service_principal)
    saved_before = ProfileStore().names()
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT_MS)
    (app,) = [a for a in tenant.directory.apps if a.display_name == "Immutable ID Sync" and a.sp_id]
    assert "Cancelled before the app registration was finished" in dialog.step_label.text()
    assert f"az ad app delete --id {app.client_id}" in dialog.error_label.text()
    assert app.passwords == [] and memory_keyring.store == {} and ProfileStore().names() == saved_before
    assert not [e for e in tenant.audit() if "addPassword" in e["path"]]


def test_no_browser_shows_the_link_with_copy_and_explains(sandbox_factory, make_wizard, qtbot, browser,
                                                          memory_keyring, monkeypatch):
    import webbrowser

    tenant = sandbox_factory(users=3)
    wizard, page = _connection_page(make_wizard, tenant, browser)
    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: False)  # no desktop session, no BROWSER
    dialog = page.appreg.make_dialog(False)
    dialog.show()
    qtbot.addWidget(dialog)
    dialog.sign_in_button.click()
    qtbot.waitUntil(dialog.copy_link_button.isVisible, timeout=WAIT_MS)
    assert "No web browser could be opened" in dialog.step_label.text()
    assert "in the browser window that opened" not in dialog.step_label.text()
    text = dialog.no_browser_label.text()
    assert "same computer" in text and dialog.sign_in_url in text and "/authorize?" in dialog.sign_in_url
    dialog.copy_link_button.click()
    assert QGuiApplication.clipboard().text() == dialog.sign_in_url
    port = _loopback_port(dialog.sign_in_url)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.worker.is_running(), timeout=WAIT_MS)
    assert not _listening(port)


def test_the_app_made_for_me_shows_admins_as_admins_in_the_preview(sandbox_factory, make_wizard, qtbot, browser,
                                                                   memory_keyring, tmp_path):
    from wizard_steps import to_preview, to_source_with_export

    tenant = sandbox_factory(users=12)
    wizard, page = _connection_page(make_wizard, tenant, browser)
    dialog = page.appreg.make_dialog(False)
    qtbot.addWidget(dialog)
    (box,) = [b for b in dialog.optional_boxes if "RoleManagement.Read.Directory" in b.text()]
    assert box.isChecked()  # offered, and ticked by default
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 2 or dialog.error_label.isVisible(), timeout=WAIT_MS)
    assert dialog.stack.currentIndex() == 2, dialog.error_label.text()
    (app,) = [a for a in tenant.directory.apps if a.passwords]
    assert "RoleManagement.Read.Directory" in app.roles_at(tenant.clock())
    dialog.done_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.CHECK, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    assert wizard.page_by_id(PageId.CHECK).rows["admin_roles"].state == "ok"
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    marked = [r for r in wizard.session.plan.rows if r.status.value == "admin_role"]
    assert len(marked) == 2
    reads = [e for e in tenant.audit() if "roleManagement" in e["path"] and e["status"] == 200]
    assert reads and {e["client_id"] for e in reads} == {app.client_id}
    wizard.stop_all_workers()
