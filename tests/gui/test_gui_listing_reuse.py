"""The Preview page plans from the Source page's fresh listing instead of listing a big tenant twice;
Reload, a stale listing and any run in between make it list afresh (the sandbox's audit log counts)."""

from __future__ import annotations

from wizard_steps import WAIT_MS, fill_connection, pass_checks, to_preview, to_source_with_export

from gui.navigation import PageId
from gui.session import WizardSession


def _listings(sandbox) -> int:
    return sum(1 for e in sandbox.audit()
               if e["method"] == "GET" and e["path"] == "/v1.0/users" and not e.get("in_batch"))


def test_preview_reuses_the_source_pages_listing_and_reload_lists_again(make_wizard, qtbot, sandbox,
                                                                          sandbox_profile, tmp_path,
                                                                          memory_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, sandbox, tmp_path)
    listed_by_source = _listings(sandbox)
    assert listed_by_source >= 1

    to_preview(wizard, qtbot)
    assert _listings(sandbox) == listed_by_source  # planned from the Source page's listing
    assert len(wizard.session.plan.rows) == len(sandbox.users)

    page = wizard.page_by_id(PageId.PREVIEW)
    wizard.session.flow.plan_ready = False
    page.reload_button.click()
    qtbot.waitUntil(lambda: wizard.session.flow.plan_ready, timeout=WAIT_MS)
    assert _listings(sandbox) > listed_by_source  # Reload asks the tenant again


def test_a_listing_stands_for_a_preview_only_while_young_and_before_any_run(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr("gui.session.time.monotonic", lambda: now[0])
    session = WizardSession()
    assert session.recent_users(300) is None
    session.remember_listing(["u1", "u2"])
    now[0] += 299
    assert session.recent_users(300) == ["u1", "u2"]
    now[0] += 2
    assert session.recent_users(300) is None  # too old
    session.remember_listing(["u1"])
    session.result = object()  # a run wrote since: values may have changed
    assert session.recent_users(300) is None
