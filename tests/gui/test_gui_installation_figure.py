"""The closing figure of issue 18: what a Skolon rep does on the demo from a tenant without our app to
"pupils sign in with Skolon" — the app made by one admin sign-in, the check, the preview, the run (the
federated users with the UPN swap), and the federation with its verification — with real mouse clicks on
the widgets a person would click. The stand-in browser chooses the account and presses Accept (2 clicks a
person makes there, counted apart). Prints the clicks, typed fields and seconds of waiting (the robot clicks
at once: the time is the program's and Microsoft's, not a person's reading):

    xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest tests/gui/test_gui_installation_figure.py -s
"""

from __future__ import annotations

import time

from test_gui_onboarding import Person
from wizard_steps import wait_idle

from core.federation.metadata import load_metadata
from core.federation.realm import FEDERATED, read_realm, same_sign_in_url
from core.graph.http import VerifyingSession
from core.sandbox.synthetic import SCHOOL_DOMAIN
from gui.demo import Demo
from gui.navigation import PageId
from gui.session import WizardSession

BROWSER_CLICKS_PER_SIGN_IN = 2  # choose the account, Accept


def test_from_no_app_to_a_federated_domain_on_the_demo(tmp_path, make_wizard, qtbot, browser, memory_keyring):
    session = WizardSession()
    tenant = Demo(tmp_path / "demo").start(session)
    browser.ca_bundle = tenant.ca_bundle
    apps_before = {a.client_id for a in tenant.directory.apps}
    wizard = make_wizard(session)
    person = Person(qtbot, wizard)
    try:
        started = time.monotonic()
        person.next()  # Welcome
        connection = wizard.page_by_id(PageId.CONNECTION)
        person.click(connection.appreg.create_button)  # "Create it for me…"
        dialog = connection.appreg.dialog
        person.click(dialog.sign_in_button)
        person.wait_until(lambda: dialog.stack.currentIndex() == 2)  # the app is made, consented and ready
        (new_app,) = [a for a in tenant.directory.apps if a.client_id not in apps_before]
        person.click(dialog.done_button)  # "Continue to the check"
        person.wait_until(lambda: wizard.currentId() == PageId.CHECK and session.check_report is not None
                          and not session.flow.running)
        assert session.check_report.passed and session.connection.client_id == new_app.client_id
        person.next()  # Check
        source = wizard.page_by_id(PageId.SOURCE)
        person.wait_until(lambda: session.csv_table is not None and source.isComplete() and not session.flow.running)
        person.next()  # Source: the school's export
        person.wait_until(lambda: session.flow.plan_ready and not session.flow.running)
        person.next()  # Preview
        confirm = wizard.page_by_id(PageId.CONFIRM)
        person.click(confirm.swap_choice.box)
        person.type_into(confirm.confirm_edit, confirm.tenant_domain())
        person.next()  # Start writing
        person.wait_until(lambda: session.flow.run_finished)
        wait_idle(wizard, qtbot)
        person.next()  # Results
        assert wizard.currentId() == PageId.RESULTS
        results = wizard.page_by_id(PageId.RESULTS)
        person.click(results.federate_button)
        federate = results.federate_dialog
        assert federate.domain() == SCHOOL_DOMAIN  # suggested: the one domain §15 lets be federated
        person.click(federate.check_button)
        person.wait_until(lambda: federate.go_button.isVisible())
        person.type_into(federate.confirm_edit, federate.domain())
        person.click(federate.go_button)
        person.wait_until(lambda: federate.ended)
        elapsed = time.monotonic() - started

        assert federate.result is not None and federate.result.outcome.result.verified
        assert tenant.directory.domain(SCHOOL_DOMAIN)["authenticationType"] == "Federated"
        writes = [e for e in tenant.audit() if e["method"] == "PATCH" and e["path"].startswith("/v1.0/users/")
                  and e["status"] == 204]
        assert writes and {e["client_id"] for e in writes} == {new_app.client_id}  # written by the app made here
        in_domain = [u for u in tenant.users.values() if u["userPrincipalName"].endswith("@" + SCHOOL_DOMAIN)]
        assert in_domain and all(u["onPremisesImmutableId"] for u in in_domain)
        # Microsoft's side, asked as anyone may (the home-realm endpoint): the domain's users go to Skolon.
        idp = load_metadata(federate.metadata_edit.text(), verify=tenant.ca_bundle)
        realm = read_realm(tenant.url, in_domain[0]["userPrincipalName"], VerifyingSession(tenant.ca_bundle))
        assert realm.namespace_type == FEDERATED and same_sign_in_url(realm.auth_url, idp.sso_url)
        browser_clicks = BROWSER_CLICKS_PER_SIGN_IN * len(browser.opened)
        print(f"\nfrom no app to a federated domain (demo): {person.clicks} clicks in the wizard, "
              f"{person.typed_fields} typed fields, {browser_clicks} clicks in the browser "
              f"({len(browser.opened)} sign-ins), {elapsed:.1f} s of waiting; {len(writes)} users written, "
              f"{SCHOOL_DOMAIN} federated and verified")
        assert len(browser.opened) == 2 and person.typed_fields == 2
    finally:
        wizard.stop_all_workers()
        session.demo.stop()
