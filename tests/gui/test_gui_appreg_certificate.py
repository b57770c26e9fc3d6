"""The wizard's "Create it for me" in a tenant whose policy blocks client secrets (issue 18 §2): the same
core path as `app create` makes a certificate, the dialog says so and why, the handover never carries the
private key and is honest about Data Hub, and the Connection page then signs in with the certificate —
the Check passes with it, a saved certificate connection comes back with its key from the keychain, and
the secret field never shows the key."""

from __future__ import annotations

import threading

from PySide6.QtGui import QGuiApplication
from test_gui_appreg import _connection_page, _extra_threads, _run_dialog
from wizard_steps import WAIT_MS, wait_idle

from core.setup.certificates import unpack_private_key
from gui.jobs.worker import live_workers
from gui.navigation import PageId

ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def test_a_certificate_only_tenant_gets_a_certificate_app_and_the_check_passes_with_it(
        sandbox_factory, make_wizard, qtbot, browser, memory_keyring):
    before = set(threading.enumerate())
    tenant = sandbox_factory(users=8)
    tenant.directory.app_policy["block_secrets"] = True
    wizard, page = _connection_page(make_wizard, tenant, browser)
    page.name_edit.setText("Nordskolan")
    dialog = _run_dialog(page, qtbot)
    (app,) = [a for a in tenant.directory.apps if a.sp_id and a.ready_at]
    assert app.passwords == [] and len(app.keys) == 1
    summary = dialog.summary_label.text()
    assert "does not allow client secrets" in summary and "certificate" in dialog.keyring_label.text()
    assert "Data Hub may accept only a client secret" in summary
    (packed,) = memory_keyring.store.values()
    key_lines = [line for line in unpack_private_key(packed).splitlines() if len(line) > 40]
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert app.client_id in copied and app.keys[0].thumbprint in copied and "Data Hub" in copied
    assert not any(line in copied for line in key_lines) and packed not in copied  # never the private key

    dialog.done_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.CHECK, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    assert wizard.session.check_report is not None and wizard.session.check_report.passed
    assert wizard.session.connection.cert_thumbprint == app.keys[0].thumbprint
    tokens = [e for e in tenant.audit() if e["path"].endswith("/oauth2/v2.0/token")
              and (e["body"] or {}).get("client_id") == app.client_id and e["status"] == 200]
    assert tokens and {t["body"].get("client_assertion_type") for t in tokens} == {ASSERTION}

    # Back on the Connection page the key is not in the secret field (Show the secret cannot show it).
    wizard.back()
    assert page.secret_edit.text() == "" and not page.secret_edit.isEnabled()
    assert app.keys[0].thumbprint in page.secret_edit.placeholderText()
    assert page.input_complete()

    # The saved certificate connection in a new session: its key comes back from the keychain (on a worker)
    # and the Check passes with it.
    wizard.close()
    again = make_wizard()
    again.next()
    page = again.page_by_id(PageId.CONNECTION)
    assert page.profile_combo.currentData() == "Nordskolan"
    qtbot.waitUntil(lambda: page._certificate is not None and page._certificate[1] is not None, timeout=WAIT_MS)
    assert page.input_complete(), page.problems()
    again.next()
    qtbot.waitUntil(lambda: again.currentId() == PageId.CHECK, timeout=WAIT_MS)
    wait_idle(again, qtbot)
    assert again.session.check_report is not None and again.session.check_report.passed
    assert again.session.connection.cert_thumbprint == app.keys[0].thumbprint
    again.close()
    assert live_workers() == []
    qtbot.waitUntil(lambda: _extra_threads(before) == [], timeout=10000)
