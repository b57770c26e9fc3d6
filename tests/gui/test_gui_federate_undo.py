"""The way back in the wizard's federation step (issue 18 §1, `federate undo`; gui/dialogs/federate_undo.py):
offered only where the domain is federated with this IdP, after the same typed domain as the command line and
a plain word on passwords; journalled as core's FEDERATE_UNDO run on the dialog's worker; and every way to
leave mid-job (Esc and Cancel while the browser sign-in waits, Close during the home-realm wait) ends the
worker thread before the window goes."""

from __future__ import annotations

import json

import pytest
from federation_school import (
    ADMIN,
    SECRET,
    admin_call,
    certificate_b64,
    connection,
    federation_body,
    metadata,
)
from federation_school import metadata_file as write_metadata
from federation_school import school as fed_school
from PySide6.QtCore import Qt

from gui.dialogs.federate import FederateDialog

DOMAIN = "elev.example"


@pytest.fixture
def federated(sandbox_factory, browser, tmp_path):
    """The test school with elev.example federated with the IdP whose metadata the dialog is given."""
    tenant = fed_school(sandbox_factory, tmp_path, accounts=(ADMIN,))
    browser.ca_bundle, browser.account = tenant.ca_bundle, ADMIN["userPrincipalName"]
    cert = certificate_b64()
    tenant.metadata = write_metadata(tmp_path, metadata(cert))
    answer = admin_call(tenant, "POST", f"domains/{DOMAIN}/federationConfiguration", federation_body(cert))
    assert answer.status_code == 201, answer.text
    tenant.clear_audit()
    return tenant


def _writes(school):
    return [(e["method"], e["status"]) for e in school.audit()
            if e["method"] in ("POST", "PATCH", "DELETE") and e["path"].startswith("/v1.0/")]


def _checked(qtbot, school, domain=DOMAIN):
    dialog = FederateDialog(connection(school), SECRET, domain=domain, metadata=school.metadata,
                            realm_interval_s=0.05)
    qtbot.addWidget(dialog)
    dialog.show()
    worker = dialog.check()
    with qtbot.waitSignal(worker.done, timeout=30000):
        pass
    return dialog


def _undo_typed(qtbot, school):
    dialog = _checked(qtbot, school)
    assert dialog.undo_button.isVisible()
    dialog.undo_button.click()
    dialog.confirm_edit.setText(DOMAIN)
    return dialog


def test_undo_is_offered_typed_journalled_and_verified(qtbot, federated):
    dialog = _checked(qtbot, federated)
    assert dialog.undo_button.isVisible() and dialog.check_status.text().startswith("elev.example is already federated with Skolon. To go back")
    dialog.undo_button.click()
    said = dialog.confirm_label.text()
    assert "password kept by Microsoft" in said and "self-service password reset" in said
    assert "up to two hours" in said and "Type the domain (elev.example)" in said
    assert dialog.go_button.text().replace("&", "") == "Sign in and make managed"
    assert dialog.confirm_edit.text() == "" and not dialog.go_button.isEnabled()
    dialog.confirm_edit.setText("skola.example")
    assert not dialog.go_button.isEnabled() and dialog.start() is None
    dialog.confirm_edit.setText(" Elev.Example ")
    assert dialog.go_button.isEnabled()
    worker = dialog.start()
    with qtbot.waitSignal(worker.done, timeout=60000):
        pass
    assert dialog.step_label.text().startswith("Done: elev.example is managed again")
    assert "✓ Entra: the federation of elev.example was removed." in dialog.outcome_label.text()
    assert "✓ Microsoft's sign-in page asks elev.example's users for their password." in dialog.outcome_label.text()
    assert _writes(federated) == [("DELETE", 204)] and DOMAIN not in federated.directory.federations
    run_dir = dialog.result.outcome.run_dir
    assert run_dir.name.endswith("federate-undo") or "federate-undo" in run_dir.name
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["kind"] == "federate-undo" and summary["domain"] == DOMAIN


def test_no_way_back_is_offered_for_a_managed_domain_or_another_idps(qtbot, federated, tmp_path):
    managed = _checked(qtbot, federated, "new.example")
    assert not managed.undo_button.isVisible()
    federated.metadata = write_metadata(tmp_path, metadata(issuer="https://other-idp.example/saml"), "other.xml")
    other = _checked(qtbot, federated)  # federated, but with Skolon's issuer, not this metadata's
    assert not other.undo_button.isVisible() and not other.go_button.isVisible()
    assert _writes(federated) == []


def test_going_back_to_federating_after_choosing_undo_needs_a_new_check(qtbot, federated):
    dialog = _undo_typed(qtbot, federated)
    assert dialog.go_button.isEnabled()
    dialog.check_button.click()  # checking again resets the confirmation to the federation's
    assert not dialog.undoing and dialog.go_button.text().replace("&", "") == "Sign in and federate"
    qtbot.waitUntil(lambda: dialog.worker is not None and not dialog.worker.is_running(), timeout=30000)


@pytest.mark.parametrize("leave", ["esc", "cancel"])
def test_leaving_while_the_browser_sign_in_waits_ends_the_thread_and_changes_nothing(qtbot, federated, browser,
                                                                                     leave):
    browser.action = "close"  # the admin never finishes the sign-in
    dialog = _undo_typed(qtbot, federated)
    worker = dialog.start()
    qtbot.waitUntil(lambda: dialog.sign_in_url is not None, timeout=30000)
    if leave == "esc":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        assert dialog.close_button.text() == "Cancel"
        dialog.close_button.click()
    assert not worker.is_running() and not dialog.isVisible()
    assert _writes(federated) == [] and DOMAIN in federated.directory.federations


def test_close_during_the_realm_wait_ends_the_thread(qtbot, federated):
    federated.config.federation_delay_s = 3600  # Microsoft's sign-in page lags behind the change
    dialog = _undo_typed(qtbot, federated)
    worker = dialog.start()
    qtbot.waitUntil(lambda: dialog.realm_bar.isVisible(), timeout=60000)
    assert dialog.step_label.text().startswith("Managed in Entra. Waiting for Microsoft's sign-in page")
    dialog.close()
    assert not worker.is_running() and _writes(federated) == [("DELETE", 204)]
