"""The wizard's side of the federated-domain UPN swap (issue 10 §1): the Preview counts the users it could
set, the Confirm page offers it as a separate checkbox (off by default, its effects listed, its writes
counted twice), the choice reaches RunSpec, and without the tenant's .onmicrosoft.com domain it is disabled."""

from __future__ import annotations

import pytest
from wizard_steps import (
    WAIT_MS,
    fill_connection,
    pass_checks,
    plain_text,
    to_preview,
    to_source_with_export,
    wait_idle,
)

from core.tenant.parked import temporary_upn
from gui import texts
from gui.app import start_sandbox
from gui.navigation import PageId
from gui.session import WizardSession
from gui.widgets.swap_choice import SwapChoice

INITIAL = "nordskolan.onmicrosoft.com"  # the synthetic school's (core/sandbox/synthetic.py)


@pytest.fixture
def demo(make_wizard, qtbot, memory_keyring):
    """The `gui --sandbox` demo (Domain.Read.All and RoleManagement.Read.Directory granted), checked."""
    session = WizardSession()
    tenant = start_sandbox(session, users=40)
    wizard = make_wizard(session)
    try:
        wizard.next()
        pass_checks(wizard, qtbot)
        yield wizard, tenant
    finally:
        wizard.stop_all_workers()
        tenant.stop()


def _to_confirm(wizard, qtbot, tenant, tmp_path):
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    return wizard.page_by_id(PageId.CONFIRM)


def test_demo_knows_admins_and_the_initial_domain(demo):
    wizard, _tenant = demo
    report = wizard.session.check_report
    assert report.initial_domain == INITIAL
    assert wizard.page_by_id(PageId.CHECK).rows["admin_roles"].state == "ok"  # RoleManagement.Read.Directory


def test_confirm_offers_the_swap_unticked_and_counts_its_writes_twice(demo, qtbot, tmp_path):
    wizard, tenant = demo
    session = wizard.session
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    plan = session.plan
    swappable, direct = len(plan.swappable()), len(plan.to_write())
    assert swappable and direct
    assert any(r.status.value == "admin_role" for r in plan.rows)  # the demo knows its admins
    note = wizard.page_by_id(PageId.PREVIEW).swap_note
    assert note.isVisibleTo(wizard)
    assert plain_text(note.text()) == (f"Users in federated domains that can be set with the UPN swap: {swappable}. "
                                       "Whether to do that is chosen on the Confirm page.")
    wizard.next()
    page = wizard.page_by_id(PageId.CONFIRM)

    box = page.swap_choice.box
    assert page.swap_choice.isVisibleTo(wizard) and box.isEnabled() and not box.isChecked()
    assert box.text().replace("&", "") == f"Also set the {swappable} users in federated domains with the UPN swap"
    effects = plain_text(page.swap_choice.effects.text())
    for words in (INITIAL, "cannot sign in through the identity provider", "OneDrive", "Authenticator",
                  "(MAM)", "“Other user”", "UPN and mail before and after", "two writes"):
        assert words in effects, words
    assert plain_text(page.totals.text()).startswith(f"{direct} users will be written, 0 of them with the UPN swap. "
                                                     f"Writes: {direct} ")
    assert session.federated_upn_swap is False and session.flow.writes_planned == direct

    qtbot.keyClicks(page.confirm_edit, page.expected_confirmation())
    assert page.isComplete()
    box.click()  # a deliberate tick: the typed confirmation confirmed the old totals, so it goes
    assert page.confirm_edit.text() == "" and not page.isComplete()
    assert session.federated_upn_swap is True
    assert session.flow.writes_planned == direct + swappable
    totals = plain_text(page.totals.text())
    assert totals.startswith(f"{direct + swappable} users will be written, {swappable} of them with the UPN swap. "
                             f"Writes: {direct + 2 * swappable} ")
    assert f"<b>{direct + swappable}</b> users will get" in page.summary.text()
    assert f"{swappable} of their users are set with the UPN swap" in page.warnings.text()

    box.click()
    assert session.federated_upn_swap is False and session.flow.writes_planned == direct


def test_the_choice_reaches_the_run_spec(demo, qtbot, tmp_path, monkeypatch):
    import core.run.lifecycle

    specs = []
    real_execute = core.run.lifecycle.execute

    def recording_execute(spec, *args, **kwargs):
        specs.append(spec)
        return real_execute(spec, *args, **kwargs)

    monkeypatch.setattr(core.run.lifecycle, "execute", recording_execute)
    wizard, tenant = demo
    page = _to_confirm(wizard, qtbot, tenant, tmp_path)
    page.swap_choice.box.click()
    page.dry_run_box.setChecked(True)  # nothing written: only what the run is told matters here
    wizard.next()
    assert wizard.currentId() == PageId.RUN
    run = wizard.page_by_id(PageId.RUN)
    swappable = len(wizard.session.plan.swappable())
    assert f"Of them with the UPN swap (two writes each): {swappable}." in run.intro.text()
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    assert len(specs) == 1 and specs[0].federated_upn_swap is True
    assert specs[0].plan is wizard.session.plan and specs[0].plan.swappable()


def test_coming_back_to_confirm_unticks_it(demo, qtbot, tmp_path):
    wizard, tenant = demo
    page = _to_confirm(wizard, qtbot, tenant, tmp_path)
    page.swap_choice.box.click()
    assert wizard.session.federated_upn_swap
    wizard.back()
    wait_idle(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    assert not page.swap_choice.box.isChecked() and wizard.session.federated_upn_swap is False


def test_disabled_with_the_reason_when_the_initial_domain_is_unknown(make_wizard, qtbot, tmp_path, memory_keyring,
                                                                     monkeypatch):
    import core.tenant.checks
    import core.tenant.facts

    # domains read, none initial, and no user's UPN tells it either
    for module in (core.tenant.checks, core.tenant.facts):
        monkeypatch.setattr(module, "initial_domain", lambda domains: None)
    monkeypatch.setattr(core.tenant.facts, "initial_domain_from_upns", lambda upns: None)
    session = WizardSession()
    tenant = start_sandbox(session, users=40)
    wizard = make_wizard(session)
    try:
        wizard.next()
        pass_checks(wizard, qtbot)
        assert session.check_report.initial_domain is None
        page = _to_confirm(wizard, qtbot, tenant, tmp_path)
        choice = page.swap_choice
        assert session.plan.swappable()
        assert choice.isVisibleTo(wizard) and not choice.box.isEnabled()
        assert choice.unavailable.isVisibleTo(wizard) and "could not find the tenant's .onmicrosoft.com domain" in choice.unavailable.text()
        choice.box.setChecked(True)  # even if it were ticked somehow, nothing is chosen
        assert not choice.chosen() and session.federated_upn_swap is False
        assert "0 of them with the UPN swap" in plain_text(page.totals.text())
    finally:
        wizard.stop_all_workers()
        tenant.stop()


def test_no_swap_choice_without_swappable_users(make_wizard, qtbot, sandbox, sandbox_profile, tmp_path,
                                                memory_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)  # the plain app cannot read domains: no federated domain is known
    page = _to_confirm(wizard, qtbot, sandbox, tmp_path)
    assert not wizard.session.plan.swappable()
    assert not page.swap_choice.isVisibleTo(wizard)
    assert wizard.page_by_id(PageId.PREVIEW).swap_note.isHidden()
    direct = len(wizard.session.plan.to_write())
    assert plain_text(page.totals.text()).startswith(f"{direct} users will be written. Writes: {direct}. ")
    assert "within Microsoft's write quota" in page.totals.text()  # no 20-a-second guess for a small run
    assert "UPN swap" not in plain_text(page.totals.text())


def test_swap_reason_codes_have_texts(qapp):
    from core.planning.plan import PlanRow, Status

    def detail(reason, **args):
        row = PlanRow("id", "eva@fjord.example", "Eva", "", "", "", Status.FAILED)
        row.set_reason(reason, **args)
        return texts.row_detail(row)

    assert detail("federated_swap_ready", domain="fjord.example") == \
        "Domain fjord.example is federated: tick the UPN swap on the Confirm page to set it."
    assert detail("swap_alias_taken", alias="eva@x.onmicrosoft.com") == \
        "Domain federated; the UPN swap cannot be used: eva@x.onmicrosoft.com is another user's UPN."
    assert detail("swap_step1_refused", code="Request_BadRequest", message="Bad UPN.") == \
        "Microsoft refused to move the UPN for the swap, so nothing was changed: Bad UPN. (Request_BadRequest)"
    assert detail("swap_restored") == "The UPN swap's second step failed; the UPN was put back."
    assert detail("swap_stranded", upn="eva@x.onmicrosoft.com") == \
        "The UPN could not be put back: it is still eva@x.onmicrosoft.com. Change it back by hand."
    assert detail("swap_upn_changed") == "The UPN changed since the preview; preview again."
    assert detail("swap_domain_unknown") == "The tenant's .onmicrosoft.com domain could not be read."
    assert detail("set_with_swap") == "Set with the UPN swap."


@pytest.fixture
def swedish(qapp):
    from gui import i18n

    i18n.install_translator(qapp, "sv")
    yield
    i18n.install_translator(qapp, "en")


def test_the_swap_speaks_swedish(qtbot, swedish):
    choice = SwapChoice()
    qtbot.addWidget(choice)
    choice.offer(3, INITIAL, "eva@" + INITIAL)
    english = ("Also set", "OneDrive address", "Other user", "two writes", "UPN was put back")
    shown = " ".join([choice.box.text(), plain_text(choice.effects.text()), texts.swap_preview_note(3),
                      texts.write_total(10, 3, 13, True), texts.reason_text("swap_restored"),
                      texts.reason_text("set_with_swap"), texts.swap_unavailable()])
    assert not [w for w in english if w in shown], shown
    assert INITIAL in shown and "OneDrive" in shown and "MAM" in shown


def test_preview_marks_a_taken_alias_and_leaves_that_user_out_of_the_swap(demo, qtbot, tmp_path):
    wizard, tenant = demo
    federated = next(u for u in tenant.users.values() if u["userPrincipalName"].endswith("@fjordskolan.example")
                     and not u["onPremisesImmutableId"])
    alias = temporary_upn(federated["userPrincipalName"], INITIAL)
    tenant.add_user(userPrincipalName=alias, displayName="Same alias", onPremisesImmutableId="taken-already")
    page = _to_confirm(wizard, qtbot, tenant, tmp_path)
    row = next(r for r in wizard.session.plan.rows if r.object_id == federated["id"])
    assert (row.status.value, row.reason) == ("federated_domain", "swap_alias_taken")
    assert texts.row_detail(row) == f"Domain federated; the UPN swap cannot be used: {alias} is another user's UPN."
    assert row not in wizard.session.plan.swappable()
    assert f"the {len(wizard.session.plan.swappable())} users" in page.swap_choice.box.text()


def test_a_real_run_with_the_swap_sets_them_and_puts_every_upn_back(demo, qtbot, tmp_path):
    """Ticked and confirmed: the federated users get their values, every UPN ends where it was, the report
    has the before/after columns, and the audit shows userPrincipalName sent for those users only."""
    import csv

    wizard, tenant = demo
    page = _to_confirm(wizard, qtbot, tenant, tmp_path)
    swapped = {r.object_id: (r.user_principal_name, r.new_immutable_id) for r in wizard.session.plan.swappable()}
    assert swapped
    page.swap_choice.box.click()
    qtbot.keyClicks(page.confirm_edit, page.expected_confirmation())
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.RESULTS
    for oid, (upn, value) in swapped.items():
        assert tenant.users[oid]["userPrincipalName"] == upn
        assert tenant.users[oid]["onPremisesImmutableId"] == value
    assert not [u for u in tenant.users.values() if u["id"] in swapped
                and u["userPrincipalName"].endswith(INITIAL)]
    rows = {r.object_id: r for r in wizard.session.result.rows}
    assert {rows[oid].status.value for oid in swapped} == {"set"}
    assert texts.row_detail(rows[next(iter(swapped))]) == "Set with the UPN swap."
    for entry in tenant.audit():
        if entry["method"] == "PATCH":
            assert set(entry["body"]) <= {"userPrincipalName", "onPremisesImmutableId"}
            if "userPrincipalName" in entry["body"]:
                assert entry["path"].rsplit("/", 1)[1] in swapped
    with open(wizard.session.report_path, encoding="utf-8-sig", newline="") as fh:
        report = {r["object_id"]: r for r in csv.DictReader(fh)}
    for oid, (upn, _value) in swapped.items():
        assert report[oid]["upn_before"] == report[oid]["upn_after"] == upn


def test_continuing_a_swap_run_says_what_happens_without_the_tick(demo, qtbot, tmp_path):
    from core.run.folders import UnfinishedRun

    wizard, tenant = demo
    page = _to_confirm(wizard, qtbot, tenant, tmp_path)
    sentence = "The unfinished run used the UPN swap."
    assert sentence not in plain_text(page.warnings.text())
    wizard.session.resume = UnfinishedRun(tmp_path, None, 3, 10, {"federated_upn_swap": True})
    page.show_texts()
    assert sentence in plain_text(page.warnings.text())
    page.swap_choice.box.click()  # ticked: the whole run goes on as it began
    assert sentence not in plain_text(page.warnings.text())
