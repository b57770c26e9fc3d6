"""The Confirm page's typed confirmation and warnings, the Run page's live failure log, and the demo's
federated domain recognised at preview time (not failing at write time)."""

from __future__ import annotations

from wizard_steps import WAIT_MS, fill_connection, pass_checks, to_preview, to_source_with_export, wait_idle

from gui.app import start_sandbox
from gui.navigation import PageId
from gui.session import WizardSession

UNKNOWN_WARNING = "cannot tell whether any domain is already federated"


def _to_confirm(wizard, qtbot, tenant, tmp_path):
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    return wizard.page_by_id(PageId.CONFIRM)


def _accepts(page, qtbot, typed: str) -> bool:
    page.confirm_edit.clear()
    qtbot.keyClicks(page.confirm_edit, typed)
    return page.isComplete() and page.session.flow.confirmed


def test_confirmation_takes_tenant_id_or_domain_and_warns_when_federation_is_unknown(
        make_wizard, qtbot, sandbox, sandbox_profile, tmp_path, memory_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    assert wizard.session.check_report.domains is None  # the plain app may not read domains
    page = _to_confirm(wizard, qtbot, sandbox, tmp_path)
    assert UNKNOWN_WARNING in page.warnings.text() and page.warnings.isVisibleTo(wizard)
    tenant_id = sandbox.tenant_id
    assert _accepts(page, qtbot, f"  {tenant_id.upper()}  ")
    assert _accepts(page, qtbot, "NORDSKOLAN.example ")  # a UPN suffix of the tenant's users
    example = page.tenant_domain()  # the label names the tenant ID and one domain, and both work
    assert tenant_id in page.confirm_label.text() and f"<b>{example}</b>" in page.confirm_label.text()
    assert _accepts(page, qtbot, example.upper())
    assert not _accepts(page, qtbot, "nordskolan")
    assert not _accepts(page, qtbot, "someone-else.example")
    assert not _accepts(page, qtbot, tenant_id[:-1])


def test_demo_sees_the_federated_domain_and_leaves_its_users_out_unless_swapped(make_wizard, qtbot, tmp_path,
                                                                               memory_keyring):
    session = WizardSession()
    tenant = start_sandbox(session, users=40)
    try:
        wizard = make_wizard(session)
        wizard.next()
        pass_checks(wizard, qtbot)
        federated = {name for name, kind in session.check_report.domains if kind == "Federated"}
        assert federated == {"fjordskolan.example"}
        page = _to_confirm(wizard, qtbot, tenant, tmp_path)
        rows = [r for r in session.plan.rows if r.user_principal_name.endswith("@fjordskolan.example")
                and r.status.value != "already_set"]  # an ImmutableId already set always wins
        assert rows and {r.status.value for r in rows} == {"federated_domain"}
        assert {r.reason for r in rows} == {"federated_swap_ready"}  # the UPN swap could set them (opt-in)
        preview = wizard.page_by_id(PageId.PREVIEW)
        model = preview.table.model
        shown = {model.index(i, 5).data() for i in range(model.rowCount())
                 if model.index(i, 1).data().endswith("@fjordskolan.example")
                 and model.index(i, 4).data() == "Federated domain"}
        assert shown == {"Domain fjordskolan.example is federated: tick the UPN swap on the Confirm page to set it."}, shown
        assert UNKNOWN_WARNING not in page.warnings.text()
        assert "fjordskolan.example" in page.warnings.text()  # named as federated instead
        assert "left out unless you choose the UPN swap" in page.warnings.text()
        assert not page.swap_choice.box.isChecked() and not session.federated_upn_swap
        assert _accepts(page, qtbot, " Fjordskolan.Example")  # a verified domain from the check
    finally:
        wizard.stop_all_workers()
        tenant.stop()


def test_run_page_lists_failures_as_they_happen_in_words(make_wizard, qtbot, sandbox, sandbox_profile, tmp_path,
                                                         memory_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    page = _to_confirm(wizard, qtbot, sandbox, tmp_path)
    qtbot.keyClicks(page.confirm_edit, sandbox.tenant_id)
    wizard.next()
    run = wizard.page_by_id(PageId.RUN)
    qtbot.waitUntil(lambda: wizard.session.flow.run_finished, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    failed = [r for r in wizard.session.result.rows if r.status.value == "failed"]
    lines = run.failure_log.toPlainText().splitlines()
    assert failed and sorted(line.split(": ", 1)[0] for line in lines) == \
        sorted(r.user_principal_name for r in failed)
    admins = [line for line in lines if "admin role" in line]
    assert admins and all(line.endswith("(Authorization_RequestDenied)") for line in admins)
