"""The wizard with the optional RoleManagement.Read.Directory (issue 10 §3): the Check page says admins
are known, and the preview marks them `admin_role` ("Admin role") instead of letting their writes fail."""

from __future__ import annotations

from wizard_steps import fill_connection, pass_checks, to_preview, to_source_with_export

from gui.navigation import PageId


def _check_row(wizard):
    return wizard.page_by_id(PageId.CHECK).rows["admin_roles"]


def test_admins_known_on_check_and_preview(make_wizard, qtbot, sandbox, sandbox_profile, tmp_path,
                                           memory_keyring):
    sandbox.set_app_roles(sandbox.apps[0]["clientId"], ["User.ReadWrite.All", "RoleManagement.Read.Directory"])
    admins = {uid for uid, u in sandbox.users.items() if u["privilegedRole"]}
    assert admins
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    row = _check_row(wizard)
    assert row.state == "ok" and row._verdict.text() == "Yes: the preview marks them, and leaves them out."
    to_source_with_export(wizard, qtbot, sandbox, tmp_path)
    to_preview(wizard, qtbot)
    marked = {r.object_id for r in wizard.session.plan.rows if r.status.value == "admin_role"}
    unset_admins = {uid for uid in admins if sandbox.users[uid]["onPremisesImmutableId"] is None
                    and not sandbox.users[uid]["onPremisesSyncEnabled"]}
    assert unset_admins and marked == unset_admins
    model = wizard.page_by_id(PageId.PREVIEW).table.model
    shown = {model.index(i, 4).data() for i in range(model.rowCount())
             if model.index(i, 4).data() == "Admin role"}
    assert shown == {"Admin role"}
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    warnings = wizard.page_by_id(PageId.CONFIRM).warnings.text()
    assert f"Users that hold an admin role: {len(marked)}. They are left out" in warnings
    assert "reported as failed" not in warnings
    wizard.stop_all_workers()


def test_without_the_permission_the_check_says_optional(make_wizard, qtbot, sandbox, sandbox_profile,
                                                        memory_keyring):
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    row = _check_row(wizard)
    assert row.state == "unknown" and "optional permission" in row._verdict.text()
    assert "RoleManagement.Read.Directory" in row._hint.text()
    wizard.stop_all_workers()


def test_preview_warns_about_role_groups_it_cannot_read(make_wizard, qtbot, sandbox, sandbox_profile, tmp_path,
                                                        memory_keyring):
    from core.sandbox.graph import roles as graph_roles

    group = "0b9d5c3e-0000-4000-8000-00000000dddd"
    member = next(uid for uid, u in sandbox.users.items() if not u["privilegedRole"])
    sandbox.directory.groups[group] = {"id": group, "displayName": "Skolans IT", "isAssignableToRole": True,
                                       "members": [member]}
    graph_roles.add_assignment(sandbox.directory, group, "729827e3-9c14-49f7-bb1b-9608f156bbb8")
    sandbox.set_app_roles(sandbox.apps[0]["clientId"], ["User.ReadWrite.All", "RoleManagement.Read.Directory"])
    wizard = make_wizard()
    fill_connection(wizard, qtbot, sandbox_profile)
    pass_checks(wizard, qtbot)
    assert _check_row(wizard).state == "warning"
    to_source_with_export(wizard, qtbot, sandbox, tmp_path)
    to_preview(wizard, qtbot)
    text = wizard.page_by_id(PageId.PREVIEW).warnings.text()
    assert "The members of these admin role groups are not known" in text and "Skolans IT" in text
    wizard.stop_all_workers()
