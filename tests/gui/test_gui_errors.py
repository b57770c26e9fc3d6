"""Error paths: each shows its fix on the page and keeps the user from going on when they must not."""

from __future__ import annotations

from wizard_steps import WAIT_MS, fill_connection, pass_checks, wait_idle

from gui.navigation import PageId


def test_wrong_secret_shows_its_hint_and_blocks_next(make_wizard, qtbot, sandbox, sandbox_profile, memory_keyring):
    wizard = make_wizard()
    # The classic mistake: the secret's ID (a GUID-like value) passes typing, but here a wrong value.
    fill_connection(wizard, qtbot, sandbox_profile, secret="sbx8Q~this-is-not-the-value-0123456789abcd")  # noqa: S106
    wizard.next()
    wait_idle(wizard, qtbot)
    page = wizard.page_by_id(PageId.CHECK)
    row = page.rows["credentials"]
    assert row.state == "failed"
    assert "secret was refused" in row.verdict_text()
    assert "pasted the secret's ID, not its Value" in row.hint_text()
    assert page.rows["consent"].state == "skipped"
    assert not page.isComplete()
    assert page.error_panel.isVisible()
    assert page.retry_button.isEnabled()


def test_secret_id_pasted_is_caught_while_typing(make_wizard, qtbot, sandbox_profile):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile, secret="1b2c3d4e-0000-1111-2222-333344445555")  # noqa: S106
    page = wizard.page_by_id(PageId.CONNECTION)
    assert not page.isComplete()
    assert page.secret_problem.isVisible() and "Secret ID" in page.secret_problem.text()
    page.tenant_edit.setText("https://portal.azure.com/x")
    assert "web address" in page.tenant_problem.text()


def test_missing_consent_blocks_next(make_wizard, qtbot, sandbox, memory_keyring):
    profile = sandbox.connection_profile(1)  # the sandbox's second app has no admin consent
    wizard = make_wizard()
    fill_connection(wizard, qtbot, profile)
    wizard.next()
    wait_idle(wizard, qtbot)
    page = wizard.page_by_id(PageId.CHECK)
    assert page.rows["consent"].state == "failed"
    assert "Grant admin consent for" in page.rows["consent"].hint_text()
    assert not page.isComplete()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == PageId.CHECK
    # The admin grants consent in the portal, then presses Retry: now it passes.
    sandbox.set_app_roles(profile["client_id"], ["User.ReadWrite.All"])
    page.retry_button.click()
    qtbot.waitUntil(lambda: wizard.session.check_report is not None, timeout=WAIT_MS)
    wait_idle(wizard, qtbot)
    assert page.rows["consent"].state == "ok" and page.isComplete()


def test_no_keyring_says_so_and_still_works(make_wizard, qtbot, sandbox, sandbox_profile, no_keyring):
    wizard = make_wizard()
    wizard.next()
    page = wizard.page_by_id(PageId.CONNECTION)
    assert page.keyring_notice.isVisible()
    assert "no usable keychain" in page.keyring_notice.text()
    assert not page.remember_box.isEnabled()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    assert wizard.secret_store.get(sandbox_profile["tenant_id"], sandbox_profile["client_id"]) is None
    assert wizard.session.secret == sandbox_profile["client_secret"]
